// Production build, scope-hoisted (--hoist: the content script drops from ~20 to ~12 KiB and the
// panel halves; zod works because it is imported as a namespace). Plasmo logs some config errors and still exits 0 (a content script whose
// `matches` it cannot read silently becomes <all_urls>), so the log and the manifest are checked.
import { spawnSync } from "node:child_process"
import { readFileSync } from "node:fs"
import { injectAppShell } from "./app-shell.mjs"
import { buildChip } from "./build-chip.mjs"
import { toFirefoxManifest } from "./firefox-manifest.mjs"

const target = process.argv.find((a) => a.startsWith("--target="))?.slice(9) ?? "chrome-mv3"
// No `--zip` is passed to Plasmo: it would zip before the chip bundle below exists
// (scripts/package.mjs zips the finished folder).
const args = ["plasmo", "build", `--target=${target}`, "--hoist"]
const run = spawnSync("npx", args, { encoding: "utf8", env: { ...process.env, NODE_ENV: "production" } })
const log = `${run.stdout}${run.stderr}`
process.stdout.write(log)
if (run.status !== 0) process.exit(run.status ?? 1)
if (log.includes("🔴 ERROR")) {
  console.error("build: Plasmo reported an error (see above) although it exited 0")
  process.exit(1)
}
const dir = `build/${target}-prod`
const manifest = readFileSync(`${dir}/manifest.json`, "utf8")
if (manifest.includes("<all_urls>")) {
  console.error(`build: ${dir}/manifest.json grants <all_urls>; a content script lost its literal matches`)
  process.exit(1)
}
// The inline pricing chip is an esbuild bundle loaded lazily by the content scripts (src/chip).
try {
  await buildChip(dir)
  injectAppShell(dir)
  if (target.startsWith("firefox")) await toFirefoxManifest(dir)
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}
console.log(`build: ${dir} ready`)
