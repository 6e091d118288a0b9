// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { startDynamicsBridgeIsolated, type IsolatedBridge } from "./bridge-isolated"
import { PRICE_FIELDS, startDynamicsBridgeMain } from "./bridge-main"
import { HANDSHAKE, ISOLATED_READY, MAIN_READY, isHandshake, parseBridgeMessage, type BridgeMessage } from "./bridge-protocol"
import { createFakeXrm, type FakeRecord } from "./fake-xrm"

const ORIGIN = "https://northwind.crm4.dynamics.com"
const QUOTE_ID = "00000005-0000-4000-8000-0000004c4bc7"
const ACCOUNT_ID = "00000001-0000-4000-8000-0000000f4244"

const quote = (): FakeRecord => ({
  entityName: "quote",
  entityId: `{${QUOTE_ID.toUpperCase()}}`,
  attributes: [
    { name: "name", type: "string", value: "Press line lease extension 2026 — rev 1" },
    { name: "customerid", type: "lookup", value: [{ id: `{${ACCOUNT_ID.toUpperCase()}}`, name: "Globex Manufacturing", entityType: "account" }] },
    { name: "statecode", type: "optionset", value: 0, options: { 0: "Draft", 1: "Active" } },
    { name: "effectivefrom", type: "datetime", value: new Date(Date.UTC(2026, 10, 17, 9)) },
    { name: "willcall", type: "boolean", value: false },
    { name: "discountpercentage", type: "decimal", value: 1.45 },
    { name: "totalamount", type: "money", value: 204750 }
  ]
})

type Win = Window & { Xrm?: unknown; happyDOM?: { setURL(url: string): void } }
const win = window as Win
let stops: (() => void)[] = []
const realPost = window.postMessage

beforeEach(() => {
  win.happyDOM!.setURL(`${ORIGIN}/main.aspx?pagetype=entityrecord&etn=quote&id=${QUOTE_ID}`)
  // happy-dom's postMessage ignores transferables; Chrome's delivers them as event.ports.
  win.postMessage = ((data: unknown, targetOrigin: string, transfer?: MessagePort[]) => {
    if (targetOrigin !== "*" && targetOrigin !== win.location.origin) return
    const clone = structuredClone(data)
    setTimeout(() => win.dispatchEvent(new MessageEvent("message", { data: clone, origin: win.location.origin, source: win, ports: transfer ?? [] })))
  }) as Window["postMessage"]
})
afterEach(() => {
  stops.forEach((stop) => stop())
  stops = []
  delete win.Xrm
  win.postMessage = realPost
})

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms))
async function until(predicate: () => boolean, ms = 2_000) {
  const end = Date.now() + ms
  while (!predicate()) {
    if (Date.now() > end) throw new Error("timed out")
    await tick(5)
  }
}

function startBoth(options: { mainFirst?: boolean } = {}) {
  const received: BridgeMessage[] = []
  let isolated: IsolatedBridge
  const startIsolated = () => {
    isolated = startDynamicsBridgeIsolated({ onMessage: (m) => received.push(m) })
    stops.push(() => isolated.stop())
  }
  const startMain = () => stops.push(startDynamicsBridgeMain({ pollMs: 10 }))
  if (options.mainFirst) {
    startMain()
    startIsolated()
  } else {
    startIsolated()
    startMain()
  }
  return { received, isolated: () => isolated }
}

/** A stand-in MAIN side that grabs the real handshake's port (to speak as MAIN in tests). */
function interceptHandshake(): Promise<{ port: MessagePort; nonce: string }> {
  return new Promise((resolve) => {
    const listener = (event: MessageEvent) => {
      if (isHandshake(event.data)) {
        win.removeEventListener("message", listener)
        resolve({ port: event.ports[0]!, nonce: event.data.nonce })
      }
    }
    win.addEventListener("message", listener)
  })
}

describe("Xrm bridge: values and events flow", () => {
  it.each([false, true])("sends context and typed values once Xrm appears (MAIN first: %s)", async (mainFirst) => {
    const fake = createFakeXrm(quote())
    const { received, isolated } = startBoth({ mainFirst })
    await tick(30)
    expect(received).toEqual([])
    win.Xrm = fake.Xrm
    await until(() => received.length >= 2)
    expect(isolated().connected).toBe(true)
    expect(received[0]).toMatchObject({
      type: "context",
      context: { pageType: "entityrecord", entityName: "quote", entityId: QUOTE_ID, clientUrl: ORIGIN, version: "9.2.25011.00171" }
    })
    const values = received[1]!
    expect(values.type).toBe("values")
    if (values.type !== "values") return
    expect(values.entityId).toBe(QUOTE_ID)
    expect(values.attributes.customerid).toEqual({ type: "lookup", value: [{ id: ACCOUNT_ID, name: "Globex Manufacturing", entityType: "account" }] })
    expect(values.attributes.statecode).toEqual({ type: "optionset", value: 0, text: "Draft" })
    expect(values.attributes.effectivefrom).toEqual({ type: "datetime", value: "2026-11-17T09:00:00.000Z" })
    expect(values.attributes.willcall).toEqual({ type: "boolean", value: false })
    expect(values.attributes.totalamount).toEqual({ type: "money", value: 204750 })
    // Price fields lead, so a cap can never cut them.
    expect(Object.keys(values.attributes).slice(0, 2)).toEqual(["discountpercentage", "totalamount"])
  })

  it("relays change events on price fields, and a snapshot after save", async () => {
    const fake = createFakeXrm(quote())
    win.Xrm = fake.Xrm
    const { received } = startBoth()
    await until(() => received.length >= 2)
    fake.userEdit("discountpercentage", 3)
    fake.userEdit("totalamount", 201_600)
    await until(() => received.length >= 4)
    expect(received[2]).toMatchObject({ type: "change", entityName: "quote", entityId: QUOTE_ID, name: "discountpercentage", attribute: { type: "decimal", value: 3 } })
    expect(received[3]).toMatchObject({ type: "change", name: "totalamount", attribute: { value: 201_600 } })
    fake.save()
    await until(() => received.length >= 5)
    const saved = received[4]!
    expect(saved.type).toBe("save")
    if (saved.type === "save") expect(saved.attributes.discountpercentage?.value).toBe(3)
  })

  it("follows in-app navigation: waits for the new form, re-hooks, unhooks the old one", async () => {
    const fake = createFakeXrm(quote())
    win.Xrm = fake.Xrm
    const { received } = startBoth()
    await until(() => received.length >= 2)
    const old = fake.attribute("totalamount")
    expect(old.handlerCount).toBe(1)
    fake.navigate({
      entityName: "quotedetail",
      entityId: "{00000006-0000-4000-8000-000000000001}",
      attributes: PRICE_FIELDS.slice(0, 3).map((name, i) => ({ name, type: "money" as const, value: 100 * (i + 1) }))
    })
    await tick(40)
    expect(received).toHaveLength(2) // the page context moved, the form is still loading
    fake.finishLoading()
    await until(() => received.length >= 4)
    expect(received[2]).toMatchObject({ type: "context", context: { entityName: "quotedetail", entityId: "00000006-0000-4000-8000-000000000001" } })
    expect(old.handlerCount).toBe(0)
    fake.userEdit("manualdiscountamount", 50)
    await until(() => received.length >= 5)
    expect(received[4]).toMatchObject({ type: "change", entityName: "quotedetail", name: "manualdiscountamount", attribute: { value: 50 } })
  })

  it("handles a new-record form (no id yet), then its first save", async () => {
    const fake = createFakeXrm({ ...quote(), entityId: null })
    win.Xrm = fake.Xrm
    const { received } = startBoth()
    await until(() => received.length >= 2)
    expect(received[0]).toMatchObject({ type: "context", context: { entityName: "quote", entityId: null } })
  })

  it("survives a broken or hostile Xrm without throwing into the page", async () => {
    win.Xrm = {
      Utility: {
        getPageContext: () => {
          throw new Error("boom")
        }
      }
    }
    const { received } = startBoth()
    await tick(50)
    expect(received).toEqual([])
  })
})

describe("Xrm bridge: the page cannot get in", () => {
  it("exposes nothing on window", async () => {
    const before = new Set(Object.getOwnPropertyNames(window))
    win.Xrm = createFakeXrm(quote()).Xrm
    const { received } = startBoth()
    await until(() => received.length >= 2)
    const added = Object.getOwnPropertyNames(window).filter((k) => !before.has(k) && k !== "Xrm")
    expect(added).toEqual([])
  })

  it("ignores handshakes from another source or origin, and any handshake after the first", async () => {
    win.Xrm = createFakeXrm(quote()).Xrm
    stops.push(startDynamicsBridgeMain({ pollMs: 10 }))
    const spy = (label: string, got: string[]) => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => got.push(label)
      stops.push(() => channel.port1.close())
      return channel.port2
    }
    const got: string[] = []
    const nonce = "0123456789abcdef0123456789abcdef"
    const dispatch = (init: MessageEventInit, port: MessagePort) =>
      win.dispatchEvent(new MessageEvent("message", { data: { type: HANDSHAKE, nonce }, ports: [port], ...init }))
    dispatch({ source: null, origin: ORIGIN }, spy("no source", got))
    dispatch({ source: {} as Window, origin: ORIGIN }, spy("other window", got))
    dispatch({ source: win, origin: "https://evil.example" }, spy("other origin", got))
    win.dispatchEvent(new MessageEvent("message", { data: { type: HANDSHAKE, nonce, extra: 1 }, source: win, origin: ORIGIN, ports: [spy("extra key", got)] }))
    win.dispatchEvent(new MessageEvent("message", { data: { type: HANDSHAKE, nonce: "short" }, source: win, origin: ORIGIN, ports: [spy("bad nonce", got)] }))
    await tick(50)
    expect(got).toEqual([])
    // The first well-formed handshake wins...
    dispatch({ source: win, origin: ORIGIN }, spy("first", got))
    await until(() => got.length >= 2)
    // ...and a second one, even perfect, reaches nothing.
    const after = got.length
    dispatch({ source: win, origin: ORIGIN }, spy("second", got))
    await tick(50)
    expect(got.slice(after)).not.toContain("second")
    expect(new Set(got)).toEqual(new Set(["first"]))
  })

  it("hides the handshake from page listeners registered after the MAIN script", async () => {
    stops.push(startDynamicsBridgeMain({ pollMs: 10 }))
    const seenByPage: unknown[] = []
    const pageListener = (e: MessageEvent) => seenByPage.push(e.data)
    win.addEventListener("message", pageListener)
    stops.push(() => win.removeEventListener("message", pageListener))
    const isolated = startDynamicsBridgeIsolated({ onMessage: () => {} })
    stops.push(() => isolated.stop())
    await until(() => isolated.connected)
    await tick(20)
    expect(seenByPage.some((d) => isHandshake(d))).toBe(false)
    expect(seenByPage).toContainEqual({ type: ISOLATED_READY })
  })

  it("the isolated side sends exactly one handshake, only to a MAIN announcement from this window", async () => {
    const handshakes: unknown[] = []
    const listener = (e: MessageEvent) => isHandshake(e.data) && handshakes.push(e.data)
    win.addEventListener("message", listener)
    stops.push(() => win.removeEventListener("message", listener))
    const isolated = startDynamicsBridgeIsolated({ onMessage: () => {} })
    stops.push(() => isolated.stop())
    win.dispatchEvent(new MessageEvent("message", { data: { type: MAIN_READY }, source: null, origin: ORIGIN }))
    win.dispatchEvent(new MessageEvent("message", { data: { type: MAIN_READY }, source: win, origin: "https://evil.example" }))
    await tick(20)
    expect(isolated.connected).toBe(false)
    win.postMessage({ type: MAIN_READY }, ORIGIN)
    win.postMessage({ type: MAIN_READY }, ORIGIN)
    await tick(30)
    expect(isolated.connected).toBe(true)
    expect(handshakes).toHaveLength(1)
  })

  it("drops malformed port messages and wrong nonces, delivers valid ones", async () => {
    const intercepted = interceptHandshake()
    const received: BridgeMessage[] = []
    const isolated = startDynamicsBridgeIsolated({ onMessage: (m) => received.push(m) })
    stops.push(() => isolated.stop())
    win.postMessage({ type: MAIN_READY }, ORIGIN)
    const { port, nonce } = await intercepted
    stops.push(() => port.close())
    const valid = { nonce, type: "change", entityName: "quote", entityId: QUOTE_ID, name: "totalamount", attribute: { type: "money", value: 1 } }
    const bad: unknown[] = [
      null,
      "string",
      [valid],
      { ...valid, nonce: "f".repeat(32) },
      { ...valid, type: "exec" },
      { ...valid, extra: true },
      { ...valid, entityName: "Quote; drop" },
      { ...valid, entityId: "not-a-guid" },
      { ...valid, name: "__proto__" },
      { ...valid, attribute: { type: "money", value: Number.POSITIVE_INFINITY } },
      { ...valid, attribute: { type: "money", value: "x".repeat(5_000) } },
      { ...valid, attribute: { type: "lookup", value: [{ id: "x", name: "n", entityType: "account" }] } },
      { ...valid, attribute: { type: "money", value: 1, text: 5 } },
      { nonce, type: "values", entityName: "quote", entityId: QUOTE_ID, attributes: { ["a"]: { type: "string", value: {} } } },
      { nonce, type: "values", entityName: "quote", entityId: QUOTE_ID, attributes: Object.fromEntries(Array.from({ length: 401 }, (_, i) => [`f${i}`, { type: "string", value: "" }])) },
      { nonce, type: "context", context: { pageType: "entityrecord", entityName: "quote", entityId: QUOTE_ID, clientUrl: "javascript:alert(1)" } }
    ]
    for (const message of bad) port.postMessage(message)
    port.postMessage(valid)
    await until(() => received.length >= 1)
    await tick(20)
    expect(received).toEqual([valid])
    expect(isolated.dropped).toBe(bad.length)
  })
})

describe("parseBridgeMessage", () => {
  const nonce = "0123456789abcdef0123456789abcdef"
  it("returns null-prototype attribute maps, so a __proto__ key cannot pollute", () => {
    const data = JSON.parse(`{"nonce":"${nonce}","type":"values","entityName":"quote","entityId":null,"attributes":{"__proto__":{"type":"string","value":"x"}}}`)
    expect(parseBridgeMessage(data, nonce)).toBeNull()
  })
  it("accepts multi-select option sets and empty lookups", () => {
    const data = { nonce, type: "values", entityName: "account", entityId: null, attributes: { tags: { type: "multiselectoptionset", value: [1, 2], text: "A; B" }, parentaccountid: { type: "lookup", value: [] } } }
    expect(parseBridgeMessage(data, nonce)).toMatchObject({ attributes: { tags: { value: [1, 2] }, parentaccountid: { value: [] } } })
  })
})
