/**
 * How the engine reads the situation before any rule runs: who the counterpart is (expert or
 * amateur), who holds the power (the profile's dominance label), what the rep knows (anchors),
 * and the time structure of the offer. Every rule reads this instead of the raw input.
 */
import { priceLimitsKnown } from "../analysis/limits"
import { languageOf, type Language } from "../i18n/language"
import type { Message } from "../i18n/message"
import { renderMessage } from "../i18n/render"
import { formatAmount } from "./format"
import { resolveLocale, type ResolvedLocale } from "./locale"
import type { DominanceLabel, InitiatorLabel, ParsedPricingInput } from "./schema"
import type { Money } from "./types"
import { displayUnit, unitLabel, type DisplayUnit } from "./units"

export interface PricingContext {
  input: ParsedPricingInput
  unit: DisplayUnit
  locale: ResolvedLocale
  expertise: "amateur" | "expert"
  expertiseSource: "input" | "counterpart" | "price-history" | "default"
  dominance: DominanceLabel
  /** The customer's top decision criterion and the weight of price (0-1) when the profile has them. */
  topCriterion: string | null
  priceWeight: number | null
  initiator: InitiatorLabel
  /** The profile's Dell-trap verdict; null when no profile says (pricing never guesses it). */
  dellTrap: boolean | null
  /** The pushback the history shows (profile), for when the rep has not typed any. */
  historyPushback: "constraint" | "disparagement" | "mixed" | "none"
  listPrice: number | null
  /** The most recent price this account paid (last entry of previousPrices). */
  lastPaid: number | null
  /** The rep holds a credible reference: list price, price history, value figures or the
   * account's deals negotiated to a close (the profile's ledger). */
  hasInformation: boolean
  /** Billing periods per year for recurring offers; null for a one-off purchase. */
  periodsPerYear: number | null
  seats: number
  unitLabel: string
  /** The language the advice is written in: Persian for fa-*, English for every other locale. */
  language: Language
  money(amount: number, style?: "compact" | "full"): Money
  /** A message and its rendering, side by side (a suggestion's `message` and `text`). */
  say(message: Message): { message: Message; text: string }
  /** The same for a suggestion's finding. */
  because(message: Message): { reasonMessage: Message; reason: string }
}

function expertiseOf(input: ParsedPricingInput): Pick<PricingContext, "expertise" | "expertiseSource"> {
  if (input.expertise) return { expertise: input.expertise, expertiseSource: "input" }
  const c = input.counterpart
  // Professional procurement, an RFQ process or a repeat buyer → expert (Loschelder et al. 2016; research §2.8).
  if (c && (c.procurement || c.rfq || c.repeatBuyer)) return { expertise: "expert", expertiseSource: "counterpart" }
  // A buyer with a price history with us has seen our numbers before: a repeat buyer.
  if ((input.anchors?.previousPrices?.length ?? 0) > 0) return { expertise: "expert", expertiseSource: "price-history" }
  return { expertise: "amateur", expertiseSource: "default" }
}

function criteriaOf(input: ParsedPricingInput): Pick<PricingContext, "topCriterion" | "priceWeight"> {
  const dc = input.profile?.decisionCriteria
  const weights = dc?.weights ?? {}
  const entries = Object.entries(weights).filter(([, w]) => Number.isFinite(w) && w >= 0)
  const total = entries.reduce((sum, [, w]) => sum + w, 0)
  const top = entries.sort((a, b) => b[1] - a[1])[0]
  const label = dc?.label && dc.label !== "unknown" ? dc.label : (top?.[0] ?? null)
  const price = weights.price
  const priceWeight = typeof price === "number" && total > 0 ? price / total : label === "price" ? 0.5 : null
  return { topCriterion: label, priceWeight }
}

export function buildContext(input: ParsedPricingInput): PricingContext {
  const unit = displayUnit(input.currency)
  const locale = resolveLocale(input.locale) ?? { tag: "en-US", language: "en" }
  const language = languageOf(locale.tag)
  const previous = input.anchors?.previousPrices ?? []
  const recurring = input.offer === "subscription" || (input.offer === "per-seat" && input.period !== undefined)
  // A subscription without a period is read as yearly (B2B subscriptions are sold by the year; seed 001).
  const periodsPerYear = recurring ? (input.period === "month" ? 12 : 1) : null
  const listPrice = input.anchors?.listPrice ?? null
  const lastPaid = previous.length > 0 ? (previous[previous.length - 1] ?? null) : null
  // The account's own negotiated deals (the profile's ledger) are information too: the analysis
  // then tells the rep to anchor on them, and pricing must not say "let the buyer open".
  const hasInformation = listPrice !== null || lastPaid !== null || input.yearlySavings !== undefined || input.costOfProblem !== undefined ||
    priceLimitsKnown(input.profile?.concessions?.deals ?? [])
  const money = (amount: number, style: "compact" | "full" = "compact"): Money => ({
    amount,
    display: formatAmount(amount, { currency: input.currency, locale: locale.tag, style })
  })
  return {
    input,
    unit,
    locale,
    ...expertiseOf(input),
    dominance: input.profile?.dominance?.label ?? "unknown",
    ...criteriaOf(input),
    initiator: input.profile?.initiator?.label ?? "unknown",
    dellTrap: input.profile?.dellTrap?.flagged ?? null,
    historyPushback: input.profile?.pushback?.label ?? "none",
    listPrice,
    lastPaid,
    hasInformation,
    periodsPerYear,
    seats: input.seats ?? 1,
    unitLabel: unitLabel(unit, language),
    language,
    money,
    say: (message) => ({ message, text: renderMessage(message, language) }),
    because: (message) => ({ reasonMessage: message, reason: renderMessage(message, language) })
  }
}
