/** Every panel message's handler, one file each; the mapped type makes a missing one a compile error. */
import type { PanelMessage, Reply } from "../../messaging/messages"
import type { HandlerContext, PanelHandlers } from "./context"
import { deleteSnapshot } from "./delete-snapshot"
import { forgetOrg } from "./forget-org"
import { importSnapshot } from "./import-snapshot"
import { listCrmSnapshots } from "./list-crm-snapshots"
import { pauseSync } from "./pause-sync"
import { ping } from "./ping"
import { prune } from "./prune"
import { refreshTeam } from "./refresh-team"
import { saveSnapshot } from "./save-snapshot"
import { setSettings } from "./set-settings"
import { shareSnapshot } from "./share-snapshot"
import { syncNow } from "./sync-now"

export const panelHandlers: PanelHandlers = {
  ping,
  "sync-now": syncNow,
  "pause-sync": pauseSync,
  "forget-org": forgetOrg,
  prune,
  "set-settings": setSettings,
  "save-snapshot": saveSnapshot,
  "import-snapshot": importSnapshot,
  "delete-snapshot": deleteSnapshot,
  "share-snapshot": shareSnapshot,
  "list-crm-snapshots": listCrmSnapshots,
  "refresh-team": refreshTeam
}

export function handlePanelMessage(message: PanelMessage, ctx: HandlerContext): Promise<Reply> {
  // TypeScript cannot correlate `message.type` with the handler's parameter; the map's type did.
  const handler = panelHandlers[message.type] as (message: PanelMessage, ctx: HandlerContext) => Promise<Reply>
  return handler(message, ctx)
}
