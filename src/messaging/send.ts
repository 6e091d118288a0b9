import { MESSAGE_TIMEOUT_MS, TEAM_REFRESH_TIMEOUT_MS } from "../../plasmo.config"
import { sendRuntimeMessage } from "../platform/browser"
import type { ContentMessage, PanelMessage, Reply, ReplyErrorCode } from "./messages"

const failure = (error: string, code: ReplyErrorCode): Reply<never> => ({ ok: false, error, code })

/** Messages whose work is many CRM calls wait longer for their answer (the rest: MESSAGE_TIMEOUT_MS). */
const LONG_RUNNING: Readonly<Record<string, number>> = { "refresh-team": TEAM_REFRESH_TIMEOUT_MS }

/**
 * Sends one message to the background and always settles: a reply, or `{ok:false}` on timeout or
 * when the worker is gone (a restarted worker answers the next attempt).
 */
export async function sendToBackground<T = unknown>(
  message: ContentMessage | PanelMessage,
  timeoutMs: number = LONG_RUNNING[message.type] ?? MESSAGE_TIMEOUT_MS
): Promise<Reply<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<Reply<T>>((resolve) => {
    timer = setTimeout(() => resolve(failure(`no answer within ${timeoutMs} ms`, "timeout")), timeoutMs)
  })
  try {
    const reply = sendRuntimeMessage(message).then(
      (r: unknown) => (isReply(r) ? (r as Reply<T>) : failure("malformed reply", "malformed")),
      (e: unknown) => failure(e instanceof Error ? e.message : String(e), "unavailable")
    )
    return await Promise.race([reply, timeout])
  } finally {
    clearTimeout(timer)
  }
}

function isReply(value: unknown): boolean {
  return typeof (value as { ok?: unknown } | null)?.ok === "boolean"
}

/**
 * Failures that say the message may not have been handled: no answer, no worker, no reply, or the handler
 * itself broke. Any other answer is the worker's decision (a refusal, "storage full"): sending the
 * same observation again gets the same answer, or, once the rep has freed space, stores a record
 * the rep has since left and clears the "storage full" the rep was reading.
 */
const RETRYABLE: ReadonlySet<ReplyErrorCode | undefined> = new Set<ReplyErrorCode | undefined>(["timeout", "unavailable", "malformed", "failed"])

/** Retries with back-off: the content script keeps its observation until the worker confirms it. */
export async function sendWithRetry<T = unknown>(message: ContentMessage, attempts = 3): Promise<Reply<T>> {
  let last: Reply<T> = { ok: false, error: "not sent" }
  for (let i = 0; i < attempts; i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, 250 * 2 ** (i - 1)))
    last = await sendToBackground<T>(message)
    if (last.ok || !RETRYABLE.has(last.code)) return last
  }
  return last
}
