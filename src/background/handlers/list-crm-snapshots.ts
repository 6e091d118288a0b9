import { listCrmSnapshots as list } from "../share"
import type { PanelHandler } from "./context"

export const listCrmSnapshots: PanelHandler<"list-crm-snapshots"> = (message, { env }) => list(env, message.accountKey)
