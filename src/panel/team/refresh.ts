/**
 * The Team tab's "refresh from the CRM": one `refresh-team` message; the background lists and
 * reads the team's snapshot files org by org and answers with what each org did.
 */
import type { Reply, TeamRefreshReport } from "../../messaging/messages"
import { ask, type PanelSend } from "../messaging"

export type { TeamOrgRefresh, TeamRefreshReport } from "../../messaging/messages"

export function refreshTeam(send: PanelSend, full: boolean): Promise<Reply<TeamRefreshReport>> {
  return ask(send, full ? { type: "refresh-team", full: true } : { type: "refresh-team" })
}
