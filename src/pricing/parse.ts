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
 * "48.5 million", "4,85 Mio.") and currency symbols, codes and names, which are dropped. Persian is
 * read as reps say it (src/text/normalise.ts folds Arabic-keyboard letters first, so ميليون is
 * میلیون): scales and parts joined by و ("۲ میلیارد و ۵۰۰ میلیون", "۱٫۲ هزار میلیارد"), number
 * words ("دو میلیارد و پانصد میلیون", colloquial پونصد, یه), and halves ("۲ میلیون و نیم").
 * The number is returned in the unit as typed: "۹ هزار تومان" → 9000 and "۹ هزار ریال" → 9000
 * (the caller knows whether its field is in rials or toman).
 *
 * Ambiguous single separators follow the locale: one "," followed by three digits is a thousands
 * group in en-US ("49,750") but the decimal comma in de-DE ("49,750" → 49.75), exactly as the
 * CRM itself would read the field in that locale.
 */
import { normaliseAmountText } from "../text/normalise"
import { normaliseLocaleTag } from "./locale"
import { FA_NAMES, isKnownCurrency } from "./units"

// Long enough for an amount said in words ("یک میلیارد و دویست و پنجاه و سه میلیون و چهارصد هزار تومان").
const MAX_INPUT = 96

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
  [/^(?:t|tn|trillion|trillionen|bio|billionen)$/, 12], // German "Bio." / "Billionen" is 10^12
  [/^(?:b|bn|billion|mrd|milliarde|milliarden)$/, 9],
  [/^(?:m|mm|mn|mio|million|millionen)$/, 6],
  [/^(?:k|thousand|tsd|tausend)$/, 3]
]

/** Persian scale words (with the common ملیون spelling) as powers of ten. */
const PERSIAN_SCALES = new Map<string, number>([
  ["هزار", 3], ["میلیون", 6], ["ملیون", 6], ["میلیارد", 9], ["ملیارد", 9], ["تریلیون", 12]
])

/** Persian number words below a thousand, written and colloquial (پونصد, شیش, یه). */
const PERSIAN_NUMBERS = new Map<string, number>([
  ["یک", 1], ["یه", 1], ["دو", 2], ["سه", 3], ["چهار", 4], ["پنج", 5], ["شش", 6], ["شیش", 6], ["هفت", 7], ["هشت", 8],
  ["نه", 9], ["ده", 10], ["یازده", 11], ["دوازده", 12], ["سیزده", 13], ["چهارده", 14], ["پانزده", 15], ["پونزده", 15],
  ["شانزده", 16], ["شونزده", 16], ["هفده", 17], ["هیفده", 17], ["هجده", 18], ["هیجده", 18], ["نوزده", 19], ["بیست", 20],
  ["سی", 30], ["چهل", 40], ["پنجاه", 50], ["شصت", 60], ["هفتاد", 70], ["هشتاد", 80], ["نود", 90], ["صد", 100],
  ["یکصد", 100], ["دویست", 200], ["سیصد", 300], ["چهارصد", 400], ["پانصد", 500], ["پونصد", 500], ["ششصد", 600],
  ["شیشصد", 600], ["هفتصد", 700], ["هشتصد", 800], ["نهصد", 900]
])
const AND = "و"
const HALF = "نیم"
const PERSIAN_LETTER = /[\u0600-\u06FF]/
const SPOKEN_TOKEN = /\d[\d.,'/]*(?: \d{3}(?!\d)[\d.,'/]*)*|[\u0600-\u06FF]+|\S+/g

/** The place of a number word (1, 10 or 100): words in one number go from larger places to smaller. */
function placeOf(value: number): number {
  return value >= 100 ? 100 : value >= 10 ? 10 : 1
}

/**
 * A Persian amount as spoken: parts of a number and its scales, largest first, joined by و
 * ("۲ میلیارد و ۵۰۰ میلیون", "سیصد و پنجاه هزار"). Returns null for parts out of order or a
 * trailing bare number after a scale above a thousand: "۲ میلیون و ۵۰۰" is 2,000,500 as
 * written but 2,500,000 as often meant, so it is not guessed.
 */
function parseSpoken(text: string, seps: Separators): number | null {
  const tokens = text.match(SPOKEN_TOKEN) ?? []
  let total = 0
  let previous = Infinity // the exponent of the last part
  let parts = 0
  let i = 0
  while (i < tokens.length) {
    const token = tokens[i]!
    if (token === AND) {
      if (parts === 0) return null
      i++
      continue
    }
    if (token === HALF) {
      // "۲ میلیون و نیم": half of the last part's scale, and nothing after it.
      if (parts === 0 || previous < 1 || i !== tokens.length - 1) return null
      total += Number(`5e${previous - 1}`)
      i++
      parts++
      continue
    }
    let value: number
    if (/^\d/.test(token)) {
      const canonical = canonicalNumber(token, seps)
      if (canonical === null || canonical === "") return null
      value = Number(canonical)
      i++
    } else if (PERSIAN_NUMBERS.has(token)) {
      value = 0
      let place = Infinity
      while (i < tokens.length) {
        let word = PERSIAN_NUMBERS.get(tokens[i]!)
        if (word === undefined && tokens[i] === AND) {
          word = PERSIAN_NUMBERS.get(tokens[i + 1] ?? "")
          if (word === undefined) break
          i++
        }
        if (word === undefined) break
        if (placeOf(word) >= place) return null
        place = placeOf(word)
        value += word
        i++
      }
    } else if (PERSIAN_SCALES.has(token)) {
      value = 1 // "هزار تومان", "میلیون و دویست": the one is not said
    } else {
      return null
    }
    // "دو و نیم میلیون": a half inside the number, before its scale.
    if (tokens[i] === AND && tokens[i + 1] === HALF && PERSIAN_SCALES.has(tokens[i + 2] ?? "")) {
      value += 0.5
      i += 2
    }
    let exponent = 0
    while (i < tokens.length && PERSIAN_SCALES.has(tokens[i]!)) exponent += PERSIAN_SCALES.get(tokens[i++]!)!
    if (parts > 0) {
      if (exponent >= previous || (exponent === 0 && previous > 3)) return null
      if (value * 10 ** exponent >= 10 ** previous) return null
    }
    total += Number(`${value}e${exponent}`)
    previous = exponent
    parts++
  }
  return parts > 0 ? total : null
}

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
    let s = dropIsoCode(normaliseAmountText(text).toLowerCase().replace(PERSIAN_UNITS, " ").replace(CURRENCY, " ").trim()).trim()
    let negative = false
    if (s.startsWith("-")) {
      negative = true
      s = s.slice(1).trim()
    }
    if (PERSIAN_LETTER.test(s)) {
      // Persian words: the "/" decimal point is Persian handwriting whatever the locale.
      const spoken = parseSpoken(s, { ...seps, persian: true })
      return spoken === null || !Number.isFinite(spoken) ? null : negative ? -spoken : spoken
    }
    const match = /^([\d.,' /]*\d)\s*([a-z. ]*)$/.exec(s)
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
