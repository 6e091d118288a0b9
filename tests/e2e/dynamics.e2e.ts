/**
 * The Dynamics 365 connector end to end: the MAIN-world Xrm bridge registered by the worker, the
 * record read from a Unified Interface form, the account's history synced from the (mock) Web
 * API into IndexedDB, form changes relayed live, and an expired session reported.
 */
import { afterEach, describe, expect, it } from "vitest"
import { launchBrowser, openPanel, readStore, stopServiceWorker, type ExtensionBrowser } from "../../demo/browser"
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
})
