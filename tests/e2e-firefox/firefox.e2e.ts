/**
 * Parley in real Firefox (Debian's firefox-esr over WebDriver BiDi), the production Firefox build
 * installed as an add-on, the demo org served over HTTPS at the CRM hosts' real names: the same
 * user-visible behaviour as in Chromium on a Lightning record, the Salesforce API sync through the
 * rep's session cookie, a Dynamics form, the inline chip and the panel in Persian.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Page } from "puppeteer-core"
import { DEMO_ACCOUNTS, dynIds, sfIds } from "../../demo/org"
import { dynamicsRecordUrl, salesforceRecordUrl } from "../../demo/routes"
import { launchFirefox, readStore, type FirefoxSession } from "../../demo/firefox"
import { until } from "../../demo/wait"

let firefox: FirefoxSession
let panel: Page
const [, initech, , dariush] = DEMO_ACCOUNTS

const text = (page: Page, testId: string) => page.evaluate((id) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? null, testId)
const attr = (page: Page, testId: string, name: string) =>
  page.evaluate((id, n) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute(n) ?? null, testId, name)

async function visit(url: string): Promise<Page> {
  const page = await firefox.newPage()
  await page.goto(url)
  await page.bringToFront()
  return page
}

beforeAll(async () => {
  firefox = await launchFirefox()
  panel = await firefox.panel()
})
afterAll(async () => {
  await firefox?.close()
})

describe("Parley in Firefox", () => {
  it("reads a Lightning record page into the panel and syncs its history through the rep's session", async () => {
    const crm = await visit(salesforceRecordUrl("Account", sfIds.account(initech!)))
    await until("the record title", async () => (await text(panel, "record-title")) === initech!.name, 20_000)
    // The API sync used the HttpOnly sid of the My Domain host, read from Firefox's cookie store.
    const status = await until("a finished sync", async () => {
      const s = await text(panel, "sync-status")
      return s && /Synced/.test(s) ? s : undefined
    }, 30_000)
    expect(status).toMatch(/records stored/)
    // The mock answers queries only for the session id of that cookie (Authorization: Bearer).
    const calls = firefox.network.salesforceApi!.calls
    expect(calls.length).toBeGreaterThan(0)
    expect(calls.every((c) => c.status === 200)).toBe(true)
    // The history read from the API is classified: Initech's deepening discounts make it customer-led.
    expect(await until("a dominance label", () => attr(panel, "relationship-dominance", "data-label"), 20_000)).toBe("customer")
    await crm.close()
  })

  it("reads a Dynamics 365 form and syncs its history from the page's own origin", async () => {
    const crm = await visit(dynamicsRecordUrl("account", dynIds.account(dariush!)))
    await until("the Dynamics record title", async () => (await text(panel, "record-title")) === dariush!.name, 30_000)
    // Dataverse answers only the org's own origin: Firefox's content-script fetch must be the page's
    // (content.fetch), or the mock refuses it as Dataverse refuses a foreign origin.
    await until("a finished Dynamics sync", async () => /Synced/.test((await text(panel, "sync-status")) ?? ""), 30_000)
    const stats = firefox.network.dynamicsApi.stats
    expect(stats.calls).toBeGreaterThan(0)
    expect(stats.refused).toBe(0)
    await crm.close()
  })

  it("gets the quote's typed values and its customer from Xrm through the MAIN-world bridge", async () => {
    const quote = initech!.deals.find((d) => !d.isClosed)!.quotes.at(-1)!
    const quoteId = dynIds.quote(quote)
    const crm = await visit(dynamicsRecordUrl("quote", quoteId))
    const key = `dynamics:northwind.crm4:${quoteId}`
    // Only the bridge gives typed values (the page shows "$41,080.00") and lookup ids.
    const fields = await until("the bridge's values in the stored page record", async () => {
      const rows = (await readStore(panel, "pageRecords")) as Array<{ key: string; fields: Record<string, { value: string; relatedId?: string }> }>
      const record = rows.find((r) => r.key === key)
      return record?.fields.customerid?.relatedId ? record.fields : undefined
    }, 20_000)
    expect(fields.customerid!.relatedId).toBe(dynIds.account(initech!))
    expect(fields.totalamount?.value).toBe(String(quote.lines.reduce((n, l) => n + l.unitPrice * l.quantity, 0)))
    await crm.close()
  })

  it("shows the inline pricing chip on a quote line's price field without writing into it", async () => {
    const quote = initech!.deals.find((d) => !d.isClosed)!.quotes.at(-1)!
    const crm = await visit(dynamicsRecordUrl("quotedetail", dynIds.quoteLine(quote, 0)))
    const input = (await crm.waitForSelector('input[data-id^="priceperunit.fieldControl"]'))!
    expect(await crm.evaluate(() => document.querySelectorAll("parley-pricing-chip").length)).toBe(0)
    await input.click({ count: 3 })
    await crm.keyboard.press("Backspace")
    await input.type("50000")
    await until("the chip", () => crm.evaluate(() => document.querySelectorAll("parley-pricing-chip").length === 1), 15_000)
    expect(await input.evaluate((el) => (el as HTMLInputElement).value)).toBe("50000")
    await crm.close()
  })

  it("speaks Persian when the rep chooses it", async () => {
    await visit(salesforceRecordUrl("Account", sfIds.account(initech!)))
    await until("the record title", async () => (await text(panel, "record-title")) === initech!.name, 20_000)
    await panel.evaluate(() => {
      const tab = [...document.querySelectorAll('[role="tab"]')].find((t) => /^(Settings|تنظیمات)$/.test(t.textContent ?? "")) as HTMLElement
      tab.click()
    })
    const select = (await panel.waitForSelector('[data-testid="language-select"]'))!
    await select.select("fa")
    await until("the right-to-left layout", () => panel.evaluate(() => document.querySelector("main[dir=rtl]") !== null), 10_000)
    await panel.evaluate(() => {
      const tab = [...document.querySelectorAll('[role="tab"]')].find((t) => /مذاکره/.test(t.textContent ?? "")) as HTMLElement
      tab.click()
    })
    const hint = await until("a hint", () => text(panel, "hint-title"), 10_000)
    // Persian letters, not English words, in what the rep reads.
    expect(hint).toMatch(/[\u0600-\u06FF]/)
    expect(hint).not.toMatch(/[A-Za-z]{4,}/)
  })
})
