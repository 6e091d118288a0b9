/** How the panel talks to the background: injectable, so tests can stand in for the worker. */
import type { PanelMessage, Reply } from "../messaging/messages"

export type PanelSend = (message: PanelMessage) => Promise<Reply>
