/**
 * `npm run demo`: the product on the bundled demo org, in real Chromium with the production build
 * (`npm run demo -- --browser=firefox`: the same in real Firefox, scripts/demo-firefox.ts).
 * With a display it opens a window to click through; without one (or with --headless) it walks
 * the demo and writes screenshots of the CRM pages and the side panel to demo-output/.
 */
import { spawnSync } from "node:child_process"
import { mkdirSync } from "node:fs"
import { resolve } from "node:path"
import type { Page } from "playwright-core"
import { launchBrowser, openPanel, setPanelLanguage } from "../demo/browser"
import { demoTour, installDemoOrg } from "../demo/routes"

const headless = process.argv.includes("--headless") || !process.env.DISPLAY
if (process.argv.includes("--browser=firefox")) {
  const { runFirefoxDemo } = await import("./demo-firefox")
  await runFirefoxDemo({ headless, build: !process.argv.includes("--no-build") })
  process.exit(0)
}
if (!process.argv.includes("--no-build")) {
  const build = spawnSync("node", ["scripts/build.mjs"], { stdio: "inherit" })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

const outDir = resolve("demo-output")
mkdirSync(outDir, { recursive: true })

const browser = await launchBrowser({ headless })
await installDemoOrg(browser.context)
const crm = await browser.context.newPage()
const shots: string[] = []
const shoot = async (page: Page, name: string) => {
  const path = `${outDir}/${name}.png`
  await page.screenshot({ path, fullPage: false })
  shots.push(path)
}

const tour = demoTour()
await crm.goto(tour[0]!.url)
// Chrome's side panel opens about 360 px wide.
const panel = await openPanel(browser, { width: 360, height: 900 })
await crm.bringToFront()

for (const [i, stop] of tour.entries()) {
  if (i > 0) await crm.goto(stop.url)
  await crm.bringToFront()
  await panel.getByTestId("record-title").filter({ hasText: stop.title }).waitFor({ timeout: 20_000 })
  await panel.waitForTimeout(800)
  if (stop.typeInto) {
    if (stop.typeInto.openButton) await crm.getByRole("button", { name: stop.typeInto.openButton }).click()
    const field = crm.locator(stop.typeInto.selector).first()
    await field.click()
    await field.fill("")
    await field.pressSequentially(stop.typeInto.text)
    await crm.waitForTimeout(600)
  }
  const n = String(i + 1).padStart(2, "0")
  await shoot(crm, `${n}-${stop.slug}-crm-page`)
  for (const tab of stop.panelTabs ?? [undefined]) {
    if (tab) await panel.getByRole("tab", { name: tab }).click()
    await panel.waitForTimeout(300)
    await shoot(panel, `${n}-${stop.slug}-panel${tab ? `-${tab.toLowerCase()}` : ""}`)
  }
}

// Every tab once more in Persian (right to left, Persian digits, Solar Hijri dates), on the
// Persian-speaking distributor, then the inline chip in Persian, then back to English.
const persianStop = tour.find((stop) => stop.slug === "dariush-account") ?? tour[0]!
await crm.goto(persianStop.url)
await panel.getByTestId("record-title").filter({ hasText: persianStop.title }).waitFor({ timeout: 20_000 })
await setPanelLanguage(panel, "fa")
const n = String(tour.length + 1).padStart(2, "0")
for (let i = 0; i < (await panel.getByRole("tab").count()); i++) {
  await panel.getByRole("tab").nth(i).click()
  const amount = panel.getByTestId("pricing-input")
  if (await amount.count()) {
    await amount.fill("")
    await amount.pressSequentially("48500")
  }
  await panel.waitForTimeout(500)
  await shoot(panel, `${n}-persian-panel-tab-${i + 1}`)
}
const chipStop = tour.find((stop) => stop.slug === "dynamics-quote-line-chip")
if (chipStop?.typeInto) {
  await crm.goto(chipStop.url)
  const field = crm.locator(chipStop.typeInto.selector).first()
  await field.click()
  await field.fill("")
  await field.pressSequentially(chipStop.typeInto.text)
  await crm.waitForTimeout(600)
  await shoot(crm, `${n}-persian-chip-crm-page`)
}
await setPanelLanguage(panel, "en")

if (headless) {
  console.log("\nDemo screenshots:")
  for (const path of shots) console.log(`  ${path}`)
  await browser.close()
} else {
  console.log("\nParley demo is open. Browse the demo org; the side panel tab follows the CRM tab. Close the window to end.")
  await new Promise<void>((done) => browser.context.on("close", () => done()))
}
