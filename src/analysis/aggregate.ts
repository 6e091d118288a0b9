/**
 * Builds the relationship profile from an account's features. Pure and cheap (linear in the
 * number of records, no text work): the incremental classifier re-runs it after every change.
 */
import { dominance } from "./axes/dominance"
import { initiator } from "./axes/initiator"
import { valueOrigin } from "./axes/valueOrigin"
import { competition } from "./competitors"
import { complaints } from "./complaints"
import { decisionCriteria } from "./criteria"
import { dellTrap } from "./dellTrap"
import { withoutDuplicates } from "./dedupe"
import { dependence } from "./dependence"
import { engagement } from "./engagement"
import type { FeatureSet } from "./features"
import { concessionLedger } from "./ledger"
import { PROFILE_VERSION, type PeerValue, type Rejected, type RelationshipProfile } from "./profile"
import { pushback } from "./pushback"
import { regime } from "./regime"
import { risk } from "./risk"
import { crmStrategy } from "./strategy"
import { valueTier } from "./tier"
import { historyStart, latestTime } from "./timeline"

export interface AggregateOptions {
  now?: number
  peers?: readonly PeerValue[]
}

/** Code-unit order: the same in every locale, unlike localeCompare. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export function buildProfile(all: FeatureSet, options: AggregateOptions, rejected: Rejected[]): RelationshipProfile {
  const { fs, duplicates, ordered } = withoutDuplicates(all)
  const now = options.now ?? latestTime(fs)
  // Where the visible history starts: read by several axes, so one pass over every record, once.
  const start = historyStart(fs, ordered)
  const recordCount = fs.interactions.length + fs.deals.length + fs.quotes.length + fs.lines.length + fs.cases.length + fs.contracts.length
  const ledger = concessionLedger(fs)
  const criteria = decisionCriteria(fs, ledger, now)
  const origin = valueOrigin(fs, ledger, now)
  const started = initiator(fs, start, ordered)
  const complaintsResult = complaints(fs, now, start, recordCount)
  const dependenceResult = dependence(fs, now)
  const tier = valueTier(fs, options.peers)
  const power = dominance({
    fs, valueOrigin: origin.axis, dependence: dependenceResult, criteria, complaints: complaintsResult, ledger,
    revenueShare: tier.revenueShare, recordCount, now
  })
  const contact = engagement(fs, now)
  const coreKnown = [origin.axis.label, power.label, started.label, criteria.axis.label].filter((l) => l !== "unknown").length
  return {
    version: PROFILE_VERSION,
    accountKey: fs.accountKey,
    accountName: fs.account?.name ?? null,
    computedAt: now,
    sampleSize: {
      interactions: fs.interactions.length,
      deals: fs.deals.length,
      quotes: fs.quotes.length,
      quoteLines: fs.lines.length,
      cases: fs.cases.length,
      contracts: fs.contracts.length,
      contacts: fs.contacts,
      total: recordCount + fs.contacts + (fs.account ? 1 : 0)
    },
    valueOrigin: origin.axis,
    dominance: power,
    initiator: started,
    decisionCriteria: criteria.axis,
    complaints: complaintsResult.axis,
    dependence: dependenceResult.axis,
    concessions: ledger.ledger,
    crmStrategy: crmStrategy(fs, origin, coreKnown, recordCount),
    valueTier: tier.axis,
    risk: risk(fs, now, complaintsResult, contact, recordCount),
    dellTrap: dellTrap(criteria.axis, power, ledger.ledger),
    pushback: pushback(fs, now),
    engagement: contact,
    regime: regime(fs, now, start, criteria, ledger),
    duplicates,
    competition: competition(fs),
    rejected: [...rejected].sort((a, b) => compare(a.recordKey ?? "", b.recordKey ?? "") || compare(a.reason, b.reason))
  }
}
