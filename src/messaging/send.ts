import { MESSAGE_TIMEOUT_MS } from "../../plasmo.config"
import type { ContentMessage, PanelMessage, Reply } from "./messages"

/**
 * Sends one message to the background and always settles: a reply, or `{ok:false}` on timeout or
 * when the worker is gone (a restarted worker answers the next attempt).
 */
export async function sendToBackground<T = unknown>(
  message: ContentMessage | PanelMessage,
  timeoutMs: number = MESSAGE_TIMEOUT_MS
): Promise<Reply<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<Reply<T>>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, error: `no answer within ${timeoutMs} ms` }), timeoutMs)
  })
  try {
    const reply = chrome.runtime
      .sendMessage(message)
      .then((r: unknown) => (isReply(r) ? (r as Reply<T>) : { ok: false as const, error: "malformed reply" }))
      .catch((e: unknown) => ({ ok: false as const, error: e instanceof Error ? e.message : String(e) }))
    return await Promise.race([reply, timeout])
  } finally {
    clearTimeout(timer)
  }
}

function isReply(value: unknown): boolean {
  return typeof value === "object" && value !== null && typeof (value as { ok?: unknown }).ok === "boolean"
}

/** Retries with back-off: the content script keeps its observation until the worker confirms it. */
export async function sendWithRetry<T = unknown>(message: ContentMessage, attempts = 3): Promise<Reply<T>> {
  let last: Reply<T> = { ok: false, error: "not sent" }
  for (let i = 0; i < attempts; i++) {
    last = await sendToBackground<T>(message)
    if (last.ok || /rejected/.test(last.error)) return last
    await new Promise((r) => setTimeout(r, 250 * 2 ** i))
  }
  return last
}
