/**
 * Evidence and confidence helpers shared by the axes: a bounded "most telling records" collector,
 * the evidence item itself, and the small numeric helpers every axis uses the same way.
 */
import type { RecordRef } from "./features"
import { GENERAL } from "./parameters"
import type { Evidence } from "./profile"

export function evidence(ref: RecordRef, reason: string, at: number | undefined = ref.at): Evidence {
  const item: Evidence = { recordKey: ref.key, recordType: ref.recordType, reason }
  if (ref.sourceObject !== undefined) item.sourceObject = ref.sourceObject
  if (at !== undefined) item.at = at
  return item
}

/** CRM text quoted inside a reason, cut short. */
export function quote(text: string | null | undefined): string {
  const clean = (text ?? "").replace(/\s+/g, " ").trim()
  const cut = clean.length > GENERAL.maxQuoteChars ? clean.slice(0, GENERAL.maxQuoteChars - 1) + "…" : clean
  return `“${cut}”`
}

interface Ranked<T> {
  item: T
  weight: number
  at: number
  key: string
}

/** Higher weight first, then more recent, then key: a total order, so output is deterministic. */
function before<T>(a: Ranked<T>, b: Ranked<T>): boolean {
  if (a.weight !== b.weight) return a.weight > b.weight
  if (a.at !== b.at) return a.at > b.at
  return a.key < b.key
}

/**
 * Keeps the k best candidates. Insertion into a small sorted array: candidates can number in the
 * thousands (every email mentioning price), the kept set is a dozen.
 */
export class TopK<T> {
  private readonly kept: Array<Ranked<T>> = []
  constructor(private readonly k: number = GENERAL.maxEvidence) {}

  push(item: T, key: string, weight: number, at: number | undefined): void {
    const entry: Ranked<T> = { item, weight, at: at ?? -1, key }
    const kept = this.kept
    if (kept.length >= this.k && !before(entry, kept[kept.length - 1]!)) return
    let i = kept.length
    while (i > 0 && before(entry, kept[i - 1]!)) i--
    kept.splice(i, 0, entry)
    if (kept.length > this.k) kept.pop()
  }

  get size(): number {
    return this.kept.length
  }

  items(): T[] {
    return this.kept.map((e) => e.item)
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

export function notEnough(detail: string): string {
  return `Not enough evidence: ${detail}.`
}

export function plural(n: number, word: string, many: string = word + "s"): string {
  return `${n} ${n === 1 ? word : many}`
}

export function percent(x: number): string {
  return `${Math.round(x * 100)}%`
}
