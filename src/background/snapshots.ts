/**
 * Snapshots in the local store (Dexie `snapshots`), written only here: on demand ("save
 * snapshot" in the panel), automatically when a label changes (classify.ts), and on import of a
 * file the panel read. Every stored snapshot has passed the same validation an import does.
 */
import { RelationshipProfile } from "../analysis/profile"
import type { Reply } from "../messaging/messages"
import type { ParleyDB } from "../model/db"
import type { AccountHistory } from "../model/schema"
import { readSettings, SETTINGS_KEY } from "../model/settings"
import { readAccountHistory } from "../model/store"
import { buildSnapshot } from "../snapshots/build"
import { parseSnapshotJson } from "../snapshots/import"
import type { LabelChange, SnapshotDocument } from "../snapshots/payload"
import { parleyVersion } from "./version"

const defaultCurrency = async (db: ParleyDB) => readSettings((await db.meta.get(SETTINGS_KEY))?.value).defaultCurrency

/** Builds and stores a snapshot of the account as Parley knows it now. */
export async function saveSnapshot(db: ParleyDB, accountKey: string, now: number): Promise<Reply<SnapshotDocument>> {
  const [history, row] = await Promise.all([readAccountHistory(db, accountKey), db.profiles.get(accountKey)])
  if (!history || !row) return { ok: false, error: "Parley has no classification of this account yet: sync it first." }
  const profile = RelationshipProfile.safeParse(row.profile)
  if (!profile.success) return { ok: false, error: "The stored classification is from an older Parley: use “Sync again”, then save the snapshot." }
  const snapshot = await buildSnapshot({ history, profile: profile.data, now, parleyVersion: parleyVersion(), defaultCurrency: await defaultCurrency(db) })
  await db.snapshots.put(snapshot)
  return { ok: true, data: snapshot }
}

/** The snapshot classify.ts saves when an axis label changed (the changes are recorded in it). */
export async function saveLabelChangeSnapshot(db: ParleyDB, history: AccountHistory, profile: RelationshipProfile, now: number, changes: LabelChange[]): Promise<void> {
  const snapshot = await buildSnapshot({ history, profile, now, parleyVersion: parleyVersion(), trigger: { kind: "label-change", changes }, defaultCurrency: await defaultCurrency(db) })
  await db.snapshots.put(snapshot)
}

/** Stores an imported file after validating it again: the panel's check is not trusted. */
export async function importSnapshot(db: ParleyDB, json: string): Promise<Reply<{ key: string; recordKey: string }>> {
  const result = await parseSnapshotJson(json)
  if (!result.ok) return { ok: false, error: result.message }
  await db.snapshots.put(result.snapshot)
  return { ok: true, data: { key: result.snapshot.key, recordKey: result.snapshot.recordKey } }
}

export async function deleteSnapshot(db: ParleyDB, key: string): Promise<Reply<undefined>> {
  await db.snapshots.delete(key)
  return { ok: true }
}
