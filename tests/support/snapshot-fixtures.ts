/**
 * Test fixtures: the panel's sample history with people in it (contacts with names, e-mails and
 * phones, a subject quoting a person) so redaction has something to remove. Each sensitive value
 * contains a CANARY, so a test can assert none survives. Not used by production code.
 */
import { classifyRelationship } from "../../src/analysis"
import type { AccountHistory } from "../../src/model/schema"
import { ACCOUNT_KEY, NOW, ORG, sampleHistory } from "./panel-fixtures/history"
import { buildSnapshot } from "../../src/snapshots/build"
import type { SnapshotDocument } from "../../src/snapshots/payload"

export const CANARY = "Zed Canary"
export const CANARY_EMAIL = "zed.canary@secret.example"
export const CANARY_PHONE = "+1 555 0199 4242"

export function historyWithPeople(): AccountHistory {
  const history = sampleHistory()
  const base = { crm: "salesforce" as const, org: ORG, seenAt: NOW, accountKey: ACCOUNT_KEY }
  history.account.ownerName = `${CANARY} Owner`
  history.contacts = [
    { ...base, key: `salesforce:${ORG}:003000000000001AAA`, id: "003000000000001AAA", name: CANARY, title: `Buyer ${CANARY}`, email: CANARY_EMAIL, phone: CANARY_PHONE },
    { ...base, key: `salesforce:${ORG}:003000000000002AAA`, id: "003000000000002AAA", name: `${CANARY} Two`, email: `two.${CANARY_EMAIL}` }
  ]
  history.interactions = history.interactions.map((i, n) =>
    n % 4 === 0 ? { ...i, subject: `Call ${CANARY} about a lower price and a bigger discount`, text: `${CANARY} says the price is too high, ${CANARY_EMAIL}` } : i
  )
  history.deals = history.deals.map((d) => ({ ...d, name: `${d.name} for ${CANARY}` }))
  return history
}

export async function sampleSnapshot(options: { now?: number; history?: AccountHistory } = {}): Promise<SnapshotDocument> {
  const history = options.history ?? historyWithPeople()
  const profile = classifyRelationship(history, { now: NOW })
  return buildSnapshot({ history, profile, now: options.now ?? NOW, parleyVersion: "0.1.0" })
}
