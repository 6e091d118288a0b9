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

const PUSHBACK_CUES = CUE.constraint | CUE.disparagement

export function pushback(fs: FeatureSet): Pushback {
  let constraint = 0
  let disparagement = 0
  const constraintTop = new TopK<InteractionF>()
  const disparagementTop = new TopK<InteractionF>()
  // Newest first: see TopK.
  for (let n = fs.interactions.length - 1; n >= 0; n--) {
    const i = fs.interactions[n]!
    // The buyer's own words only (features.ts `voice`), negated pushback ("not overpriced") left out.
    if ((i.voice & PUSHBACK_CUES) === 0) continue
    if ((i.voice & CUE.constraint) !== 0) {
      constraint++
      constraintTop.add(i, i.key, 1, i.at)
    }
    if ((i.voice & CUE.disparagement) !== 0) {
      disparagement++
      disparagementTop.add(i, i.key, 1, i.at)
    }
  }
  const constraintItems = constraintTop.items().map((i) =>
    evidence(i, msg("a.pushback.ev.constraint", { channel: nested(msg(`a.channelThe.${i.channel}`)), title: quote(i.title), cue: quote(cueText(i, "constraint")) })))
  const disparagementItems = disparagementTop.items().map((i) =>
    evidence(i, msg("a.pushback.ev.disparagement", { channel: nested(msg(`a.channelThe.${i.channel}`)), title: quote(i.title), cue: quote(cueText(i, "disparagement")) })))
  const total = constraint + disparagement
  const score = total > 0 ? (constraint - disparagement) / total : 0
  const label: Pushback["label"] =
    total === 0 ? "none"
      : constraint >= P.dominance * disparagement ? "constraint"
        : disparagement >= P.dominance * constraint ? "disparagement"
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
