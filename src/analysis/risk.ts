/**
 * Risk (seed 003: LTV-, needs-based and prediction analysis): falling activity, rising
 * complaints, lost deals, open escalations and slow answers, each a reason with its records.
 */
import type { ComplaintsResult } from "./complaints"
import { clamp01, evidence, fmt, notEnough, plural, quote, round, saturation, TopK, unknownConfidence } from "./evidence"
import type { FeatureSet, InteractionF } from "./features"
import { GENERAL, RISK as P, TIME } from "./parameters"
import type { Evidence, RiskAxis, RiskReason } from "./profile"

const SAMPLE = 4

export function risk(fs: FeatureSet, now: number, complaints: ComplaintsResult, recordCount: number): RiskAxis {
  const windowMs = P.windowDays * TIME.DAY
  let recent = 0
  let previous = 0
  let older = 0
  const latestTop = new TopK<InteractionF>(SAMPLE)
  const beforeTop = new TopK<InteractionF>(SAMPLE)
  // Newest first: see TopK.
  for (let n = fs.interactions.length - 1; n >= 0; n--) {
    const i = fs.interactions[n]!
    if (i.at > now) continue
    if (i.at > now - windowMs) {
      recent++
      latestTop.add(i, i.key, 0, i.at)
    } else {
      if (i.at > now - 2 * windowMs) previous++
      else older++
      // The latest activity before the window: for "gone quiet", the last thing that happened.
      beforeTop.add(i, i.key, 0, i.at)
    }
  }
  const latest = latestTop.items().map((i) => evidence(i, `The ${i.channel} ${quote(i.title)} is among the latest activity.`))
  const before = beforeTop.items().map((i) => evidence(i, `The ${i.channel} ${quote(i.title)} came before the last ${P.windowDays} days.`))
  const reasons: RiskReason[] = []
  let score = 0
  const add = (signal: RiskReason["signal"], text: string, items: Evidence[]) => {
    reasons.push({ signal, text, evidence: items })
    score += P.weights[signal]
  }

  if (previous >= P.minPreviousActivity && recent <= P.fallingFactor * previous) {
    add("falling-activity", `Activity fell from ${previous} to ${recent} in the last ${P.windowDays} days.`, [...latest, ...before])
  } else if (recent === 0 && previous + older >= P.minPreviousActivity) {
    // Gone quiet: an account with a history and nothing for a whole window.
    add("falling-activity", `No activity in the last ${P.windowDays} days, after ${plural(previous + older, "earlier activity", "earlier activities")}.`, before.slice(0, 1))
  }
  const c = complaints.axis
  if (c.trend === "rising") {
    const items = fs.cases.filter((k) => k.openedAt > now - P.windowDays * TIME.DAY && k.openedAt <= now)
      .sort((a, b) => b.openedAt - a.openedAt || (a.key < b.key ? -1 : 1)).slice(0, SAMPLE)
      .map((k) => evidence(k, `Case ${quote(k.title)} is one of ${complaints.recent} opened in the last ${P.windowDays} days (${complaints.previous} before).`))
    add("rising-complaints", `Complaints rose from ${complaints.previous} to ${complaints.recent} per ${P.windowDays} days.`, items)
  }
  const lostWindow = now - P.lostWindowDays * TIME.DAY
  const closedRecently = fs.deals.filter((d) => d.isClosed && (d.closeDate ?? d.createdAt) > lostWindow && (d.closeDate ?? d.createdAt) <= now)
  const lost = closedRecently.filter((d) => !d.isWon)
  const won = closedRecently.length - lost.length
  if (lost.length >= P.minLostDeals && lost.length >= won) {
    const items = lost.sort((a, b) => (b.at ?? 0) - (a.at ?? 0) || (a.key < b.key ? -1 : 1)).slice(0, SAMPLE)
      .map((d) => evidence(d, `Deal ${quote(d.title)} was lost${d.lossReason ? ` (${quote(d.lossReason)})` : ""}.`))
    add("lost-deals", `${plural(lost.length, "deal")} lost and ${won} won in the last year.`, items)
  }
  if (complaints.openEscalations.length > 0) {
    add("open-escalations", `${plural(complaints.openEscalations.length, "escalated case")} still open.`,
      complaints.openEscalations.slice(0, SAMPLE).map((k) => evidence(k, `Escalated case ${quote(k.title)} is still open.`)))
  }
  if (c.label === "slow") {
    add("slow-response", `Complaints take a median ${fmt(c.medianDaysToClose ?? 0)} days to close.`, c.evidence.slice(0, SAMPLE))
  }

  score = clamp01(score)
  const confidence = saturation(recordCount, P.halfConfidenceRecords)
  if (recordCount < P.minRecords) {
    return { label: "unknown", score: 0, confidence: 0, evidence: [], reasons: [], summary: notEnough(`${plural(recordCount, "record")}, ${P.minRecords} needed to read a trend`) }
  }
  const label = score >= P.atRisk ? "at-risk" : score >= P.watch ? "watch" : "healthy"
  const items = reasons.length > 0 ? reasons.flatMap((r) => r.evidence).slice(0, GENERAL.maxEvidence) : latest
  if (items.length === 0 && fs.account) items.push(evidence(fs.account, `No risk signal in ${plural(recordCount, "record")}, and no activity in the last ${P.windowDays} days.`))
  if (items.length === 0) {
    return { label: "unknown", score: 0, confidence: unknownConfidence(confidence), evidence: [], reasons, summary: notEnough("no recent record to stand behind a risk reading") }
  }
  return {
    label, score: round(score), confidence: round(confidence), evidence: items, reasons,
    summary: reasons.length > 0 ? `${label === "at-risk" ? "At risk" : label === "watch" ? "Watch" : "Healthy, one minor signal"}: ${reasons.map((r) => r.text).join(" ")}` : `No risk signal: ${recent} activities in the last ${P.windowDays} days, ${previous} in the ${P.windowDays} before.`
  }
}
