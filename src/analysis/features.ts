/**
 * Per-record features: everything classification needs from one record, computed once and cached
 * by the incremental classifier (keyed by record key + modifiedAt/seenAt). A feature depends on
 * its record alone — never on `now`, the account or other records — which is what makes the
 * cache sound.
 *
 * Text becomes `cues`, a bitmask of the lexicon cues found (lexicon.ts CUE), which is all the
 * aggregation loops test, and, for interactions and cases, `voice`: the cues the customer said
 * themselves, read clause by clause in the same scan (src/text/clauses.ts: who speaks, negation,
 * contrast, a budget that grew). The words that matched are not kept: `cueText` finds them again
 * for the few records kept as evidence, from the text fields each feature references (no copies).
 */
import { CRM_OBJECTS } from "../model/crm-objects"
import type * as z from "zod"
import * as M from "../model/schema"
import { CUE, leadSourceSide, MARKER, normalise, read, readerOf, scan, scanMask, type Cue, type LexiconGroup } from "./lexicon"
import { CASE_PICKLIST_CRITERIA, CASE_PRIORITY, CASE_REQUEST_VALUES, GENERAL, TIME } from "./parameters"
import type { Criterion, RecordType } from "./profile"
import type { Reading } from "../text/lexicon"
import { HEARD } from "../text/clauses"
import { fold, isWord, SKIP } from "../text/normalise"

export type InteractionIn = z.input<typeof M.Interaction>
export type DealIn = z.input<typeof M.Deal>
export type QuoteIn = z.input<typeof M.Quote>
export type QuoteLineIn = z.input<typeof M.QuoteLine>
export type CaseIn = z.input<typeof M.Case>
export type ContractIn = z.input<typeof M.Contract>
export type AccountIn = z.input<typeof M.Account>

/** What evidence needs to name a record. */
export interface RecordRef {
  key: string
  recordType: RecordType
  sourceObject?: string
  at?: number
  /** A short human handle for reasons: a subject, name or number. */
  title: string
}

/** A record whose text was scanned: the cues found, and the scanned fields (by reference). */
export interface Scanned {
  recordType: RecordType
  cues: number
  textA: string | undefined
  textB: string | undefined
  textC: string | undefined
}

/** The words of a record that matched a cue (for a reason), or undefined. */
export function cueText(f: Scanned, cue: Cue): string | undefined {
  if ((f.cues & CUE[cue]) === 0) return undefined
  const hits = scan(GROUPS_OF[f.recordType], f.textA, f.textB, f.textC)
  const own: string | undefined = hits?.[cue as never]
  if (own !== undefined) return own
  // A cue the clause reader made of two words (src/text/clauses.ts): a price and an excess word
  // after it ("prices are way too high for …"), a budget and a freeze ("budget is frozen until
  // Q3"): the words from the price on (the evidence quote shortens them). A quote called too high
  // ("the quote is a bit steep") names no price: the text that says it.
  const texts = [f.textA, f.textB, f.textC]
  const price = hits?.price
  if (price !== undefined && cue !== "price") {
    for (const text of texts) {
      const from = text?.indexOf(price) ?? -1
      if (from >= 0) return text!.slice(from, from + GENERAL.maxQuoteChars)
    }
  }
  for (const text of texts) if (text && (read(GROUPS_OF[f.recordType], "customer", text).cues & CUE[cue]) !== 0) return text.slice(0, GENERAL.maxQuoteChars)
  return undefined
}

export interface InteractionF extends RecordRef, Scanned {
  at: number
  direction: M.Direction
  channel: M.Channel
  /** The cues the customer voiced (CUE bits): their own words, negated clauses left out. `cues`
   * keeps every cue found, for finding the matched words again. */
  voice: number
  /** Contact between people: false for automated, mass and system-logged sends. */
  human: boolean
  /** Our note of a call or meeting that reached them: the customer spoke ("they said …", "گفتند …")
   * or we spoke with them ("discussed the order with Anna", «صحبت کردیم»), and not "no answer"
   * («جواب ندادند»): a two-way contact, whoever dialled. */
  heard: boolean
}

export interface DealF extends RecordRef, Scanned {
  createdAt: number
  closeDate?: number
  isClosed: boolean
  isWon: boolean
  amount?: number
  currency?: string
  leadSource?: string
  leadSide: "customer" | "supplier" | null
  /** The loss reason of a lost deal (structured: the customer's own reason), scanned for criteria. */
  lossReason?: string
  lossCues: number
  /** The customer's words in the name, type and description (our record of the deal): only
   * clauses whose subject is the customer, negated ones left out (CUE bits). */
  voice: number
  competitorCount?: number
}

export interface QuoteF extends RecordRef {
  dealKey?: string
  revision: number
  createdAt: number
  total?: number
  discountPercent?: number
  currency?: string
}

export interface QuoteLineF extends RecordRef, Scanned {
  quoteKey: string
  quantity: number
  listPrice?: number
  unitPrice: number
  discountPercent?: number
  /** Net line value after the line discount. */
  net: number
  isCustom: boolean
  isService: boolean
}

export interface CaseF extends RecordRef, Scanned {
  openedAt: number
  closedAt?: number
  isClosed: boolean
  isEscalated: boolean
  /** Criterion named by the case type/reason picklists, with the value that named it. */
  fieldCriterion: { criterion: Criterion; value: string } | null
  /** A service request (a how-to question, an information request), not a complaint. */
  isRequest: boolean
  /** From the priority picklist: high/urgent/critical → "high". */
  severity: "high" | "normal" | "low"
  /** The customer's words in the subject and description, negated clauses left out (CUE bits). */
  voice: number
}

export interface ContractF extends RecordRef, Scanned {
  status: string
  startDate?: number
  endDate?: number
  /** termMonths, or derived from the dates. */
  months?: number
  value?: number
}

export interface AccountF extends RecordRef {
  name: string
  leadSource?: string
  leadSide: "customer" | "supplier" | null
  createdAt?: number
  /** How many descriptive fields are filled (for information completeness). */
  filledFields: number
  totalFields: number
}


/** Lexicon groups per record type (module constants: lexicon.ts caches tries by identity).
 * Exported for the classify-10k benchmark, whose baseline scans the same texts with them. */
const INTERACTION_GROUPS = ["criteria", "context", "pushback"] as const
const RECORD_GROUPS = ["criteria", "context"] as const
const LINE_GROUPS = ["offer", "context"] as const
const CRITERIA_ONLY = ["criteria"] as const
const CONTEXT_ONLY = ["context"] as const
/** A case is read for a failure reported too: what tells a complaint from a request that names a criterion. */
const CASE_GROUPS = ["criteria", "context", "failure"] as const
export const GROUPS_OF: Readonly<Record<RecordType, readonly LexiconGroup[]>> = {
  Interaction: INTERACTION_GROUPS, Deal: RECORD_GROUPS, Case: CASE_GROUPS, QuoteLine: LINE_GROUPS, Contract: CONTEXT_ONLY,
  Account: [], Contact: [], Quote: []
}

function titleOf(first: string | undefined, second?: string): string {
  if (first) {
    const t = first.trim()
    if (t) return t
  }
  if (second) {
    const t = second.trim()
    if (t) return t
  }
  return "(untitled)"
}

/**
 * Whose words an interaction holds: the customer's own message; a rep's record of a conversation
 * (calls, meetings, tasks, notes, and mail whose direction is unknown), where only clauses about
 * the customer count; our outbound mail, which says what we sell, not what they decide on.
 */
function speakerOf(direction: M.Direction, channel: M.Channel): "customer" | "notes" | "nobody" {
  if (direction === "inbound") return "customer"
  return direction === "outbound" && channel === "email" ? "nobody" : "notes"
}

/**
 * The subject as the sender's words: none when it is a forwarded message's ("FW: …", "TR: …",
 * "WG: …", "ارجاع: …", also behind reply prefixes: "RE: FW: …"), and past its prefixes when one of
 * them is a word the lexicons know ("پاسخ:" is "reply", not a word about support). Read for
 * every interaction, so a subject whose first letter begins no prefix is settled by one character
 * test, and one that needs no cut is not copied. Whether the subject answers another message is
 * found on the way, in `subjectAnswers`.
 */
function subjectToRead(subject: string | undefined): string | undefined {
  subjectAnswers = false
  if (!subject) return subject
  let at = labelsFrom(subject)
  if (at < 0) return subject
  let cut = false
  let forwarded = false
  for (let kind = prefixAt(subject, at); kind !== NO_LABEL && kind !== OTHER; kind = prefixAt(subject, at)) {
    if (kind === REPLY) subjectAnswers = true
    else if (kind === FORWARD) forwarded = true
    if (labelBeyondAscii) cut = true
    at = labelEnd
  }
  return forwarded ? undefined : cut ? subject.slice(at) : subject
}

/**
 * The subject as the customer's own words, for a reader that takes names from it (competitors.ts):
 * none when their message answers or forwards another, whose subject it quotes ("RE: Our price vs
 * Acme" names our comparison, not one they made).
 */
export function ownSubject(r: InteractionF): string | undefined {
  if (r.direction !== "inbound") return r.textA
  const subject = subjectToRead(r.textA)
  return subjectAnswers ? undefined : subject
}

/**
 * Whether the subject `subjectToRead` read last answers another message ("RE: Our price list",
 * «پاسخ: لیست قیمت ما»): a reply prefix stands before the first label that is no prefix. The
 * words after it are the subject of the message answered, usually ours, and say nothing of what
 * the sender decides on; their body does. A logging prefix ("Email: …") is no reply.
 */
let subjectAnswers = false

/**
 * Where a subject's first label may begin, or −1 when it can carry no prefix: a subject whose
 * first letter begins no prefix is settled by one character test, most of them.
 */
function labelsFrom(subject: string): number {
  let at = 0
  while (at < subject.length && subject.charCodeAt(at) === 32) at++
  const c = subject.charCodeAt(at)
  if (c < 128 ? ASCII_INITIALS[c] !== 1 : !OTHER_INITIALS.has(c)) return -1
  const colon = subject.indexOf(":", at)
  return colon < 0 || colon - at > LABEL_CHARS ? -1 : at
}

/** The subject is the first text read: its bit in `quotedTexts` (src/text/clauses.ts). */
const SUBJECT_TEXT = 1

/** The reading of the interaction being extracted: one object for every interaction, read at
 * once, by a reader whose trie is found once (see readerOf). */
const INTERACTION_READING: Reading = { cues: 0, voice: 0, markers: 0 }
const readInteraction = readerOf(INTERACTION_GROUPS)

export function interactionFeatures(r: InteractionIn): InteractionF {
  // Made canonical first (see `canonical`), so that who speaks is told by comparing pointers, not
  // by reading the record's copies again (measured in Chromium: classifying 10k interactions
  // 1.4 % faster).
  const direction = canonical(M.DIRECTIONS, r.direction)
  const channel = canonical(M.CHANNELS, r.channel)
  const speaker = speakerOf(direction, channel)
  const subject = subjectToRead(r.subject)
  // A customer's reply quotes the subject it answers: their body speaks, the subject is read for cues only.
  const quotedSubject = speaker === "customer" && subjectAnswers ? SUBJECT_TEXT : 0
  const reading = readInteraction(INTERACTION_READING, speaker, subject, r.text, undefined, quotedSubject)
  const cues = reading.cues
  // The connector knows when the CRM says so (list email, workflow); otherwise the text tells
  // (unsubscribe footer, "do not reply", newsletter, auto-reply).
  // A customer's reply to one of those ("RE: March newsletter") is a person writing; a logged
  // copy's own prefix ("Email: Spring newsletter") makes no reply.
  const human = r.automated !== true && ((reading.markers & MARKER.automated) === 0 || quotedSubject !== 0)
  // A note of a call that reached them: it says what they said, or that we spoke, and not that
  // nobody answered.
  const heard = human && speaker === "notes" && (reading.markers & (HEARD | MARKER.conversation)) !== 0 && (reading.markers & MARKER.unreached) === 0
  return new Interaction(r, direction, channel, cues, human ? reading.voice : 0, human, heard)
}

/**
 * The schema's own constant for a picklist value. A record's strings are copies made by a
 * structured clone (IndexedDB, a message), and comparing a copy with a literal reads the copy:
 * every aggregation pass compares each interaction's direction and channel, and in a long history
 * the copies lie all over the heap, a cache miss per comparison (measured at 50k interactions:
 * a pass testing the direction took 3.2 ms on copies, 0.4 ms on the constants). The constants are
 * the module's literals, which the engine interns: comparing them is comparing pointers.
 */
function canonical<T extends string>(values: readonly T[], value: T): T {
  // A loop the JIT inlines, not indexOf: a builtin call per field of every interaction.
  for (let i = 0; i < values.length; i++) if (values[i] === value) return values[i]!
  return value
}

/**
 * An interaction's features as a class rather than an object literal: a history keeps every one
 * of them alive until the profile is built, so a scavenge during the classification copies each
 * one built so far, and the fewer fields the less it copies. What every interaction has alike
 * (its record type, no third text) lives on the prototype; what only evidence, the few records
 * checked as copies (dedupe.ts) and the competitor reader (a bounded number of texts) need, the
 * texts and the source object, is read from the record itself rather than copied into every
 * feature; the title is worked out only for the few records that become evidence. Fields that
 * the aggregation passes read for every record (key, time, direction, channel, cues) stay fields.
 */
class Interaction implements InteractionF {
  readonly key: string
  readonly at: number
  readonly direction: M.Direction
  readonly channel: M.Channel
  readonly cues: number
  readonly voice: number
  readonly human: boolean
  readonly heard: boolean
  /** The validated record (features are cached by its key and version: records are replaced, not edited). */
  private readonly record: InteractionIn

  constructor(r: InteractionIn, direction: M.Direction, channel: M.Channel, cues: number, voice: number, human: boolean, heard: boolean) {
    this.key = r.key
    this.at = r.at
    this.direction = direction
    this.channel = channel
    this.cues = cues
    this.voice = voice
    this.human = human
    this.heard = heard
    this.record = r
  }

  get recordType(): "Interaction" {
    return "Interaction"
  }

  get sourceObject(): string {
    return this.record.sourceObject
  }

  get textA(): string | undefined {
    return this.record.subject
  }

  get textB(): string | undefined {
    return this.record.text
  }

  get textC(): undefined {
    return undefined
  }

  get title(): string {
    return this.textA ? titleOf(this.textA) : `${this.channel} ${this.direction}`
  }
}

export function dealFeatures(r: DealIn): DealF {
  const lost = r.isClosed && !r.isWon
  // The type is a picklist ("Existing Customer - Upgrade"), read last: its words name no speaker
  // for the description.
  const reading = read(RECORD_GROUPS, "notes", r.name, r.description, r.type)
  return {
    key: r.key,
    recordType: "Deal",
    sourceObject: CRM_OBJECTS.Deal[r.crm],
    at: r.closeDate ?? r.createdAt,
    title: titleOf(r.name),
    createdAt: r.createdAt,
    closeDate: r.closeDate,
    isClosed: r.isClosed,
    isWon: r.isWon,
    amount: r.amount,
    currency: r.currency,
    leadSource: r.leadSource,
    leadSide: leadSourceSide(r.leadSource),
    lossReason: lost ? r.lossReason : undefined,
    // The customer's stated reason, read like their words: "not price, lead time" is delivery.
    lossCues: lost && r.lossReason ? read(CRITERIA_ONLY, "customer", r.lossReason).voice : 0,
    cues: reading.cues,
    voice: reading.voice,
    textA: r.name,
    textB: r.type,
    textC: r.description,
    competitorCount: r.competitorCount
  }
}

export function quoteFeatures(r: QuoteIn): QuoteF {
  return {
    key: r.key,
    recordType: "Quote",
    sourceObject: CRM_OBJECTS.Quote[r.crm],
    at: r.createdAt,
    title: titleOf(r.number ? `${r.name} (${r.number})` : r.name),
    dealKey: r.dealKey,
    revision: r.revision,
    createdAt: r.createdAt,
    total: r.total,
    discountPercent: r.discountPercent,
    currency: r.currency
  }
}

export function quoteLineFeatures(r: QuoteLineIn): QuoteLineF {
  const cues = scanMask(LINE_GROUPS, r.product)
  return {
    key: r.key,
    recordType: "QuoteLine",
    sourceObject: CRM_OBJECTS.QuoteLine[r.crm],
    title: titleOf(r.product),
    quoteKey: r.quoteKey,
    quantity: r.quantity,
    listPrice: r.listPrice,
    unitPrice: r.unitPrice,
    discountPercent: r.discountPercent,
    net: r.unitPrice * r.quantity * (1 - (r.discountPercent ?? 0) / 100),
    // A write-in line is custom by definition; a catalogue line named "custom ..." is too.
    isCustom: (r.isCustom ?? false) || (cues & CUE.customItem) !== 0,
    isService: (cues & CUE.serviceItem) !== 0,
    cues,
    textA: r.product,
    textB: undefined,
    textC: undefined
  }
}

/**
 * Reply, forward and logging prefixes a copy of the same email may carry ("RE:", "Email:" on a
 * Salesforce Task), as mail clients write them in many locales, lower case, without the colon or
 * a counter ("Re[2]:", "RE(3):"). Forwards: FW/Fwd, TR (French), WG (German), RV (Spanish), ENC
 * (Portuguese), I (Italian), Doorst (Dutch), VB (Swedish), VL (Finnish), PD (Polish), İLT
 * (Turkish), ارجاع/هدایت/بازارسال (Persian), توجيه (Arabic). "VS" is a forward in Danish and a
 * reply in Finnish: a reply here (its subject is kept).
 */
const REPLY_PREFIXES = new Set([
  "re", "aw", "sv", "vs", "antw", "antwort", "r", "rif", "res", "ref", "odp", "ynt", "vá", "رد", "پاسخ", "پ", "جواب"
])
const FORWARD_PREFIXES = new Set([
  "fw", "fwd", "tr", "wg", "rv", "enc", "i", "doorst", "vb", "vl", "pd", "ilt", "i̇lt", "ارجاع", "هدایت", "بازارسال", "باز ارسال", "توجیه", "اعاده توجیه"
])
const LOGGING_PREFIXES = new Set(["email", "e-mail", "mail", "ایمیل"])
/** The first letters of those prefixes (ASCII by table, lower case), and the longest prefix plus
 * spaces and a counter: a subject whose colon is further in has no prefix. */
const ASCII_INITIALS = new Uint8Array(128)
const OTHER_INITIALS = new Set<number>()
for (const prefix of [...REPLY_PREFIXES, ...FORWARD_PREFIXES, ...LOGGING_PREFIXES]) {
  const c = prefix.charCodeAt(0)
  if (c < 128) ASCII_INITIALS[c] = ASCII_INITIALS[c - 32] = 1
  else OTHER_INITIALS.add(c)
}

/** What a subject label is, as `prefixAt` answers: FORWARD, REPLY, LOGGING, or OTHER. */
function prefixKind(raw: string): number {
  // As typed, most often: no copy of the label to fold.
  const kind = kindOfLabel(raw)
  if (kind !== OTHER) return kind
  // "re[2]", "re(3)": the counter some clients add; Arabic letters, a half-space.
  const bracket = raw.search(/[[(]/)
  return kindOfLabel(normalise(bracket > 0 ? raw.slice(0, bracket) : raw))
}

function kindOfLabel(label: string): number {
  return FORWARD_PREFIXES.has(label) ? FORWARD : REPLY_PREFIXES.has(label) ? REPLY : LOGGING_PREFIXES.has(label) ? LOGGING : OTHER
}
/** The header lines an email-logging integration puts above the body of a logged Task ("To: …",
 * "CC: …", "Subject: …", then "Body:"): not part of the message. */
const LOGGED_FIELDS = new Set(["additional to", "to", "cc", "bcc", "from", "sent", "date", "subject", "attachment", "attachments"])
/** The longest prefix or header name, plus spaces: where a search for its colon gives up. */
const LABEL_CHARS = 16

/** Where the label of a "label: …" starting at `from` ends (just past its colon) and the label, or null. */
function labelAt(text: string, from: number): { end: number; label: string } | null {
  const limit = Math.min(text.length, from + LABEL_CHARS)
  for (let k = from; k < limit; k++) {
    const c = text.charCodeAt(k)
    if (c === 58 || c === 0xff1a) return { end: k + 1, label: text.slice(from, k).trim().toLowerCase() }
    if (c === 10) return null
  }
  return null
}

/** What `prefixAt` found: no "label:" at all, a label that is no prefix, or a prefix's kind. */
const NO_LABEL = 0
const OTHER = 1
const FORWARD = 2
const REPLY = 3
const LOGGING = 4

/**
 * Up to ten ASCII letters (and "-") as one number, case folded: five bits each, exact below 2^53.
 * Spaces around the label are left out; −1 when it holds anything else.
 */
function packAscii(text: string, from: number, to: number): number {
  while (from < to && text.charCodeAt(from) === 32) from++
  while (to > from && text.charCodeAt(to - 1) === 32) to--
  if (to === from || to - from > 10) return -1
  let packed = 0
  for (let k = from; k < to; k++) {
    let c = text.charCodeAt(k)
    if (c >= 65 && c <= 90) c += 32
    else if (c === 45) c = 123
    else if (c < 97 || c > 122) return -1
    packed = packed * 32 + (c - 96)
  }
  return packed
}

/** The prefixes written in ASCII letters, by `packAscii`, with their kind. */
const ASCII_PREFIXES = new Map<number, number>()
for (const [set, kind] of [[FORWARD_PREFIXES, FORWARD], [REPLY_PREFIXES, REPLY], [LOGGING_PREFIXES, LOGGING]] as const) {
  for (const prefix of set) {
    const packed = packAscii(prefix, 0, prefix.length)
    if (packed >= 0) ASCII_PREFIXES.set(packed, kind)
  }
}

/** Where the label `prefixAt` read ends (just past its colon), and whether it holds more than ASCII. */
let labelEnd = 0
let labelBeyondAscii = false

/**
 * The kind of the "label:" starting at `from` (NO_LABEL, OTHER, FORWARD, REPLY or LOGGING), with
 * its end in `labelEnd`. Every interaction's subject is read for prefixes, a third of an email
 * history's begins with one, and "RE:" most: an ASCII label is looked up by its letters packed in
 * a number, without the copies, folding and string hashing `labelAt` and `prefixKind` make
 * (measured: reading the prefixes that way was 3 % of classifying 10k interactions).
 */
function prefixAt(text: string, from: number): number {
  const limit = Math.min(text.length, from + LABEL_CHARS)
  for (let k = from; k < limit; k++) {
    const c = text.charCodeAt(k)
    if (c === 58 || c === 0xff1a) {
      labelEnd = k + 1
      const packed = packAscii(text, from, k)
      labelBeyondAscii = false
      if (packed >= 0) return ASCII_PREFIXES.get(packed) ?? OTHER
      const label = text.slice(from, k).trim().toLowerCase()
      labelBeyondAscii = label.charCodeAt(0) >= 128
      return prefixKind(label)
    }
    if (c === 10) return NO_LABEL
  }
  return NO_LABEL
}

/** Where the subject starts after its reply and logging prefixes. */
function subjectStart(subject: string): number {
  let at = 0
  for (let kind = prefixAt(subject, at); kind !== NO_LABEL && kind !== OTHER; kind = prefixAt(subject, at)) at = labelEnd
  return at
}

/** Where the message starts after a logged Task's header lines (0 when there are none). */
function bodyStart(text: string): number {
  let at = 0
  for (let label = labelAt(text, at); label; label = labelAt(text, at)) {
    if (label.label === "body") return label.end
    if (!LOGGED_FIELDS.has(label.label)) break
    const line = text.indexOf("\n", label.end)
    if (line < 0) break
    at = line + 1
  }
  return at
}

/** Characters of the body that enter the signature: enough to tell two messages apart, bounded. */
const SIGNATURE_CHARS = 600

/** FNV-1a over the folded letters and digits of text[from, to), spaces and punctuation left out:
 * whitespace, case and the Arabic or Persian keyboard a copy was typed on (ي/ی, ك/ک, ۱/١/1, a
 * half-space or a space) do not make two copies different. */
function hashInto(text: string, from: number, to: number, seed: number): number {
  let h = seed
  for (let k = from; k < to; k++) {
    let c = text.charCodeAt(k)
    if (c < 128) {
      if (c >= 65 && c <= 90) c += 32
      else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) continue
    } else {
      c = fold(c)
      if (c === SKIP || !isWord(c)) continue
    }
    h = Math.imul(h ^ c, 0x01000193)
  }
  return h >>> 0
}

/** The subject's part of a signature (two copies have equal ones): cheap, so dedupe.ts asks it
 * first and hashes bodies only where subjects meet. */
export function subjectHashOf(subject: string | undefined): number {
  const s = subject ?? ""
  return hashInto(s, s ? subjectStart(s) : 0, s.length, 0x811c9dc5)
}

/**
 * The same message logged twice (its EmailMessage and its Task) has the same subject, after
 * reply and logging prefixes, and the same text: the signature of both, a number (a Map key with
 * no string to build), or 0 when there is nothing to compare. Only records within a minute of
 * each other are compared (src/analysis/dedupe.ts), so a 32-bit hash of each part is plenty.
 */
export function signatureOf(subject: string | undefined, text: string | undefined): number {
  const t = text ?? ""
  const body = t ? bodyStart(t) : 0
  const a = subjectHashOf(subject)
  const b = hashInto(t, body, Math.min(t.length, body + SIGNATURE_CHARS), 0x811c9dc5)
  if (a === 0x811c9dc5 && b === 0x811c9dc5) return 0
  // 32 bits of the subject and 21 of the text: an exact integer.
  return a * 0x200000 + (b & 0x1fffff)
}

/** A case type/reason value that names a criterion, or nothing when it is generic ("Problem",
 * "Question", "Other": CASE_PICKLIST_CRITERIA maps those to null) or unknown without a lexicon word. */
function picklistCriterion(...values: Array<string | undefined>): CaseF["fieldCriterion"] {
  for (const value of values) {
    if (!value) continue
    const key = normalise(value)
    const mapped = CASE_PICKLIST_CRITERIA[key]
    if (mapped === null) continue
    if (mapped) return { criterion: mapped, value }
    const mask = scanMask(CRITERIA_ONLY, value)
    for (const c of ["price", "quality", "delivery", "support"] as const) if ((mask & CUE[c]) !== 0) return { criterion: c, value }
  }
  return null
}

/** Severity from the priority picklist: the whole value first ("High", "Normal", "زیاد"), then
 * its words ("1 - High", "P2 Medium", "اولویت بالا"); unknown values are normal. */
function severityOf(priority: string | undefined): CaseF["severity"] {
  if (!priority) return "normal"
  const p = normalise(priority)
  const whole = CASE_PRIORITY[p]
  if (whole) return whole
  let found: CaseF["severity"] | undefined
  for (const word of p.split(/[^\p{L}\p{N}]+/u)) {
    const s = CASE_PRIORITY[word]
    if (s === "high") return "high"
    if (s) found ??= s
  }
  return found ?? "normal"
}

/** A case type or reason that is itself a request ("Question", "Request", "Feature Request"). */
function isRequestValue(...values: Array<string | undefined>): boolean {
  for (const value of values) if (value && CASE_REQUEST_VALUES.has(normalise(value))) return true
  return false
}

export function caseFeatures(r: CaseIn): CaseF {
  // A case's text is the customer's issue, whoever typed it (their portal form, our agent's summary).
  const reading = read(CASE_GROUPS, "customer", r.subject, r.description)
  const cues = reading.cues
  const severity = severityOf(r.priority)
  const isEscalated = r.isEscalated ?? false
  // A how-to question or an information request, not a report that something failed or came
  // late, nor escalated or urgent: a service request, which a fast answer settles.
  const asks = (reading.markers & MARKER.request) !== 0 || isRequestValue(r.type, r.reason)
  // A quality or delivery failure in their words. Naming the criterion is no failure: "Please
  // send the ISO 9001 certificate" asks for a document, "the parts arrived damaged" reports one.
  const defect = (reading.voice & (CUE.quality | CUE.delivery)) !== 0 && (reading.voice & CUE.failure) !== 0
  return {
    key: r.key,
    recordType: "Case",
    sourceObject: CRM_OBJECTS.Case[r.crm],
    at: r.openedAt,
    title: titleOf(r.number ? `${r.number} ${r.subject}` : r.subject),
    openedAt: r.openedAt,
    closedAt: r.closedAt,
    isClosed: r.isClosed,
    isEscalated,
    fieldCriterion: picklistCriterion(r.reason, r.type),
    isRequest: asks && !defect && !isEscalated && severity !== "high",
    severity,
    cues,
    voice: reading.voice,
    textA: r.subject,
    textB: r.description,
    textC: undefined
  }
}

export function contractFeatures(r: ContractIn): ContractF {
  const derived =
    r.startDate !== undefined && r.endDate !== undefined && r.endDate > r.startDate
      ? Math.round((r.endDate - r.startDate) / TIME.MONTH)
      : undefined
  return {
    key: r.key,
    recordType: "Contract",
    sourceObject: CRM_OBJECTS.Contract[r.crm],
    at: r.startDate,
    title: titleOf(r.name, r.number),
    status: r.status,
    startDate: r.startDate,
    endDate: r.endDate,
    months: r.termMonths ?? derived,
    value: r.value,
    cues: scanMask(CONTEXT_ONLY, r.name, r.description),
    textA: r.name,
    textB: r.description,
    textC: undefined
  }
}

export function accountFeatures(r: AccountIn): AccountF {
  const descriptive = [r.industry, r.type, r.leadSource, r.annualRevenue, r.ownerName, r.createdAt]
  return {
    key: r.key,
    recordType: "Account",
    sourceObject: CRM_OBJECTS.Account[r.crm],
    at: r.createdAt,
    title: titleOf(r.name),
    name: r.name,
    leadSource: r.leadSource,
    leadSide: leadSourceSide(r.leadSource),
    createdAt: r.createdAt,
    filledFields: descriptive.filter((v) => v !== undefined && v !== "").length,
    totalFields: descriptive.length
  }
}

/** The features of one account's valid, de-duplicated records. */
export interface FeatureSet {
  account: AccountF | null
  accountKey: string | null
  contacts: number
  interactions: InteractionF[]
  deals: DealF[]
  quotes: QuoteF[]
  lines: QuoteLineF[]
  cases: CaseF[]
  contracts: ContractF[]
}
