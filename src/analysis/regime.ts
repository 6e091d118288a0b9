/**
 * A change of regime (issue 13): the last 12 months read against the years before. A ten-year
 * quality account that moved to three-quote procurement last year is a price account now, and
 * the rep must be told, with the records on both sides. Four changes are read, each in one pass:
 * the leading decision criterion (criteria.ts tallies both periods), procurement turning
 * competitive (tenders, RFQs, several bidders), losses on price appearing and final discounts
 * deepening. Rates before the window are per year, so a long past does not outvote one year.
 */
import { date, list, msg, nested, type Message } from "../i18n/message"
import type { CriteriaResult } from "./criteria"
import { evidence, mergeEvidence, percentOf, quote, round, TopK } from "./evidence"
import { cueText, type DealF, type FeatureSet, type InteractionF } from "./features"
import type { LedgerResult } from "./ledger"
import { CUE } from "./lexicon"
import { REGIME as P, TIME } from "./parameters"
import type { Evidence, LedgerEntry, Regime } from "./profile"

interface Change {
  text: Message
  before: Evidence[]
  after: Evidence[]
  /** The earliest record of the recent period that shows the change. */
  first: number
}

const COMPETITIVE_CUES = CUE.customerSpec | CUE.competitor
const dealTime = (d: DealF) => d.closeDate !== undefined && d.isClosed ? d.closeDate : d.createdAt

function procurement(fs: FeatureSet, since: number, now: number, years: number): Change | null {
  let after = 0
  let before = 0
  let countAfter = 0, sumAfter = 0, countBefore = 0, sumBefore = 0
  let first = Infinity
  const afterTop = new TopK<Evidence>(P.evidencePerChange)
  const beforeTop = new TopK<Evidence>(P.evidencePerChange)
  for (const d of fs.deals) {
    const t = d.createdAt
    if (t > now) continue
    const recent = t > since
    const competitors = d.competitorCount
    if (competitors !== undefined) {
      if (recent) {
        countAfter++
        sumAfter += competitors
      } else {
        countBefore++
        sumBefore += competitors
      }
    }
    const competitive = (competitors ?? 0) >= P.competitiveCount || (d.cues & COMPETITIVE_CUES) !== 0
    const reason = () => competitors !== undefined
      ? msg("a.regime.ev.competitors", { title: quote(d.title), n: competitors })
      : msg("a.regime.ev.tenderDeal", { title: quote(d.title), cue: quote(cueText(d, "customerSpec") ?? cueText(d, "competitor")) })
    if (recent) {
      if (!competitive) continue
      after++
      if (t < first) first = t
      if (afterTop.accepts(1, t, d.key)) afterTop.add(evidence(d, reason()), d.key, 1, t)
    } else {
      if (competitive) before++
      // Before: the latest deals, competitive or not, show how buying used to go.
      if (beforeTop.accepts(0, t, d.key)) beforeTop.add(evidence(d, reason()), d.key, 0, t)
    }
  }
  const make = (r: InteractionF) => evidence(r, msg("a.regime.ev.tenderText", {
    channel: nested(msg(`a.channelThe.${r.channel}`)), title: quote(r.title), cue: quote(cueText(r, "customerSpec") ?? cueText(r, "competitor"))
  }))
  // Newest first: TopK then turns nearly every later candidate down before its reason is built.
  const list = fs.interactions
  for (let n = list.length - 1; n >= 0; n--) {
    const i = list[n]!
    if ((i.voice & COMPETITIVE_CUES) === 0 || i.at > now) continue
    if (i.at > since) {
      after++
      if (i.at < first) first = i.at
      // A text that states the procedure whole ("three quotes and an RFQ for every order") tells
      // more than one that mentions another quote: it ranks first among the evidence.
      const w = (i.voice & CUE.customerSpec) !== 0 && (i.voice & CUE.competitor) !== 0 ? 2 : 1
      if (afterTop.accepts(w, i.at, i.key)) afterTop.add(make(i), i.key, w, i.at)
    } else {
      before++
      if (beforeTop.accepts(0, i.at, i.key)) beforeTop.add(make(i), i.key, 0, i.at)
    }
  }
  const rateBefore = before / years
  if (after < P.minCompetitiveSignals || after < P.competitiveRise * rateBefore) return null
  const text = countAfter > 0 && countBefore > 0 && sumAfter / countAfter > sumBefore / countBefore
    ? msg("a.regime.procurementCount", { n: after, from: Math.round((sumBefore / countBefore) * 10) / 10, to: Math.round((sumAfter / countAfter) * 10) / 10 })
    : msg("a.regime.procurement", { n: after, rate: Math.round(rateBefore * 10) / 10 })
  return { text, before: beforeTop.items(), after: afterTop.items(), first }
}

function priceLosses(fs: FeatureSet, since: number, now: number, years: number): Change | null {
  let after = 0
  let before = 0
  let first = Infinity
  const afterTop = new TopK<Evidence>(P.evidencePerChange)
  const beforeTop = new TopK<Evidence>(P.evidencePerChange)
  for (const d of fs.deals) {
    if (!d.isClosed) continue
    const t = dealTime(d)
    if (t > now) continue
    const onPrice = !d.isWon && (d.lossCues & CUE.price) !== 0
    if (t > since) {
      if (!onPrice) continue
      after++
      if (t < first) first = t
      if (afterTop.accepts(1, t, d.key)) afterTop.add(evidence(d, msg("a.regime.ev.lostOnPrice", { title: quote(d.title), reason: quote(d.lossReason) })), d.key, 1, t)
    } else {
      if (onPrice) before++
      const reason = onPrice ? msg("a.regime.ev.lostOnPrice", { title: quote(d.title), reason: quote(d.lossReason) })
        : msg(d.isWon ? "a.regime.ev.won" : "a.regime.ev.lost", { title: quote(d.title) })
      if (beforeTop.accepts(0, t, d.key)) beforeTop.add(evidence(d, reason), d.key, 0, t)
    }
  }
  if (after < P.minPriceLosses || after < P.competitiveRise * (before / years)) return null
  return { text: msg("a.regime.priceLosses", { n: after, before, years: Math.round(years * 10) / 10 }), before: beforeTop.items(), after: afterTop.items(), first }
}

function discounts(ledger: LedgerResult, since: number, now: number): Change | null {
  let sumAfter = 0, countAfter = 0, sumBefore = 0, countBefore = 0
  let lastBefore: LedgerEntry | null = null
  const recent: LedgerEntry[] = []
  // Ledger entries are in time order (ledger.ts), each dated by its last revision here.
  for (const e of ledger.ledger.deals) {
    const d = e.finalDiscountPercent
    const t = e.revisions[e.revisions.length - 1]!.at
    if (d === null || t > now) continue
    if (t > since) {
      sumAfter += d
      countAfter++
      recent.push(e)
    } else {
      sumBefore += d
      countBefore++
      if (!lastBefore || t >= lastBefore.revisions[lastBefore.revisions.length - 1]!.at) lastBefore = e
    }
  }
  if (countAfter === 0 || countBefore === 0 || sumAfter / countAfter - sumBefore / countBefore < P.discountPoints) return null
  recent.sort((a, b) => a.revisions[a.revisions.length - 1]!.at - b.revisions[b.revisions.length - 1]!.at || (a.key < b.key ? -1 : 1))
  const path = [lastBefore!, ...recent.slice(-(P.maxPath - 1))]
  const step = (e: LedgerEntry) => msg("a.regime.step", { discount: percentOf(round(e.finalDiscountPercent ?? 0) / 100) })
  const pathText = path.slice(1).reduce<Message>((a, e) => msg("a.regime.path", { a: nested(a), b: nested(step(e)) }), step(path[0]!))
  const ev = (e: LedgerEntry) => {
    const q = ledger.lastQuotes.get(e.key)
    return q ? [evidence(q, msg("a.regime.ev.discount", { name: quote(e.name), discount: percentOf(round(e.finalDiscountPercent ?? 0) / 100) }))] : []
  }
  return {
    text: msg("a.regime.discounts", { from: percentOf(sumBefore / countBefore / 100), path: nested(pathText) }),
    before: ev(lastBefore!),
    after: [...recent].reverse().slice(0, P.evidencePerChange).flatMap(ev),
    first: recent[0]!.revisions[recent[0]!.revisions.length - 1]!.at
  }
}

/** `start`: timeline.ts historyStart(fs), computed once by the caller for every axis that needs it. */
export function regime(fs: FeatureSet, now: number, start: number | undefined, criteria: CriteriaResult, ledger: LedgerResult): Regime {
  const since = now - P.windowDays * TIME.DAY
  if (start === undefined || start > since - P.minEarlierDays * TIME.DAY) {
    return { changed: false, since: null, changes: [], before: [], after: [], summary: msg("a.regime.short", { days: P.minEarlierDays }) }
  }
  const years = (since - start) / TIME.YEAR
  const changes: Change[] = []
  const shift = criteria.shift
  if (shift) {
    changes.push({
      text: msg("a.regime.criteria", {
        from: nested(msg(`a.criterion.${shift.before}`)), before: percentOf(shift.beforeShare),
        to: nested(msg(`a.criterion.${shift.after}`)), after: percentOf(shift.afterShare)
      }),
      before: shift.beforeEvidence, after: shift.afterEvidence, first: shift.first
    })
  }
  for (const change of [procurement(fs, since, now, years), priceLosses(fs, since, now, years), discounts(ledger, since, now)]) {
    if (change) changes.push(change)
  }
  if (changes.length === 0) return { changed: false, since, changes: [], before: [], after: [], summary: msg("a.regime.none") }
  // Said from the first record that shows a change, not from the window's start: a switch three
  // months ago is not "since" a date a year back.
  let changedAt = Infinity
  for (const c of changes) if (c.first < changedAt) changedAt = c.first
  if (!Number.isFinite(changedAt)) changedAt = since
  return {
    changed: true,
    since,
    changedAt,
    changes: changes.map((c) => c.text),
    before: mergeEvidence(changes.map((c) => c.before)),
    after: mergeEvidence(changes.map((c) => c.after)),
    summary: msg("a.regime.changed", { since: date(changedAt), changes: list(changes.map((c) => c.text)) })
  }
}
