/**
 * R1 — justify every price, discount and increase with one "because…" line.
 *
 * A reason raises compliance with a small request (Langer, Blank & Chanowitz 1978: 60 % with no
 * reason, 93-94 % with one), but a large ask needs a substantive reason — the placebic "because"
 * did not help large requests and did not replicate (Folkes 1985). Discount reasons must not imply
 * lower quality (Waber et al. 2008; Shiv, Carmon & Ariely 2005); increases are justified by costs
 * or scope, never by demand or scarcity (KKT 1986: 82 % unfair) and never by our profit
 * (Campbell 1999). Reading the reasons: reasons.ts.
 */
import { yearlyTotal } from "./anchors"
import { CITE } from "./citations"
import type { PricingContext } from "./context"
import { median, percentChange } from "./numbers"
import { DISCOUNT_REASON_OPTIONS, isPlacebicRationale, readDiscountReason, readIncreaseReason } from "./reasons"
import type { Suggestion } from "./types"

/** Thresholds for a "large ask" (design defaults; the research gives no number). */
export const LARGE_ASK = { dealSizeMultiple: 2, increasePercent: 10, discountPercent: 20 } as const

/** Above this rise over the last price paid, the quote is an increase and needs its own reason. */
const IMPLIED_INCREASE_PERCENT = 2

export interface Justification {
  suggestions: Suggestion[]
  /** The rep stated a rationale that is not placebic. */
  hasRationale: boolean
}

function largeDeal(ctx: PricingContext, price: number): number | null {
  const sizes = ctx.input.anchors?.previousDealSizes ?? []
  if (sizes.length === 0) return null
  const usual = median(sizes)
  const multiple = yearlyTotal(ctx, price) / usual
  return multiple >= LARGE_ASK.dealSizeMultiple ? Math.round(multiple * 10) / 10 : null
}

export function justify(ctx: PricingContext, price: number, display: string, rationaleRequired: boolean): Justification {
  const { input } = ctx
  const out: Suggestion[] = []
  const rationale = input.rationale?.trim() ?? ""
  const placebic = isPlacebicRationale(rationale)
  const hasRationale = rationale !== "" && !placebic
  const multiple = largeDeal(ctx, price)

  // 1. The price itself.
  if (hasRationale) {
    out.push({
      rule: "R1",
      kind: "price",
      severity: "info",
      text: `Say the reason with the number: “${display}, because ${rationale.replace(/^because\s+/i, "")}”.`,
      reason: "A price with a reason is accepted more readily than the same price alone.",
      citation: CITE.langer
    })
  } else {
    const value =
      input.yearlySavings !== undefined
        ? `“because it saves you ${ctx.money(input.yearlySavings, "full").display} a year”`
        : input.costOfProblem !== undefined
          ? `“because the problem costs you ${ctx.money(input.costOfProblem, "full").display} a year”`
          : "what drives the number (scope, volumes, cost basis)"
    const large = multiple !== null ? ` This is a large ask (${multiple}× their usual deal): the reason must be substantive, a placebic “because” does not carry it.` : ""
    const weak = placebic ? ` “${rationale}” says nothing the buyer can check.` : ""
    out.push({
      rule: "R1",
      kind: "price",
      severity: rationaleRequired || multiple !== null || placebic ? "warning" : "info",
      flags: [...(placebic ? ["placebic-rationale"] : []), ...(multiple !== null ? ["large-ask"] : [])],
      text: `Add one “because…” line to ${display}: ${value}.${weak}${large}${rationaleRequired ? " A precise number to an expert needs it." : ""}`,
      reason: "A reason raises acceptance of a small request (60 % without, 93-94 % with one); for a large request only a real reason helps.",
      citation: CITE.langer
    })
  }

  // 2. A discount.
  if ((input.discountPercent ?? 0) > 0 || (input.discountReason ?? "").trim() !== "") {
    const pct = input.discountPercent ?? 0
    const r = readDiscountReason(input.discountReason)
    const contingent = ctx.dominance === "customer" ? " Make it contingent: the discount only in exchange for that volume, term or timing." : ""
    if (r.missing || r.quality || (r.placebic && pct >= LARGE_ASK.discountPercent) || (r.category === null && !r.placebic)) {
      const why = r.missing
        ? "has no reason"
        : r.quality
          ? `is justified by something that says the product is worth less (${r.cues.join(", ")})`
          : r.placebic
            ? "is large and its reason is placebic"
            : "has a reason that is not one of the non-quality reasons"
      out.push({
        rule: "R1",
        kind: "discount",
        severity: "warning",
        reasonCategory: r.category ?? undefined,
        reasonOptions: [...DISCOUNT_REASON_OPTIONS],
        flags: [r.missing ? "discount-without-reason" : r.quality ? "quality-implying-reason" : "weak-discount-reason"],
        text: `The ${pct > 0 ? `${pct}% ` : ""}discount ${why}. Give it a reason that does not touch quality — ${DISCOUNT_REASON_OPTIONS.slice(0, 4).join("; ")} — and show it as a trade, not a lower price.${contingent}`,
        reason: "An unexplained discount lowers expected quality: the same placebo cut pain for 85 % at full price and 61 % when discounted.",
        citation: CITE.waber,
        ...(contingent ? { dominance: ctx.dominance } : {})
      })
    } else {
      out.push({
        rule: "R1",
        kind: "discount",
        severity: "info",
        reasonCategory: r.category ?? undefined,
        text: `Good reason for the discount (${r.category}): it explains the price without saying anything about quality. Say it as a trade — “because you ${tradeVerb(r.category)}”.${contingent}`,
        reason: "A discount with a non-quality reason keeps the expectation of quality intact (inferred from the placebo studies, which gave no reason).",
        citation: CITE.waber,
        ...(contingent ? { dominance: ctx.dominance } : {})
      })
    }
  }

  // 3. An increase, stated or implied by the account's last price.
  const implied = ctx.lastPaid !== null && price > ctx.lastPaid * (1 + IMPLIED_INCREASE_PERCENT / 100) ? percentChange(ctx.lastPaid, price) : 0
  const increase = input.priceIncreasePercent ?? implied
  if (increase > 0 || (input.increaseReason ?? "").trim() !== "") {
    const r = readIncreaseReason(input.increaseReason)
    const large = increase >= LARGE_ASK.increasePercent
    const exploit = ctx.dominance === "supplier" ? " You hold the power here: do not exploit it." : ""
    const stated = input.priceIncreasePercent === undefined && implied > 0 ? ` (${implied}% above the ${ctx.money(ctx.lastPaid ?? 0).display} they last paid)` : ""
    if (r.demand || r.profit) {
      out.push({
        rule: "R1",
        kind: "increase",
        severity: "warning",
        reasonCategory: r.category ?? undefined,
        flags: [...(r.demand ? ["demand-based-increase"] : []), ...(r.profit ? ["profit-motive-increase"] : [])],
        cues: r.cues,
        text: `Don't justify the increase${stated} by ${r.demand ? "demand or scarcity" : "your own margin"} (${r.cues.join(", ")}): buyers judge that unfair. Use the real cost or scope driver, or don't raise.${exploit}`,
        reason: r.demand
          ? "Raising a snow shovel from $15 to $20 after a storm was judged unfair by 82 %; passing on a cost increase was accepted."
          : "The motive buyers infer for an increase drives how unfair it feels; a firm that visibly profits loses the benefit of the doubt.",
        citation: r.demand ? CITE.kkt : CITE.campbell,
        ...(exploit ? { dominance: ctx.dominance } : {})
      })
    } else if (r.missing || (r.placebic && large) || r.category === null) {
      out.push({
        rule: "R1",
        kind: "increase",
        severity: "warning",
        flags: [r.missing ? "increase-without-reason" : "weak-increase-reason"],
        text: `The ${increase}% increase${stated} needs a ${large ? "substantive " : ""}reason the buyer can accept: an input-cost change (wages, materials, exchange rate), regulation, or added scope — never demand.${exploit}`,
        reason: "Cost pass-through is accepted as fair; increases without a cost or scope reason are read as exploiting the buyer.",
        citation: `${CITE.kkt}; ${CITE.campbell}`,
        ...(exploit ? { dominance: ctx.dominance } : {})
      })
    } else {
      out.push({
        rule: "R1",
        kind: "increase",
        severity: "info",
        reasonCategory: r.category,
        text: `Acceptable reason for the increase (${r.category}): say it with the new price, with the figure behind it.${exploit}`,
        reason: "Passing on a cost increase is judged fair.",
        citation: CITE.kkt,
        ...(exploit ? { dominance: ctx.dominance } : {})
      })
    }
  }
  return { suggestions: out, hasRationale }
}

function tradeVerb(category: string | null): string {
  switch (category) {
    case "volume":
      return "are ordering this volume"
    case "term":
      return "are committing for this term"
    case "model-change":
      return "are taking the outgoing model"
    case "timing":
      return "are signing and paying on this timeline"
    case "bundle":
      return "are buying it together with the rest"
    default:
      return "are a long-standing partner"
  }
}
