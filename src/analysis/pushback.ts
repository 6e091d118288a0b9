/**
 * Buyer pushback seen in the history (Lee & Ames 2017): "we can't pay more" (a constraint, a
 * signal of their limit) versus "it isn't worth more" (disparagement of our value). The two call
 * for different answers, so the hint reads which one this buyer uses.
 */
import { msg, nested } from "../i18n/message"
import { evidence, quote, round, TopK } from "./evidence"
import { cueText, type FeatureSet, type InteractionF } from "./features"
import { CUE } from "./lexicon"
import { GENERAL, PUSHBACK as P } from "./parameters"
import type { Pushback } from "./profile"
import { recency } from "./timeline"

const PUSHBACK_CUES = CUE.constraint | CUE.disparagement

/** What the history's pushback adds up to: counts, recency weights and the most telling records. */
interface Tally {
  constraint: number
  disparagement: number
  constraintWeight: number
  disparagementWeight: number
  constraintTop: TopK<InteractionF>
  disparagementTop: TopK<InteractionF>
}

/**
 * The pass over the interactions, apart from what `pushback` does with it. A function run once per
 * classification is compiled while its loop is hot, before the code after the loop has ever run;
 * that code then had no type feedback and deoptimized on every classification (traced in
 * Chromium), running the rest of the function in the interpreter. Here nothing follows the loop.
 */
function tally(list: readonly InteractionF[], now: number): Tally {
  const t: Tally = { constraint: 0, disparagement: 0, constraintWeight: 0, disparagementWeight: 0, constraintTop: new TopK(), disparagementTop: new TopK() }
  // Newest first: see TopK.
  for (let n = list.length - 1; n >= 0; n--) {
    const i = list[n]!
    // The buyer's own words only (features.ts `voice`), negated pushback ("not overpriced") left out.
    if ((i.voice & PUSHBACK_CUES) === 0) continue
    const w = recency(i.at, now)
    if ((i.voice & CUE.constraint) !== 0) {
      t.constraint++
      t.constraintWeight += w
      t.constraintTop.add(i, i.key, w, i.at)
    }
    if ((i.voice & CUE.disparagement) !== 0) {
      t.disparagement++
      t.disparagementWeight += w
      t.disparagementTop.add(i, i.key, w, i.at)
    }
  }
  return t
}

/** The counts are what was seen; the label weighs them by recency (parameters.ts RECENCY): a
 * buyer who pleaded budget years ago and disparages our value now is disparaging. */
export function pushback(fs: FeatureSet, now: number): Pushback {
  const { constraint, disparagement, constraintWeight, disparagementWeight, constraintTop, disparagementTop } = tally(fs.interactions, now)
  const total = constraint + disparagement
  const weight = constraintWeight + disparagementWeight
  const score = weight > 0 ? (constraintWeight - disparagementWeight) / weight : 0
  const label: Pushback["label"] =
    total === 0 ? "none"
      : constraintWeight >= P.dominance * disparagementWeight ? "constraint"
        : disparagementWeight >= P.dominance * constraintWeight ? "disparagement"
          : "mixed"
  // The leading kind's records first, the other's after them up to the cap: each reason (a
  // rescan of the record's text for its words) is written only for the records shown.
  const constraintReason = (i: InteractionF) =>
    evidence(i, msg("a.pushback.ev.constraint", { channel: nested(msg(`a.channelThe.${i.channel}`)), title: quote(i.title), cue: quote(cueText(i, "constraint")) }))
  const disparagementReason = (i: InteractionF) =>
    evidence(i, msg("a.pushback.ev.disparagement", { channel: nested(msg(`a.channelThe.${i.channel}`)), title: quote(i.title), cue: quote(cueText(i, "disparagement")) }))
  const [lead, leadReason, other, otherReason] = label === "disparagement"
    ? [disparagementTop, disparagementReason, constraintTop, constraintReason] as const
    : [constraintTop, constraintReason, disparagementTop, disparagementReason] as const
  const items = lead.items().slice(0, GENERAL.maxEvidence).map(leadReason)
  for (const i of other.items()) {
    if (items.length >= GENERAL.maxEvidence) break
    items.push(otherReason(i))
  }
  return {
    label,
    score: round(score),
    constraint,
    disparagement,
    evidence: items,
    summary: total === 0
      ? msg("a.pushback.none")
      : msg("a.pushback.summary", { constraint, disparagement })
  }
}
