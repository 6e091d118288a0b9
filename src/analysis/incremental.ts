/**
 * The incremental classifier. Feature extraction (validation and text scanning) is the expensive
 * part of classification; aggregation is linear and cheap. So features are cached per record,
 * keyed by record key and checked against the record's modifiedAt/seenAt: after one new or
 * changed record only that record is validated and scanned, and the profile is re-aggregated.
 * `classifyRelationship` is this classifier with an empty cache, so both paths give the same
 * profile by construction (and a test holds them to it).
 */
import type * as z from "zod"
import * as M from "../model/schema"
import { buildProfile } from "./aggregate"
import {
  accountFeatures, caseFeatures, contractFeatures, dealFeatures, interactionFeatures, quoteFeatures, quoteLineFeatures,
  type FeatureSet
} from "./features"
import { ClassifyOptions, type Rejected, type RelationshipProfile } from "./profile"
import { passesFast, validate } from "./validate"

interface Entry<F> {
  /** The exact object last seen: a cheap first check before the version fields. */
  raw: unknown
  modifiedAt: unknown
  seenAt: unknown
  feature: F | null
  reject: string | null
  owner: string | undefined
  /** The classify() call that last saw this record, where its feature went in that call's
   * output (−1: not placed) and what was reported about it (null: nothing). */
  gen: number
  slot: number
  note: Rejected | null
}

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
 * One collection's cache: validates, extracts and de-duplicates, reusing unchanged records.
 *
 * Two levels of reuse. Per record, by key and version (the contract: key + modifiedAt/seenAt).
 * Per list: histories are read in time order, so a new record usually arrives at the end, and
 * the longest prefix of the list that holds the very same objects as last time keeps last
 * time's output without even a key lookup — re-classifying after one new record then costs an
 * identity scan plus aggregation.
 */
class Store<S extends z.ZodType, F> {
  private readonly entries = new Map<string, Entry<F>>()
  /** Last call's entry per list index (items without a key get an entry outside the map). */
  private byIndex: Array<Entry<F>> = []
  /** Last call's output and reports, in list order; trimmed and grown in place. */
  private out: F[] = []
  private notes: Rejected[] = []
  private prevAccountKey: string | null = null
  /** False when the last call moved records around (duplicates): then no prefix is reused. */
  private reusable = false
  private sawDuplicate = false

  constructor(
    private readonly name: Collection,
    private readonly schema: S,
    private readonly extract: (record: z.input<S>) => F
  ) {}

  clear(): void {
    this.entries.clear()
    this.byIndex.length = 0
    this.reusable = false
  }

  private entry(raw: unknown, gen: number): Entry<F> {
    const r = raw as Record<string, unknown> | null
    return { raw, modifiedAt: r?.modifiedAt, seenAt: r?.seenAt, feature: null, reject: null, owner: undefined, gen, slot: -1, note: null }
  }

  private build(raw: Record<string, unknown>, gen: number, stats: ClassifierStats): Entry<F> {
    stats.extracted++
    const entry = this.entry(raw, gen)
    // The common case allocates nothing for validation; zod itself runs only on a failure.
    if (passesFast(this.schema, raw)) {
      entry.feature = this.extract(raw as z.input<S>)
      entry.owner = raw.accountKey as string | undefined
      return entry
    }
    const result = validate(this.schema, raw)
    if (result.ok) {
      entry.feature = this.extract(result.value)
      entry.owner = (result.value as { accountKey?: string }).accountKey
    } else {
      entry.reject = result.reason
    }
    return entry
  }

  /**
   * Processes one collection and returns its features, in list order. The array returned is the
   * store's own and is updated in place by the next call: aggregation only reads it.
   */
  process(input: unknown, gen: number, accountKey: string | null, rejected: Rejected[], stats: ClassifierStats): F[] {
    const list: readonly unknown[] = input === undefined ? [] : Array.isArray(input) ? input : []
    const byIndex = this.byIndex
    const out = this.out
    const notes = this.notes
    // The reusable prefix: the same objects at the same places as last call keep their output.
    // Everything is trimmed back to it and grown in place (no 10k-element copies per call:
    // re-classification must not feed the garbage collector).
    let p = 0
    let placed = 0
    let noted = 0
    if (this.reusable && accountKey === this.prevAccountKey) {
      const max = Math.min(list.length, byIndex.length)
      for (; p < max; p++) {
        const entry = byIndex[p]!
        if (list[p] !== entry.raw) break
        entry.gen = gen
        if (entry.slot >= 0) placed++
        if (entry.note !== null) noted++
      }
    }
    byIndex.length = p
    out.length = placed
    notes.length = noted
    stats.reused += p

    const dropped = new Set<number>()
    this.sawDuplicate = false
    for (let i = p; i < list.length; i++) byIndex.push(this.one(list[i], i, gen, accountKey, dropped, stats))
    if (dropped.size > 0) {
      const kept = out.filter((_, slot) => !dropped.has(slot))
      out.length = 0
      for (const f of kept) out.push(f)
    }
    this.reusable = !this.sawDuplicate
    this.prevAccountKey = accountKey
    // Records that left the history leave the cache.
    if (this.entries.size > list.length) for (const [key, entry] of this.entries) if (entry.gen !== gen) this.entries.delete(key)

    if (input !== undefined && !Array.isArray(input)) rejected.push({ reason: `${this.name}: expected a list, got ${input === null ? "null" : typeof input}` })
    for (const r of notes) rejected.push(r)
    return out
  }

  private report(entry: Entry<F>, note: Rejected): Entry<F> {
    entry.note = note
    this.notes.push(note)
    return entry
  }

  /** One list item: returns the entry that remembers what happened to it. */
  private one(raw: unknown, i: number, gen: number, accountKey: string | null, dropped: Set<number>, stats: ClassifierStats): Entry<F> {
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
      return this.report(this.entry(raw, gen), { reason: `${this.name}[${i}]: expected a record object` })
    }
    const record = raw as Record<string, unknown>
    const key = typeof record.key === "string" ? record.key : undefined
    if (key === undefined) {
      const result = validate(this.schema, record)
      return this.report(this.entry(raw, gen), { reason: `${this.name}[${i}]: ${result.ok ? "key is missing" : result.reason}` })
    }
    let entry = this.entries.get(key)
    if (entry && entry.gen === gen) return this.duplicate(record, key, i, entry, gen, dropped, stats, accountKey)
    const unchanged = entry !== undefined && (entry.raw === raw ||
      (typeof record.seenAt === "number" && entry.seenAt === record.seenAt && entry.modifiedAt === record.modifiedAt))
    if (entry && unchanged) {
      stats.reused++
      entry.gen = gen
      entry.raw = raw
    } else {
      entry = this.build(record, gen, stats)
      this.entries.set(key, entry)
    }
    return this.place(entry, key, i, accountKey)
  }

  /** Puts a validated feature in the output, or reports why not. */
  private place(entry: Entry<F>, key: string, i: number, accountKey: string | null): Entry<F> {
    entry.slot = -1
    entry.note = null
    if (!entry.feature) return this.report(entry, { recordKey: key.slice(0, 400), reason: `${this.name}[${i}]: ${entry.reject}` })
    if (accountKey !== null && entry.owner !== undefined && entry.owner !== accountKey) {
      return this.report(entry, { recordKey: key, reason: `${this.name}[${i}]: belongs to account ${entry.owner}, not ${accountKey}` })
    }
    this.out.push(entry.feature)
    entry.slot = this.out.length - 1
    return entry
  }

  /**
   * The same key twice in one history: the newer valid version (modifiedAt, else seenAt) wins and
   * takes the older one's place; on a tie the first stays. Returns the entry for this list item.
   */
  private duplicate(
    record: Record<string, unknown>, key: string, i: number, entry: Entry<F>, gen: number, dropped: Set<number>,
    stats: ClassifierStats, accountKey: string | null
  ): Entry<F> {
    this.sawDuplicate = true
    if (versionOf(record) <= versionOf(entry.raw as Record<string, unknown>)) {
      return this.report(this.entry(record, gen), { recordKey: key, reason: `${this.name}[${i}]: duplicate key; an equal or newer version was kept` })
    }
    const newer = this.build(record, gen, stats)
    if (!newer.feature) {
      return this.report(newer, { recordKey: key, reason: `${this.name}[${i}]: newer duplicate is invalid (${newer.reject}); the older version was kept` })
    }
    this.notes.push({ recordKey: key, reason: `${this.name}: duplicate key; superseded by the newer version at [${i}]` })
    this.entries.set(key, newer)
    if (entry.slot >= 0) dropped.add(entry.slot)
    return this.place(newer, key, i, accountKey)
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
  const interactions = new Store("interactions", M.Interaction, interactionFeatures)
  const deals = new Store("deals", M.Deal, dealFeatures)
  const quotes = new Store("quotes", M.Quote, quoteFeatures)
  const lines = new Store("quoteLines", M.QuoteLine, quoteLineFeatures)
  const cases = new Store("cases", M.Case, caseFeatures)
  const contracts = new Store("contracts", M.Contract, contractFeatures)
  const contacts = new Store("contacts", M.Contact, () => true)
  const stores = [interactions, deals, quotes, lines, cases, contracts, contacts]
  let gen = 0
  let last: ClassifierStats = { extracted: 0, reused: 0, rejected: 0 }

  return {
    classify(history: unknown, options?: ClassifyOptions): RelationshipProfile {
      gen++
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
        fs.interactions = interactions.process(h.interactions, gen, fs.accountKey, rejected, stats)
        fs.deals = deals.process(h.deals, gen, fs.accountKey, rejected, stats)
        fs.quotes = quotes.process(h.quotes, gen, fs.accountKey, rejected, stats)
        fs.lines = lines.process(h.quoteLines, gen, fs.accountKey, rejected, stats)
        fs.cases = cases.process(h.cases, gen, fs.accountKey, rejected, stats)
        fs.contracts = contracts.process(h.contracts, gen, fs.accountKey, rejected, stats)
        fs.contacts = contacts.process(h.contacts, gen, fs.accountKey, rejected, stats).length
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
