/**
 * The worker side of the Dataverse relay: a `FetchLike` whose requests go out from a CRM tab of
 * the org (src/crm/dynamics/page-relay.ts performs the `fetch` there, with the page's own origin
 * and cookies). The worker keeps deciding everything (what to ask, cursors, Retry-After waits,
 * budget); the tab only carries one request at a time.
 *
 * - Which tab: any open tab of the org (`chrome.tabs.query` by URL works with the host
 *   permissions alone, no `tabs` permission), the requested one first, then the active and most
 *   recently used. Messages go to the top frame only (`frameId: 0`), where Parley's content
 *   script runs.
 * - Who answers: `tabs.sendMessage` is answered only by Parley's own content script in that frame
 *   (a page cannot answer extension messages); the reply is still checked for shape and size.
 * - What may be asked: the URL must be on the tab's origin under its org's `/api/data/`, checked
 *   here before sending and again in the tab.
 * - Tab gone: a closed or navigating tab drops the message; a read tries the next tab, then waits
 *   for a reloading page's content script; with no tab left the request fails with
 *   `PageGoneError`, the sync stops with a clear status, and the stored cursors resume on the next
 *   visit. A write is never re-sent after its tab vanished (it may have run).
 */
import type { TabMessenger } from "../contract"
import { PageGoneError, type FetchLike, type HttpResponseLike, type RequestInitLike } from "./api"
import { dynamicsApiRoot, isPageOfOrg, isUnderApiRoot, type DynamicsPlace } from "./org-url"
import { RELAY_MESSAGE, relayRefusal } from "./page-relay"

export interface RelayTab {
  id: number
  url: string
}

export interface PageFetchDeps {
  /** Open tabs of the org, best first. */
  tabs(): Promise<RelayTab[]>
  /** `chrome.tabs.sendMessage(tabId, message, { frameId: 0 })`. */
  send(tabId: number, message: unknown): Promise<unknown>
  sleep?: (ms: number) => Promise<void>
  /** A relayed request that takes longer than this is abandoned (the tab hangs). */
  timeoutMs?: number
  /** Read attempts while no tab answers (a reload takes a moment). */
  attempts?: number
  /** The org's Web API root: nothing outside it is relayed (a foreign nextLink, another org path). */
  root?: string
}

/** The largest relayed body accepted (snapshot listings carry Base64 attachments). */
const MAX_BODY_CHARS = 64 * 1024 * 1024
const DEFAULT_TIMEOUT_MS = 120_000

export class RelayRefusedError extends Error {
  override readonly name = "RelayRefusedError"
}

interface RelayReply {
  status: number
  headers: Record<string, string | null>
  body: string
}

function isReply(value: unknown): value is RelayReply {
  const r = value as RelayReply
  return (
    typeof r === "object" &&
    r !== null &&
    Number.isInteger(r.status) &&
    r.status >= 0 &&
    r.status < 600 &&
    typeof r.body === "string" &&
    r.body.length <= MAX_BODY_CHARS &&
    typeof r.headers === "object" &&
    r.headers !== null &&
    Object.values(r.headers).every((v) => v === null || typeof v === "string")
  )
}

function response(reply: RelayReply): HttpResponseLike {
  const headers = new Map(Object.entries(reply.headers).map(([k, v]) => [k.toLowerCase(), v]))
  return { status: reply.status, headers: { get: (name) => headers.get(name.toLowerCase()) ?? null }, text: async () => reply.body }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer from the tab within ${ms} ms`)), ms)))
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

export function createPageFetch(deps: PageFetchDeps): FetchLike {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)))
  const attempts = deps.attempts ?? 3
  return async (url: string, init: RequestInitLike) => {
    if (deps.root && !isUnderApiRoot(url, deps.root)) throw new RelayRefusedError(`Not under the org's Web API: ${url}`)
    const message = { type: RELAY_MESSAGE, url, method: init.method, headers: init.headers, ...(init.body !== undefined ? { body: init.body } : {}) }
    for (let attempt = 0; attempt < attempts; attempt++) {
      const tabs = await deps.tabs()
      if (!tabs.length) break
      let refusedEverywhere = true
      for (const tab of tabs) {
        if (relayRefusal(url, tab.url)) continue
        refusedEverywhere = false
        let reply: unknown
        try {
          reply = await withTimeout(deps.send(tab.id, message), deps.timeoutMs ?? DEFAULT_TIMEOUT_MS)
        } catch {
          // Closed, navigating, or without Parley's script (yet): try the next tab.
          if (init.method !== "GET") throw new PageGoneError("The Dynamics tab closed while Parley was writing; check the account's timeline before trying again")
          continue
        }
        const r = reply as { refused?: unknown; error?: unknown } | undefined
        if (r && typeof r.refused === "string") throw new RelayRefusedError(`The Dynamics tab refused ${url}: ${r.refused}`)
        // The page's fetch itself failed (offline, DNS, CORS on a redirect): a network error.
        if (r && typeof r.error === "string") throw new TypeError(r.error.slice(0, 300))
        if (!isReply(reply)) throw new TypeError("The Dynamics tab gave a malformed answer")
        return response(reply)
      }
      if (refusedEverywhere) throw new RelayRefusedError(`No open tab of this org may fetch ${url}`)
      if (attempt < attempts - 1) await sleep(1_000)
    }
    throw new PageGoneError()
  }
}

/** The Web API of an org as reached through its tabs: a page-origin fetch and the API root. */
export interface DataverseAccess {
  fetch: FetchLike
  baseUrl: string
}

/** Tabs of the org, from the browser (host permissions give their URLs). */
async function orgTabs(tabs: TabMessenger, place: DynamicsPlace & { tabId?: number }): Promise<RelayTab[]> {
  const host = new URL(dynamicsApiRoot(place)).hostname
  const found = await tabs.query([`https://${host}/*`, `http://${host}/*`])
  return found
    .filter((t) => !!t.url && !t.discarded && isPageOfOrg(t.url, place.org))
    .sort((a, b) => Number(b.id === place.tabId) - Number(a.id === place.tabId) || Number(b.active) - Number(a.active) || (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))
    .map((t) => ({ id: t.id, url: t.url }))
}

/** The extension's way to the Dataverse Web API: always through a tab of the org. */
export async function dataverseAccess(tabs: TabMessenger, place: DynamicsPlace & { tabId?: number }): Promise<DataverseAccess> {
  const open = await orgTabs(tabs, place).catch(() => [])
  // The page URL gives the port and the org path's case; without a tab, the stored place does.
  const root = dynamicsApiRoot({ ...place, url: place.url ?? open[0]?.url })
  return { baseUrl: root, fetch: createPageFetch({ root, tabs: () => orgTabs(tabs, place), send: (tabId, message) => tabs.send(tabId, message) }) }
}
