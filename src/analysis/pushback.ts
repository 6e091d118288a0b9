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

/** The counts are what was seen; the label weighs them by recency (parameters.ts RECENCY): a
 * buyer who pleaded budget years ago and disparages our value now is disparaging. */
export function pushback(fs: FeatureSet, now: number): Pushback {
  let constraint = 0
  let disparagement = 0
  let constraintWeight = 0
  let disparagementWeight = 0
  const constraintTop = new TopK<InteractionF>()
  const disparagementTop = new TopK<InteractionF>()
  // Newest first: see TopK.
  for (let n = fs.interactions.length - 1; n >= 0; n--) {
    const i = fs.interactions[n]!
    // The buyer's own words only (features.ts `voice`), negated pushback ("not overpriced") left out.
    if ((i.voice & PUSHBACK_CUES) === 0) continue
    const w = recency(i.at, now)
    if ((i.voice & CUE.constraint) !== 0) {
      constraint++
      constraintWeight += w
      constraintTop.add(i, i.key, w, i.at)
    }
    if ((i.voice & CUE.disparagement) !== 0) {
      disparagement++
      disparagementWeight += w
      disparagementTop.add(i, i.key, w, i.at)
    }
  }
  const constraintItems = constraintTop.items().map((i) =>
    evidence(i, msg("a.pushback.ev.constraint", { channel: nested(msg(`a.channelThe.${i.channel}`)), title: quote(i.title), cue: quote(cueText(i, "constraint")) })))
  const disparagementItems = disparagementTop.items().map((i) =>
    evidence(i, msg("a.pushback.ev.disparagement", { channel: nested(msg(`a.channelThe.${i.channel}`)), title: quote(i.title), cue: quote(cueText(i, "disparagement")) })))
  const total = constraint + disparagement
  const weight = constraintWeight + disparagementWeight
  const score = weight > 0 ? (constraintWeight - disparagementWeight) / weight : 0
  const label: Pushback["label"] =
    total === 0 ? "none"
      : constraintWeight >= P.dominance * disparagementWeight ? "constraint"
        : disparagementWeight >= P.dominance * constraintWeight ? "disparagement"
          : "mixed"
  const lists = label === "disparagement" ? [disparagementItems, constraintItems] : [constraintItems, disparagementItems]
  return {
    label,
    score: round(score),
    constraint,
    disparagement,
    evidence: lists.flat().slice(0, GENERAL.maxEvidence),
    summary: total === 0
      ? msg("a.pushback.none")
      : msg("a.pushback.summary", { constraint, disparagement })
  }
}
