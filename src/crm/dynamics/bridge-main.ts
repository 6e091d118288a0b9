/**
 * The MAIN-world half of the Xrm bridge (content script with `world: "MAIN"`, `run_at:
 * document_start`). It reads what only page JavaScript can: `Xrm.Utility.getPageContext()`, the
 * form's typed attribute values (lookups as {id,name,entityType}, option-set labels) and their
 * change and save events, above all the quote / quote-line price fields, and sends them down the
 * private MessagePort received in the handshake (bridge-protocol.ts).
 *
 * Security (DESIGN.md): nothing is exposed on window; only the first handshake whose source is
 * this window, whose origin is this page's and whose shape is exact is accepted, after which the
 * window listener is removed; nothing is ever read from the port, so the page can never call
 * into Parley. Page scripts can tamper with `Xrm` itself: what arrives is page-provided data, as
 * untrusted as the DOM, and the isolated side validates it.
 */
import { ISOLATED_READY, MAIN_READY, isHandshake, isSignal, type BridgeAttribute, type BridgeContext, type BridgeLookup, type BridgeMessageBody } from "./bridge-protocol"

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
    getPageContext?(): { input?: { pageType?: string; entityName?: string; entityId?: string; formId?: string } }
    getGlobalContext?(): { getClientUrl?(): string; getVersion?(): string }
  }
  Page?: { data?: { entity?: XrmEntity }; getAttribute?(): XrmAttribute[] }
}

const guid = (raw: unknown): string | null => {
  const v = typeof raw === "string" ? raw.trim().replace(/^\{|\}$/g, "").toLowerCase() : ""
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(v) ? v : null
}
const cut = (v: unknown, max = 4_000) => String(v ?? "").slice(0, max)

/** One attribute as plain, structured-clone-safe data. */
function readAttribute(attr: XrmAttribute): BridgeAttribute {
  const type = cut(attr.getAttributeType?.() ?? "unknown", 32).toLowerCase().replace(/[^a-z]/g, "") || "unknown"
  const raw = attr.getValue()
  let value: BridgeAttribute["value"] = null
  if (Array.isArray(raw)) {
    value = raw.slice(0, 50).every((x) => typeof x === "number")
      ? (raw.slice(0, 50) as number[])
      : raw.slice(0, 50).map(
          (x: { id?: unknown; name?: unknown; entityType?: unknown }): BridgeLookup => ({
            id: guid(x?.id) ?? "",
            name: cut(x?.name, 256),
            entityType: cut(x?.entityType, 128).toLowerCase()
          })
        )
  } else if (Object.prototype.toString.call(raw) === "[object Date]") {
    // Not `instanceof Date`: the page's Date may come from another realm (an iframe's Xrm).
    const t = (raw as Date).getTime()
    value = Number.isNaN(t) ? null : (raw as Date).toISOString()
  }
  else if (typeof raw === "number") value = Number.isFinite(raw) ? raw : null
  else if (typeof raw === "string") value = cut(raw)
  else if (typeof raw === "boolean") value = raw
  const out: BridgeAttribute = { type, value }
  if (type === "optionset" || type === "multiselectoptionset") {
    const text = attr.getText?.()
    if (text != null) out.text = cut(Array.isArray(text) ? text.join("; ") : text)
  }
  return out
}

export function startDynamicsBridgeMain(options: MainBridgeOptions = {}): () => void {
  const win = options.win ?? window
  const pollMs = options.pollMs ?? 500
  const maxAttributes = options.maxAttributes ?? 200
  // Captured now, at document_start, before page scripts could replace them.
  const origin = win.location.origin
  const addListener = win.addEventListener.bind(win)
  const removeListener = win.removeEventListener.bind(win)
  const post = win.postMessage.bind(win)
  const setTimer = win.setInterval.bind(win)
  const clearTimer = win.clearInterval.bind(win)

  let port: MessagePort | null = null
  let nonce = ""
  let timer: number | undefined
  let shownKey = ""
  let unhook: () => void = () => {}

  const send = (message: BridgeMessageBody) => {
    try {
      port?.postMessage({ ...message, nonce })
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

  const attributesOf = (x: XrmLike): XrmAttribute[] => {
    const all = x.Page?.data?.entity?.attributes?.get?.() ?? x.Page?.getAttribute?.() ?? []
    const byName = (a: XrmAttribute) => (PRICE_FIELDS as readonly string[]).indexOf(a.getName())
    const price = all.filter((a) => byName(a) >= 0)
    return [...price, ...all.filter((a) => byName(a) < 0)].slice(0, maxAttributes)
  }

  const snapshot = (attrs: XrmAttribute[]) => {
    const out: Record<string, BridgeAttribute> = {}
    for (const a of attrs) {
      const name = cut(a.getName(), 128)
      if (/^[a-z][a-z0-9_]*$/.test(name)) out[name] = readAttribute(a)
    }
    return out
  }

  /** The record on screen once its form is ready, or null while Xrm or the form is loading. */
  const currentContext = (x: XrmLike): BridgeContext | null => {
    const input = x.Utility?.getPageContext?.()?.input
    if (!input || input.pageType !== "entityrecord" || !input.entityName) return null
    const entity = x.Page?.data?.entity
    const entityName = cut(input.entityName, 128).toLowerCase()
    const entityId = guid(input.entityId)
    // During an in-app navigation the page context switches before the new form has loaded.
    if (!entity || entity.getEntityName?.() !== entityName || guid(entity.getId?.()) !== entityId) return null
    const global = x.Utility?.getGlobalContext?.()
    const context: BridgeContext = { pageType: "entityrecord", entityName, entityId }
    const formId = guid(input.formId)
    if (formId) context.formId = formId
    const clientUrl = global?.getClientUrl?.()
    if (typeof clientUrl === "string" && /^https?:\/\//.test(clientUrl)) context.clientUrl = cut(clientUrl, 2_048)
    const version = global?.getVersion?.()
    if (typeof version === "string") context.version = cut(version, 32)
    return context
  }

  const watch = (x: XrmLike, ctx: BridgeContext) => {
    const entity = x.Page!.data!.entity!
    const attrs = attributesOf(x)
    const { entityName, entityId } = ctx
    send({ type: "context", context: ctx })
    send({ type: "values", entityName, entityId, attributes: snapshot(attrs) })
    const hooks = attrs.map((attr) => {
      const handler = () => {
        try {
          send({ type: "change", entityName, entityId, name: attr.getName(), attribute: readAttribute(attr) })
        } catch {
          /* never throw into the form's event pipeline */
        }
      }
      attr.addOnChange?.(handler)
      return () => attr.removeOnChange?.(handler)
    })
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
      for (const off of hooks) off()
      if (postSave) entity.removeOnPostSave?.(onSave)
      else entity.removeOnSave?.(onSave)
    }
  }

  const tick = () => {
    try {
      const x = xrm()
      if (!x) return
      const ctx = currentContext(x)
      const key = ctx ? `${ctx.entityName}:${ctx.entityId ?? "new"}` : ""
      if (!ctx || key === shownKey) return
      unhook()
      unhook = () => {}
      shownKey = key
      watch(x, ctx)
    } catch {
      // Xrm half-initialised or patched by the page: try again on the next tick.
    }
  }

  const onWindowMessage = (event: MessageEvent) => {
    if (port || event.source !== win || event.origin !== origin) return
    if (isSignal(event.data, ISOLATED_READY)) {
      post({ type: MAIN_READY }, origin)
      return
    }
    if (!isHandshake(event.data) || event.ports?.length !== 1) return
    // Later listeners (the page's) never see the port or the nonce.
    event.stopImmediatePropagation()
    port = event.ports[0]!
    nonce = event.data.nonce
    removeListener("message", onWindowMessage, true)
    tick()
    timer = setTimer(tick, pollMs)
  }

  addListener("message", onWindowMessage, true)
  post({ type: MAIN_READY }, origin)

  return () => {
    removeListener("message", onWindowMessage, true)
    if (timer !== undefined) clearTimer(timer)
    unhook()
    port?.close()
    port = null
  }
}
