/**
 * CRM strategy position (seed 004; Payne & Frow 2005, Frow & Payne 2009): the CRM strategy
 * matrix crosses how complete our customer information is (vertical) with how individualised
 * our offer is (horizontal). Quadrant placement follows Payne's Handbook of CRM (2006, p. 84):
 * customer-based marketing is high information without individualised service (left), so
 * managed service & support is individualised service on little information (right, bottom).
 * The research brief marks that placement [U]; it is isolated in `quadrant()` below.
 */
import type { ValueOriginResult } from "./axes/valueOrigin"
import { msg, nested } from "../i18n/message"
import { clamp01, evidence, notEnough, quote, round, saturation, TopK, unknownConfidence, percentOf } from "./evidence"
import type { FeatureSet } from "./features"
import { CUE } from "./lexicon"
import { STRATEGY as P } from "./parameters"
import type { Evidence, StrategyAxis } from "./profile"

type Quadrant = Exclude<StrategyAxis["label"], "unknown">

export function quadrant(information: number, individualisation: number): Quadrant {
  const informed = information >= P.split
  const individual = individualisation >= P.split
  if (informed && individual) return "individualised-crm"
  if (informed) return "customer-based-marketing"
  if (individual) return "managed-service-and-support"
  return "product-based-selling"
}

export function crmStrategy(fs: FeatureSet, origin: ValueOriginResult, coreAxesKnown: number, recordCount: number): StrategyAxis {
  const account = fs.account
  const dealDetail = fs.deals.length > 0
    ? fs.deals.filter((d) => d.leadSource !== undefined || d.competitorCount !== undefined || d.lossReason !== undefined).length / fs.deals.length
    : 0
  const informationParts = [
    account ? account.filledFields / account.totalFields : 0,
    clamp01(fs.contacts / P.fullContacts),
    clamp01(fs.interactions.length / P.fullInteractions),
    dealDetail,
    clamp01((fs.cases.length + fs.contracts.length) / P.fullServiceRecords),
    // The negotiation record: quote revisions say how this customer bargains (issue 13: five deals
    // and fifteen revisions are not "little information").
    clamp01(fs.quotes.length / P.fullQuoteRevisions),
    // "How sophisticated the analysis": how much of the relationship Parley could read.
    coreAxesKnown / 4
  ]
  const information = informationParts.reduce((s, v) => s + v, 0) / informationParts.length

  const tailoredLines = fs.lines.filter((l) => l.isCustom || l.isService)
  const tailoredContracts = fs.contracts.filter((c) => (c.cues & CUE.lockIn) !== 0)
  const w = P.individualisation
  const individualisation =
    w.customLines * (fs.lines.length > 0 ? tailoredLines.length / fs.lines.length : 0) +
    w.coCreation * clamp01(origin.coCreatedPoints / P.fullCoCreationPoints) +
    w.tailoredContracts * (tailoredContracts.length > 0 ? 1 : 0)

  const base = { informationCompleteness: round(information), individualisation: round(individualisation) }
  const distance = Math.min(Math.abs(information - P.split), Math.abs(individualisation - P.split))
  const confidence = saturation(recordCount, P.halfConfidenceRecords) * (0.5 + Math.min(0.5, distance))
  if (recordCount < P.minRecords) {
    return { ...base, label: "unknown", score: 0, confidence: unknownConfidence(confidence), evidence: [], summary: notEnough(msg("a.strategy.ne.few", { n: recordCount, needed: P.minRecords })) }
  }
  const items: Evidence[] = []
  if (account) {
    items.push(evidence(account, msg("a.strategy.ev.account", { title: quote(account.title), filled: account.filledFields, total: account.totalFields, contacts: fs.contacts, activities: fs.interactions.length })))
  }
  const tailored = new TopK<Evidence>(4)
  // `accepts` first: a history has hundreds of tailored lines, and four are kept.
  for (const l of tailoredLines) {
    if (tailored.accepts(l.net, l.at, l.key)) tailored.add(evidence(l, msg(l.isCustom ? "a.strategy.ev.customLine" : "a.strategy.ev.serviceLine", { title: quote(l.title) })), l.key, l.net, l.at)
  }
  for (const c of tailoredContracts) {
    if (tailored.accepts(Number.MAX_VALUE, c.at, c.key)) tailored.add(evidence(c, msg("a.strategy.ev.contract", { title: quote(c.title) })), c.key, Number.MAX_VALUE, c.at)
  }
  items.push(...tailored.items(), ...origin.coCreatedEvidence.slice(0, 4))
  if (items.length === 0) {
    return { ...base, label: "unknown", score: 0, confidence: unknownConfidence(confidence), evidence: [], summary: notEnough(msg("a.strategy.ne.nothing")) }
  }
  const label = quadrant(information, individualisation)
  return {
    ...base, label, score: round((information + individualisation) / 2), confidence: round(clamp01(confidence)), evidence: items,
    summary: msg("a.strategy.summary", { information: percentOf(information), individualisation: percentOf(individualisation), quadrant: nested(msg(`a.strategy.${label}`)) })
  }
}
