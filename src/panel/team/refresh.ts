/**
 * The Team tab's "refresh from the CRM": one `refresh-team` message; the background lists and
 * reads the team's snapshot files org by org and answers with what each org did.
 *
 * MERGE NOTE (issue 15): the message and its reply belong to src/messaging/messages.ts (H-CORE's
 * branch: `{ type: "refresh-team"; full?: boolean }` → `TeamRefreshReport`). Until that lands in
 * this branch, the reply shape is declared here and the message is cast once; after the merge,
 * replace both with `ask(send, { type: "refresh-team", full })` and the imported types.
 */
import type { PanelMessage, Reply, ReplyErrorCode } from "../../messaging/messages"
import type { Crm } from "../../model/schema"
import type { PanelSend } from "../messaging"

export interface TeamOrgRefresh {
  crm: Crm
  org: string
  listed: number
  read: number
  skipped: number
  unchanged: number
  removed: number
  calls: number
  pending: number
  status: "ok" | "partial" | "failed"
  error?: string
  code?: ReplyErrorCode | string
}

export interface TeamRefreshReport {
  orgs: TeamOrgRefresh[]
  at?: number
}

export async function refreshTeam(send: PanelSend, full: boolean): Promise<Reply<TeamRefreshReport>> {
  const message = (full ? { type: "refresh-team", full: true } : { type: "refresh-team" }) as unknown as PanelMessage
  return (await send(message)) as Reply<TeamRefreshReport>
}
