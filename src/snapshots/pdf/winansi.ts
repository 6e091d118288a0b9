/**
 * The PDF standard fonts Parley writes text with (Helvetica, Helvetica-Bold) in WinAnsiEncoding:
 * which characters they can show, their byte codes, and their advance widths (Adobe's AFM
 * metrics, in 1/1000 em) so lines can be wrapped and right-aligned without embedding a font.
 * Anything outside WinAnsi (Persian, CJK, emoji) cannot be shown by a standard font at all; the
 * layout sends such lines to the rasteriser instead (see render.ts).
 */

/** WinAnsi codes 0x80-0x9F that differ from Latin-1 (PDF 32000-1, Annex D). */
const CP1252_EXTRA: Readonly<Record<number, number>> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87, 0x02c6: 0x88,
  0x2030: 0x89, 0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91, 0x2019: 0x92, 0x201c: 0x93,
  0x201d: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98, 0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b,
  0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f
}

/** The WinAnsi byte of a character, or null when the standard fonts cannot show it. */
export function winAnsiCode(char: string): number | null {
  const cp = char.codePointAt(0)!
  if (cp >= 0x20 && cp <= 0x7e) return cp
  if (cp >= 0xa0 && cp <= 0xff) return cp
  return CP1252_EXTRA[cp] ?? null
}

export function canEncode(text: string): boolean {
  for (const char of text) if (winAnsiCode(char) === null) return false
  return true
}

// Widths of codes 32..126 (space to tilde), Helvetica and Helvetica-Bold AFM.
const REGULAR_ASCII = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584
]
const BOLD_ASCII = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
  975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
  333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584
]
/** Punctuation of 0x80-0x9F (same in both weights, to within a few units). */
const EXTRA_WIDTHS: Readonly<Record<number, number>> = {
  0x80: 556, 0x82: 222, 0x83: 556, 0x84: 333, 0x85: 1000, 0x86: 556, 0x87: 556, 0x88: 333, 0x89: 1000, 0x8b: 333, 0x8c: 1000,
  0x91: 222, 0x92: 222, 0x93: 333, 0x94: 333, 0x95: 350, 0x96: 556, 0x97: 1000, 0x98: 333, 0x99: 1000, 0x9b: 333, 0x9c: 944
}
/** Latin-1 letters take the width of their base letter ("é" is as wide as "e"). */
const BASE_LETTER = "AAAAAAACEEEEIIIIDNOOOOO×OUUUUYÞsaaaaaaaceeeeiiiidnooooo÷ouuuuyþy"

/** Dashes and minus signs outside WinAnsi that read the same as a hyphen. */
const HYPHEN_LIKE = /^[\u2010\u2011\u2012\u2015\u2212\uFE63\uFF0D]$/u
const WHITESPACE = /^\p{White_Space}$/u
/** Control and format characters (zero-width, bidi marks, BOM): nothing to show, so nothing written. */
const INVISIBLE = /^[\p{Cc}\p{Cf}]$/u

/**
 * The WinAnsi byte a character is written as, or null when it is dropped: whitespace becomes a
 * space, invisible characters vanish, hyphen look-alikes become "-", and anything else the
 * standard fonts cannot show (Persian, CJK, emoji, a lone surrogate) becomes "?".
 */
function code(char: string): number | null {
  const byte = winAnsiCode(char)
  if (byte !== null) return byte
  if (WHITESPACE.test(char)) return 0x20
  if (INVISIBLE.test(char)) return null
  if (HYPHEN_LIKE.test(char)) return 0x2d
  return 0x3f
}

/** The WinAnsi bytes `text` is written as (see `code`); widths and literals both follow them. */
export function winAnsiBytes(text: string): number[] {
  const bytes: number[] = []
  for (const char of text) {
    const byte = code(char)
    if (byte !== null) bytes.push(byte)
  }
  return bytes
}

/** Advance width of one WinAnsi byte in 1/1000 em. */
export function glyphWidth(byte: number, bold: boolean): number {
  const ascii = bold ? BOLD_ASCII : REGULAR_ASCII
  if (byte >= 32 && byte <= 126) return ascii[byte - 32]!
  if (byte >= 0xc0) {
    const base = BASE_LETTER[byte - 0xc0]!
    if (base === "×" || base === "÷") return 584
    if (base === "Þ" || base === "þ") return bold ? 667 : 556
    return ascii[base.charCodeAt(0) - 32]!
  }
  if (byte === 0x8a || byte === 0x8e || byte === 0x9f) return 667
  if (byte === 0x9a || byte === 0x9e) return 500
  return EXTRA_WIDTHS[byte] ?? 556
}

/** Width of `text` in points at `size`, as written (see `winAnsiBytes`). */
export function textWidth(text: string, size: number, bold = false): number {
  let units = 0
  for (const byte of winAnsiBytes(text)) units += glyphWidth(byte, bold)
  return (units * size) / 1000
}

/**
 * `text` as a PDF literal string body, pure printable ASCII: its WinAnsi bytes (see
 * `winAnsiBytes`), with \ ( ) escaped and every byte outside 0x20-0x7E written in octal, so
 * no character reaches the file raw whatever the text holds.
 */
export function pdfLiteral(text: string): string {
  let out = ""
  for (const byte of winAnsiBytes(text)) {
    if (byte === 0x5c || byte === 0x28 || byte === 0x29) out += `\\${String.fromCharCode(byte)}`
    else if (byte < 0x20 || byte > 0x7e) out += `\\${byte.toString(8).padStart(3, "0")}`
    else out += String.fromCharCode(byte)
  }
  return out
}
