import { deleteSnapshot as remove } from "../snapshots"
import type { PanelHandler } from "./context"

export const deleteSnapshot: PanelHandler<"delete-snapshot"> = (message, { db }) => remove(db, message.key)
