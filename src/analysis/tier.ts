/**
 * Value tier (seed 002, Peppers & Rogers IDIC: identify, differentiate, interact, customise):
 * "differentiate" accounts by their value to us, as a percentile among the accounts Parley knows
 * (options.peers). Without enough peers there is no tier: a percentile of one is not a tier.
 */
import { amount, msg, nested } from "../i18n/message"
import { evidence, notEnough, quote, round, saturation, TopK, percentOf } from "./evidence"
import type { FeatureSet } from "./features"
import { GENERAL, VALUE_TIER as P } from "./parameters"
import type { Evidence, PeerValue, ValueTierAxis } from "./profile"

interface ValueSources {
  deals?: ReadonlyArray<{ isWon?: unknown; amount?: unknown }> | unknown
  contracts?: ReadonlyArray<{ value?: unknown }> | unknown
}

const money = (v: unknown): number => (typeof v === "number" && Number.isFinite(v) && v > 0 ? v : 0)

/**
 * An account's value to us: won deal amounts, or contract values when they are larger (a leased
 * installed base shows in contracts, not deals). The two usually describe the same revenue, so
 * they are not added. Currency is assumed uniform within an org. Exported so callers build
 * `options.peers` with the same measure.
 */
export function accountValue(history: ValueSources): number {
  let won = 0
  if (Array.isArray(history.deals)) for (const d of history.deals) if (d && d.isWon === true) won += money(d.amount)
  let contracted = 0
  if (Array.isArray(history.contracts)) for (const c of history.contracts) if (c) contracted += money(c.value)
  return Math.max(won, contracted)
}

export interface TierResult {
  axis: ValueTierAxis
  revenueShare: { share: number; peers: number } | null
}

export function valueTier(fs: FeatureSet, peers: readonly PeerValue[] | undefined): TierResult {
  const value = accountValue({ deals: fs.deals, contracts: fs.contracts })
  const seen = new Set<string>()
  const others: number[] = []
  for (const p of peers ?? []) {
    if (p.accountKey === fs.accountKey || seen.has(p.accountKey)) continue
    seen.add(p.accountKey)
    others.push(p.value)
  }
  const base = { value: round(value), peerCount: others.length }
  if (others.length < P.minPeers || !fs.account) {
    return {
      revenueShare: null,
      axis: { ...base, label: "unknown", score: 0, percentile: null, confidence: 0, evidence: [], summary: notEnough(msg("a.tier.ne.peers", { n: others.length, needed: P.minPeers })) }
    }
  }
  let below = 0
  let equal = 0
  let sum = value
  for (const v of others) {
    if (v < value) below++
    else if (v === value) equal++
    sum += v
  }
  const percentile = (below + 0.5 * equal) / others.length
  const label = percentile >= P.top ? "top" : percentile >= P.high ? "high" : percentile >= P.medium ? "medium" : "low"
  const top = new TopK<Evidence>()
  for (const d of fs.deals) {
    if (d.isWon && d.amount) top.add(evidence(d, d.currency ? msg("a.tier.ev.deal", { title: quote(d.title), worth: amount(Math.round(d.amount), d.currency, "full") }) : msg("a.tier.ev.dealBare", { title: quote(d.title), worth: Math.round(d.amount) })), d.key, d.amount, d.at)
  }
  for (const c of fs.contracts) {
    if (c.value) top.add(evidence(c, msg("a.tier.ev.contract", { title: quote(c.title), worth: Math.round(c.value) })), c.key, c.value, c.at)
  }
  const items = [evidence(fs.account, msg("a.tier.ev.account", { title: quote(fs.account.title), worth: Math.round(value), share: percentOf(percentile), n: others.length })), ...top.items()]
  return {
    revenueShare: sum > 0 ? { share: value / sum, peers: others.length } : null,
    axis: {
      ...base, label, score: round(percentile), percentile: round(percentile), confidence: round(saturation(others.length, P.halfConfidencePeers)),
      evidence: items.slice(0, GENERAL.maxEvidence),
      summary: msg("a.tier.summary", { worth: Math.round(value), share: percentOf(percentile), n: others.length, tier: nested(msg(`a.tier.${label}`)) })
    }
  }
}
