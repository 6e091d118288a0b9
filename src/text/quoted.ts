/**
 * Where an email quotes the earlier correspondence below a reply or a forward, often our own
 * words sent back: the attribution line a mail client writes ("On Tue, 3 Mar 2026, Sara
 * <sara@…> wrote:", «در تاریخ … سارا نوشت:») and the header block of Outlook and of forwards
 * ("From: … / Sent: … / To: … / Subject: …", «از: … / ارسال شده: …»). Both end their label with a
 * colon, so the lexicon scan (lexicon.ts) asks here only at a colon it passes anyway: no text
 * pays for this unless it has a colon, and most colons are settled by a character or two.
 * ("-----Original Message-----" and "> " lines are found by the scan itself.)
 *
 * A signature is not the message either: below a sign-off line ("Thanks,", "Regards", "ممنون") or
 * the "-- " delimiter, the job titles ("Quality Manager", "Technical Support", "مدیر تدارکات")
 * name no criterion. The scan asks at each line break, settled for most lines by their length.
 *
 * Dataverse keeps email bodies as HTML, which the connector flattens to one line
 * (src/crm/dynamics/map.ts `plainText`): "… poor. From: Sara Sent: Tuesday … Our prices …". A
 * header or attribution found inside a line then starts where its own words start, not at the
 * line's start, which is the customer's message.
 */

/** The verb of an attribution line, in the locales mail clients write, lower case; the colon
 * follows it ("a écrit :" with a space), or the sender's name and address do ("Am … schrieb Sara
 * <sara@…>:"). */
const WROTE = ["wrote", "writes", "schrieb", "écrit", "escribió", "scritto", "schreef", "skrev", "escreveu", "napisał", "yazdı", "نوشت", "نوشته", "نوشتند", "كتب"]
/** The first label of a header block ("From:", "Von:", "De :", "از:") ... */
const FROM = ["from", "von", "de", "da", "van", "od", "från", "fra", "lähettäjä", "از"]
/** ... when the next label, on the next line or later on the same one, is one of these (Outlook's
 * "Sent:", a forward's "Date:"). */
const SENT = [
  "sent", "date", "gesendet", "datum", "envoyé", "date d'envoi", "enviado", "enviado el", "fecha", "inviato", "data",
  "verzonden", "skickat", "sendt", "wysłano", "lähetetty", "gönderildi", "tarih", "ارسال", "ارسال شده", "ارسال شد", "تاریخ", "زمان"
]
/** How far a label may be from the colon that ends it, and how far a flattened header's "Sent:"
 * or an attribution's verb may be from its "From:" or its closing colon. */
const LABEL_CHARS = 16
const HEADER_CHARS = 240

const lower = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c)
/** Spaces, and the asterisks a plain-text rendering puts around a bold label ("*From:*"). */
const blank = (c: number) => c === 32 || c === 9 || c === 13 || c === 42 || c === 0xa0

/** Whether text[..end) ends with `word` (ASCII case aside) that starts a word. */
function endsWithWord(text: string, end: number, word: string): boolean {
  const start = end - word.length
  if (start < 0) return false
  for (let k = 0; k < word.length; k++) if (lower(text.charCodeAt(start + k)) !== word.charCodeAt(k)) return false
  if (start === 0) return true
  const before = text.charCodeAt(start - 1)
  return blank(before) || before === 10 || before === 0x200c || before === 62
}

/** Where the line holding text[at] starts. */
function lineStart(text: string, at: number): number {
  return text.lastIndexOf("\n", at - 1) + 1
}

/** Whether anything but spaces, asterisks and ">" stands in text[from, to). */
function hasText(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k)
    if (!blank(c) && c !== 10 && c !== 62) return true
  }
  return false
}

/** Whether text[from, to) names a date, a time or an address: a digit (Latin, Persian, Arabic) or "@". */
function datedOrAddressed(text: string, from: number, to: number): boolean {
  for (let m = from; m < to; m++) {
    const c = text.charCodeAt(m)
    if (c === 64 || (c >= 48 && c <= 57) || (c >= 0x06f0 && c <= 0x06f9) || (c >= 0x0660 && c <= 0x0669)) return true
  }
  return false
}

/** Whether the label ending at the colon text[colon] (spaces and asterisks aside) is a "Sent:". */
function sentLabelAt(text: string, colon: number): boolean {
  let end = colon
  while (end > 0 && blank(text.charCodeAt(end - 1))) end--
  for (const label of SENT) if (endsWithWord(text, end, label)) return true
  return false
}

/** Whether a "Sent:" label follows the "From:" whose colon is text[colon]: the next line's label,
 * or the next colon on the same line (a flattened header). */
function sentFollows(text: string, colon: number): boolean {
  const line = text.indexOf("\n", colon)
  if (line >= 0) {
    let from = line + 1
    while (from < text.length && blank(text.charCodeAt(from))) from++
    const next = text.indexOf(":", from)
    if (next >= 0 && next - from <= LABEL_CHARS && text.lastIndexOf("\n", next) < from && sentLabelAt(text, next)) return true
  }
  const next = text.indexOf(":", colon + 1)
  return next >= 0 && next - colon <= HEADER_CHARS && (line < 0 || next < line) && sentLabelAt(text, next)
}

/** A sign-off alone on its line, lower case, without its comma or full stop ("Best regards" and
 * the like are reply-header markers, found anywhere). */
const SIGN_OFFS = new Set([
  "thanks", "thank you", "many thanks", "thanks again", "thanks in advance", "thx", "regards", "with regards", "best", "best wishes",
  "cheers", "br", "rgds", "brgds", "all the best", "danke", "vielen dank", "grüße", "gruß", "viele grüße", "beste grüße",
  "merci", "cordialement", "bien à vous", "saludos", "un saludo", "atentamente", "cordiali saluti", "saluti", "grazie",
  "met vriendelijke groet", "groeten", "mvh", "hälsningar", "ممنون", "ممنونم", "با تشکر", "با سپاس", "سپاس", "سپاسگزارم",
  "متشکرم", "قربان شما", "ارادتمند", "با احترام و سپاس"
])
/** The longest sign-off line, with spaces and punctuation (the scan asks about no longer line);
 * and the most a signature below it holds. */
export const SIGN_OFF_CHARS = 28
const SIGNATURE_CHARS = 400
const SIGNATURE_LINES = 8

/**
 * For the line break at text[newline], ending the line that starts at `start`: where a signature
 * begins when that line is a
 * sign-off or the "-- " delimiter, below some text of the message, and what follows is short
 * (a name, titles, a phone number: at most a few short lines), or −1. "Thanks,\nwe need them by
 * May …" opens a message, it does not close one.
 */
export function signatureFrom(text: string, start: number, newline: number): number {
  // A signature's size below it first: settles the short lines high in a long message.
  if (newline - start > SIGN_OFF_CHARS || text.length - newline > SIGNATURE_CHARS || !hasText(text, 0, start)) return -1
  let end = newline
  while (end > start && blank(text.charCodeAt(end - 1))) end--
  let from = start
  while (from < end && blank(text.charCodeAt(from))) from++
  if (from === end) return -1
  const delimiter = end - from === 2 && text.charCodeAt(from) === 45 && text.charCodeAt(from + 1) === 45
  if (!delimiter) {
    let to = end
    const c = text.charCodeAt(to - 1)
    if (c === 44 || c === 46 || c === 33 || c === 0x060c) to--
    if (!SIGN_OFFS.has(text.slice(from, to).trim().toLowerCase())) return -1
  }
  // What follows is a signature's shape: a few short lines.
  let lines = 0
  let lineChars = 0
  for (let k = newline + 1; k < text.length; k++) {
    if (text.charCodeAt(k) === 10) {
      lines++
      lineChars = 0
    } else if (++lineChars > 80) return -1
  }
  return lines < SIGNATURE_LINES ? start : -1
}

/**
 * For the colon at text[colon]: where the quoted earlier correspondence it introduces begins
 * (the start of its attribution or header line, or of its own words in a flattened text), or −1.
 * An attribution names a date or an address, as every mail client writes it; "The buyer wrote:"
 * in a rep's note, or "My colleague wrote: we need it by June", is no quoted mail. A header block
 * counts below some text of the message (a logged email may open with its own header) and when
 * a "Sent:" or "Date:" label follows its "From:".
 */
export function quotedFrom(text: string, colon: number): number {
  let end = colon
  while (end > 0 && blank(text.charCodeAt(end - 1))) end--
  if (end === 0) return -1
  const last = lower(text.charCodeAt(end - 1))
  const letter = last >= 128 || (last >= 97 && last <= 122)
  if (letter) {
    for (const word of WROTE) {
      if (word.charCodeAt(word.length - 1) !== last || !endsWithWord(text, end, word)) continue
      return attribution(text, end - word.length, end)
    }
    for (const word of FROM) {
      if (word.charCodeAt(word.length - 1) !== last || !endsWithWord(text, end, word)) continue
      const from = end - word.length
      if (!hasText(text, 0, from) || !sentFollows(text, colon)) return -1
      const start = lineStart(text, from)
      return hasText(text, start, from) ? from : start
    }
    if (!endsLine(text, colon)) return -1
  }
  // "Am 3. März 2026 um 10:12 schrieb Sara <sara@…>:", "… schreef Sara:": the verb before the
  // name and address, the colon ending the line.
  else if (last !== 62 && !endsLine(text, colon)) return -1
  const start = Math.max(lineStart(text, end), end - HEADER_CHARS)
  const line = text.slice(start, end).toLowerCase()
  for (const word of WROTE) {
    const at = line.lastIndexOf(word)
    if (at < 0 || (at > 0 && line.charCodeAt(at - 1) !== 32)) continue
    const after = line.charCodeAt(at + word.length)
    if (after !== 32 && after !== 10) continue
    return attribution(text, start + at, end)
  }
  return -1
}

/** Whether only spaces stand between text[colon] and the end of its line. */
function endsLine(text: string, colon: number): boolean {
  let k = colon + 1
  while (k < text.length && blank(text.charCodeAt(k))) k++
  return k >= text.length || text.charCodeAt(k) === 10
}

/** Where the attribution whose verb starts at `verb` begins, its line ending at `end`: its line's
 * start when it is a line of its own below the message, else the verb (in a flattened text the
 * message stands before it on the same line). */
function attribution(text: string, verb: number, end: number): number {
  const start = lineStart(text, verb)
  if (!datedOrAddressed(text, start, end)) return -1
  return start > 0 && end - start <= HEADER_CHARS ? start : verb
}
