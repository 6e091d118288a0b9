/**
 * Everyday prices per currency: the "petty cash" threshold for per-day framing (R7) and the
 * everyday comparators for the tangible comparison (R6).
 *
 * Why these numbers: Gourville (1998, 2003) shows per-day framing works when the daily figure is
 * compared with small routine expenses — "$1 a day" beats "$365 a year", but "$4,200 a year" beats
 * "$11.50 a day". So the threshold is the price of the dearest routine everyday purchase (a café
 * coffee; in Iran a short taxi ride), which puts $1 below and $11.50 above it in USD. Seed 001
 * compares 550 toman a day with a barbari loaf (2017 prices).
 *
 * ASSUMPTIONS, not measurements: prices are rounded typical city prices as of 2025 (US/Canada
 * café coffee ≈ $5 / C$5, eurozone ≈ €3.50, UK ≈ £3.50, Switzerland ≈ CHF 5, Australia ≈ A$5.50,
 * UAE ≈ 18 AED, Japan ≈ ¥500; Tehran: barbari ≈ 10,000 toman, short ride-hailing trip ≈ 60,000
 * toman). Iranian prices drift by tens of percent a year: review the IRR row every quarter.
 * Amounts are in the ISO unit of the currency (IRR in rials: 600,000 rials = 60,000 toman).
 * Currencies without a row get no per-day framing and no comparator (we would be guessing).
 */

export interface Comparator {
  /** Typical price, ISO unit. */
  amount: number
  /** Which everyday purchase: its words are in the catalogues (p.item.*). */
  item: "water" | "coffee" | "barbari" | "taxi"
}

export interface LocaleEntry {
  /** Daily amount (ISO unit) at or under which a per-day figure counts as petty cash. */
  pettyDaily: number
  /** Everyday purchases, cheapest first; the last one's price is the petty threshold. */
  comparators: readonly Comparator[]
  /** When the prices were last reviewed. */
  asOf: string
}

const water = (amount: number): Comparator => ({ amount, item: "water" })
const coffee = (amount: number): Comparator => ({ amount, item: "coffee" })

function entry(comparators: Comparator[], asOf = "2025"): LocaleEntry {
  const last = comparators[comparators.length - 1]
  return { pettyDaily: last ? last.amount : 0, comparators, asOf }
}

export const LOCALE_TABLE: Readonly<Record<string, LocaleEntry>> = {
  USD: entry([water(2), coffee(5)]),
  CAD: entry([water(2.5), coffee(5)]),
  EUR: entry([water(1.5), coffee(3.5)]),
  GBP: entry([water(1.5), coffee(3.5)]),
  CHF: entry([water(2.5), coffee(5)]),
  AUD: entry([water(3), coffee(5.5)]),
  AED: entry([water(3), coffee(18)]),
  JPY: entry([water(150), coffee(500)]),
  IRR: entry([
    { amount: 100_000, item: "barbari" },
    { amount: 600_000, item: "taxi" }
  ])
}

export function localeEntry(currency: string): LocaleEntry | null {
  return LOCALE_TABLE[currency] ?? null
}

/** The cheapest everyday purchase that costs at least `amount` (ISO unit), or null if none does. */
export function comparatorFor(amount: number, currency: string): Comparator | null {
  const table = localeEntry(currency)
  if (!table) return null
  return table.comparators.find((c) => c.amount >= amount) ?? null
}
