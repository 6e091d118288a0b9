/**
 * Complaints and responsiveness (FRAMEWORK §1; seed 000: complaints and how well the supplier
 * answers them are what CRM data shows best): counts, escalations, median time to close, trend.
 */
import { msg, nested } from "../i18n/message"
import { clamp01, evidence, notEnough, quote, round, saturation, TopK, unknownConfidence } from "./evidence"
import type { CaseF, FeatureSet } from "./features"
import { COMPLAINTS as P, TIME } from "./parameters"
import type { ComplaintsAxis, Evidence } from "./profile"
import { historyStart } from "./timeline"

export interface ComplaintsResult {
  axis: ComplaintsAxis
  /** Cases per year over the visible history. */
  perYear: number
  escalatedShare: number
  recent: number
  previous: number
  /** Escalated cases still open, most recent first. */
  openEscalations: CaseF[]
}

function median(values: number[]): number | null {
  if (values.length === 0) return null
  values.sort((a, b) => a - b)
  const mid = values.length >> 1
  return values.length % 2 === 1 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2
}

/** Days a case took, or has taken so far when still open (a backlog is unresponsiveness too). */
function daysOf(k: CaseF, now: number): number | null {
  if (k.isClosed) return k.closedAt !== undefined && k.closedAt >= k.openedAt ? (k.closedAt - k.openedAt) / TIME.DAY : null
  return now >= k.openedAt ? (now - k.openedAt) / TIME.DAY : null
}

export function complaints(fs: FeatureSet, now: number, recordCount: number): ComplaintsResult {
  const cases = fs.cases
  const windowMs = P.trendWindowDays * TIME.DAY
  let open = 0
  let escalated = 0
  let recent = 0
  let previous = 0
  const days: number[] = []
  const openEscalations: CaseF[] = []
  for (const k of cases) {
    if (!k.isClosed) open++
    if (k.isEscalated) escalated++
    if (k.isEscalated && !k.isClosed) openEscalations.push(k)
    const d = daysOf(k, now)
    if (d !== null) days.push(d)
    if (k.openedAt <= now && k.openedAt > now - windowMs) recent++
    else if (k.openedAt <= now - windowMs && k.openedAt > now - 2 * windowMs) previous++
  }
  openEscalations.sort((a, b) => b.openedAt - a.openedAt || (a.key < b.key ? -1 : 1))
  const start = historyStart(fs) ?? now
  const years = Math.max((now - start) / TIME.YEAR, 0.25)
  const perYear = cases.length / years
  const escalatedShare = cases.length > 0 ? escalated / cases.length : 0
  const medianDays = median(days)
  const trend: ComplaintsAxis["trend"] =
    cases.length === 0
      ? recordCount >= P.minRecordsForNone ? "stable" : "unknown"
      : recent >= P.minRecentForRising && recent > previous && recent >= P.risingFactor * previous
        ? "rising"
        : previous >= P.minRecentForRising && recent < previous && recent * P.risingFactor <= previous
          ? "falling"
          : "stable"
  const base = { total: cases.length, open, escalated, medianDaysToClose: medianDays === null ? null : round(medianDays), trend }
  const result = (axis: ComplaintsAxis): ComplaintsResult => ({ axis, perYear, escalatedShare, recent, previous, openEscalations })

  if (cases.length === 0) {
    if (recordCount >= P.minRecordsForNone && fs.account) {
      return result({
        ...base, label: "none", score: 1, confidence: round(saturation(recordCount, P.minRecordsForNone)),
        evidence: fs.account ? [evidence(fs.account, msg("a.complaints.ev.none", { n: recordCount }))] : [],
        summary: msg("a.complaints.none", { n: recordCount })
      })
    }
    return result({ ...base, label: "unknown", score: 0, confidence: 0, evidence: [], summary: notEnough(msg("a.complaints.ne.noCases")) })
  }
  const confidence = saturation(cases.length, P.halfConfidenceCases)
  if (cases.length < P.minCasesForLabel || medianDays === null) {
    return result({ ...base, label: "unknown", score: 0, confidence: unknownConfidence(confidence), evidence: [], summary: notEnough(msg("a.complaints.ne.few", { n: cases.length, needed: P.minCasesForLabel })) })
  }
  const label = medianDays <= P.responsiveDays ? "responsive" : medianDays <= P.adequateDays ? "adequate" : "slow"
  const score = clamp01(1 - medianDays / P.zeroScoreDays)
  // Slow: the slowest, escalated and open cases tell the story; responsive: the quick closes.
  const top = new TopK<Evidence>()
  for (const k of cases) {
    const d = daysOf(k, now)
    if (d === null) continue
    // Slow: the slowest cases first (an open or escalated one a little ahead); responsive: the quickest.
    const weight = label === "responsive" ? 1 / (1 + d) : d + (k.isEscalated ? 2 : 0) + (k.isClosed ? 0 : 5)
    const id = k.isClosed ? (k.isEscalated ? "a.complaints.ev.closedEscalated" : "a.complaints.ev.closed") : k.isEscalated ? "a.complaints.ev.openEscalated" : "a.complaints.ev.open"
    top.add(evidence(k, msg(id, { title: quote(k.title), days: Math.round(d * 10) / 10 })), k.key, weight, k.openedAt)
  }
  return result({
    ...base, label, score: round(score), confidence: round(confidence), evidence: top.items(),
    summary: msg("a.complaints.summary", { n: cases.length, open, escalated, days: Math.round(medianDays * 10) / 10, trend: nested(msg(`a.trend.${trend}`)) })
  })
}
