/**
 * Concession ledger (FRAMEWORK §1): per deal, the list price, each quote revision with its
 * discount depth, the number of rounds and who moved last; across deals, whether the final
 * discount is deepening (one of the three Dell-trap conditions).
 */
import { msg, quote as quoted, type Message } from "../i18n/message"
import { evidence, notEnough, round, percentOf } from "./evidence"
import type { DealF, FeatureSet, QuoteF, QuoteLineF } from "./features"
import { GENERAL, LEDGER } from "./parameters"
import type { ConcessionLedger, Evidence, LedgerEntry } from "./profile"

/** A revision that cut deeper than the one before it: a discount request honoured. */
export interface Deepening {
  quote: QuoteF
  from: number
  to: number
  /** How many revisions of the same deal deepened the discount (this one included). */
  ofDeal: number
}

export interface LedgerResult {
  ledger: ConcessionLedger
  deepenings: Deepening[]
  /** The quote behind each entry's last revision, by entry key (for evidence elsewhere). */
  lastQuotes: Map<string, QuoteF>
}

/** Discount changes smaller than this (percentage points) are rounding, not a move. */
const EPSILON_POINTS = 0.5

function sum(lines: readonly QuoteLineF[], pick: (l: QuoteLineF) => number | undefined): number | undefined {
  let total = 0
  for (const line of lines) {
    const v = pick(line)
    if (v === undefined) return undefined
    total += v
  }
  return total
}

function byRevision(a: QuoteF, b: QuoteF): number {
  return a.revision - b.revision || a.createdAt - b.createdAt || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
}

function outcome(deal: DealF | undefined): LedgerEntry["outcome"] {
  if (!deal) return "unknown"
  if (!deal.isClosed) return "open"
  return deal.isWon ? "won" : "lost"
}

/** The last change decides: a deeper discount (or, without discounts, a lower net) is our move. */
function movedLast(revisions: LedgerEntry["revisions"]): LedgerEntry["movedLast"] {
  for (let i = revisions.length - 1; i > 0; i--) {
    const cur = revisions[i]!
    const prev = revisions[i - 1]!
    if (cur.discountPercent !== null && prev.discountPercent !== null) {
      const delta = cur.discountPercent - prev.discountPercent
      if (delta > EPSILON_POINTS) return "supplier"
      if (delta < -EPSILON_POINTS) return "customer"
    } else if (cur.net !== null && prev.net !== null && cur.net !== prev.net) {
      return cur.net < prev.net ? "supplier" : "customer"
    }
  }
  return "none"
}

function trendOf(entries: readonly LedgerEntry[]): { trend: ConcessionLedger["discountTrend"]; earlier: number; later: number; used: LedgerEntry[] } {
  const used = entries.filter((e) => e.finalDiscountPercent !== null)
  if (used.length < LEDGER.minDealsForTrend) return { trend: "unknown", earlier: 0, later: 0, used }
  const recent = Math.min(Math.floor(used.length / 2), LEDGER.recentDeals)
  const mean = (list: readonly LedgerEntry[]) => list.reduce((s, e) => s + (e.finalDiscountPercent ?? 0), 0) / list.length
  const earlier = mean(used.slice(0, used.length - recent))
  const later = mean(used.slice(used.length - recent))
  const diff = later - earlier
  const trend = diff >= LEDGER.trendPoints ? "deepening" : diff <= -LEDGER.trendPoints ? "easing" : "stable"
  return { trend, earlier, later, used }
}

export function concessionLedger(fs: FeatureSet): LedgerResult {
  const linesByQuote = new Map<string, QuoteLineF[]>()
  for (const line of fs.lines) {
    const list = linesByQuote.get(line.quoteKey)
    if (list) list.push(line)
    else linesByQuote.set(line.quoteKey, [line])
  }
  const deals = new Map<string, DealF>()
  for (const deal of fs.deals) deals.set(deal.key, deal)
  const groups = new Map<string, QuoteF[]>()
  for (const q of fs.quotes) {
    const key = q.dealKey ?? q.key
    const list = groups.get(key)
    if (list) list.push(q)
    else groups.set(key, [q])
  }

  const entries: LedgerEntry[] = []
  const deepenings: Deepening[] = []
  const lastQuotes = new Map<string, QuoteF>()
  for (const [key, quotes] of groups) {
    quotes.sort(byRevision)
    const firstStep = deepenings.length
    const deal = quotes[0]!.dealKey !== undefined ? deals.get(key) : undefined
    let listPrice: number | null = null
    const revisions: LedgerEntry["revisions"] = []
    for (const q of quotes) {
      const lines = linesByQuote.get(q.key) ?? []
      const list = lines.length > 0 ? sum(lines, (l) => (l.listPrice === undefined ? undefined : l.listPrice * l.quantity)) : undefined
      const net = q.total ?? (lines.length > 0 ? sum(lines, (l) => l.net) : undefined) ?? null
      if (listPrice === null) {
        // The first revision that shows a list price sets the deal's reference.
        if (list !== undefined && list > 0) listPrice = list
        else if (q.total !== undefined && q.discountPercent !== undefined && q.discountPercent < 100) {
          listPrice = q.total / (1 - q.discountPercent / 100)
        }
      }
      const reference = list !== undefined && list > 0 ? list : listPrice
      const discount = q.discountPercent ?? (reference !== null && net !== null && reference > 0 ? (1 - net / reference) * 100 : null)
      const previous = revisions[revisions.length - 1]
      if (previous && previous.discountPercent !== null && discount !== null && discount - previous.discountPercent > EPSILON_POINTS) {
        deepenings.push({ quote: q, from: previous.discountPercent, to: discount, ofDeal: 0 })
      }
      revisions.push({ quoteKey: q.key, revision: q.revision, at: q.createdAt, net: net === null ? null : round(net), discountPercent: discount === null ? null : round(discount) })
    }
    for (let i = firstStep; i < deepenings.length; i++) deepenings[i]!.ofDeal = deepenings.length - firstStep
    const discounts = revisions.map((r) => r.discountPercent).filter((d): d is number => d !== null)
    const last = revisions[revisions.length - 1]!
    lastQuotes.set(key, quotes[quotes.length - 1]!)
    entries.push({
      key,
      dealKey: quotes[0]!.dealKey ?? null,
      name: deal?.title ?? quotes[0]!.title,
      currency: deal?.currency ?? quotes[0]!.currency ?? null,
      listPrice: listPrice === null ? null : round(listPrice),
      revisions,
      rounds: revisions.length,
      finalDiscountPercent: last.discountPercent,
      maxDiscountPercent: discounts.length > 0 ? round(Math.max(...discounts)) : null,
      movedLast: movedLast(revisions),
      outcome: outcome(deal)
    })
  }
  entries.sort((a, b) => a.revisions[0]!.at - b.revisions[0]!.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))

  const { trend, earlier, later, used } = trendOf(entries)
  let items: Evidence[] = []
  let summary: Message
  if (trend === "unknown") {
    summary = entries.length === 0
      ? notEnough(msg("a.ledger.ne.noQuotes"))
      : notEnough(msg("a.ledger.ne.few", { n: used.length, needed: LEDGER.minDealsForTrend }))
  } else {
    // Most recent deals first: they show where the discount is heading.
    items = [...used].reverse().slice(0, GENERAL.maxEvidence).map((e) => {
      const q = lastQuotes.get(e.key)!
      const discount = percentOf((e.finalDiscountPercent ?? 0) / 100)
      return evidence(q, e.name !== null ? msg("a.ledger.ev.final", { name: quoted(e.name), n: e.rounds, discount }) : msg("a.ledger.ev.finalUnnamed", { n: e.rounds, discount }))
    })
    summary = msg(`a.ledger.summary.${trend}`, { from: percentOf(Math.round(earlier) / 100), to: percentOf(Math.round(later) / 100), n: used.length })
  }
  return { ledger: { deals: entries, discountTrend: trend, evidence: items, summary }, deepenings, lastQuotes }
}
