/**
 * Competitors the customer names and the deals we lost (issue 13: advice about this account).
 * A hint that says "lost to Acer on price; HP quoted 8 % cheaper" is advice about this account;
 * "don't compete on price" is advice about any account.
 *
 * Cheap and bounded: only loss reasons, deal descriptions and the most recent interactions that
 * talk price or competition (a cue bit already computed per record) are read, at most
 * COMPETITION.maxTexts of them, with patterns compiled once. Our outbound mail and automated
 * sends are not read: a name in our own newsletter is not a competitor the customer weighs.
 *
 * A name is a capitalised word (or two) after "lost to", "went with", "cheaper than", "quote from"
 * and the like, or before "quoted", "offered", "is cheaper"; in Persian, a Latin-script name next
 * to رقیب/ارزان‌تر/قیمت, or the word after «به … باختیم», «از … خریدند», «رقیب(مان)». Months,
 * pronouns, our own quarter codes and the account's own name are not competitors.
 */
import { msg, quote as quoted } from "../i18n/message"
import { evidence, TopK } from "./evidence"
import { ownSubject, type FeatureSet, type InteractionF, type RecordRef } from "./features"
import { CUE } from "./lexicon"
import { COMPETITION as P } from "./parameters"
import type { Competition, Evidence } from "./profile"

/** First letter either case: "Lost to Acer" at a sentence start matches "lost to". */
const either = (phrase: string) => phrase.replace(/^([a-z])/, (c) => `[${c}${c.toUpperCase()}]`)
/** "Lost on price to Acer", "lost the tender to Acer": a few words may stand between the loss and its winner. */
const LOST = "(?:[Ll]ost|[Ll]osing|[Ll]ose)\\s+(?:(?:the|this|it|out|on|deal|order|bid|tender|price|pricing|delivery|quality|service)\\s+){0,3}to"
const BEFORE = [LOST, "went with", "go with", "going with", "chose", "picked", "selected",
  "switched to", "switch to", "switching to", "moved to", "moving to", "awarded to", "gave it to", "bought from",
  "buy from", "buying from", "ordered from", "order from", "cheaper than", "lower than", "better than", "than",
  "quote from", "quotes from", "offer from", "offers from", "bid from", "price from", "prices from", "quotation from", "versus", "vs\\.?"]
const NAME = "([A-Z][\\w&-]*(?:[ ][A-Z][\\w&-]*)?)"
const AFTER_NAME = "(?:'s)?\\s+(?:quoted|quotes|offered|offers|is cheaper|are cheaper|was cheaper|were cheaper|came in|comes in|undercut|undercuts|beat|beats|bid|matched)\\b"
const LATIN_BEFORE = new RegExp(`(?:^|[^\\w])(?:${BEFORE.map(either).join("|")})\\s+${NAME}`, "g")
const LATIN_AFTER = new RegExp(`(?:^|[^\\w])${NAME}${AFTER_NAME}`, "g")
const LATIN_POSSESSIVE = new RegExp(`(?:^|[^\\w])${NAME}'s\\s+(?:offer|quote|price|bid|proposal|pricing|deal)`, "g")
/** Persian: a Latin name next to a competition word, or the word a competition phrase points to. */
const FA_WORD = "([^\\s،.؛:!؟?()«»\"]+)"
/** A word of a Persian company name: no punctuation and no digits (a name is not "۱۰ درصد"). */
const FA_NAME_WORD = "[^\\s،.؛:!؟?()«»\"\\d۰-۹]+"
const FA_PATTERNS = [
  new RegExp(`(?:رقیب|رقبای|رقبا|شرکت|برند)(?:\\s*(?:ما|مان|ها|شما))?\\s*[:،(]?\\s*([A-Z][\\w&-]*)`, "g"),
  new RegExp(`([A-Z][\\w&-]*)\\s*(?:ارزان|قیمت|پیشنهاد|تخفیف|برنده)`, "g"),
  new RegExp(`به\\s+${FA_WORD}\\s+(?:باختیم|واگذار|دادند|داده شد)`, "g"),
  new RegExp(`از\\s+${FA_WORD}\\s+(?:خریدند|خرید کردند|می‌خرند|میخرند|خریدیم)`, "g"),
  // Persian company names are often two words («آبادان پمپ», «پارس پمپ»): up to two, no digits.
  new RegExp(`(?:رقیب(?:مان|ما)?|شرکت)\\s+(${FA_NAME_WORD}(?:\\s+${FA_NAME_WORD})?)(?:\\s+[\\d۰-۹٫.]+\\s*(?:درصد|٪|%))?\\s+(?:ارزان|قیمت|پیشنهاد|تخفیف|بالاتر|پایین‌تر|گران‌تر)`, "g"),
  // "They'll go to X" («سراغ پارس پمپ می‌روند»): the supplier they threaten to switch to.
  new RegExp(`(?:سراغ|به سمت)\\s+(?:شرکت\\s+)?(${FA_NAME_WORD}(?:\\s+${FA_NAME_WORD})?)\\s+(?:می‌روند|میروند|می‌رویم|میریم|میرن|برویم|بروند|رفتند|رفتیم)`, "g")
]
const STOP = new Set([
  "i", "we", "our", "us", "you", "your", "they", "their", "them", "the", "this", "that", "these", "those", "it", "its", "he",
  "she", "a", "an", "mr", "mrs", "ms", "dr", "last", "next", "price", "prices", "list", "net", "budget", "quote", "offer",
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "q1", "q2", "q3", "q4", "fy", "rfq", "rfp",
  "eur", "usd", "gbp", "irr", "vat", "ok", "please", "thanks", "hi", "dear", "before", "expected", "planned", "usual",
  "then", "so", "and", "but", "also", "if", "when", "yes", "no", "today", "yesterday", "tomorrow", "everyone", "anyone", "all",
  "ما", "شما", "آنها", "انها", "این", "آن", "ان", "دیگر", "قیمت", "پیشنهاد", "تخفیف", "رقیب", "شرکت", "مشتری", "ارزان‌تر", "خود", "همه",
  "دیگری", "دیگه", "هم", "یک", "یه", "تامین‌کننده", "تأمین‌کننده", "فروشنده", "رقبا", "رقیبی"
])

function clean(raw: string, own: ReadonlySet<string>): string | null {
  const words = raw.trim().replace(/['’]s$/, "").replace(/[.,;:]+$/, "").split(" ")
  // "Then HP quoted", "Acer Monday": a common word beside the name is not part of it.
  while (words.length > 0 && STOP.has(words[0]!.toLowerCase())) words.shift()
  while (words.length > 0 && STOP.has(words[words.length - 1]!.toLowerCase())) words.pop()
  const name = words.join(" ")
  const lower = name.toLowerCase()
  if (name.length < 2 || name.length > P.maxNameChars || /^\d/.test(name)) return null
  if (own.has(lower) || words.some((w) => own.has(w.toLowerCase()))) return null
  return name
}

/**
 * Each pattern with what a text must hold for it to match: a capitalised Latin name (every Latin
 * pattern, and the Persian ones around a Latin name) and Persian words (every Persian pattern).
 * Two character-class tests rule out most patterns for most texts, and cost less than them
 * (measured: competitor reading was a fifth of aggregating 10k records).
 */
const PATTERNS: ReadonlyArray<{ re: RegExp; latinName: boolean; persian: boolean }> = [
  ...[LATIN_BEFORE, LATIN_AFTER, LATIN_POSSESSIVE].map((re) => ({ re, latinName: true, persian: false })),
  ...FA_PATTERNS.map((re) => ({ re, latinName: /\[A-Z\]/.test(re.source), persian: true }))
]
const LATIN_CAPITAL = /[A-Z]/
const ARABIC_SCRIPT = /[\u0600-\u06FF]/

/** The raw names the patterns capture in a text, in pattern order, before `clean`. */
function matchesIn(text: string, out: string[]): void {
  const slice = text.length > 2_000 ? text.slice(0, 2_000) : text
  const latinName = LATIN_CAPITAL.test(slice)
  const persian = ARABIC_SCRIPT.test(slice)
  for (const p of PATTERNS) {
    if ((p.latinName && !latinName) || (p.persian && !persian)) continue
    const re = p.re
    re.lastIndex = 0
    for (let m = re.exec(slice); m !== null; m = re.exec(slice)) out.push(m[1]!)
  }
}

/**
 * A record's raw matches, by its feature object. The incremental classifier keeps a record's
 * features while the record is unchanged and re-aggregates after every new one: without this the
 * same texts went through eight patterns on every call (measured: about a tenth of a re-aggregation
 * of 10k records). The matches depend on the texts alone (the account's own name is applied in
 * `clean`, per call), and a WeakMap lets them go with the features.
 */
const matchesOf = new WeakMap<RecordRef, readonly string[]>()

function rawMatches(ref: RecordRef, texts: ReadonlyArray<string | undefined>): readonly string[] {
  let found = matchesOf.get(ref)
  if (found === undefined) {
    const out: string[] = []
    for (const t of texts) if (t) matchesIn(t, out)
    matchesOf.set(ref, (found = out))
  }
  return found
}

interface Tally {
  name: string
  mentions: number
  lastAt: number
  evidence: Evidence[]
}

/**
 * The most recent price or competition talk that is not our own outbound or automated send.
 * Histories arrive in any order: a cheap bitmask filter first, then only that subset is ordered.
 * A function of its own: inside `competition` this loop over every interaction was compiled while
 * hot, before the code after it had run, and that code deoptimized on every classification
 * (traced in Chromium: "insufficient type feedback", 34 times in 35 classifications).
 */
function recentTalk(list: readonly InteractionF[]): TopK<InteractionF> {
  const talk = CUE.price | CUE.competitor
  // Newest first (histories are stored in time order), so the bounded collector turns nearly
  // every older text down at once; any order gives the same texts.
  const said = new TopK<InteractionF>(P.maxTexts)
  for (let n = list.length - 1; n >= 0; n--) {
    const r = list[n]!
    // Our outbound call is read when the customer spoke on it ("their buyer said …"): their words.
    if ((r.cues & talk) !== 0 && (r.direction !== "outbound" || r.heard) && r.human) said.add(r, r.key, 0, r.at)
  }
  return said
}

export function competition(fs: FeatureSet): Competition {
  const own = new Set<string>()
  for (const word of (fs.account?.name ?? "").toLowerCase().split(/\s+/)) if (word.length > 2) own.add(word)
  if (fs.account?.name) own.add(fs.account.name.toLowerCase())

  const tallies = new Map<string, Tally>()
  const count = (ref: RecordRef, at: number, texts: ReadonlyArray<string | undefined>) => {
    const found = new Set<string>()
    for (const raw of rawMatches(ref, texts)) {
      const name = clean(raw, own)
      if (name !== null) found.add(name)
    }
    for (const name of found) {
      const key = name.toLowerCase()
      let tally = tallies.get(key)
      if (!tally) tallies.set(key, (tally = { name, mentions: 0, lastAt: at, evidence: [] }))
      tally.mentions++
      if (at > tally.lastAt) tally.lastAt = at
      if (tally.evidence.length < 3) tally.evidence.push(evidence(ref, msg("a.competition.ev.named", { name: { text: name }, title: quoted(ref.title) }), at))
    }
  }

  const losses: Competition["losses"] = []
  let lostTotal = 0
  for (const d of fs.deals) {
    count(d, d.closeDate ?? d.createdAt, [d.lossReason, d.textC])
    if (!d.isClosed || d.isWon) continue
    lostTotal++
    losses.push({ key: d.key, name: d.title, lossReason: d.lossReason?.trim() || null, at: d.closeDate ?? d.createdAt, amount: d.amount ?? null, currency: d.currency ?? null })
  }
  losses.sort((a, b) => (b.at ?? 0) - (a.at ?? 0) || (a.key < b.key ? -1 : 1))

  for (const r of recentTalk(fs.interactions).items()) count(r, r.at, [ownSubject(r), r.textB])

  const competitors = [...tallies.values()]
    .sort((a, b) => b.mentions - a.mentions || b.lastAt - a.lastAt || (a.name < b.name ? -1 : 1))
    .slice(0, P.maxCompetitors)
    .map((t) => ({ name: t.name, mentions: t.mentions, lastAt: t.lastAt, evidence: t.evidence }))
  return { competitors, losses: losses.slice(0, P.maxLosses), lostTotal }
}
