/**
 * The page side of the Dataverse relay (runs in the Dynamics content script, so it stays tiny:
 * 15 KiB budget). Every Dataverse call goes out from the CRM page's own origin, as Dynamics' own
 * Unified Interface and its form scripts do ("Authenticate … Web API": code inside the app needs
 * no authentication; other origins need OAuth + CORS): the service worker decides what to ask and
 * keeps the cursors (src/background/page-fetch.ts); this side only performs one `fetch` and hands
 * back status, the few headers the worker reads, and the body text.
 *
 * It answers only Parley's own worker (same extension, not a tab), and only for URLs on this
 * page's origin under this page's org's `/api/data/`. `redirect: "manual"`: a login bounce comes
 * back as an opaque redirect, reported as 302 so the worker says "session expired" instead of
 * fetching Microsoft's sign-in page. Firefox's `content.fetch` is the page's own fetch there (MDN,
 * "Content script environment"); Chrome's MV3 content-script fetch already is.
 */

import { extensionId, onRuntimeMessageWithReply } from "../../platform/browser"

export const RELAY_MESSAGE = "parley-dataverse"
const HEADERS = ["content-type", "retry-after", "odata-entityid", "date"]
const API_PATH = /^(?:\/([^/]+))?\/api\/data\/v\d+\.\d+\//

/**
 * Why `url` may not be fetched from a page at `pageUrl` ("origin", "path": not under /api/data/,
 * "org": another on-premises org's path), or null when it may. Shared with the worker. Terse on
 * purpose: every byte here is in the every-page script.
 */
export function relayRefusal(url: string, pageUrl: string): string | null {
  const u = URL.parse(url)
  const page = new URL(pageUrl)
  if (u?.origin !== page.origin) return "origin"
  const m = API_PATH.exec(u.pathname)
  return !m ? "path" : m[1] && m[1].toLowerCase() !== page.pathname.split("/")[1]!.toLowerCase() ? "org" : null
}

interface RelayRequest {
  type: string
  url: string
  method: string
  headers: Record<string, string>
  body?: string
}

export function installDataverseRelay(): void {
  const pageFetch: typeof fetch = (globalThis as { content?: { fetch?: typeof fetch } }).content?.fetch ?? fetch
  onRuntimeMessageWithReply((message, sender, reply) => {
    const m = message as RelayRequest | undefined
    if (sender.id !== extensionId() || sender.tab || m?.type !== RELAY_MESSAGE) return
    const refused = relayRefusal(m.url, location.href)
    if (refused) return void reply({ refused })
    pageFetch(m.url, { method: m.method, headers: m.headers, body: m.body, credentials: "same-origin", redirect: "manual" }).then(
      async (r) => reply({ status: r.type === "opaqueredirect" ? 302 : r.status, headers: Object.fromEntries(HEADERS.map((h) => [h, r.headers.get(h)])), body: await r.text() }),
      (e: unknown) => reply({ error: String(e) })
    )
    return true
  })
}
