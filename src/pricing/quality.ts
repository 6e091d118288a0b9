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
import { amount, list, msg, nested, quote, type Message } from "../i18n/message"
import { CITE } from "./citations"
import type { PricingContext } from "./context"
import { percentChange } from "./numbers"
import type { PushbackReading } from "./pushback"
import type { Suggestion } from "./types"

/** An opening more than this far under the reference counts as undercutting it. */
export const UNDERCUT_TOLERANCE = 0.01

export interface Undercut {
  reference: number
  kind: "last-price" | "list-price"
  /** The draft the rep typed, ISO unit. */
  draft: number
}

export function undercutSuggestion(ctx: PricingContext, undercut: Undercut, price: number): Suggestion {
  const cur = ctx.input.currency
  const name = undercut.kind === "last-price" ? msg("p.r10.reference.last") : msg("p.r10.reference.list")
  return {
    rule: "R10",
    kind: "undercut",
    severity: "warning",
    draft: ctx.money(undercut.draft),
    flags: ["undercut-without-reason"],
    ...ctx.say(
      msg("p.r10.undercut", {
        draft: amount(undercut.draft, cur),
        pct: Math.abs(percentChange(undercut.reference, undercut.draft)),
        reference: nested(name),
        referenceAmount: amount(undercut.reference, cur),
        price: amount(price, cur)
      })
    ),
    ...ctx.because(msg("p.r10.undercut.reason")),
    citation: CITE.waber
  }
}

export function unexplainedDiscountSuggestion(ctx: PricingContext): Suggestion {
  return {
    rule: "R10",
    kind: "unexplained-discount",
    severity: "warning",
    flags: ["discount-without-reason"],
    ...ctx.say(msg("p.r10.unexplained", { pct: ctx.input.discountPercent ?? 0 })),
    ...ctx.because(msg("p.r10.unexplained.reason")),
    citation: CITE.waber
  }
}

/**
 * The Dell-trap warning is the analysis' verdict (profile.dellTrap: price-dominant criteria,
 * customer dominance and deepening discounts together), not a second judgement made here from
 * dominance and criteria alone: a customer-dominant account whose discounts hold is not in the
 * trap, and the panel must not say so on one tab and not on the other.
 */
export function dellTrapSuggestion(ctx: PricingContext): Suggestion | null {
  const trapped = ctx.dellTrap === true
  if (!trapped && ctx.dominance !== "customer") return null
  return {
    rule: "R10",
    kind: "dell-trap",
    severity: trapped ? "warning" : "info",
    dominance: ctx.dominance,
    flags: trapped ? ["dell-trap"] : [],
    ...ctx.say(trapped ? msg("p.r10.dellTrap") : msg("p.r10.dependence")),
    ...ctx.because(msg("p.r10.dell.reason")),
    citation: CITE.dell
  }
}

export function pushbackSuggestion(ctx: PricingContext, reading: PushbackReading): Suggestion {
  const lowInfo = !ctx.hasInformation ? [msg("p.r10.lowInfo")] : []
  const say = (first: Message) => ctx.say(msg("p.sentences", { sentences: list([first, ...lowInfo]) }))
  const base = { rule: "R10" as const, kind: "pushback", pushback: reading.kind, cues: [...reading.constraintCues, ...reading.disparagementCues], citation: CITE.pushback }
  const constraint = quote(reading.constraintCues[0] ?? "")
  const disparagement = quote(reading.disparagementCues[0] ?? "")
  switch (reading.kind) {
    case "constraint":
      return { ...base, severity: "info", ...say(msg("p.r10.constraint", { cue: constraint })), ...ctx.because(msg("p.r10.constraint.reason")) }
    case "disparagement":
      return { ...base, severity: "warning", ...say(msg("p.r10.disparagement", { cue: disparagement })), ...ctx.because(msg("p.r10.disparagement.reason")) }
    case "mixed":
      return { ...base, severity: "info", ...say(msg("p.r10.mixed", { constraint, disparagement })), ...ctx.because(msg("p.r10.mixed.reason")) }
    default:
      return { ...base, severity: "info", ...ctx.say(msg("p.r10.unclear")), ...ctx.because(msg("p.r10.unclear.reason")) }
  }
}

/**
 * When the rep has typed no pushback, the account's history may still show which kind this buyer
 * uses (profile.pushback): the same reading the Negotiation tab gives, so both tabs agree.
 */
export function historyPushbackSuggestion(ctx: PricingContext): Suggestion | null {
  const kind = ctx.historyPushback
  if (kind === "none") return null
  return {
    rule: "R10",
    kind: "pushback",
    pushback: kind,
    cues: [],
    severity: kind === "disparagement" ? "warning" : "info",
    ...ctx.say(msg(`p.r10.history.${kind}`)),
    ...ctx.because(msg(kind === "constraint" ? "p.r10.constraint.reason" : kind === "disparagement" ? "p.r10.disparagement.reason" : "p.r10.mixed.reason")),
    citation: CITE.pushback
  }
}
