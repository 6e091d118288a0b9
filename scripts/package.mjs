// Store-ready zips for Chrome and Edge from production builds (source maps left out).
import { spawnSync } from "node:child_process"
import { existsSync } from "node:fs"

for (const target of ["chrome-mv3", "edge-mv3"]) {
  const run = spawnSync("node", ["scripts/build.mjs", `--target=${target}`, "--zip"], { stdio: "inherit" })
  if (run.status !== 0) process.exit(run.status ?? 1)
  const zip = `build/${target}-prod.zip`
  if (!existsSync(zip)) {
    console.error(`package: ${zip} was not produced`)
    process.exit(1)
  }
  console.log(`package: ${zip}`)
}
