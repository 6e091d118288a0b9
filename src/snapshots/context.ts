/**
 * The parts of a snapshot derived from the account's history next to the profile: the chart
 * series the History tab draws and the pricing context. Pure, so the background (auto-snapshots)
 * and tests build exactly the same thing.
 */
import type { LedgerEntry, RelationshipProfile } from "../analysis/profile"
import type { AccountHistory } from "../model/schema"
import { caseSeries, discountSeries, interactionsByMonth, openDealEntry, revisionSeries } from "./series"
import { isPricingError, suggestPricing } from "../pricing"
import { MAX_CHART_POINTS, type SnapshotCharts, type SnapshotPricing } from "./payload"

const lastAt = (entry: LedgerEntry) => Math.max(-Infinity, ...entry.revisions.map((r) => r.at))
const lastNet = (entry: LedgerEntry) => entry.revisions.at(-1)?.net ?? null

export function chartData(history: AccountHistory, profile: RelationshipProfile): SnapshotCharts {
  const interactions = interactionsByMonth(history.interactions)
  const discounts = discountSeries(profile.concessions.deals)
  const open = openDealEntry(profile.concessions.deals)
  const cases = caseSeries(history.cases)
  const keep = <T>(points: T[]) => points.slice(-MAX_CHART_POINTS)
  return {
    interactions: { inbound: keep(interactions.inbound), outbound: keep(interactions.outbound), other: interactions.other },
    discounts: { final: keep(discounts.final), deepest: keep(discounts.deepest) },
    revisions: { dealKey: open?.dealKey ?? open?.key ?? null, currency: open?.currency ?? null, points: keep(revisionSeries(open)) },
    cases: { daysToClose: keep(cases.daysToClose), open: cases.open, closed: cases.closed }
  }
}

/** `defaultCurrency`: the rep's setting, for single-currency orgs whose records name no currency. */
export function pricingContext(history: AccountHistory, profile: RelationshipProfile, defaultCurrency?: string): SnapshotPricing {
  const deals = profile.concessions.deals
  const latest = [...history.quotes].sort((a, b) => b.createdAt - a.createdAt)[0]
  const open = openDealEntry(deals)
  const currency = history.account.currency ?? open?.currency ?? latest?.currency ?? defaultCurrency ?? null
  const previousPrices = deals
    .filter((d) => d.outcome === "won" && lastNet(d) !== null)
    .sort((a, b) => lastAt(a) - lastAt(b))
    .map((d) => lastNet(d)!)
    .slice(-50)
  const openNet = open ? lastNet(open) : null
  return {
    currency,
    latestQuote: latest ? { total: latest.total ?? null, discountPercent: latest.discountPercent ?? null, revision: latest.revision, at: latest.createdAt } : null,
    openDeal: open
      ? {
          key: open.key,
          name: open.name ?? "",
          listPrice: open.listPrice,
          lastNet: openNet,
          rounds: open.rounds,
          finalDiscountPercent: open.finalDiscountPercent,
          maxDiscountPercent: open.maxDiscountPercent,
          movedLast: open.movedLast
        }
      : null,
    previousPrices,
    discountTrend: profile.concessions.discountTrend,
    suggestion: openNet !== null && openNet > 0 && currency ? suggestion(openNet, currency, open?.listPrice ?? null, previousPrices, profile) : null
  }
}

/** The opening-offer advice for the open deal's last price, as rule ids (the texts are the panel's). */
function suggestion(amount: number, currency: string, listPrice: number | null, previousPrices: number[], profile: RelationshipProfile): SnapshotPricing["suggestion"] {
  const result = suggestPricing({
    amount,
    currency,
    locale: "en-US",
    mode: "opening",
    anchors: { ...(listPrice ? { listPrice } : {}), ...(previousPrices.length ? { previousPrices } : {}) },
    profile
  })
  if (isPricingError(result)) return null
  return { amount, suggestedPrice: result.suggestedPrice, display: result.display.slice(0, 64), rules: [...new Set(result.suggestions.map((s) => s.rule))] }
}
