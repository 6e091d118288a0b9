/**
 * R8 — value before price, unless the price itself is the bargain.
 *
 * Seeing the price first makes people ask "is it worth it?", which helps only when the price is
 * clearly low; seeing the product/value first focuses them on how much they want it (Karmarkar,
 * Shiv & Knutson 2015). The bargain margin (10 % under the reference) is a design default, not a
 * number from the literature (research §5).
 */
import { anchorLines } from "./anchors"
import { CITE } from "./citations"
import type { PricingContext } from "./context"
import { percentChange } from "./numbers"
import type { Suggestion } from "./types"

export const BARGAIN_MARGIN = 0.1

export function orderSuggestion(ctx: PricingContext, price: number, display: string): Suggestion {
  const reference = ctx.listPrice ?? ctx.lastPaid
  const referenceName = ctx.listPrice !== null ? "list price" : "price they last paid"
  const bargain = reference !== null && price <= reference * (1 - BARGAIN_MARGIN)
  const { yearlySavings, costOfProblem } = ctx.input
  const biggest = Math.max(yearlySavings ?? 0, costOfProblem ?? 0)
  const valueLine =
    biggest > 0
      ? `${biggest === yearlySavings ? "what it saves them" : "what the problem costs them"} (${ctx.money(biggest).display} a year)`
      : "the problem it solves and what that is worth to them"
  const hasReference = anchorLines(ctx, price).some((a) => a.comparedWith === "price")
  const notes: string[] = []
  if (ctx.dominance === "supplier") notes.push("Hold the price and lead with value.")
  if (ctx.initiator === "supplier") notes.push("You approached them, so open with their problem before any number.")
  if (ctx.topCriterion && ctx.topCriterion !== "price" && ctx.topCriterion !== "unknown") notes.push(`They decide on ${ctx.topCriterion}: lead with it.`)
  const extra = notes.length > 0 ? ` ${notes.join(" ")}` : ""

  if (bargain && reference !== null) {
    return {
      rule: "R8",
      order: "price-first",
      severity: "info",
      text: `The price is itself the selling point (${Math.abs(percentChange(reference, price))}% under the ${referenceName}): say ${display} first, then the value.${extra}`,
      reason: "Price first makes buyers judge whether it is worth it, which favours clearly bargain-priced, utilitarian offers.",
      citation: CITE.order,
      ...(ctx.dominance === "supplier" ? { dominance: ctx.dominance } : {})
    }
  }
  return {
    rule: "R8",
    order: "value-first",
    severity: "info",
    text: `Value first: start with ${valueLine}, ${hasReference ? "then the reference, " : ""}then ${display}.${extra}`,
    reason: "Value first focuses the buyer on wanting the outcome; price first invites a worth-it test this price does not win on its own.",
    citation: CITE.order,
    ...(ctx.dominance === "supplier" ? { dominance: ctx.dominance } : {})
  }
}
