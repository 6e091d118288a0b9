import { importSnapshot as store } from "../snapshots"
import type { PanelHandler } from "./context"

export const importSnapshot: PanelHandler<"import-snapshot"> = (message, { db, now }) => store(db, message.json, message.fileName, now())
