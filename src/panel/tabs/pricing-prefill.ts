/**
 * Where the pricing playground's first amount comes from: the open quote or opportunity as the
 * page shows it, else its synced row, else the account's latest quote. Pure; PricingTab reads
 * the sources.
 */
import { parseTypedAmount } from "../../pricing/parse"

/** Page fields holding the price, most specific first: quote net total before tax, then the
 * grand total, then the opportunity's amount (Salesforce / Dynamics API names). */
export const AMOUNT_FIELDS = ["TotalPrice", "GrandTotal", "totalamount", "Amount", "estimatedvalue"] as const

const SYMBOLS: Readonly<Record<string, string>> = { "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "﷼": "IRR", "ریال": "IRR" }

export interface PrefillSources {
  fields?: Record<string, { value: string }>
  /** The synced deal or quote behind the open record. */
  canonical?: { amount?: number; currency?: string }
  /** The account's most recent quote. */
  latestQuote?: { total?: number; currency?: string }
  defaultCurrency: string
}

export interface Prefill {
  amount: number | null
  currency: string
  source: "page" | "record" | "latest-quote" | "none"
  field?: string
}

/** The ISO code a displayed amount names ("USD 49,750.00", "€49.750,00"), if any. */
export function currencyInText(text: string): string | undefined {
  const code = /\b([A-Z]{3})\b/.exec(text)
  if (code) return code[1]
  for (const [symbol, iso] of Object.entries(SYMBOLS)) if (text.includes(symbol)) return iso
  return undefined
}

/** Page values are formatted in the CRM user's locale, unknown here: try the common ones. */
function parsePageAmount(text: string): number | null {
  for (const locale of ["en-US", "de-DE", "fa-IR"]) {
    const n = parseTypedAmount(text, locale)
    if (n !== null && n > 0) return n
  }
  return null
}

export function prefillPricing(src: PrefillSources): Prefill {
  const fields = src.fields ?? {}
  const byLower = new Map(Object.keys(fields).map((k) => [k.toLowerCase(), k]))
  const canonicalCurrency = src.canonical?.currency
  for (const wanted of AMOUNT_FIELDS) {
    const name = byLower.get(wanted.toLowerCase())
    const field = name === undefined ? undefined : fields[name]
    if (!field) continue
    const amount = parsePageAmount(field.value)
    if (amount === null) continue
    return { amount, currency: currencyInText(field.value) ?? canonicalCurrency ?? src.defaultCurrency, source: "page", field: name }
  }
  if (src.canonical?.amount !== undefined && src.canonical.amount > 0) {
    return { amount: src.canonical.amount, currency: canonicalCurrency ?? src.defaultCurrency, source: "record" }
  }
  if (src.latestQuote?.total !== undefined && src.latestQuote.total > 0) {
    return { amount: src.latestQuote.total, currency: src.latestQuote.currency ?? src.defaultCurrency, source: "latest-quote" }
  }
  return { amount: null, currency: canonicalCurrency ?? src.defaultCurrency, source: "none" }
}
