/**
 * The one owner of a Dynamics org's URL and Web API root. Every Dataverse call (sync reads,
 * paging, the note upload, the snapshot listing) takes its root from here.
 *
 * - Online: `https://<org>.crmN.dynamics.com/api/data/v9.2`.
 * - On premises: the org may sit under a path (`https://crm.contoso.local:5555/Contoso/...`, which
 *   is what Xrm's `getClientUrl()` returns) and the port matters. The org key keeps neither the
 *   port (`dynamicsOrgName` drops it, ":" would break keys) nor the path's case, so the page URL the
 *   rep is on is the authority for both whenever one is known.
 */
import { dynamicsOrgName } from "./hosts"

export const DYNAMICS_API_VERSION = "9.2"

export interface DynamicsPlace {
  /** The org key (`northwind.crm4`, `crm.contoso.local/contoso`). */
  org: string
  /** The org host as stored (may lack the port). */
  host?: string
  /** A page URL of the org (a tab's URL, an observed record URL): gives scheme, port and path case. */
  url?: string
}

const API_PATH = /\/api\/data\/v\d+\.\d+$/

/** The org's path segment (`contoso`), or "" for an org that owns its host. */
function orgSegment(org: string): string {
  const slash = org.indexOf("/")
  return slash < 0 ? "" : org.slice(slash + 1)
}

/** The org URL (`getClientUrl()`): scheme, host with port, and the on-premises org path. */
export function dynamicsOrgUrl(place: DynamicsPlace): string {
  const segment = orgSegment(place.org)
  let origin: string
  let path = segment
  if (place.url) {
    const u = new URL(place.url)
    origin = u.origin
    // Keep the case the server uses in its own URLs (`/Contoso/main.aspx`).
    const first = u.pathname.split("/")[1] ?? ""
    if (segment && first.toLowerCase() === segment.toLowerCase()) path = first
  } else {
    if (!place.host) throw new Error("A Dynamics org URL needs a page URL or a host")
    origin = new URL(`https://${place.host}`).origin
  }
  return path ? `${origin}/${path}` : origin
}

/**
 * The Web API root of an org (`…/api/data/v9.2`). Takes a place, or an org URL / an API root as a
 * string (what `Xrm.Utility.getGlobalContext().getClientUrl()` gives, or a stored root).
 */
export function dynamicsApiRoot(place: DynamicsPlace | string): string {
  const base = (typeof place === "string" ? place : dynamicsOrgUrl(place)).replace(/\/+$/, "")
  return API_PATH.test(base) ? base : `${base}/api/data/v${DYNAMICS_API_VERSION}`
}

/** True when `url` is a Web API URL under `root` (same origin, same org path). */
export function isUnderApiRoot(url: string, root: string): boolean {
  let u: URL
  let r: URL
  try {
    u = new URL(url)
    r = new URL(root)
  } catch {
    return false
  }
  const rootPath = r.pathname.replace(/\/+$/, "").toLowerCase()
  return u.origin === r.origin && u.pathname.toLowerCase().startsWith(`${rootPath}/`)
}

/** True when a page URL (a tab's) is a page of `org`: the same org host and, on premises, the same org path. */
export function isPageOfOrg(url: string, org: string): boolean {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return false
  }
  const segment = orgSegment(org)
  const hostPart = segment ? org.slice(0, org.length - segment.length - 1) : org
  if (dynamicsOrgName(u.hostname) !== hostPart) return false
  return !segment || (u.pathname.split("/")[1] ?? "").toLowerCase() === segment.toLowerCase()
}
