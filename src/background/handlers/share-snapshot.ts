import { shareSnapshot as share } from "../share"
import type { PanelHandler } from "./context"

export const shareSnapshot: PanelHandler<"share-snapshot"> = (message, { env }) => share(env, message)
