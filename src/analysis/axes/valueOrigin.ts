/**
 * Value-proposition origin (FRAMEWORK §1, "internalization"): who defines what is sold.
 * RFP/RFQ/tender and spec-driven records → customer-led; catalogue quotes at list price →
 * supplier-led; workshops, pilots, joint design and write-in lines → co-created (Payne,
 * Storbacka & Frow 2008, value co-creation).
 */
import { msg, nested, type Message } from "../../i18n/message"
import { clamp01, evidence, joinMessages, notEnough, quote, round, saturation, TopK, unknownConfidence, percentOf } from "../evidence"
import { cueText, type FeatureSet, type InteractionF, type QuoteLineF, type RecordRef, type Scanned } from "../features"
import type { LedgerResult } from "../ledger"
import { CUE } from "../lexicon"
import { VALUE_ORIGIN as P } from "../parameters"
import type { Evidence, ValueOriginAxis } from "../profile"
import { recency } from "../timeline"

const ORIGIN_CUES = CUE.customerSpec | CUE.coCreation

type Origin = "supplier-led" | "customer-led" | "co-created"
const ORIGINS: readonly Origin[] = ["supplier-led", "customer-led", "co-created"]
const SUPPLIER_LED = ORIGINS.indexOf("supplier-led")
const CUSTOMER_LED = ORIGINS.indexOf("customer-led")
const CO_CREATED = ORIGINS.indexOf("co-created")

export interface ValueOriginResult {
  axis: ValueOriginAxis
  /** Evidence points for co-creation and its best records (the strategy matrix reads
   * individualisation from them whatever the origin label). */
  coCreatedPoints: number
  coCreatedEvidence: Evidence[]
}

/** Why a record voted (the quote it belongs to, for a line); the sentence is written at the end. */
interface Candidate {
  ref: RecordRef
  origin: Origin
  /** The quote's title (a write-in line) or the discount in percent (a list-price quote). */
  detail?: string | number
}

function reasonOf(c: Candidate): Message {
  const title = quote(c.ref.title)
  const scanned = c.ref as RecordRef & Partial<Scanned>
  const cue = quote(scanned.cues !== undefined ? cueText(scanned as Scanned, c.origin === "customer-led" ? "customerSpec" : "coCreation") : undefined)
  switch (c.ref.recordType) {
    case "Deal":
      return msg(c.origin === "customer-led" ? "a.origin.ev.dealSpec" : "a.origin.ev.dealJoint", { title, cue })
    case "Interaction": {
      const channel = (c.ref as InteractionF).channel
      return msg(c.origin === "customer-led" ? "a.origin.ev.interactionSpec" : "a.origin.ev.interactionJoint", { channel: nested(msg(`a.channelThe.${channel}`)), title, cue })
    }
    case "Case":
      return msg("a.origin.ev.case", { title, cue })
    case "Contract":
      return msg("a.origin.ev.contract", { title, cue })
    case "QuoteLine":
      return msg("a.origin.ev.writeIn", { quote: quote(String(c.detail ?? "")), title })
    default:
      return msg("a.origin.ev.listPrice", { title, discount: percentOf(Number(c.detail ?? 0) / 100) })
  }
}

/** Votes decay with age (parameters.ts RECENCY): an account that co-designed with us years ago
 * and now sends tenders specifies its offers now. The evidence thresholds count raw points. */
export function valueOrigin(fs: FeatureSet, ledger: LedgerResult, now: number): ValueOriginResult {
  // By index in ORIGINS, not by name: a vote per record of a long history was a keyed load and
  // store by a string (the same additions, in the same order).
  const points = [0, 0, 0]
  const top = [new TopK<Candidate>(), new TopK<Candidate>(), new TopK<Candidate>()]
  let records = 0
  let rawTotal = 0
  let rawCoCreated = 0
  // A quote line has no date of its own: it counts at its quote's.
  const vote = (ref: RecordRef, o: number, weight: number, detail?: string | number, at: number | undefined = ref.at) => {
    const decayed = weight * recency(at, now)
    points[o] = points[o]! + decayed
    rawTotal += weight
    if (o === CO_CREATED) rawCoCreated += weight
    if (top[o]!.accepts(decayed, ref.at, ref.key)) top[o]!.add({ ref, origin: ORIGINS[o]!, detail }, ref.key, decayed, ref.at)
  }
  // A record naming both a customer document and joint work splits its vote.
  const both = (ref: RecordRef & Scanned, weight: number, cues: number) => {
    const spec = (cues & CUE.customerSpec) !== 0
    const co = (cues & CUE.coCreation) !== 0
    if (!spec && !co) return
    records++
    const share = spec && co ? weight / 2 : weight
    if (spec) vote(ref, CUSTOMER_LED, share)
    if (co) vote(ref, CO_CREATED, share)
  }

  for (const d of fs.deals) both(d, P.dealWeight, d.cues)
  for (let n = fs.interactions.length - 1; n >= 0; n--) {
    const i = fs.interactions[n]!
    if ((i.cues & ORIGIN_CUES) !== 0) both(i, P.textWeight, i.cues)
  }
  // Cases can only be spec-driven, contracts only joint work.
  for (const k of fs.cases) both(k, P.textWeight, k.cues & CUE.customerSpec)
  for (const c of fs.contracts) both(c, P.textWeight, c.cues & CUE.coCreation)

  // Quotes: a write-in line makes the offer co-created; a catalogue-only quote at list price is ours.
  const linesByQuote = new Map<string, QuoteLineF[]>()
  for (const line of fs.lines) {
    const list = linesByQuote.get(line.quoteKey)
    if (list) list.push(line)
    else linesByQuote.set(line.quoteKey, [line])
  }
  const discountByQuote = new Map<string, number | null>()
  for (const entry of ledger.ledger.deals) for (const r of entry.revisions) discountByQuote.set(r.quoteKey, r.discountPercent)
  for (const q of fs.quotes) {
    const lines = linesByQuote.get(q.key)
    if (!lines || lines.length === 0) continue
    const custom = lines.find((l) => l.isCustom)
    if (custom) {
      records++
      vote(custom, CO_CREATED, P.quoteWeight, q.title, q.createdAt)
      continue
    }
    const discount = discountByQuote.get(q.key)
    if (discount !== undefined && discount !== null && discount <= P.listPriceTolerancePercent) {
      records++
      vote(q, SUPPLIER_LED, P.quoteWeight, round(discount))
    }
  }

  const total = points[SUPPLIER_LED]! + points[CUSTOMER_LED]! + points[CO_CREATED]!
  const pointsOf = (o: Origin) => points[ORIGINS.indexOf(o)]!
  const share = (o: Origin) => (total > 0 ? pointsOf(o) / total : 0)
  const shares = { supplierLed: round(share("supplier-led")), customerLed: round(share("customer-led")), coCreated: round(share("co-created")) }
  const ranked = [...ORIGINS].sort((a, b) => pointsOf(b) - pointsOf(a))
  const first = ranked[0]!
  const lead = share(first) - share(ranked[1]!)
  const confidence = saturation(rawTotal, P.halfConfidencePoints) * share(first)
  const coCreatedPoints = rawCoCreated
  const coCreatedEvidence = top[CO_CREATED]!.items().map((c) => evidence(c.ref, reasonOf(c)))
  const result = (axis: ValueOriginAxis): ValueOriginResult => ({ axis, coCreatedPoints, coCreatedEvidence })

  if (rawTotal < P.minPoints || records < P.minRecords) {
    return result({ label: "unknown", score: 0, confidence: unknownConfidence(confidence), evidence: [], shares, summary: notEnough(msg("a.origin.ne", { points: round(rawTotal), n: records, minPoints: P.minPoints, minRecords: P.minRecords })) })
  }
  if (share(first) < P.minShare || lead < P.minLead) {
    return result({ label: "unknown", score: 0, confidence: unknownConfidence(confidence), evidence: [], shares, summary: msg("a.origin.mixed", { shares: nested(joinMessages(ranked.map((o) => msg("a.origin.share", { origin: nested(msg(`a.origin.${o}`)), share: percentOf(share(o)) })), "a.join.comma")) }) })
  }
  return result({
    label: first,
    score: round(share(first)),
    confidence: round(clamp01(confidence)),
    evidence: first === "co-created" ? coCreatedEvidence : top[ORIGINS.indexOf(first)]!.items().map((c) => evidence(c.ref, reasonOf(c))),
    shares,
    summary: msg("a.origin.summary", { share: percentOf(share(first)), points: round(rawTotal), n: records, origin: nested(msg(`a.origin.${first}`)) })
  })
}
