import { syncPausedKey } from "../../model/sync-status"
import { accountIdFor, observationFor } from "../sync"
import { recordKey } from "../../model/keys"
import type { PanelHandler } from "./context"

/**
 * Pauses the sync of the record's account: a flag in `meta` that the running sync reads between
 * pages (it then stops with state "paused", cursors kept), and that keeps page views from starting
 * a new one. "Sync now" clears it and resumes from the cursors.
 */
export const pauseSync: PanelHandler<"pause-sync"> = async (message, { db }) => {
  const page = await observationFor(db, message.recordKey)
  const accountId = page && (await accountIdFor(db, page))
  if (!page || !accountId) return { ok: false, error: "Parley has not seen this record yet: open it in the CRM first", code: "not-found" }
  await db.meta.put({ key: syncPausedKey(recordKey(page.crm, page.org, accountId)), value: true })
  return { ok: true }
}
