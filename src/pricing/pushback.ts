/**
 * Reading the buyer's pushback (Lee & Ames 2017): "we can't pay more" (a constraint — their
 * budget, their limit) versus "it isn't worth more" (disparagement — our value). Constraint
 * rationales are read as a signal of the buyer's limit: trade terms or scope to fit it.
 * Disparagement is an attack on value: re-justify the value, don't cut the price (a cut would
 * confirm it, Waber et al. 2008). The difference shrinks when the seller knows little about the
 * value, so the hint says so when the rep has no reference or value figure.
 *
 * English and Persian cues; Persian cues are matched without spaces or joiners (text.ts).
 */
import { findCues, normaliseText, type Lexicon } from "./text"

export type PushbackKind = "constraint" | "disparagement" | "mixed" | "unclear"

const en = (...patterns: string[]): RegExp[] => patterns.map((p) => new RegExp(`\\b(?:${p})`, "i"))

export const CONSTRAINT: Lexicon = {
  en: en(
    "can(?:'?t| ?not) (?:pay|afford|spend|go (?:above|over|higher|beyond)|stretch|exceed)",
    "(?:don'?t|do not) have (?:the )?(?:budget|money|funds)",
    "budget",
    "afford",
    "(?:our|the) (?:max(?:imum)?|limit|ceiling|cap)\\b",
    "no more than",
    "not allowed to (?:pay|spend|approve)",
    "approv(?:ed|al) (?:amount|limit|spend)",
    "all we (?:have|can)",
    "out of (?:our )?(?:range|reach)",
    "cash[- ]?flow"
  ),
  fa: [
    "بودجه",
    "نمیتوانیمبیشتر",
    "نمیتونیمبیشتر",
    "بیشترازایننمیتوانیم",
    "بیشترازایننمیتونیم",
    "بیشترازاینپولنداریم",
    "پولنداریم",
    "پولمانکماست",
    "توانپرداخت",
    "تواننداریم",
    "سقف",
    "حداکثر",
    "اجازهنداریم",
    "مجوزنداریم",
    "نقدینگی"
  ]
}

export const DISPARAGEMENT: Lexicon = {
  en: en(
    "(?:not|isn'?t|is not|aren'?t|wasn'?t|hardly) worth",
    "worth (?:less|much less|only)",
    "too (?:expensive|pricey|costly|high|steep)",
    "over-?priced",
    "rip[- ]?off",
    "cheaper (?:elsewhere|option|alternative|competitor|vendor|supplier)",
    "(?:competitors?|competition|other vendors?|others?)\\b[^.?!]{0,40}\\b(?:cheaper|less expensive|lower price)",
    "(?:doesn'?t|does not|can'?t|cannot) justify",
    "not (?:good|great) value",
    "poor value",
    "not that good",
    "not (?:that )?(?:special|different)"
  ),
  fa: [
    /ارزش[^.؟!?]{0,25}ندار/, // "ارزش این قیمت را ندارد": worth … doesn't have
    "ارزشندارد",
    "ارزشنداره",
    "ارزششراندارد",
    "ارزششونداره",
    "نمیارزد",
    "نمیارزه",
    "گراناست",
    "گرانه",
    "گرونه",
    "خیلیگران",
    "خیلیگرون",
    "گرانتراز",
    "ارزانتر",
    "ارزونتر",
    "رقیب",
    "بیشازحد",
    "نمیصرفد",
    "نمیصرفه",
    "صرفنمیکند"
  ]
}

export interface PushbackReading {
  kind: PushbackKind
  constraintCues: string[]
  disparagementCues: string[]
}

export function readPushback(text: string | undefined): PushbackReading {
  const normalised = normaliseText(text)
  const constraintCues = findCues(normalised, CONSTRAINT)
  const disparagementCues = findCues(normalised, DISPARAGEMENT)
  const kind: PushbackKind =
    constraintCues.length > 0 && disparagementCues.length > 0
      ? "mixed"
      : constraintCues.length > 0
        ? "constraint"
        : disparagementCues.length > 0
          ? "disparagement"
          : "unclear"
  return { kind, constraintCues, disparagementCues }
}
