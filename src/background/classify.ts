/**
 * Keeps each account's stored profile current. Runs after a sync wrote new records; the profile
 * row is what the panel reads. Peers for the value tier are the other accounts' stored values.
 */
import { classifyRelationship } from "../analysis"
import type { RelationshipProfile } from "../analysis/profile"
import type { ParleyDB } from "../model/db"
import { readAccountHistory } from "../model/store"

export async function reclassifyAccount(db: ParleyDB, accountKey: string, now: number): Promise<RelationshipProfile | null> {
  const history = await readAccountHistory(db, accountKey)
  if (!history) return null
  const peers = (await db.profiles.toArray())
    .filter((row) => row.accountKey !== accountKey)
    .map((row) => ({ accountKey: row.accountKey, value: (row.profile as RelationshipProfile).valueTier?.value ?? 0 }))
  const profile = classifyRelationship(history, { now, peers })
  await db.profiles.put({ accountKey, org: history.account.org, computedAt: now, profile })
  return profile
}
