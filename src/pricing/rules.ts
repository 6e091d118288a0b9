/**
 * suggestPricing: validate, read the situation, decide the price's digits, then ask every rule
 * (R1-R10, FRAMEWORK.md §3) what to tell the rep. Pure: no DOM, storage, clock or randomness, so
 * the same input always gives the same advice.
 *
 * Order of decisions:
 * 1. R10 first: an opening below the account's own reference with no reason starts from the
 *    reference instead (undercutting without a reason signals low quality).
 * 2. R3/R4 decide the digits from that base (precise opening, round closing/urgent, no charm).
 * 3. Every other rule describes how to present that price.
 *
 * Procurement mode (`side: "buyer"`): only the precision rules and issue bundling apply — the
 * other rules coach a seller presenting a price.
 */
import { languageOf } from "../i18n/language"
import { msg, text, type Message } from "../i18n/message"
import { renderMessage } from "../i18n/render"
import { anchorSuggestions, ownReference } from "./anchors"
import { buildContext, type PricingContext } from "./context"
import { framingSuggestions } from "./framing"
import { justify } from "./justification"
import { orderSuggestion } from "./order"
import { packageSuggestion } from "./packages"
import { decidePrice } from "./precision"
import { precisionSuggestions } from "./precision-advice"
import { presentationSuggestions } from "./presentation"
import { readPushback, type PushbackReading } from "./pushback"
import { dellTrapSuggestion, historyPushbackSuggestion, pushbackSuggestion, UNDERCUT_TOLERANCE, undercutSuggestion, unexplainedDiscountSuggestion, type Undercut } from "./quality"
import { isPlacebicRationale, readDiscountReason } from "./reasons"
import { describeIssues, PricingInputSchema, type ParsedPricingInput } from "./schema"
import type { PricingError, PricingResult, Suggestion } from "./types"
import { fromPresented, minimumStep, toPresented } from "./units"

function findUndercut(ctx: PricingContext, pushback: PushbackReading | null): Undercut | null {
  const { input } = ctx
  if (input.mode !== "opening" || input.side !== "seller") return null
  const reference = ownReference(ctx)
  if (reference === null || input.amount >= reference.amount * (1 - UNDERCUT_TOLERANCE)) return null
  // A stated reason, or a buyer who named a limit, makes the lower price deliberate.
  if ((input.discountReason ?? "").trim() !== "") return null
  if (pushback && (pushback.kind === "constraint" || pushback.kind === "mixed")) return null
  return { reference: reference.amount, kind: reference.kind, draft: input.amount }
}

function ruleNumber(s: Suggestion): number {
  return Number(s.rule.slice(1))
}

function run(input: ParsedPricingInput): PricingResult {
  const ctx = buildContext(input)
  const pushback = (input.pushback ?? "").trim() !== "" ? readPushback(input.pushback) : null
  const hasRationale = (input.rationale ?? "").trim() !== "" && !isPlacebicRationale(input.rationale)
  const seller = input.side === "seller"

  const undercut = findUndercut(ctx, pushback)
  const base = undercut ? undercut.reference : input.amount
  const decision = decidePrice(toPresented(base, ctx.unit), {
    mode: input.mode,
    urgent: input.urgent === true,
    side: input.side,
    expertise: ctx.expertise,
    hasRationale,
    positioning: input.positioning,
    charmShare: input.otherPricesEndingIn9 ?? 0,
    minStep: (v) => minimumStep(v, ctx.unit)
  })
  const price = fromPresented(decision.value, ctx.unit)
  const display = ctx.money(price).display
  // Experts (Loschelder et al. 2016) and supplier-dominant accounts (FRAMEWORK §2) need a rationale for a precise anchor.
  const rationaleRequired =
    !hasRationale && input.mode === "opening" && decision.kind !== "round" && decision.kind !== "charm" && (ctx.expertise === "expert" || ctx.dominance === "supplier")

  const suggestions: Suggestion[] = []
  suggestions.push(...precisionSuggestions(ctx, decision, input.amount, price, rationaleRequired))
  if (seller) {
    suggestions.push(...justify(ctx, price, rationaleRequired).suggestions)
    if (input.mode === "opening") suggestions.push(...anchorSuggestions(ctx, price))
    suggestions.push(...presentationSuggestions(ctx, price, display))
    suggestions.push(...framingSuggestions(ctx, price))
    suggestions.push(orderSuggestion(ctx, price))
    const limit = pushback !== null && (pushback.kind === "constraint" || pushback.kind === "mixed")
    if (input.mode === "opening" || limit) suggestions.push(packageSuggestion(ctx, price, limit ? "constraint" : "opening"))
    if (undercut) suggestions.push(undercutSuggestion(ctx, undercut, price))
    else if ((input.discountPercent ?? 0) > 0) {
      const reason = readDiscountReason(input.discountReason)
      if (reason.missing || reason.quality) suggestions.push(unexplainedDiscountSuggestion(ctx))
    }
    const dell = dellTrapSuggestion(ctx)
    if (dell) suggestions.push(dell)
    if (pushback) suggestions.push(pushbackSuggestion(ctx, pushback))
    else {
      const fromHistory = historyPushbackSuggestion(ctx)
      if (fromHistory) suggestions.push(fromHistory)
    }
  } else if (input.issueByIssue) {
    suggestions.push(...anchorSuggestions(ctx, price).filter((s) => s.kind === "bundle-terms"))
  }
  // Stable sort: rule order, and within a rule the order the rule gave.
  suggestions.sort((a, b) => ruleNumber(a) - ruleNumber(b))

  return {
    suggestedPrice: price,
    display,
    suggestions,
    context: {
      currency: input.currency,
      locale: ctx.locale.tag,
      mode: input.mode,
      side: input.side,
      expertise: ctx.expertise,
      expertiseSource: ctx.expertiseSource,
      dominance: ctx.dominance,
      unitLabel: ctx.unitLabel
    }
  }
}

/** The error in the language of the input's locale when one can be read from it, else English. */
function failure(input: unknown, message: Message): PricingError {
  let locale: unknown
  try {
    locale = typeof input === "object" && input !== null ? (input as { locale?: unknown }).locale : undefined
  } catch {
    locale = undefined
  }
  return { error: renderMessage(message, languageOf(typeof locale === "string" ? locale : undefined)), message }
}

/** Pricing advice for a quote being drafted. Invalid input returns `{ error }`; never throws. */
export function suggestPricing(input: unknown): PricingResult | PricingError {
  try {
    const parsed = PricingInputSchema.safeParse(input)
    if (!parsed.success) return failure(input, describeIssues(parsed.error))
    return run(parsed.data)
  } catch (err) {
    return failure(input, msg("p.error.failed", { detail: text(err instanceof Error ? err.message : String(err)) }))
  }
}
