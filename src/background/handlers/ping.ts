import type { PanelHandler } from "./context"

/** The panel's "is the worker there?" (also wakes a sleeping worker). */
export const ping: PanelHandler<"ping"> = async () => ({ ok: true, data: "pong" })
