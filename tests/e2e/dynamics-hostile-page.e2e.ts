/**
 * The Xrm bridge against a hostile Dynamics page (real Chromium, production build). The page's
 * first script, inline at the top of <head> (before the form and its Xrm load), replaces every
 * prototype method the bridge could touch to record what passes (`MessagePort.prototype
 * .postMessage`, `EventTarget.prototype.addEventListener`, the `MessageEvent` getters,
 * `stopImmediatePropagation`, `RegExp.prototype.exec`, `window.postMessage`, `JSON`,
 * `crypto.getRandomValues`), races Parley with its own ready signals and handshake, and keeps
 * posting forged form values that name another customer through every port and nonce it found.
 * The page must learn no nonce and get no Parley port; the forged values reach neither storage nor
 * the sync (the synced account is the one the URL's quote belongs to); the genuine form still works.
 */
import { afterEach, describe, expect, it } from "vitest"
import type { Page } from "playwright-core"
import { launchBrowser, openPanel, readStore, type ExtensionBrowser } from "../../demo/browser"
import { handleDynamicsRequest } from "../../demo/dynamics/pages"
import { DEMO_ACCOUNTS, dynIds } from "../../demo/org"
import { dynamicsRecordUrl, installDemoOrg, type DemoOrg } from "../../demo/routes"
import { hostilePageSource } from "../support/hostile-dynamics-page"

const globex = DEMO_ACCOUNTS[0]!
const initech = DEMO_ACCOUNTS[1]!

let browser: ExtensionBrowser | undefined
afterEach(async () => {
  await browser?.close()
  browser = undefined
})

const quote = initech.deals.find((d) => !d.isClosed)!.quotes.at(-1)!
const quoteId = dynIds.quote(quote)
const forgedCustomer = dynIds.account(globex)

/** The demo org's own quote page, with the hostile script as the first thing in <head>. */
async function serveHostileQuotePage(browser: ExtensionBrowser, org: DemoOrg) {
  const script = hostilePageSource(forgedCustomer, quoteId)
  await browser.context.route(/^https:\/\/[^/]+\.crm\d*\.dynamics\.com\/main\.aspx/, async (route) => {
    const request = route.request()
    const res = handleDynamicsRequest({ method: request.method(), url: request.url(), headers: await request.allHeaders() }, org.dynamicsApi)
    return route.fulfill({ status: res.status, headers: res.headers, body: res.body.replace("<head>", `<head><script>${script}</script>`) })
  })
}

/** What the hostile page collected. */
async function hostileFindings(crm: Page) {
  return crm.evaluate(() => {
    const s = (window as unknown as { __hostile: { strings: string[]; portPostsByOthers: number; handshakesHeard: number; foreignPorts: unknown[]; forgedPosts: number } }).__hostile
    return { nonces: [...new Set(s.strings.flatMap((x) => x.match(/[0-9a-f]{32}/g) ?? []))], portPostsByOthers: s.portPostsByOthers, handshakesHeard: s.handshakesHeard, foreignPorts: s.foreignPorts.length, forgedPosts: s.forgedPosts }
  })
}

describe("Dynamics bridge on a hostile page", () => {
  it("the page that patches the prototypes first learns no nonce, gets no port, and cannot choose the synced account", async () => {
    browser = await launchBrowser()
    const org = await installDemoOrg(browser.context)
    const worker = await browser.serviceWorker()
    // MAIN-world scripts are registered by the worker at run time (DESIGN "Known traps").
    const bridgeScript = () =>
      worker.evaluate(() => chrome.scripting.getRegisteredContentScripts().then((all) => all.map((s) => ({ world: s.world, runAt: s.runAt, matches: s.matches ?? [] }))))
    await expect.poll(async () => (await bridgeScript()).length, { timeout: 15_000 }).toBeGreaterThan(0)
    expect(await bridgeScript()).toContainEqual(expect.objectContaining({ world: "MAIN", runAt: "document_start", matches: expect.arrayContaining(["https://*.crm4.dynamics.com/*"]) }))

    await serveHostileQuotePage(browser, org)
    const crm = await browser.context.newPage()
    await crm.goto(dynamicsRecordUrl("quote", quoteId))
    const panel = await openPanel(browser)
    const key = `dynamics:northwind.crm4:${quoteId}`
    const fields = async () => ((await readStore(panel, "pageRecords")).find((r) => r.key === key)?.fields ?? {}) as Record<string, { value: string; relatedId?: string }>
    const total = quote.lines.reduce((n, l) => n + l.unitPrice * l.quantity, 0)

    // The genuine form still works: Xrm's typed total (the DOM shows "$41,080.00") and the real customer.
    await expect.poll(async () => (await fields()).totalamount?.value, { timeout: 15_000 }).toBe(String(total))
    expect((await fields()).customerid?.relatedId).toBe(dynIds.account(initech))
    const initechKey = `dynamics:northwind.crm4:${dynIds.account(initech)}`
    await expect.poll(async () => ((await readStore(panel, "meta")).find((m) => m.key === `sync:${initechKey}`)?.value as { state?: string } | undefined)?.state, { timeout: 30_000 }).toBe("synced")

    // ...and follows the rep's edits while the page keeps forging.
    await crm.evaluate(() => {
      const attribute = (window as unknown as { Xrm: { Page: { getAttribute(n: string): { setValue(v: number): void; fireOnChange(): void } } } }).Xrm.Page.getAttribute("totalamount")
      attribute.setValue(39_900)
      attribute.fireOnChange()
    })
    await expect.poll(async () => (await fields()).totalamount?.value, { timeout: 15_000 }).toBe("39900")

    const hostile = await hostileFindings(crm)
    expect(hostile.forgedPosts).toBeGreaterThan(0) // the attack ran
    expect(hostile.nonces).toEqual(["f".repeat(32)]) // only its own
    expect(hostile.portPostsByOthers).toBe(0) // Parley never posted through the page's prototype
    expect(hostile.foreignPorts).toBe(0) // and never let a port reach the page
    expect(hostile.handshakesHeard).toBe(1) // its own; Parley's was stopped before the page's listener

    // Nothing forged reached storage or the sync: the customer is the quote's, and Globex was never asked for.
    const after = await fields()
    expect(after.customerid?.relatedId).toBe(dynIds.account(initech))
    expect(after.totalamount?.value).toBe("39900")
    const globexKey = `dynamics:northwind.crm4:${forgedCustomer}`
    expect((await readStore(panel, "meta")).filter((m) => String(m.key).includes(forgedCustomer))).toEqual([])
    expect((await readStore(panel, "pageRecords")).filter((r) => JSON.stringify(r).includes("Forged Customer"))).toEqual([])
    expect(org.dynamicsApi.stats.requests.filter((r) => decodeURIComponent(r.url).includes(forgedCustomer))).toEqual([])
    expect((await readStore(panel, "interactions")).filter((r) => r.accountKey === globexKey)).toEqual([])
  })
  it("without the MAIN script (the first load after install) sends no handshake for the page to answer", async () => {
    browser = await launchBrowser()
    const org = await installDemoOrg(browser.context)
    const worker = await browser.serviceWorker()
    await expect.poll(() => worker.evaluate(() => chrome.scripting.getRegisteredContentScripts().then((s) => s.length)), { timeout: 15_000 }).toBeGreaterThan(0)
    await worker.evaluate(() => chrome.scripting.getRegisteredContentScripts().then((all) => chrome.scripting.unregisterContentScripts({ ids: all.filter((s) => s.world === "MAIN").map((s) => s.id) })))
    expect(await worker.evaluate(() => chrome.scripting.getRegisteredContentScripts().then((all) => all.filter((s) => s.world === "MAIN").length))).toBe(0)
    await serveHostileQuotePage(browser, org)

    const crm = await browser.context.newPage()
    await crm.goto(dynamicsRecordUrl("quote", quoteId))
    const panel = await openPanel(browser)
    const key = `dynamics:northwind.crm4:${quoteId}`
    // The DOM reading still arrives (formatted, as the page shows it).
    await expect.poll(async () => (await readStore(panel, "pageRecords")).find((r) => r.key === key)?.name, { timeout: 15_000 }).toBe(quote.name)
    await expect.poll(async () => (await hostileFindings(crm)).forgedPosts, { timeout: 10_000 }).toBeGreaterThan(0)
    await crm.waitForTimeout(1_000) // forged posts keep coming; none may land

    const hostile = await hostileFindings(crm)
    expect(hostile.nonces).toEqual(["f".repeat(32)])
    expect(hostile.handshakesHeard).toBe(1) // its own only: its "main-ready" came too late to be believed
    expect(hostile.foreignPorts).toBe(0)
    const fields = ((await readStore(panel, "pageRecords")).find((r) => r.key === key)?.fields ?? {}) as Record<string, { value: string; relatedId?: string }>
    expect(fields.totalamount?.value).not.toBe("1")
    expect(fields.customerid?.relatedId).toBeUndefined() // only the bridge gives lookup ids; the page's forged one never came in
    expect((await readStore(panel, "meta")).filter((m) => String(m.key).includes(forgedCustomer))).toEqual([])
    expect(org.dynamicsApi.stats.requests.filter((r) => decodeURIComponent(r.url).includes(forgedCustomer))).toEqual([])
  })
})
