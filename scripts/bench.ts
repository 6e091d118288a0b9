/**
 * `npm run bench`: Parley's budgets (DESIGN.md), measured in real Chromium as ratios against a
 * baseline measured in the same run. Prints a table and writes bench-results.json:
 * [{ name, value, unit, baseline?, ratio?, budget? }]. Exits non-zero when a budget is missed.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import { spawnSync } from "node:child_process"
import * as esbuild from "esbuild"
import { BUILD_DIR, launchBrowser } from "../demo/browser"
import { benchmarks, type Result } from "../tests/bench/metrics"

if (!process.argv.includes("--no-build")) {
  // Both builds: the Firefox one for the Firefox content-script size beside Chromium's.
  for (const args of [["scripts/build.mjs"], ["scripts/build.mjs", "--target=firefox-mv3"]]) {
    const build = spawnSync("node", args, { stdio: "inherit" })
    if (build.status !== 0) process.exit(build.status ?? 1)
  }
}

const only = process.argv.find((a) => a.startsWith("--only="))?.slice(7).split(",")
const results: Result[] = []
for (const bench of benchmarks) {
  if (only && !only.includes(bench.name)) continue
  process.stdout.write(`running ${bench.name}… `)
  const started = Date.now()
  const result = await bench.run({ esbuild, launchBrowser, buildDir: BUILD_DIR, readFileSync })
  results.push(result)
  console.log(`${((Date.now() - started) / 1000).toFixed(1)} s`)
}

const pass = (r: Result) => r.budget === undefined || (r.ratio ?? r.value) <= r.budget
const rows = results.map((r) => ({
  metric: r.name,
  value: `${r.value.toFixed(r.unit === "calls" ? 0 : 2)} ${r.unit}`,
  baseline: r.baseline === undefined ? "" : `${r.baseline.toFixed(2)} ${r.baselineUnit ?? r.unit}`,
  ratio: r.ratio === undefined ? "" : r.ratio.toFixed(3),
  budget: r.budget === undefined ? "" : `≤ ${r.budget}`,
  verdict: pass(r) ? "ok" : "OVER"
}))
console.table(rows)
// A partial run (--only) updates its metrics in the existing file and keeps the others.
const fresh = results.map(({ baselineUnit: _b, ...r }) => r)
let previous: { name: string }[] = []
if (only && existsSync("bench-results.json")) {
  try {
    previous = JSON.parse(readFileSync("bench-results.json", "utf8"))
  } catch {
    previous = []
  }
}
const merged = [...previous.filter((r) => !fresh.some((f) => f.name === r.name)), ...fresh]
writeFileSync("bench-results.json", `${JSON.stringify(merged, null, 2)}\n`)
console.log("bench-results.json written")
process.exit(results.every(pass) ? 0 : 1)
