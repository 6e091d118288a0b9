/**
 * Risk (seed 003: LTV-, needs-based and prediction analysis): falling activity, rising
 * complaints, lost deals, open escalations and slow answers, and (issue 13) a customer gone
 * silent against their own rhythm, complaint pressure and churn threats, each a reason with its
 * records. Activity is two-way human contact only: automated sends, internal notes and our own
 * unanswered mail keep no account alive.
 */
import type { ComplaintsResult } from "./complaints"
import { list, msg, nested, type Message } from "../i18n/message"
import { clamp01, evidence, notEnough, percentOf, quote, round, saturation, TopK, unknownConfidence } from "./evidence"
import type { FeatureSet, InteractionF } from "./features"
import { COMPLAINTS, GENERAL, RISK as P, TIME } from "./parameters"
import type { Engagement, Evidence, RiskAxis, RiskReason } from "./profile"
import { fromCustomer, isContact, silenceAsides } from "./engagement"

const SAMPLE = 4

/** Two-way activity counted by window, with the latest records on each side of the window. */
interface Activity {
  recent: number
  previous: number
  older: number
  latestTop: TopK<InteractionF>
  beforeTop: TopK<InteractionF>
}

/**
 * The pass over the interactions, a function of its own with nothing after its loop: a function
 * run once per classification is compiled while its loop is hot, before the code after the loop
 * has ever run, and that code then deoptimized on every classification (traced in Chromium).
 */
function activity(list: readonly InteractionF[], now: number): Activity {
  const windowMs = P.windowDays * TIME.DAY
  const a: Activity = { recent: 0, previous: 0, older: 0, latestTop: new TopK<InteractionF>(SAMPLE), beforeTop: new TopK<InteractionF>(SAMPLE) }
  const latestTop = a.latestTop
  const beforeTop = a.beforeTop
  // Newest first: see TopK. `accepts` is asked here, inlined, before `add`: a call of `add` per
  // record boxed its time (a heap number) for every record of a long history.
  for (let n = list.length - 1; n >= 0; n--) {
    const i = list[n]!
    if (i.at > now || !isContact(i)) continue
    // Our own mail, tasks and notes are one-way, and so is a call nobody answered: follow-ups
    // that reached no one keep no account alive (the same reading as engagement's).
    if (i.direction === "outbound" && !fromCustomer(i)) continue
    if (i.at > now - windowMs) {
      a.recent++
      if (latestTop.accepts(0, i.at, i.key)) latestTop.add(i, i.key, 0, i.at)
    } else {
      if (i.at > now - 2 * windowMs) a.previous++
      else a.older++
      // The latest activity before the window: for "gone quiet", the last thing that happened.
      if (beforeTop.accepts(0, i.at, i.key)) beforeTop.add(i, i.key, 0, i.at)
    }
  }
  return a
}

export function risk(fs: FeatureSet, now: number, complaints: ComplaintsResult, engagement: Engagement, recordCount: number): RiskAxis {
  const { recent, previous, older, latestTop, beforeTop } = activity(fs.interactions, now)
  const latest = latestTop.items().map((i) => evidence(i, msg("a.risk.ev.latest", { channel: nested(msg(`a.channelThe.${i.channel}`)), title: quote(i.title) })))
  const before = beforeTop.items().map((i) => evidence(i, msg("a.risk.ev.before", { channel: nested(msg(`a.channelThe.${i.channel}`)), title: quote(i.title), days: P.windowDays })))
  const reasons: RiskReason[] = []
  let score = 0
  const add = (signal: RiskReason["signal"], text: Message, items: Evidence[]) => {
    reasons.push({ signal, text, evidence: items })
    score += P.weights[signal]
  }

  if (previous >= P.minPreviousActivity && recent <= P.fallingFactor * previous) {
    add("falling-activity", msg("a.risk.fallingActivity", { previous, recent, days: P.windowDays }), [...latest, ...before])
  } else if (recent === 0 && previous + older >= P.minPreviousActivity) {
    // Gone quiet: an account with a history and nothing for a whole window.
    add("falling-activity", msg("a.risk.quiet", { days: P.windowDays, n: previous + older }), before.slice(0, 1))
  }
  const c = complaints.axis
  if (c.trend === "rising") {
    const items = fs.cases.filter((k) => !k.isRequest && k.openedAt > now - P.windowDays * TIME.DAY && k.openedAt <= now)
      .sort((a, b) => b.openedAt - a.openedAt || (a.key < b.key ? -1 : 1)).slice(0, SAMPLE)
      .map((k) => evidence(k, msg("a.risk.ev.recentCase", { title: quote(k.title), recent: complaints.recent, days: P.windowDays, previous: complaints.previous })))
    add("rising-complaints", msg("a.risk.risingComplaints", { previous: complaints.previous, recent: complaints.recent, days: P.windowDays }), items)
  }
  const lostWindow = now - P.lostWindowDays * TIME.DAY
  const closedRecently = fs.deals.filter((d) => d.isClosed && (d.closeDate ?? d.createdAt) > lostWindow && (d.closeDate ?? d.createdAt) <= now)
  const lost = closedRecently.filter((d) => !d.isWon)
  const won = closedRecently.length - lost.length
  if (lost.length >= P.minLostDeals && lost.length >= won) {
    const items = lost.sort((a, b) => (b.at ?? 0) - (a.at ?? 0) || (a.key < b.key ? -1 : 1)).slice(0, SAMPLE)
      .map((d) => evidence(d, d.lossReason ? msg("a.risk.ev.lostBecause", { title: quote(d.title), reason: quote(d.lossReason) }) : msg("a.risk.ev.lost", { title: quote(d.title) })))
    add("lost-deals", msg("a.risk.lostDeals", { n: lost.length, won }), items)
  }
  if (complaints.openEscalations.length > 0) {
    add("open-escalations", msg("a.risk.openEscalations", { n: complaints.openEscalations.length }),
      complaints.openEscalations.slice(0, SAMPLE).map((k) => evidence(k, msg("a.risk.ev.openEscalation", { title: quote(k.title) }))))
  }
  if (c.label === "slow") {
    add("slow-response", msg("a.risk.slow", { days: c.medianDaysToClose ?? 0 }), c.evidence.slice(0, SAMPLE))
  }
  if (engagement.silent) {
    const days = engagement.daysSinceCustomerContact ?? 0
    add("gone-silent", engagement.usualGapDays === null
      ? msg("a.risk.silentForNoRhythm", { days, ...silenceAsides(engagement) })
      : msg("a.risk.silentFor", { days, gap: Math.round(engagement.usualGapDays), ...silenceAsides(engagement) }),
    engagement.evidence)
  }
  if (complaints.pressure >= COMPLAINTS.pressureSignal) {
    add("complaint-pressure", msg("a.risk.complaintPressure", { pressure: percentOf(complaints.pressure), ...complaints.lastYear }),
      complaints.pressureEvidence)
  }
  if (complaints.churnCount > 0) {
    add("churn-threat", msg("a.risk.churnThreat", { n: complaints.churnCount, days: COMPLAINTS.churnWindowDays }), complaints.churnThreats)
  }

  score = clamp01(score)
  const confidence = saturation(recordCount, P.halfConfidenceRecords)
  if (recordCount < P.minRecords) {
    return { label: "unknown", score: 0, confidence: 0, evidence: [], reasons: [], summary: notEnough(msg("a.risk.ne.few", { n: recordCount, needed: P.minRecords })) }
  }
  const label = score >= P.atRisk ? "at-risk" : score >= P.watch ? "watch" : "healthy"
  const items = reasons.length > 0 ? reasons.flatMap((r) => r.evidence).slice(0, GENERAL.maxEvidence) : latest
  if (items.length === 0 && fs.account) items.push(evidence(fs.account, msg("a.risk.ev.noSignal", { n: recordCount, days: P.windowDays })))
  if (items.length === 0) {
    return { label: "unknown", score: 0, confidence: unknownConfidence(confidence), evidence: [], reasons, summary: notEnough(msg("a.risk.ne.noRecent")) }
  }
  return {
    label, score: round(score), confidence: round(confidence), evidence: items, reasons,
    summary: reasons.length > 0
      ? msg(`a.risk.summary.${label}`, { reasons: list(reasons.map((r) => r.text)) })
      : msg("a.risk.summary.none", { recent, days: P.windowDays, previous })
  }
}
