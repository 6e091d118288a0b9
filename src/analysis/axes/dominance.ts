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
import { clamp01, clampSigned, evidence, fmt, mergeEvidence, notEnough, percent, plural, quote, round, saturation, TopK, unknownConfidence } from "../evidence"
import { cueText, type FeatureSet, type RecordRef, type Scanned } from "../features"
import { CUE } from "../lexicon"
import type { LedgerResult } from "../ledger"
import { DOMINANCE as P } from "../parameters"
import type { DominanceAxis, Evidence, PowerFactor, ValueOriginAxis } from "../profile"

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
}

interface Factor extends PowerFactor {
  evidence: Evidence[]
}

type SupplierId = keyof typeof P.supplierWeights
type CustomerId = keyof typeof P.customerWeights

function supplierFactor(id: SupplierId, value: number, reason: string, items: Evidence[]): Factor {
  return { id, side: "supplier", weight: P.supplierWeights[id], value: round(clamp01(value)), reason, evidence: items }
}
function customerFactor(id: CustomerId, value: number, reason: string, items: Evidence[]): Factor {
  return { id, side: "customer", weight: P.customerWeights[id], value: round(clamp01(value)), reason, evidence: items }
}

function alternatives(fs: FeatureSet): Factor | null {
  const counted = fs.deals.filter((d) => d.competitorCount !== undefined)
  if (counted.length > 0) {
    const mean = counted.reduce((s, d) => s + (d.competitorCount ?? 0), 0) / counted.length
    const top = new TopK<Evidence>()
    for (const d of counted) {
      top.add(evidence(d, `Deal ${quote(d.title)} had ${plural(d.competitorCount ?? 0, "competitor")} named.`), d.key, 1 + (d.competitorCount ?? 0), d.at)
    }
    return supplierFactor("alternatives", 1 / (1 + mean), `On average ${fmt(mean)} competitors per deal (${plural(counted.length, "deal")}): fewer alternatives, more dependence on us.`, top.items())
  }
  // No structured counts: read sole-source and competitor mentions, Laplace-smoothed toward 0.5.
  let sole = 0
  let rivals = 0
  const top = new TopK<Evidence>()
  const read = (list: ReadonlyArray<RecordRef & Scanned>) => {
    for (let n = list.length - 1; n >= 0; n--) {
      const r = list[n]!
      if ((r.cues & CUE.soleSource) !== 0) {
        sole++
        if (top.accepts(1, r.at, r.key)) top.add(evidence(r, `${r.recordType} ${quote(r.title)} calls us the only source (${quote(cueText(r, "soleSource"))}).`), r.key, 1, r.at)
      }
      if ((r.cues & CUE.competitor) !== 0) {
        rivals++
        if (top.accepts(1, r.at, r.key)) top.add(evidence(r, `${r.recordType} ${quote(r.title)} brings a competitor into play (${quote(cueText(r, "competitor"))}).`), r.key, 1, r.at)
      }
    }
  }
  read(fs.interactions)
  read(fs.deals)
  if (sole + rivals === 0) return null
  return supplierFactor("alternatives", (sole + 1) / (sole + rivals + 2), `${plural(sole, "sole-source mention")} against ${plural(rivals, "competitor mention")}.`, top.items())
}

function concessions(ledger: LedgerResult): Factor | null {
  const entries = ledger.ledger.deals
  if (entries.length === 0) return null
  const known = entries.filter((e) => e.finalDiscountPercent !== null)
  const depth = known.length > 0 ? known.reduce((s, e) => s + Math.max(0, e.finalDiscountPercent ?? 0), 0) / known.length : 0
  const extraRounds = entries.reduce((s, e) => s + (e.rounds - 1), 0) / entries.length
  const multi = entries.filter((e) => e.rounds > 1)
  const weMovedLast = multi.length > 0 ? multi.filter((e) => e.movedLast === "supplier").length / multi.length : 0
  const value = 0.5 * clamp01(depth / P.fullDiscountPercent) + 0.3 * clamp01(extraRounds / P.fullExtraRounds) + 0.2 * weMovedLast
  const top = new TopK<Evidence>()
  for (const e of entries) {
    const q = ledger.lastQuotes.get(e.key)
    if (!q) continue
    const d = e.finalDiscountPercent
    const moved = e.movedLast === "supplier" ? "; we moved last" : e.movedLast === "customer" ? "; they moved last" : ""
    top.add(evidence(q, `${quote(e.name)} ended ${d === null ? "at an unknown discount" : `${Math.round(d)}% below list`} after ${plural(e.rounds, "round")}${moved}.`), q.key, (d ?? 0) + 5 * e.rounds, q.at)
  }
  return customerFactor("concessions", value, `Mean final discount ${Math.round(depth)}%, ${fmt(extraRounds)} extra rounds per deal, we moved last in ${percent(weMovedLast)} of negotiated deals.`, top.items())
}

function customerPaper(fs: FeatureSet): Factor | null {
  let hits = 0
  const top = new TopK<Evidence>()
  const read = (list: ReadonlyArray<RecordRef & Scanned>) => {
    for (let n = list.length - 1; n >= 0; n--) {
      const r = list[n]!
      if ((r.cues & CUE.customerPaper) === 0) continue
      hits++
      if (top.accepts(1, r.at, r.key)) top.add(evidence(r, `${r.recordType} ${quote(r.title)} shows the customer imposing terms (${quote(cueText(r, "customerPaper"))}).`), r.key, 1, r.at)
    }
  }
  read(fs.interactions)
  read(fs.deals)
  read(fs.contracts)
  read(fs.cases)
  if (hits === 0) return null
  return customerFactor("customerPaper", hits / P.fullCustomerPaperHits, `${plural(hits, "record")} show the customer's paper, penalties or payment terms imposed.`, top.items())
}

function priceLosses(fs: FeatureSet): Factor | null {
  const closed = fs.deals.filter((d) => d.isClosed)
  if (closed.length === 0) return null
  const onPrice = closed.filter((d) => !d.isWon && (d.lossCues & CUE.price) !== 0)
  const top = new TopK<Evidence>()
  for (const d of onPrice) top.add(evidence(d, `Deal ${quote(d.title)} was lost on price (${quote(d.lossReason)}).`), d.key, 1, d.at)
  const share = onPrice.length / closed.length
  return customerFactor("priceLosses", share / P.fullPriceLossShare, `${plural(onPrice.length, "deal")} of ${closed.length} closed lost on price.`, top.items())
}

const fmt2 = (x: number) => x.toFixed(2)

export function dominance(inputs: DominanceInputs): DominanceAxis {
  const { fs, valueOrigin, dependence, criteria, complaints, ledger, revenueShare } = inputs
  const factors: Factor[] = []
  const push = (f: Factor | null) => {
    if (f) factors.push(f)
  }

  if (valueOrigin.label !== "unknown") {
    const v = valueOrigin.shares.coCreated + P.supplierLedDependence * valueOrigin.shares.supplierLed
    push(supplierFactor("valueOrigin", v, `The offer is ${valueOrigin.label} (co-created ${percent(valueOrigin.shares.coCreated)}, ours ${percent(valueOrigin.shares.supplierLed)}, theirs ${percent(valueOrigin.shares.customerLed)}).`, valueOrigin.evidence))
  }
  if (dependence.observed) {
    push(supplierFactor("lockIn", dependence.axis.score, dependence.axis.summary, dependence.axis.evidence))
  }
  push(alternatives(fs))
  const crit = criteria.axis
  if (crit.label !== "unknown") {
    const v = crit.weights.quality + crit.weights.support
    push(supplierFactor("criteria", v, `Quality and support carry ${percent(v)} of the decision criteria.`, mergeEvidence([criteria.byCriterion.quality, criteria.byCriterion.support])))
    push(customerFactor("priceCriterion", crit.weights.price, `Price carries ${percent(crit.weights.price)} of the decision criteria.`, criteria.byCriterion.price))
  }
  const c = complaints.axis
  if (c.label !== "unknown") {
    push(supplierFactor("responsiveness", c.score, c.label === "none" ? "No complaints raised." : `Complaints handled ${c.label}ly, median ${fmt(c.medianDaysToClose ?? 0)} days.`, c.evidence))
  }
  if (revenueShare && fs.account) {
    push(customerFactor("revenueShare", revenueShare.share / P.fullRevenueShare, `This account is ${percent(revenueShare.share)} of the value across ${revenueShare.peers + 1} accounts.`, [
      evidence(fs.account, `Account ${quote(fs.account.title)} holds ${percent(revenueShare.share)} of the value of the ${revenueShare.peers + 1} accounts Parley knows.`)
    ]))
  }
  push(concessions(ledger))
  push(customerPaper(fs))
  push(priceLosses(fs))
  if (c.total > 0 || c.label === "none") {
    const v = 0.5 * clamp01(complaints.perYear / P.fullCasesPerYear) + 0.5 * complaints.escalatedShare
    const items = c.label === "none" ? [] : c.evidence
    push(customerFactor("complaints", v, `${fmt(complaints.perYear)} complaints a year, ${percent(complaints.escalatedShare)} escalated.`, items))
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
    const missing = sw < P.minSideCoverage ? "the customer's dependence on us" : cw < P.minSideCoverage ? "our dependence on the customer" : null
    return {
      ...base, label: "unknown", score: 0, confidence: unknownConfidence(confidence), evidence: [],
      summary: notEnough(missing
        ? `nothing yet shows ${missing}`
        : `${percent(coverage)} of the power factors observed in ${plural(records.size, "record")}, ${percent(P.minCoverage)} and ${P.minRecords} records needed`)
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
  const describe = label === "supplier" ? "We hold the power" : label === "customer" ? "The customer holds the power" : label === "balanced-interdependent" ? "Power is balanced and both sides depend on each other" : "Power is balanced and neither side depends much on the other"
  return {
    ...base, label, score: round(score), confidence: round(clamp01(confidence)), evidence: items,
    summary: `${describe}: supplier power ${fmt2(supplierPower)}, customer power ${fmt2(customerPower)} (δ ${P.delta}), from ${plural(factors.length, "factor")} and ${plural(records.size, "record")}.`
  }
}
