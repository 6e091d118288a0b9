import { observationFor, syncAndClassify } from "../sync"
import type { PanelHandler } from "./context"

/** "Sync now" / "Resume": syncs the record's account even if it was synced a moment ago or paused. */
export const syncNow: PanelHandler<"sync-now"> = async (message, { db, env }) => {
  const page = await observationFor(db, message.recordKey)
  if (!page) return { ok: false, error: "Parley has not seen this record yet: open it in the CRM first", code: "not-found" }
  await syncAndClassify(env, page, { force: true })
  return { ok: true }
}
