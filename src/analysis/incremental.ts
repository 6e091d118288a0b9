/**
 * The incremental classifier. Feature extraction (validation and text scanning) is the expensive
 * part of classification; aggregation is linear and cheap. So features are cached per record,
 * keyed by record key and checked against the record's modifiedAt/seenAt: after one new or
 * changed record only that record is validated and scanned, and the profile is re-aggregated.
 * `classifyRelationship` is this classifier with an empty cache that it never reads again, so it
 * skips the bookkeeping a later call would need when no key repeats (`processOnce`: the same
 * validation, extraction, reports and order); tests hold both paths to the same profile.
 */
import type * as z from "zod"
import * as M from "../model/schema"
import { buildProfile } from "./aggregate"
import {
  accountFeatures, caseFeatures, contractFeatures, dealFeatures, interactionFeatures, quoteFeatures, quoteLineFeatures,
  type FeatureSet
} from "./features"
import { ClassifyOptions, type Rejected, type RelationshipProfile } from "./profile"
import { fastCheck, validate } from "./validate"

export interface ClassifierStats {
  /** Records validated and scanned in the last call. */
  extracted: number
  /** Records whose cached features were reused in the last call. */
  reused: number
  /** Records rejected in the last call. */
  rejected: number
}

type Collection = "interactions" | "deals" | "quotes" | "quoteLines" | "cases" | "contracts" | "contacts"

function versionOf(raw: Record<string, unknown>): number {
  const m = raw.modifiedAt
  const s = raw.seenAt
  return typeof m === "number" ? m : typeof s === "number" ? s : -Infinity
}

/**
 * A list's items, as parallel arrays by place: the object seen (its modifiedAt/seenAt are the
 * version the cache holds: records are replaced, not edited in place), its key, its feature or why
 * it was rejected, where its feature went in the output (−1: not placed) and what was reported
 * about it (null: nothing). Sized up front for the items a call adds, so a cold call does not
 * grow (copy) its arrays record by record.
 */
class Items<F> {
  length = 0
  readonly raws: unknown[]
  readonly keys: Array<string | undefined>
  readonly features: Array<F | null>
  readonly rejects: Array<string | null>
  readonly slots: number[]
  readonly notes: Array<Rejected | null>

  constructor(capacity: number) {
    this.raws = new Array<unknown>(capacity)
    this.keys = new Array<string | undefined>(capacity)
    this.features = new Array<F | null>(capacity)
    this.rejects = new Array<string | null>(capacity)
    this.slots = new Array<number>(capacity)
    this.notes = new Array<Rejected | null>(capacity)
  }

  push(raw: unknown, key: string | undefined, feature: F | null, reject: string | null): void {
    this.add(raw, key, feature, reject, -1, null)
  }

  /** Takes over `from`'s item at `at` for `raw`, an unchanged version of it. */
  reuse(raw: unknown, from: Items<F>, at: number): void {
    this.add(raw, from.keys[at], from.features[at]!, from.rejects[at]!, -1, null)
  }

  /** Keeps the first `length` items and appends `other`'s. */
  splice(length: number, other: Items<F>): this {
    const total = length + other.length
    for (const list of [this.raws, this.keys, this.features, this.rejects, this.slots, this.notes]) list.length = total
    this.length = length
    for (let i = 0; i < other.length; i++) {
      this.add(other.raws[i], other.keys[i], other.features[i]!, other.rejects[i]!, other.slots[i]!, other.notes[i]!)
    }
    return this
  }

  private add(
    raw: unknown, key: string | undefined, feature: F | null, reject: string | null, slot: number, note: Rejected | null
  ): void {
    const i = this.length++
    this.raws[i] = raw
    this.keys[i] = key
    this.features[i] = feature
    this.rejects[i] = reject
    this.slots[i] = slot
    this.notes[i] = note
  }
}

/**
 * Which characters of a key `KeyTable` hashes: the last ten, where a Salesforce id's record number
 * and checksum vary, and the eight where a Dynamics GUID at the key's end begins. Dataverse
 * creates records with sequential GUIDs that differ in their first group and share the rest
 * ("5d9c2ab0-5f1c-ee11-8f6d-000d3a4a1c5b", "5d9c2ab1-…"): hashing only a key's end put every
 * Dynamics record in one chain, and a history of them fell off the one-shot path (measured: 11 %
 * slower classification of 10k interactions).
 */
const HASHED_TAIL_CHARS = 10
const GUID_CHARS = 36
const HASHED_GUID_HEAD_CHARS = 8

/**
 * Whether a record key occurs twice in a list, asked record by record as a one-shot call walks
 * it (records `process` would key: objects, not arrays, with a string key): `repeats` answers
 * true when the key was seen before, or may have been: true also when unsure. A one-shot
 * classification needs only this answer, not the places, and a Map of 50k string keys was a
 * tenth of classifying 50k records (a cache miss per probe, and rehashing as it grows): an
 * open-addressed table, sized once, of one 32-bit number per slot (the key's place + 1 in its
 * low bits, the high bits of its hash above them): at 50k records the table is 512 KiB, half of
 * what a hash beside a place took, and its probes miss the cache that much less often. Asked
 * during the walk that validates and extracts the records rather than in a walk of its own: at
 * 50k records the list is larger than the cache, and a second walk loaded every record twice.
 * Exact: keys whose hash bits are equal are compared as strings. Keys of one org share their
 * start ("salesforce:org:"), so only a few characters where ids vary and the length are hashed
 * (HASHED_TAIL_CHARS and the start of a GUID); keys made to
 * collide there only make probes longer, and past a bound the answer is "maybe", which sends the
 * caller down the general path (a Map), never to a wrong result. Exported for its tests.
 */
export class KeyTable {
  /**
   * The slots' memory, kept from one table to the next (one-shot calls run one collection at a
   * time, so one table is in use at a time): a fresh array this large is zeroed memory from the
   * system for every collection of every call (measured: 3 % of classifying 10k records), a kept
   * one is cleared in place.
   */
  private static slots = new Int32Array(0)
  private readonly mask: number
  /** Slot s: 0 when empty, else (hash bits above `placeBits`) | (place + 1). */
  private readonly table: Int32Array
  /** Low bits of a slot that hold a place + 1; the rest hold hash bits (14 or more below 256k records). */
  private readonly placeBits: number
  private readonly placeMask: number
  private probes: number

  constructor(private readonly list: readonly unknown[]) {
    let size = 16
    while (size < 2 * list.length) size *= 2
    this.mask = size - 1
    if (KeyTable.slots.length < size) KeyTable.slots = new Int32Array(size)
    else KeyTable.slots.fill(0, 0, size)
    this.table = KeyTable.slots
    this.placeBits = 32 - Math.clz32(list.length + 1)
    this.placeMask = this.placeBits >= 32 ? -1 : (1 << this.placeBits) - 1
    this.probes = 4 * list.length + 64
  }

  /** Adds the key of the record at place `i`; true when it repeats, or may. */
  repeats(key: string, i: number): boolean {
    const table = this.table
    // FNV-1a, its high bits folded into the low ones the mask keeps.
    const n = key.length
    let h = Math.imul(0x811c9dc5 ^ n, 0x01000193)
    const head = n - GUID_CHARS
    if (head >= 0) for (let k = head; k < head + HASHED_GUID_HEAD_CHARS; k++) h = Math.imul(h ^ key.charCodeAt(k), 0x01000193)
    for (let k = Math.max(0, n - HASHED_TAIL_CHARS); k < n; k++) h = Math.imul(h ^ key.charCodeAt(k), 0x01000193)
    h ^= h >>> 15
    const placeMask = this.placeMask
    const tag = h & ~placeMask
    let s = h & this.mask
    for (;;) {
      const slot = table[s]!
      if (slot === 0) {
        table[s] = tag | (i + 1)
        return false
      }
      if ((slot & ~placeMask) === tag && (this.list[(slot & placeMask) - 1] as { key: string }).key === key) return true
      if (--this.probes < 0) return true
      s = (s + 1) & this.mask
    }
  }
}

/**
 * One collection's cache: validates, extracts and de-duplicates, reusing unchanged records.
 *
 * Two levels of reuse. Per record, by key and version (the contract: key + modifiedAt/seenAt).
 * Per list: histories are read in time order, so a new record usually arrives at the end, and
 * the longest prefix of the list that holds the very same objects as last time keeps last
 * time's output without even a key lookup — re-classifying after one new record then costs an
 * identity scan plus aggregation.
 *
 * What is remembered per list item lives in parallel arrays indexed by the item's place in the
 * last call's list, and the key map holds places (small integers), not objects: a cold
 * classification allocates no bookkeeping object per record. Every such object lives until the
 * profile is built, so the collector copies and promotes it, and at 50k records that copying
 * grew faster than the history.
 */
class Store<S extends z.ZodType, F> {
  /** Record key → its place in the last call's list (this call's, for places already processed). */
  private places = new Map<string, number>()
  private readonly check: ((value: unknown) => boolean) | null
  /** Last call's list, item by item (see Items). */
  private items: Items<F> = new Items<F>(0)
  /** Last call's output and reports, in list order; trimmed and grown in place. */
  private readonly out: F[] = []
  private readonly notes: Rejected[] = []
  private prevAccountKey: string | null = null
  /** False when the last call moved records around (duplicates): then no prefix is reused. */
  private reusable = false

  /** Why the last `extractOne` gave no feature. */
  private lastReject: string | null = null

  /**
   * `keep` false: a one-shot classifier (classifyRelationship), whose cache nobody reads again.
   * Its cold call then keeps no per-record bookkeeping (see `processOnce`).
   */
  constructor(
    private readonly name: Collection,
    private readonly schema: S,
    private readonly extract: (record: z.input<S>) => F,
    private readonly keep: boolean = true
  ) {
    this.check = fastCheck(schema)
  }

  clear(): void {
    this.places.clear()
    this.items = new Items<F>(0)
    this.reusable = false
  }

  /** Validates and extracts one record: its feature, or null and why in `lastReject`. */
  private extractOne(record: Record<string, unknown>, stats: ClassifierStats): F | null {
    stats.extracted++
    this.lastReject = null
    // The common case allocates nothing for validation; zod itself runs only on a failure.
    if (this.check !== null && this.check(record)) return this.extract(record as z.input<S>)
    const result = validate(this.schema, record)
    if (result.ok) return this.extract(result.value)
    this.lastReject = result.reason
    return null
  }

  /** Validates and extracts one record into `items` at its end. */
  private build(items: Items<F>, record: Record<string, unknown>, key: string | undefined, stats: ClassifierStats): void {
    const feature = this.extractOne(record, stats)
    items.push(record, key, feature, this.lastReject)
  }

  /**
   * A one-shot classifier's cold call: when no key repeats (`KeyTable`), the same output and
   * reports as `process`, in the same order, without the per-item arrays a later call would read
   * (six writes per record, and at 50k records arrays the collector copies). Returns false, with
   * nothing output, reported or counted, at the first key that repeats: the caller then takes
   * the general path.
   */
  private processOnce(list: readonly unknown[], accountKey: string | null, stats: ClassifierStats): boolean {
    const out = this.out
    const notes = this.notes
    const keys = new KeyTable(list)
    const extracted = stats.extracted
    for (let i = 0; i < list.length; i++) {
      const raw = list[i]
      if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
        notes.push({ reason: `${this.name}[${i}]: expected a record object` })
        continue
      }
      const record = raw as Record<string, unknown>
      const key = record.key
      if (typeof key !== "string") {
        const result = validate(this.schema, record)
        notes.push({ reason: `${this.name}[${i}]: ${result.ok ? "key is missing" : result.reason}` })
        continue
      }
      if (keys.repeats(key, i)) {
        out.length = 0
        notes.length = 0
        stats.extracted = extracted
        return false
      }
      const feature = this.extractOne(record, stats)
      if (feature === null) {
        notes.push({ recordKey: key.slice(0, 400), reason: `${this.name}[${i}]: ${this.lastReject}` })
        continue
      }
      // A record with a feature passed validation, so its accountKey is a string or absent.
      const owner = (record as { accountKey?: string }).accountKey
      if (accountKey !== null && owner !== undefined && owner !== accountKey) {
        notes.push({ recordKey: key, reason: `${this.name}[${i}]: belongs to account ${owner}, not ${accountKey}` })
        continue
      }
      out.push(feature)
    }
    // Nothing is cached: a further call (none is expected) starts cold.
    this.places = new Map()
    this.items = new Items<F>(0)
    this.reusable = false
    return true
  }

  /**
   * Processes one collection and returns its features, in list order. The array returned is the
   * store's own and is updated in place by the next call: aggregation only reads it.
   */
  process(input: unknown, accountKey: string | null, rejected: Rejected[], stats: ClassifierStats): F[] {
    const list: readonly unknown[] = input === undefined ? [] : Array.isArray(input) ? input : []
    const last = this.items
    const out = this.out
    const notes = this.notes
    // The reusable prefix: the same objects at the same places as last call keep their output.
    let p = 0
    let placed = 0
    let noted = 0
    if (this.reusable && accountKey === this.prevAccountKey) {
      const max = Math.min(list.length, last.length)
      const raws = last.raws
      for (; p < max; p++) {
        if (list[p] !== raws[p]) break
        if (last.slots[p]! >= 0) placed++
        if (last.notes[p] !== null) noted++
      }
    }
    out.length = placed
    notes.length = noted
    stats.reused += p

    // A one-shot classifier's cold call: when no key repeats, nothing is looked up or kept.
    if (!this.keep && p === 0 && this.places.size === 0 && this.processOnce(list, accountKey, stats)) {
      return this.finish(input, rejected)
    }
    // The rest goes into a new tail, read against last call's items (still intact) by key.
    const tail = new Items<F>(Math.max(0, list.length - p))
    let dropped: Set<number> | null = null
    let duplicates = false
    // With nothing cached (a cold classification), the keys go into the map first, in one tight
    // pass: without a duplicate the loop below then does no map operation at all.
    const indexed = this.places.size === 0 && this.indexKeys(list, p)
    for (let i = p; i < list.length; i++) {
      const raw = list[i]
      if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
        tail.push(raw, undefined, null, null)
        this.report(tail, { reason: `${this.name}[${i}]: expected a record object` })
        continue
      }
      const record = raw as Record<string, unknown>
      const key = typeof record.key === "string" ? record.key : undefined
      if (key === undefined) {
        const result = validate(this.schema, record)
        tail.push(raw, undefined, null, null)
        this.report(tail, { reason: `${this.name}[${i}]: ${result.ok ? "key is missing" : result.reason}` })
        continue
      }
      const at = indexed ? undefined : this.places.get(key)
      // Where this key already is: this call's items (a duplicate), last call's (reusable), or nowhere.
      let mine: Items<F> | null = null
      let mineAt = -1
      if (at !== undefined) {
        if (at < p) {
          if (last.keys[at] === key) { mine = last; mineAt = at }
        } else if (at - p < tail.length && tail.keys[at - p] === key) {
          mine = tail
          mineAt = at - p
        }
      }
      if (mine !== null) {
        duplicates = true
        const drop = this.duplicate(tail, record, key, i, mine, mineAt, accountKey, stats)
        if (drop >= 0) (dropped ??= new Set()).add(drop)
        continue
      }
      // Last call's version of this record, if it had one.
      const was = at !== undefined && at >= p && at < last.length && last.keys[at] === key ? at : -1
      const cached = was >= 0 ? (last.raws[was] as Record<string, unknown>) : null
      if (cached !== null && (cached === raw || (typeof record.seenAt === "number" && cached.seenAt === record.seenAt && cached.modifiedAt === record.modifiedAt))) {
        stats.reused++
        tail.reuse(raw, last, was)
      } else {
        this.build(tail, record, key, stats)
      }
      if (at !== i && !indexed) this.places.set(key, i)
      this.place(tail, key, i, accountKey)
    }
    if (dropped !== null) {
      let w = 0
      for (let slot = 0; slot < out.length; slot++) if (!dropped.has(slot)) out[w++] = out[slot]!
      out.length = w
    }
    this.items = p === 0 ? tail : last.splice(p, tail)
    this.reusable = !duplicates
    this.prevAccountKey = accountKey
    // Records that left the history leave the cache.
    if (this.places.size > this.items.length) {
      const keys = this.items.keys
      for (const [key, at] of this.places) if (keys[at] !== key) this.places.delete(key)
    }

    return this.finish(input, rejected)
  }

  /** Reports what the call found and returns its output. */
  private finish(input: unknown, rejected: Rejected[]): F[] {
    if (input !== undefined && !Array.isArray(input)) rejected.push({ reason: `${this.name}: expected a list, got ${input === null ? "null" : typeof input}` })
    for (const r of this.notes) rejected.push(r)
    return this.out
  }

  /**
   * Puts every record key of `list` from `from` on into the empty map at its place. A duplicate
   * key empties the map again and returns false: the caller then looks each key up instead.
   */
  private indexKeys(list: readonly unknown[], from: number): boolean {
    const places = this.places
    for (let i = from; i < list.length; i++) {
      const raw = list[i]
      if (typeof raw !== "object" || raw === null || Array.isArray(raw)) continue
      const key = (raw as Record<string, unknown>).key
      if (typeof key !== "string") continue
      const size = places.size
      places.set(key, i)
      if (places.size === size) {
        places.clear()
        return false
      }
    }
    return true
  }

  /** Reports something about the last item of `items`. */
  private report(items: Items<F>, note: Rejected): void {
    items.notes[items.length - 1] = note
    this.notes.push(note)
  }

  /** Puts the last item's feature in the output, or reports why not. */
  private place(items: Items<F>, key: string, i: number, accountKey: string | null): void {
    const at = items.length - 1
    const feature = items.features[at]
    if (feature === null) return this.report(items, { recordKey: key.slice(0, 400), reason: `${this.name}[${i}]: ${items.rejects[at]}` })
    // A record with a feature passed validation, so its accountKey is a string or absent.
    const owner = (items.raws[at] as { accountKey?: string }).accountKey
    if (accountKey !== null && owner !== undefined && owner !== accountKey) {
      return this.report(items, { recordKey: key, reason: `${this.name}[${i}]: belongs to account ${owner}, not ${accountKey}` })
    }
    this.out.push(feature!)
    items.slots[at] = this.out.length - 1
  }

  /**
   * The same key twice in one history: the newer valid version (modifiedAt, else seenAt) wins and
   * takes the older one's place; on a tie the first stays. Adds this item to `tail`; returns the
   * output slot the older version leaves, or −1.
   */
  private duplicate(
    tail: Items<F>, record: Record<string, unknown>, key: string, i: number, kept: Items<F>, keptAt: number,
    accountKey: string | null, stats: ClassifierStats
  ): number {
    if (versionOf(record) <= versionOf(kept.raws[keptAt] as Record<string, unknown>)) {
      tail.push(record, key, null, null)
      this.report(tail, { recordKey: key, reason: `${this.name}[${i}]: duplicate key; an equal or newer version was kept` })
      return -1
    }
    this.build(tail, record, key, stats)
    if (tail.features[tail.length - 1] === null) {
      this.report(tail, { recordKey: key, reason: `${this.name}[${i}]: newer duplicate is invalid (${tail.rejects[tail.length - 1]}); the older version was kept` })
      return -1
    }
    this.notes.push({ recordKey: key, reason: `${this.name}: duplicate key; superseded by the newer version at [${i}]` })
    this.places.set(key, i)
    this.place(tail, key, i, accountKey)
    return kept.slots[keptAt]!
  }
}

export interface Classifier {
  /** Classifies a history, reusing cached features of records whose version did not change. */
  classify(history: unknown, options?: ClassifyOptions): RelationshipProfile
  /** What the last call did (tests and benchmarks read it). */
  stats(): ClassifierStats
  clear(): void
}

/** A classifier with its own feature cache. Keep one per account being watched. */
export function createClassifier(defaults: ClassifyOptions = {}): Classifier {
  return classifier(defaults, true)
}

/**
 * Classifies once with a classifier nobody calls again (classifyRelationship): the same code
 * path, without the bookkeeping only a later call would read.
 */
export function classifyOnce(history: unknown, options?: ClassifyOptions): RelationshipProfile {
  return classifier(options ?? {}, false).classify(history)
}

function classifier(defaults: ClassifyOptions, keep: boolean): Classifier {
  const interactions = new Store("interactions", M.Interaction, interactionFeatures, keep)
  const deals = new Store("deals", M.Deal, dealFeatures, keep)
  const quotes = new Store("quotes", M.Quote, quoteFeatures, keep)
  const lines = new Store("quoteLines", M.QuoteLine, quoteLineFeatures, keep)
  const cases = new Store("cases", M.Case, caseFeatures, keep)
  const contracts = new Store("contracts", M.Contract, contractFeatures, keep)
  const contacts = new Store("contacts", M.Contact, () => true, keep)
  const stores = [interactions, deals, quotes, lines, cases, contracts, contacts]
  let last: ClassifierStats = { extracted: 0, reused: 0, rejected: 0 }

  return {
    classify(history: unknown, options?: ClassifyOptions): RelationshipProfile {
      const stats: ClassifierStats = { extracted: 0, reused: 0, rejected: 0 }
      const rejected: Rejected[] = []
      // Through the compiled validator too: `peers` can list every account of a team.
      const parsedOptions = validate(ClassifyOptions, { ...defaults, ...options })
      if (!parsedOptions.ok) rejected.push({ reason: `options ignored: ${parsedOptions.reason}` })
      const opts: ClassifyOptions = parsedOptions.ok ? parsedOptions.value : {}
      const fs: FeatureSet = { account: null, accountKey: null, contacts: 0, interactions: [], deals: [], quotes: [], lines: [], cases: [], contracts: [] }
      if (typeof history !== "object" || history === null || Array.isArray(history)) {
        rejected.push({ reason: `history: expected an object, got ${history === null ? "null" : Array.isArray(history) ? "a list" : typeof history}` })
      } else {
        const h = history as Record<string, unknown>
        const account = validate(M.Account, h.account)
        if (account.ok) {
          fs.account = accountFeatures(account.value)
          fs.accountKey = account.value.key
        } else {
          const key = typeof (h.account as { key?: unknown } | undefined)?.key === "string" ? ((h.account as { key: string }).key).slice(0, 400) : undefined
          rejected.push({ ...(key !== undefined ? { recordKey: key } : {}), reason: `account: ${account.reason}` })
        }
        fs.interactions = interactions.process(h.interactions, fs.accountKey, rejected, stats)
        fs.deals = deals.process(h.deals, fs.accountKey, rejected, stats)
        fs.quotes = quotes.process(h.quotes, fs.accountKey, rejected, stats)
        fs.lines = lines.process(h.quoteLines, fs.accountKey, rejected, stats)
        fs.cases = cases.process(h.cases, fs.accountKey, rejected, stats)
        fs.contracts = contracts.process(h.contracts, fs.accountKey, rejected, stats)
        fs.contacts = contacts.process(h.contacts, fs.accountKey, rejected, stats).length
      }
      stats.rejected = rejected.length
      last = stats
      return buildProfile(fs, opts, rejected)
    },
    stats: () => ({ ...last }),
    clear() {
      for (const s of stores) s.clear()
    }
  }
}
