/**
 * Keeps each account's stored profile current. Runs after a sync wrote new records; the profile
 * row is what the panel reads. Peers for the value tier are the other accounts' stored values.
 *
 * A classifier per recently classified account keeps per-record features in memory, so a new
 * record costs only its own feature extraction. The cache is optional: a restarted worker
 * simply starts with cold classifiers and produces the same profiles.
 *
 * When an axis label differs from the previously stored profile's, a snapshot is saved too
 * (src/snapshots), so a team lead can see when and how the relationship's reading changed.
 */
import { createClassifier, type Classifier } from "../analysis/incremental"
import { PROFILE_VERSION, type RelationshipProfile } from "../analysis/profile"
import type { ParleyDB } from "../model/db"
import { readAccountHistory } from "../model/store"
import { labelChanges } from "../snapshots/label-changes"
import { saveLabelChangeSnapshot } from "./snapshots"

const MAX_CACHED_ACCOUNTS = 20
const classifiers = new Map<string, Classifier>()

function classifierFor(accountKey: string): Classifier {
  let classifier = classifiers.get(accountKey)
  if (classifier) classifiers.delete(accountKey) // re-insert: the Map's order is the LRU order
  else classifier = createClassifier()
  classifiers.set(accountKey, classifier)
  if (classifiers.size > MAX_CACHED_ACCOUNTS) classifiers.delete(classifiers.keys().next().value!)
  return classifier
}

/**
 * Whether the account has a stored profile this build can show. A profile of an older version
 * (version 1 kept English prose where version 2 keeps message descriptors) counts as none: the
 * caller recomputes it from the stored history instead of showing or failing on it.
 */
export async function hasCurrentProfile(db: ParleyDB, accountKey: string): Promise<boolean> {
  const row = await db.profiles.get(accountKey)
  return (row?.profile as { version?: unknown } | undefined)?.version === PROFILE_VERSION
}

export async function reclassifyAccount(db: ParleyDB, accountKey: string, now: number): Promise<RelationshipProfile | null> {
  const history = await readAccountHistory(db, accountKey)
  if (!history) return null
  const peers = (await db.profiles.toArray())
    .filter((row) => row.accountKey !== accountKey)
    .map((row) => ({ accountKey: row.accountKey, value: (row.profile as RelationshipProfile).valueTier?.value ?? 0 }))
  const profile = classifierFor(accountKey).classify(history, { now, peers })
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
