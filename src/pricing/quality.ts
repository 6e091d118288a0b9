/**
 * R10 — price signals quality: don't undercut without a reason; read pushback; avoid the Dell trap.
 *
 * - A cheap price without a reason lowers perceived quality: the same placebo pill relieved pain
 *   for 85 % at $2.50 and 61 % at a discounted $0.10 with no reason given (Waber et al. 2008).
 *   So an opening below the account's own reference (the price it last paid, else the list
 *   price) without a stated reason is raised back to that reference, precise, and flagged.
 * - Pushback: constraint ("we can't pay more") → their limit: trade terms or scope; disparagement
 *   ("it isn't worth more") → re-justify the value, don't cut (Lee & Ames 2017). See pushback.ts.
 * - Customer-dominant accounts: a supplier whose only proposition is the lowest price keeps no
 *   customer and loses every negotiation (FRAMEWORK §1 "Dell trap"; Emerson 1962: build the
 *   buyer's dependence with services, integration, co-created value).
 */
import { CITE } from "./citations"
import type { PricingContext } from "./context"
import { percentChange } from "./numbers"
import type { PushbackReading } from "./pushback"
import type { Suggestion } from "./types"

/** An opening more than this far under the reference counts as undercutting it. */
export const UNDERCUT_TOLERANCE = 0.01
/** Share of price in the decision criteria that marks a price-driven buyer (design default). */
export const PRICE_DOMINANT_WEIGHT = 0.4

export interface Undercut {
  reference: number
  kind: "last-price" | "list-price"
  /** The draft the rep typed, ISO unit. */
  draft: number
}

export function undercutSuggestion(ctx: PricingContext, undercut: Undercut, display: string): Suggestion {
  const name = undercut.kind === "last-price" ? "the price this account last paid" : "the list price"
  return {
    rule: "R10",
    kind: "undercut",
    severity: "warning",
    draft: ctx.money(undercut.draft),
    flags: ["undercut-without-reason"],
    text: `${ctx.money(undercut.draft).display} is ${Math.abs(percentChange(undercut.reference, undercut.draft))}% under ${name} (${ctx.money(undercut.reference).display}) with no reason. Open at ${display}, or give a non-quality reason (volume, term, model change, timing) for going lower.`,
    reason: "A low price without a reason lowers perceived quality: the same placebo relieved pain for 85 % at full price and 61 % when discounted.",
    citation: CITE.waber
  }
}

export function unexplainedDiscountSuggestion(ctx: PricingContext): Suggestion {
  return {
    rule: "R10",
    kind: "unexplained-discount",
    severity: "warning",
    flags: ["discount-without-reason"],
    text: `A ${ctx.input.discountPercent}% discount without a stated reason tells the buyer the product is worth less. Name the reason, or don't discount.`,
    reason: "Discounted products are expected to work worse and do: fewer puzzles solved after a discounted energy drink; less pain relief from a discounted placebo (85 % vs 61 %).",
    citation: CITE.waber
  }
}

export function dellTrapSuggestion(ctx: PricingContext): Suggestion | null {
  if (ctx.dominance !== "customer") return null
  const priceDriven = ctx.topCriterion === "price" || (ctx.priceWeight ?? 0) >= PRICE_DOMINANT_WEIGHT
  return {
    rule: "R10",
    kind: "dell-trap",
    severity: priceDriven ? "warning" : "info",
    dominance: ctx.dominance,
    flags: priceDriven ? ["dell-trap"] : [],
    text: priceDriven
      ? "This customer holds the power and decides on price: don't compete on price alone (the Dell trap). Add what makes you hard to replace — services, integration, a co-created roadmap — and trade every concession for something."
      : "This customer holds the power: build their dependence on you (services, integration, co-created value) instead of cutting price, and make concessions contingent.",
    reason: "Power is the other side's dependence; a supplier known only for the lowest price leaves the buyer nothing to depend on and keeps no customer.",
    citation: CITE.dell
  }
}

export function pushbackSuggestion(ctx: PricingContext, reading: PushbackReading): Suggestion {
  const lowInfo = !ctx.hasInformation ? " You have little information on their value, so the two kinds of pushback differ less — ask what is behind it." : ""
  const base = { rule: "R10" as const, kind: "pushback", pushback: reading.kind, cues: [...reading.constraintCues, ...reading.disparagementCues], citation: CITE.pushback }
  switch (reading.kind) {
    case "constraint":
      return {
        ...base,
        severity: "info",
        text: `This is a constraint (“${reading.constraintCues[0]}”): treat it as their limit, not as a verdict on value. Trade to fit it — term, scope, seats, payment timing — rather than cutting the unit price.${lowInfo}`,
        reason: "Sellers read constraint rationales as a signal of the buyer's limit and respond with better counteroffers and more trust than to disparagement."
      }
    case "disparagement":
      return {
        ...base,
        severity: "warning",
        text: `This attacks the value (“${reading.disparagementCues[0]}”), not the budget: re-justify the value — savings, the cost of the problem, references — and hold the price. Cutting now confirms it wasn't worth it.${lowInfo}`,
        reason: "Disparagement rationales draw less favourable responses than constraints; a concession made to one validates the claim."
      }
    case "mixed":
      return {
        ...base,
        severity: "info",
        text: `Both a limit (“${reading.constraintCues[0]}”) and a value complaint (“${reading.disparagementCues[0]}”): answer the value point first, then trade terms or scope to fit the limit — don't cut the unit price.${lowInfo}`,
        reason: "Constraints signal the buyer's limit; disparagement attacks value and is answered with value, not price."
      }
    default:
      return {
        ...base,
        severity: "info",
        text: "Ask which it is: “Is it the budget, or do you see less value than the price?” A limit calls for trading terms; a value doubt calls for re-justifying, not cutting.",
        reason: "Constraint and disparagement pushback call for opposite responses."
      }
  }
}
