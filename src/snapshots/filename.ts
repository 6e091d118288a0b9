/**
 * Export file names carry the account, the date and the language:
 * `parley-<account>-<yyyy-mm-dd>-<lang>.<ext>` (team CSV: `parley-team-…`). The account part keeps
 * letters of any script (a Persian name stays readable) and drops what file systems or the
 * download attribute refuse: path separators, reserved characters, control and bidi characters.
 */

const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g
const MAX_NAME = 60

export function slug(text: string): string {
  const cleaned = text
    .normalize("NFC")
    .replace(UNSAFE, " ")
    .replace(/[\s.]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase()
  const cut = [...cleaned].slice(0, MAX_NAME).join("").replace(/-$/, "")
  return cut || "account"
}

/** UTC calendar date of an epoch-ms time. */
export function isoDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10)
}

export type ExportKind = "png" | "pdf" | "json" | "csv"

export function exportFilename(options: { account: string | null; at: number; language: string; kind: ExportKind; redacted?: boolean }): string {
  const who = options.account === null ? "team" : slug(options.account)
  const lang = /^[a-z]{2,3}$/.test(options.language) ? options.language : "en"
  return `parley-${who}-${isoDay(options.at)}-${lang}${options.redacted ? "-redacted" : ""}.${options.kind}`
}
