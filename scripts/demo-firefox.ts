/**
 * `npm run demo -- --browser=firefox`: the same walk as the Chromium demo (scripts/demo.ts), in
 * real Firefox with the production Firefox build. Parley opens its panel in a tab on install
 * (Firefox's sidebar is not scriptable); the walk follows the tour in English, then every panel
 * tab in Persian. Screenshots go to demo-output/firefox/.
 */
import { spawnSync } from "node:child_process"
import { mkdirSync } from "node:fs"
import { resolve } from "node:path"
import type { Page } from "puppeteer-core"
import { launchFirefox } from "../demo/firefox"
import { until } from "../demo/wait"
import { demoTour } from "../demo/routes"

export async function runFirefoxDemo(options: { headless: boolean; build: boolean }): Promise<void> {
  if (options.build) {
    const build = spawnSync("node", ["scripts/build.mjs", "--target=firefox-mv3"], { stdio: "inherit" })
    if (build.status !== 0) process.exit(build.status ?? 1)
  }
  const outDir = resolve("demo-output/firefox")
  mkdirSync(outDir, { recursive: true })
  const firefox = await launchFirefox({ headless: options.headless })
  const shots: string[] = []
  const shoot = async (page: Page, name: string) => {
    const path = `${outDir}/${name}.png`
    await page.screenshot({ path })
    shots.push(path)
  }
  const clickTab = (page: Page, name: RegExp) =>
    page.evaluate((source) => {
      const tab = [...document.querySelectorAll('[role="tab"]')].find((t) => new RegExp(source).test(t.textContent ?? "")) as HTMLElement | undefined
      tab?.click()
      return tab !== undefined
    }, name.source)
  const title = (page: Page) => page.evaluate(() => document.querySelector('[data-testid="record-title"]')?.textContent ?? "")

  const panel = await firefox.panel()
  // setViewport is not in Firefox's BiDi yet: the panel tab keeps the window's size.
  const crm = await firefox.newPage()
  const tour = demoTour()
  for (const [i, stop] of tour.entries()) {
    await crm.goto(stop.url)
    await crm.bringToFront()
    await until(`the panel on ${stop.title}`, async () => (await title(panel)) === stop.title, 30_000)
    if (stop.typeInto) {
      if (stop.typeInto.openButton) {
        await crm.evaluate((label) => [...document.querySelectorAll("button")].find((b) => b.textContent?.trim() === label)?.click(), stop.typeInto.openButton)
      }
      const field = (await crm.waitForSelector(stop.typeInto.selector))!
      await field.click({ count: 3 })
      await crm.keyboard.press("Backspace")
      await field.type(stop.typeInto.text)
      await new Promise((r) => setTimeout(r, 600))
    }
    const n = String(i + 1).padStart(2, "0")
    await shoot(crm, `${n}-${stop.slug}-crm-page`)
    for (const tab of stop.panelTabs ?? [undefined]) {
      if (tab) await clickTab(panel, new RegExp(`^${tab}$`))
      await new Promise((r) => setTimeout(r, 300))
      await shoot(panel, `${n}-${stop.slug}-panel${tab ? `-${tab.toLowerCase()}` : ""}`)
    }
  }
  // Persian, on the Persian-speaking distributor: Settings → language, then every tab once.
  const persianStop = tour.find((stop) => stop.slug === "dariush-account") ?? tour[0]!
  await crm.goto(persianStop.url)
  await crm.bringToFront()
  await until(`the panel on ${persianStop.title}`, async () => (await title(panel)) === persianStop.title, 30_000)
  await clickTab(panel, /^(Settings|تنظیمات)$/)
  await (await panel.waitForSelector('[data-testid="language-select"]'))!.select("fa")
  await until("the Persian layout", () => panel.evaluate(() => document.querySelector("main[dir=rtl]") !== null), 10_000)
  const tabs = await panel.evaluate(() => document.querySelectorAll('[role="tab"]').length)
  for (let i = 0; i < tabs; i++) {
    await panel.evaluate((n) => (document.querySelectorAll('[role="tab"]')[n] as HTMLElement).click(), i)
    await new Promise((r) => setTimeout(r, 500))
    await shoot(panel, `${String(tour.length + 1).padStart(2, "0")}-persian-panel-tab-${i + 1}`)
  }
  if (options.headless) {
    console.log("\nFirefox demo screenshots:")
    for (const path of shots) console.log(`  ${path}`)
    await firefox.close()
  } else {
    console.log("\nParley demo is open in Firefox. Browse the demo org; the Parley tab follows the CRM tab. Close the window to end.")
    await new Promise<void>((done) => firefox.browser.on("disconnected", () => done()))
    await firefox.close()
  }
}
