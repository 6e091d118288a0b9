/**
 * Value-proposition origin (FRAMEWORK §1, "internalization"): who defines what is sold.
 * RFP/RFQ/tender and spec-driven records → customer-led; catalogue quotes at list price →
 * supplier-led; workshops, pilots, joint design and write-in lines → co-created (Payne,
 * Storbacka & Frow 2008, value co-creation).
 */
import { clamp01, evidence, notEnough, percent, plural, quote, round, saturation, TopK, unknownConfidence } from "../evidence"
import type { FeatureSet, QuoteLineF, RecordRef } from "../features"
import type { LedgerResult } from "../ledger"
import { VALUE_ORIGIN as P } from "../parameters"
import type { Evidence, ValueOriginAxis } from "../profile"

type Origin = "supplier-led" | "customer-led" | "co-created"
const ORIGINS: readonly Origin[] = ["supplier-led", "customer-led", "co-created"]

export interface ValueOriginResult {
  axis: ValueOriginAxis
  /** Evidence points for co-creation and its best records (the strategy matrix reads
   * individualisation from them whatever the origin label). */
  coCreatedPoints: number
  coCreatedEvidence: Evidence[]
}

interface Candidate {
  ref: RecordRef
  reason: string
}

export function valueOrigin(fs: FeatureSet, ledger: LedgerResult): ValueOriginResult {
  const points: Record<Origin, number> = { "supplier-led": 0, "customer-led": 0, "co-created": 0 }
  const top: Record<Origin, TopK<Candidate>> = { "supplier-led": new TopK(), "customer-led": new TopK(), "co-created": new TopK() }
  const records = new Set<string>()
  const vote = (ref: RecordRef, origins: readonly Origin[], weight: number, reason: (o: Origin) => string) => {
    if (origins.length === 0) return
    records.add(ref.key)
    for (const o of origins) {
      points[o] += weight / origins.length
      top[o].push({ ref, reason: reason(o) }, ref.key, weight / origins.length, ref.at)
    }
  }
  const originsOf = (spec: boolean, co: boolean): Origin[] => [...(spec ? (["customer-led"] as const) : []), ...(co ? (["co-created"] as const) : [])]

  for (const d of fs.deals) {
    const spec = d.context?.customerSpec
    const co = d.context?.coCreation
    vote(d, originsOf(spec !== undefined, co !== undefined), P.dealWeight, (o) =>
      o === "customer-led" ? `Deal ${quote(d.title)} answers a customer request document (${quote(spec)}).` : `Deal ${quote(d.title)} is a joint effort (${quote(co)}).`)
  }
  for (const i of fs.interactions) {
    const spec = i.context?.customerSpec
    const co = i.context?.coCreation
    if (spec === undefined && co === undefined) continue
    vote(i, originsOf(spec !== undefined, co !== undefined), P.textWeight, (o) =>
      o === "customer-led" ? `${i.channel} ${quote(i.title)} works from the customer's requirements (${quote(spec)}).` : `${i.channel} ${quote(i.title)} designs the offer together (${quote(co)}).`)
  }
  for (const k of fs.cases) {
    const spec = k.context?.customerSpec
    if (spec !== undefined) vote(k, ["customer-led"], P.textWeight, () => `Case ${quote(k.title)} is driven by the customer's specification (${quote(spec)}).`)
  }
  for (const c of fs.contracts) {
    const co = c.context?.coCreation
    if (co !== undefined) vote(c, ["co-created"], P.textWeight, () => `Contract ${quote(c.title)} covers joint work (${quote(co)}).`)
  }

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
      vote(custom, ["co-created"], P.quoteWeight, () => `Quote ${quote(q.title)} carries the write-in line ${quote(custom.title)}, shaped for this customer.`)
      continue
    }
    const discount = discountByQuote.get(q.key)
    if (discount !== undefined && discount !== null && discount <= P.listPriceTolerancePercent) {
      vote(q, ["supplier-led"], P.quoteWeight, () => `Quote ${quote(q.title)} is catalogue products at list price (${round(discount)}% off).`)
    }
  }

  const total = points["supplier-led"] + points["customer-led"] + points["co-created"]
  const share = (o: Origin) => (total > 0 ? points[o] / total : 0)
  const shares = { supplierLed: round(share("supplier-led")), customerLed: round(share("customer-led")), coCreated: round(share("co-created")) }
  const ranked = [...ORIGINS].sort((a, b) => points[b] - points[a])
  const first = ranked[0]!
  const lead = share(first) - share(ranked[1]!)
  const confidence = saturation(total, P.halfConfidencePoints) * share(first)
  const coCreatedPoints = points["co-created"]
  const coCreatedEvidence = top["co-created"].items().map((c) => evidence(c.ref, c.reason))

  if (total < P.minPoints || records.size < P.minRecords) {
    return {
      coCreatedPoints,
      coCreatedEvidence,
      axis: { label: "unknown", score: 0, confidence: unknownConfidence(confidence), evidence: [], shares, summary: notEnough(`${round(total)} origin points from ${plural(records.size, "record")}, ${P.minPoints} from ${P.minRecords} records needed`) }
    }
  }
  if (share(first) < P.minShare || lead < P.minLead) {
    return {
      coCreatedPoints,
      coCreatedEvidence,
      axis: { label: "unknown", score: 0, confidence: unknownConfidence(confidence), evidence: [], shares, summary: `Mixed origin: ${ranked.map((o) => `${o} ${percent(share(o))}`).join(", ")}; no origin leads.` }
    }
  }
  return {
    coCreatedPoints,
    coCreatedEvidence,
    axis: {
      label: first,
      score: round(share(first)),
      confidence: round(clamp01(confidence)),
      evidence: top[first].items().map((c) => evidence(c.ref, c.reason)),
      shares,
      summary: `${percent(share(first))} of ${round(total)} origin points from ${plural(records.size, "record")} say the offer is ${first}.`
    }
  }
}
