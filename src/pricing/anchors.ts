/**
 * R2 — anchor first: a credible reference stated explicitly against the price, before the price.
 *
 * - Only explicit comparison anchors reliably ("list 58,400 / your price 49,750"); an anchor that
 *   is merely present somewhere often fails to replicate (Shanks et al. 2020, research §2.1).
 * - Only references above the price are offered: a lower number would anchor the buyer down.
 * - Value figures are listed largest first (Tversky & Kahneman 1974: 8×7×…×1 was estimated at
 *   2,250, 1×2×…×8 at 512; the transfer to value lists is a design heuristic, research §2.1).
 * - Experts are anchored too (Mussweiler, Strack & Pfeiffer 2000: car experts 2,520 vs 3,563 DM
 *   after 2,800 vs 5,000 DM anchors): the anchor stays on for experts, paired with its reasons.
 * - Who names the first figure: the rep, when the rep has information; a low-power rep with no
 *   reference lets the buyer speak first or anchors on the target, not the walk-away
 *   (Galinsky & Mussweiler 2001; Negotiation Journal 39(1) 2023).
 * - A bolstering range (point offer at the low end, about 5 % above at the top) gets better terms
 *   without relational cost (Ames & Mason 2015: "$7,200 to $7,600").
 * - Negotiating issue by issue reveals priorities: bundle the terms (Loschelder et al. 2014).
 */
import { amount, list, msg, nested, type Message } from "../i18n/message"
import { CITE } from "./citations"
import type { PricingContext } from "./context"
import { findPrecise } from "./precision"
import { snap } from "./numbers"
import type { AnchorLine, Suggestion } from "./types"
import { fromPresented, minimumStep, toPresented } from "./units"

/** Bolstering range width (Ames & Mason 2015: 7,200 → 7,600 is +5.6 %; research §5: 5 %). */
export const RANGE_WIDTH = 0.05

/**
 * The reference an opening must not undercut without a reason (R10): the price this account last
 * paid, else the list price. Null when there is none.
 */
export function ownReference(ctx: PricingContext): { amount: number; kind: "last-price" | "list-price" } | null {
  if (ctx.lastPaid !== null) return { amount: ctx.lastPaid, kind: "last-price" }
  if (ctx.listPrice !== null) return { amount: ctx.listPrice, kind: "list-price" }
  return null
}

/** The yearly total the buyer pays (value figures are compared with it), ISO unit. */
export function yearlyTotal(ctx: PricingContext, price: number): number {
  const perPeriod = ctx.input.offer === "per-seat" ? price * ctx.seats : price
  return ctx.periodsPerYear !== null ? perPeriod * ctx.periodsPerYear : perPeriod
}

export function anchorLines(ctx: PricingContext, price: number): AnchorLine[] {
  const lines: AnchorLine[] = []
  const total = yearlyTotal(ctx, price)
  if (ctx.listPrice !== null && ctx.listPrice > price) lines.push({ kind: "list-price", comparedWith: "price", ...ctx.money(ctx.listPrice) })
  if (ctx.lastPaid !== null && ctx.lastPaid > price) lines.push({ kind: "last-price", comparedWith: "price", ...ctx.money(ctx.lastPaid) })
  const { costOfProblem, yearlySavings } = ctx.input
  if (costOfProblem !== undefined && costOfProblem > total) lines.push({ kind: "cost-of-problem", comparedWith: "annual-total", ...ctx.money(costOfProblem) })
  if (yearlySavings !== undefined && yearlySavings > total) lines.push({ kind: "yearly-savings", comparedWith: "annual-total", ...ctx.money(yearlySavings) })
  return lines.sort((a, b) => b.amount - a.amount)
}

const ANCHOR_WORDS: Readonly<Record<AnchorLine["kind"], Message>> = {
  "list-price": msg("p.r2.kind.listPrice"),
  "last-price": msg("p.r2.kind.lastPrice"),
  "cost-of-problem": msg("p.r2.kind.costOfProblem"),
  "yearly-savings": msg("p.r2.kind.yearlySavings")
}

/** High end of a bolstering range: about +5 %, three significant digits (low end = the point offer). */
export function bolsteringHigh(ctx: PricingContext, low: number): number {
  const presented = toPresented(low, ctx.unit)
  const target = presented * (1 + RANGE_WIDTH)
  const step = minimumStep(target, ctx.unit)
  const high = findPrecise(target * 0.99, target * 1.01, target, 2, 3, step) ?? snap(target, step)
  return fromPresented(high, ctx.unit)
}

export function anchorSuggestions(ctx: PricingContext, price: number): Suggestion[] {
  const cur = ctx.input.currency
  const out: Suggestion[] = []
  const anchors = anchorLines(ctx, price)
  const lowPower = ctx.dominance === "customer"
  const firstOffer: "rep" | "buyer" = lowPower && !ctx.hasInformation ? "buyer" : "rep"

  if (firstOffer === "buyer") {
    out.push({
      rule: "R2",
      kind: "first-offer",
      severity: "warning",
      firstOffer,
      ...ctx.say(msg("p.r2.buyerFirst")),
      ...ctx.because(msg("p.r2.buyerFirst.reason")),
      citation: CITE.firstOffer,
      dominance: ctx.dominance
    })
  } else if (anchors[0] !== undefined) {
    const top = anchors[0]
    const first = msg("p.r2.anchor", { anchor: nested(ANCHOR_WORDS[top.kind]), reference: amount(top.amount, cur), price: amount(price, cur) })
    const sentences = [first, ...(anchors.length > 1 ? [msg("p.r2.largestFirst")] : []), ...(ctx.expertise === "expert" ? [msg("p.r2.expertSources")] : [])]
    out.push({
      rule: "R2",
      kind: "anchor",
      severity: "info",
      firstOffer,
      anchors,
      ...ctx.say(msg("p.sentences", { sentences: list(sentences) })),
      ...ctx.because(msg("p.r2.anchor.reason")),
      citation: CITE.anchoring
    })
  } else {
    out.push({
      rule: "R2",
      kind: "no-anchor",
      severity: "info",
      firstOffer,
      anchors: [],
      ...ctx.say(msg("p.r2.noAnchor")),
      ...ctx.because(msg("p.r2.noAnchor.reason")),
      citation: CITE.anchoring
    })
  }

  const wantsRange = ctx.input.range === true || ctx.dominance === "balanced-interdependent"
  if (wantsRange && ctx.input.mode === "opening" && ctx.input.side === "seller") {
    const high = bolsteringHigh(ctx, price)
    out.push({
      rule: "R2",
      kind: "range",
      severity: "info",
      range: { low: ctx.money(price), high: ctx.money(high) },
      ...ctx.say(msg("p.r2.range", { low: amount(price, cur), high: amount(high, cur) })),
      ...ctx.because(msg("p.r2.range.reason")),
      citation: CITE.range,
      ...(ctx.dominance === "balanced-interdependent" ? { dominance: ctx.dominance } : {})
    })
  }

  if (ctx.input.issueByIssue) {
    out.push({
      rule: "R2",
      kind: "bundle-terms",
      severity: "warning",
      ...ctx.say(msg("p.r2.bundleTerms")),
      ...ctx.because(msg("p.r2.bundleTerms.reason")),
      citation: CITE.infoAnchoring
    })
  }
  return out
}
