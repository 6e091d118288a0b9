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
import { amount, list, msg, nested, quote, text, type Message } from "../i18n/message"
import { yearlyTotal } from "./anchors"
import { CITE } from "./citations"
import type { PricingContext } from "./context"
import { median, percentChange } from "./numbers"
import { DISCOUNT_REASON_OPTIONS, isPlacebicRationale, readDiscountReason, readIncreaseReason, type DiscountCategory, type IncreaseCategory } from "./reasons"
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

const sentences = (ms: (Message | null)[]): Message => msg("p.sentences", { sentences: list(ms.filter((m): m is Message => m !== null)) })
const cueList = (cues: string[]): ReturnType<typeof text> => text(cues.join(", "))

export function justify(ctx: PricingContext, price: number, rationaleRequired: boolean): Justification {
  const { input } = ctx
  const cur = input.currency
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
      ...ctx.say(msg("p.r1.sayReason", { price: amount(price, cur), rationale: text(rationale.replace(/^because\s+/i, "")) })),
      ...ctx.because(msg("p.r1.sayReason.reason")),
      citation: CITE.langer
    })
  } else {
    const value =
      input.yearlySavings !== undefined
        ? msg("p.r1.value.savings", { amount: amount(input.yearlySavings, cur, "full") })
        : input.costOfProblem !== undefined
          ? msg("p.r1.value.problem", { amount: amount(input.costOfProblem, cur, "full") })
          : msg("p.r1.value.drivers")
    out.push({
      rule: "R1",
      kind: "price",
      severity: rationaleRequired || multiple !== null || placebic ? "warning" : "info",
      flags: [...(placebic ? ["placebic-rationale"] : []), ...(multiple !== null ? ["large-ask"] : [])],
      ...ctx.say(
        sentences([
          msg("p.r1.addReason", { price: amount(price, cur), value: nested(value) }),
          placebic ? msg("p.r1.placebic", { rationale: quote(rationale) }) : null,
          multiple !== null ? msg("p.r1.largeAsk", { multiple }) : null,
          rationaleRequired ? msg("p.r1.expertNeedsIt") : null
        ])
      ),
      ...ctx.because(msg("p.r1.addReason.reason")),
      citation: CITE.langer
    })
  }

  // 2. A discount.
  if ((input.discountPercent ?? 0) > 0 || (input.discountReason ?? "").trim() !== "") {
    const pct = input.discountPercent ?? 0
    const r = readDiscountReason(input.discountReason)
    const contingent = ctx.dominance === "customer" ? msg("p.r1.contingent") : null
    if (r.missing || r.quality || (r.placebic && pct >= LARGE_ASK.discountPercent) || (r.category === null && !r.placebic)) {
      const discount = nested(pct > 0 ? msg("p.r1.discount.named", { pct }) : msg("p.r1.discount.plain"))
      const why = r.missing
        ? msg("p.r1.discount.missing", { discount })
        : r.quality
          ? msg("p.r1.discount.quality", { discount, cues: cueList(r.cues) })
          : r.placebic
            ? msg("p.r1.discount.placebic", { discount })
            : msg("p.r1.discount.unlisted", { discount })
      const options = DISCOUNT_REASON_OPTIONS.map((o) => msg(o))
      out.push({
        rule: "R1",
        kind: "discount",
        severity: "warning",
        reasonCategory: r.category ?? undefined,
        reasonOptions: options.map((o) => ctx.say(o).text),
        reasonOptionMessages: options,
        flags: [r.missing ? "discount-without-reason" : r.quality ? "quality-implying-reason" : "weak-discount-reason"],
        ...ctx.say(sentences([why, msg("p.r1.discount.fix", { options: nested(msg("p.r1.discount.options")) }), contingent])),
        ...ctx.because(msg("p.r1.discount.reason")),
        citation: CITE.waber,
        ...(contingent ? { dominance: ctx.dominance } : {})
      })
    } else {
      out.push({
        rule: "R1",
        kind: "discount",
        severity: "info",
        reasonCategory: r.category ?? undefined,
        ...ctx.say(
          sentences([
            msg("p.r1.discount.good", { category: nested(categoryMessage(r.category)), trade: nested(tradeMessage(r.category)) }),
            contingent
          ])
        ),
        ...ctx.because(msg("p.r1.discount.good.reason")),
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
    const exploit = ctx.dominance === "supplier" ? msg("p.r1.noExploit") : null
    const stated = input.priceIncreasePercent === undefined && implied > 0
    const last = amount(ctx.lastPaid ?? 0, cur)
    if (r.demand || r.profit) {
      const driver = nested(r.demand ? msg("p.r1.driver.demand") : msg("p.r1.driver.profit"))
      const cues = cueList(r.cues)
      out.push({
        rule: "R1",
        kind: "increase",
        severity: "warning",
        reasonCategory: r.category ?? undefined,
        flags: [...(r.demand ? ["demand-based-increase"] : []), ...(r.profit ? ["profit-motive-increase"] : [])],
        cues: r.cues,
        ...ctx.say(
          sentences([
            stated ? msg("p.r1.increase.flaggedImplied", { pct: implied, last, driver, cues }) : msg("p.r1.increase.flagged", { driver, cues }),
            exploit
          ])
        ),
        ...ctx.because(r.demand ? msg("p.r1.increase.demand.reason") : msg("p.r1.increase.profit.reason")),
        citation: r.demand ? CITE.kkt : CITE.campbell,
        ...(exploit ? { dominance: ctx.dominance } : {})
      })
    } else if (r.missing || (r.placebic && large) || r.category === null) {
      const strength = nested(large ? msg("p.r1.strength.substantive") : msg("p.r1.strength.plain"))
      out.push({
        rule: "R1",
        kind: "increase",
        severity: "warning",
        flags: [r.missing ? "increase-without-reason" : "weak-increase-reason"],
        ...ctx.say(
          sentences([
            stated
              ? msg("p.r1.increase.needsReasonImplied", { pct: increase, implied, last, strength })
              : msg("p.r1.increase.needsReason", { pct: increase, strength }),
            exploit
          ])
        ),
        ...ctx.because(msg("p.r1.increase.needsReason.reason")),
        citation: `${CITE.kkt}; ${CITE.campbell}`,
        ...(exploit ? { dominance: ctx.dominance } : {})
      })
    } else {
      out.push({
        rule: "R1",
        kind: "increase",
        severity: "info",
        reasonCategory: r.category,
        ...ctx.say(sentences([msg("p.r1.increase.acceptable", { category: nested(categoryMessage(r.category)) }), exploit])),
        ...ctx.because(msg("p.r1.increase.acceptable.reason")),
        citation: CITE.kkt,
        ...(exploit ? { dominance: ctx.dominance } : {})
      })
    }
  }
  return { suggestions: out, hasRationale }
}

function categoryMessage(category: DiscountCategory | IncreaseCategory | null): Message {
  switch (category) {
    case "volume":
      return msg("p.r1.category.volume")
    case "term":
      return msg("p.r1.category.term")
    case "model-change":
      return msg("p.r1.category.modelChange")
    case "timing":
      return msg("p.r1.category.timing")
    case "bundle":
      return msg("p.r1.category.bundle")
    case "input-cost":
      return msg("p.r1.category.inputCost")
    case "scope":
      return msg("p.r1.category.scope")
    case "regulation":
      return msg("p.r1.category.regulation")
    default:
      return msg("p.r1.category.relationship")
  }
}

function tradeMessage(category: DiscountCategory | null): Message {
  switch (category) {
    case "volume":
      return msg("p.r1.trade.volume")
    case "term":
      return msg("p.r1.trade.term")
    case "model-change":
      return msg("p.r1.trade.modelChange")
    case "timing":
      return msg("p.r1.trade.timing")
    case "bundle":
      return msg("p.r1.trade.bundle")
    default:
      return msg("p.r1.trade.partner")
  }
}
