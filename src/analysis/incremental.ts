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
  /** The classify() call that last saw this key, and where its feature went in that call. */
  gen: number
  slot: number
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
  /** Last call's list (a copy), its entry per index, and output/rejection counts before each index. */
  private prevList: unknown[] = []
  private prevEntries: Array<Entry<F> | undefined> = []
  private outBefore: number[] = [0]
  private rejectedBefore: number[] = [0]
  private prevOut: F[] = []
  private prevRejected: Rejected[] = []
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
    this.prevList.length = 0
    this.reusable = false
  }

  private build(raw: Record<string, unknown>, gen: number, stats: ClassifierStats): Entry<F> {
    stats.extracted++
    const entry: Entry<F> = { raw, modifiedAt: raw.modifiedAt, seenAt: raw.seenAt, feature: null, reject: null, owner: undefined, gen, slot: -1 }
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
    // The reusable prefix: the same objects at the same places as last call.
    let p = 0
    if (this.reusable && accountKey === this.prevAccountKey) {
      const prev = this.prevList
      const max = Math.min(list.length, prev.length)
      while (p < max && list[p] === prev[p]) p++
    }
    // Everything below is trimmed back to the prefix and grown in place (no 10k-element copies
    // per call: re-classification must not feed the garbage collector).
    const entries = this.prevEntries
    const outBefore = this.outBefore
    const rejectedBefore = this.rejectedBefore
    const out = this.prevOut
    const mine = this.prevRejected
    const prevList = this.prevList
    entries.length = p
    outBefore.length = p + 1
    rejectedBefore.length = p + 1
    out.length = outBefore[p]!
    mine.length = rejectedBefore[p]!
    prevList.length = p
    for (let i = 0; i < p; i++) {
      const entry = entries[i]
      if (entry) entry.gen = gen
    }
    stats.reused += p

    const dropped = new Set<number>()
    this.sawDuplicate = false
    for (let i = p; i < list.length; i++) {
      entries.push(this.one(list[i], i, gen, accountKey, out, dropped, mine, stats))
      outBefore.push(out.length)
      rejectedBefore.push(mine.length)
      prevList.push(list[i])
    }
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
    for (const r of mine) rejected.push(r)
    return out
  }

  /** One list item: returns its cache entry (undefined when it has no key to cache under). */
  private one(raw: unknown, i: number, gen: number, accountKey: string | null, out: F[], dropped: Set<number>, rejected: Rejected[], stats: ClassifierStats): Entry<F> | undefined {
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
      rejected.push({ reason: `${this.name}[${i}]: expected a record object` })
      return undefined
    }
    const record = raw as Record<string, unknown>
    const key = typeof record.key === "string" ? record.key : undefined
    if (key === undefined) {
      const result = validate(this.schema, record)
      rejected.push({ reason: `${this.name}[${i}]: ${result.ok ? "key is missing" : result.reason}` })
      return undefined
    }
    let entry = this.entries.get(key)
    if (entry && entry.gen === gen) {
      this.duplicate(record, key, i, entry, gen, out, dropped, rejected, stats, accountKey)
      return undefined
    }
    const unchanged = entry !== undefined && (entry.raw === raw ||
      (typeof record.seenAt === "number" && entry.seenAt === record.seenAt && entry.modifiedAt === record.modifiedAt))
    if (entry && unchanged) {
      stats.reused++
      entry.gen = gen
    } else {
      entry = this.build(record, gen, stats)
      this.entries.set(key, entry)
    }
    entry.slot = this.place(entry, key, i, out, rejected, accountKey)
    return entry
  }

  /** Puts a validated feature in the output, or reports why not; returns its slot or −1. */
  private place(entry: Entry<F>, key: string, i: number, out: F[], rejected: Rejected[], accountKey: string | null): number {
    if (!entry.feature) {
      rejected.push({ recordKey: key.slice(0, 400), reason: `${this.name}[${i}]: ${entry.reject}` })
      return -1
    }
    if (accountKey !== null && entry.owner !== undefined && entry.owner !== accountKey) {
      rejected.push({ recordKey: key, reason: `${this.name}[${i}]: belongs to account ${entry.owner}, not ${accountKey}` })
      return -1
    }
    out.push(entry.feature)
    return out.length - 1
  }

  /**
   * The same key twice in one history: the newer valid version (modifiedAt, else seenAt) wins and
   * takes the older one's place; on a tie the first stays.
   */
  private duplicate(
    record: Record<string, unknown>, key: string, i: number, entry: Entry<F>, gen: number, out: F[], dropped: Set<number>,
    rejected: Rejected[], stats: ClassifierStats, accountKey: string | null
  ): void {
    this.sawDuplicate = true
    if (versionOf(record) <= versionOf(entry.raw as Record<string, unknown>)) {
      rejected.push({ recordKey: key, reason: `${this.name}[${i}]: duplicate key; an equal or newer version was kept` })
      return
    }
    const newer = this.build(record, gen, stats)
    if (!newer.feature) {
      rejected.push({ recordKey: key, reason: `${this.name}[${i}]: newer duplicate is invalid (${newer.reject}); the older version was kept` })
      return
    }
    rejected.push({ recordKey: key, reason: `${this.name}: duplicate key; superseded by the newer version at [${i}]` })
    this.entries.set(key, newer)
    if (entry.slot >= 0) dropped.add(entry.slot)
    newer.slot = this.place(newer, key, i, out, rejected, accountKey)
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
