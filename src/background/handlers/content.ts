/**
 * The one message a content script may send: an observation of the page in view. Checked against
 * the sender's own URL, stored, and followed by a sync that is not awaited (the content script
 * gets its answer now; the sync reports through `meta`). An observation the intake cut to fit
 * (schemas.ts) is stored as cut, and the reply says what was cut.
 */
import type { ContentMessage, ContentReplies, Reply } from "../../messaging/messages"
import { grantedOrigins } from "../granted-hosts"
import { syncAndClassify } from "../sync"
import type { HandlerContext } from "./context"
import { handleObservation } from "./observe"
import { verifyObservation } from "./verify-observation"

export async function handleContentMessage(
  message: ContentMessage,
  sender: { url: string; tab?: { id?: number } },
  ctx: HandlerContext,
  granted: () => Promise<string[]> = grantedOrigins
): Promise<Reply<ContentReplies["observe"]>> {
  const origins = await granted()
  const refused = verifyObservation(message.page, sender.url, (host) => origins.includes(`https://${host}/*`))
  if (refused) return { ok: false, error: `rejected: ${refused}`, code: "rejected" }
  const reply = await handleObservation(ctx.db, message.page, message.focused, sender.tab?.id, ctx.now())
  if (reply.ok && message.page.record) void syncAndClassify(ctx.env, message.page, { tabId: sender.tab?.id }).catch((e) => console.error("Parley sync failed", e))
  // The intake cut the observation to fit: the reply says what, so the page's tooling can show it.
  return reply.ok && reply.data && message.cut ? { ok: true, data: { ...reply.data, cut: message.cut } } : reply
}
