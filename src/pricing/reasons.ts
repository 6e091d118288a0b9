/**
 * Reading the rep's reasons for a discount or a price increase (R1), in English and Persian.
 *
 * - A discount needs a reason that does not touch quality: volume, term, model change/clearance,
 *   timing or payment terms, bundle, relationship (research §5 whitelist). An unexplained discount
 *   lowers expected quality (Waber et al. 2008: 85 % vs 61 % relief; Shiv, Carmon & Ariely 2005);
 *   seed 001's Dell example explains a clearance by a model change.
 * - An increase may be justified by input costs or scope; never by demand or scarcity — 82 %
 *   judged the snow-shovel increase unfair (Kahneman, Knetsch & Thaler 1986) — and an increase
 *   whose motive is our profit is judged unfair too (Campbell 1999).
 * - A reason with no content ("because that is the price") is placebic: it helps small requests
 *   (Langer et al. 1978) but not large ones, and did not replicate (Folkes 1985).
 */
import { findCues, normaliseText, type Lexicon } from "./text"

export type DiscountCategory = "volume" | "term" | "model-change" | "timing" | "bundle" | "relationship"
export type IncreaseCategory = "input-cost" | "scope" | "regulation"

const en = (...patterns: string[]): RegExp[] => patterns.map((p) => new RegExp(`\\b(?:${p})`, "i"))

export const DISCOUNT_REASONS: Readonly<Record<DiscountCategory, Lexicon>> = {
  volume: {
    en: en("volume", "quantit", "bulk", "seats?\\b", "licen[cs]es\\b", "units\\b", "larger order", "order size", "\\d+\\s*(?:users|seats|units)"),
    fa: ["حجم", "تعدادبالا", "تعدادزیاد", "عمده", "تیراژ", "کاربربیشتر"]
  },
  term: {
    en: en("term\\b", "commit", "multi-?year", "\\d+[- ]?year", "two[- ]year", "three[- ]year", "contract length", "long[- ]term", "renewal", "annual"),
    fa: ["قراردادبلندمدت", "تعهد", "چندساله", "دوساله", "سهساله", "بلندمدت", "تمدید", "سالانه"]
  },
  "model-change": {
    en: en("model change", "new model", "end[- ]of[- ]line", "end[- ]of[- ]life", "clearance", "discontinu", "previous (?:version|model|generation)", "replac(?:e|ing) (?:the )?stock", "last year'?s model"),
    fa: ["مدلجدید", "تعویضمدل", "تخلیهانبار", "پایانتولید", "نسخهقبلی", "مدلقبلی", "حراج"]
  },
  timing: {
    en: en("end of (?:the )?(?:quarter|year|month)", "quarter[- ]end", "year[- ]end", "fiscal", "early (?:payment|signature|signing)", "upfront", "up-front", "prepay", "pre-pay", "payment terms", "cash", "pay(?:ing)? in advance", "sign(?:ed|s)? (?:by|before|this)"),
    fa: ["پیشپرداخت", "نقدی", "پرداختنقد", "پایانفصل", "پایانسال", "زودتر", "شرایطپرداخت"]
  },
  bundle: { en: en("bundle", "package deal", "together with", "combined with"), fa: ["بسته", "همراهبا", "پکیج"] },
  relationship: {
    en: en("loyal", "long[- ]standing", "partner", "referr", "case study", "reference customer", "pilot", "launch customer"),
    fa: ["وفاداری", "همکاریطولانی", "مشتریقدیمی", "معرفی", "مشتریمرجع"]
  }
}

/** Reasons that say the product is worth less: exactly what an unexplained discount already implies. */
export const QUALITY_REASONS: Lexicon = {
  en: en("lower quality", "low quality", "cheaper version", "defect", "damaged", "faulty", "not as good", "inferior", "used (?:unit|device|equipment|stock)", "second[- ]hand", "we need the deal", "desperate", "need to hit"),
  fa: ["کیفیتپایین", "کیفیتکمتر", "معیوب", "ایراددار", "دستدوم", "کارکرده", "نیازبهفروش"]
}

export const INCREASE_REASONS: Readonly<Record<IncreaseCategory, Lexicon>> = {
  "input-cost": {
    en: en("cost", "raw material", "wage", "salar", "inflation", "exchange rate", "currency", "supplier price", "energy price", "freight", "shipping rate"),
    fa: ["هزینه", "مواداولیه", "دستمزد", "حقوق", "تورم", "نرخارز", "قیمتدلار", "کرایهحمل"]
  },
  scope: {
    en: en("scope", "more (?:users|seats|features|modules)", "new (?:feature|module)", "additional (?:service|support|module)", "service level", "sla\\b", "upgrade"),
    fa: ["دامنه", "قابلیتجدید", "ماژولجدید", "خدماتبیشتر", "پشتیبانیبیشتر", "ارتقا"]
  },
  regulation: { en: en("regulat", "compliance", "tariff", "tax", "dut(?:y|ies)\\b", "levy"), fa: ["مقررات", "تعرفه", "مالیات", "عوارض", "گمرک"] }
}

/** Demand or scarcity as the reason for an increase (KKT 1986: 82 % unfair). */
export const DEMAND_REASONS: Lexicon = {
  en: en("demand", "scarc", "shortage", "limited (?:supply|availability|stock)", "hot market", "market is hot", "everyone wants", "sold out", "because we can", "no (?:other )?(?:choice|alternative)", "locked in", "can'?t switch"),
  fa: ["تقاضا", "کمبود", "کمیاب", "بازارداغ", "همهمیخواهند", "چارهاینداردند", "چارهاینداره", "چارهاینداری", "انحصار", "جایگزیننداره", "جایگزینندارند"]
}

/** Our own profit as the stated motive (Campbell 1999: inferred motive drives unfairness). */
export const PROFIT_REASONS: Lexicon = {
  en: en("margin", "profit", "revenue target", "quota", "shareholder", "make more money", "earn more"),
  fa: ["سودبیشتر", "سودشرکت", "افزایشسود", "حاشیهسود", "هدففروش", "درآمدبیشتر"]
}

/** Reasons that carry no information. */
const PLACEBIC: Lexicon = {
  en: en("that'?s (?:the|our) price", "it'?s (?:the|our) price", "(?:company |our )?policy", "standard price", "it is what it is", "we have to", "because we (?:need|want) to", "just because", "that'?s how it is"),
  fa: ["قیمتهمینه", "قیمتهمیناست", "سیاستشرکت", "همینهکههست", "مجبوریم"]
}

export interface ReasonReading<C extends string> {
  category: C | null
  cues: string[]
  /** Says the product is worth less (discounts). */
  quality: boolean
  /** Demand/scarcity (increases). */
  demand: boolean
  /** Profit motive (increases). */
  profit: boolean
  /** Present but without content. */
  placebic: boolean
  missing: boolean
}

function firstCategory<C extends string>(table: Readonly<Record<C, Lexicon>>, text: ReturnType<typeof normaliseText>): { category: C | null; cues: string[] } {
  for (const category of Object.keys(table) as C[]) {
    const cues = findCues(text, table[category])
    if (cues.length > 0) return { category, cues }
  }
  return { category: null, cues: [] }
}

export function readDiscountReason(reason: string | undefined): ReasonReading<DiscountCategory> {
  const trimmed = (reason ?? "").trim()
  const text = normaliseText(trimmed)
  const quality = findCues(text, QUALITY_REASONS)
  const { category, cues } = firstCategory(DISCOUNT_REASONS, text)
  const placebic = trimmed !== "" && category === null && quality.length === 0 && (findCues(text, PLACEBIC).length > 0 || trimmed.length < 12)
  return { category, cues: [...quality, ...cues], quality: quality.length > 0, demand: false, profit: false, placebic, missing: trimmed === "" }
}

export function readIncreaseReason(reason: string | undefined): ReasonReading<IncreaseCategory> {
  const trimmed = (reason ?? "").trim()
  const text = normaliseText(trimmed)
  const demand = findCues(text, DEMAND_REASONS)
  const profit = findCues(text, PROFIT_REASONS)
  const { category, cues } = firstCategory(INCREASE_REASONS, text)
  const flagged = demand.length > 0 || profit.length > 0
  const placebic = trimmed !== "" && category === null && !flagged && (findCues(text, PLACEBIC).length > 0 || trimmed.length < 12)
  return { category, cues: [...demand, ...profit, ...cues], quality: false, demand: demand.length > 0, profit: profit.length > 0, placebic, missing: trimmed === "" }
}

/** The non-quality reasons the rep can give for a discount (their words: p.r1.option.*). */
export const DISCOUNT_REASON_OPTIONS = ["p.r1.option.volume", "p.r1.option.term", "p.r1.option.modelChange", "p.r1.option.timing", "p.r1.option.bundle"] as const

/**
 * A free-text rationale for the price is placebic when it says nothing checkable: a stock phrase
 * ("that's our price", "company policy") or a few words with no figure and no recognised driver.
 */
export function isPlacebicRationale(rationale: string | undefined): boolean {
  const trimmed = (rationale ?? "").trim()
  if (trimmed === "") return false
  const text = normaliseText(trimmed)
  if (findCues(text, PLACEBIC).length > 0) return true
  const hasDriver =
    /\d|[\u06F0-\u06F9]/.test(trimmed) ||
    Object.values(INCREASE_REASONS).some((l) => findCues(text, l).length > 0) ||
    Object.values(DISCOUNT_REASONS).some((l) => findCues(text, l).length > 0)
  return !hasDriver && trimmed.length < 20
}
