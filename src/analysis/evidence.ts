/**
 * Evidence and confidence helpers shared by the axes: a bounded "most telling records" collector,
 * the evidence item itself, and the small numeric helpers every axis uses the same way.
 */
import { msg, nested, pct, type Message, type ParamValue } from "../i18n/message"
import type { MessageId } from "../i18n/engine"
import type { RecordRef } from "./features"
import { GENERAL } from "./parameters"
import type { Evidence } from "./profile"

export function evidence(ref: RecordRef, reason: Message, at: number | undefined = ref.at): Evidence {
  const item: Evidence = { recordKey: ref.key, recordType: ref.recordType, reason }
  if (ref.sourceObject !== undefined) item.sourceObject = ref.sourceObject
  if (at !== undefined) item.at = at
  return item
}

/** CRM text quoted inside a reason, cut short (the language's quote marks come from the renderer). */
export function quote(text: string | null | undefined): ParamValue {
  const raw = text ?? ""
  // Most titles and cues are already single-spaced: a scan that says so costs less than a
  // regular-expression replace and a trim, each a new string (every evidence item quotes one or two).
  const clean = singleSpaced(raw) ? raw : raw.replace(/\s+/g, " ").trim()
  return { quote: clean.length > GENERAL.maxQuoteChars ? clean.slice(0, GENERAL.maxQuoteChars - 1) + "…" : clean }
}

/** Whether `text` holds no whitespace (as `\s` and `trim` define it) but single spaces between
 * other characters: what `replace(/\s+/g, " ").trim()` would give back unchanged. */
function singleSpaced(text: string): boolean {
  const last = text.length - 1
  for (let k = 0; k <= last; k++) {
    const c = text.charCodeAt(k)
    if (c === 32) {
      if (k === 0 || k === last || text.charCodeAt(k + 1) === 32) return false
    } else if (c <= 13 ? c >= 9 : c >= 0xa0 && isWideSpace(c)) return false
  }
  return true
}

/** The whitespace of `\s` above U+007F: no-break, Ogham, the U+2000 spaces, line and paragraph
 * separators, narrow no-break, medium mathematical, ideographic, and the byte order mark. */
function isWideSpace(c: number): boolean {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x3000 || c === 0xfeff
}

interface Ranked<T> {
  item: T
  weight: number
  at: number
  key: string
}

/** Higher weight first, then more recent, then key: a total order, so output is deterministic. */
function better(weight: number, at: number, key: string, than: Ranked<unknown>): boolean {
  if (weight !== than.weight) return weight > than.weight
  if (at !== than.at) return at > than.at
  return key < than.key
}

/**
 * Keeps the k best candidates. Candidates can number in the thousands (every email mentioning
 * price), the kept set is a dozen: `accepts` is checked first so that the item (and its reason)
 * is only built for candidates that make the cut. Feeding candidates newest first (histories are
 * stored in time order, so loops run backwards) makes nearly every later check a cheap "no".
 */
export class TopK<T> {
  private readonly kept: Array<Ranked<T>> = []
  constructor(private readonly k: number = GENERAL.maxEvidence) {}

  accepts(weight: number, at: number | undefined, key: string): boolean {
    const kept = this.kept
    return kept.length < this.k || better(weight, at ?? -1, key, kept[kept.length - 1]!)
  }

  /** Adds a candidate if it makes the cut (callers with a costly item ask `accepts` first). */
  add(item: T, key: string, weight: number, at: number | undefined): void {
    if (!this.accepts(weight, at, key)) return
    const entry: Ranked<T> = { item, weight, at: at ?? -1, key }
    const kept = this.kept
    let i = kept.length
    while (i > 0 && better(entry.weight, entry.at, entry.key, kept[i - 1]!)) i--
    kept.splice(i, 0, entry)
    if (kept.length > this.k) kept.pop()
  }

  items(): T[] {
    // Pushed into a literal rather than mapped: the literal's allocation site learns that it holds
    // objects, so an empty list has the same elements kind as a full one. A mapped empty list was
    // a list of small integers to the JIT, and callers that map the items then deoptimized on
    // every classification that had an empty one (traced: pushback, risk).
    const out: T[] = []
    for (let i = 0; i < this.kept.length; i++) out.push(this.kept[i]!.item)
    return out
  }
}

/** Merges evidence lists in priority order, one item per record, at most `max`. */
export function mergeEvidence(lists: ReadonlyArray<readonly Evidence[]>, max: number = GENERAL.maxEvidence): Evidence[] {
  const seen = new Set<string>()
  const out: Evidence[] = []
  // Round-robin so every contributing list is represented before any list fills the cap.
  const longest = Math.max(0, ...lists.map((l) => l.length))
  for (let i = 0; i < longest && out.length < max; i++) {
    for (const list of lists) {
      const item = list[i]
      if (!item || seen.has(item.recordKey)) continue
      seen.add(item.recordKey)
      out.push(item)
      if (out.length >= max) break
    }
  }
  return out
}

export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x
}

export function clampSigned(x: number): number {
  return x < -1 ? -1 : x > 1 ? 1 : x
}

/** n / (n + half): 0 with no evidence, 0.5 at `half`, approaching 1. */
export function saturation(n: number, half: number): number {
  return n <= 0 ? 0 : n / (n + half)
}

const SCALE = 10 ** GENERAL.decimals
export function round(x: number): number {
  const r = Math.round(x * SCALE) / SCALE
  return Object.is(r, -0) ? 0 : r
}

/** Confidence of an unknown label: whatever partial evidence gave, never above the cap. */
export function unknownConfidence(partial: number): number {
  return round(Math.min(GENERAL.unknownMaxConfidence, clamp01(partial)))
}

/** "Not enough evidence: …": why an axis has no label. */
export function notEnough(detail: Message): Message {
  return msg("a.notEnough", { detail: nested(detail) })
}

/** Joins phrases with a two-place connective ("{a} and {b}", "{a}; {b}"), left to right. */
export function joinMessages(parts: readonly Message[], joiner: "a.join.and" | "a.join.semi" | "a.join.comma"): Message {
  return parts.slice(1).reduce<Message>((a, b) => msg(joiner as MessageId & typeof joiner, { a: nested(a), b: nested(b) }), parts[0] ?? msg("a.join.empty"))
}

/** A 0-1 share for a message, rounded so that the record order's float noise never shows in a profile. */
export function percentOf(x: number): ParamValue {
  return pct(round(x))
}
