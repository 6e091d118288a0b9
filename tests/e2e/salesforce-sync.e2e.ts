/**
 * The Salesforce connector end to end: the worker finds the rep's API session from cookies,
 * pages through the (mock) REST API, fills IndexedDB, resumes after being killed, syncs
 * incrementally, and falls back to DOM-only when the org refuses browser sessions.
 */
import { afterEach, describe, expect, it } from "vitest"
import type { Page } from "playwright-core"
import { launchBrowser, openPanel, readStore, stopServiceWorker, type ExtensionBrowser } from "../../demo/browser"
import { DEMO_ACCOUNTS, sfIds } from "../../demo/org"
import { installDemoOrg, salesforceRecordUrl } from "../../demo/routes"
import { generateActivities } from "../../demo/salesforce/records"

const globex = DEMO_ACCOUNTS[0]!
const accountKey = `salesforce:northwind:${sfIds.account(globex)}`
const EXTRA = 300

let browser: ExtensionBrowser | undefined
afterEach(async () => {
  await browser?.close()
  browser = undefined
})


const forAccount = async (page: Page, table: string) => (await readStore(page, table)).filter((r) => r.accountKey === accountKey)
const syncState = async (page: Page) => ((await readStore(page, "meta")).find((r) => r.key === `sync:${accountKey}`)?.value as { state?: string } | undefined)?.state

const expected = {
  interactions: globex.activities.length + EXTRA,
  deals: globex.deals.length,
  quotes: globex.deals.reduce((n, d) => n + d.quotes.length, 0),
  cases: globex.cases.length,
  contracts: globex.contracts.length,
  contacts: globex.contacts.length
}

async function expectFullHistory(panel: Page) {
  for (const [table, count] of Object.entries(expected)) {
    const stored = await forAccount(panel, table)
    expect(stored.length, table).toBe(count)
    expect(new Set(stored.map((r) => r.key)).size, `${table} keys`).toBe(count)
  }
}

describe("Salesforce sync through the rep's session", () => {
  it("fills IndexedDB with the account's full history over several pages, then syncs incrementally", async () => {
    browser = await launchBrowser()
    const org = await installDemoOrg(browser.context, { salesforceApi: { pageSize: 200, extra: generateActivities({ account: globex, count: EXTRA }) } })
    const crm = await browser.context.newPage()
    await crm.goto(salesforceRecordUrl("Account", sfIds.account(globex)))
    const panel = await openPanel(browser)
    await expect.poll(() => syncState(panel), { timeout: 30_000 }).toBe("synced")
    await expectFullHistory(panel)
    const api = org.salesforceApi!
    expect(api.calls.some((c) => c.path.includes("/query/"))).toBe(true) // nextRecordsUrl paging happened
    expect(api.calls.every((c) => c.status === 200)).toBe(true)
    await expect.poll(() => panel.getByTestId("sync-status").getAttribute("data-state"), { timeout: 15_000 }).toBe("synced")
    // Sforce-Limit-Info from the API's answers, shown for the admin.
    await expect.poll(() => panel.getByTestId("sync-usage").textContent(), { timeout: 10_000 }).toMatch(/Org API use today: [\d,]+ of [\d,]+/)
    await expect.poll(async () => (await readStore(panel, "profiles")).some((p) => p.accountKey === accountKey), { timeout: 15_000 }).toBe(true)

    // A revisit within the minimum interval costs no API call at all.
    const firstCalls = api.calls.length
    await crm.goto(salesforceRecordUrl("Account", sfIds.account(globex)))
    await expect.poll(async () => (await readStore(panel, "pageRecords")).filter((r) => r.key === accountKey).length).toBe(1)
    await crm.waitForTimeout(1_500)
    expect(api.calls.length).toBe(firstCalls)

    // With the interval at zero, a second visit asks only for what changed since the cursors.
    expect(await panel.evaluate(() => chrome.runtime.sendMessage({ type: "set-settings", settings: { minSyncIntervalMinutes: 0 } }))).toEqual({ ok: true })
    await crm.goto(salesforceRecordUrl("Account", sfIds.account(globex)))
    await expect.poll(() => api.calls.length, { timeout: 20_000 }).toBeGreaterThan(firstCalls)
    await expect.poll(() => syncState(panel), { timeout: 20_000 }).toBe("synced")
    const second = api.calls.slice(firstCalls).filter((c) => c.soql)
    expect(second.length).toBeGreaterThan(0)
    expect(second.every((c) => /SystemModstamp\s*>/i.test(c.soql!))).toBe(true)
    await expectFullHistory(panel)
  })

  it("completes with no duplicate and no missing record after the worker is killed mid-sync", async () => {
    browser = await launchBrowser()
    const org = await installDemoOrg(browser.context, {
      salesforceApi: { pageSize: 100, extra: generateActivities({ account: globex, count: EXTRA }) },
      salesforceLatencyMs: 150
    })
    const crm = await browser.context.newPage()
    await crm.goto(salesforceRecordUrl("Account", sfIds.account(globex)))
    const panel = await openPanel(browser)
    await expect.poll(() => org.salesforceApi!.calls.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(3)
    expect(await stopServiceWorker(browser, crm)).toBe(1)
    const partial = (await forAccount(panel, "interactions")).length
    expect(partial).toBeLessThan(expected.interactions)

    await crm.reload() // the content script reports again; the woken worker resumes from its cursors
    await expect.poll(() => syncState(panel), { timeout: 45_000 }).toBe("synced")
    await expectFullHistory(panel)
  })

  it("shows the page's fields and a DOM-only status when the org refuses API access", async () => {
    browser = await launchBrowser()
    const org = await installDemoOrg(browser.context, { salesforceApi: { failures: [{ kind: "API_DISABLED_FOR_ORG", times: Infinity }] } })
    const crm = await browser.context.newPage()
    await crm.goto(salesforceRecordUrl("Account", sfIds.account(globex)))
    const panel = await openPanel(browser)
    await expect.poll(() => panel.getByTestId("sync-status").getAttribute("data-state"), { timeout: 30_000 }).toBe("dom-only")
    expect(org.salesforceApi!.calls.length).toBeGreaterThan(0)
    const page = (await readStore(panel, "pageRecords")).find((r) => r.key === accountKey) as { fields: Record<string, { value: string }> }
    expect(page.fields.Industry?.value).toBe(globex.industry)
    await expect.poll(() => panel.getByText(globex.industry).count()).toBeGreaterThan(0)
  })
})
