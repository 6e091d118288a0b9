/**
 * R8 — value before price, unless the price itself is the bargain.
 *
 * Seeing the price first makes people ask "is it worth it?", which helps only when the price is
 * clearly low; seeing the product/value first focuses them on how much they want it (Karmarkar,
 * Shiv & Knutson 2015). The bargain margin (10 % under the reference) is a design default, not a
 * number from the literature (research §5).
 */
import { amount, list, msg, nested, text, type Message } from "../i18n/message"
import { anchorLines } from "./anchors"
import { CITE } from "./citations"
import type { PricingContext } from "./context"
import { percentChange } from "./numbers"
import type { Suggestion } from "./types"

export const BARGAIN_MARGIN = 0.1

function criterionMessage(criterion: string): Message {
  switch (criterion) {
    case "quality":
      return msg("p.r8.criterion.quality")
    case "delivery":
      return msg("p.r8.criterion.delivery")
    case "support":
      return msg("p.r8.criterion.support")
    default:
      // A criterion the analysis does not name: the profile's own label, shown as it is.
      return msg("p.r8.criterion.other", { label: text(criterion) })
  }
}

export function orderSuggestion(ctx: PricingContext, price: number): Suggestion {
  const cur = ctx.input.currency
  const reference = ctx.listPrice ?? ctx.lastPaid
  const referenceName = ctx.listPrice !== null ? msg("p.r8.reference.list") : msg("p.r8.reference.last")
  const bargain = reference !== null && price <= reference * (1 - BARGAIN_MARGIN)
  const { yearlySavings, costOfProblem } = ctx.input
  const biggest = Math.max(yearlySavings ?? 0, costOfProblem ?? 0)
  const valueLine =
    biggest > 0
      ? msg(biggest === yearlySavings ? "p.r8.value.savings" : "p.r8.value.problem", { amount: amount(biggest, cur) })
      : msg("p.r8.value.generic")
  const hasReference = anchorLines(ctx, price).some((a) => a.comparedWith === "price")
  const notes: Message[] = []
  if (ctx.dominance === "supplier") notes.push(msg("p.r8.supplierHolds"))
  if (ctx.initiator === "supplier") notes.push(msg("p.r8.weApproached"))
  if (ctx.topCriterion && ctx.topCriterion !== "price" && ctx.topCriterion !== "unknown") notes.push(msg("p.r8.criterion", { criterion: nested(criterionMessage(ctx.topCriterion)) }))
  const priceParam = amount(price, cur)

  if (bargain && reference !== null) {
    const first = msg("p.r8.priceFirst", { pct: Math.abs(percentChange(reference, price)), reference: nested(referenceName), price: priceParam })
    return {
      rule: "R8",
      order: "price-first",
      severity: "info",
      ...ctx.say(msg("p.sentences", { sentences: list([first, ...notes]) })),
      ...ctx.because(msg("p.r8.priceFirst.reason")),
      citation: CITE.order,
      ...(ctx.dominance === "supplier" ? { dominance: ctx.dominance } : {})
    }
  }
  const first = msg(hasReference ? "p.r8.valueFirstReference" : "p.r8.valueFirst", { value: nested(valueLine), price: priceParam })
  return {
    rule: "R8",
    order: "value-first",
    severity: "info",
    ...ctx.say(msg("p.sentences", { sentences: list([first, ...notes]) })),
    ...ctx.because(msg("p.r8.valueFirst.reason")),
    citation: CITE.order,
    ...(ctx.dominance === "supplier" ? { dominance: ctx.dominance } : {})
  }
}
