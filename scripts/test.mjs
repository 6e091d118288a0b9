// `npm test`: everything a change must pass, in order: typecheck, lint, unit tests, production
// builds (Chromium and Firefox, the Firefox one checked by web-ext lint), end-to-end tests in real
// Chromium, then in real Firefox. Stops at the first failing step and ends with one
// summary line, "N passed, N failed", counting test cases of both vitest runs.
import { spawnSync } from "node:child_process"
import { mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

const reports = mkdtempSync(join(tmpdir(), "parley-test-"))
const counts = { passed: 0, failed: 0 }

function vitest(name, args) {
  const out = join(reports, `${name}.json`)
  const status = step(name, "npx", ["vitest", "run", ...args, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`])
  try {
    const report = JSON.parse(readFileSync(out, "utf8"))
    counts.passed += report.numPassedTests
    counts.failed += report.numFailedTests + (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
    if (report.numPendingTests || report.numTodoTests) console.error(`${name}: skipped or todo tests are not allowed`)
    if (!report.numTotalTests) {
      console.error(`${name}: ran no test`)
      return 1
    }
    return status || (report.numPendingTests || report.numTodoTests ? 1 : 0)
  } catch {
    counts.failed += 1
    return status || 1
  }
}

function step(name, command, args) {
  console.log(`\n── ${name} ──`)
  const started = Date.now()
  const run = spawnSync(command, args, { stdio: "inherit", env: process.env })
  console.log(`── ${name}: ${run.status === 0 ? "ok" : "FAILED"} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  return run.status ?? 1
}

const steps = [
  () => step("typecheck", "npx", ["tsc", "--noEmit", "-p", "."]),
  () => step("lint", "npx", ["eslint", "--max-warnings=0", "."]),
  () => vitest("unit", []),
  () => step("build", "node", ["scripts/build.mjs"]),
  () => step("build firefox", "node", ["scripts/build.mjs", "--target=firefox-mv3"]),
  () => step("lint firefox", "node", ["scripts/lint-firefox.mjs", "build/firefox-mv3-prod"]),
  () => vitest("e2e", ["--config", "vitest.e2e.config.mts"]),
  () => vitest("e2e firefox", ["--config", "vitest.e2e-firefox.config.mts"])
]

let failedStep = false
for (const run of steps) {
  if (run() !== 0) {
    failedStep = true
    break
  }
}
const line = `${counts.passed} passed, ${counts.failed} failed`
console.log(`\nnpm test: ${failedStep ? "FAILED" : "ok"}`)
console.log(line)
process.exit(failedStep || counts.failed ? 1 : 0)
