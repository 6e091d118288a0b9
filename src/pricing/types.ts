/**
 * The result of suggestPricing (DESIGN.md "Contracts"): `{ suggestedPrice, display, suggestions }`.
 * Each suggestion names its rule (FRAMEWORK.md §3), says what to do (`text`), why (`reason`, the
 * finding) and where that comes from (`citation`); rule-specific data sits in optional fields so
 * the panel can render structure instead of parsing sentences. All amounts are in the input
 * currency's ISO unit; `display` fields are already formatted for the locale.
 */
import type { Message } from "../i18n/message"
import type { DominanceLabel } from "./schema"

export type RuleId = "R1" | "R2" | "R3" | "R4" | "R5" | "R6" | "R7" | "R8" | "R9" | "R10"

export interface Money {
  amount: number
  display: string
}

export interface AnchorLine extends Money {
  kind: "list-price" | "last-price" | "cost-of-problem" | "yearly-savings"
  /** What the anchor is compared with: the price ("unit") or the yearly total of the deal. */
  comparedWith: "price" | "annual-total"
}

export interface PresentationLine extends Money {
  kind: "price" | "gift" | "absorbed-cost" | "saving"
  /** `labelMessage` rendered in the input's language (a gift's name is the rep's own text). */
  label: string
  labelMessage: Message
  /** Full form, numerals only, for a table whose header carries the unit. */
  numerals: string
}

export interface PricePackage {
  id: "A" | "B" | "C" | "D"
  /** `nameMessage` rendered in the input's language. */
  name: string
  nameMessage: Message
  price: number
  display: string
  /** 1 standard, 2 priority, 3 premium. */
  serviceLevel: number
  /** Commitment in months (0 for a one-off purchase). */
  commitmentMonths: number
  /** Seats (per-seat offers; more seats is more commitment for the buyer). */
  seats?: number
  /** Paid in advance. */
  prepaid?: boolean
  /** Why this package costs what it costs (R1: a non-quality reason); `reasonMessage` rendered. */
  reason: string
  reasonMessage: Message
  decoy?: boolean
  /** For a decoy: the only package that dominates it. */
  dominatedBy?: PricePackage["id"]
}

export interface Suggestion {
  rule: RuleId
  /** What to do, in one or two sentences: `message` rendered in the input locale's language. */
  text: string
  message: Message
  /** The finding behind it: `reasonMessage` rendered. */
  reason: string
  reasonMessage: Message
  citation: string
  severity: "info" | "warning"
  /** Finer kind within the rule ("discount", "increase", "pushback", "undercut", …). */
  kind?: string
  /** R7 */
  framing?: "per-day" | "annual"
  perDay?: Money
  annual?: Money
  usageReportReminder?: boolean
  /** R6 */
  comparator?: { label: string; labelMessage: Message; amount: number; display: string }
  /** R8 */
  order?: "value-first" | "price-first"
  /** R2 */
  anchors?: AnchorLine[]
  firstOffer?: "rep" | "buyer"
  range?: { low: Money; high: Money }
  /** R3 */
  draft?: Money
  rationaleRequired?: boolean
  /** Expected extra discount pressure (percentage points) of the draft and of the suggestion. */
  discountPressure?: { draft: number; suggested: number }
  alternative?: Money
  /** R5 */
  lines?: PresentationLine[]
  unitLabel?: string
  /** R9 */
  packages?: PricePackage[]
  /** R1 */
  reasonCategory?: string
  reasonOptions?: string[]
  reasonOptionMessages?: Message[]
  flags?: string[]
  /** R10 pushback */
  pushback?: "constraint" | "disparagement" | "mixed" | "unclear"
  cues?: string[]
  /** Set when the relationship's dominance label shaped this advice. */
  dominance?: DominanceLabel
}

export interface PricingResult {
  /** The price to quote, ISO unit of the input currency (rials for IRR). Per seat for per-seat offers. */
  suggestedPrice: number
  /** Its compact form ("$49,750", "۴۸٫۵ میلیون تومان"). */
  display: string
  suggestions: Suggestion[]
  /** How the engine read the situation (for the panel's "why"). */
  context: {
    currency: string
    locale: string
    mode: "opening" | "closing"
    side: "seller" | "buyer"
    expertise: "amateur" | "expert"
    expertiseSource: "input" | "counterpart" | "price-history" | "default"
    dominance: DominanceLabel
    /** The unit prices are written in ("toman" for IRR). */
    unitLabel: string
  }
}

export interface PricingError {
  /** `message` rendered in the input locale's language (English when the locale is unreadable). */
  error: string
  message: Message
}
