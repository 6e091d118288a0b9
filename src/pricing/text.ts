/**
 * Normalisation for the small English and Persian lexicons of the pricing rules (reasons for a
 * discount or increase, pushback). Reps type Persian with Arabic ي/ك, with or without the
 * zero-width non-joiner (نمی‌توانیم / نمی توانیم / نمیتوانیم), so Persian cues are matched on a
 * copy with every space and joiner removed; English cues are regular expressions on a lower-cased
 * copy with typographic apostrophes folded.
 */

export interface NormalisedText {
  /** Lower-case, apostrophes folded, whitespace collapsed (for English regexes). */
  words: string
  /** Persian-folded with all whitespace and joiners removed (for Persian substrings). */
  joined: string
}

const MAX_SCAN = 2000

export function normaliseText(text: string | undefined | null): NormalisedText {
  const s = String(text ?? "")
    .slice(0, MAX_SCAN)
    .toLowerCase()
    .replace(/[\u2018\u2019\u02BC`´]/g, "'")
    .replace(/\u064A|\u0649/g, "\u06CC") // ي ى → ی
    .replace(/\u0643/g, "\u06A9") // ك → ک
    .replace(/[\u0623\u0625\u0671]/g, "\u0627") // أ إ ٱ → ا
    .replace(/[\u0629\u06C0]/g, "\u0647") // ة ۀ → ه
    .replace(/[\u064B-\u065F\u0670\u0640]/g, "") // harakat, superscript alef, tatweel
    .replace(/[\u200B\u200D-\u200F\uFEFF]/g, "")
  const words = s.replace(/\u200C/g, " ").replace(/\s+/g, " ").trim()
  const joined = s.replace(/[\s\u200C]+/g, "")
  return { words, joined }
}

export interface Lexicon {
  en: readonly RegExp[]
  /** Persian cues written without spaces or joiners ("نمیتوانیم"); a RegExp is tested on the same joined text. */
  fa: readonly (string | RegExp)[]
}

/** The cues of `lexicon` found in `text` (the matched English text or the Persian cue). */
export function findCues(text: NormalisedText, lexicon: Lexicon): string[] {
  const hits: string[] = []
  for (const re of lexicon.en) {
    const m = re.exec(text.words)
    if (m) hits.push(m[0])
  }
  for (const cue of lexicon.fa) {
    if (typeof cue === "string") {
      if (text.joined.includes(cue)) hits.push(cue)
    } else {
      const m = cue.exec(text.joined)
      if (m) hits.push(m[0])
    }
  }
  return hits
}
