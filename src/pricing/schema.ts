/**
 * The input of suggestPricing, validated with zod (every boundary, DESIGN.md). Garbage in gives
 * a readable `{ error }` out, never an exception.
 *
 * Units: every amount is in the ISO unit of `currency` (IRR in rials) and in the same unit as
 * `amount` — per seat when `offer` is "per-seat", per `period` for subscriptions. The value inputs
 * (`yearlySavings`, `costOfProblem`) are yearly totals for the whole deal. `amount` is the price
 * the rep is about to quote, after any discount; `discountPercent` says how deep that discount is.
 *
 * The relationship profile comes from src/analysis (written separately): only the fields used
 * here are declared, each tolerant — an unknown label reads as "unknown" and a malformed profile
 * is ignored rather than failing the quote.
 */
import * as z from "zod"

import { list, msg, MessageSchema, text as textParam, type Message } from "../i18n/message"
import { isValidLocale, normaliseLocaleTag } from "./locale"
import { isKnownCurrency } from "./units"

/** Largest accepted amount: 10^15 (a quadrillion rials is 100,000 billion toman); beyond it floats lose cents. */
export const MAX_AMOUNT = 1e15

/**
 * zod carries an issue's message as a string, so a problem travels as its descriptor's JSON and
 * describeIssues reads it back; zod's own (English) messages only reach the rep isolated, as data.
 */
const problem = (m: Message): string => JSON.stringify(m)
const quoted = (value: string) => textParam(JSON.stringify(value))
const oneOf = (...values: string[]): string => {
  const [a = quoted(""), b = quoted(""), c] = values.map(quoted)
  return problem(msg("p.error.oneOf", { options: { msg: c ? msg("p.error.list", { a, b, c }) : msg("p.error.or", { a, b }) } }))
}

/** A money amount; the issue path names the field, so messages say only what is wrong. */
const amount = () =>
  z
    .number({ error: problem(msg("p.error.amount")) })
    .positive({ error: problem(msg("p.error.positive")) })
    .max(MAX_AMOUNT, { error: problem(msg("p.error.atMost", { max: textParam(MAX_AMOUNT.toExponential()) })) })

const text = (max: number) => z.string({ error: problem(msg("p.error.text")) }).max(max, { error: problem(msg("p.error.maxChars", { n: max })) })

export const CurrencyCode = z
  .string({ error: problem(msg("p.error.currencyType")) })
  .trim()
  .toUpperCase()
  .refine(isKnownCurrency, { error: (issue) => problem(msg("p.error.currencyUnknown", { value: textParam(JSON.stringify(issue.input)) })) })

export const LocaleTag = z
  .string({ error: problem(msg("p.error.localeType")) })
  .max(35, { error: problem(msg("p.error.localeLong")) })
  .transform(normaliseLocaleTag)
  .refine(isValidLocale, { error: (issue) => problem(msg("p.error.localeInvalid", { value: textParam(JSON.stringify(issue.input)) })) })

export const DOMINANCE_LABELS = ["supplier", "customer", "balanced-interdependent", "balanced-independent", "unknown"] as const
export type DominanceLabel = (typeof DOMINANCE_LABELS)[number]
export const INITIATOR_LABELS = ["supplier", "customer", "unknown"] as const
export type InitiatorLabel = (typeof INITIATOR_LABELS)[number]

/** Structural view of src/analysis's profile: only what pricing reads. */
export const PricingProfile = z
  .object({
    dominance: z
      .object({ label: z.enum(DOMINANCE_LABELS).catch("unknown"), confidence: z.number().optional().catch(undefined) })
      .optional()
      .catch(undefined),
    decisionCriteria: z
      .object({
        label: z.string().max(40).optional().catch(undefined),
        weights: z.record(z.string(), z.number()).optional().catch(undefined)
      })
      .optional()
      .catch(undefined),
    initiator: z
      .object({ label: z.enum(INITIATOR_LABELS).catch("unknown") })
      .optional()
      .catch(undefined),
    /** The analysis' own Dell-trap reading (price-dominant, customer-dominant, deepening discounts). */
    dellTrap: z
      .object({ flagged: z.boolean() })
      .optional()
      .catch(undefined),
    /** The concession ledger's deals: negotiated to a close, they make the buyer's limits known. */
    concessions: z
      .object({
        deals: z
          .array(z.object({ outcome: z.string().max(20).catch("unknown"), finalDiscountPercent: z.number().nullable().catch(null) }))
          .max(10_000)
          .catch([])
      })
      .optional()
      .catch(undefined),
    /** The buyer's pushback as the history shows it (Lee & Ames 2017). */
    pushback: z
      .object({ label: z.enum(["constraint", "disparagement", "mixed", "none"]).catch("none") })
      .optional()
      .catch(undefined)
  })
  .optional()
  .catch(undefined)

const LineItem = z.object({
  name: text(120).trim().min(1, { error: problem(msg("p.error.notEmpty")) }),
  amount: amount(),
  /** Defaults to the quote's currency; a different one is flagged (R5: one unit per quote). */
  currency: CurrencyCode.optional()
})

export const PricingInputSchema = z.object({
  amount: amount(),
  currency: CurrencyCode,
  locale: LocaleTag,
  mode: z.enum(["opening", "closing"], { error: oneOf("opening", "closing") }),
  /** The rep sells (default) or buys (procurement mode: precise bids move up, Hukkanen & Keloharju 2019). */
  side: z.enum(["seller", "buyer"], { error: oneOf("seller", "buyer") }).default("seller"),
  expertise: z.enum(["amateur", "expert"], { error: oneOf("amateur", "expert") }).optional(),
  /** Flags that make the counterpart an expert when `expertise` is not given (Loschelder et al. 2016). */
  counterpart: z
    .object({ procurement: z.boolean().optional(), rfq: z.boolean().optional(), repeatBuyer: z.boolean().optional() })
    .optional(),
  offer: z.enum(["one-off", "subscription", "per-seat"], { error: oneOf("one-off", "subscription", "per-seat") }).optional(),
  period: z.enum(["month", "year"], { error: oneOf("month", "year") }).optional(),
  seats: z.number({ error: problem(msg("p.error.number")) }).int({ error: problem(msg("p.error.whole")) }).positive({ error: problem(msg("p.error.atLeastOne")) }).max(10_000_000).optional(),
  urgent: z.boolean({ error: problem(msg("p.error.boolean")) }).optional(),
  /** "price" = a price-positioned offer (the only case where a charm ending may be used, R4). */
  positioning: z.enum(["value", "price"], { error: oneOf("value", "price") }).default("value"),
  /** Share (0-1) of the buyer's other prices that already end in 9 (Anderson & Simester: self-limiting). */
  otherPricesEndingIn9: z.number().min(0).max(1).optional(),
  anchors: z
    .object({
      listPrice: amount().optional(),
      /** Oldest first: the last entry is the most recent price this account paid. */
      previousPrices: z.array(amount()).max(1000).optional(),
      previousDealSizes: z.array(amount()).max(1000).optional()
    })
    .optional(),
  yearlySavings: amount().optional(),
  costOfProblem: amount().optional(),
  discountPercent: z.number({ error: problem(msg("p.error.number")) }).min(0).lt(100, { error: problem(msg("p.error.below100")) }).optional(),
  discountReason: text(500).optional(),
  priceIncreasePercent: z.number({ error: problem(msg("p.error.number")) }).min(0).max(1000).optional(),
  increaseReason: text(500).optional(),
  /** Why the number is what it is; lifts the expert precision cap (Loschelder et al. 2016). */
  rationale: text(500).optional(),
  gifts: z.array(LineItem).max(20).optional(),
  absorbedCosts: z.array(LineItem).max(20).optional(),
  pushback: text(2000).optional(),
  /** Ask for a bolstering range (Ames & Mason 2015). */
  range: z.boolean().optional(),
  /** The rep is negotiating issue by issue (revealing priorities, Loschelder et al. 2014). */
  issueByIssue: z.boolean().optional(),
  /** Add a decoy package (off by default; must be real, Huber et al. 1982). */
  decoy: z.boolean({ error: problem(msg("p.error.boolean")) }).default(false),
  profile: PricingProfile
})

/**
 * What callers pass (defaults optional). `profile` is typed loosely on purpose: any object from
 * src/analysis fits, and fields the schema does not know are ignored.
 */
export type PricingInput = Omit<z.input<typeof PricingInputSchema>, "profile"> & { profile?: unknown }
/** After validation and defaults. */
export type ParsedPricingInput = z.output<typeof PricingInputSchema>
export type PricingProfile = z.output<typeof PricingProfile>

function problemOf(issue: z.core.$ZodIssue): Message {
  if (issue.message.startsWith("{")) {
    try {
      const parsed = MessageSchema.safeParse(JSON.parse(issue.message))
      if (parsed.success) return parsed.data
    } catch {
      // not one of ours: zod's own message, below
    }
  }
  return msg("p.error.zod", { detail: textParam(issue.message) })
}

export function describeIssues(error: z.ZodError): Message {
  const shown = error.issues.slice(0, 5)
  const issues = shown.map((issue, i) =>
    msg(i === shown.length - 1 ? "p.error.issueLast" : "p.error.issue", {
      path: textParam(issue.path.length > 0 ? issue.path.map(String).join(".") : "input"),
      problem: { msg: problemOf(issue) }
    })
  )
  const more = error.issues.length > 5 ? [msg("p.error.more", { n: error.issues.length - 5 })] : []
  return msg("p.error.invalid", { issues: list([...issues, ...more]) })
}
