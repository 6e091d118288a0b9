/**
 * The small English and Persian lexicons of the pricing rules (reasons for a discount or
 * increase, pushback). Text is folded by src/text/normalise.ts, the folding the analysis reads
 * with (Arabic ي/ك, digits, diacritics, tatweel, marks, case). Reps type Persian with or without
 * the half-space (نمی‌توانیم / نمی توانیم / نمیتوانیم), so Persian cues are matched on a copy with
 * every space removed; English cues are regular expressions on the folded copy.
 */
import { normalise } from "../text/normalise"

export interface NormalisedText {
  /** Folded, spaces collapsed (for English regexes). */
  words: string
  /** Folded with all spaces and half-spaces removed (for Persian substrings). */
  joined: string
}

const MAX_SCAN = 2000

export function normaliseText(text: string | undefined | null): NormalisedText {
  const words = normalise(String(text ?? "").slice(0, MAX_SCAN))
  return { words, joined: words.replace(/ /g, "") }
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
