/**
 * The MAIN-world ↔ isolated-world bridge protocol (DESIGN.md "MAIN-world bridge"), shared by both
 * sides. Hand-written validation instead of zod: this ships in the always-loaded content script
 * (15 KiB budget), and the background validates the resulting observation with zod again.
 *
 * Sequence, all at document_start (both scripts run then, in either order, before any page script):
 *   isolated → window: DOM event "parley-isolated-ready"      (synchronous; asks MAIN to announce)
 *   MAIN     → window: DOM event "parley-main-ready"          (synchronous; MAIN is listening)
 *   isolated → window: postMessage {type:"parley-handshake", nonce} + [port]   (once)
 *   MAIN → port only: BridgeMessage{nonce, ...}               (never window again): the form's
 *     values when a record's form is ready, each change, and the values after each save.
 * The ready signals are synchronous events, so the exchange ends before the parser inserts the
 * first element; the isolated side answers only an announcement made while the document is still
 * empty, which no page script can make (a script runs only once its element is in the document).
 * The handshake is therefore the first posted message of the page: MAIN takes the first one that
 * passes its source/origin/shape checks, stops the event before any page listener, and stops
 * listening. MAIN reads the handshake and writes the port only through functions it captured at
 * document_start (bridge-main.ts `capturePlatform`), so patched prototypes see neither.
 *
 * Without the MAIN script (the first page load after install, before the worker registered it)
 * the isolated side hears no announcement in time and sends no handshake at all. Whatever
 * arrives on the port is still page data (Xrm is the page's): validated here, checked against
 * the URL's record by the isolated side, and capped.
 */

export const HANDSHAKE = "parley-handshake"
export const MAIN_READY = "parley-main-ready"
export const ISOLATED_READY = "parley-isolated-ready"

export interface BridgeLookup {
  id: string
  name: string
  entityType: string
}

/** One form attribute: the typed value (dates as ISO strings), plus the option label when any. */
export interface BridgeAttribute {
  /** Xrm's getAttributeType(): string, memo, money, decimal, double, integer, boolean, datetime, optionset, multiselectoptionset, lookup. */
  type: string
  value: string | number | boolean | null | BridgeLookup[] | number[]
  text?: string
}

interface Envelope {
  nonce: string
}
export type BridgeMessage =
  | (Envelope & { type: "values" | "save"; entityName: string; entityId: string | null; attributes: Record<string, BridgeAttribute> })
  | (Envelope & { type: "change"; entityName: string; entityId: string | null; name: string; attribute: BridgeAttribute })

/** A message before the sender adds the nonce. */
export type BridgeMessageBody = BridgeMessage extends infer M ? (M extends BridgeMessage ? Omit<M, "nonce"> : never) : never

const NONCE = /^[0-9a-f]{32}$/
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const LOGICAL = /^[a-z][a-z0-9_]{0,127}$/
const TYPE = /^[a-z]{1,32}$/
const MAX_TEXT = 4_000
const MAX_ATTRIBUTES = 400
const MAX_ITEMS = 50

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v)
const hasOnly = (o: Obj, keys: string[]) => Object.keys(o).every((k) => keys.includes(k))
const str = (v: unknown, max: number): v is string => typeof v === "string" && v.length <= max

export function newNonce(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  return Array.from(random(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("")
}

function lookup(v: unknown): BridgeLookup | null {
  if (!isObj(v) || !hasOnly(v, ["id", "name", "entityType"])) return null
  if (!(typeof v.id === "string" && (v.id === "" || GUID.test(v.id)))) return null
  if (!str(v.name, 256) || !(typeof v.entityType === "string" && (v.entityType === "" || LOGICAL.test(v.entityType)))) return null
  return { id: v.id, name: v.name, entityType: v.entityType }
}

function attribute(v: unknown): BridgeAttribute | null {
  if (!isObj(v) || !hasOnly(v, ["type", "value", "text"]) || typeof v.type !== "string" || !TYPE.test(v.type)) return null
  if (v.text !== undefined && !str(v.text, MAX_TEXT)) return null
  const raw = v.value
  let value: BridgeAttribute["value"]
  if (raw === null || typeof raw === "boolean") value = raw
  else if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return null
    value = raw
  } else if (typeof raw === "string") {
    if (raw.length > MAX_TEXT) return null
    value = raw
  } else if (Array.isArray(raw) && raw.length <= MAX_ITEMS) {
    if (raw.every((x) => typeof x === "number" && Number.isFinite(x))) value = [...(raw as number[])]
    else {
      const items = raw.map(lookup)
      if (items.some((x) => !x)) return null
      value = items as BridgeLookup[]
    }
  } else return null
  return v.text === undefined ? { type: v.type, value } : { type: v.type, value, text: v.text }
}

function attributes(v: unknown): Record<string, BridgeAttribute> | null {
  if (!isObj(v)) return null
  const keys = Object.keys(v)
  if (keys.length > MAX_ATTRIBUTES) return null
  // A null-prototype copy: a "__proto__" key can never reach an ordinary object.
  const out = Object.create(null) as Record<string, BridgeAttribute>
  for (const key of keys) {
    const a = LOGICAL.test(key) ? attribute(v[key]) : null
    if (!a) return null
    out[key] = a
  }
  return out
}

const entityId = (v: unknown): v is string | null => v === null || (typeof v === "string" && GUID.test(v))

/**
 * A validated copy of a port message, or null: wrong nonce, unknown type, extra keys, oversized
 * or mistyped values are all dropped whole.
 */
export function parseBridgeMessage(data: unknown, nonce: string): BridgeMessage | null {
  if (!isObj(data) || typeof data.nonce !== "string" || data.nonce !== nonce || !NONCE.test(nonce)) return null
  if (typeof data.entityName !== "string" || !LOGICAL.test(data.entityName) || !entityId(data.entityId)) return null
  if (data.type === "values" || data.type === "save") {
    if (!hasOnly(data, ["nonce", "type", "entityName", "entityId", "attributes"])) return null
    const a = attributes(data.attributes)
    return a && { nonce, type: data.type, entityName: data.entityName, entityId: data.entityId, attributes: a }
  }
  if (data.type === "change") {
    if (!hasOnly(data, ["nonce", "type", "entityName", "entityId", "name", "attribute"])) return null
    const a = typeof data.name === "string" && LOGICAL.test(data.name) ? attribute(data.attribute) : null
    return a && { nonce, type: "change", entityName: data.entityName, entityId: data.entityId, name: data.name as string, attribute: a }
  }
  return null
}
