/**
 * Negotiation dominance (FRAMEWORK §1; research §4): Emerson's (1962) power-dependence. Supplier
 * power is the customer's dependence on us, customer power ours on them; each is a weighted mean
 * of the factors that have evidence (parameters.ts DOMINANCE). Score = supplier − customer power
 * in [−1, 1]; |score| ≤ δ is balanced, split by total power into Cox's (2001) interdependence
 * and independence cells.
 */
import type { ComplaintsResult } from "../complaints"
import type { CriteriaResult } from "../criteria"
import type { DependenceResult } from "../dependence"
import { msg, nested, type Message } from "../../i18n/message"
import { clamp01, clampSigned, evidence, mergeEvidence, notEnough, quote, round, saturation, TopK, unknownConfidence, percentOf } from "../evidence"
import { cueText, type FeatureSet, type RecordRef, type Scanned } from "../features"
import { CUE } from "../lexicon"
import type { LedgerResult } from "../ledger"
import { DOMINANCE as P } from "../parameters"
import type { DominanceAxis, Evidence, PowerFactor, ValueOriginAxis } from "../profile"
import { recency } from "../timeline"

export interface DominanceInputs {
  fs: FeatureSet
  valueOrigin: ValueOriginAxis
  dependence: DependenceResult
  criteria: CriteriaResult
  complaints: ComplaintsResult
  ledger: LedgerResult
  /** This account's share of the value of all accounts Parley knows, or null without peers. */
  revenueShare: { share: number; peers: number } | null
  /** Valid records in the history. */
  recordCount: number
  /** The moment read: factors from records weigh them by recency (parameters.ts RECENCY). */
  now: number
}

interface Factor extends PowerFactor {
  evidence: Evidence[]
}

type SupplierId = keyof typeof P.supplierWeights
type CustomerId = keyof typeof P.customerWeights

function supplierFactor(id: SupplierId, value: number, reason: Message, items: Evidence[]): Factor {
  return { id, side: "supplier", weight: P.supplierWeights[id], value: round(clamp01(value)), reason, evidence: items }
}
function customerFactor(id: CustomerId, value: number, reason: Message, items: Evidence[]): Factor {
  return { id, side: "customer", weight: P.customerWeights[id], value: round(clamp01(value)), reason, evidence: items }
}

function alternatives(fs: FeatureSet, now: number): Factor | null {
  const counted = fs.deals.filter((d) => d.competitorCount !== undefined)
  if (counted.length > 0) {
    // A recency-weighted mean: a customer that runs three-way bids now has alternatives now.
    let sum = 0
    let weight = 0
    const top = new TopK<Evidence>()
    for (const d of counted) {
      const w = recency(d.at, now)
      sum += w * (d.competitorCount ?? 0)
      weight += w
      const rank = w * (1 + (d.competitorCount ?? 0))
      if (top.accepts(rank, d.at, d.key)) top.add(evidence(d, msg("a.dom.ev.competitors", { title: quote(d.title), n: d.competitorCount ?? 0 })), d.key, rank, d.at)
    }
    const mean = sum / weight
    return supplierFactor("alternatives", 1 / (1 + mean), msg("a.dom.alternatives", { mean: Math.round((mean) * 10) / 10, n: counted.length }), top.items())
  }
  // No structured counts: read sole-source and competitor mentions, Laplace-smoothed toward 0.5.
  let sole = 0
  let rivals = 0
  let soleWeight = 0
  let rivalWeight = 0
  const top = new TopK<Evidence>()
  const read = (list: ReadonlyArray<RecordRef & Scanned>) => {
    for (let n = list.length - 1; n >= 0; n--) {
      const r = list[n]!
      if ((r.cues & (CUE.soleSource | CUE.competitor)) === 0) continue
      const w = recency(r.at, now)
      if ((r.cues & CUE.soleSource) !== 0) {
        sole++
        soleWeight += w
        if (top.accepts(w, r.at, r.key)) top.add(evidence(r, msg("a.dom.ev.soleSource", { record: nested(msg(`a.record.${r.recordType}`)), title: quote(r.title), cue: quote(cueText(r, "soleSource")) })), r.key, w, r.at)
      }
      if ((r.cues & CUE.competitor) !== 0) {
        rivals++
        rivalWeight += w
        if (top.accepts(w, r.at, r.key)) top.add(evidence(r, msg("a.dom.ev.competitor", { record: nested(msg(`a.record.${r.recordType}`)), title: quote(r.title), cue: quote(cueText(r, "competitor")) })), r.key, w, r.at)
      }
    }
  }
  read(fs.interactions)
  read(fs.deals)
  if (sole + rivals === 0) return null
  return supplierFactor("alternatives", (soleWeight + 1) / (soleWeight + rivalWeight + 2), msg("a.dom.mentions", { sole, rivals }), top.items())
}

function concessions(ledger: LedgerResult, now: number): Factor | null {
  const entries = ledger.ledger.deals
  if (entries.length === 0) return null
  // Recency-weighted means over the deals, each dated by its last revision.
  let depthSum = 0, depthWeight = 0, roundsSum = 0, roundsWeight = 0, movedSum = 0, multiWeight = 0
  for (const e of entries) {
    const w = recency(e.revisions[e.revisions.length - 1]!.at, now)
    if (e.finalDiscountPercent !== null) {
      depthSum += w * Math.max(0, e.finalDiscountPercent)
      depthWeight += w
    }
    roundsSum += w * (e.rounds - 1)
    roundsWeight += w
    if (e.rounds > 1) {
      multiWeight += w
      if (e.movedLast === "supplier") movedSum += w
    }
  }
  const depth = depthWeight > 0 ? depthSum / depthWeight : 0
  const extraRounds = roundsSum / roundsWeight
  const weMovedLast = multiWeight > 0 ? movedSum / multiWeight : 0
  const value = 0.5 * clamp01(depth / P.fullDiscountPercent) + 0.3 * clamp01(extraRounds / P.fullExtraRounds) + 0.2 * weMovedLast
  const top = new TopK<Evidence>()
  for (const e of entries) {
    const q = ledger.lastQuotes.get(e.key)
    if (!q) continue
    const d = e.finalDiscountPercent
    const rank = ((d ?? 0) + 5 * e.rounds) * recency(q.at, now)
    // The reason is written only for the deals kept (the evidence cap, of one per deal).
    if (!top.accepts(rank, q.at, q.key)) continue
    const ended = msg("a.dom.ev.ended", {
      name: quote(e.name),
      discount: nested(d === null ? msg("a.dom.discountUnknown") : msg("a.dom.discountBelowList", { discount: percentOf(Math.round(d) / 100) })),
      n: e.rounds,
      moved: nested(msg(`a.dom.moved.${e.movedLast}`))
    })
    top.add(evidence(q, ended), q.key, rank, q.at)
  }
  return customerFactor("concessions", value, msg("a.dom.concessions", { depth: percentOf(Math.round(depth) / 100), rounds: Math.round((extraRounds) * 10) / 10, share: percentOf(weMovedLast) }), top.items())
}

function customerPaper(fs: FeatureSet, now: number): Factor | null {
  let hits = 0
  let weight = 0
  const top = new TopK<Evidence>()
  const read = (list: ReadonlyArray<RecordRef & Scanned>) => {
    for (let n = list.length - 1; n >= 0; n--) {
      const r = list[n]!
      if ((r.cues & CUE.customerPaper) === 0) continue
      const w = recency(r.at, now)
      hits++
      weight += w
      if (top.accepts(w, r.at, r.key)) top.add(evidence(r, msg("a.dom.ev.customerPaper", { record: nested(msg(`a.record.${r.recordType}`)), title: quote(r.title), cue: quote(cueText(r, "customerPaper")) })), r.key, w, r.at)
    }
  }
  read(fs.interactions)
  read(fs.deals)
  read(fs.contracts)
  read(fs.cases)
  if (hits === 0) return null
  return customerFactor("customerPaper", weight / P.fullCustomerPaperHits, msg("a.dom.customerPaper", { n: hits }), top.items())
}

function priceLosses(fs: FeatureSet, now: number): Factor | null {
  let closed = 0, closedWeight = 0, onPrice = 0, onPriceWeight = 0
  const top = new TopK<Evidence>()
  for (const d of fs.deals) {
    if (!d.isClosed) continue
    const w = recency(d.at, now)
    closed++
    closedWeight += w
    if (d.isWon || (d.lossCues & CUE.price) === 0) continue
    onPrice++
    onPriceWeight += w
    if (top.accepts(w, d.at, d.key)) top.add(evidence(d, msg("a.dom.ev.priceLoss", { title: quote(d.title), reason: quote(d.lossReason) })), d.key, w, d.at)
  }
  if (closed === 0) return null
  // Weighted: two recent losses on price outweigh a decade of old wins.
  const share = onPriceWeight / closedWeight
  return customerFactor("priceLosses", share / P.fullPriceLossShare, msg("a.dom.priceLosses", { n: onPrice, closed }), top.items())
}


export function dominance(inputs: DominanceInputs): DominanceAxis {
  const { fs, valueOrigin, dependence, criteria, complaints, ledger, revenueShare, now } = inputs
  const factors: Factor[] = []
  const push = (f: Factor | null) => {
    if (f) factors.push(f)
  }

  if (valueOrigin.label !== "unknown") {
    const v = valueOrigin.shares.coCreated + P.supplierLedDependence * valueOrigin.shares.supplierLed
    push(supplierFactor("valueOrigin", v, msg("a.dom.valueOrigin", { origin: nested(msg(`a.origin.${valueOrigin.label}`)), coCreated: percentOf(valueOrigin.shares.coCreated), ours: percentOf(valueOrigin.shares.supplierLed), theirs: percentOf(valueOrigin.shares.customerLed) }), valueOrigin.evidence))
  }
  if (dependence.observed) {
    push(supplierFactor("lockIn", dependence.axis.score, dependence.axis.summary, dependence.axis.evidence))
  }
  push(alternatives(fs, now))
  const crit = criteria.axis
  if (crit.label !== "unknown") {
    const v = crit.weights.quality + crit.weights.support
    push(supplierFactor("criteria", v, msg("a.dom.qualitySupport", { share: percentOf(v) }), mergeEvidence([criteria.byCriterion.quality, criteria.byCriterion.support])))
    push(customerFactor("priceCriterion", crit.weights.price, msg("a.dom.priceCriterion", { share: percentOf(crit.weights.price) }), criteria.byCriterion.price))
  }
  const c = complaints.axis
  if (c.label !== "unknown") {
    push(supplierFactor("responsiveness", c.score, c.label === "none" ? msg("a.dom.noComplaints") : msg(`a.dom.handled.${c.label}`, { days: c.medianDaysToClose ?? 0 }), c.evidence))
  }
  if (revenueShare && fs.account) {
    push(customerFactor("revenueShare", revenueShare.share / P.fullRevenueShare, msg("a.dom.revenueShare", { share: percentOf(revenueShare.share), n: revenueShare.peers + 1 }), [
      evidence(fs.account, msg("a.dom.ev.revenueShare", { title: quote(fs.account.title), share: percentOf(revenueShare.share), n: revenueShare.peers + 1 }))
    ]))
  }
  push(concessions(ledger, now))
  push(customerPaper(fs, now))
  push(priceLosses(fs, now))
  if (c.total > 0 || c.label === "none") {
    // The same reading as risk: complaint pressure (severity, escalation, slowness, recency).
    const v = complaints.pressure
    const items = c.label === "none" ? [] : c.evidence
    push(customerFactor("complaints", v, msg("a.dom.complaints", { n: Math.round((complaints.perYear) * 10) / 10, share: percentOf(complaints.escalatedShare) }), items))
  }

  let sw = 0, sv = 0, cw = 0, cv = 0
  for (const f of factors) {
    if (f.side === "supplier") {
      sw += f.weight
      sv += f.weight * f.value
    } else {
      cw += f.weight
      cv += f.weight * f.value
    }
  }
  const supplierPower = sw > 0 ? sv / sw : 0
  const customerPower = cw > 0 ? cv / cw : 0
  const score = clampSigned(supplierPower - customerPower)
  const totalPower = (supplierPower + customerPower) / 2
  const coverage = (sw + cw) / 2
  const records = new Set<string>()
  for (const f of factors) for (const e of f.evidence) records.add(e.recordKey)
  const margin = Math.abs(Math.abs(score) - P.delta) / P.delta
  const confidence = coverage * saturation(records.size, 8) * (0.5 + 0.5 * Math.min(1, margin))
  const publicFactors: PowerFactor[] = factors.map(({ evidence: _e, ...f }) => f)
  const base = {
    supplierPower: round(supplierPower), customerPower: round(customerPower), totalPower: round(totalPower),
    coverage: round(coverage), factors: publicFactors
  }

  if (coverage < P.minCoverage || Math.min(sw, cw) < P.minSideCoverage || records.size < P.minRecords) {
    const missing = sw < P.minSideCoverage ? msg("a.dom.ne.missingSupplier") : cw < P.minSideCoverage ? msg("a.dom.ne.missingCustomer") : null
    return {
      ...base, label: "unknown", score: 0, confidence: unknownConfidence(confidence), evidence: [],
      summary: notEnough(missing ?? msg("a.dom.ne.coverage", { coverage: percentOf(coverage), n: records.size, minCoverage: percentOf(P.minCoverage), minRecords: P.minRecords }))
    }
  }

  const label: DominanceAxis["label"] =
    score > P.delta ? "supplier" : score < -P.delta ? "customer" : totalPower >= P.interdependenceTotal ? "balanced-interdependent" : "balanced-independent"
  // Evidence: the factors that pushed toward the label, biggest contribution first.
  const contribution = (f: Factor) => f.weight * f.value
  const relevant = factors
    .filter((f) => (label === "supplier" ? f.side === "supplier" : label === "customer" ? f.side === "customer" : true) && f.value > 0)
    .sort((a, b) => contribution(b) - contribution(a) || (a.id < b.id ? -1 : 1))
  // Balanced at zero on both sides still names the records that were weighed.
  const items = mergeEvidence((relevant.length > 0 ? relevant : factors).map((f) => f.evidence))
  return {
    ...base, label, score: round(score), confidence: round(clamp01(confidence)), evidence: items,
    summary: msg("a.dom.summary", {
      describe: nested(msg(`a.dom.describe.${label}`)), supplier: percentOf(supplierPower), customer: percentOf(customerPower), delta: percentOf(P.delta), factors: factors.length, n: records.size
    })
  }
}
