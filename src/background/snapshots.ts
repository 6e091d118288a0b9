/**
 * Snapshots in the local store (Dexie `snapshots`), written only here: on demand ("save
 * snapshot" in the panel), automatically when a label changes (classify.ts), and on import of a
 * file the panel read. Every stored snapshot has passed the same validation an import does.
 * Imported files are stored beside Parley's own, under their own keys (src/snapshots/stored.ts):
 * an import never replaces a snapshot this Parley made.
 */
import { RelationshipProfile } from "../analysis/profile"
import type { Reply } from "../messaging/messages"
import type { ParleyDB } from "../model/db"
import type { AccountHistory, Snapshot } from "../model/schema"
import { readSettings, SETTINGS_KEY } from "../model/settings"
import { guardQuota, markStorageFull, readAccountHistory, StorageFullError } from "../model/store"
import { buildSnapshot } from "../snapshots/build"
import { parseSnapshotJson } from "../snapshots/import"
import type { LabelChange, SnapshotDocument } from "../snapshots/payload"
import { importedRow } from "../snapshots/stored"
import { parleyVersion } from "./version"

const defaultCurrency = async (db: ParleyDB) => readSettings((await db.meta.get(SETTINGS_KEY))?.value).defaultCurrency

/** Builds and stores a snapshot of the account as Parley knows it now. */
export async function saveSnapshot(db: ParleyDB, accountKey: string, now: number): Promise<Reply<SnapshotDocument>> {
  const [history, row] = await Promise.all([readAccountHistory(db, accountKey), db.profiles.get(accountKey)])
  if (!history || !row) return { ok: false, error: "Parley has no classification of this account yet: sync it first." }
  const profile = RelationshipProfile.safeParse(row.profile)
  if (!profile.success) return { ok: false, error: "The stored classification is from an older Parley: use “Sync again”, then save the snapshot." }
  const snapshot = await buildSnapshot({ history, profile: profile.data, now, parleyVersion: parleyVersion(), defaultCurrency: await defaultCurrency(db) })
  await guardQuota(() => db.snapshots.put(snapshot))
  return { ok: true, data: snapshot }
}

/** The snapshot classify.ts saves when an axis label changed (the changes are recorded in it). */
export async function saveLabelChangeSnapshot(db: ParleyDB, history: AccountHistory, profile: RelationshipProfile, now: number, changes: LabelChange[]): Promise<void> {
  const snapshot = await buildSnapshot({ history, profile, now, parleyVersion: parleyVersion(), trigger: { kind: "label-change", changes }, defaultCurrency: await defaultCurrency(db) })
  try {
    await guardQuota(() => db.snapshots.put(snapshot))
  } catch (error) {
    // No message carries this write back to the panel: the storage state tells it.
    if (error instanceof StorageFullError) await markStorageFull(db, "save-snapshot", now)
    throw error
  }
}

/**
 * Stores an imported file after validating it again (the panel's check is not trusted), as
 * imported, under its own key. A file identical to a snapshot stored here (same key, same seal)
 * is that snapshot: nothing new is stored.
 */
export async function importSnapshot(db: ParleyDB, json: string, fileName: string | undefined, now: number): Promise<Reply<{ key: string; recordKey: string }>> {
  const result = await parseSnapshotJson(json)
  if (!result.ok) return { ok: false, error: result.message }
  const document = result.snapshot
  const local = await db.snapshots.get(document.key)
  if (local && local.hash === document.hash) return { ok: true, data: { key: local.key, recordKey: document.recordKey } }
  const row = importedRow(document, fileName, now)
  await guardQuota(() => db.snapshots.put(row as Snapshot))
  return { ok: true, data: { key: row.key, recordKey: document.recordKey } }
}

export async function deleteSnapshot(db: ParleyDB, key: string): Promise<Reply<undefined>> {
  await db.snapshots.delete(key)
  return { ok: true }
}
