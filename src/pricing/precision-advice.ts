/**
 * The R3 and R4 suggestions: what the digit decision in precision.ts means for the rep.
 */
import { CITE } from "./citations"
import type { PricingContext } from "./context"
import { discountPressure, type PriceDecision } from "./precision"
import type { Suggestion } from "./types"
import { toPresented } from "./units"

export function precisionSuggestions(ctx: PricingContext, decision: PriceDecision, draft: number, price: number, display: string, rationaleRequired: boolean): Suggestion[] {
  const { input } = ctx
  const out: Suggestion[] = []
  const draftMoney = ctx.money(draft)
  const pressure = { draft: discountPressure(toPresented(draft, ctx.unit)), suggested: discountPressure(toPresented(price, ctx.unit)) }
  const buyer = input.side === "buyer"
  const expertNote = ctx.expertise === "expert" ? (rationaleRequired ? " Your counterpart is an expert: keep it to whole units and at most 4 significant digits, and say where the number comes from." : " Your counterpart is an expert; your rationale lets the number stay precise.") : ""
  const dom = ctx.dominance === "supplier" ? " Hold this price and back the precise anchor with its rationale." : ctx.dominance === "balanced-interdependent" || ctx.dominance === "balanced-independent" ? " Open precise, close round once terms converge." : ""

  switch (decision.kind) {
    case "round": {
      const concede = decision.concede !== undefined ? ctx.money(decision.concede) : undefined
      const urgentOnly = input.mode === "opening" && input.urgent === true
      out.push({
        rule: "R3",
        kind: urgentOnly ? "urgent-round" : "closing-round",
        severity: urgentOnly ? "warning" : "info",
        draft: draftMoney,
        discountPressure: pressure,
        ...(concede ? { alternative: concede } : {}),
        text: urgentOnly
          ? `Speed matters more than price here, so a round ${display} is fine — but a round opening signals flexibility: expect to be pushed down.`
          : `Make the final offer round: ${display}${concede ? ` (or ${concede.display} if you concede)` : ""}. A round number reads as complete — easier to say yes to.`,
        reason: urgentOnly
          ? "Round listings drew offers 5-8 % lower but 6-11 days sooner and sold 3-5 % more often."
          : "Round offers are more likely to be accepted; precise ones draw more (smaller) counteroffers.",
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
        text: `Price-positioned offer to a non-expert: a 9-ending (${display}) is allowed here as a “deal” cue.`,
        reason: "$9 endings raised demand in all three catalogue tests ($44 → $49: up to +30 % units), less with a Sale cue and less as more prices end in 9.",
        citation: CITE.charm
      })
      break
    case "precise":
    case "capped":
    case "kept": {
      const moved = decision.kind === "kept" ? "" : ` (from ${draftMoney.display})`
      const why =
        decision.kind === "precise"
          ? `${buyer ? "Bid" : "Open"} with a precise number: ${display}${moved}, a ${buyer ? "small step up" : "small step down"} from your round draft.`
          : decision.kind === "capped"
            ? `Trim the precision: ${display}${moved}. Too many digits read as naive, not expert.`
            : `Your price ${display} is already precise: keep it.`
      out.push({
        rule: "R3",
        kind: decision.kind,
        severity: rationaleRequired ? "warning" : "info",
        draft: draftMoney,
        rationaleRequired,
        discountPressure: pressure,
        text: `${why}${expertNote}${dom}${buyer ? " Precise bids work for buyers too." : ""}`,
        reason:
          ctx.expertise === "expert"
            ? "Experts reward moderate precision and penalise excessive precision unless a rationale shows competence; precise anchors still draw smaller counteroffers than round ones."
            : "Precise anchors draw smaller adjustments and counteroffers and make the offerer look informed ($49.75 beat $50.00); each trailing zero costs about a third of a percent in discount pressure.",
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
      text: `Avoid the charm ending in ${draftMoney.display}: in a B2B quote it reads as a retail discount cue. ${display} is precise without it.`,
      reason: "9-endings are a low-price cue for low-information buyers; in negotiated markets even-ending listings sold faster and higher.",
      citation: CITE.charm
    })
  } else if (decision.charmSaturated) {
    out.push({
      rule: "R4",
      kind: "charm-saturated",
      severity: "info",
      text: "A 9-ending would be allowed for this price-positioned offer, but most of this buyer's prices already end in 9: the cue has worn out, so the price stays precise.",
      reason: "The demand effect of $9 endings is smaller when more products carry them.",
      citation: CITE.charm
    })
  }
  return out
}
