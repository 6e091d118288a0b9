// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { agreesWithUrl, startDynamicsBridgeIsolated, type IsolatedBridge, type IsolatedBridgeOptions } from "./bridge-isolated"
import { PRICE_FIELDS, startDynamicsBridgeMain } from "./bridge-main"
import { HANDSHAKE, MAIN_READY, parseBridgeMessage, type BridgeMessage } from "./bridge-protocol"
import { createFakeXrm, type FakeRecord } from "./fake-xrm"
import { parseDynamicsUrl } from "./url"

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

const isHandshake = (d: unknown): d is { type: string; nonce: string } => typeof d === "object" && d !== null && (d as { type?: unknown }).type === HANDSHAKE
/** The isolated side as the content script starts it: the URL's record, and (as in Chrome at document_start) no page script yet. */
const isolatedOptions = (onMessage: IsolatedBridgeOptions["onMessage"]): IsolatedBridgeOptions => ({
  onMessage,
  urlRecord: () => parseDynamicsUrl(win.location.href),
  beforePageScripts: () => true
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
    isolated = startDynamicsBridgeIsolated(isolatedOptions((m) => received.push(m)))
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
  it.each([false, true])("hands over the port within document_start and sends typed values once Xrm appears (MAIN first: %s)", async (mainFirst) => {
    const fake = createFakeXrm(quote())
    const { received, isolated } = startBoth({ mainFirst })
    // The ready signals are synchronous events: the handshake is posted before the first await.
    expect(isolated().connected).toBe(true)
    await tick(30)
    expect(received).toEqual([])
    win.Xrm = fake.Xrm
    await until(() => received.length >= 1)
    const values = received[0]!
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
    await until(() => received.length >= 1)
    fake.userEdit("discountpercentage", 3)
    fake.userEdit("totalamount", 201_600)
    await until(() => received.length >= 3)
    expect(received[1]).toMatchObject({ type: "change", entityName: "quote", entityId: QUOTE_ID, name: "discountpercentage", attribute: { type: "decimal", value: 3 } })
    expect(received[2]).toMatchObject({ type: "change", name: "totalamount", attribute: { value: 201_600 } })
    fake.save()
    await until(() => received.length >= 4)
    const saved = received[3]!
    expect(saved.type).toBe("save")
    if (saved.type === "save") expect(saved.attributes.discountpercentage?.value).toBe(3)
  })

  it("follows in-app navigation: waits for the new form, re-hooks, unhooks the old one", async () => {
    const fake = createFakeXrm(quote())
    win.Xrm = fake.Xrm
    const { received } = startBoth()
    await until(() => received.length >= 1)
    const old = fake.attribute("totalamount")
    expect(old.handlerCount).toBe(1)
    const lineId = "00000006-0000-4000-8000-000000000001"
    win.happyDOM!.setURL(`${ORIGIN}/main.aspx?pagetype=entityrecord&etn=quotedetail&id=${lineId}`)
    fake.navigate({
      entityName: "quotedetail",
      entityId: `{${lineId}}`,
      attributes: PRICE_FIELDS.slice(0, 3).map((name, i) => ({ name, type: "money" as const, value: 100 * (i + 1) }))
    })
    await tick(40)
    expect(received).toHaveLength(1) // the page context moved, the form is still loading
    fake.finishLoading()
    await until(() => received.length >= 2)
    expect(received[1]).toMatchObject({ type: "values", entityName: "quotedetail", entityId: lineId })
    expect(old.handlerCount).toBe(0)
    fake.userEdit("manualdiscountamount", 50)
    await until(() => received.length >= 3)
    expect(received[2]).toMatchObject({ type: "change", entityName: "quotedetail", name: "manualdiscountamount", attribute: { value: 50 } })
  })

  it("reports a new-record form (no id yet), which the isolated side keeps out: the URL names no record", async () => {
    win.happyDOM!.setURL(`${ORIGIN}/main.aspx?pagetype=entityrecord&etn=quote`)
    win.Xrm = createFakeXrm({ ...quote(), entityId: null }).Xrm
    const fromMain = speakToMain()
    await until(() => fromMain.length >= 1)
    expect(fromMain[0]).toMatchObject({ type: "values", entityName: "quote", entityId: null })

    const { received, isolated } = startBoth()
    await until(() => isolated().mismatched >= 1)
    expect(received).toEqual([])
  })

  it("holds a form's values until the address shows its record (a form loaded before the URL moved)", async () => {
    win.happyDOM!.setURL(`${ORIGIN}/main.aspx?pagetype=entitylist&etn=quote`)
    win.Xrm = createFakeXrm(quote()).Xrm
    const fromMain = speakToMain()
    await tick(50)
    expect(fromMain).toEqual([])
    win.happyDOM!.setURL(`${ORIGIN}/main.aspx?etc=1084&id=%7b${QUOTE_ID.toUpperCase()}%7d&pagetype=entityrecord`)
    await until(() => fromMain.length >= 1)
    expect(fromMain[0]).toMatchObject({ type: "values", entityName: "quote", entityId: QUOTE_ID })
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

/** The real MAIN script, handed a port of the test's own: what it sends, unfiltered. */
function speakToMain(): unknown[] {
  const seen: unknown[] = []
  stops.push(startDynamicsBridgeMain({ pollMs: 10 }))
  const channel = new MessageChannel()
  channel.port1.onmessage = (e) => seen.push(e.data)
  stops.push(() => channel.port1.close())
  win.dispatchEvent(new MessageEvent("message", { data: { type: HANDSHAKE, nonce: "0123456789abcdef0123456789abcdef" }, source: win, origin: ORIGIN, ports: [channel.port2] }))
  return seen
}

describe("Xrm bridge: the page cannot get in", () => {
  it("exposes nothing on window", async () => {
    const before = new Set(Object.getOwnPropertyNames(window))
    win.Xrm = createFakeXrm(quote()).Xrm
    const { received } = startBoth()
    await until(() => received.length >= 1)
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
    await until(() => got.length >= 1)
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
    win.addEventListener("message", pageListener, true)
    stops.push(() => win.removeEventListener("message", pageListener, true))
    const isolated = startDynamicsBridgeIsolated(isolatedOptions(() => {}))
    stops.push(() => isolated.stop())
    expect(isolated.connected).toBe(true)
    await tick(30)
    expect(seenByPage).toEqual([])
  })

  it("keeps working, and leaks nothing, when a page script patches the prototypes before the handshake arrives", async () => {
    const fake = createFakeXrm(quote())
    win.Xrm = fake.Xrm
    const { received } = startBoth()
    // The handshake is posted but not yet delivered: a page's first script runs now, patches what
    // the MAIN script would touch next, and listens.
    const portProto = Object.getPrototypeOf(new MessageChannel().port1) as MessagePort
    const originals = { post: portProto.postMessage, stop: Event.prototype.stopImmediatePropagation }
    stops.push(() => {
      portProto.postMessage = originals.post
      Event.prototype.stopImmediatePropagation = originals.stop
    })
    const throughPatchedPost: unknown[] = []
    portProto.postMessage = function (this: MessagePort, ...args: unknown[]) {
      throughPatchedPost.push(args[0])
      return (originals.post as (...a: unknown[]) => void).apply(this, args)
    } as MessagePort["postMessage"]
    Event.prototype.stopImmediatePropagation = () => {}
    const heardByPage: unknown[] = []
    const pageListener = (e: MessageEvent) => heardByPage.push(e.data)
    win.addEventListener("message", pageListener, true)
    stops.push(() => win.removeEventListener("message", pageListener, true))

    await until(() => received.length >= 1)
    fake.userEdit("totalamount", 199_000)
    await until(() => received.length >= 2)
    expect(received[1]).toMatchObject({ type: "change", name: "totalamount", attribute: { value: 199_000 } })
    expect(throughPatchedPost).toEqual([])
    expect(heardByPage.filter(isHandshake)).toEqual([])
  })

  it("the isolated side answers only a MAIN announcement made before any page script, and only once", async () => {
    const handshakes: unknown[] = []
    const listener = (e: MessageEvent) => isHandshake(e.data) && handshakes.push(e.data)
    win.addEventListener("message", listener)
    stops.push(() => win.removeEventListener("message", listener))
    let early = false
    const late = startDynamicsBridgeIsolated({ ...isolatedOptions(() => {}), beforePageScripts: () => early })
    stops.push(() => late.stop())
    // The document already has elements: the announcement may be the page's.
    win.dispatchEvent(new Event(MAIN_READY))
    early = true
    win.dispatchEvent(new Event(MAIN_READY)) // and it stopped listening at the first one
    await tick(20)
    expect(late.connected).toBe(false)
    expect(handshakes).toEqual([])

    const inTime = startDynamicsBridgeIsolated(isolatedOptions(() => {}))
    stops.push(() => inTime.stop())
    win.dispatchEvent(new Event(MAIN_READY))
    win.dispatchEvent(new Event(MAIN_READY))
    await tick(20)
    expect(inTime.connected).toBe(true)
    expect(handshakes).toHaveLength(1)
  })

  it("by default counts the document as page-touched once it has an element", () => {
    // happy-dom's document already holds <html><head><body>, as a page after its first script does.
    const isolated = startDynamicsBridgeIsolated({ onMessage: () => {}, urlRecord: () => null })
    stops.push(() => isolated.stop())
    win.dispatchEvent(new Event(MAIN_READY))
    expect(isolated.connected).toBe(false)
  })

  it("drops malformed port messages and wrong nonces, and messages about another record than the URL's", async () => {
    const intercepted = interceptHandshake()
    const received: BridgeMessage[] = []
    const isolated = startDynamicsBridgeIsolated(isolatedOptions((m) => received.push(m)))
    stops.push(() => isolated.stop())
    win.dispatchEvent(new Event(MAIN_READY))
    const { port, nonce } = await intercepted
    stops.push(() => port.close())
    const valid = { nonce, type: "change", entityName: "quote", entityId: QUOTE_ID, name: "totalamount", attribute: { type: "money", value: 1 } }
    const bad: unknown[] = [
      null,
      "string",
      [valid],
      { ...valid, nonce: "f".repeat(32) },
      { ...valid, type: "exec" },
      { ...valid, type: "context" },
      { ...valid, extra: true },
      { ...valid, entityName: "Quote; drop" },
      { ...valid, entityId: "not-a-guid" },
      { ...valid, name: "__proto__" },
      { ...valid, attribute: { type: "money", value: Number.POSITIVE_INFINITY } },
      { ...valid, attribute: { type: "money", value: "x".repeat(5_000) } },
      { ...valid, attribute: { type: "lookup", value: [{ id: "x", name: "n", entityType: "account" }] } },
      { ...valid, attribute: { type: "money", value: 1, text: 5 } },
      { nonce, type: "values", entityName: "quote", entityId: QUOTE_ID, attributes: { ["a"]: { type: "string", value: {} } } },
      { nonce, type: "values", entityName: "quote", entityId: QUOTE_ID, attributes: Object.fromEntries(Array.from({ length: 401 }, (_, i) => [`f${i}`, { type: "string", value: "" }])) }
    ]
    // Well-formed, but about a record the URL does not show: another quote, an account with the
    // quote's id, a new-record form, another table. Each names another customer.
    const customer = { type: "lookup", value: [{ id: ACCOUNT_ID, name: "شرکت پارس‌سازه", entityType: "account" }] }
    const otherRecord = (entityName: string, entityId: string | null) => ({ nonce, type: "values", entityName, entityId, attributes: { customerid: customer } })
    const elsewhere = [otherRecord("quote", "00000005-0000-4000-8000-000000000999"), otherRecord("account", QUOTE_ID), otherRecord("quote", null), { ...valid, entityName: "opportunity" }]
    for (const message of [...bad, ...elsewhere]) port.postMessage(message)
    port.postMessage(valid)
    await until(() => received.length >= 1)
    await tick(20)
    expect(received).toEqual([valid])
    expect(isolated.dropped).toBe(bad.length)
    expect(isolated.mismatched).toBe(elsewhere.length)
  })
})

describe("agreesWithUrl", () => {
  const url = parseDynamicsUrl(`${ORIGIN}/main.aspx?appid=00000016-0000-4000-8000-000000000001&pagetype=entityrecord&etn=opportunity&id=%7B${QUOTE_ID.toUpperCase()}%7D`)
  const lookup = (name: string) => ({ type: "lookup", value: [{ id: ACCOUNT_ID, name, entityType: "account" }] })
  const values = (entityName: string, entityId: string | null, customerName: string): BridgeMessage => ({
    nonce: "0".repeat(32),
    type: "values",
    entityName,
    entityId,
    attributes: { customerid: lookup(customerName), parentaccountid: lookup(customerName) }
  })

  it("accepts an opportunity's customer lookups only when the opportunity is the URL's record", () => {
    expect(url).toMatchObject({ objectType: "opportunity", id: QUOTE_ID })
    expect(agreesWithUrl(values("opportunity", QUOTE_ID, "Globex Manufacturing"), url)).toBe(true)
    expect(agreesWithUrl(values("opportunity", QUOTE_ID, "گلوبکس صنعت"), url)).toBe(true)
    expect(agreesWithUrl(values("opportunity", "00000003-0000-4000-8000-000000000001", "Globex Manufacturing"), url)).toBe(false)
    expect(agreesWithUrl(values("quote", QUOTE_ID, "گلوبکس صنعت"), url)).toBe(false)
    expect(agreesWithUrl(values("opportunity", null, "Globex Manufacturing"), url)).toBe(false)
  })

  it("accepts nothing on a page whose URL names no record (a list, a dashboard, a new form)", () => {
    for (const href of [`${ORIGIN}/main.aspx?pagetype=entitylist&etn=opportunity`, `${ORIGIN}/main.aspx?pagetype=entityrecord&etn=opportunity`, `${ORIGIN}/main.aspx?pagetype=dashboard`]) {
      expect(parseDynamicsUrl(href)).toBeNull()
      expect(agreesWithUrl(values("opportunity", QUOTE_ID, "Globex Manufacturing"), parseDynamicsUrl(href))).toBe(false)
    }
  })

  it("follows the URL's table and id through legacy links (entity type codes, braces, upper case)", () => {
    const legacy = parseDynamicsUrl(`${ORIGIN}/main.aspx?etc=1084&extraqs=&id=%7b${QUOTE_ID.toUpperCase()}%7d&pagetype=entityrecord`)
    expect(agreesWithUrl(values("quote", QUOTE_ID, "Globex Manufacturing"), legacy)).toBe(true)
    expect(agreesWithUrl(values("quotedetail", QUOTE_ID, "Globex Manufacturing"), legacy)).toBe(false)
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
