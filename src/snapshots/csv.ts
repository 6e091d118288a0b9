/**
 * CSV that spreadsheets open safely and correctly (RFC 4180, CRLF line ends):
 * - UTF-8 with a byte-order mark, or Excel reads Persian as mojibake;
 * - CSV injection (OWASP): a text cell that starts with = + - @ tab or carriage return is
 *   prefixed with an apostrophe, so a CRM value such as `=HYPERLINK(...)` stays text. Numbers
 *   Parley writes itself (typed numbers, never CRM text) are left as numbers, so a negative score
 *   still sums in a spreadsheet.
 */

export const BOM = "\uFEFF"
export const EOL = "\r\n"

const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[",\r\n]/

export type CsvValue = string | number | boolean | null | undefined

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return ""
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : ""
  let text = typeof value === "boolean" ? (value ? "true" : "false") : value
  if (FORMULA_START.test(text)) text = `'${text}`
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(",") + EOL
}
