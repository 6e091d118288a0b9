import { forgetOrg as forget } from "../../model/store"
import { syncsInFlight } from "../sync"
import type { PanelHandler } from "./context"

/**
 * "Forget this org": every row of the org goes, including what a running sync writes meanwhile (a
 * running team refresh checks the org is still known in each of its writes: team-refresh.ts).
 */
export const forgetOrg: PanelHandler<"forget-org"> = async (message, { db }) => {
  await forget(db, message.crm, message.org)
  // A sync already running would write its remaining pages back: wait for it, forget again.
  await Promise.allSettled(syncsInFlight(message.crm, message.org))
  await forget(db, message.crm, message.org)
  return { ok: true }
}
