import { refreshTeam as refresh } from "../team-refresh"
import type { PanelHandler } from "./context"

/** The Team tab's refresh: the org-by-org report, each org's trouble inside it (never the whole reply's). */
export const refreshTeam: PanelHandler<"refresh-team"> = async (message, { env }) => ({ ok: true, data: await refresh(env, message.full ? { full: true } : {}) })
