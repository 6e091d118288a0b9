/**
 * Dependence and lock-in (FRAMEWORK §1; research §3.4). The GE pattern: long-term leases and
 * service contracts ("power by the hour") make the customer financially dependent. The Siemens
 * pattern: custom services and write-in lines raise switching costs. Both are Emerson's
 * "motivational investment" on the customer's side, i.e. supplier power.
 */
import { date, msg, nested, text, type Message } from "../i18n/message"
import { clamp01, evidence, joinMessages, notEnough, quote, round, saturation, TopK, percentOf } from "./evidence"
import { cueText, type ContractF, type FeatureSet, type RecordRef, type Scanned } from "./features"
import { CUE } from "./lexicon"
import { DEPENDENCE as P, DOMINANCE as D } from "./parameters"
import type { DependenceAxis, Evidence } from "./profile"

export interface DependenceResult {
  axis: DependenceAxis
  /** Whether any contract, quote line or integration record was seen (for dominance coverage). */
  observed: boolean
}

/** Contract states that bind nobody (Salesforce Draft; Dynamics Draft, Canceled, Expired). */
const NOT_BINDING = /draft|cancel|expired|terminated/i

function contractLockIn(c: ContractF, now: number): { value: number; reason: Message } {
  const term = nested(c.months !== undefined ? msg("a.term.months", { n: c.months }) : msg("a.term.open"))
  const title = quote(c.title)
  if (NOT_BINDING.test(c.status)) return { value: 0, reason: msg("a.dep.ev.notBinding", { title, status: text(c.status.toLowerCase()) }) }
  // CRMs often leave an ended contract "Activated": its end date says it binds nobody now.
  if (c.endDate !== undefined && c.endDate < now) return { value: 0, reason: msg("a.dep.ev.ended", { title, end: date(c.endDate) }) }
  const cue = cueText(c, "lockIn")
  if (cue !== undefined && (c.months === undefined || c.months >= P.longServiceMonths)) {
    return { value: 1, reason: msg("a.dep.ev.lease", { title, cue: quote(cue), term }) }
  }
  if (c.months !== undefined && c.months >= P.longContractMonths) {
    return { value: D.longContractLockIn, reason: msg("a.dep.ev.binds", { title, term }) }
  }
  if (cue !== undefined) {
    return { value: D.longContractLockIn / 2, reason: msg("a.dep.ev.shortLease", { title, cue: quote(cue), term }) }
  }
  return { value: 0, reason: msg("a.dep.ev.plain", { title, term }) }
}

export function dependence(fs: FeatureSet, now: number): DependenceResult {
  const top = new TopK<Evidence>()
  const add = (ref: RecordRef, weight: number, reason: Message) => top.add(evidence(ref, reason), ref.key, weight, ref.at)

  let contractValue = 0
  let longTermLease = false
  for (const c of fs.contracts) {
    const { value, reason } = contractLockIn(c, now)
    if (value >= 1) longTermLease = true
    contractValue = Math.max(contractValue, value)
    add(c, 1 + value, reason)
  }

  let allNet = 0
  for (const line of fs.lines) allNet += line.net
  let customNet = 0
  let customCount = 0
  for (const line of fs.lines) {
    if (!line.isCustom && !line.isService) continue
    customNet += line.net
    customCount++
    // Bigger lines first, after the contracts that carry the GE pattern.
    const weight = 0.5 + 0.4 * (allNet > 0 ? line.net / allNet : 0)
    if (top.accepts(weight, line.at, line.key)) add(line, weight, msg(line.isCustom ? "a.dep.ev.customLine" : "a.dep.ev.serviceLine", { title: quote(line.title), net: Math.round(line.net) }))
  }
  const customShare = allNet > 0 ? customNet / allNet : fs.lines.length > 0 ? customCount / fs.lines.length : 0
  const customServices = customCount > 0 && (customCount >= P.minCustomServiceLines || customShare >= P.customServiceShare)
  const lineValue = clamp01(customShare / D.fullCustomShare)

  let integrations = 0
  const integration = (list: ReadonlyArray<RecordRef & Scanned>) => {
    // Indexed, not for-of: a long history's loop must not allocate an iterator result per record.
    for (let n = 0; n < list.length; n++) {
      const ref = list[n]!
      if ((ref.cues & CUE.integration) === 0) continue
      integrations++
      if (top.accepts(0.4, ref.at, ref.key)) add(ref, 0.4, msg("a.dep.ev.integration", { record: nested(msg(`a.record.${ref.recordType}`)), title: quote(ref.title), cue: quote(cueText(ref, "integration")) }))
    }
  }
  integration(fs.interactions)
  integration(fs.deals)
  integration(fs.contracts)
  const integrationValue = integrations > 0 ? D.integrationLockIn : 0

  // Independent mechanisms reinforce each other: combine them like independent chances (noisy-or).
  const score = 1 - (1 - contractValue) * (1 - lineValue) * (1 - integrationValue)
  const observed = fs.contracts.length > 0 || fs.lines.length > 0 || integrations > 0
  const patterns = { longTermLease, customServices }
  if (!observed) {
    return { observed, axis: { label: "unknown", score: 0, confidence: 0, evidence: [], patterns, summary: notEnough(msg("a.dep.ne")) } }
  }
  const label = score >= P.high ? "high" : score >= P.moderate ? "moderate" : "low"
  // "Low" stands on what was looked at: the biggest standard lines.
  if (fs.contracts.length === 0 && customCount === 0 && integrations === 0) {
    for (const line of fs.lines) add(line, line.net, msg("a.dep.ev.catalogueLine", { title: quote(line.title) }))
  }
  const examined = fs.contracts.length + fs.lines.length + integrations
  const parts = [
    longTermLease ? msg("a.dep.part.lease") : null,
    customServices ? msg("a.dep.part.custom", { share: percentOf(customShare) }) : null,
    integrations > 0 ? msg("a.dep.part.integrations", { n: integrations }) : null
  ].filter((p): p is Message => p !== null)
  return {
    observed,
    axis: {
      label, score: round(score), confidence: round(saturation(examined, 5)), evidence: top.items(), patterns,
      summary: parts.length > 0 ? msg("a.dep.summary", { level: nested(msg(`a.level.${label}`)), parts: nested(joinMessages(parts, "a.join.semi")) }) : msg("a.dep.summaryStandard", { level: nested(msg(`a.level.${label}`)) })
    }
  }
}
