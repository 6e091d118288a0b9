/**
 * Keeps each account's stored profile current. Runs after a sync wrote new records; the profile
 * row is what the panel reads. Peers for the value tier are the other accounts' stored values.
 * When an axis label differs from the previously stored profile's, a snapshot is saved too, so a
 * team lead can see when and how the relationship's reading changed.
 */
import { classifyRelationship } from "../analysis"
import type { RelationshipProfile } from "../analysis/profile"
import type { ParleyDB } from "../model/db"
import { readAccountHistory } from "../model/store"
import { labelChanges } from "../snapshots/label-changes"
import { saveLabelChangeSnapshot } from "./snapshots"

export async function reclassifyAccount(db: ParleyDB, accountKey: string, now: number): Promise<RelationshipProfile | null> {
  const history = await readAccountHistory(db, accountKey)
  if (!history) return null
  const peers = (await db.profiles.toArray())
    .filter((row) => row.accountKey !== accountKey)
    .map((row) => ({ accountKey: row.accountKey, value: (row.profile as RelationshipProfile).valueTier?.value ?? 0 }))
  const profile = classifyRelationship(history, { now, peers })
  // Read and replace in one transaction, so two concurrent re-classifications see one change once.
  const previous = await db.transaction("rw", db.profiles, async () => {
    const row = await db.profiles.get(accountKey)
    await db.profiles.put({ accountKey, org: history.account.org, computedAt: now, profile })
    return row?.profile
  })
  const changes = labelChanges(previous, profile)
  if (changes?.length) {
    // A failed snapshot must not fail the classification the panel is waiting for.
    await saveLabelChangeSnapshot(db, history, profile, now, changes).catch((error: unknown) => console.error("Parley: label-change snapshot failed", error))
  }
  return profile
}
