/**
 * Negotiation hints (FRAMEWORK §2; research §4 "Hints per class"), chosen by the dominance label
 * and refined by the rest of the profile. Each hint names its research and the records behind
 * it; the list is ordered most important first (priority, then the order below: warnings,
 * then the dominance playbook, then pushback and the rest).
 */
import { languageOf } from "../i18n/language"
import { list, msg, nested, type Message } from "../i18n/message"
import { renderMessage } from "../i18n/render"
import { mergeEvidence, percentOf } from "./evidence"
import { STRATEGY } from "./parameters"
import { HINT_PRIORITIES, type Evidence, type NegotiationHint, type RelationshipProfile } from "./profile"

/** Evidence per hint: enough to check it, short enough to read. */
const HINT_EVIDENCE = 5

type Priority = NegotiationHint["priority"]

function ev(...lists: ReadonlyArray<readonly Evidence[]>): Evidence[] {
  return mergeEvidence(lists, HINT_EVIDENCE)
}

/** A hint before rendering: its sentences are descriptors until the caller's language is known. */
type Draft = Omit<NegotiationHint, "title" | "text" | "messages"> & { messages: { title: Message; text: Message } }

/** The title and text of a hint whose words never change: `a.hint.<id>.title` and `.text`. */
function fixed(id: string): { title: Message; text: Message } {
  return { title: { id: `a.hint.${id}.title` }, text: { id: `a.hint.${id}.text` } }
}

class Hints {
  readonly list: Draft[] = []
  add(id: string, priority: Priority, messages: { title: Message; text: Message }, citation: string, evidence: Evidence[], rule?: string): void {
    this.list.push({ id, priority, messages, ...(rule ? { rule } : {}), citation, evidence })
  }
  sorted(): Draft[] {
    // Array.prototype.sort is stable: within a priority the catalogue order stays.
    return [...this.list].sort((a, b) => HINT_PRIORITIES.indexOf(a.priority) - HINT_PRIORITIES.indexOf(b.priority))
  }
}

const hintMsg = (id: string, text: Message): { title: Message; text: Message } => ({ title: { id: `a.hint.${id}.title` }, text })

function warnings(p: RelationshipProfile, h: Hints): void {
  const trap = p.dellTrap
  const met = Object.values(trap.conditions).filter(Boolean).length
  if (trap.flagged) {
    h.add("dell-trap", "high", fixed("dell-trap"), "BusinessWeek 2006 (Dell); Emerson 1962; Kraljic 1983", ev(trap.evidence))
  } else if (met === 2) {
    h.add("dell-trap-drift", "medium", hintMsg("dell-trap-drift", msg("a.hint.dell-trap-drift.text", { summary: nested(trap.summary) })),
      "BusinessWeek 2006 (Dell); Emerson 1962", ev(trap.evidence))
  }
  const c = p.complaints
  if (c.label === "slow" || c.trend === "rising" || p.risk.reasons.some((r) => r.signal === "open-escalations")) {
    const trend = nested(msg(`a.trend.${c.trend}`))
    const text = c.medianDaysToClose !== null
      ? msg("a.hint.resolve-complaints-first.textMedian", { open: c.open, escalated: c.escalated, total: c.total, days: Math.round(c.medianDaysToClose * 10) / 10, trend })
      : msg("a.hint.resolve-complaints-first.text", { open: c.open, escalated: c.escalated, total: c.total, trend })
    h.add("resolve-complaints-first", "high", hintMsg("resolve-complaints-first", text),
      "Emerson 1962; research §4 (complaint pressure); seed 000", ev(c.evidence))
  }
  if (p.risk.label === "at-risk") {
    h.add("retention-first", "high", hintMsg("retention-first", msg("a.hint.retention-first.text", { reasons: list(p.risk.reasons.map((r) => r.text)) })),
      "Peppers & Rogers (IDIC); seed 003", ev(...p.risk.reasons.map((r) => r.evidence)))
  }
}

function playbook(p: RelationshipProfile, h: Hints): void {
  const d = p.dominance
  const power = ev(d.evidence)
  const lowInformation = p.crmStrategy.informationCompleteness < STRATEGY.split || p.decisionCriteria.label === "unknown"
  switch (d.label) {
    case "supplier":
      h.add("hold-price-lead-value", "high", fixed("hold-price-lead-value"),
        "Emerson 1962; Karmarkar, Shiv & Knutson 2015; Waber et al. 2008", ev(d.evidence, p.dependence.evidence), "R8")
      h.add("do-not-exploit", "high", fixed("do-not-exploit"), "Kahneman, Knetsch & Thaler 1986; Campbell 1999", power, "R1")
      h.add("precise-anchor-rationale", "medium", fixed("precise-anchor-rationale"), "Janiszewski & Uy 2008; Loschelder et al. 2016", power, "R3")
      h.add("annual-commitment", "medium", fixed("annual-commitment"), "Gourville & Soman 2002", power, "R7")
      h.add("non-price-concessions", "medium", fixed("non-price-concessions"), "Research §4 (supplier-dominant hints); Waber et al. 2008", power)
      h.add("preempt-second-sourcing", "low", fixed("preempt-second-sourcing"), "Emerson 1962; Payne, Storbacka & Frow 2008", power)
      break
    case "customer": {
      if (!p.dellTrap.flagged) {
        h.add("dont-compete-on-price", "high", fixed("dont-compete-on-price"), "BusinessWeek 2006 (Dell); Kraljic 1983", power)
      }
      h.add("build-dependence", "high", fixed("build-dependence"), "Emerson 1962; GE case (power by the hour)", ev(d.evidence, p.dependence.evidence))
      const multi = p.concessions.deals.filter((e) => e.rounds > 1)
      const weMoved = multi.filter((e) => e.movedLast === "supplier").length
      const text = multi.length > 0
        ? msg("a.hint.contingent-concessions.textMoved", { moved: weMoved, n: multi.length })
        : msg("a.hint.contingent-concessions.text")
      h.add("contingent-concessions", "high", hintMsg("contingent-concessions", text), "Waber et al. 2008; research §2.14", ev(p.concessions.evidence, d.evidence), "R1")
      h.add("equivalent-packages", "medium", fixed("equivalent-packages"), "Leonardelli et al. 2019", power, "R9")
      if (lowInformation) {
        h.add("buyer-names-first", "medium", fixed("buyer-names-first"), "Negotiation Journal 39(1), 2023 (low-power first offers)", power, "R2")
      } else {
        h.add("anchor-on-target", "medium", fixed("anchor-on-target"), "Galinsky & Mussweiler 2001", power, "R2")
      }
      h.add("widen-alternatives", "low", fixed("widen-alternatives"), "Emerson 1962", power)
      break
    }
    case "balanced-interdependent":
      h.add("co-create-value", "high", fixed("co-create-value"), "Payne, Storbacka & Frow 2008; Cox 2001", power)
      h.add("bolstering-range", "medium", fixed("bolstering-range"), "Ames & Mason 2015; Leonardelli et al. 2019", power, "R9")
      h.add("rationale-always", "medium", fixed("rationale-always"), "Langer, Blank & Chanowitz 1978; Kahneman, Knetsch & Thaler 1986", power, "R1")
      h.add("round-close", "low", fixed("round-close"), "Yan & Pena-Marin 2017", power, "R3")
      break
    case "balanced-independent":
      h.add("standard-competitive-quote", "high", fixed("standard-competitive-quote"), "Cox 2001; Kraljic 1983", power)
      h.add("precise-open-round-close", "medium", fixed("precise-open-round-close"), "Mason et al. 2013; Yan & Pena-Marin 2017", power, "R3")
      break
    default:
      h.add("read-the-relationship-first", "high", hintMsg("read-the-relationship-first", msg("a.hint.read-the-relationship-first.text", { summary: nested(d.summary) })),
        "Emerson 1962", [])
      h.add("rationale-always", "medium", fixed("rationale-always"), "Langer, Blank & Chanowitz 1978; Kahneman, Knetsch & Thaler 1986", [], "R1")
  }
}

function pushbackHint(p: RelationshipProfile, h: Hints): void {
  const b = p.pushback
  const constraint = nested(msg("a.hint.pushback-reading.constraint"))
  const disparagement = nested(msg("a.hint.pushback-reading.disparagement"))
  const text =
    b.label === "constraint" ? msg("a.hint.pushback-reading.textConstraint", { n: b.constraint, constraint })
      : b.label === "disparagement" ? msg("a.hint.pushback-reading.textDisparagement", { n: b.disparagement, disparagement })
        : b.label === "mixed" ? msg("a.hint.pushback-reading.textMixed", { constraint, disparagement })
          : msg("a.hint.pushback-reading.textNone", { constraint, disparagement })
  h.add("pushback-reading", b.label === "none" ? "low" : "medium", hintMsg("pushback-reading", text), "Lee & Ames 2017", ev(b.evidence), "R10")
}

function context(p: RelationshipProfile, h: Hints): void {
  const c = p.decisionCriteria
  if (c.label !== "unknown" && c.label !== "price") {
    const criterion = nested(msg(`a.criterion.${c.label}`))
    h.add("lead-with-criterion", "medium", {
      title: msg("a.hint.lead-with-criterion.title", { criterion }),
      text: msg("a.hint.lead-with-criterion.text", { Criterion: nested(msg(`a.criterionCap.${c.label}`)), share: percentOf(c.weights[c.label]), criterion })
    }, "Karmarkar, Shiv & Knutson 2015; research §4 (criteria)", ev(c.evidence), "R8")
  }
  if (p.valueTier.label === "top") {
    h.add("top-tier-individualise", "medium", hintMsg("top-tier-individualise", msg("a.hint.top-tier-individualise.text", { share: percentOf(p.valueTier.percentile ?? 0) })),
      "Peppers & Rogers (IDIC)", ev(p.valueTier.evidence))
  }
  if (p.crmStrategy.label === "product-based-selling") {
    h.add("generic-rules-only", "low", fixed("generic-rules-only"), "Payne & Frow 2005", ev(p.crmStrategy.evidence))
  }
}

/** The hint as the contract gives it: title and text rendered in one language, descriptors alongside. */
export function renderHint(draft: Draft, locale?: string): NegotiationHint {
  const language = languageOf(locale)
  const { messages, ...rest } = draft
  return { ...rest, title: renderMessage(messages.title, language), text: renderMessage(messages.text, language), messages }
}

/**
 * Negotiation hints for a profile, most important first. `title` and `text` are in the language
 * of `locale` (`fa-IR` → Persian, anything else or nothing → English); `messages` holds the
 * descriptors they came from, so a caller can render them again in another language.
 */
export function negotiationHints(profile: RelationshipProfile, options: { locale?: string } = {}): NegotiationHint[] {
  const h = new Hints()
  warnings(profile, h)
  playbook(profile, h)
  pushbackHint(profile, h)
  context(profile, h)
  return h.sorted().map((draft) => renderHint(draft, options.locale))
}

