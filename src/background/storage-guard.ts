/**
 * Every message's handler runs inside this guard: whatever it wrote, a quota refusal from
 * IndexedDB becomes the typed reply `storage-full` (and the browser-wide storage state the panel
 * shows), never Dexie's own error. Each handler's writes are one transaction, so nothing of the
 * refused change remains.
 */
import type { Reply } from "../messaging/messages"
import type { ParleyDB } from "../model/db"
import { isQuotaError, markStorageFull, STORAGE_FULL_MESSAGE } from "../model/store"

export async function withStorageGuard(db: ParleyDB, operation: string, now: () => number, run: () => Promise<Reply>): Promise<Reply> {
  try {
    return await run()
  } catch (error) {
    if (!isQuotaError(error)) throw error
    await markStorageFull(db, operation, now())
    return { ok: false, error: STORAGE_FULL_MESSAGE, code: "storage-full" }
  }
}
