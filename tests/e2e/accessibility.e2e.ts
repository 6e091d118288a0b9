/**
 * axe-core over every panel tab, in English and Persian, light and dark, on the demo org: no
 * serious or critical violation. axe is evaluated through CDP (Playwright's evaluate), which the
 * extension page's CSP does not block; nothing is injected into the product.
 */
import { readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Page } from "playwright-core"
import { launchBrowser, openPanel, setPanelLanguage, type ExtensionBrowser } from "../../demo/browser"
import { DEMO_ACCOUNTS, sfIds } from "../../demo/org"
import { installDemoOrg, salesforceRecordUrl } from "../../demo/routes"

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8")
const TABS = [/^(Relationship|رابطه)$/, /^(Negotiation|مذاکره)$/, /^(Pricing|قیمت‌گذاری)$/, /^(History|تاریخچه)$/, /^(Team|تیم)$/, /^(Settings|تنظیمات)$/]

let browser: ExtensionBrowser
let panel: Page

interface Violation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[] }[]
}

async function seriousViolations(): Promise<string[]> {
  await panel.evaluate(AXE)
  const result = await panel.evaluate<{ violations: Violation[]; passes: number }>("axe.run(document).then((r) => ({ violations: r.violations, passes: r.passes.length }))")
  expect(result.passes, "axe ran its rules").toBeGreaterThan(10)
  const violations = result.violations
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)
}

async function auditEveryTab(): Promise<string[]> {
  const found: string[] = []
  const tabs = await panel.getByRole("tab").count()
  expect(tabs).toBe(TABS.length)
  for (let i = 0; i < tabs; i++) {
    await panel.getByRole("tab").nth(i).click()
    await panel.waitForTimeout(400)
    const name = (await panel.getByRole("tab").nth(i).textContent()) ?? String(i)
    for (const v of await seriousViolations()) found.push(`[${name}] ${v}`)
    // At the side panel's ~360 px nothing may push the panel sideways (clipped or scrolled text).
    const overflow = await panel.evaluate<number>("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    if (overflow > 0) found.push(`[${name}] the panel is ${overflow} px wider than its 360 px`)
  }
  return found
}

let crm: Page


beforeAll(async () => {
  browser = await launchBrowser()
  await installDemoOrg(browser.context)
  crm = await browser.context.newPage()
  await crm.goto(salesforceRecordUrl("Account", sfIds.account(DEMO_ACCOUNTS[1]!)))
  panel = await openPanel(browser, { width: 360, height: 900 })
  await panel.locator("[data-testid=sync-status][data-state=synced]").waitFor({ timeout: 30_000 })
  await panel.locator("[data-testid=relationship-dominance]:not([data-label=unknown])").waitFor({ timeout: 15_000 })
})
afterAll(async () => {
  await browser?.close()
})

describe("panel accessibility (axe-core) and layout at 360 px", () => {
  it("has no serious violation on any tab, in English", async () => {
    expect(await auditEveryTab()).toEqual([])
  })

  it("has no serious violation on any tab in Persian, dark theme", async () => {
    await setPanelLanguage(panel, "fa")
    await panel.emulateMedia({ colorScheme: "dark" })
    expect(await auditEveryTab()).toEqual([])
  })

  // An account with almost no history: the History tab's charts are empty placeholders, whose
  // muted text must keep its contrast in both themes and both languages.
  const sparse = DEMO_ACCOUNTS.find((a) => a.deals.length === 0 && a.cases.length === 0)!

  it("has no serious violation on a nearly empty account in Persian, light theme", async () => {
    await crm.goto(salesforceRecordUrl("Account", sfIds.account(sparse)))
    await panel.getByTestId("record-title").filter({ hasText: sparse.name }).waitFor({ timeout: 20_000 })
    await panel.emulateMedia({ colorScheme: "light" })
    await setPanelLanguage(panel, "fa")
    expect(await auditEveryTab()).toEqual([])
  })

  it("has no serious violation on a nearly empty account in English, dark theme", async () => {
    await panel.emulateMedia({ colorScheme: "dark" })
    await setPanelLanguage(panel, "en")
    expect(await auditEveryTab()).toEqual([])
  })
})
