import { forgetOrg as forget } from "../../model/store"
import { syncsInFlight } from "../sync"
import { teamRefreshInFlight } from "../team-refresh"
import type { PanelHandler } from "./context"

/** "Forget this org": every row of the org goes, including what a running sync or team refresh writes meanwhile. */
export const forgetOrg: PanelHandler<"forget-org"> = async (message, { db }) => {
  await forget(db, message.crm, message.org)
  // A sync or team refresh already running would write its remaining pages back: wait, forget again.
  await Promise.allSettled([...syncsInFlight(message.crm, message.org), teamRefreshInFlight()])
  await forget(db, message.crm, message.org)
  return { ok: true }
}
