/**
 * Decision criteria (FRAMEWORK §1): weights over price, quality, delivery and support.
 * Structured fields first (a lost deal's loss reason, a case's type/reason picklist), then the
 * text of subjects, descriptions and notes through the English and Persian lexicons, then the
 * concession ledger (a deepened discount is a discount request honoured).
 */
import { clamp01, evidence, notEnough, percent, plural, quote, round, saturation, TopK, unknownConfidence } from "./evidence"
import type { CriteriaHits, FeatureSet, RecordRef } from "./features"
import type { LedgerResult } from "./ledger"
import { CRITERIA as P } from "./parameters"
import { CRITERIA, type Criterion, type DecisionCriteriaAxis, type Evidence } from "./profile"

export interface CriteriaResult {
  axis: DecisionCriteriaAxis
  /** The best evidence per criterion, for factors and hints that need more than the label's. */
  byCriterion: Record<Criterion, Evidence[]>
}

type Tally = Record<Criterion, number>
type Reason = (c: Criterion) => string
interface Candidate {
  ref: RecordRef
  criterion: Criterion
  reason: Reason
}

function matched(hits: CriteriaHits | null): Criterion[] {
  if (!hits) return []
  const out: Criterion[] = []
  for (const c of CRITERIA) if (hits[c] !== undefined) out.push(c)
  return out
}

export function decisionCriteria(fs: FeatureSet, ledger: LedgerResult): CriteriaResult {
  const points: Tally = { price: 0, quality: 0, delivery: 0, support: 0 }
  const top = {} as Record<Criterion, TopK<Candidate>>
  for (const c of CRITERIA) top[c] = new TopK<Candidate>()
  const records = new Set<string>()

  // One record's vote, split across the criteria it names; the reason is built only if kept.
  const vote = (ref: RecordRef, criteria: readonly Criterion[], weight: number, reason: Reason) => {
    if (criteria.length === 0) return
    const share = weight / criteria.length
    records.add(ref.key)
    for (const c of criteria) {
      points[c] += share
      top[c].push({ ref, criterion: c, reason }, ref.key, share, ref.at)
    }
  }

  for (const d of fs.deals) {
    if (d.lossCriteria) {
      vote(d, matched(d.lossCriteria), P.lossReasonWeight, (c) => `Deal ${quote(d.title)} was lost with the reason ${quote(d.lossReason)}, which names ${c}.`)
    } else {
      vote(d, matched(d.criteria), P.textWeight, (c) => `Deal ${quote(d.title)} mentions ${c} (${quote(d.criteria?.[c])}).`)
    }
  }
  for (const k of fs.cases) {
    const field = k.fieldCriterion
    if (field) {
      vote(k, [field.criterion], P.caseFieldWeight, (c) => `Case ${quote(k.title)} is filed as ${quote(field.value)}, a ${c} complaint.`)
    } else {
      vote(k, matched(k.criteria), P.textWeight, (c) => `Case ${quote(k.title)} raises ${c} (${quote(k.criteria?.[c])}).`)
    }
  }
  for (const i of fs.interactions) {
    // Our own outbound emails say what we sell, not what they decide on; call and meeting notes
    // record the customer's side of the conversation and count.
    if (!i.criteria || (i.direction === "outbound" && i.channel === "email")) continue
    vote(i, matched(i.criteria), P.textWeight, (c) => `${i.direction === "inbound" ? "Inbound" : "Logged"} ${i.channel} ${quote(i.title)} mentions ${c} (${quote(i.criteria?.[c])}).`)
  }
  for (const step of ledger.deepenings) {
    vote(step.quote, ["price"], P.discountRevisionWeight, () =>
      `Quote ${quote(step.quote.title)} (revision ${step.quote.revision}) deepened the discount from ${Math.round(step.from)}% to ${Math.round(step.to)}%: a discount request honoured.`)
  }

  const byCriterion = {} as Record<Criterion, Evidence[]>
  for (const c of CRITERIA) {
    byCriterion[c] = top[c].items().map((v) => evidence(v.ref, v.reason(v.criterion)))
  }

  const total = CRITERIA.reduce((s, c) => s + points[c], 0)
  const weights = {} as Record<Criterion, number>
  for (const c of CRITERIA) weights[c] = total > 0 ? points[c] / total : 0.25
  const ranked = [...CRITERIA].sort((a, b) => points[b] - points[a])
  const first = ranked[0]!
  const second = ranked[1]!
  const margin = points[first] > 0 ? (points[first] - points[second]) / points[first] : 0
  const confidence = saturation(total, P.halfConfidencePoints) * (0.5 + 0.5 * margin)
  const rounded = { price: round(weights.price), quality: round(weights.quality), delivery: round(weights.delivery), support: round(weights.support) }
  const spread = CRITERIA.filter((c) => c !== first).map((c) => `${c} ${percent(weights[c])}`).join(", ")

  let axis: DecisionCriteriaAxis
  if (total < P.minPoints || records.size < P.minRecords) {
    axis = {
      label: "unknown", score: 0, confidence: unknownConfidence(confidence), evidence: [], weights: rounded,
      summary: notEnough(`${round(total)} criteria points from ${plural(records.size, "record")}, ${P.minPoints} points from ${P.minRecords} records needed`)
    }
  } else if (points[first] === points[second]) {
    axis = {
      label: "unknown", score: 0, confidence: unknownConfidence(confidence), evidence: [], weights: rounded,
      summary: `No single criterion leads: ${first} and ${second} are tied at ${percent(weights[first])}.`
    }
  } else {
    axis = {
      label: first, score: round(weights[first]), confidence: round(clamp01(confidence)), evidence: byCriterion[first], weights: rounded,
      summary: `${first[0]!.toUpperCase()}${first.slice(1)} leads with ${percent(weights[first])} of ${round(total)} points from ${plural(records.size, "record")} (${spread}).`
    }
  }
  return { axis, byCriterion }
}
