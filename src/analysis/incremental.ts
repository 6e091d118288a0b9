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
import { validate } from "./validate"

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

/** One collection's cache: validates, extracts and de-duplicates, reusing unchanged records. */
class Store<S extends z.ZodType, F> {
  private readonly entries = new Map<string, Entry<F>>()

  constructor(
    private readonly name: Collection,
    private readonly schema: S,
    private readonly extract: (record: z.input<S>) => F
  ) {}

  clear(): void {
    this.entries.clear()
  }

  private build(raw: Record<string, unknown>, gen: number, stats: ClassifierStats): Entry<F> {
    stats.extracted++
    const result = validate(this.schema, raw)
    const entry: Entry<F> = { raw, modifiedAt: raw.modifiedAt, seenAt: raw.seenAt, feature: null, reject: null, owner: undefined, gen, slot: -1 }
    if (result.ok) {
      entry.feature = this.extract(result.value)
      entry.owner = (result.value as { accountKey?: string }).accountKey
    } else {
      entry.reject = result.reason
    }
    return entry
  }

  process(list: unknown, gen: number, accountKey: string | null, out: F[], rejected: Rejected[], stats: ClassifierStats): void {
    if (list === undefined) return
    if (!Array.isArray(list)) {
      rejected.push({ reason: `${this.name}: expected a list, got ${list === null ? "null" : typeof list}` })
      return
    }
    const dropped = new Set<number>()
    for (let i = 0; i < list.length; i++) {
      const raw: unknown = list[i]
      if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
        rejected.push({ reason: `${this.name}[${i}]: expected a record object` })
        continue
      }
      const record = raw as Record<string, unknown>
      const key = typeof record.key === "string" ? record.key : undefined
      if (key === undefined) {
        const result = validate(this.schema, record)
        rejected.push({ reason: `${this.name}[${i}]: ${result.ok ? "key is missing" : result.reason}` })
        continue
      }
      let entry = this.entries.get(key)
      if (entry && entry.gen === gen) {
        this.duplicate(record, key, i, entry, gen, out, dropped, rejected, stats, accountKey)
        continue
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
    }
    if (dropped.size > 0) {
      const kept = out.filter((_, slot) => !dropped.has(slot))
      out.length = 0
      out.push(...kept)
    }
    // Records that left the history leave the cache.
    if (this.entries.size > list.length) for (const [key, entry] of this.entries) if (entry.gen !== gen) this.entries.delete(key)
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
    if (entry.slot >= 0) {
      dropped.add(entry.slot)
    }
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
      const parsedOptions = ClassifyOptions.safeParse({ ...defaults, ...options })
      if (!parsedOptions.success) {
        rejected.push({ reason: `options ignored: ${parsedOptions.error.issues[0]?.path.join(".") ?? ""} ${parsedOptions.error.issues[0]?.message ?? ""}`.trim() })
      }
      const opts = parsedOptions.success ? parsedOptions.data : {}
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
        const contactList: boolean[] = []
        interactions.process(h.interactions, gen, fs.accountKey, fs.interactions, rejected, stats)
        deals.process(h.deals, gen, fs.accountKey, fs.deals, rejected, stats)
        quotes.process(h.quotes, gen, fs.accountKey, fs.quotes, rejected, stats)
        lines.process(h.quoteLines, gen, fs.accountKey, fs.lines, rejected, stats)
        cases.process(h.cases, gen, fs.accountKey, fs.cases, rejected, stats)
        contracts.process(h.contracts, gen, fs.accountKey, fs.contracts, rejected, stats)
        contacts.process(h.contacts, gen, fs.accountKey, contactList, rejected, stats)
        fs.contacts = contactList.length
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
