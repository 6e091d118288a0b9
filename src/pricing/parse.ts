/**
 * parseTypedAmount: read what a rep types into a CRM price field, as they type it.
 *
 * Runs on every keystroke behind the inline chip's debounce, so it is a handful of string passes
 * with cached locale separators (a few microseconds), and returns null rather than guessing when
 * the text is not one amount ("49,750 - 50,000", "call me").
 *
 * Reads: grouping and decimal separators by locale ("49,750" en-US; "49.750,00" de-DE; "1'234.50"
 * de-CH; "49 750" fr-FR), Persian and Arabic-Indic digits with Persian separators ("۴۹٬۷۵۰",
 * "۴۸٫۵"), "/" as the Persian handwritten decimal point in fa, scale suffixes ("$1.2M", "9k",
 * "48.5 million", "4,85 Mio.", "۹ هزار", "۱٫۲ میلیارد") and currency symbols, codes and names,
 * which are dropped. The number is returned in the unit as typed: "۹ هزار تومان" → 9000 (the
 * caller knows whether its field is in rials or toman).
 *
 * Ambiguous single separators follow the locale: one "," followed by three digits is a thousands
 * group in en-US ("49,750") but the decimal comma in de-DE ("49,750" → 49.75), exactly as the
 * CRM itself would read the field in that locale.
 */
import { normaliseLocaleTag } from "./locale"
import { FA_NAMES, isKnownCurrency } from "./units"

const MAX_INPUT = 64

interface Separators {
  group: string
  decimal: string
  persian: boolean
}

const separatorCache = new Map<string, Separators>()

function separatorsFor(locale: string): Separators {
  const hit = separatorCache.get(locale)
  if (hit) return hit
  let group = ","
  let decimal = "."
  let language = "en"
  try {
    const tag = normaliseLocaleTag(locale)
    const parts = new Intl.NumberFormat(tag).formatToParts(1234567.5)
    group = parts.find((p) => p.type === "group")?.value ?? ","
    decimal = parts.find((p) => p.type === "decimal")?.value ?? "."
    language = new Intl.Locale(tag).language
  } catch {
    // invalid tag: en-US conventions
  }
  const result: Separators = { group: foldSeparator(group), decimal: foldSeparator(decimal), persian: language === "fa" }
  if (separatorCache.size > 100) separatorCache.clear()
  separatorCache.set(locale, result)
  return result
}

/** Persian ٬ / ٫ and the many spaces CLDR uses for grouping are folded to ASCII forms. */
function foldSeparator(s: string): string {
  if (s === "\u066C" || s === "\u060C") return ","
  if (s === "\u066B") return "."
  if (/^[\s\u00A0\u202F\u2009]$/.test(s)) return " "
  if (s === "\u2019") return "'"
  return s
}

const SCALES: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(?:t|tn|trillion|trillionen|bio|billionen|هزارمیلیارد|تریلیون)$/, 12], // German "Bio." / "Billionen" is 10^12
  [/^(?:b|bn|billion|mrd|milliarde|milliarden|میلیارد)$/, 9],
  [/^(?:m|mm|mn|mio|million|millionen|میلیون)$/, 6],
  [/^(?:k|thousand|tsd|tausend|هزار)$/, 3]
]

// Currency symbols, ISO codes and unit names that may surround the number; they carry no value.
// The symbols include the forms formatAmount writes through Intl ("CA$", "A$", "AU$", "US$",
// "JP¥"; "$CA", "£GB" in French), so every formatted amount reads back.
const CURRENCY =
  /(?:\b(?:us|ca|au|a|nz|hk|jp|mx|nt))?[$¥](?:(?:ca|au|us|nz|hk|mx)\b)?|[€£](?:gb\b)?|[₹﷼]|\b(?:usd|eur|gbp|irr|irt|chf|aed|cad|aud|jpy|rials?|tomans?|dollars?|euros?|pounds?)\b|ریال|تومان|تومن|دلار|یورو/g
// Persian unit names (ours, units.ts FA_NAMES, longest first) as whole words.
const PERSIAN_UNITS = new RegExp(
  `(?:^|\\s)(?:${[...Object.values(FA_NAMES), "ریال", "تومان", "تومن", "دلار", "یورو"].sort((a, b) => b.length - a.length).join("|")})(?=\\s|$)`,
  "g"
)
/** Any other ISO 4217 code (formatAmount writes "KWD 1,000" / "1.000 KWD"), at either end of the text. */
function dropIsoCode(s: string): string {
  return s.replace(/^([a-z]{3})(?![a-z])|(?<![a-z])([a-z]{3})$/g, (whole: string) => (isKnownCurrency(whole.toUpperCase()) ? " " : whole))
}
// Bidi marks and zero-width characters that CRMs and Persian keyboards insert.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g

function asciiDigits(text: string): string {
  let out = ""
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code >= 0x06f0 && code <= 0x06f9) out += String.fromCharCode(code - 0x06f0 + 48)
    else if (code >= 0x0660 && code <= 0x0669) out += String.fromCharCode(code - 0x0660 + 48)
    else if (code === 0x066c || code === 0x060c) out += "," // Persian/Arabic thousands separator, Arabic comma
    else if (code === 0x066b) out += "." // Persian/Arabic decimal separator
    else if (code === 0x00a0 || code === 0x202f || code === 0x2009) out += " "
    else if (code === 0x2019) out += "'"
    else if (code === 0x2212) out += "-"
    else out += text[i]
  }
  return out
}

/** Digits with their separators → a plain decimal string ("49.750,00" de → "49750.00"), or null. */
function canonicalNumber(raw: string, seps: Separators): string | null {
  let s = raw.replace(/[' ]/g, (ch, offset: number) => (/^\d{3}(?:\D|$)/.test(raw.slice(offset + 1)) ? "" : ch))
  if (/[' ]/.test(s)) return null // a space or apostrophe that is not a thousands group
  if (seps.persian && s.includes("/")) {
    if (!/^\d+\/\d+$/.test(s)) return null
    s = s.replace("/", ".")
  }
  const dots = (s.match(/\./g) ?? []).length
  const commas = (s.match(/,/g) ?? []).length
  let decimal: string | null = null
  if (dots > 0 && commas > 0) {
    decimal = s.lastIndexOf(".") > s.lastIndexOf(",") ? "." : ","
  } else if (dots + commas === 1) {
    const sep = dots === 1 ? "." : ","
    const at = s.indexOf(sep)
    // A thousands group needs 1-3 digits before it and exactly 3 after; otherwise it is a decimal
    // point whatever the locale ("1234.567" in de-DE, as String(1234.567) writes it).
    const couldBeGroup = at >= 1 && at <= 3 && s.length - at - 1 === 3
    decimal = sep === seps.decimal || !couldBeGroup ? sep : null
  }
  const group = decimal === "." ? "," : decimal === "," ? "." : null
  let intPart = s
  let fracPart = ""
  if (decimal) {
    const at = s.lastIndexOf(decimal)
    intPart = s.slice(0, at)
    fracPart = s.slice(at + 1)
    if (!/^\d*$/.test(fracPart)) return null
  }
  const groups = intPart.split(group ?? /[.,]/)
  if (groups.length > 1) {
    // Thousands groups: 1-3 leading digits, then groups of 3 (2 allowed inside for Indian lakh grouping).
    const [first, ...rest] = groups
    if (!first || !/^\d{1,3}$/.test(first)) return null
    for (let i = 0; i < rest.length; i++) {
      const g = rest[i] ?? ""
      const last = i === rest.length - 1
      if (!(last ? /^\d{3}$/.test(g) : /^\d{2,3}$/.test(g))) return null
    }
  } else if (!/^\d+$/.test(intPart) && !(intPart === "" && fracPart !== "")) {
    return null
  }
  const digits = groups.join("")
  return fracPart ? `${digits || "0"}.${fracPart}` : digits
}

/**
 * The amount in `text`, or null when it is not exactly one amount. Pure, allocation-light, and
 * never throws.
 */
export function parseTypedAmount(text: string, locale: string): number | null {
  try {
    if (typeof text !== "string" || text.length === 0 || text.length > MAX_INPUT) return null
    const seps = separatorsFor(typeof locale === "string" ? locale : "en-US")
    let s = dropIsoCode(asciiDigits(text.replace(INVISIBLE, "")).toLowerCase().replace(PERSIAN_UNITS, " ").replace(CURRENCY, " ").trim()).trim()
    let negative = false
    if (s.startsWith("-")) {
      negative = true
      s = s.slice(1).trim()
    }
    const match = /^([\d.,' /]*\d)\s*([a-z\u0600-\u06FF. ]*)$/.exec(s)
    if (!match) return null
    const numberPart = (match[1] ?? "").trim()
    const suffix = (match[2] ?? "").replace(/[\s.]/g, "")
    let exponent = 0
    if (suffix) {
      const scale = SCALES.find(([re]) => re.test(suffix))
      if (!scale) return null
      exponent = scale[1]
    }
    const canonical = canonicalNumber(numberPart, seps)
    if (canonical === null || canonical === "") return null
    const value = Number(`${canonical}e${exponent}`)
    if (!Number.isFinite(value)) return null
    return negative ? -value : value
  } catch {
    return null
  }
}
