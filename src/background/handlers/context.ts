/**
 * What every background message handler gets, and the handler types that tie each panel message
 * to its reply (src/messaging/messages.ts `PanelReplies`): a handler that answered with the wrong
 * data would not compile.
 */
import type { PanelMessageOf, PanelMessageType, PanelReplies, Reply } from "../../messaging/messages"
import type { ParleyDB } from "../../model/db"
import type { SyncEnvironment } from "../sync"

export interface HandlerContext {
  db: ParleyDB
  /** The worker's capabilities for connector calls (fetch, cookies, page fetch). */
  env: SyncEnvironment
  now(): number
}

export type PanelHandler<T extends PanelMessageType> = (message: PanelMessageOf<T>, ctx: HandlerContext) => Promise<Reply<PanelReplies[T]>>

export type PanelHandlers = { readonly [T in PanelMessageType]: PanelHandler<T> }
