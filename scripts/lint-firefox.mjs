// Mozilla's own linter (web-ext lint, the checks addons.mozilla.org runs) on a Firefox build
// folder or zip: fails on any error and prints the warnings. Usage: node scripts/lint-firefox.mjs [path]
import { spawnSync } from "node:child_process"

export function lintFirefox(source = "build/firefox-mv3-prod") {
  // --self-hosted: not an AMO listing, so AMO's listing-only checks (update_url...) are skipped.
  const run = spawnSync("npx", ["web-ext", "lint", "--source-dir", source, "--output", "json", "--self-hosted", "--no-config-discovery"], { encoding: "utf8" })
  let report
  try {
    report = JSON.parse(run.stdout)
  } catch {
    throw new Error(`lint-firefox: web-ext gave no report (exit ${run.status}): ${run.stderr || run.stdout}`)
  }
  for (const kind of ["errors", "warnings"]) {
    for (const m of report[kind]) console.log(`lint-firefox: ${kind.slice(0, -1)} ${m.code} ${m.file ?? ""} ${m.message}`)
  }
  console.log(`lint-firefox: ${source}: ${report.summary.errors} errors, ${report.summary.warnings} warnings`)
  return report.summary.errors
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    process.exit(lintFirefox(process.argv[2]) === 0 ? 0 : 1)
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  }
}
