/**
 * Where an email quotes the earlier correspondence below a reply or a forward, often our own
 * words sent back: the attribution line a mail client writes ("On Tue, 3 Mar 2026, Sara
 * <sara@…> wrote:", «در تاریخ … سارا نوشت:») and the header block of Outlook and of forwards
 * ("From: … / Sent: … / To: … / Subject: …", «از: … / ارسال شده: …»). Both end their label with a
 * colon, so the lexicon scan (lexicon.ts) asks here only at a colon it passes anyway: no text
 * pays for this unless it has a colon, and most colons are settled by a character or two.
 * ("-----Original Message-----" and "> " lines are found by the scan itself.)
 */

/** The verb of an attribution line, in the locales mail clients write, folded to lower case;
 * the colon follows ("a écrit :" with a space). */
const WROTE = ["wrote", "writes", "schrieb", "écrit", "escribió", "scritto", "schreef", "skrev", "escreveu", "napisał", "yazdı", "نوشت", "نوشته", "نوشتند", "كتب"]
/** The first label of a header block ("From:", "Von:", "De :", "از:") ... */
const FROM = ["from", "von", "de", "da", "van", "od", "från", "fra", "lähettäjä", "از"]
/** ... when the next line carries one of these (Outlook's "Sent:", a forward's "Date:"). */
const SENT = new Set([
  "sent", "date", "gesendet", "datum", "envoyé", "date d'envoi", "enviado", "enviado el", "fecha", "inviato", "data",
  "verzonden", "skickat", "sendt", "wysłano", "lähetetty", "gönderildi", "tarih", "ارسال", "ارسال شده", "ارسال شد", "تاریخ", "زمان"
])
/** The longest header label on that next line, with spaces. */
const LABEL_CHARS = 16

const lower = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c)

/** Whether text[..end) ends with `word` (ASCII case aside) that starts a word. */
function endsWithWord(text: string, end: number, word: string): boolean {
  const start = end - word.length
  if (start < 0) return false
  for (let k = 0; k < word.length; k++) if (lower(text.charCodeAt(start + k)) !== word.charCodeAt(k)) return false
  if (start === 0) return true
  const before = text.charCodeAt(start - 1)
  return before === 32 || before === 9 || before === 10 || before === 13 || before === 0x200c || before === 0xa0 || before === 62
}

/** Where the line holding text[at] starts. */
function lineStart(text: string, at: number): number {
  return text.lastIndexOf("\n", at - 1) + 1
}

/** Whether anything but spaces and ">" stands in text[from, to). */
function hasText(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k)
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 62) return true
  }
  return false
}

/** The label of the line after the one holding text[at], lower case, or "". */
function nextLineLabel(text: string, at: number): string {
  const line = text.indexOf("\n", at)
  if (line < 0) return ""
  let from = line + 1
  while (from < text.length && (text.charCodeAt(from) === 32 || text.charCodeAt(from) === 13)) from++
  const limit = Math.min(text.length, from + LABEL_CHARS)
  for (let k = from; k < limit; k++) {
    const c = text.charCodeAt(k)
    if (c === 58) return text.slice(from, k).trim().toLowerCase()
    if (c === 10) return ""
  }
  return ""
}

/**
 * For the colon at text[colon]: where the quoted earlier correspondence it introduces begins
 * (the start of its attribution or header line), or −1. An attribution names a date or an address,
 * as every mail client writes it, also flattened onto one line ("… 2026, Sara wrote: Our prices
 * …"); "The buyer wrote:" in a rep's note, or "My colleague wrote: we need it by June", is no
 * quoted mail. A header block counts below some text of the message (a logged email may open
 * with its own header) and when the next line is its "Sent:" or "Date:".
 */
export function quotedFrom(text: string, colon: number): number {
  let end = colon
  while (end > 0 && text.charCodeAt(end - 1) === 32) end--
  if (end === 0) return -1
  let after = colon + 1
  while (after < text.length && (text.charCodeAt(after) === 32 || text.charCodeAt(after) === 13)) after++
  const endsLine = after >= text.length || text.charCodeAt(after) === 10
  const last = lower(text.charCodeAt(end - 1))
  // A time ("10:12"), a list ("1:"), a smiley: no verb, no header, unless the line ends there
  // ("Am 3. März 2026 schrieb Sara <sara@…>:", the verb before the name).
  const letter = last >= 128 || (last >= 97 && last <= 122)
  if (!letter && !endsLine) return -1
  if (letter) {
    for (const word of WROTE) {
      if (word.charCodeAt(word.length - 1) !== last || !endsWithWord(text, end, word)) continue
      const start = lineStart(text, end)
      return datedOrAddressed(text, start, end) ? start : -1
    }
  }
  if (endsLine) {
    const start = lineStart(text, end)
    if (datedOrAddressed(text, start, end)) {
      const line = text.slice(start, end).toLowerCase()
      for (const word of WROTE) {
        const at = line.indexOf(word)
        if (at >= 0 && (at === 0 || line.charCodeAt(at - 1) === 32) && !isLetter(line.charCodeAt(at + word.length))) return start
      }
    }
  }
  if (!letter) return -1
  for (const word of FROM) {
    if (word.charCodeAt(word.length - 1) !== last || !endsWithWord(text, end, word)) continue
    const start = lineStart(text, end)
    if (hasText(text, start, end - word.length) || !hasText(text, 0, start)) return -1
    return SENT.has(nextLineLabel(text, colon)) ? start : -1
  }
  return -1
}

/** A letter (NaN, past the end, is none). */
function isLetter(c: number): boolean {
  return c >= 128 || (c >= 97 && c <= 122) || (c >= 65 && c <= 90)
}

/** Whether text[from, to) names a date, a time or an address: a digit (Latin, Persian, Arabic) or "@". */
function datedOrAddressed(text: string, from: number, to: number): boolean {
  for (let m = from; m < to; m++) {
    const c = text.charCodeAt(m)
    if (c === 64 || (c >= 48 && c <= 57) || (c >= 0x06f0 && c <= 0x06f9) || (c >= 0x0660 && c <= 0x0669)) return true
  }
  return false
}
