/**
 * Complaints and responsiveness (FRAMEWORK §1; seed 000: complaints and how well the supplier
 * answers them are what CRM data shows best): counts, escalations, median time to close, trend,
 * and complaint pressure (issue 13): severity, escalation, time to close against the account's
 * own norm, recency and churn threats in the customer's words. Service requests (a how-to
 * question answered) are cases but not complaints: they count toward responsiveness only.
 */
import { msg, nested } from "../i18n/message"
import { clamp01, evidence, notEnough, percentOf, quote, round, saturation, TopK, unknownConfidence } from "./evidence"
import type { CaseF, FeatureSet, InteractionF } from "./features"
import { CUE } from "./lexicon"
import { COMPLAINTS as P, TIME } from "./parameters"
import type { ComplaintsAxis, Evidence } from "./profile"
import { recency } from "./timeline"

export interface ComplaintsResult {
  axis: ComplaintsAxis
  /** Complaints (service requests left out) per year over the visible history. */
  perYear: number
  /** Of the complaints, the share escalated. */
  escalatedShare: number
  /** Complaints opened in the last trend window and the one before. */
  recent: number
  previous: number
  /** Escalated cases still open, most recent first. */
  openEscalations: CaseF[]
  /** Complaint pressure 0-1 (also on the axis). */
  pressure: number
  /** Complaints opened in the last year, and of them high-priority and escalated (for the risk reason). */
  lastYear: { n: number; high: number; escalated: number }
  /** The complaints that weigh most in the pressure, most telling first. */
  pressureEvidence: Evidence[]
  /** Threats to leave in the customer's words within COMPLAINTS.churnWindowDays: how many,
   * and the newest as evidence. */
  churnCount: number
  churnThreats: Evidence[]
}

const churnReason = (r: CaseF | InteractionF) => r.recordType === "Case"
  ? msg("a.complaints.ev.churnCase", { title: quote(r.title) })
  : msg("a.complaints.ev.churn", { channel: nested(msg(`a.channelThe.${(r as InteractionF).channel}`)), title: quote(r.title) })

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

/** `historyStarted`: timeline.ts historyStart(fs), computed once by the caller for every axis that needs it. */
export function complaints(fs: FeatureSet, now: number, historyStarted: number | undefined, recordCount: number): ComplaintsResult {
  const cases = fs.cases
  const windowMs = P.trendWindowDays * TIME.DAY
  let open = 0
  let escalated = 0
  let requests = 0
  let complaintCount = 0
  let escalatedComplaints = 0
  let recent = 0
  let previous = 0
  const days: number[] = []
  /** Days to close of the complaints opened in the trend window, against the account's norm. */
  const recentDays: number[] = []
  const openEscalations: CaseF[] = []
  for (const k of cases) {
    if (!k.isClosed) open++
    if (k.isEscalated) escalated++
    if (k.isEscalated && !k.isClosed) openEscalations.push(k)
    const d = daysOf(k, now)
    if (d !== null) days.push(d)
    if (k.isRequest) {
      requests++
      continue
    }
    complaintCount++
    if (k.isEscalated) escalatedComplaints++
    if (k.openedAt <= now && k.openedAt > now - windowMs) {
      recent++
      if (d !== null) recentDays.push(d)
    } else if (k.openedAt <= now - windowMs && k.openedAt > now - 2 * windowMs) previous++
  }
  openEscalations.sort((a, b) => b.openedAt - a.openedAt || (a.key < b.key ? -1 : 1))
  const start = historyStarted ?? now
  const years = Math.max((now - start) / TIME.YEAR, 0.25)
  const perYear = complaintCount / years
  const escalatedShare = complaintCount > 0 ? escalatedComplaints / complaintCount : 0
  const medianDays = median(days)
  const recentMedian = median(recentDays)

  // Pressure: one pass over the complaints, against this account's own median time to close.
  const slowDays = Math.max(P.slowMinDays, P.slowFactor * (medianDays ?? 0))
  let weight = 0
  const lastYear = { n: 0, high: 0, escalated: 0 }
  const pressureTop = new TopK<CaseF>(P.evidence)
  for (const k of cases) {
    if (k.isRequest || k.openedAt > now) continue
    if (k.openedAt > now - TIME.YEAR) {
      lastYear.n++
      if (k.severity === "high") lastYear.high++
      if (k.isEscalated) lastYear.escalated++
    }
    const d = daysOf(k, now)
    const w = recency(k.openedAt, now) * P.severityWeight[k.severity] * (k.isEscalated ? P.escalatedWeight : 1) *
      (d !== null && d > slowDays ? P.slowWeight : 1)
    weight += w
    pressureTop.add(k, k.key, w, k.openedAt)
  }
  // Churn threats: the customer's own words, in cases and in their messages and our notes of them.
  const churnTop = new TopK<CaseF | InteractionF>(P.evidence)
  let churnWeight = 0
  let churnCount = 0
  const churnSince = now - P.churnWindowDays * TIME.DAY
  const threat = (r: CaseF | InteractionF, at: number, voice: number) => {
    if ((voice & CUE.churnThreat) === 0 || at > now || at <= churnSince) return
    churnCount++
    churnWeight = Math.max(churnWeight, recency(at, now))
    churnTop.add(r, r.key, 1, at)
  }
  for (const k of cases) threat(k, k.openedAt, k.voice)
  // Indexed, not for-of: a long history's loop must not allocate an iterator result per record.
  const list = fs.interactions
  for (let n = 0; n < list.length; n++) {
    const i = list[n]!
    if ((i.voice & CUE.churnThreat) !== 0) threat(i, i.at, i.voice)
  }
  const pressure = round(clamp01(weight / P.fullPressure + P.churnPressure * churnWeight))
  const pressureEvidence = pressureTop.items().map((k) => {
    const d = daysOf(k, now)
    return evidence(k, msg("a.complaints.ev.pressure", {
      title: quote(k.title), severity: nested(msg(`a.complaints.severity.${k.severity}`)),
      escalated: nested(msg(k.isEscalated ? "a.complaints.escalatedYes" : "a.complaints.escalatedNo")),
      days: d === null ? 0 : Math.round(d * 10) / 10, norm: Math.round((medianDays ?? 0) * 10) / 10
    }))
  })
  const churnThreats = churnTop.items().map((r) => evidence(r, churnReason(r)))

  const trend: ComplaintsAxis["trend"] =
    complaintCount === 0
      ? recordCount >= P.minRecordsForNone ? "stable" : "unknown"
      : recent >= P.minRecentForRising && recent > previous && recent >= P.risingFactor * previous
        ? "rising"
        : previous >= P.minRecentForRising && recent < previous && recent * P.risingFactor <= previous
          ? "falling"
          : "stable"
  const base = {
    total: cases.length, open, escalated, medianDaysToClose: medianDays === null ? null : round(medianDays), trend, requests, pressure,
    recentMedianDaysToClose: recentMedian === null ? null : round(recentMedian)
  }
  const result = (axis: ComplaintsAxis): ComplaintsResult => ({ axis, perYear, escalatedShare, recent, previous, openEscalations, pressure, lastYear, pressureEvidence, churnCount, churnThreats })

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
    if (!top.accepts(weight, k.openedAt, k.key)) continue
    const id = k.isClosed ? (k.isEscalated ? "a.complaints.ev.closedEscalated" : "a.complaints.ev.closed") : k.isEscalated ? "a.complaints.ev.openEscalated" : "a.complaints.ev.open"
    top.add(evidence(k, msg(id, { title: quote(k.title), days: Math.round(d * 10) / 10 })), k.key, weight, k.openedAt)
  }
  return result({
    ...base, label, score: round(score), confidence: round(confidence), evidence: top.items(),
    summary: requests > 0
      ? msg("a.complaints.summaryRequests", { n: cases.length, requests, open, escalated, days: Math.round(medianDays * 10) / 10, trend: nested(msg(`a.trend.${trend}`)), pressure: percentOf(pressure) })
      : msg("a.complaints.summary", { n: cases.length, open, escalated, days: Math.round(medianDays * 10) / 10, trend: nested(msg(`a.trend.${trend}`)) })
  })
}
