/**
 * Text matching for the lexicons in parameters.ts: normalisation of English and Persian text and
 * one compiled regular expression per lexicon group, so each text is scanned once per group.
 */
import { GENERAL, LEXICONS } from "./parameters"

type Lexicons = typeof LEXICONS
export type LexiconGroup = keyof Lexicons
export type CueOf<G extends LexiconGroup> = keyof Lexicons[G] & string
export type Cue = { [G in LexiconGroup]: CueOf<G> }[LexiconGroup]
/** The first matched text per cue found; absent cues are not keys. */
export type Hits<C extends string = Cue> = Partial<Record<C, string>>

/**
 * Arabic code points that Persian text often carries instead of the Persian ones (keyboards and
 * converters emit ي/ك), diacritics and tatweel (ornamental), zero-width characters (ZWNJ joins
 * Persian morphemes: هزینه‌ها), typographic apostrophes (can’t) and Persian/Arabic digits.
 */
const FOLD: Readonly<Record<string, string>> = {
  "\u064A": "\u06CC", // ي → ی
  "\u0649": "\u06CC", // ى → ی
  "\u0643": "\u06A9", // ك → ک
  "\u0629": "\u0647", // ة → ه
  "\u06C0": "\u0647", // ۀ → ه
  "\u0623": "\u0627", // أ → ا (تأخیر → تاخیر)
  "\u0625": "\u0627", // إ → ا
  "\u0671": "\u0627", // ٱ → ا
  "\u0624": "\u0648", // ؤ → و
  "\u200C": " ", // zero-width non-joiner
  "\u200B": "",
  "\u200D": "",
  "\u200E": "",
  "\u200F": "",
  "\uFEFF": "",
  "\u0640": "", // tatweel
  "\u2019": "'",
  "\u2018": "'"
}
const FOLD_RE = /[\u064A\u0649\u0643\u0629\u06C0\u0623\u0625\u0671\u0624\u200B-\u200F\uFEFF\u0640\u2018\u2019\u064B-\u065F\u0670\u06F0-\u06F9\u0660-\u0669]/g

function fold(ch: string): string {
  const mapped = FOLD[ch]
  if (mapped !== undefined) return mapped
  const code = ch.charCodeAt(0)
  if (code >= 0x06f0 && code <= 0x06f9) return String.fromCharCode(code - 0x06f0 + 48)
  if (code >= 0x0660 && code <= 0x0669) return String.fromCharCode(code - 0x0660 + 48)
  return "" // Arabic diacritics (harakat, superscript alef)
}

/** Lower-cased, Persian-normalised text, cut to the scanned length. */
export function normalise(text: string | undefined | null, max: number = GENERAL.maxScanChars): string {
  if (!text) return ""
  const cut = text.length > max ? text.slice(0, max) : text
  return cut.toLowerCase().replace(FOLD_RE, fold)
}

const PERSIAN = /[\u0600-\u06FF]/
const WORD_END = "(?![\\p{L}\\p{N}])"

function termPattern(term: string): string {
  const open = term.endsWith("*")
  const body = open ? term.slice(0, -1) : term
  const persian = PERSIAN.test(body)
  const normalised = normalise(body, Infinity)
  let pattern = ""
  for (const ch of normalised) {
    if (ch === " ") pattern += persian ? "\\s*" : "\\s+"
    else if (ch === "-") pattern += "[-\\s]?"
    else pattern += ch.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")
  }
  if (open) return pattern
  return persian ? pattern + WORD_END : pattern + "(?:s|es)?" + WORD_END
}

interface Compiled {
  re: RegExp
  cues: string[]
}

const compiled = new Map<LexiconGroup, Compiled>()

function compile(group: LexiconGroup): Compiled {
  const found = compiled.get(group)
  if (found) return found
  const lexicon = LEXICONS[group] as Readonly<Record<string, readonly string[]>>
  const cues = Object.keys(lexicon)
  // Longest first inside a cue so a phrase wins over its own first word.
  const alternatives = cues.map((cue) => {
    const terms = [...(lexicon[cue] ?? [])].sort((a, b) => b.length - a.length)
    return "(" + terms.map(termPattern).join("|") + ")"
  })
  const entry = { re: new RegExp("(?<![\\p{L}\\p{N}])(?:" + alternatives.join("|") + ")", "gu"), cues }
  compiled.set(group, entry)
  return entry
}

/** Scans already-normalised text for one group's cues; null when nothing matched. */
export function scan<G extends LexiconGroup>(group: G, normalised: string): Hits<CueOf<G>> | null {
  if (normalised.length === 0) return null
  const { re, cues } = compile(group)
  let hits: Record<string, string> | null = null
  re.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = re.exec(normalised)) !== null) {
    for (let g = 1; g <= cues.length; g++) {
      const text = match[g]
      if (text !== undefined) {
        const cue = cues[g - 1]!
        hits ??= {}
        if (hits[cue] === undefined) hits[cue] = text
        break
      }
    }
  }
  return hits as Hits<CueOf<G>> | null
}

/** Merges hits, keeping the first text seen per cue. */
export function mergeHits<C extends string>(a: Hits<C> | null, b: Hits<C> | null): Hits<C> | null {
  if (!a) return b
  if (!b) return a
  const out: Hits<C> = { ...a }
  for (const cue in b) if (out[cue] === undefined) out[cue] = b[cue]
  return out
}

/** Which side a lead-source value points to, or null for neutral/unknown values. */
export function leadSourceSide(value: string | undefined): "customer" | "supplier" | null {
  const hits = scan("leadSource", normalise(value))
  if (!hits) return null
  // A value naming both ("Inbound call from event") is ambiguous: neither side.
  if (hits.customerLead !== undefined && hits.supplierLead !== undefined) return null
  return hits.customerLead !== undefined ? "customer" : hits.supplierLead !== undefined ? "supplier" : null
}
