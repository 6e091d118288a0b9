/**
 * Locale-aware formatting for the panel, the exports and engine messages: dates through Intl.DateTimeFormat (fa-IR formats in the
 * Solar Hijri calendar with Persian digits by default), numbers and percentages through
 * Intl.NumberFormat. Formatters are cached: constructing one costs tens of microseconds and a
 * chart table or the team view formats thousands of values.
 */
import { LOCALES, type Language } from "./language"

export const localeOf = (language: Language): string => LOCALES[language]

const dateFormats = new Map<string, Intl.DateTimeFormat>()
const numberFormats = new Map<string, Intl.NumberFormat>()

export type DateStyle = "date" | "month" | "datetime"

const DATE_OPTIONS: Readonly<Record<DateStyle, Intl.DateTimeFormatOptions>> = {
  date: { dateStyle: "medium" },
  month: { year: "numeric", month: "short" },
  datetime: { dateStyle: "medium", timeStyle: "short" }
}

function dateFormat(language: Language, style: DateStyle): Intl.DateTimeFormat {
  const key = `${language}|${style}`
  let f = dateFormats.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(localeOf(language), DATE_OPTIONS[style])
    dateFormats.set(key, f)
  }
  return f
}

/** "" for a missing or invalid time: an empty cell is more honest than "Invalid Date". */
export function formatDate(at: number | null | undefined, language: Language, style: DateStyle = "date"): string {
  if (typeof at !== "number" || !Number.isFinite(at)) return ""
  try {
    return dateFormat(language, style).format(at)
  } catch {
    return ""
  }
}

function numberFormat(language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${language}|${JSON.stringify(options)}`
  let f = numberFormats.get(key)
  if (!f) {
    f = new Intl.NumberFormat(localeOf(language), options)
    numberFormats.set(key, f)
  }
  return f
}

export function formatNumber(n: number | null | undefined, language: Language, maximumFractionDigits = 1): string {
  if (typeof n !== "number" || !Number.isFinite(n)) return ""
  return numberFormat(language, { maximumFractionDigits }).format(n)
}

/** A 0-1 share as a whole percentage ("42%", "۴۲٪"). */
export function formatPercent(share: number | null | undefined, language: Language): string {
  if (typeof share !== "number" || !Number.isFinite(share)) return ""
  return numberFormat(language, { style: "percent", maximumFractionDigits: 0 }).format(share)
}
