/**
 * Pre-shaped chart data: the History tab's series, computed once from the account history and
 * the profile, already in chart.js's internal `{x, y}` format, sorted by x with unique x values
 * (what `parsing: false` + `normalized: true` require).
 */
import type { LedgerEntry } from "../analysis/profile"
import type { Case, Interaction } from "../model/schema"

export interface ChartPoint {
  x: number
  y: number
}

const DAY = 86_400_000

/** Start of the UTC month of `at` (buckets are calendar months, the same in every time zone). */
export function monthStart(at: number): number {
  const d = new Date(at)
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)
}

function nextMonth(start: number): number {
  const d = new Date(start)
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)
}

export interface InteractionBuckets {
  inbound: ChartPoint[]
  outbound: ChartPoint[]
  /** Internal or undirected interactions: not drawn, counted for the text alternative. */
  other: number
}

/**
 * Interactions per calendar month split by who initiated them, zero-filled between the first and
 * the last month so a quiet month shows as a dip instead of a line drawn across it.
 */
export function interactionsByMonth(interactions: readonly Pick<Interaction, "at" | "direction">[]): InteractionBuckets {
  const inbound = new Map<number, number>()
  const outbound = new Map<number, number>()
  let other = 0
  let first = Infinity
  let last = -Infinity
  for (const i of interactions) {
    if (!Number.isFinite(i.at)) continue
    const bucket = i.direction === "inbound" ? inbound : i.direction === "outbound" ? outbound : null
    if (!bucket) {
      other++
      continue
    }
    const m = monthStart(i.at)
    bucket.set(m, (bucket.get(m) ?? 0) + 1)
    if (m < first) first = m
    if (m > last) last = m
  }
  const result: InteractionBuckets = { inbound: [], outbound: [], other }
  if (first === Infinity) return result
  for (let m = first; m <= last; m = nextMonth(m)) {
    result.inbound.push({ x: m, y: inbound.get(m) ?? 0 })
    result.outbound.push({ x: m, y: outbound.get(m) ?? 0 })
  }
  return result
}

/** Sorted by x, and equal x values moved apart by 1 ms (normalized data must have unique x). */
export function sortUnique(points: readonly ChartPoint[]): ChartPoint[] {
  const sorted = points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y)).sort((a, b) => a.x - b.x)
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.x <= sorted[i - 1]!.x) sorted[i] = { x: sorted[i - 1]!.x + 1, y: sorted[i]!.y }
  }
  return sorted
}

export interface DiscountSeries {
  /** Discount depth of each deal's last revision, at that revision's time. */
  final: ChartPoint[]
  /** The deepest discount each deal reached. */
  deepest: ChartPoint[]
}

/** The concession trend: one point per deal of the ledger that has a discount. */
export function discountSeries(deals: readonly LedgerEntry[]): DiscountSeries {
  const final: ChartPoint[] = []
  const deepest: ChartPoint[] = []
  for (const deal of deals) {
    const at = deal.revisions.length ? Math.max(...deal.revisions.map((r) => r.at)) : NaN
    if (!Number.isFinite(at)) continue
    if (deal.finalDiscountPercent !== null) final.push({ x: at, y: deal.finalDiscountPercent })
    if (deal.maxDiscountPercent !== null) deepest.push({ x: at, y: deal.maxDiscountPercent })
  }
  return { final: sortUnique(final), deepest: sortUnique(deepest) }
}

/**
 * The deal the rep has open: the ledger entry of that deal (or quote), else the most recent open
 * deal with revisions, else null.
 */
export function openDealEntry(deals: readonly LedgerEntry[], keys: readonly string[] = []): LedgerEntry | null {
  for (const key of keys) {
    const hit = deals.find((d) => d.key === key || d.dealKey === key || d.revisions.some((r) => r.quoteKey === key))
    if (hit) return hit
  }
  const lastAt = (d: LedgerEntry) => Math.max(-Infinity, ...d.revisions.map((r) => r.at))
  const open = deals.filter((d) => d.outcome === "open" && d.revisions.length > 0)
  return open.sort((a, b) => lastAt(b) - lastAt(a))[0] ?? null
}

/** Net price per quote revision (x = revision number). */
export function revisionSeries(entry: LedgerEntry | null): ChartPoint[] {
  if (!entry) return []
  return sortUnique(entry.revisions.flatMap((r) => (r.net === null ? [] : [{ x: r.revision, y: r.net }])))
}

export interface CaseSeries {
  /** Days from opening to closing, per closed case, at its opening time. */
  daysToClose: ChartPoint[]
  open: number
  closed: number
}

export function caseSeries(cases: readonly Pick<Case, "openedAt" | "closedAt" | "isClosed">[]): CaseSeries {
  const points: ChartPoint[] = []
  let open = 0
  for (const c of cases) {
    if (!c.isClosed || c.closedAt === undefined) {
      open++
      continue
    }
    points.push({ x: c.openedAt, y: Math.max(0, (c.closedAt - c.openedAt) / DAY) })
  }
  return { daysToClose: sortUnique(points), open, closed: points.length }
}
