import { clearStorageFull, pruneDerived, pruneOlderThan } from "../../model/store"
import { reclassifyAccount } from "../classify"
import type { PanelHandler } from "./context"

/** The retention window: history last seen before the cutoff goes, and profiles are recomputed. */
export const prune: PanelHandler<"prune"> = async (message, { db, now }) => {
  const cutoff = now() - message.retentionDays * 86_400_000
  let removed = 0
  for (const org of await db.orgs.toArray()) {
    removed += await pruneOlderThan(db, org.org, cutoff)
    // Profiles may quote pruned records: recompute them from what is left.
    for (const accountKey of await pruneDerived(db, org.org, cutoff)) await reclassifyAccount(db, accountKey, now())
  }
  // Space was freed (or nothing was left to free): a "storage full" state no longer holds.
  await clearStorageFull(db)
  return { ok: true, data: { removed } }
}
