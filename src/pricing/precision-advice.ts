/**
 * The R3 and R4 suggestions: what the digit decision in precision.ts means for the rep.
 */
import { amount, list, msg, type Message } from "../i18n/message"
import { CITE } from "./citations"
import type { PricingContext } from "./context"
import { discountPressure, type PriceDecision } from "./precision"
import type { Suggestion } from "./types"
import { fromPresented, toPresented } from "./units"

export function precisionSuggestions(ctx: PricingContext, decision: PriceDecision, draft: number, price: number, rationaleRequired: boolean): Suggestion[] {
  const { input } = ctx
  const out: Suggestion[] = []
  const draftMoney = ctx.money(draft)
  const pressure = { draft: discountPressure(toPresented(draft, ctx.unit)), suggested: discountPressure(toPresented(price, ctx.unit)) }
  const buyer = input.side === "buyer"
  const cur = input.currency
  const priceParam = amount(price, cur)
  const draftParam = amount(draft, cur)
  const expertNote: Message | null =
    ctx.expertise === "expert" ? (rationaleRequired ? msg("p.r3.expertNeedsRationale", { digits: 4 }) : msg("p.r3.expertHasRationale")) : null
  const dom: Message | null =
    ctx.dominance === "supplier"
      ? msg("p.r3.supplierHolds")
      : ctx.dominance === "balanced-interdependent" || ctx.dominance === "balanced-independent"
        ? msg("p.r3.balanced")
        : null

  switch (decision.kind) {
    case "round": {
      // The decision's figures are in the presented unit (toman for IRR): back to the input's unit.
      const concede = decision.concede !== undefined ? ctx.money(fromPresented(decision.concede, ctx.unit)) : undefined
      const urgentOnly = input.mode === "opening" && input.urgent === true
      out.push({
        rule: "R3",
        kind: urgentOnly ? "urgent-round" : "closing-round",
        severity: urgentOnly ? "warning" : "info",
        draft: draftMoney,
        discountPressure: pressure,
        ...(concede ? { alternative: concede } : {}),
        ...ctx.say(
          urgentOnly
            ? msg("p.r3.urgentRound", { price: priceParam })
            : concede
              ? msg("p.r3.closingRoundConcede", { price: priceParam, concede: amount(concede.amount, cur) })
              : msg("p.r3.closingRound", { price: priceParam })
        ),
        ...ctx.because(urgentOnly ? msg("p.r3.urgentRound.reason") : msg("p.r3.closingRound.reason")),
        citation: CITE.round
      })
      break
    }
    case "charm":
      out.push({
        rule: "R4",
        kind: "charm-allowed",
        severity: "info",
        draft: draftMoney,
        ...ctx.say(msg("p.r4.charmAllowed", { price: priceParam })),
        ...ctx.because(msg("p.r4.charmAllowed.reason")),
        citation: CITE.charm
      })
      break
    case "precise":
    case "capped":
    case "kept": {
      const why =
        decision.kind === "precise"
          ? msg(buyer ? "p.r3.precise.bid" : "p.r3.precise.open", { price: priceParam, draft: draftParam })
          : decision.kind === "capped"
            ? msg("p.r3.capped", { price: priceParam, draft: draftParam })
            : input.mode === "closing" || input.urgent === true
              ? msg("p.r3.closingKept", { price: priceParam })
              : msg("p.r3.kept", { price: priceParam })
      const sentences = [why, expertNote, dom, buyer ? msg("p.r3.buyerToo") : null].filter((m): m is Message => m !== null)
      out.push({
        rule: "R3",
        kind: decision.kind,
        severity: rationaleRequired ? "warning" : "info",
        draft: draftMoney,
        rationaleRequired,
        discountPressure: pressure,
        ...ctx.say(msg("p.sentences", { sentences: list(sentences) })),
        ...ctx.because(ctx.expertise === "expert" ? msg("p.r3.expert.reason") : msg("p.r3.precise.reason")),
        citation: ctx.expertise === "expert" ? `${CITE.experts}; ${CITE.precise}` : buyer ? CITE.procurement : CITE.precise,
        ...(dom ? { dominance: ctx.dominance } : {})
      })
      break
    }
  }

  if (decision.charmDraft) {
    out.push({
      rule: "R4",
      kind: "charm-draft",
      severity: "warning",
      draft: draftMoney,
      ...ctx.say(msg("p.r4.charmDraft", { draft: draftParam, price: priceParam })),
      ...ctx.because(msg("p.r4.charmDraft.reason")),
      citation: CITE.charm
    })
  } else if (decision.charmSaturated) {
    out.push({
      rule: "R4",
      kind: "charm-saturated",
      severity: "info",
      ...ctx.say(msg("p.r4.charmSaturated")),
      ...ctx.because(msg("p.r4.charmSaturated.reason")),
      citation: CITE.charm
    })
  }
  return out
}
