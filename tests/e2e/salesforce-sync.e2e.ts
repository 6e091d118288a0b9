/**
 * The Salesforce connector end to end: the worker finds the rep's API session from cookies (a
 * stale one beside it is tried and passed over), pages through the (mock) REST API with queryAll
 * (archived activities and deletions included), fills IndexedDB, resumes after being killed, syncs
 * incrementally, removes what was deleted, and falls back to DOM-only when the org refuses browser
 * sessions.
 */
import { afterEach, describe, expect, it } from "vitest"
import type { Page } from "playwright-core"
import { launchBrowser, openPanel, readStore, stopServiceWorker, type ExtensionBrowser } from "../../demo/browser"
import { DEMO_ACCOUNTS, DEMO_NOW, sfIds } from "../../demo/org"
import { installDemoOrg, salesforceRecordUrl } from "../../demo/routes"
import { DEMO_SALESFORCE, generateActivities } from "../../demo/salesforce/records"

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
  // Multi-year: the activities Salesforce archived (older than 365 days) are there too.
  const yearAgo = DEMO_NOW - 365 * 86_400_000
  const old = (await forAccount(panel, "interactions")).filter((r) => (r.at as number) < yearAgo - 86_400_000)
  expect(old.length).toBeGreaterThanOrEqual(globex.activities.filter((a) => a.at < yearAgo - 86_400_000).length)
  expect(old.length).toBeGreaterThan(EXTRA)
}

const reVisit = async (panel: Page) => expect(await panel.evaluate(() => chrome.runtime.sendMessage({ type: "set-settings", settings: { minSyncIntervalMinutes: 0 } }))).toEqual({ ok: true })

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
    expect(api.calls.some((c) => c.path.includes("/query/") || /\/query\/01g/.test(c.body ?? ""))).toBe(true) // nextRecordsUrl paging happened
    expect(api.calls.every((c) => c.status === 200)).toBe(true)
    // Archived activities only come through QueryAll; nothing is read through Query.
    expect(api.calls.flatMap((c) => c.queries).every((q) => q.resource === "queryAll")).toBe(true)
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
    await reVisit(panel)
    await crm.goto(salesforceRecordUrl("Account", sfIds.account(globex)))
    await expect.poll(() => api.calls.length, { timeout: 20_000 }).toBeGreaterThan(firstCalls)
    await expect.poll(() => syncState(panel), { timeout: 20_000 }).toBe("synced")
    const second = api.calls.slice(firstCalls).flatMap((c) => c.queries)
    expect(second.length).toBeGreaterThan(0)
    expect(second.every((q) => /SystemModstamp\s*>/i.test(q.soql))).toBe(true)
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

  it("shows a long first sync's progress per object, pauses it, and resumes it to the full history", async () => {
    browser = await launchBrowser()
    // Small batches and slow answers: the first sync takes many pages, so Pause lands mid-way.
    const org = await installDemoOrg(browser.context, {
      salesforceApi: { pageSize: 40, extra: generateActivities({ account: globex, count: EXTRA }) },
      salesforceLatencyMs: 250
    })
    const crm = await browser.context.newPage()
    await crm.goto(salesforceRecordUrl("Account", sfIds.account(globex)))
    const panel = await openPanel(browser)
    const card = panel.getByTestId("sync-status")
    const tasks = card.getByTestId("sync-progress-objects").locator('li[data-object="Task"]')
    // Records so far of the totalSize Salesforce reported, per object, while it still syncs.
    await expect.poll(() => tasks.textContent(), { timeout: 30_000 }).toMatch(/Task: [\d,]+ of [\d,]+ records/)
    expect(await card.getAttribute("data-state")).toBe("syncing")
    await card.getByRole("button", { name: "Pause" }).click()
    await expect.poll(() => card.getAttribute("data-state"), { timeout: 30_000 }).toBe("paused")
    expect(await syncState(panel)).toBe("paused")

    // What is known so far stays in the panel; the rest waits for Resume.
    const [, done, total] = /Task: ([\d,]+) of ([\d,]+) records/.exec((await tasks.textContent()) ?? "")!.map((n) => Number(n.replace(/,/g, "")))
    expect(total).toBeGreaterThan(EXTRA)
    expect(done).toBeLessThan(total!)
    expect((await forAccount(panel, "interactions")).length).toBeLessThan(expected.interactions)
    const pausedCalls = org.salesforceApi!.calls.length
    // Paused means paused: a page view does not restart it.
    await crm.reload()
    await crm.waitForTimeout(1_500)
    expect(await syncState(panel)).toBe("paused")
    expect(org.salesforceApi!.calls.length).toBe(pausedCalls)

    await card.getByRole("button", { name: "Resume" }).click()
    await expect.poll(() => syncState(panel), { timeout: 60_000 }).toBe("synced")
    await expectFullHistory(panel)
    // It went on from the stored page links rather than reading everything again.
    expect(org.salesforceApi!.calls.slice(pausedCalls).some((c) => c.path.includes("/query/01g") || /\/query\/01g/.test(c.body ?? ""))).toBe(true)
  })

  it("removes a record deleted in Salesforce on the next sync", async () => {
    browser = await launchBrowser()
    const org = await installDemoOrg(browser.context)
    const api = org.salesforceApi!
    const crm = await browser.context.newPage()
    await crm.goto(salesforceRecordUrl("Account", sfIds.account(globex)))
    const panel = await openPanel(browser)
    await expect.poll(() => syncState(panel), { timeout: 30_000 }).toBe("synced")
    const deal = globex.deals[0]!
    const dealKey = `salesforce:northwind:${sfIds.deal(deal)}`
    const [task] = (await forAccount(panel, "interactions")).filter((r) => (r.id as string).startsWith("00T") && !r.dealKey)
    expect((await readStore(panel, "deals")).some((d) => d.key === dealKey)).toBe(true)
    expect(task).toBeDefined()

    // Deleted in Salesforce (to the recycle bin): queryAll returns them with IsDeleted = true.
    api.deleteRecord(sfIds.deal(deal))
    api.deleteRecord(task!.id as string)
    await reVisit(panel)
    const before = api.calls.length
    await crm.goto(salesforceRecordUrl("Account", sfIds.account(globex)))
    await expect.poll(() => api.calls.length, { timeout: 20_000 }).toBeGreaterThan(before)
    await expect.poll(async () => (await readStore(panel, "deals")).some((d) => d.key === dealKey), { timeout: 20_000 }).toBe(false)
    await expect.poll(() => syncState(panel), { timeout: 20_000 }).toBe("synced")
    const interactions = await forAccount(panel, "interactions")
    expect(interactions.some((r) => r.key === task!.key)).toBe(false)
    expect((await readStore(panel, "quotes")).some((q) => q.dealKey === dealKey)).toBe(false)
    expect((await forAccount(panel, "deals")).length).toBe(globex.deals.length - 1)
  })

  it("syncs with a stale sid cookie beside the valid one", async () => {
    browser = await launchBrowser()
    // Set first, like a cookie the browser kept from before a My Domain change: Chrome lists it first.
    await browser.context.addCookies([
      { name: "sid", value: `${DEMO_SALESFORCE.orgId}!StaleSessionFromTheOldDomain`, domain: `.${DEMO_SALESFORCE.apiHost}`, path: "/", secure: true, httpOnly: true, sameSite: "None" }
    ])
    const org = await installDemoOrg(browser.context)
    const crm = await browser.context.newPage()
    await crm.goto(salesforceRecordUrl("Account", sfIds.account(globex)))
    const panel = await openPanel(browser)
    const api = org.salesforceApi!
    // Failed once on a loaded CI machine and never here: say what the panel and the API saw.
    await expect.poll(() => syncState(panel), { timeout: 45_000 }).toBe("synced").catch(async (error: Error) => {
      const card = await panel.getByTestId("sync-status").textContent({ timeout: 1_000 }).catch(() => "(no sync card)")
      const calls = api.calls.map((c) => `${c.status} ${c.path}`).join("; ")
      throw new Error(`${error.message}\nsync card: ${card}\nAPI calls: ${calls || "none"}\npanel: ${(await panel.locator("body").innerText()).slice(0, 400)}`)
    })
    // The stale one was tried and refused as Salesforce refuses it; the valid one then synced.
    expect(api.calls.filter((c) => c.status === 401).length).toBe(1)
    expect(api.calls.at(-1)!.status).toBe(200)
    expect((await forAccount(panel, "interactions")).length).toBe(globex.activities.length)
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
