/**
 * The Dynamics 365 connector end to end: the MAIN-world Xrm bridge registered by the worker, the
 * record read from a Unified Interface form, the account's history synced from the (mock) Web
 * API into IndexedDB, form changes relayed live, and an expired session reported. Every Web API
 * call goes out from the CRM page's origin (the mock refuses anything else), a 429's Retry-After
 * holds the next request, a re-visit is incremental, a deleted record goes, a closed tab stops the
 * sync and the next visit resumes it.
 */
import { afterEach, describe, expect, it } from "vitest"
import { launchBrowser, openPanel, readStore, stopServiceWorker, type ExtensionBrowser } from "../../demo/browser"
import type { Page } from "playwright-core"
import { DEMO_ACCOUNTS, dynIds } from "../../demo/org"
import { dynamicsRecordUrl, installDemoOrg } from "../../demo/routes"

const globex = DEMO_ACCOUNTS[0]!
const initech = DEMO_ACCOUNTS[1]!
const accountKey = `dynamics:northwind.crm4:${dynIds.account(globex)}`

let browser: ExtensionBrowser | undefined
afterEach(async () => {
  await browser?.close()
  browser = undefined
})


/** MAIN-world scripts are registered by the worker at run time; the first page may miss them. */
async function waitForBridgeRegistration(browser: ExtensionBrowser) {
  const worker = await browser.serviceWorker()
  await expect.poll(() => worker.evaluate(() => chrome.scripting.getRegisteredContentScripts().then((s) => s.length)), { timeout: 15_000 }).toBeGreaterThan(0)
}

describe("Dynamics 365", () => {
  it("syncs an account's history from the Web API and shows it in the panel", async () => {
    browser = await launchBrowser()
    const org = await installDemoOrg(browser.context)
    await waitForBridgeRegistration(browser)
    const crm = await browser.context.newPage()
    await crm.goto(dynamicsRecordUrl("account", dynIds.account(globex)))
    const panel = await openPanel(browser)
    await expect.poll(() => panel.getByTestId("record-title").textContent(), { timeout: 15_000 }).toBe(globex.name)
    await expect.poll(() => panel.getByTestId("sync-status").getAttribute("data-state"), { timeout: 30_000 }).toBe("synced")
    const interactions = (await readStore(panel, "interactions")).filter((r) => r.accountKey === accountKey)
    expect(interactions.length).toBe(globex.activities.length)
    expect(new Set(interactions.map((r) => r.key)).size).toBe(globex.activities.length)
    expect((await readStore(panel, "deals")).filter((r) => r.accountKey === accountKey).length).toBe(globex.deals.length)
    expect(org.dynamicsApi.stats.calls).toBeGreaterThan(0)
    await expect.poll(() => panel.getByTestId("relationship-dominance").getAttribute("data-label"), { timeout: 15_000 }).not.toBe("unknown")
  })

  it("reads the quote form's exact values through the Xrm bridge and follows changes", async () => {
    browser = await launchBrowser()
    await installDemoOrg(browser.context)
    await waitForBridgeRegistration(browser)
    const quote = initech.deals.find((d) => !d.isClosed)!.quotes.at(-1)!
    const key = `dynamics:northwind.crm4:${dynIds.quote(quote)}`
    const crm = await browser.context.newPage()
    await crm.goto(dynamicsRecordUrl("quote", dynIds.quote(quote)))
    const panel = await openPanel(browser)
    const total = quote.lines.reduce((n, l) => n + l.unitPrice * l.quantity, 0)
    const fields = async () => ((await readStore(panel, "pageRecords")).find((r) => r.key === key)?.fields ?? {}) as Record<string, { value: string }>
    // Xrm gives the typed number; the DOM shows "$41,080.00".
    await expect.poll(async () => (await fields()).totalamount?.value, { timeout: 15_000 }).toBe(String(total))
    await crm.evaluate(() => {
      const xrm = (window as unknown as { Xrm: { Page: { getAttribute(n: string): { setValue(v: number): void; fireOnChange(): void } } } }).Xrm
      const attribute = xrm.Page.getAttribute("totalamount")
      attribute.setValue(39_900)
      attribute.fireOnChange()
    })
    await expect.poll(async () => (await fields()).totalamount?.value, { timeout: 15_000 }).toBe("39900")
  })

  it("says 'sign in to Dynamics again' when the session has expired", async () => {
    browser = await launchBrowser()
    const org = await installDemoOrg(browser.context)
    org.dynamicsApi.inject({ status: 401, times: 1_000 })
    const crm = await browser.context.newPage()
    await crm.goto(dynamicsRecordUrl("account", dynIds.account(globex)))
    const panel = await openPanel(browser)
    await expect.poll(() => panel.getByTestId("sync-status").getAttribute("data-state"), { timeout: 30_000 }).toBe("session-expired")
    await expect.poll(() => panel.getByTestId("sync-status").textContent()).toMatch(/sign in to Dynamics/i)
  })

  it("takes a bounce to the Microsoft sign-in page for an ended session, without following it", async () => {
    browser = await launchBrowser()
    const org = await installDemoOrg(browser.context)
    org.dynamicsApi.inject({ status: 302, times: 1_000 })
    const signIn: string[] = []
    await browser.context.route(/^https:\/\/login\.microsoftonline\.com\//, (route) => {
      signIn.push(route.request().url())
      return route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>Sign in to your account</title>" })
    })
    const crm = await browser.context.newPage()
    await crm.goto(dynamicsRecordUrl("account", dynIds.account(globex)))
    const panel = await openPanel(browser)
    await expect.poll(() => panel.getByTestId("sync-status").getAttribute("data-state"), { timeout: 30_000 }).toBe("session-expired")
    // Each sync stops at its first answer, the account row (a later page report may start another).
    expect(org.dynamicsApi.stats.requests.every((r) => /\/accounts\?/.test(decodeURIComponent(r.url)))).toBe(true)
    expect(signIn).toEqual([])
  })

  it("waits out a 429 mid-sync, and resumes after the worker is killed with no duplicate or missing record", async () => {
    browser = await launchBrowser()
    const org = await installDemoOrg(browser.context, { dynamicsLatencyMs: 150 })
    org.dynamicsApi.inject({ status: 429, retryAfter: 1, match: "phonecalls", times: 1 })
    await waitForBridgeRegistration(browser)
    const crm = await browser.context.newPage()
    await crm.goto(dynamicsRecordUrl("account", dynIds.account(globex)))
    const panel = await openPanel(browser)
    await expect.poll(() => org.dynamicsApi.stats.calls, { timeout: 20_000 }).toBeGreaterThanOrEqual(4)
    expect(await stopServiceWorker(browser, crm)).toBe(1)
    expect((await readStore(panel, "interactions")).filter((r) => r.accountKey === accountKey).length).toBeLessThan(globex.activities.length)

    await crm.reload() // the content script reports again; the woken worker resumes from its cursors
    await expect.poll(() => panel.getByTestId("sync-status").getAttribute("data-state"), { timeout: 45_000 }).toBe("synced")
    const interactions = (await readStore(panel, "interactions")).filter((r) => r.accountKey === accountKey)
    expect(interactions.length).toBe(globex.activities.length)
    expect(new Set(interactions.map((r) => r.key)).size).toBe(globex.activities.length)
    expect((await readStore(panel, "deals")).filter((r) => r.accountKey === accountKey).length).toBe(globex.deals.length)
    expect(org.dynamicsApi.stats.requests.filter((r) => r.url.includes("/phonecalls")).length).toBeGreaterThanOrEqual(2) // the 429, then its retry
  })

  it("gives a page script that forges bridge messages nothing, and lets it change nothing", async () => {
    browser = await launchBrowser()
    await installDemoOrg(browser.context)
    await waitForBridgeRegistration(browser)
    const quote = initech.deals.find((d) => !d.isClosed)!.quotes.at(-1)!
    const key = `dynamics:northwind.crm4:${dynIds.quote(quote)}`
    const crm = await browser.context.newPage()
    await crm.goto(dynamicsRecordUrl("quote", dynIds.quote(quote)))
    const panel = await openPanel(browser)
    const total = quote.lines.reduce((n, l) => n + l.unitPrice * l.quantity, 0)
    const fields = async () => ((await readStore(panel, "pageRecords")).find((r) => r.key === key)?.fields ?? {}) as Record<string, { value: string }>
    await expect.poll(async () => (await fields()).totalamount?.value, { timeout: 15_000 }).toBe(String(total))

    // The page listens for anything Parley might post, then forges every bridge message it can.
    const heard = await crm.evaluate(async () => {
      const seen: unknown[] = []
      addEventListener("message", (e) => seen.push(e.data))
      const forged = { totalamount: { type: "money", value: 1 } }
      const nonce = "0".repeat(32)
      postMessage({ type: "parley-main-ready" }, location.origin)
      postMessage({ type: "parley-handshake", nonce }, location.origin)
      postMessage({ type: "values", nonce, entityName: "quote", entityId: null, attributes: forged }, location.origin)
      postMessage({ type: "change", nonce, entityName: "quote", entityId: null, name: "totalamount", attribute: forged.totalamount }, "*")
      await new Promise((r) => setTimeout(r, 1_500))
      const own = ["parley-main-ready", "parley-handshake", "values", "change"]
      return seen.filter((d) => !(typeof d === "object" && d !== null && own.includes(String((d as { type?: unknown }).type))))
    })
    expect(heard).toEqual([]) // nothing from Parley reached the page
    await crm.waitForTimeout(1_000)
    expect((await fields()).totalamount?.value).toBe(String(total))
  })

  it("calls the Web API only from the CRM page's own origin; the worker's own fetch is refused", async () => {
    browser = await launchBrowser()
    const org = await installDemoOrg(browser.context)
    const crm = await browser.context.newPage()
    await crm.goto(dynamicsRecordUrl("account", dynIds.account(globex)))
    const panel = await openPanel(browser)
    await expect.poll(() => panel.getByTestId("sync-status").getAttribute("data-state"), { timeout: 30_000 }).toBe("synced")
    const requests = org.dynamicsApi.stats.requests
    expect(requests.length).toBeGreaterThan(5)
    expect(org.dynamicsApi.stats.refused).toBe(0)
    expect(requests.every((r) => new URL(r.headers?.referer ?? "about:blank").origin === "https://northwind.crm4.dynamics.com")).toBe(true)
    // What the service worker would get calling Dataverse itself with the rep's cookies.
    const worker = await browser.serviceWorker()
    const status = await worker.evaluate(() => fetch("https://northwind.crm4.dynamics.com/api/data/v9.2/WhoAmI", { credentials: "include" }).then((r) => r.status))
    expect(status).toBe(401)
    expect(org.dynamicsApi.stats.refused).toBe(1)
  })

  it("holds the next request to the org for Retry-After after a 429, and a re-visit asks only for changes", async () => {
    browser = await launchBrowser()
    const org = await installDemoOrg(browser.context)
    // The account row is read alone first, so nothing else is in flight when its 429 comes.
    org.dynamicsApi.inject({ status: 429, retryAfter: 2, match: /\/accounts\?/, times: 1 })
    const crm = await browser.context.newPage()
    await crm.goto(dynamicsRecordUrl("account", dynIds.account(globex)))
    const panel = await openPanel(browser)
    await expect.poll(() => panel.getByTestId("sync-status").getAttribute("data-state"), { timeout: 30_000 }).toBe("synced")
    const log = org.dynamicsApi.stats.requests
    const throttled = log.findIndex((r) => /\/accounts\?/.test(decodeURIComponent(r.url)))
    expect(throttled).toBeGreaterThanOrEqual(0)
    const next = log[throttled + 1]!
    expect(decodeURIComponent(next.url)).toBe(decodeURIComponent(log[throttled]!.url)) // the retry
    expect(next.at! - log[throttled]!.at!).toBeGreaterThanOrEqual(2_000)

    // Re-visit (the rep allows a sync on every visit): only `modifiedon gt <watermark>` queries.
    await setSettings(panel, { minSyncIntervalMinutes: 0 })
    org.dynamicsApi.resetStats()
    await crm.reload()
    // A sync that ends after the requests the org answered since: a later "synced" alone may be a
    // run that was already going when the page reloaded (the re-visit's own run follows it).
    const lastAnswer = () => org.dynamicsApi.stats.requests.at(-1)?.at
    await expect.poll(async () => (await syncedAt(panel)) >= (lastAnswer() ?? Infinity), { timeout: 30_000 }).toBe(true)
    const revisit = org.dynamicsApi.stats.requests.map((r) => decodeURIComponent(r.url))
    expect(revisit.length).toBeGreaterThan(0)
    expect(revisit.filter((u) => !/modifiedon gt \d{4}-\d\d-\d\dT/.test(u))).toEqual([])
    expect(revisit.filter((u) => u.includes("$skiptoken="))).toEqual([])
  })

  it("removes a record deleted in Dynamics on the next sync", async () => {
    browser = await launchBrowser()
    const org = await installDemoOrg(browser.context)
    const crm = await browser.context.newPage()
    await crm.goto(dynamicsRecordUrl("account", dynIds.account(globex)))
    const panel = await openPanel(browser)
    await expect.poll(() => panel.getByTestId("sync-status").getAttribute("data-state"), { timeout: 30_000 }).toBe("synced")
    const interactions = async () => (await readStore(panel, "interactions")).filter((r) => r.accountKey === accountKey).map((r) => r.key as string)
    expect(await interactions()).toHaveLength(globex.activities.length)
    const call = org.dynamicsApi.tables.phonecalls!.find((r) => r._regardingobjectid_value === dynIds.account(globex))!
    const deal = org.dynamicsApi.tables.opportunities!.find((r) => r._parentaccountid_value === dynIds.account(globex))!
    org.dynamicsApi.remove("phonecalls", String(call.activityid))
    org.dynamicsApi.remove("opportunities", String(deal.opportunityid))

    const reply = await panel.evaluate((recordKey) => chrome.runtime.sendMessage({ type: "sync-now", recordKey }), accountKey)
    expect(reply).toMatchObject({ ok: true })
    await expect.poll(interactions, { timeout: 30_000 }).toHaveLength(globex.activities.length - 1)
    expect(await interactions()).not.toContain(`dynamics:northwind.crm4:${call.activityid}`)
    const deals = (await readStore(panel, "deals")).filter((r) => r.accountKey === accountKey).map((r) => r.key)
    expect(deals).toHaveLength(globex.deals.length - 1)
    expect(deals).not.toContain(`dynamics:northwind.crm4:${deal.opportunityid}`)
    await expect.poll(() => panel.getByTestId("sync-status").getAttribute("data-state")).toBe("synced")
  })

  it("stops with a clear status when the CRM tab closes mid-sync, and the next visit resumes from the cursors", async () => {
    browser = await launchBrowser()
    const org = await installDemoOrg(browser.context, { dynamicsLatencyMs: 200 })
    const panel = await openPanel(browser)
    const crm = await browser.context.newPage()
    await crm.goto(dynamicsRecordUrl("account", dynIds.account(globex)))
    await expect.poll(() => org.dynamicsApi.stats.calls, { timeout: 20_000 }).toBeGreaterThanOrEqual(4)
    await crm.close()
    await expect.poll(() => syncState(panel), { timeout: 30_000 }).toBe("offline")
    expect((await readStore(panel, "interactions")).filter((r) => r.accountKey === accountKey).length).toBeLessThan(globex.activities.length)
    const cursors = (await readStore(panel, "cursors")).filter((c) => String(c.key).startsWith("dynamics:northwind.crm4:"))
    expect(cursors.length).toBeGreaterThan(0)

    const again = await browser.context.newPage()
    await again.goto(dynamicsRecordUrl("account", dynIds.account(globex)))
    await expect.poll(() => syncState(panel), { timeout: 45_000 }).toBe("synced")
    const interactions = (await readStore(panel, "interactions")).filter((r) => r.accountKey === accountKey)
    expect(interactions.length).toBe(globex.activities.length)
    expect(new Set(interactions.map((r) => r.key)).size).toBe(globex.activities.length)
    expect((await readStore(panel, "deals")).filter((r) => r.accountKey === accountKey).length).toBe(globex.deals.length)
  })
})

async function setSettings(panel: Page, settings: Record<string, unknown>) {
  expect(await panel.evaluate((s) => chrome.runtime.sendMessage({ type: "set-settings", settings: s }), settings)).toMatchObject({ ok: true })
}
async function syncStatus(panel: Page) {
  return (await readStore(panel, "meta")).find((m) => m.key === `sync:${accountKey}`)?.value as { state?: string; at?: number } | undefined
}
const syncState = async (panel: Page) => (await syncStatus(panel))?.state
const syncedAt = async (panel: Page) => {
  const s = await syncStatus(panel)
  return s?.state === "synced" ? (s.at ?? 0) : 0
}
