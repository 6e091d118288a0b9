/**
 * Issue 12: what the engines say reaches the rep in the rep's language. On the demo org's
 * Persian-speaking distributor, with Parley set to Persian, the negotiation hints, the axes'
 * summaries and evidence reasons, the pricing suggestions and the inline chip are Persian
 * (letters outside <bdi>, where CRM text sits, ≥ 90 % Persian) with Persian digits; in English
 * the same regions carry no Persian outside CRM text.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Page } from "playwright-core"
import { launchBrowser, openPanel, setPanelLanguage, type ExtensionBrowser } from "../../demo/browser"
import { DEMO_ACCOUNTS, dynIds, sfIds } from "../../demo/org"
import { dynamicsRecordUrl, installDemoOrg, salesforceRecordUrl } from "../../demo/routes"

const dariush = DEMO_ACCOUNTS.find((a) => /[\u0600-\u06FF]/.test(a.name))!

let browser: ExtensionBrowser
let crm: Page
let panel: Page

interface Letters {
  persian: number
  latin: number
  persianDigits: number
  latinDigits: number
  sample: string
}

/** Counts letters and digits in the regions' text, leaving out CRM text (inside <bdi>). */
async function lettersOf(selector: string): Promise<Letters> {
  return panel.evaluate((sel) => {
    let text = ""
    for (const region of document.querySelectorAll(sel)) {
      const walker = document.createTreeWalker(region, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) if (!node.parentElement?.closest("bdi")) text += node.nodeValue + " "
    }
    const count = (re: RegExp) => (text.match(re) ?? []).length
    return {
      persian: count(/[\u0621-\u064A\u067E\u0686\u0698\u06A9\u06AF\u06CC\u0622]/g),
      latin: count(/[A-Za-z]/g),
      persianDigits: count(/[\u06F0-\u06F9]/g),
      latinDigits: count(/[0-9]/g),
      // The Latin words left outside <bdi>: what a failure must show first.
      sample: [...new Set(text.match(/[A-Za-z][A-Za-z0-9.-]*/g) ?? [])].slice(0, 20).join(" ") + " | " + text.replace(/\s+/g, " ").slice(0, 200)
    }
  }, selector)
}

const share = (l: Letters) => l.persian / Math.max(1, l.persian + l.latin)

/** The chip's shadow root is closed to the page; CDP's pierced DOM still reads it. */
async function chipText(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page)
  type Node = { nodeName: string; nodeType: number; nodeValue?: string; children?: Node[]; shadowRoots?: Node[] }
  const { root } = (await cdp.send("DOM.getDocument", { depth: -1, pierce: true })) as { root: Node }
  const texts: string[] = []
  const collect = (n: Node, inChip: boolean) => {
    const chip = inChip || n.nodeName === "PARLEY-PRICING-CHIP"
    if (chip && n.nodeType === 3 && n.nodeValue) texts.push(n.nodeValue)
    for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) if (c.nodeName !== "STYLE") collect(c, chip)
  }
  collect(root, false)
  await cdp.detach()
  return texts.join(" ")
}


const TAB = { relationship: /^(Relationship|رابطه)$/, negotiation: /^(Negotiation|مذاکره)$/, pricing: /^(Pricing|قیمت‌گذاری)$/ }

async function readRegions(): Promise<Record<string, Letters>> {
  const out: Record<string, Letters> = {}
  await panel.getByRole("tab", { name: TAB.relationship }).click()
  // Evidence lists are collapsed: open each so their reasons are in the DOM.
  for (const toggle of await panel.locator("[data-testid=relationship-dominance], [data-testid=relationship-value-origin], [data-testid=relationship-initiator], [data-testid=decision-criteria]").locator("summary, button[aria-expanded=false]").all()) await toggle.click()
  out.summaries = await lettersOf("[data-testid=axis-summary]")
  out.reasons = await lettersOf("[data-testid=evidence-reason]")
  await panel.getByRole("tab", { name: TAB.negotiation }).click()
  await panel.getByTestId("hint").first().waitFor({ timeout: 10_000 })
  out.hints = await lettersOf("[data-testid=negotiation-hints]")
  await panel.getByRole("tab", { name: TAB.pricing }).click()
  const input = panel.getByTestId("pricing-input")
  await input.fill("")
  await input.pressSequentially("48500")
  await panel.locator("[data-testid=pricing-suggestion][data-state=ready]").waitFor({ timeout: 10_000 })
  out.pricing = await lettersOf("[data-testid=pricing-suggestion]")
  return out
}

beforeAll(async () => {
  browser = await launchBrowser()
  await installDemoOrg(browser.context)
  crm = await browser.context.newPage()
  await crm.goto(salesforceRecordUrl("Account", sfIds.account(dariush)))
  panel = await openPanel(browser, { width: 360, height: 900 })
  await panel.getByTestId("record-title").filter({ hasText: dariush.name }).waitFor({ timeout: 15_000 })
  await panel.locator("[data-testid=sync-status][data-state=synced]").waitFor({ timeout: 30_000 })
  await panel.locator("[data-testid=relationship-dominance]:not([data-label=unknown])").waitFor({ timeout: 15_000 })
})
afterAll(async () => {
  await browser?.close()
})

describe("the engines speak the rep's language", () => {
  it("in Persian: hints, summaries, evidence reasons and pricing are Persian, with Persian digits", async () => {
    await setPanelLanguage(panel, "fa")
    const regions = await readRegions()
    for (const [name, l] of Object.entries(regions)) {
      expect(l.persian + l.latin, `${name} has text`).toBeGreaterThan(0)
      expect(share(l), `${name}: ${l.sample}`).toBeGreaterThanOrEqual(0.9)
      expect(l.latinDigits, `${name} writes Persian digits: ${l.sample}`).toBe(0)
    }
    expect(regions.hints!.persianDigits + regions.pricing!.persianDigits).toBeGreaterThan(0)
  })

  it("in English: the same regions carry no Persian outside CRM text", async () => {
    await setPanelLanguage(panel, "en")
    const regions = await readRegions()
    for (const [name, l] of Object.entries(regions)) {
      expect(l.latin, `${name} has text`).toBeGreaterThan(0)
      expect([name, l.persian, l.persianDigits]).toEqual([name, 0, 0])
    }
  })

  it("the inline pricing chip speaks Persian when Parley does", async () => {
    await setPanelLanguage(panel, "fa")
    const deal = DEMO_ACCOUNTS[1]!.deals.find((d) => !d.isClosed)!
    const page = await browser.context.newPage()
    await page.goto(dynamicsRecordUrl("quotedetail", dynIds.quoteLine(deal.quotes.at(-1)!, 0)))
    const field = page.locator('input[data-id^="priceperunit.fieldControl"]').first()
    await field.click()
    await field.fill("")
    await field.pressSequentially("50000")
    await expect.poll(() => page.locator("parley-pricing-chip").count(), { timeout: 10_000 }).toBe(1)
    await expect.poll(() => chipText(page), { timeout: 5_000 }).toMatch(/[\u06F0-\u06F9]/)
    const text = await chipText(page)
    const persian = (text.match(/[\u0600-\u06FF]/g) ?? []).length
    const latin = (text.match(/[A-Za-z]/g) ?? []).length
    expect(persian / Math.max(1, persian + latin), text).toBeGreaterThanOrEqual(0.9)
    await page.close()
  })
})
