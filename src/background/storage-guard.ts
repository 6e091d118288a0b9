/**
 * Every message's handler runs inside this guard: whatever it wrote, a quota refusal from
 * IndexedDB becomes the typed reply `storage-full` (and the browser-wide storage state the panel
 * shows), never Dexie's own error. Each handler's writes are one transaction, so nothing of the
 * refused change remains. The state is also mirrored to `chrome.storage.session`: when the
 * database is full, the row that says so may not fit either.
 */
import type { Reply } from "../messaging/messages"
import type { ParleyDB } from "../model/db"
import { isQuotaError, markStorageFull, STORAGE_FULL_MESSAGE } from "../model/store"
import { STORAGE_SESSION_KEY, type StorageStatus } from "../model/sync-status"
import { sessionArea } from "../platform/browser"

export async function withStorageGuard(db: ParleyDB, operation: string, now: () => number, run: () => Promise<Reply>): Promise<Reply> {
  try {
    return await run()
  } catch (error) {
    if (!isQuotaError(error)) throw error
    await markStorageFull(db, operation, now())
    return { ok: false, error: STORAGE_FULL_MESSAGE, code: "storage-full" }
  }
}

// Whether the mirror holds a state (unknown after a worker restart): spares a call per write.
let mirrored: boolean | undefined

/** The storage state in extension session storage, which a full IndexedDB cannot refuse. */
export function mirrorStorageState(status: StorageStatus | null): void {
  if (!sessionArea.available()) return
  if (status) {
    mirrored = true
    void sessionArea.write(STORAGE_SESSION_KEY, status).catch(() => undefined)
  } else if (mirrored !== false) {
    mirrored = false
    void sessionArea.remove(STORAGE_SESSION_KEY).catch(() => undefined)
  }
}
