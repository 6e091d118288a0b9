/**
 * Negotiation hints (FRAMEWORK §2; research §4 "Hints per class"), chosen by the dominance label
 * and refined by the rest of the profile. Each hint names its research and the records behind
 * it; the list is ordered most important first (priority, then the order below: warnings,
 * then the dominance playbook, then pushback and the rest).
 */
import { languageOf } from "../i18n/language"
import { amount, date, list, msg, nested, quote, text, type Message } from "../i18n/message"
import { renderMessage } from "../i18n/render"
import { joinMessages, mergeEvidence, percentOf } from "./evidence"
import { priceLimitsKnown } from "./limits"
import { ADVICE, COMPLAINTS, STRATEGY } from "./parameters"
import { HINT_PRIORITIES, type Evidence, type LedgerEntry, type NegotiationHint, type RelationshipProfile, type RiskReason } from "./profile"

/** Evidence per hint: enough to check it, short enough to read. */
const HINT_EVIDENCE = 5

type Priority = NegotiationHint["priority"]

function ev(...lists: ReadonlyArray<readonly Evidence[]>): Evidence[] {
  return mergeEvidence(lists, HINT_EVIDENCE)
}

/** A hint before rendering: its sentences are descriptors until the caller's language is known. */
type Draft = Omit<NegotiationHint, "title" | "text" | "messages"> & { messages: { title: Message; text: Message } }

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


/*
 * Advice about this account (issue 13): each hint states the account's own facts — the discount
 * path per deal, the deals lost and why, the competitors named, who moved last, how long since the
 * customer last reached out, a change of regime — and a concrete next move: the floor the
 * concession ledger supports, what to trade a further concession for, and a line to paste into
 * the quote (R1: a reason makes a request acceptable, Langer, Blank & Chanowitz 1978).
 */

/** Sentences one after another: facts first, then the advice, then the next move. */
function sentences(parts: ReadonlyArray<Message | null | undefined>): Message {
  return msg("a.hint.sentences", { sentences: list(parts.filter((m): m is Message => m !== null && m !== undefined)) })
}

const discounted = (e: LedgerEntry) => e.revisions.some((r) => r.discountPercent !== null)

function dealName(e: LedgerEntry): Message {
  return e.name !== null && e.name.trim() !== "" ? msg("a.fact.name", { name: quote(e.name) }) : msg("a.fact.dealUnnamed")
}

/** "RFQ desktops Q2: 8 → 12 → 15 % off list, lost." for the most recent deals, oldest first. */
function pathFacts(p: RelationshipProfile, max: number = ADVICE.maxPaths): Message[] {
  return p.concessions.deals.filter(discounted).slice(-max).map((e) => {
    const steps = e.revisions.flatMap((r) => (r.discountPercent === null ? [] : [msg("a.fact.value", { v: r.discountPercent })]))
    const path = steps.slice(1).reduce((a, b) => msg("a.fact.step", { a: nested(a), b: nested(b) }), steps[0]!)
    return msg(`a.fact.path.${e.outcome}`, { name: nested(dealName(e)), path: nested(path) })
  })
}

/** "2 deals lost: “RFQ desktops Q2” (“Price - competitor 8% cheaper”); …" */
function lossFact(p: RelationshipProfile): Message | null {
  const c = p.competition
  if (!c || c.losses.length === 0) return null
  const items = c.losses.map((l) => {
    const name = l.name !== null ? msg("a.fact.name", { name: quote(l.name) }) : msg("a.fact.dealUnnamed")
    return l.lossReason !== null ? msg("a.fact.loss", { name: nested(name), reason: quote(l.lossReason) }) : msg("a.fact.lossNoReason", { name: nested(name) })
  })
  return msg("a.fact.losses", { n: c.lostTotal, items: nested(joinMessages(items, "a.join.semi")) })
}

function competitorFact(p: RelationshipProfile): Message | null {
  const names = p.competition?.competitors ?? []
  if (names.length === 0) return null
  return msg("a.fact.competitors", { names: nested(joinMessages(names.map((c) => msg("a.fact.competitor", { name: text(c.name) })), "a.join.comma")) })
}

/** Their threats to take the business elsewhere, said beside the price advice: a buyer who keeps
 * naming a way out is pressing for the next concession. The retention hint lists them itself. */
function threatReason(p: RelationshipProfile): RiskReason | null {
  if (p.risk.label === "at-risk") return null
  return p.risk.reasons.find((r) => r.signal === "churn-threat") ?? null
}

function movedLastFact(p: RelationshipProfile): Message | null {
  const multi = p.concessions.deals.filter((e) => e.rounds > 1)
  if (multi.length === 0) return null
  const ours = multi.filter((e) => e.movedLast === "supplier")
  if (ours.length === 0) return msg("a.fact.movedLastNone", { n: multi.length })
  return msg("a.fact.movedLast", { moved: ours.length, n: multi.length, deals: nested(joinMessages(ours.slice(-ADVICE.maxPaths).map(dealName), "a.join.comma")) })
}

function contactFact(p: RelationshipProfile): Message | null {
  const e = p.engagement
  if (!e) return null
  if (e.daysSinceCustomerContact === null) return e.humanContacts > 0 ? msg("a.fact.noContact") : null
  const days = Math.round(e.daysSinceCustomerContact)
  return e.usualGapDays !== null
    ? msg("a.fact.lastContactGap", { days, gap: Math.round(e.usualGapDays) })
    : msg("a.fact.lastContact", { days })
}

/** "The relationship changed: since <date> …" when the regime reading found a change. */
function regimeFact(p: RelationshipProfile): Message | null {
  const r = p.regime
  if (!r || !r.changed || r.since === null || r.changes.length === 0) return null
  return msg("a.fact.regime", { date: date(r.changedAt ?? r.since), changes: list(r.changes) })
}

/** Contacts that were two-way: our messages since the customer last spoke went unanswered, and
 * thirty follow-ups to a silent customer are no knowledge of them. */
function twoWayContacts(p: RelationshipProfile): number {
  const e = p.engagement
  return e ? e.humanContacts - e.unansweredOutreach : p.sampleSize.interactions
}

function countsFact(p: RelationshipProfile): Message {
  return msg("a.fact.counts", { deals: p.sampleSize.deals, quotes: p.sampleSize.quotes, contacts: twoWayContacts(p) })
}

/** The deepest discount at which they still bought lately: the floor the ledger supports. Only
 * their last ADVICE.floorDeals wins, and only those since a change of regime: a discount given
 * years ago, or before they changed how they buy, is not "the level of your recent orders" (a
 * quality account that once bought at 20 % and now buys at 4 % was told to quote 20 %). */
function floorOf(p: RelationshipProfile): { floor: number; won: LedgerEntry } | null {
  const since = p.regime?.changed ? (p.regime.changedAt ?? p.regime.since) : null
  let won: LedgerEntry | null = null
  let seen = 0
  // Ledger entries are in the order their negotiations began (ledger.ts): walk back from the newest.
  const deals = p.concessions.deals
  for (let n = deals.length - 1; n >= 0 && seen < ADVICE.floorDeals; n--) {
    const e = deals[n]!
    if (e.outcome !== "won" || e.finalDiscountPercent === null) continue
    if (since !== null && e.revisions[e.revisions.length - 1]!.at <= since) continue
    seen++
    if (won === null || e.finalDiscountPercent > won.finalDiscountPercent!) won = e
  }
  return won === null ? null : { floor: won.finalDiscountPercent!, won }
}

/** The negotiation under way: the most recent open deal with a discount, else null. */
function openDeal(p: RelationshipProfile): LedgerEntry | null {
  const open = p.concessions.deals.filter((e) => e.outcome === "open" && e.finalDiscountPercent !== null)
  return open[open.length - 1] ?? null
}

const roundHalf = (x: number) => Math.round(x * 2) / 2

/** Our usual step between revisions (median, in points): the most a traded concession should
 * give; null when no revision ever deepened a discount (then the ledger supports no number). */
function usualStep(p: RelationshipProfile): number | null {
  const steps: number[] = []
  for (const e of p.concessions.deals) {
    for (let i = 1; i < e.revisions.length; i++) {
      const a = e.revisions[i - 1]!.discountPercent
      const b = e.revisions[i]!.discountPercent
      if (a !== null && b !== null && b > a) steps.push(b - a)
    }
  }
  if (steps.length === 0) return null
  steps.sort((x, y) => x - y)
  return Math.max(1, roundHalf(steps[Math.floor(steps.length / 2)]!))
}

/** The floor, and how far the open quote already is beyond it. */
function floorMove(p: RelationshipProfile): Message[] {
  const f = floorOf(p)
  const open = openDeal(p)
  if (f === null) {
    return open !== null ? [msg("a.move.noFloor", { current: open.finalDiscountPercent! })] : []
  }
  const won = nested(dealName(f.won))
  const out: Message[] = []
  if (open !== null && open.finalDiscountPercent! < f.floor - 0.5) {
    // The open quote gives less than they have bought at: hold it; the floor is the limit, not the target.
    const current = open.finalDiscountPercent!
    const net = open.listPrice !== null ? Math.round(open.listPrice * (1 - current / 100)) : null
    const netMsg = net === null ? null : open.currency !== null ? msg("a.fact.netAmount", { net: amount(net, open.currency, "full") }) : msg("a.fact.netPlain", { net })
    out.push(netMsg !== null
      ? msg("a.move.belowFloorNet", { current, net: nested(netMsg), deal: nested(dealName(open)), floor: f.floor, won })
      : msg("a.move.belowFloor", { current, deal: nested(dealName(open)), floor: f.floor, won }))
    return out
  }
  if (open !== null && open.listPrice !== null) {
    const net = Math.round(open.listPrice * (1 - f.floor / 100))
    // Without a currency on the deal (a single-currency org) the net is a plain figure.
    out.push(open.currency !== null
      ? msg("a.move.floorNet", { floor: f.floor, net: amount(net, open.currency, "full"), deal: nested(dealName(open)), won })
      : msg("a.move.floorNetPlain", { floor: f.floor, net, list: Math.round(open.listPrice), deal: nested(dealName(open)), won }))
  } else {
    out.push(msg("a.move.floor", { floor: f.floor, won }))
  }
  // Half a point is rounding (the ledger reads smaller changes as no move).
  if (open !== null && open.finalDiscountPercent! - f.floor > 0.5) {
    out.push(msg("a.move.overFloor", { current: open.finalDiscountPercent!, excess: roundHalf(open.finalDiscountPercent! - f.floor) }))
  }
  return out
}

/** What to ask in return: the buyer's limit is met with payment or phasing; a price buyer with volume or term. */
function tradeMove(p: RelationshipProfile): Message {
  const step = usualStep(p)
  const kind = p.pushback.label === "constraint" || p.pushback.label === "mixed" ? "payment"
    : p.decisionCriteria.label === "price" || p.dominance.label === "customer" ? "volumeTerm" : "reference"
  return step === null ? msg(`a.move.tradeOnly.${kind}`) : msg(`a.move.trade.${kind}`, { step })
}

/** The R1 line to paste into the quote: the floor as the reason, or the value included, named
 * by what this customer decides on when that is not price. */
function justifyMove(p: RelationshipProfile): Message {
  const f = floorOf(p)
  const c = p.decisionCriteria.label
  const value = c === "quality" || c === "delivery" || c === "support" ? msg(`a.line.value.${c}`) : msg("a.line.value")
  return msg("a.move.justify", { line: nested(f !== null ? msg("a.line.floor", { floor: f.floor }) : value) })
}

/** What they paid last time, as a reference to anchor on. */
function lastWonFact(p: RelationshipProfile): Message | null {
  const won = p.concessions.deals.filter((e) => e.outcome === "won" && e.finalDiscountPercent !== null)
  const last = won[won.length - 1]
  if (!last) return null
  const net = last.revisions[last.revisions.length - 1]!.net
  return net !== null && last.currency !== null
    ? msg("a.fact.lastWonNet", { deal: nested(dealName(last)), net: amount(net, last.currency), discount: last.finalDiscountPercent! })
    : msg("a.fact.lastWon", { deal: nested(dealName(last)), discount: last.finalDiscountPercent! })
}

/** The strongest power factor of the side that holds the power, in this account's own figures
 * ("4.1 complaints a year, 50 % escalated"): without it a customer-dominant account with no deal
 * lost and no competitor named got the same paragraph as every other. */
function leverageFact(p: RelationshipProfile): Message | null {
  const side = p.dominance.label
  if (side !== "customer" && side !== "supplier") return null
  let top: RelationshipProfile["dominance"]["factors"][number] | null = null
  for (const f of p.dominance.factors) {
    if (f.side !== side || f.value <= 0) continue
    if (top === null || f.weight * f.value > top.weight * top.value) top = f
  }
  return top === null ? null : msg(`a.fact.leverage.${side}`, { reason: nested(top.reason) })
}

/** Where the account stands among the accounts Parley knows. */
function tierFact(p: RelationshipProfile): Message | null {
  return p.valueTier.percentile !== null ? msg("a.fact.tier", { share: percentOf(p.valueTier.percentile) }) : null
}

/** Their recent complaints closing far slower than this account is used to: a fast median over
 * the years hid it ("median 1 day to close" while the last five took two weeks each). */
function slowerFact(p: RelationshipProfile): Message | null {
  const c = p.complaints
  const recent = c.recentMedianDaysToClose ?? null
  const norm = c.medianDaysToClose
  if (recent === null || norm === null || recent <= Math.max(COMPLAINTS.slowMinDays, COMPLAINTS.slowFactor * norm)) return null
  return msg("a.fact.complaintsSlower", { window: COMPLAINTS.trendWindowDays, recent: Math.round(recent * 10) / 10, norm: Math.round(norm * 10) / 10 })
}

/** Information really missing: few deals, few quote revisions and few two-way contacts. */
function knowLittle(p: RelationshipProfile): boolean {
  const contacts = twoWayContacts(p)
  return p.sampleSize.deals < ADVICE.knownDeals && p.sampleSize.quotes < ADVICE.knownQuotes && contacts < ADVICE.knownContacts
}

const hintMsg = (id: string, text: Message): { title: Message; text: Message } => ({ title: { id: `a.hint.${id}.title` }, text })

function warnings(p: RelationshipProfile, h: Hints): void {
  const trap = p.dellTrap
  const met = Object.values(trap.conditions).filter(Boolean).length
  const competition = p.competition
  const threat = threatReason(p)
  if (trap.flagged) {
    const text = sentences([
      ...pathFacts(p), lossFact(p), competitorFact(p), threat?.text ?? null, regimeFact(p),
      msg("a.hint.dell-trap.text"),
      ...floorMove(p), tradeMove(p), justifyMove(p)
    ])
    h.add("dell-trap", "high", hintMsg("dell-trap", text), "BusinessWeek 2006 (Dell); Emerson 1962; Kraljic 1983; Langer, Blank & Chanowitz 1978",
      ev(trap.evidence, competition?.competitors.flatMap((c) => c.evidence) ?? [], threat?.evidence ?? []))
  } else if (met === 2) {
    const text = sentences([msg("a.hint.dell-trap-drift.text", { summary: nested(trap.summary) }), ...pathFacts(p, 2), lossFact(p), threat?.text ?? null, ...floorMove(p), tradeMove(p)])
    h.add("dell-trap-drift", "medium", hintMsg("dell-trap-drift", text), "BusinessWeek 2006 (Dell); Emerson 1962", ev(trap.evidence, threat?.evidence ?? []))
  }
  const c = p.complaints
  if (c.label === "slow" || c.trend === "rising" || p.risk.reasons.some((r) => r.signal === "open-escalations" || r.signal === "complaint-pressure")) {
    const trend = nested(msg(`a.trend.${c.trend}`))
    // How-to requests answered are cases, not complaints: "22 cases" read as 22 complaints.
    const total = c.total - (c.requests ?? 0)
    // With every case closed, there is nothing to "resolve": what the customer needs to see is that it will not recur.
    const text = c.open === 0
      ? msg("a.hint.resolve-complaints-first.textAllClosed", { escalated: c.escalated, total, trend })
      : c.medianDaysToClose !== null
        ? msg("a.hint.resolve-complaints-first.textMedian", { open: c.open, escalated: c.escalated, total, days: Math.round(c.medianDaysToClose * 10) / 10, trend })
        : msg("a.hint.resolve-complaints-first.text", { open: c.open, escalated: c.escalated, total, trend })
    h.add("resolve-complaints-first", "high", hintMsg("resolve-complaints-first", sentences([slowerFact(p), text])),
      "Emerson 1962; research §4 (complaint pressure); seed 000", ev(c.evidence))
  }
  if (p.risk.label === "at-risk") {
    const text = sentences([regimeFact(p), msg("a.hint.retention-first.text", { reasons: list(p.risk.reasons.map((r) => r.text)) }), contactFact(p), lossFact(p)])
    h.add("retention-first", "high", hintMsg("retention-first", text),
      "Peppers & Rogers (IDIC); seed 003", ev(...p.risk.reasons.map((r) => r.evidence)))
  }
}

function playbook(p: RelationshipProfile, h: Hints): void {
  const d = p.dominance
  const power = ev(d.evidence)
  // Their price limits are known once deals were negotiated to a close (the ledger's floor speaks
  // for them): "let them name a number first" would contradict the floor the Dell hint gives.
  const lowInformation = !priceLimitsKnown(p.concessions.deals) && (p.crmStrategy.informationCompleteness < STRATEGY.split || p.decisionCriteria.label === "unknown")
  switch (d.label) {
    case "supplier":
      h.add("hold-price-lead-value", "high", hintMsg("hold-price-lead-value", sentences([regimeFact(p), lastWonFact(p), msg("a.hint.hold-price-lead-value.text"), justifyMove(p)])),
        "Emerson 1962; Karmarkar, Shiv & Knutson 2015; Waber et al. 2008", ev(d.evidence, p.dependence.evidence), "R8")
      h.add("do-not-exploit", "high", hintMsg("do-not-exploit", sentences([leverageFact(p), msg("a.hint.do-not-exploit.text"), contactFact(p)])), "Kahneman, Knetsch & Thaler 1986; Campbell 1999", power, "R1")
      h.add("precise-anchor-rationale", "medium", hintMsg("precise-anchor-rationale", sentences([lastWonFact(p), msg("a.hint.precise-anchor-rationale.text")])), "Janiszewski & Uy 2008; Loschelder et al. 2016", power, "R3")
      h.add("annual-commitment", "medium", hintMsg("annual-commitment", sentences([msg("a.hint.annual-commitment.text"), lastWonFact(p)])), "Gourville & Soman 2002", power, "R7")
      h.add("non-price-concessions", "medium", hintMsg("non-price-concessions", sentences([movedLastFact(p), msg("a.hint.non-price-concessions.text")])), "Research §4 (supplier-dominant hints); Waber et al. 2008", power)
      h.add("preempt-second-sourcing", "low", hintMsg("preempt-second-sourcing", sentences([competitorFact(p), msg("a.hint.preempt-second-sourcing.text")])), "Emerson 1962; Payne, Storbacka & Frow 2008", power)
      break
    case "customer": {
      if (!p.dellTrap.flagged) {
        h.add("dont-compete-on-price", "high", hintMsg("dont-compete-on-price", sentences([regimeFact(p), lossFact(p), competitorFact(p), leverageFact(p), msg("a.hint.dont-compete-on-price.text"), ...floorMove(p)])),
          "BusinessWeek 2006 (Dell); Kraljic 1983", power)
      }
      h.add("build-dependence", "high", hintMsg("build-dependence", sentences([competitorFact(p), leverageFact(p), msg("a.hint.build-dependence.text")])),
        "Emerson 1962; GE case (power by the hour)", ev(d.evidence, p.dependence.evidence))
      const text = sentences([movedLastFact(p), ...pathFacts(p, 1), msg("a.hint.contingent-concessions.text"), tradeMove(p), justifyMove(p)])
      h.add("contingent-concessions", "high", hintMsg("contingent-concessions", text), "Waber et al. 2008; research §2.14; Langer, Blank & Chanowitz 1978", ev(p.concessions.evidence, d.evidence), "R1")
      h.add("equivalent-packages", "medium", hintMsg("equivalent-packages", sentences([msg("a.hint.equivalent-packages.text"), lastWonFact(p)])), "Leonardelli et al. 2019", power, "R9")
      if (lowInformation) {
        h.add("buyer-names-first", "medium", hintMsg("buyer-names-first", sentences([msg("a.hint.buyer-names-first.text"), countsFact(p)])), "Negotiation Journal 39(1), 2023 (low-power first offers)", power, "R2")
      } else {
        h.add("anchor-on-target", "medium", hintMsg("anchor-on-target", sentences([msg("a.hint.anchor-on-target.text"), lastWonFact(p)])), "Galinsky & Mussweiler 2001", power, "R2")
      }
      h.add("widen-alternatives", "low", hintMsg("widen-alternatives", sentences([tierFact(p), msg("a.hint.widen-alternatives.text")])), "Emerson 1962", power)
      break
    }
    case "balanced-interdependent":
      h.add("co-create-value", "high", hintMsg("co-create-value", sentences([regimeFact(p), msg("a.hint.co-create-value.text"), contactFact(p)])), "Payne, Storbacka & Frow 2008; Cox 2001", power)
      h.add("bolstering-range", "medium", hintMsg("bolstering-range", sentences([msg("a.hint.bolstering-range.text"), lastWonFact(p)])), "Ames & Mason 2015; Leonardelli et al. 2019", power, "R9")
      h.add("rationale-always", "medium", hintMsg("rationale-always", sentences([msg("a.hint.rationale-always.text"), justifyMove(p)])), "Langer, Blank & Chanowitz 1978; Kahneman, Knetsch & Thaler 1986", power, "R1")
      h.add("round-close", "low", hintMsg("round-close", sentences([...pathFacts(p, 1), msg("a.hint.round-close.text")])), "Yan & Pena-Marin 2017", power, "R3")
      break
    case "balanced-independent":
      h.add("standard-competitive-quote", "high", hintMsg("standard-competitive-quote", sentences([regimeFact(p), competitorFact(p), msg("a.hint.standard-competitive-quote.text"), lastWonFact(p)])), "Cox 2001; Kraljic 1983", power)
      h.add("precise-open-round-close", "medium", hintMsg("precise-open-round-close", sentences([msg("a.hint.precise-open-round-close.text"), lastWonFact(p)])), "Mason et al. 2013; Yan & Pena-Marin 2017", power, "R3")
      break
    default:
      h.add("read-the-relationship-first", "high", hintMsg("read-the-relationship-first", sentences([regimeFact(p), msg("a.hint.read-the-relationship-first.text", { summary: nested(d.summary) }), countsFact(p), contactFact(p)])),
        "Emerson 1962", [])
      h.add("rationale-always", "medium", hintMsg("rationale-always", sentences([msg("a.hint.rationale-always.text"), justifyMove(p)])), "Langer, Blank & Chanowitz 1978; Kahneman, Knetsch & Thaler 1986", [], "R1")
  }
}

/** The latest time among the evidence items whose reason is `reasonId` (null when none says). */
function lastOf(items: readonly Evidence[], reasonId: string): number | null {
  let last: number | null = null
  for (const e of items) if (e.reason.id === reasonId && e.at !== undefined && (last === null || e.at > last)) last = e.at
  return last
}

function pushbackHint(p: RelationshipProfile, h: Hints): void {
  const b = p.pushback
  const constraint = nested(msg("a.hint.pushback-reading.constraint"))
  const disparagement = nested(msg("a.hint.pushback-reading.disparagement"))
  // When they last did: six times is another reading if the last was years ago.
  const last = lastOf(b.evidence, b.label === "constraint" ? "a.pushback.ev.constraint" : "a.pushback.ev.disparagement")
  const text =
    b.label === "constraint" ? (last === null ? msg("a.hint.pushback-reading.textConstraint", { n: b.constraint, constraint }) : msg("a.hint.pushback-reading.textConstraintLast", { n: b.constraint, last: date(last), constraint }))
      : b.label === "disparagement" ? (last === null ? msg("a.hint.pushback-reading.textDisparagement", { n: b.disparagement, disparagement }) : msg("a.hint.pushback-reading.textDisparagementLast", { n: b.disparagement, last: date(last), disparagement }))
        : b.label === "mixed" ? msg("a.hint.pushback-reading.textMixed", { constraint, disparagement })
          : msg("a.hint.pushback-reading.textNone", { n: p.engagement?.customerContacts ?? 0, constraint, disparagement })
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
  if (knowLittle(p)) {
    h.add("generic-rules-only", "low", hintMsg("generic-rules-only", msg("a.hint.generic-rules-only.textCounts", { counts: nested(countsFact(p)) })), "Payne & Frow 2005", ev(p.crmStrategy.evidence))
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

