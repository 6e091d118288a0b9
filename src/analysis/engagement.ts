/**
 * Engagement (issue 13): two-way human contact. Automated and mass sends do not make an account
 * healthy, and silence is measured against the account's own rhythm: days since the customer
 * last reached out against their usual gap between contacts.
 */
import { msg } from "../i18n/message"
import { evidence, quote, round } from "./evidence"
import type { FeatureSet } from "./features"
import { ENGAGEMENT as P, TIME } from "./parameters"
import type { Engagement } from "./profile"

export function engagement(fs: FeatureSet, now: number): Engagement {
  let humanContacts = 0
  let customerContacts = 0
  let automated = 0
  let unansweredOutreach = 0
  let lastCustomer: (typeof fs.interactions)[number] | null = null
  const inboundTimes: number[] = []
  let lastOutreach: number[] = []
  // Histories arrive in any order: collect, then read in time order.
  for (const i of fs.interactions) {
    if (i.at > now) continue
    if (!i.human) {
      automated++
      continue
    }
    humanContacts++
    if (i.direction === "inbound") {
      customerContacts++
      inboundTimes.push(i.at)
      if (!lastCustomer || i.at > lastCustomer.at || (i.at === lastCustomer.at && i.key < lastCustomer.key)) lastCustomer = i
    } else if (i.direction === "outbound") {
      lastOutreach.push(i.at)
    }
  }
  if (lastCustomer) lastOutreach = lastOutreach.filter((t) => t > lastCustomer!.at)
  unansweredOutreach = lastOutreach.length
  inboundTimes.sort((a, b) => a - b)
  const gaps: number[] = []
  for (let n = 1; n < inboundTimes.length; n++) gaps.push((inboundTimes[n]! - inboundTimes[n - 1]!) / TIME.DAY)
  gaps.sort((a, b) => a - b)
  const usualGapDays = gaps.length >= P.minGaps ? gaps[gaps.length >> 1]! : null
  const daysSince = lastCustomer ? (now - lastCustomer.at) / TIME.DAY : null
  const silent = daysSince !== null && usualGapDays !== null && daysSince > Math.max(P.minSilentDays, P.silentFactor * usualGapDays)
  return {
    humanContacts, customerContacts, automated, unansweredOutreach,
    lastCustomerContactAt: lastCustomer?.at ?? null,
    daysSinceCustomerContact: daysSince === null ? null : Math.round(daysSince),
    usualGapDays: usualGapDays === null ? null : round(usualGapDays),
    silent,
    evidence: lastCustomer ? [evidence(lastCustomer, msg("a.engagement.ev.lastCustomer", { title: quote(lastCustomer.title), days: Math.round(daysSince ?? 0) }))] : [],
    summary: msg("a.engagement.summary", { human: humanContacts, customer: customerContacts, automated })
  }
}
