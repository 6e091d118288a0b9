/**
 * Parley's pricing engine (FRAMEWORK.md §3, DESIGN.md "Contracts"). Pure TypeScript: no DOM,
 * storage, chrome APIs or clock, so it runs in the service worker, the panel, the inline chip,
 * a test or a benchmark unchanged.
 */
export { suggestPricing } from "./rules"
export { formatAmount, formatDurations, type AmountStyle, type FormatAmountOptions } from "./format"
export { parseTypedAmount } from "./parse"
export {
  PricingInputSchema,
  PricingProfile,
  MAX_AMOUNT,
  DOMINANCE_LABELS,
  type PricingInput,
  type ParsedPricingInput,
  type DominanceLabel,
  type InitiatorLabel
} from "./schema"
export type { PricingResult, PricingError, Suggestion, RuleId, Money, AnchorLine, PresentationLine, PricePackage } from "./types"
export { readPushback, type PushbackKind, type PushbackReading } from "./pushback"
export { discountPressure } from "./precision"
export { LOCALE_TABLE } from "./locale-table"

import type { PricingError, PricingResult } from "./types"

/** Narrowing helper for callers: `if (isPricingError(r)) show(r.error)`. */
export function isPricingError(result: PricingResult | PricingError): result is PricingError {
  return "error" in result
}
