/**
 * Writes tests/fixtures/salesforce/*.html from the demo renderers.
 * Run: `npx tsx demo/salesforce/write-fixtures.ts`
 */
import { mkdirSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { salesforceFixtures } from "./fixtures"

const dir = join(dirname(fileURLToPath(import.meta.url)), "../../tests/fixtures/salesforce")
mkdirSync(dir, { recursive: true })
for (const [name, html] of Object.entries(salesforceFixtures())) {
  writeFileSync(join(dir, name), html)
  console.log(`wrote tests/fixtures/salesforce/${name} (${(html.length / 1024).toFixed(1)} KiB)`)
}
