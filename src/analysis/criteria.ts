/**
 * Decision criteria (FRAMEWORK §1): weights over price, quality, delivery and support.
 * Structured fields first (a lost deal's loss reason, a case's type/reason picklist), then the
 * text of subjects, descriptions and notes through the English and Persian lexicons, then the
 * concession ledger (a deepened discount is a discount request honoured).
 */
import { msg, nested, type Message } from "../i18n/message"
import { clamp01, evidence, notEnough, quote, round, saturation, TopK, unknownConfidence, percentOf } from "./evidence"
import { cueText, type CaseF, type DealF, type FeatureSet, type InteractionF, type RecordRef } from "./features"
import { CRITERIA_MASK, CUE } from "./lexicon"
import type { Deepening, LedgerResult } from "./ledger"
import { CRITERIA as P, REGIME, TIME } from "./parameters"
import { CRITERIA, type Criterion, type DecisionCriteriaAxis, type Evidence } from "./profile"
import { recency } from "./timeline"

export interface CriteriaResult {
  axis: DecisionCriteriaAxis
  /** The best evidence per criterion, for factors and hints that need more than the label's. */
  byCriterion: Record<Criterion, Evidence[]>
  /** A change of the leading criterion between the years before and the recent window. */
  shift: CriteriaShift | null
}

/** What made a record vote; the reason sentence is written only for the records kept. */
type Source =
  | { kind: "loss"; deal: DealF }
  | { kind: "deal"; deal: DealF }
  | { kind: "case-field"; kase: CaseF }
  | { kind: "case-text"; kase: CaseF }
  | { kind: "interaction"; interaction: InteractionF }
  | { kind: "deepening"; step: Deepening }

function refOf(s: Source): RecordRef {
  switch (s.kind) {
    case "loss":
    case "deal":
      return s.deal
    case "case-field":
    case "case-text":
      return s.kase
    case "interaction":
      return s.interaction
    case "deepening":
      return s.step.quote
  }
}

function reasonOf(s: Source, c: Criterion): Message {
  const criterion = nested(msg(`a.criterion.${c}`))
  switch (s.kind) {
    case "loss":
      return msg("a.criteria.ev.loss", { title: quote(s.deal.title), reason: quote(s.deal.lossReason), criterion })
    case "deal":
      return msg("a.criteria.ev.deal", { title: quote(s.deal.title), criterion, cue: quote(cueText(s.deal, c)) })
    case "case-field":
      return msg("a.criteria.ev.caseField", { title: quote(s.kase.title), value: quote(s.kase.fieldCriterion?.value), criterion })
    case "case-text":
      return msg("a.criteria.ev.caseText", { title: quote(s.kase.title), criterion, cue: quote(cueText(s.kase, c)) })
    case "interaction": {
      const i = s.interaction
      const params = { channel: nested(msg(`a.channel.${i.channel}`)), title: quote(i.title), criterion, cue: quote(cueText(i, c)) }
      return i.direction === "inbound" ? msg("a.criteria.ev.inbound", params) : msg("a.criteria.ev.logged", params)
    }
    case "deepening":
      return msg("a.criteria.ev.deepening", { title: quote(s.step.quote.title), revision: s.step.quote.revision, from: percentOf(Math.round(s.step.from) / 100), to: percentOf(Math.round(s.step.to) / 100) })
  }
}

const BIT_OF: Record<Criterion, number> = { price: CUE.price, quality: CUE.quality, delivery: CUE.delivery, support: CUE.support }
/** The criteria's bits by index, in CRITERIA order (the tallies below are kept by index). */
const CRITERION_BITS: readonly number[] = CRITERIA.map((c) => BIT_OF[c])

/** Bits set in a 4-bit criteria mask. */
const BITS = [0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4]

/** Points per criterion. */
type Tally = Record<Criterion, number>
const zero = (): Tally => ({ price: 0, quality: 0, delivery: 0, support: 0 })
const sumOf = (t: Tally) => t.price + t.quality + t.delivery + t.support
function leaderOf(t: Tally): { first: Criterion; second: Criterion } {
  const ranked = [...CRITERIA].sort((a, b) => t[b] - t[a])
  return { first: ranked[0]!, second: ranked[1]! }
}

/** One period's votes (issue 13 regime): raw points, records, and the best records per criterion. */
interface Period {
  points: Tally
  records: number
  top: Record<Criterion, TopK<Source>>
  /** `points` and `top` by CRITERIA index while votes are counted (`points` is filled after). */
  sums: Float64Array
  tops: ReadonlyArray<TopK<Source>>
  /** Records voting for each criterion, by CRITERIA index. */
  voters: Int32Array
  /** The earliest vote for each criterion, by CRITERIA index (Infinity when none). */
  firsts: Float64Array
}
function period(): Period {
  const top = { price: new TopK<Source>(4), quality: new TopK<Source>(4), delivery: new TopK<Source>(4), support: new TopK<Source>(4) }
  return { points: zero(), records: 0, top, sums: new Float64Array(CRITERIA.length), tops: CRITERIA.map((c) => top[c]), voters: new Int32Array(CRITERIA.length), firsts: new Float64Array(CRITERIA.length).fill(Infinity) }
}

/** The tally of sums kept by CRITERIA index (the same additions in the same order: exact). */
function tallyOf(sums: Float64Array): Tally {
  const t = zero()
  CRITERIA.forEach((c, k) => (t[c] = sums[k]!))
  return t
}

/** The criterion the customer decided on before the recent window and the one since. */
export interface CriteriaShift {
  since: number
  /** The first record of the recent period voting for the new leader. */
  first: number
  before: Criterion
  after: Criterion
  beforeShare: number
  afterShare: number
  beforeEvidence: Evidence[]
  afterEvidence: Evidence[]
}

const enough = (p: Period) => sumOf(p.points) >= REGIME.minPeriodPoints && p.records >= REGIME.minPeriodRecords

/** A clear leader of the recent period that was a minor criterion before, with the leader
 * before (a quality/service account may split its earlier votes without a majority). The new
 * leader needs REGIME.minPeriodRecords records of its own: two price emails in a year after eight
 * years of quality reviews are something to watch, not a relationship that changed. */
function periodShift(earlier: Period, recent: Period): { before: Criterion; after: Criterion } | null {
  if (!enough(earlier) || !enough(recent)) return null
  const now = leaderOf(recent.points)
  const recentTotal = sumOf(recent.points)
  if (recent.points[now.first] <= recent.points[now.second] || recent.points[now.first] < REGIME.minLeaderShare * recentTotal) return null
  if (recent.voters[CRITERIA.indexOf(now.first)]! < REGIME.minPeriodRecords) return null
  const before = leaderOf(earlier.points).first
  const rise = recent.points[now.first] / recentTotal - earlier.points[now.first] / sumOf(earlier.points)
  return before !== now.first && rise >= REGIME.minShareRise ? { before, after: now.first } : null
}

/**
 * Votes decay with age (parameters.ts RECENCY), so the label says what the customer decides on
 * now. The last REGIME.windowDays are also tallied apart from the years before: when both show a
 * clear and different leader, the relationship changed and the recent period alone decides.
 */
export function decisionCriteria(fs: FeatureSet, ledger: LedgerResult, now: number): CriteriaResult {
  const top: Record<Criterion, TopK<Source>> = { price: new TopK(), quality: new TopK(), delivery: new TopK(), support: new TopK() }
  // Counted by index (a vote touches up to four criteria, thousands of votes in a long history):
  // a typed array and a list, not keyed loads and stores by criterion name.
  const sums = new Float64Array(CRITERIA.length)
  const tops = CRITERIA.map((c) => top[c])
  const since = now - REGIME.windowDays * TIME.DAY
  const recent = period()
  const earlier = period()
  let earliest = Infinity
  let rawTotal = 0
  let records = 0

  // One record's vote, split across the criteria in its mask. `make` runs only if a criterion keeps it.
  const vote = <R extends RecordRef>(ref: R, mask: number, weight: number, make: (ref: R) => Source) => {
    const share = weight / BITS[mask]!
    const decayed = share * recency(ref.at, now)
    records++
    rawTotal += weight
    const side = ref.at === undefined || ref.at > now ? null : ref.at > since ? recent : earlier
    if (side) side.records++
    if (ref.at !== undefined && ref.at < earliest) earliest = ref.at
    let source: Source | null = null
    for (let k = 0; k < CRITERION_BITS.length; k++) {
      if ((mask & CRITERION_BITS[k]!) === 0) continue
      sums[k] = sums[k]! + decayed
      const best = tops[k]!
      if (best.accepts(decayed, ref.at, ref.key)) best.add((source ??= make(ref)), ref.key, decayed, ref.at)
      if (side) {
        side.sums[k] = side.sums[k]! + share
        side.voters[k]!++
        if (ref.at! < side.firsts[k]!) side.firsts[k] = ref.at!
        const sideBest = side.tops[k]!
        if (sideBest.accepts(share, ref.at, ref.key)) sideBest.add((source ??= make(ref)), ref.key, share, ref.at)
      }
    }
  }
  const fromLoss = (deal: DealF): Source => ({ kind: "loss", deal })
  const fromDeal = (deal: DealF): Source => ({ kind: "deal", deal })
  const fromCaseField = (kase: CaseF): Source => ({ kind: "case-field", kase })
  const fromCaseText = (kase: CaseF): Source => ({ kind: "case-text", kase })
  const fromInteraction = (interaction: InteractionF): Source => ({ kind: "interaction", interaction })

  for (const d of fs.deals) {
    const loss = d.lossCues & CRITERIA_MASK
    const text = d.voice & CRITERIA_MASK
    if (loss !== 0) vote(d, loss, P.lossReasonWeight, fromLoss)
    else if (text !== 0) vote(d, text, P.textWeight, fromDeal)
  }
  for (const k of fs.cases) {
    // A how-to question asks for help; it says nothing about what they buy on.
    if (k.isRequest) continue
    if (k.fieldCriterion) vote(k, BIT_OF[k.fieldCriterion.criterion], P.caseFieldWeight, fromCaseField)
    else if ((k.voice & CRITERIA_MASK) !== 0) vote(k, k.voice & CRITERIA_MASK, P.textWeight, fromCaseText)
  }
  // Newest first: see TopK.
  const list = fs.interactions
  for (let n = list.length - 1; n >= 0; n--) {
    const i = list[n]!
    // The customer's own words only (features.ts `voice`): their messages, and the clauses of our
    // notes whose subject is the customer; negated and dismissed criteria left out.
    const mask = i.voice & CRITERIA_MASK
    if (mask === 0) continue
    vote(i, mask, P.textWeight, fromInteraction)
  }
  for (const step of ledger.deepenings) vote(step.quote, BIT_OF.price, P.discountRevisionWeight / step.ofDeal, () => ({ kind: "deepening", step }))
  const points = tallyOf(sums)
  recent.points = tallyOf(recent.sums)
  earlier.points = tallyOf(earlier.sums)

  const evidenceOf = (t: TopK<Source>, c: Criterion) => t.items().map((s) => evidence(refOf(s), reasonOf(s, c)))
  let shift: CriteriaShift | null = null
  const change = earliest <= since - REGIME.minEarlierDays * TIME.DAY ? periodShift(earlier, recent) : null
  if (change) {
    const { before, after } = change
    shift = {
      since, before, after, first: recent.firsts[CRITERIA.indexOf(after)]!,
      beforeShare: round(earlier.points[before] / sumOf(earlier.points)),
      afterShare: round(recent.points[after] / sumOf(recent.points)),
      beforeEvidence: evidenceOf(earlier.top[before], before),
      afterEvidence: evidenceOf(recent.top[after], after)
    }
  }
  const byCriterion = {} as Record<Criterion, Evidence[]>
  if (shift) {
    // The recent period alone: the older votes describe a relationship that has ended.
    for (const c of CRITERIA) byCriterion[c] = evidenceOf(recent.top[c], c)
    return { axis: axisOf(recent.points, sumOf(recent.points), recent.records, byCriterion), byCriterion, shift }
  }
  for (const c of CRITERIA) byCriterion[c] = evidenceOf(top[c], c)
  return { axis: axisOf(points, rawTotal, records, byCriterion), byCriterion, shift }
}

/** The axis from (decayed) points; `rawTotal` and `records` measure how much evidence stands behind it. */
function axisOf(points: Tally, rawTotal: number, records: number, byCriterion: Record<Criterion, Evidence[]>): DecisionCriteriaAxis {
  const total = sumOf(points)
  const weights = {} as Record<Criterion, number>
  for (const c of CRITERIA) weights[c] = total > 0 ? points[c] / total : 0.25
  const { first, second } = leaderOf(points)
  const margin = points[first] > 0 ? (points[first] - points[second]) / points[first] : 0
  const confidence = saturation(rawTotal, P.halfConfidencePoints) * (0.5 + 0.5 * margin)
  // Rounded so that the weights still sum to exactly 1: the leader takes the rounding remainder.
  const rounded = { price: round(weights.price), quality: round(weights.quality), delivery: round(weights.delivery), support: round(weights.support) }
  if (total > 0) rounded[first] = round(1 - CRITERIA.reduce((s, c) => (c === first ? s : s + rounded[c]), 0))
  const [c1, c2, c3] = CRITERIA.filter((c) => c !== first)
  const spread = msg("a.criteria.spread", {
    c1: nested(msg(`a.criterion.${c1!}`)), p1: percentOf(weights[c1!]),
    c2: nested(msg(`a.criterion.${c2!}`)), p2: percentOf(weights[c2!]),
    c3: nested(msg(`a.criterion.${c3!}`)), p3: percentOf(weights[c3!])
  })
  if (rawTotal < P.minPoints || records < P.minRecords) {
    return {
      label: "unknown", score: 0, confidence: unknownConfidence(confidence), evidence: [], weights: rounded,
      summary: notEnough(msg("a.criteria.ne.points", { points: round(rawTotal), n: records, minPoints: P.minPoints, minRecords: P.minRecords }))
    }
  }
  // Equal within rounding: float sums in another record order must not pick another leader.
  if (round(points[first]) === round(points[second])) {
    return {
      label: "unknown", score: 0, confidence: unknownConfidence(confidence), evidence: [], weights: rounded,
      summary: msg("a.criteria.tied", { first: nested(msg(`a.criterion.${first}`)), second: nested(msg(`a.criterion.${second}`)), share: percentOf(weights[first]) })
    }
  }
  return {
    label: first, score: round(weights[first]), confidence: round(clamp01(confidence)), evidence: byCriterion[first], weights: rounded,
    summary: msg("a.criteria.summary", { criterion: nested(msg(`a.criterionCap.${first}`)), share: percentOf(weights[first]), points: round(rawTotal), n: records, spread: nested(spread) })
  }
}
