/**
 * formatAmount: how a price is written (R5, "fewer zeros for costs, full zeros for gains").
 *
 * Decisions (the research gives the direction, not the typography):
 * - `full`: every digit, grouped, unit labelled, no ".00" on whole amounts (gains, gifts, absorbed
 *   costs and savings are written this way, Thaler's segregated gains).
 * - `compact` (costs, the headline price): a scale word only where it removes zeros — the whole
 *   amount has at least three trailing zeros (9,000 → "9 thousand", 48,500,000 → "48.5 million";
 *   49,750 stays "49,750"). Compact is LOSSLESS: ICU's default compact rounds to two significant
 *   digits (49,750 → "$50K"), which would undo the precise price R3 just chose (Janiszewski & Uy
 *   2008; Thomas et al. 2010), so we never print "$49.8K" for 49,750.
 * - English with a currency symbol uses the business convention ICU produces ("$48.5M", "$9K",
 *   "€1.2B"); toman is written in words in every language ("4.85 million toman") because it has no
 *   symbol and seed 001 words it so; Persian always uses number + Persian scale word + unit
 *   ("۹ هزار تومان", "۴۸٫۵ میلیون تومان") with our own scale words. What Node 20's ICU (78.2)
 *   does with fa-IR compact notation: it has words (هزار، میلیون، میلیارد) but rounds to two
 *   significant digits by default (48,500,000 → "۴۹ میلیون", 49,750 → "۵۰ هزار"), says
 *   "تریلیون" for 10^12 where Iranian usage is "هزار میلیارد", and has no currency word for the
 *   toman (style "currency" gives "‎ریال ۴۸٬۵۰۰٬۰۰۰" with a bidi mark). So Persian mantissas are cut
 *   from the digit string exactly and the scale words are ours, independent of the browser's ICU.
 * - German short compact has no thousands form ("9000 €"), so below a million German prices fall
 *   back to plain digits; from a million up ICU's "48,5 Mio. €" is used.
 * - Compact has no decimals from 100 up (cents add syllables and perceived magnitude, Coulter,
 *   Choi & Monroe 2012) and no grouping separator on four-digit amounts where CLDR's "min2"
 *   grouping allows it ("$1427", not "$1,426.85"). Below 100 the currency's cents stay ("$11.50").
 * - IRR amounts are rials in, toman out (rial ÷ 10), with the unit always written.
 * - Never throws: a non-finite amount gives "", an unknown locale falls back to en-US, an unknown
 *   currency code is written after the number.
 */
import { resolveLocale, type ResolvedLocale } from "./locale"
import { fractionDigits, significantDigits, snap, trailingZeros } from "./numbers"
import { displayUnit, isKnownCurrency, toPresented, unitName, type DisplayUnit } from "./units"

export type AmountStyle = "compact" | "full"

export interface FormatAmountOptions {
  /** ISO 4217 code of `amount` (IRR = rials; written in toman). */
  currency: string
  /** BCP 47 tag ("en-US", "fa-IR", "de-DE"; "en_US" accepted). */
  locale: string
  style: AmountStyle
  /** "hide" writes numerals only, for lines under a column header that carries the unit (R5). */
  unit?: "show" | "hide"
}

type NumberFormatOptions = Omit<Intl.NumberFormatOptions, "useGrouping"> & { useGrouping?: boolean | "min2" | "auto" | "always" }

const formatters = new Map<string, Intl.NumberFormat>()

/** Intl.NumberFormat construction costs tens of microseconds: cache per locale and options. */
function nf(tag: string, options: NumberFormatOptions): Intl.NumberFormat {
  const key = `${tag}|${JSON.stringify(options)}`
  let f = formatters.get(key)
  if (!f) {
    f = new Intl.NumberFormat(tag, options as Intl.NumberFormatOptions)
    if (formatters.size > 500) formatters.clear()
    formatters.set(key, f)
  }
  return f
}

const PERSIAN_SCALES: ReadonlyArray<readonly [zeros: number, word: string]> = [
  [12, "هزار میلیارد"],
  [9, "میلیارد"],
  [6, "میلیون"],
  [3, "هزار"]
]

/** Exact mantissa of a whole number over 10^zeros, as digits ("48500000", 6 → 48.5). */
function mantissa(whole: number, zeros: number): { value: number; decimals: number } {
  const digits = whole.toFixed(0)
  const head = digits.slice(0, digits.length - zeros)
  const tail = digits.slice(digits.length - zeros).replace(/0+$/, "")
  return { value: Number(tail ? `${head}.${tail}` : head), decimals: tail.length }
}

function persianWords(whole: number, tag: string): string {
  const digits = whole.toFixed(0).length
  for (const [zeros, word] of PERSIAN_SCALES) {
    if (digits > zeros) {
      const m = mantissa(whole, zeros)
      return `${nf(tag, { maximumFractionDigits: m.decimals, minimumFractionDigits: m.decimals }).format(m.value)} ${word}`
    }
  }
  return nf(tag, {}).format(whole)
}

const HAS_LETTER = /\p{L}/u

/** The scaled ("fewer zeros") form, or null when the locale has no scale word for this size. */
function scaled(whole: number, unit: DisplayUnit, loc: ResolvedLocale, showUnit: boolean, known: boolean): string | null {
  const name = unitName(unit, loc.language)
  if (loc.language === "fa") {
    const words = persianWords(whole, loc.tag)
    return showUnit ? `${words} ${name ?? unit.currency}` : words
  }
  const maximumSignificantDigits = Math.min(21, Math.max(1, significantDigits(whole, 0)))
  if (unit.toman || !known) {
    const words = nf(loc.tag, { notation: "compact", compactDisplay: "long", maximumSignificantDigits }).format(whole)
    if (!HAS_LETTER.test(words)) return null
    return showUnit ? `${words} ${name ?? unit.currency}` : words
  }
  const bare = nf(loc.tag, { notation: "compact", maximumSignificantDigits }).format(whole)
  // German CLDR has no short form for thousands ("9000 €"): then the plain form reads better.
  if (!HAS_LETTER.test(bare)) return null
  if (!showUnit) return bare
  return nf(loc.tag, { style: "currency", currency: unit.currency, notation: "compact", maximumSignificantDigits }).format(whole)
}

function plain(value: number, decimals: number, grouping: "min2" | "auto", unit: DisplayUnit, loc: ResolvedLocale, showUnit: boolean, known: boolean): string {
  const digits = { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: grouping } as const
  const name = unitName(unit, loc.language)
  if (!showUnit) return nf(loc.tag, digits).format(value)
  if (name !== null || !known) return `${nf(loc.tag, digits).format(value)} ${name ?? unit.currency}`
  return nf(loc.tag, { ...digits, style: "currency", currency: unit.currency }).format(value)
}

function formatPresented(abs: number, style: AmountStyle, unit: DisplayUnit, loc: ResolvedLocale, showUnit: boolean, known: boolean): string {
  const minor = Math.max(0, unit.minorDigits)
  if (style === "full") {
    const v = snap(abs, 10 ** -minor)
    return plain(v, fractionDigits(v, minor) > 0 ? minor : 0, "auto", unit, loc, showUnit, known)
  }
  const v = abs >= 100 ? Math.round(abs) : snap(abs, 10 ** -minor)
  if (v >= 1000 && trailingZeros(v) >= 3) {
    const s = scaled(v, unit, loc, showUnit, known)
    if (s !== null) return s
  }
  return plain(v, fractionDigits(v, minor) > 0 ? minor : 0, "min2", unit, loc, showUnit, known)
}

const FALLBACK_LOCALE: ResolvedLocale = { tag: "en-US", language: "en" }

/** Format an amount given in the ISO unit of `currency`. Never throws. */
export function formatAmount(amount: number, options: FormatAmountOptions): string {
  try {
    if (typeof amount !== "number" || !Number.isFinite(amount)) return ""
    const loc = resolveLocale(String(options?.locale ?? "")) ?? FALLBACK_LOCALE
    const currency = String(options?.currency ?? "").trim().toUpperCase()
    const known = isKnownCurrency(currency)
    const unit: DisplayUnit = known ? displayUnit(currency) : { currency: currency || "XXX", factor: 1, minorDigits: 2, toman: false }
    const style: AmountStyle = options?.style === "full" ? "full" : "compact"
    const value = toPresented(amount, unit)
    const text = formatPresented(Math.abs(value), style, unit, loc, options?.unit !== "hide", known)
    return value < 0 && text !== "" ? `-${text}` : text
  } catch {
    return ""
  }
}

/**
 * Durations of options being compared (R5 boundary, Pandelaere, Briers & Lembregts 2011): in a
 * comparison the unit with more numbers makes the difference look bigger (84 vs 108 months, not
 * 7 vs 9 years); an attribute shown on its own keeps the default unit (731 days reads worse than
 * 2 years, Lembregts & Pandelaere 2013).
 */
export function formatDurations(years: readonly number[], locale: string): string[] {
  const loc = resolveLocale(locale) ?? FALLBACK_LOCALE
  const distinct = new Set(years).size
  const inMonths = years.length > 1 && distinct > 1
  return years.map((y) => {
    const n = inMonths ? Math.round(y * 12) : y
    try {
      return nf(loc.tag, { style: "unit", unit: inMonths ? "month" : "year", unitDisplay: "long", maximumFractionDigits: 1 }).format(n)
    } catch {
      return `${n} ${inMonths ? "months" : "years"}`
    }
  })
}
