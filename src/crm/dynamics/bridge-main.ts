/**
 * The MAIN-world half of the Xrm bridge (registered by the worker with `world: "MAIN"`, `runAt:
 * "document_start"`). It reads what only page JavaScript can: which record `Xrm.Utility.getPageContext()`
 * shows, the form's typed attribute values (lookups as {id,name,entityType}, option-set labels) and their
 * change and save events, above all the quote / quote-line price fields, and sends them down the
 * private MessagePort received in the handshake (bridge-protocol.ts).
 *
 * Security (DESIGN.md): this script shares its JavaScript world with the page, and a page script
 * can replace any prototype method after it (`MessagePort.prototype.postMessage`, the
 * `MessageEvent.prototype.data` getter, `RegExp.prototype.exec`, `Array.prototype.push`…) to see
 * what passes through. So every platform function the bridge calls is taken once by
 * `capturePlatform` when the script starts, at document_start, before any page script exists,
 * and called through those references only; the handshake and the port are never handled by
 * anything else, and array iteration, spreading and regex replacement (all of which look
 * methods up at call time) are avoided. Nothing is exposed on window; nothing is ever read from
 * the port, so the page can never call into Parley. Page scripts can tamper with `Xrm` itself:
 * what arrives is page-provided data, as untrusted as the DOM, and the isolated side validates
 * it and checks it against the URL.
 */
import { HANDSHAKE, ISOLATED_READY, MAIN_READY, type BridgeAttribute, type BridgeLookup, type BridgeMessageBody } from "./bridge-protocol"

/** Price fields of quote and quotedetail: hooked first, so they are never cut by the cap. */
export const PRICE_FIELDS = ["priceperunit", "manualdiscountamount", "discountpercentage", "discountamount", "totalamount", "quantity", "baseamount", "extendedamount", "volumediscountamount", "totallineitemamount"] as const

export interface MainBridgeOptions {
  win?: Window
  /** How often to look for Xrm and for a record switch (Unified Interface is a single-page app). */
  pollMs?: number
  /** At most this many attributes are read and hooked per form. */
  maxAttributes?: number
}

/* Minimal shapes of the Client API pieces used (no @types/xrm in this project). */
interface XrmAttribute {
  getName(): string
  getAttributeType?(): string
  getValue(): unknown
  getText?(): unknown
  addOnChange?(handler: () => void): void
  removeOnChange?(handler: () => void): void
}
interface XrmEntity {
  getEntityName?(): string
  getId?(): string
  attributes?: { get?(): XrmAttribute[] }
  addOnSave?(handler: () => void): void
  removeOnSave?(handler: () => void): void
  addOnPostSave?(handler: () => void): void
  removeOnPostSave?(handler: () => void): void
}
interface XrmLike {
  Utility?: {
    getPageContext?(): { input?: { pageType?: string; entityName?: string; entityId?: string } }
  }
  Page?: { data?: { entity?: XrmEntity }; getAttribute?(): XrmAttribute[] }
}

/** Null id: a new-record form (a quote being drafted before its first save). */
interface ShownRecord {
  entityName: string
  entityId: string | null
}

type Unbound<T, A extends unknown[], R> = (self: T, ...args: A) => R
type Listener = (event: Event) => void

/**
 * The platform functions the bridge uses, as they are when this runs (document_start). Each is
 * called as `fn(self, ...args)` (`Function.prototype.call.bind(method)`), so a later change to a
 * prototype reaches none of them.
 */
function capturePlatform(win: Window) {
  const uncurry = Function.prototype.bind.bind(Function.prototype.call) as unknown as <T, A extends unknown[], R>(fn: (this: T, ...args: A) => R) => Unbound<T, A, R>
  const { getOwnPropertyDescriptor, getPrototypeOf, defineProperty, create, keys } = Object
  const w = win as Window & typeof globalThis
  /** A getter from the prototype when the platform has one (browsers), else a plain read. */
  const getter = <V>(proto: object, key: string): ((o: object) => V) => {
    const get = getOwnPropertyDescriptor(proto, key)?.get
    return get ? (uncurry(get) as (o: object) => V) : (o) => (o as Record<string, V>)[key] as V
  }
  // The port methods from a channel of our own (this realm's, as the port handed over will be).
  const probe = new MessageChannel()
  const portProto = getPrototypeOf(probe.port1) as MessagePort
  const portPost = uncurry(portProto.postMessage as (this: MessagePort, message: unknown) => void)
  const portClose = uncurry(portProto.close)
  portClose(probe.port1)
  portClose(probe.port2)
  const messageProto = w.MessageEvent.prototype
  const exec = RegExp.prototype.exec
  const test = uncurry(RegExp.prototype.test)
  return {
    addListener: uncurry(w.addEventListener as (this: Window, type: string, listener: Listener, capture?: boolean) => void),
    removeListener: uncurry(w.removeEventListener as (this: Window, type: string, listener: Listener, capture?: boolean) => void),
    dispatch: uncurry(w.dispatchEvent as (this: Window, event: Event) => boolean),
    EventCtor: w.Event,
    stopImmediate: uncurry(w.Event.prototype.stopImmediatePropagation),
    eventData: getter<unknown>(messageProto, "data"),
    eventOrigin: getter<string>(messageProto, "origin"),
    eventSource: getter<unknown>(messageProto, "source"),
    eventPorts: getter<readonly MessagePort[] | null>(messageProto, "ports"),
    portPost,
    portClose,
    setTimer: uncurry(w.setInterval as (this: Window, handler: () => void, ms: number) => number),
    clearTimer: uncurry(w.clearInterval as (this: Window, id: number) => void),
    keys,
    create,
    isArray: Array.isArray,
    isFinite: Number.isFinite,
    toText: String,
    objectTag: uncurry(Object.prototype.toString),
    dateTime: uncurry(Date.prototype.getTime),
    dateIso: uncurry(Date.prototype.toISOString),
    slice: uncurry(String.prototype.slice),
    lower: uncurry(String.prototype.toLowerCase),
    trim: uncurry(String.prototype.trim),
    includes: uncurry(String.prototype.includes as (this: string, search: string) => boolean),
    /** `test` looks `exec` up on the regex at call time: each pattern gets its own copy. */
    matcher(pattern: RegExp): (text: string) => boolean {
      defineProperty(pattern, "exec", { value: exec })
      return (text) => test(pattern, text)
    }
  }
}

export function startDynamicsBridgeMain(options: MainBridgeOptions = {}): () => void {
  const win = options.win ?? window
  const pollMs = options.pollMs ?? 500
  const maxAttributes = options.maxAttributes ?? 200
  // Now, at document_start, before any page script could replace them.
  const P = capturePlatform(win)
  const origin = win.location.origin
  const isGuid = P.matcher(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
  const isName = P.matcher(/^[a-z][a-z0-9_]*$/)
  const isType = P.matcher(/^[a-z]{1,32}$/)

  let port: MessagePort | null = null
  let nonce = ""
  let timer: number | undefined
  let shownKey = ""
  let unhook: () => void = () => {}

  const cut = (v: unknown, max = 4_000): string => P.slice(P.toText(v ?? ""), 0, max)
  const guid = (raw: unknown): string | null => {
    if (typeof raw !== "string") return null
    let v = P.lower(P.trim(raw))
    if (v.length === 38 && v[0] === "{" && v[37] === "}") v = P.slice(v, 1, 37)
    return isGuid(v) ? v : null
  }

  /** One attribute as plain, structured-clone-safe data. */
  const readAttribute = (attr: XrmAttribute): BridgeAttribute => {
    const named = P.lower(cut(attr.getAttributeType?.() ?? "unknown", 32))
    const type = isType(named) ? named : "unknown"
    const raw = attr.getValue()
    let value: BridgeAttribute["value"] = null
    if (P.isArray(raw)) {
      const n = raw.length < 50 ? raw.length : 50
      let numbers = true
      for (let i = 0; i < n; i++) if (typeof raw[i] !== "number") numbers = false
      const items: (number | BridgeLookup)[] = []
      for (let i = 0; i < n; i++) {
        const x = raw[i] as { id?: unknown; name?: unknown; entityType?: unknown } | number
        items[i] = numbers ? (x as number) : { id: guid((x as { id?: unknown })?.id) ?? "", name: cut((x as { name?: unknown })?.name, 256), entityType: P.lower(cut((x as { entityType?: unknown })?.entityType, 128)) }
      }
      value = items as number[] | BridgeLookup[]
    } else if (P.objectTag(raw) === "[object Date]") {
      // Not `instanceof Date`: the page's Date may come from another realm (an iframe's Xrm).
      const t = P.dateTime(raw as Date)
      value = t === t ? P.dateIso(raw as Date) : null
    } else if (typeof raw === "number") value = P.isFinite(raw) ? raw : null
    else if (typeof raw === "string") value = cut(raw)
    else if (typeof raw === "boolean") value = raw
    if (type !== "optionset" && type !== "multiselectoptionset") return { type, value }
    const text = attr.getText?.()
    if (text == null) return { type, value }
    let joined = ""
    if (P.isArray(text)) for (let i = 0; i < text.length && i < 50; i++) joined = i ? `${joined}; ${cut(text[i])}` : cut(text[i])
    else joined = cut(text)
    return { type, value, text: cut(joined) }
  }

  const send = (message: BridgeMessageBody) => {
    if (!port) return
    try {
      P.portPost(port, { ...message, nonce })
    } catch {
      // A value the structured clone refuses: drop it rather than break the page.
    }
  }

  const xrm = (): XrmLike | undefined => {
    try {
      return (win as unknown as { Xrm?: XrmLike }).Xrm
    } catch {
      return undefined
    }
  }

  const isPriceField = (name: string) => {
    for (let i = 0; i < PRICE_FIELDS.length; i++) if (PRICE_FIELDS[i] === name) return true
    return false
  }

  const attributesOf = (x: XrmLike): XrmAttribute[] => {
    const all: unknown = x.Page?.data?.entity?.attributes?.get?.() ?? x.Page?.getAttribute?.()
    const out: XrmAttribute[] = []
    if (!P.isArray(all)) return out
    const take = (price: boolean) => {
      for (let i = 0; i < all.length && out.length < maxAttributes; i++) {
        const a = all[i] as XrmAttribute
        if (isPriceField(a.getName()) === price) out[out.length] = a
      }
    }
    // Price fields first, so the cap never cuts them.
    take(true)
    take(false)
    return out
  }

  const snapshot = (attrs: XrmAttribute[]) => {
    // Null prototype: no setter the page put on Object.prototype runs for a field's name.
    const out = P.create(null) as Record<string, BridgeAttribute>
    for (let i = 0; i < attrs.length; i++) {
      const name = cut(attrs[i]!.getName(), 128)
      if (isName(name)) out[name] = readAttribute(attrs[i]!)
    }
    return out
  }

  /** The record on screen once its form is ready, or null while Xrm or the form is loading. */
  const currentRecord = (x: XrmLike): ShownRecord | null => {
    const input = x.Utility?.getPageContext?.()?.input
    if (!input || input.pageType !== "entityrecord" || !input.entityName) return null
    const entity = x.Page?.data?.entity
    const entityName = P.lower(cut(input.entityName, 128))
    const entityId = guid(input.entityId)
    // During an in-app navigation the page context switches before the new form has loaded.
    if (!entity || entity.getEntityName?.() !== entityName || guid(entity.getId?.()) !== entityId) return null
    // The isolated side takes values only for the URL's record: wait until the address shows it too.
    if (entityId && !P.includes(P.lower(win.location.href), entityId)) return null
    return { entityName, entityId }
  }

  const watch = (x: XrmLike, shown: ShownRecord) => {
    const entity = x.Page!.data!.entity!
    const attrs = attributesOf(x)
    const { entityName, entityId } = shown
    send({ type: "values", entityName, entityId, attributes: snapshot(attrs) })
    // A chain of closures, not an array: nothing here looks a method up on a page-owned prototype.
    let off = () => {}
    for (let i = 0; i < attrs.length; i++) {
      const attr = attrs[i]!
      const handler = () => {
        try {
          send({ type: "change", entityName, entityId, name: attr.getName(), attribute: readAttribute(attr) })
        } catch {
          /* never throw into the form's event pipeline */
        }
      }
      attr.addOnChange?.(handler)
      const previous = off
      off = () => {
        previous()
        attr.removeOnChange?.(handler)
      }
    }
    const onSave = () => {
      try {
        send({ type: "save", entityName, entityId, attributes: snapshot(attributesOf(x)) })
      } catch {
        /* as above */
      }
    }
    // After-save when the platform has it (the values are then the stored ones).
    const postSave = typeof entity.addOnPostSave === "function"
    if (postSave) entity.addOnPostSave!(onSave)
    else entity.addOnSave?.(onSave)
    unhook = () => {
      off()
      if (postSave) entity.removeOnPostSave?.(onSave)
      else entity.removeOnSave?.(onSave)
    }
  }

  const tick = () => {
    try {
      const x = xrm()
      if (!x) return
      const shown = currentRecord(x)
      const key = shown ? `${shown.entityName}:${shown.entityId ?? "new"}` : ""
      if (!shown || key === shownKey) return
      unhook()
      unhook = () => {}
      shownKey = key
      watch(x, shown)
    } catch {
      // Xrm half-initialised or patched by the page: try again on the next tick.
    }
  }

  const announce = () => void P.dispatch(win, new P.EventCtor(MAIN_READY))
  const onIsolatedReady = () => {
    P.removeListener(win, ISOLATED_READY, onIsolatedReady)
    announce()
  }

  /**
   * The isolated side posts its handshake at document_start, so it is the first posted message
   * this window delivers: one a page script posts is queued behind it and finds nobody listening.
   */
  const onWindowMessage = (event: Event) => {
    if (port || P.eventSource(event) !== win || P.eventOrigin(event) !== origin) return
    const data = P.eventData(event) as { type?: unknown; nonce?: unknown } | null
    const ports = P.eventPorts(event)
    if (typeof data !== "object" || data === null || P.keys(data).length !== 2 || data.type !== HANDSHAKE) return
    if (typeof data.nonce !== "string" || data.nonce.length !== 32 || !ports || ports.length !== 1) return
    // Later listeners (the page's) never see the port or the nonce.
    P.stopImmediate(event)
    port = ports[0]!
    nonce = data.nonce
    P.removeListener(win, "message", onWindowMessage, true)
    P.removeListener(win, ISOLATED_READY, onIsolatedReady)
    tick()
    timer = P.setTimer(win, tick, pollMs)
  }

  P.addListener(win, "message", onWindowMessage, true)
  // The ready signals are synchronous DOM events, so the exchange completes within document_start
  // whichever script runs first: the isolated side asks, or hears this announcement.
  P.addListener(win, ISOLATED_READY, onIsolatedReady)
  announce()

  return () => {
    P.removeListener(win, "message", onWindowMessage, true)
    P.removeListener(win, ISOLATED_READY, onIsolatedReady)
    if (timer !== undefined) P.clearTimer(win, timer)
    unhook()
    if (port) P.portClose(port)
    port = null
  }
}
