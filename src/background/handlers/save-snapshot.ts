import { saveSnapshot as save } from "../snapshots"
import type { PanelHandler } from "./context"

export const saveSnapshot: PanelHandler<"save-snapshot"> = (message, { db, now }) => save(db, message.accountKey, now())
