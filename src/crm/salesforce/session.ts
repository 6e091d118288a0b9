/**
 * Finds the rep's Salesforce API sessions for a Lightning tab, the way Salesforce Inspector
 * Reloaded does: the Lightning host's `sid` is UI-only, so take its org id prefix and find the
 * `sid` cookies of the same org on the My Domain API hosts. Sessions are used for the requests of
 * one sync and never stored.
 *
 * Every candidate is returned, not the first: after a My Domain or Enhanced Domains change the
 * browser keeps the old host's `sid` cookies, which Salesforce refuses with INVALID_SESSION_ID (a
 * recurring report in both Salesforce Inspector trackers). The caller tries them in order.
 */
import type { CookieReader } from "../contract"
import { isSalesforceHost } from "./hosts"

// `storeId` picks the tab's cookie store: an incognito window has its own, and without it Chrome
// reads the regular profile's.
export type { CookieReader } from "../contract"

export interface SalesforceSession {
  apiHost: string
  orgId: string
  sid: string
}

/** Cookie domains that can hold an API-capable `sid` (commercial, government, China). */
const API_COOKIE_DOMAINS = ["salesforce.com", "cloudforce.com", "salesforce.mil", "cloudforce.mil", "sfcrmproducts.cn", "force.com"]

/** The cookie store of a tab, or undefined (the default store) when the browser cannot say. */
async function storeOf(cookies: CookieReader, tabId: number | undefined): Promise<string | undefined> {
  if (tabId === undefined || !cookies.getAllCookieStores) return undefined
  const stores = await cookies.getAllCookieStores().catch(() => [])
  return stores.find((s) => s.tabIds.includes(tabId))?.id
}

/**
 * Every API session candidate for the org of `uiHost`, best first: cookies on `fallbackApiHost`
 * (the API host of the tab's own host) before those of other hosts (an old My Domain), each in
 * the browser's order. The API host must itself be Salesforce's: a session is never sent anywhere
 * else.
 */
export async function findSalesforceSessions(
  cookies: CookieReader,
  uiHost: string,
  fallbackApiHost: string,
  options: { tabId?: number } = {}
): Promise<SalesforceSession[]> {
  const storeId = await storeOf(cookies, options.tabId)
  const store = storeId === undefined ? {} : { storeId }
  const uiCookie = await cookies.get({ url: `https://${uiHost}`, name: "sid", ...store })
  const orgId = uiCookie?.value.split("!")[0]
  const found: SalesforceSession[] = []
  const add = (apiHost: string, sid: string, org: string) => {
    if (isSalesforceHost(apiHost) && !found.some((s) => s.apiHost === apiHost && s.sid === sid)) found.push({ apiHost, orgId: org, sid })
  }
  if (orgId && /^00D[A-Za-z0-9]{12}$/.test(orgId)) {
    for (const domain of API_COOKIE_DOMAINS) {
      const candidates = await cookies.getAll({ name: "sid", domain, secure: true, ...store })
      for (const c of candidates) {
        if (!c.value.startsWith(`${orgId}!`) || c.domain.includes("help.salesforce.com") || /lightning\.force\.|\.vf\.force\.|visualforce/.test(c.domain)) continue
        add(c.domain.replace(/^\./, ""), c.value, orgId)
      }
    }
    found.sort((a, b) => Number(b.apiHost === fallbackApiHost) - Number(a.apiHost === fallbackApiHost))
    if (found.length) return found
  }
  // mcas.ms proxies and orgs without a readable UI cookie: try the derived API host directly.
  if (!isSalesforceHost(fallbackApiHost)) return []
  const direct = await cookies.get({ url: `https://${fallbackApiHost}`, name: "sid", ...store })
  if (direct) add(fallbackApiHost, direct.value, direct.value.split("!")[0] ?? "")
  return found
}

/** The best candidate (callers that make one request and report a refusal themselves). */
export async function findSalesforceSession(
  cookies: CookieReader,
  uiHost: string,
  fallbackApiHost: string,
  options: { tabId?: number } = {}
): Promise<SalesforceSession | null> {
  return (await findSalesforceSessions(cookies, uiHost, fallbackApiHost, options))[0] ?? null
}

/** How an attempt with one session went: refused as expired (try the next), accepted, or unknown (offline). */
export type SessionVerdict = "stale" | "held" | "unknown"

/** Per database and org, which candidate last held (API host and a hash of the sid: the sid
 * itself is never kept beyond the call). Worker memory only. */
const sessionsThatHeld = new Map<string, string>()

function sessionMark(session: { apiHost: string; sid: string }): string {
  let h = 0x811c9dc5
  for (let i = 0; i < session.sid.length; i++) h = Math.imul(h ^ session.sid.charCodeAt(i), 0x01000193)
  return `${session.apiHost}|${(h >>> 0).toString(16)}`
}

/**
 * Runs `attempt` with each candidate session in turn (the one that held last time for `scope`
 * first: a stale cookie the browser keeps would otherwise cost a call on every use) until one is
 * not refused as expired; the last candidate's outcome stands. `verdict` judges an outcome, a
 * thrown error included. The one way sync, share and snapshot listing pick a session. Needs at
 * least one candidate.
 */
export async function withEachSession<S extends { apiHost: string; sid: string }, T>(
  scope: string,
  candidates: readonly S[],
  attempt: (session: S) => Promise<T>,
  verdict: (outcome: { value: T } | { error: unknown }) => SessionVerdict
): Promise<T> {
  if (!candidates.length) throw new Error("withEachSession needs a candidate session")
  const held = sessionsThatHeld.get(scope)
  const ordered = [...candidates].sort((a, b) => Number(sessionMark(b) === held) - Number(sessionMark(a) === held))
  for (const [i, session] of ordered.entries()) {
    let outcome: { value: T } | { error: unknown }
    try {
      outcome = { value: await attempt(session) }
    } catch (error) {
      outcome = { error }
    }
    const judged = verdict(outcome)
    if (judged === "held") sessionsThatHeld.set(scope, sessionMark(session))
    if (judged !== "stale" || i === ordered.length - 1) {
      if ("error" in outcome) throw outcome.error
      return outcome.value
    }
  }
  throw new Error("unreachable")
}
