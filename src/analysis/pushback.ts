/**
 * Buyer pushback seen in the history (Lee & Ames 2017): "we can't pay more" (a constraint, a
 * signal of their limit) versus "it isn't worth more" (disparagement of our value). The two call
 * for different answers, so the hint reads which one this buyer uses.
 */
import { evidence, plural, quote, round, TopK } from "./evidence"
import type { FeatureSet } from "./features"
import { GENERAL, PUSHBACK as P } from "./parameters"
import type { Evidence, Pushback } from "./profile"

export function pushback(fs: FeatureSet): Pushback {
  let constraint = 0
  let disparagement = 0
  const constraintTop = new TopK<Evidence>()
  const disparagementTop = new TopK<Evidence>()
  for (const i of fs.interactions) {
    // The buyer's words arrive inbound or are logged by the rep; our own outbound mail is not pushback.
    if (!i.pushback || i.direction === "outbound") continue
    const c = i.pushback.constraint
    const d = i.pushback.disparagement
    if (c !== undefined) {
      constraint++
      constraintTop.push(evidence(i, `${i.channel} ${quote(i.title)} pleads a limit (${quote(c)}): a constraint, not a judgement of our value.`), i.key, 1, i.at)
    }
    if (d !== undefined) {
      disparagement++
      disparagementTop.push(evidence(i, `${i.channel} ${quote(i.title)} questions our value (${quote(d)}): disparagement.`), i.key, 1, i.at)
    }
  }
  const total = constraint + disparagement
  const score = total > 0 ? (constraint - disparagement) / total : 0
  const label: Pushback["label"] =
    total === 0 ? "none"
      : constraint >= P.dominance * disparagement ? "constraint"
        : disparagement >= P.dominance * constraint ? "disparagement"
          : "mixed"
  const lists = label === "disparagement" ? [disparagementTop.items(), constraintTop.items()] : [constraintTop.items(), disparagementTop.items()]
  return {
    label,
    score: round(score),
    constraint,
    disparagement,
    evidence: lists.flat().slice(0, GENERAL.maxEvidence),
    summary: total === 0
      ? "No price pushback in the history."
      : `${plural(constraint, "constraint")} ("can't pay more") and ${plural(disparagement, "disparagement")} ("not worth it") in the history.`
  }
}
