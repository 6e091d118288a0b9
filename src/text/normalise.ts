/**
 * How Parley reads text that reps and CRMs type, in English and Persian: one folding shared by
 * the analysis lexicons (src/text/lexicon.ts), the pricing cue lexicons (src/pricing/text.ts) and
 * the amount parser (src/pricing/parse.ts), so that both engines read the same words the same way.
 *
 * Persian is typed on Arabic keyboard layouts as often as on Persian ones, so the same word
 * arrives as ي/ى or ی, ك or ک, with ة or ۀ for ه, with أ/إ for ا (تأخیر and تاخیر), with Arabic-
 * Indic (٠-٩) or Persian (۰-۹) digits and the Arabic percent sign (٪ for %), with a tatweel
 * stretched inside it or harakat on it, and with its half-space (ZWNJ) typed as ZWNJ, a space, or
 * nothing (می‌خواهیم / می خواهیم / میخواهیم). CRMs and our own renderer add bidi marks and
 * isolates around names. Folding removes all of those differences; Latin is case-folded.
 *
 * Works per UTF-16 code unit (everything folded is in the BMP), so the lexicon scan can fold on
 * the fly without building a copy of each text.
 */

/** A code unit that carries no letter (diacritic, tatweel, zero-width or bidi mark). */
export const SKIP = -1
export const SPACE = 32

const FOLD = new Map<number, number>([
  [0x064a, 0x06cc], [0x0649, 0x06cc], // ي ى → ی
  [0x0643, 0x06a9], // ك → ک
  // ة ۀ → ه: Persian writes both as ه in the words the lexicons hold (هزینه, جلسه); Arabic loan
  // words spelt with ة (بودجة) are the same word to a Persian reader.
  [0x0629, 0x0647], [0x06c0, 0x0647],
  [0x0623, 0x0627], [0x0625, 0x0627], [0x0671, 0x0627], // أ إ ٱ → ا (تأخیر → تاخیر)
  [0x0624, 0x0648], // ؤ → و
  // The Arabic percent sign and the full-width and small forms read as "%": "۱۰٪ تخفیف" is "10% off".
  [0x066a, 37], [0xff05, 37], [0xfe6a, 37],
  [0x2019, 39], [0x2018, 39], [0x02bc, 39], [0x00b4, 39], // typographic apostrophes → '
  [0x200c, SPACE], // ZWNJ: a half-space separates the parts of a word as a space would
  [0xa0, SPACE], [0x202f, SPACE], [0x3000, SPACE],
  [0x200b, SKIP], [0x200d, SKIP], [0x200e, SKIP], [0x200f, SKIP], [0xfeff, SKIP], [0x0640, SKIP], // zero-width marks, tatweel
  [0x061c, SKIP] // Arabic letter mark
])

/** The folded code unit: SPACE for any space, SKIP for a character that carries no letter. */
export function fold(c: number): number {
  if (c < 128) {
    if (c >= 65 && c <= 90) return c + 32
    if (c === 96) return 39 // a backtick typed as an apostrophe
    return c === 9 || c === 10 || c === 13 ? SPACE : c
  }
  if ((c >= 0x064b && c <= 0x065f) || c === 0x0670) return SKIP // Arabic diacritics (harakat, superscript alef)
  if (c >= 0x06f0 && c <= 0x06f9) return c - 0x06f0 + 48 // Persian digits
  if (c >= 0x0660 && c <= 0x0669) return c - 0x0660 + 48 // Arabic-Indic digits
  if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return SKIP // bidi embeddings and isolates
  if (c >= 0x2000 && c <= 0x200a) return SPACE // typographic spaces
  if (c >= 0xc0 && c <= 0xde && c !== 0xd7) return c + 32 // Latin-1 capitals (É → é)
  return FOLD.get(c) ?? c
}

/** Letters and digits (after folding); everything else separates words. */
export function isWord(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57)
  if (c < 0xc0 || c === 0xd7 || c === 0xf7) return false
  if ((c >= 0x2000 && c <= 0x2bff) || (c >= 0x3000 && c <= 0x303f)) return false // punctuation, symbols
  if (c === 0x060c || c === 0x061b || c === 0x061f || (c >= 0x066a && c <= 0x066d) || c === 0x06d4) return false // Arabic punctuation
  return true
}

/**
 * The whole string folded: letters as above, runs of spaces (and half-spaces) as one space, no
 * leading or trailing space. Used for terms, picklist values and the pricing cue texts.
 */
export function normalise(text: string | undefined | null): string {
  if (!text) return ""
  let out = ""
  let space = false
  for (let i = 0; i < text.length; i++) {
    const c = fold(text.charCodeAt(i))
    if (c === SKIP) continue
    if (c === SPACE || c === 11 || c === 12) {
      space = out.length > 0
      continue
    }
    if (space) out += " "
    space = false
    out += String.fromCharCode(c)
  }
  return out
}

/**
 * Folded for reading an amount: as `normalise`, except that a half-space inside a number is
 * dropped rather than read as a space, the Persian separators become ASCII (٬ and the Arabic
 * comma ، group thousands, ٫ is the decimal point) and the minus sign is a hyphen. Spaces are
 * kept as typed (a space may group thousands: "49 750").
 */
export function normaliseAmountText(text: string): string {
  let out = ""
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 0x066c || code === 0x060c) out += ","
    else if (code === 0x066b) out += "."
    else if (code === 0x2212) out += "-"
    else if (code === 0x200c) continue
    else {
      const c = fold(code)
      if (c === SKIP) continue
      out += String.fromCharCode(c)
    }
  }
  return out
}
