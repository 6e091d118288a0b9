/**
 * Lexicon matching for parameters.ts LEXICONS, English and Persian, with the Latin-script Persian
 * reps type (src/text/lexicon.ts FINGLISH). The matcher and the folding are src/text's, shared
 * with the pricing engine, so both read the same words the same way.
 */
import { compileLexicons, FINGLISH, withFinglish, type Reading, type Speaker } from "../text/lexicon"
import { COMPETITION, GENERAL, LEXICONS, MARKERS } from "./parameters"

export { normalise } from "../text/normalise"

type Lexicons = typeof LEXICONS
export type LexiconGroup = keyof Lexicons
/** The cues of one or more groups (distributes over a union of groups). */
export type CueOf<G extends LexiconGroup> = G extends LexiconGroup ? keyof Lexicons[G] & string : never
export type Cue = { [G in LexiconGroup]: CueOf<G> }[LexiconGroup]
/** The first matched text per cue found; absent cues are not keys. */
export type Hits<C extends string = Cue> = Partial<Record<C, string>>

/**
 * One bit per cue across all groups (criteria first, so `cues & CRITERIA_MASK` is the criteria
 * and price/quality/delivery/support are 1/2/4/8). Features store a bitmask per record: hot
 * loops then test a number instead of reading hits objects of many shapes (megamorphic loads).
 * 31 cues at most (lexicon.test.ts checks the bits stay distinct).
 */
const matcher = compileLexicons(withFinglish(LEXICONS, FINGLISH), {
  maxScanChars: GENERAL.maxScanChars,
  markers: MARKERS,
  // What the clause reader (src/text/clauses.ts) may drop: a dismissal sets aside criteria and
  // pushback (and a failure reported: "no complaints, no issues"), a negation pushback and churn threats ("no plans to switch suppliers"; a threat's
  // own negation, "won't renew", is inside its words and does not count), a grown budget the
  // constraint and price; a competitor named
  // first in a note's clause is its subject, not the customer; a price (or a quote) called too
  // high is disparagement; a discount they say they don't need is no price talk; a budget frozen
  // or cut is a constraint; a move to another supplier, or one a refused condition on a criterion
  // holds ("if the price doesn't come down we'll move to Acme"), is a churn threat; a saying that
  // puts price second ("you get what you pay for") speaks for quality, and the quality of a
  // service ("service quality", «کیفیت خدمات») for support.
  reading: (cue) => ({
    dismissable: cue.price! | cue.quality! | cue.delivery! | cue.support! | cue.constraint! | cue.disparagement! | cue.failure!,
    negatable: cue.constraint! | cue.disparagement! | cue.churnThreat!,
    budgetBound: cue.price! | cue.constraint!,
    otherSubject: cue.competitor!,
    excessOf: cue.price!,
    excess: cue.disparagement!,
    deniable: cue.price!,
    shrunk: cue.constraint!,
    threat: cue.churnThreat!,
    terms: cue.price!,
    buyTerms: cue.price! | cue.quality! | cue.delivery! | cue.support!,
    saying: cue.quality!,
    service: cue.support!
  }),
  // A company a move names ("they'll go to Acme"), told from a day, a place or a step of ours.
  names: { not: [...COMPETITION.stopWords, ...COMPETITION.blockWords, ...COMPETITION.notMovedTo, ...COMPETITION.carriers], offers: COMPETITION.offers, goers: COMPETITION.goers }
})
export const CUE: Readonly<Record<Cue, number>> = matcher.CUE
export const CRITERIA_MASK = CUE.price | CUE.quality | CUE.delivery | CUE.support

/**
 * The cues of the given groups found in the texts (a record's subject, body, ...), as CUE bits.
 * Each text is read on its own, up to `GENERAL.maxScanChars` characters (see parameters.ts).
 */
export const scanMask: (groups: readonly LexiconGroup[], a: Text, b?: Text, c?: Text) => number = matcher.scanMask
/** Like scanMask, with the first matched text per cue; null when nothing matched. */
export const scan: <G extends LexiconGroup>(groups: readonly G[], a: Text, b?: Text, c?: Text) => Hits<CueOf<G>> | null = matcher.scan

/**
 * Reads the texts clause by clause in the same single scan (src/text/clauses.ts): every cue
 * found, the cues `speaker` voiced, and the reading markers seen (MARKER bits).
 */
export const read: (groups: readonly LexiconGroup[], speaker: Speaker, a: Text, b?: Text, c?: Text) => Reading = matcher.read
/** `read` for one set of groups, into a result object the caller reuses (see src/text/lexicon.ts). */
export const readerOf: (groups: readonly LexiconGroup[]) => (out: Reading, speaker: Speaker, a: Text, b?: Text, c?: Text, quotedTexts?: number) => Reading = matcher.readerOf
/** The scan `read` makes, without the clause pass: the classify-10k benchmark's baseline. */
export const scanHits: (groups: readonly LexiconGroup[], a: Text, b?: Text, c?: Text) => number = matcher.scanHits
export { MARKER } from "../text/clauses"

type Text = string | undefined | null

const LEAD_SOURCE = ["leadSource"] as const

/** Which side a lead-source value points to, or null for neutral/unknown values. */
export function leadSourceSide(value: string | undefined): "customer" | "supplier" | null {
  const mask = scanMask(LEAD_SOURCE, value)
  const customer = (mask & CUE.customerLead) !== 0
  const supplier = (mask & CUE.supplierLead) !== 0
  // A value naming both ("Inbound call from event") is ambiguous: neither side.
  return customer === supplier ? null : customer ? "customer" : "supplier"
}
