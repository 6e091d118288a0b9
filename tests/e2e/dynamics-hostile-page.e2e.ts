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

const globex = DEMO_ACCOUNTS[0]!
const initech = DEMO_ACCOUNTS[1]!

let browser: ExtensionBrowser | undefined
afterEach(async () => {
  await browser?.close()
  browser = undefined
})

/** Runs in the page before anything else of it; `forgedCustomer` is the account it tries to get synced. */
function hostilePageScript(forgedCustomer: string, quoteId: string) {
  const own = { nonce: "f".repeat(32), ports: [] as MessagePort[] }
  const state = { strings: [] as string[], portPostsByOthers: 0, handshakesHeard: 0, foreignPorts: [] as MessagePort[], forgedPosts: 0 }
  ;(window as unknown as { __hostile: typeof state }).__hostile = state
  const stringify = JSON.stringify.bind(JSON)
  let quiet = false // while it forges, its own calls are not recorded
  const record = (v: unknown) => {
    if (quiet) return
    try {
      state.strings.push(typeof v === "string" ? v : String(stringify(v)))
    } catch {
      state.strings.push(String(v))
    }
  }
  const notOwn = (port: MessagePort) => !own.ports.includes(port) && !state.foreignPorts.includes(port)
  const keep = (ports: readonly MessagePort[] | null | undefined) => {
    for (const p of ports ?? []) if (notOwn(p)) state.foreignPorts.push(p)
  }

  const portPost = MessagePort.prototype.postMessage
  MessagePort.prototype.postMessage = function (this: MessagePort, message: unknown, ...rest: never[]) {
    if (!own.ports.includes(this)) {
      state.portPostsByOthers++
      keep([this])
    }
    record(message)
    return (portPost as (...a: unknown[]) => void).call(this, message, ...rest)
  } as typeof portPost
  const addListener = EventTarget.prototype.addEventListener
  EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, ...rest: never[]) {
    record(`listener:${type}`)
    return (addListener as (...a: unknown[]) => void).call(this, type, ...rest)
  } as typeof addListener
  const dataOf = Object.getOwnPropertyDescriptor(MessageEvent.prototype, "data")!.get!
  // Its own forged handshake comes back with a new port object for its own channel's port2.
  const ownHandshake = (e: MessageEvent, ports: readonly MessagePort[]) => {
    const data = dataOf.call(e) as { nonce?: unknown } | null
    if (data?.nonce !== own.nonce) return false
    own.ports.push(...ports)
    return true
  }
  for (const key of ["data", "ports", "source", "origin"] as const) {
    const d = Object.getOwnPropertyDescriptor(MessageEvent.prototype, key)!
    Object.defineProperty(MessageEvent.prototype, key, {
      ...d,
      get(this: MessageEvent) {
        const v = d.get!.call(this)
        if (key === "data") record(v)
        if (key === "ports" && !ownHandshake(this, v as MessagePort[])) keep(v as MessagePort[])
        return v
      }
    })
  }
  // A bridge that still called these would leak the handshake to the listener below.
  Event.prototype.stopImmediatePropagation = function () {}
  Event.prototype.stopPropagation = function () {}
  const exec = RegExp.prototype.exec
  RegExp.prototype.exec = function (this: RegExp, s: string) {
    record(s)
    return exec.call(this, s)
  }
  const winPost = window.postMessage.bind(window)
  window.postMessage = ((message: unknown, ...rest: never[]) => {
    record(message)
    return (winPost as (...a: unknown[]) => void)(message, ...rest)
  }) as typeof window.postMessage
  const parse = JSON.parse
  JSON.parse = (text: string) => (record(text), parse(text))
  JSON.stringify = ((v: unknown) => (record(v), stringify(v))) as typeof JSON.stringify
  const random = crypto.getRandomValues.bind(crypto)
  crypto.getRandomValues = (<T extends ArrayBufferView | null>(a: T): T => {
    const out = random(a as never) as T
    record(Array.from(out as unknown as Uint8Array))
    return out
  }) as typeof crypto.getRandomValues

  // Hears every window message, first among the page's listeners.
  addEventListener(
    "message",
    (e) => {
      const data = e.data as { type?: unknown } | null
      if (data && data.type === "parley-handshake") state.handshakesHeard++
      const ports = e.ports
      if (!ownHandshake(e, ports)) keep(ports)
    },
    true
  )

  // Race Parley: its own ready signals, and a handshake of its own before the genuine one is read.
  dispatchEvent(new Event("parley-main-ready"))
  dispatchEvent(new Event("parley-isolated-ready"))
  winPost({ type: "parley-main-ready" }, location.origin)
  winPost({ type: "parley-isolated-ready" }, location.origin)
  const channel = new MessageChannel()
  own.ports.push(channel.port1, channel.port2)
  channel.port1.onmessage = (e) => record(e.data)
  winPost({ type: "parley-handshake", nonce: own.nonce }, location.origin, [channel.port2])

  const attributes = {
    customerid: { type: "lookup", value: [{ id: forgedCustomer, name: "Forged Customer", entityType: "account" }] },
    totalamount: { type: "money", value: 1 }
  }
  const forged = (nonce: string) => [
    { nonce, type: "values", entityName: "quote", entityId: quoteId, attributes },
    { nonce, type: "save", entityName: "quote", entityId: quoteId, attributes },
    { nonce, type: "change", entityName: "quote", entityId: quoteId, name: "customerid", attribute: attributes.customerid }
  ]
  const forge = () => {
    quiet = true
    const nonces = new Set([own.nonce])
    for (const s of state.strings) for (const m of s.match(/[0-9a-f]{32}/g) ?? []) nonces.add(m)
    for (const nonce of nonces)
      for (const message of forged(nonce)) {
        for (const port of [...state.foreignPorts, channel.port1]) {
          ;(portPost as (m: unknown) => void).call(port, message)
          state.forgedPosts++
        }
        winPost(message, location.origin)
      }
    quiet = false
  }
  setInterval(forge, 150)
}

const quote = initech.deals.find((d) => !d.isClosed)!.quotes.at(-1)!
const quoteId = dynIds.quote(quote)
const forgedCustomer = dynIds.account(globex)

/** The demo org's own quote page, with the hostile script as the first thing in <head>. */
async function serveHostileQuotePage(browser: ExtensionBrowser, org: DemoOrg) {
  const script = `(${hostilePageScript.toString()})(${JSON.stringify(forgedCustomer)}, ${JSON.stringify(quoteId)})`
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
