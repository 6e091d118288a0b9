/**
 * Negotiation hints (FRAMEWORK §2; research §4 "Hints per class"), chosen by the dominance label
 * and refined by the rest of the profile. Each hint names its research and the records behind
 * it; the list is ordered most important first (priority, then the order below: warnings,
 * then the dominance playbook, then pushback and the rest).
 */
import { fmt, mergeEvidence, percent, plural } from "./evidence"
import { STRATEGY } from "./parameters"
import { HINT_PRIORITIES, type Evidence, type NegotiationHint, type RelationshipProfile } from "./profile"

/** Evidence per hint: enough to check it, short enough to read. */
const HINT_EVIDENCE = 5

type Priority = NegotiationHint["priority"]

function ev(...lists: ReadonlyArray<readonly Evidence[]>): Evidence[] {
  return mergeEvidence(lists, HINT_EVIDENCE)
}

class Hints {
  readonly list: NegotiationHint[] = []
  add(id: string, priority: Priority, title: string, text: string, citation: string, evidence: Evidence[], rule?: string): void {
    this.list.push({ id, priority, title, text, ...(rule ? { rule } : {}), citation, evidence })
  }
  sorted(): NegotiationHint[] {
    // Array.prototype.sort is stable: within a priority the catalogue order stays.
    return [...this.list].sort((a, b) => HINT_PRIORITIES.indexOf(a.priority) - HINT_PRIORITIES.indexOf(b.priority))
  }
}

function warnings(p: RelationshipProfile, h: Hints): void {
  const trap = p.dellTrap
  const met = Object.values(trap.conditions).filter(Boolean).length
  if (trap.flagged) {
    h.add("dell-trap", "high", "Dell trap: stop competing on price alone",
      "This customer buys on price, holds the power and has had a deeper discount each deal. Another discount buys no loyalty: add what they would lose by switching (services, integration, co-created value) and trade every further concession for volume, term or scope.",
      "BusinessWeek 2006 (Dell); Emerson 1962; Kraljic 1983", ev(trap.evidence))
  } else if (met === 2) {
    h.add("dell-trap-drift", "medium", "Drifting toward the Dell trap", `${trap.summary} Give the next concession only in exchange for something, and lead with what is not price.`,
      "BusinessWeek 2006 (Dell); Emerson 1962", ev(trap.evidence))
  }
  const c = p.complaints
  if (c.label === "slow" || c.trend === "rising" || p.risk.reasons.some((r) => r.signal === "open-escalations")) {
    h.add("resolve-complaints-first", "high", "Fix service before negotiating price",
      `${c.open} open and ${c.escalated} escalated of ${c.total} cases${c.medianDaysToClose !== null ? `, median ${fmt(c.medianDaysToClose)} days to close` : ""}, trend ${c.trend}. Complaint pressure is customer power: resolve or schedule the open cases before quoting, and do not pay for slow service with a discount.`,
      "Emerson 1962; research §4 (complaint pressure); seed 000", ev(c.evidence))
  }
  if (p.risk.label === "at-risk") {
    h.add("retention-first", "high", "Protect the relationship before pushing price",
      `${p.risk.reasons.map((r) => r.text).join(" ")} Re-engage the decision makers and settle open issues before asking for more.`,
      "Peppers & Rogers (IDIC); seed 003", ev(...p.risk.reasons.map((r) => r.evidence)))
  }
}

function playbook(p: RelationshipProfile, h: Hints): void {
  const d = p.dominance
  const power = ev(d.evidence)
  const lowInformation = p.crmStrategy.informationCompleteness < STRATEGY.split || p.decisionCriteria.label === "unknown"
  switch (d.label) {
    case "supplier":
      h.add("hold-price-lead-value", "high", "Hold price and lead with value",
        "The customer depends on us more than we on them. Open with the value and savings this account gets, then the price, and do not discount unprompted: a cut without a reason reads as lower quality.",
        "Emerson 1962; Karmarkar, Shiv & Knutson 2015; Waber et al. 2008", ev(d.evidence, p.dependence.evidence), "R8")
      h.add("do-not-exploit", "high", "Don't exploit the position",
        "No increases justified by demand or scarcity (82% judge them unfair); pass on real cost increases with their reason. Power used unfairly invites the customer to rebalance it.",
        "Kahneman, Knetsch & Thaler 1986; Campbell 1999", power, "R1")
      h.add("precise-anchor-rationale", "medium", "Open with a precise anchor and its rationale",
        "Anchor first with a precise figure (3-4 significant digits) and one line of reasoning; experienced buyers need the rationale.",
        "Janiszewski & Uy 2008; Loschelder et al. 2016", power, "R3")
      h.add("annual-commitment", "medium", "Go for an annual commitment, with usage reports",
        "Headline the annual figure and schedule usage/value reports: prepaid value fades from view before renewal.",
        "Gourville & Soman 2002", power, "R7")
      h.add("non-price-concessions", "medium", "Concede on terms, not price",
        "When something must give, give service levels, payment timing, training or scope — not the unit price.",
        "Research §4 (supplier-dominant hints); Waber et al. 2008", power)
      h.add("preempt-second-sourcing", "low", "Expect a second source; pre-empt it",
        "A dependent customer will try to rebalance by adding suppliers. Keep them invested with a co-created roadmap.",
        "Emerson 1962; Payne, Storbacka & Frow 2008", power)
      break
    case "customer": {
      if (!p.dellTrap.flagged) {
        h.add("dont-compete-on-price", "high", "Don't compete on price alone",
          "The customer holds the power. Matching the lowest price keeps no customer: differentiate on what is not price.",
          "BusinessWeek 2006 (Dell); Kraljic 1983", power)
      }
      h.add("build-dependence", "high", "Build dependence: services, integration, co-created value",
        "Raise what the customer would lose by switching: attached services, integration with their systems, joint development (the GE and Siemens pattern).",
        "Emerson 1962; GE case (power by the hour)", ev(d.evidence, p.dependence.evidence))
      const multi = p.concessions.deals.filter((e) => e.rounds > 1)
      const weMoved = multi.filter((e) => e.movedLast === "supplier").length
      h.add("contingent-concessions", "high", "Trade, don't give",
        `${multi.length > 0 ? `We moved last in ${weMoved} of ${multi.length} negotiated deals. ` : ""}Make every concession contingent: a discount only for volume, term, payment or scope, with that reason stated.`,
        "Waber et al. 2008; research §2.14", ev(p.concessions.evidence, d.evidence), "R1")
      h.add("equivalent-packages", "medium", "Offer 2-3 equivalent packages",
        "Several offers of equal value to us (price, term, service mixes) anchor better than one and keep the talk cooperative.",
        "Leonardelli et al. 2019", power, "R9")
      if (lowInformation) {
        h.add("buyer-names-first", "medium", "Let the buyer name the first figure",
          "We know little about their price limits: let them open, or anchor on our target price rather than our walk-away.",
          "Negotiation Journal 39(1), 2023 (low-power first offers)", power, "R2")
      } else {
        h.add("anchor-on-target", "medium", "Anchor first, on the account's own history",
          "We know this account well: open first, with their previous prices or the list price shown as the reference.",
          "Galinsky & Mussweiler 2001", power, "R2")
      }
      h.add("widen-alternatives", "low", "Widen our own alternatives",
        "Our dependence on this account is their power: grow other accounts in the segment.",
        "Emerson 1962", power)
      break
    }
    case "balanced-interdependent":
      h.add("co-create-value", "high", "Co-create value",
        "Both sides depend on each other: grow the pie with joint planning, pilots and shared roadmaps before dividing it.",
        "Payne, Storbacka & Frow 2008; Cox 2001", power)
      h.add("bolstering-range", "medium", "Use a bolstering range or equivalent packages",
        "Offer a range starting at the point price (about 5% wide) or 2-3 equivalent packages.",
        "Ames & Mason 2015; Leonardelli et al. 2019", power, "R9")
      h.add("rationale-always", "medium", "Give a reason for every price",
        "Every price, discount and increase carries one substantive \"because\".",
        "Langer, Blank & Chanowitz 1978; Kahneman, Knetsch & Thaler 1986", power, "R1")
      h.add("round-close", "low", "Close with a round figure",
        "Once terms converge, make the closing offer round: round offers are accepted more often.",
        "Yan & Pena-Marin 2017", power, "R3")
      break
    case "balanced-independent":
      h.add("standard-competitive-quote", "high", "Send a standard competitive quote",
        "Neither side depends much on the other: a transactional relationship. Quote competitively on standard terms; don't invest in bespoke concessions.",
        "Cox 2001; Kraljic 1983", power)
      h.add("precise-open-round-close", "medium", "Precise opening, round close",
        "Open with a precise figure, close with a round one.",
        "Mason et al. 2013; Yan & Pena-Marin 2017", power, "R3")
      break
    default:
      h.add("read-the-relationship-first", "high", "Find out who holds the power before quoting",
        `${d.summary} Ask about their alternatives, what they decide on and what switching would cost them before setting a price.`,
        "Emerson 1962", [])
      h.add("rationale-always", "medium", "Give a reason for every price",
        "Every price, discount and increase carries one substantive \"because\".",
        "Langer, Blank & Chanowitz 1978; Kahneman, Knetsch & Thaler 1986", [], "R1")
  }
}

function pushbackHint(p: RelationshipProfile, h: Hints): void {
  const b = p.pushback
  const constraint = "\"We can't pay more\" is a constraint: take it as their limit and trade terms or scope (term length, volume, payment timing, a smaller first phase) rather than the unit price."
  const disparagement = "\"It isn't worth more\" is disparagement: re-justify the value with the account's own numbers and don't cut the price — a cut would confirm the claim."
  const text =
    b.label === "constraint" ? `This buyer pleads limits (${plural(b.constraint, "time")}). ${constraint}`
      : b.label === "disparagement" ? `This buyer questions our value (${plural(b.disparagement, "time")}). ${disparagement}`
        : b.label === "mixed" ? `This buyer uses both kinds of pushback. ${constraint} ${disparagement}`
          : `When they push back, tell which kind it is. ${constraint} ${disparagement}`
  h.add("pushback-reading", b.label === "none" ? "low" : "medium", "Read the pushback: constraint or disparagement", text, "Lee & Ames 2017", ev(b.evidence), "R10")
}

function context(p: RelationshipProfile, h: Hints): void {
  const c = p.decisionCriteria
  if (c.label !== "unknown" && c.label !== "price") {
    h.add("lead-with-criterion", "medium", `Lead with ${c.label}`,
      `${c.label[0]!.toUpperCase()}${c.label.slice(1)} carries ${percent(c.weights[c.label])} of what this customer decides on: put our ${c.label} record before the price.`,
      "Karmarkar, Shiv & Knutson 2015; research §4 (criteria)", ev(c.evidence), "R8")
  }
  if (p.valueTier.label === "top") {
    h.add("top-tier-individualise", "medium", "A top-tier account: individualise",
      `This account is above ${percent(p.valueTier.percentile ?? 0)} of the accounts we know: give it individual terms and senior attention.`,
      "Peppers & Rogers (IDIC)", ev(p.valueTier.evidence))
  }
  if (p.crmStrategy.label === "product-based-selling") {
    h.add("generic-rules-only", "low", "We know little: suggestions stay generic",
      "With little customer information and a standard offer, only general pricing rules apply. Log contacts, needs and loss reasons to make them specific.",
      "Payne & Frow 2005", ev(p.crmStrategy.evidence))
  }
}

/** Negotiation hints for a profile, most important first. */
export function negotiationHints(profile: RelationshipProfile): NegotiationHint[] {
  const h = new Hints()
  warnings(profile, h)
  playbook(profile, h)
  pushbackHint(profile, h)
  context(profile, h)
  return h.sorted()
}
