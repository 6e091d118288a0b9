/**
 * Initiator (FRAMEWORK §1): who started the relationship. Votes from the account's lead source,
 * the first deal's lead source, the direction of the first activity and the first quote request,
 * the last two only near the start of the visible history.
 */
import { msg, nested } from "../../i18n/message"
import { clamp01, evidence, notEnough, quote, round, saturation, unknownConfidence } from "../evidence"
import type { FeatureSet, InteractionF, RecordRef } from "../features"
import { INITIATOR as P, TIME } from "../parameters"
import type { Evidence, InitiatorAxis } from "../profile"
import { CUE } from "../lexicon"

/** A quote request, or a customer request document (RFQ/RFP), sent by the customer. */
const REQUEST_CUES = CUE.quoteRequest | CUE.customerSpec

type Side = "customer" | "supplier"

interface Vote {
  side: Side
  weight: number
  item: Evidence
}

function earliest<T extends RecordRef>(list: readonly T[], time: (t: T) => number, keep: (t: T) => boolean): T | undefined {
  let best: T | undefined
  for (const t of list) {
    if (!keep(t)) continue
    if (!best || time(t) < time(best) || (time(t) === time(best) && t.key < best.key)) best = t
  }
  return best
}

/** `start`: timeline.ts historyStart(fs), computed once by the caller for every axis that needs it. */
/** The first in/out activity and the first inbound request, up to `until`. */
interface Opening {
  first: InteractionF | undefined
  request: InteractionF | undefined
}

/**
 * One pass, a function of its own with nothing after its loop: a function run once per
 * classification is compiled while its loop is hot, before the code after the loop has ever run,
 * and that code then deoptimized on every classification (traced in Chromium).
 */
function opening(list: readonly InteractionF[], until: number, ordered: boolean): Opening {
  const o: Opening = { first: undefined, request: undefined }
  // Indexed, not for-of: a long history's loop must not allocate an iterator result per record.
  for (let n = 0; n < list.length; n++) {
    const i = list[n]!
    // In time order, every one after the first past `until` is past it too: the opening weeks are
    // read, not the whole history (with timeline.ts `historyStart`'s first record: classifying
    // 10k interactions 0.7 % faster, measured in Chromium).
    if (i.at > until && ordered) break
    if (i.at > until || (i.direction !== "inbound" && i.direction !== "outbound")) continue
    const first = o.first
    if (!first || i.at < first.at || (i.at === first.at && i.key < first.key)) o.first = i
    // In their words: a reply's subject quotes the message it answers, often ours ("RE: Send us
    // your RFQ"), and asks for nothing.
    if (i.direction === "inbound" && (i.voice & REQUEST_CUES) !== 0) {
      const request = o.request
      if (!request || i.at < request.at || (i.at === request.at && i.key < request.key)) o.request = i
    }
  }
  return o
}

/** `ordered`: the interactions are in time order (dedupe.ts `withoutDuplicates`). */
export function initiator(fs: FeatureSet, start: number | undefined, ordered: boolean): InitiatorAxis {
  const votes: Vote[] = []
  const account = fs.account
  if (account?.leadSide) {
    votes.push({
      side: account.leadSide,
      weight: P.accountLeadSourceWeight,
      item: evidence(account, msg(account.leadSide === "customer" ? "a.init.ev.leadCustomer" : "a.init.ev.leadSupplier", { source: quote(account.leadSource) }))
    })
  }
  const firstDeal = earliest(fs.deals, (d) => d.createdAt, () => true)
  if (firstDeal?.leadSide) {
    votes.push({
      side: firstDeal.leadSide,
      weight: P.dealLeadSourceWeight,
      item: evidence(firstDeal, msg("a.init.ev.firstDeal", { title: quote(firstDeal.title), source: quote(firstDeal.leadSource) }), firstDeal.createdAt)
    })
  }
  if (start !== undefined) {
    const until = start + P.startWindowDays * TIME.DAY
    const { first, request } = opening(fs.interactions, until, ordered)
    if (first) {
      const side: Side = first.direction === "inbound" ? "customer" : "supplier"
      votes.push({
        side,
        weight: P.firstActivityWeight,
        item: evidence(first, msg(side === "customer" ? "a.init.ev.firstInbound" : "a.init.ev.firstOutbound", { channel: nested(msg(`a.channel.${first.channel}`)), title: quote(first.title) }))
      })
    }
    const rfqDeal = earliest(fs.deals, (d) => d.createdAt, (d) => d.createdAt <= until && (d.cues & CUE.customerSpec) !== 0)
    const firstRequest: RecordRef | undefined =
      request && rfqDeal ? (rfqDeal.createdAt < request.at ? rfqDeal : request) : (request ?? rfqDeal)
    if (firstRequest) {
      votes.push({
        side: "customer",
        weight: P.firstQuoteRequestWeight,
        item: evidence(firstRequest, msg("a.init.ev.firstRequest", { title: quote(firstRequest.title) }))
      })
    }
  }

  let supplier = 0
  let customer = 0
  for (const v of votes) {
    if (v.side === "supplier") supplier += v.weight
    else customer += v.weight
  }
  const total = supplier + customer
  const score = total > 0 ? (supplier - customer) / total : 0
  const confidence = saturation(total, P.halfConfidenceWeight) * Math.abs(score)
  if (total < P.minWeight) {
    return { label: "unknown", score: 0, confidence: unknownConfidence(confidence), evidence: [], summary: notEnough(msg("a.init.ne", { weight: round(total), needed: P.minWeight })) }
  }
  if (Math.abs(score) < P.minAbsScore) {
    return { label: "unknown", score: 0, confidence: unknownConfidence(confidence), evidence: [], summary: msg("a.init.conflict", { customer: round(customer), supplier: round(supplier) }) }
  }
  const label: Side = score > 0 ? "supplier" : "customer"
  const items = votes.filter((v) => v.side === label).sort((a, b) => b.weight - a.weight).map((v) => v.item)
  const against = label === "supplier" ? customer : supplier
  return {
    label,
    score: round(score),
    confidence: round(clamp01(confidence)),
    evidence: items,
    summary: against > 0
      ? msg(`a.init.summaryAgainst.${label}`, { n: items.length, against: round(against) })
      : msg(`a.init.summary.${label}`, { n: items.length })
  }
}
