/**
 * CSV that spreadsheets open safely and correctly (RFC 4180, CRLF line ends):
 * - UTF-8 with a byte-order mark, or Excel reads Persian as mojibake;
 * - CSV injection (OWASP "CSV Injection"): a text cell a spreadsheet could read as a formula is
 *   prefixed with an apostrophe and quoted. "Could read as a formula" is judged on the first
 *   character that counts: spreadsheets skip leading whitespace, invisible characters (BOM,
 *   zero-width, bidi marks) and quotes, and fold full-width and small forms (＝ ﹦) to ASCII, so
 *   the check does the same. A DDE payload (`cmd|' /C calc'!A0`) is neutralised wherever it
 *   starts. Numbers Parley writes itself (typed numbers, never CRM text) are left as numbers, so
 *   a negative score still sums in a spreadsheet.
 */

export const BOM = "\uFEFF"
export const EOL = "\r\n"

/**
 * What a spreadsheet skips before it looks for a formula: whitespace (including NBSP, line and
 * paragraph separators, the BOM), control and format characters (zero-width space and joiners,
 * bidi marks and isolates, soft hyphen), and quote marks that a cell's text may open with.
 */
const SKIPPED_PREFIX = /^[\p{White_Space}\p{Cc}\p{Cf}'"`\u2018\u2019\u201A\u201B\u201C\u201D\u201E\u201F\u2032\u2033\uFF02\uFF07]*/u
/** Characters that start a formula (or a DDE link) once folded to ASCII; U+2212 is the minus sign. */
const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@", "|", "\u2212"])
/** A DDE link anywhere in the text: `app|topic!item`, e.g. `cmd|' /C calc'!A0`. */
const DDE_LINK = /\|[^|]*!/
const NEEDS_QUOTES = /[",\r\n]/

export type CsvValue = string | number | boolean | null | undefined

/** True when a spreadsheet could evaluate `text` as a formula or a DDE link. */
export function isFormulaLike(text: string): boolean {
  // Tab, CR and LF at the very start are triggers of their own (OWASP), even with nothing after.
  if (/^[\t\r\n]/.test(text)) return true
  const first = text.replace(SKIPPED_PREFIX, "").codePointAt(0)
  if (first !== undefined && FORMULA_TRIGGERS.has(String.fromCodePoint(first).normalize("NFKC").charAt(0))) return true
  return DDE_LINK.test(text)
}

/** One CSV cell: text that could run as a formula becomes `"'…"`, text with separators is quoted. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return ""
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : ""
  const text = typeof value === "boolean" ? (value ? "true" : "false") : value
  if (isFormulaLike(text)) return `"'${text.replace(/"/g, '""')}"`
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(",") + EOL
}
