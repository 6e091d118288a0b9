/** How the panel talks to the background: injectable, so tests can stand in for the worker. */
import type { PanelMessage, PanelReplyOf, Reply } from "../messaging/messages"

export type PanelSend = (message: PanelMessage) => Promise<Reply>

/**
 * Sends one message and types the reply's data as its handler's (messages.ts `PanelReplies`,
 * which the background's handler map is compiled against). The panel still checks what it
 * renders from CRM content (links, snapshot files).
 */
export async function ask<M extends PanelMessage>(send: PanelSend, message: M): Promise<Reply<PanelReplyOf<M>>> {
  return (await send(message)) as Reply<PanelReplyOf<M>>
}
