/**
 * Currency units: which ISO 4217 codes exist, the unit a price is *presented* in, and its name.
 *
 * Amounts always travel in the ISO unit of their currency (IRR amounts are rials, as Iranian CRMs
 * store them). They are *presented* in the unit people say: the toman (10 rials) for IRR — seed
 * 001's "9 thousand toman, not 90,000 rials" (fewer zeros, Raghubir & Srivastava 2002 face-value
 * effect) — and the ISO unit for everything else. The precision rules work in the presented unit
 * so a toman price is "precise" in toman, then convert back.
 */

export interface DisplayUnit {
  /** ISO 4217 code of the amounts (IRR for toman presentation). */
  currency: string
  /** ISO amount ÷ factor = presented amount (10 for IRR → toman, else 1). */
  factor: number
  /** Decimals the presented unit uses (toman and yen: 0; dollar: 2; dinar: 3). */
  minorDigits: number
  /** True when the presented unit is not the ISO unit (IRR → toman). */
  toman: boolean
}

let knownCurrencies: ReadonlySet<string> | null = null

/** ISO 4217 codes the runtime's Intl knows (162 in Node 20 / Chrome). */
export function isKnownCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false
  if (knownCurrencies === null) {
    try {
      knownCurrencies = new Set(Intl.supportedValuesOf("currency"))
    } catch {
      knownCurrencies = new Set() // very old runtime: accept any well-formed code below
    }
  }
  return knownCurrencies.size === 0 || knownCurrencies.has(code)
}

const minorCache = new Map<string, number>()

function minorDigitsOf(currency: string): number {
  const cached = minorCache.get(currency)
  if (cached !== undefined) return cached
  let digits = 2
  try {
    digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2
  } catch {
    digits = 2
  }
  minorCache.set(currency, digits)
  return digits
}

export function displayUnit(currency: string): DisplayUnit {
  if (currency === "IRR") return { currency, factor: 10, minorDigits: 0, toman: true }
  return { currency, factor: 1, minorDigits: minorDigitsOf(currency), toman: false }
}

/** ISO amount → presented amount (rial → toman). */
export function toPresented(amount: number, unit: DisplayUnit): number {
  return amount / unit.factor
}

/** Presented amount → ISO amount (toman → rial), without float noise (4,975 toman → 49,750 rial). */
export function fromPresented(value: number, unit: DisplayUnit): number {
  return Number((value * unit.factor).toPrecision(15))
}

/** Smallest step a price may move in: whole units from 100 up (no cents on costs, Coulter et al. 2012), else the currency's minor unit. */
export function minimumStep(value: number, unit: DisplayUnit): number {
  const minor = 10 ** -unit.minorDigits
  return Math.abs(value) >= 100 ? Math.max(1, minor) : minor
}

/** The toman's name per language; "toman" is the English and German loanword too. */
const TOMAN: Readonly<Record<string, string>> = { fa: "تومان", en: "toman", de: "Toman" }

/**
 * Persian currency names. ICU's fa currency names ("دلار آمریکا") are long and its symbols put a
 * left-to-right mark before "$"; Persian prices are written "number + short unit name", so the
 * formatter uses these and falls back to the ISO code.
 */
export const FA_NAMES: Readonly<Record<string, string>> = {
  USD: "دلار",
  EUR: "یورو",
  GBP: "پوند",
  AED: "درهم",
  TRY: "لیر",
  CNY: "یوان",
  JPY: "ین",
  RUB: "روبل",
  CHF: "فرانک سوئیس",
  CAD: "دلار کانادا",
  AUD: "دلار استرالیا",
  IQD: "دینار عراق",
  AFN: "افغانی",
  INR: "روپیه"
}

/**
 * The written unit name when the formatter writes "number + name" instead of using Intl's
 * currency style: always for toman, always for Persian. Null means "let Intl place the symbol".
 */
export function unitName(unit: DisplayUnit, language: string): string | null {
  if (unit.toman) return TOMAN[language] ?? TOMAN.en ?? "toman"
  if (language === "fa") return FA_NAMES[unit.currency] ?? unit.currency
  return null
}

/** The label for a column header (R5: one unit per quote, labelled once). */
export function unitLabel(unit: DisplayUnit, language: string): string {
  return unitName(unit, language) ?? unit.currency
}
