/**
 * Cut an observation to fit what Parley stores instead of refusing it whole: one long label (a
 * localised highlights label, a Classic row keyed by its label) must not lose the record.
 * - a field key, label, value or the record's name over its cap is shortened, ending in "…";
 *   a shortened key that would collide with another gets a number after the "…";
 * - a related id over its cap is dropped (half an id names another record);
 * - fields beyond the field cap are dropped, the page's own order deciding which stay;
 * - an observation still over the byte budget has its largest values shortened first (all down
 *   to one common length), then its largest labels, and only then loses fields from the end.
 * What was cut comes back as `ObservationCut` (the observe reply carries it). Identity fields
 * (crm, host, org, url, object type, id) are never cut: a wrong one is refused by the schema.
 * Background only (pure): content scripts send what they read, within the intake caps.
 */
import { MAX_MESSAGE_BYTES } from "../../plasmo.config"
import type { ContentMessage, ObservationCut, PageObservation } from "./messages"

/** The caps of a stored page record (model/schema.ts PageRecord and FieldValue). */
export const OBSERVATION_CAPS = {
  key: 128,
  label: 256,
  value: 4_000,
  name: 256,
  relatedId: 64,
  /** Design default: a record page shows well under 500 fields; more is a page listing rows. */
  fields: 500,
  /** The serialised observation (UTF-8 bytes of its JSON), plasmo.config MAX_MESSAGE_BYTES. */
  bytes: MAX_MESSAGE_BYTES
} as const

export const CUT_MARKER = "…"

const encoder = new TextEncoder()
const utf8 = (text: string) => encoder.encode(text).length
/** Bytes a string takes inside the observation's JSON, quotes included. */
const jsonBytes = (text: string) => utf8(JSON.stringify(text))

/** Bytes one character takes inside a JSON string: printable ASCII other than " and \ is one. */
function jsonCharBytes(char: string): number {
  const code = char.charCodeAt(0)
  return code >= 0x20 && code < 0x7f && code !== 0x22 && code !== 0x5c ? 1 : jsonBytes(char) - 2
}

/** `text` shortened to at most `max` UTF-16 units, ending in the marker, never splitting a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text
  let cut = text.slice(0, Math.max(0, max - CUT_MARKER.length))
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1)
  return cut + CUT_MARKER
}

/** `text` shortened so its JSON form takes at most `max` bytes, ending in the marker. */
function clipToBytes(text: string, max: number): string {
  if (jsonBytes(text) <= max) return text
  let budget = max - jsonBytes(CUT_MARKER)
  let end = 0
  for (const char of text) {
    const cost = jsonCharBytes(char)
    if (cost > budget) break
    budget -= cost
    end += char.length
  }
  return text.slice(0, end) + CUT_MARKER
}

/**
 * The largest common size (JSON bytes) that frees at least `excess` bytes when every entry above
 * it is cut down to it, never below `floor`. `sizes` must be sorted largest first.
 */
function waterLevel(sizes: readonly number[], excess: number, floor: number): number {
  let freed = 0
  for (let i = 0; i < sizes.length && sizes[i]! > floor; i++) {
    const next = Math.max(sizes[i + 1] ?? floor, floor)
    // Cutting the i+1 largest entries (already down to sizes[i]) to `next` frees this much more.
    const more = (i + 1) * (sizes[i]! - next)
    if (freed + more >= excess) return Math.floor(sizes[i]! - (excess - freed) / (i + 1))
    freed += more
  }
  return floor
}

type Fields = NonNullable<PageObservation["record"]>["fields"]
type Field = Fields[string]
interface Kept {
  key: string
  rawKey: string
  field: Field
  raw: Field
}

function uniqueKey(key: string, taken: ReadonlySet<string>): string {
  let candidate = clip(key, OBSERVATION_CAPS.key)
  for (let n = 2; taken.has(candidate); n++) candidate = clip(key, OBSERVATION_CAPS.key - String(n).length) + String(n)
  return candidate
}

/** Every field within its caps, the first `OBSERVATION_CAPS.fields` of them. */
function capFields(fields: Fields): Kept[] {
  const kept: Kept[] = []
  const entries = Object.entries(fields)
  // A shortened key must not land on a key the page sent as it is.
  const taken = new Set(entries.map(([key]) => key).filter((key) => key.length <= OBSERVATION_CAPS.key))
  for (const [rawKey, raw] of entries) {
    if (kept.length >= OBSERVATION_CAPS.fields) break
    const key = rawKey.length > OBSERVATION_CAPS.key ? uniqueKey(rawKey, taken) : rawKey
    taken.add(key)
    const field: Field = { label: clip(raw.label, OBSERVATION_CAPS.label), value: clip(raw.value, OBSERVATION_CAPS.value) }
    if (raw.relatedId !== undefined && raw.relatedId.length <= OBSERVATION_CAPS.relatedId) field.relatedId = raw.relatedId
    kept.push({ key, rawKey, field, raw })
  }
  return kept
}

/** Shortens the largest `part`s to one common size until `excess` bytes are freed; returns the bytes freed. */
function shrinkLargest(kept: Kept[], part: "value" | "label", excess: number): number {
  const sizes = kept.map(({ field }) => jsonBytes(field[part]))
  const level = waterLevel([...sizes].sort((a, b) => b - a), excess, jsonBytes(CUT_MARKER))
  let freed = 0
  kept.forEach(({ field }, i) => {
    if (sizes[i]! <= level) return
    field[part] = clipToBytes(field[part], level)
    freed += sizes[i]! - jsonBytes(field[part])
  })
  return freed
}

/**
 * The message cut to fit, with what was cut in `cut`; the message itself when nothing was.
 * `sentFields`: how many fields the page sent, when validation already dropped some (a `__proto__` key).
 */
export function fitContentMessage(message: ContentMessage, sentFields?: number): ContentMessage {
  const record = message.page.record
  if (!record) return message
  const kept = capFields(record.fields)
  const name = record.name === undefined ? undefined : clip(record.name, OBSERVATION_CAPS.name)
  const assemble = (): ContentMessage => ({
    ...message,
    page: { ...message.page, record: { ...record, ...(name === undefined ? {} : { name }), fields: Object.fromEntries(kept.map((k) => [k.key, k.field])) } }
  })

  const bytesReceived = utf8(JSON.stringify(message))
  let size = utf8(JSON.stringify(assemble()))
  if (size > OBSERVATION_CAPS.bytes) size -= shrinkLargest(kept, "value", size - OBSERVATION_CAPS.bytes)
  if (size > OBSERVATION_CAPS.bytes) size -= shrinkLargest(kept, "label", size - OBSERVATION_CAPS.bytes)
  while (size > OBSERVATION_CAPS.bytes && kept.length > 0) {
    const { key, field } = kept.pop()!
    // The entry and its colon; the comma is counted by the check below.
    size -= jsonBytes(key) + utf8(JSON.stringify(field)) + 1
  }
  // The running count may be off by a separator: measure once, drop one more if it was.
  while (kept.length > 0 && utf8(JSON.stringify(assemble())) > OBSERVATION_CAPS.bytes) kept.pop()

  const cut: ObservationCut = {
    keys: kept.filter((k) => k.key !== k.rawKey).length,
    labels: kept.filter((k) => k.field.label !== k.raw.label).length,
    values: kept.filter((k) => k.field.value !== k.raw.value).length,
    relatedIds: kept.filter((k) => k.raw.relatedId !== undefined && k.field.relatedId === undefined).length,
    name: name !== record.name,
    droppedFields: Math.max(sentFields ?? 0, Object.keys(record.fields).length) - kept.length,
    bytesReceived,
    bytesStored: 0
  }
  if (cut.keys + cut.labels + cut.values + cut.relatedIds + cut.droppedFields === 0 && !cut.name) return message
  const fitted = assemble()
  cut.bytesStored = utf8(JSON.stringify(fitted))
  return { ...fitted, cut }
}
