/**
 * Which Dynamics 365 record a URL shows. Pure and small: content scripts import it.
 *
 * Record URL shapes seen in the wild (all on `main.aspx`; parameter names are matched
 * case-insensitively, the first occurrence wins):
 * - Unified Interface: `main.aspx?appid=<guid>&pagetype=entityrecord&etn=account&id=<guid>`, with
 *   `appname=<UniqueName>` instead of `appid`, or neither, plus `forceUCI=1`, `formid`,
 *   `navbar=off`, `cmdbar=false` in any order;
 * - ids as `<guid>`, `{GUID}`, `%7BGUID%7D`, in any case;
 * - legacy "Send a Link": `main.aspx?etc=1&extraqs=formid%3d…&id=%7b…%7d&pagetype=entityrecord`
 *   (`etc` is the entity type code: only the fixed codes of system tables are mapped, since custom
 *   tables get different codes per org), also with `newWindow=true`, `histKey=…`, a `#counter`;
 * - CRM 2011-2016 grids: `main.aspx?etc=112&extraqs=%3f_gridType%3d112%26etc%3d112%26id%3d%257b…%257d…`
 *   (the id and etc only inside the double-encoded `extraqs`);
 * - on-premises: `http(s)://crm.contoso.local[:port]/<OrgName>/main.aspx?…` or an IFD host
 *   without the org segment.
 * Not records (→ null): `pagetype=entitylist`, dashboards, `pagetype=entityrecord` without an id
 * (a new-record form), the all-zero GUID, `/uclient/main.htm` (the form designer's preview), and
 * legacy inner-frame pages such as `/sfa/accts/edit.aspx` (the top window carries main.aspx).
 */
import { dynamicsOrgName, isDynamicsHost } from "./hosts"

export interface DynamicsRecordRef {
  crm: "dynamics"
  /** The URL's host, with a port when it has one. */
  host: string
  /** The org name records are keyed by (hosts.ts `dynamicsOrgName`). */
  org: string
  /** The table's logical name: `account`, `opportunity`, `quote`, `new_custom`... */
  objectType: string
  /** Lower-case GUID without braces. */
  id: string
  /** What `Xrm.Utility.getGlobalContext().getClientUrl()` returns: the Web API lives below it. */
  clientUrl: string
}

export interface ParseDynamicsUrlOptions {
  /** Accept any host (on-premises orgs, detected by page markers, not by host). */
  allowAnyHost?: boolean
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const NULL_GUID = "00000000-0000-0000-0000-000000000000"
const LOGICAL_NAME = /^[a-z][a-z0-9_]{0,63}$/

/**
 * Entity type codes of the system tables Parley reads. Fixed for system tables in every org;
 * custom tables (codes ≥ 10000) differ per org and are deliberately not guessed.
 */
const SYSTEM_TYPE_CODES: Readonly<Record<string, string>> = {
  "1": "account",
  "2": "contact",
  "3": "opportunity",
  "4": "lead",
  "5": "annotation",
  "112": "incident",
  "1010": "contract",
  "1084": "quote",
  "1085": "quotedetail",
  "1088": "salesorder",
  "1090": "invoice",
  "4201": "appointment",
  "4202": "email",
  "4210": "phonecall",
  "4212": "task"
}

/** A lower-case GUID without braces, or null. Accepts `{…}`, `%7B…%7D` (also double-encoded). */
export function normalizeGuid(raw: string | null | undefined): string | null {
  if (!raw) return null
  let value = raw.trim()
  for (let i = 0; i < 2 && /%[0-9a-f]{2}/i.test(value); i++) {
    try {
      value = decodeURIComponent(value)
    } catch {
      return null
    }
  }
  value = value.trim().toLowerCase().replace(/^\{/, "").replace(/\}$/, "")
  return GUID.test(value) && value !== NULL_GUID ? value : null
}

/** Query parameters with lower-cased names; the first occurrence of a name wins. */
function params(query: string): Map<string, string> {
  const map = new Map<string, string>()
  for (const [key, value] of new URLSearchParams(query.replace(/^\?/, ""))) {
    const k = key.toLowerCase()
    if (!map.has(k)) map.set(k, value)
  }
  return map
}

export function parseDynamicsUrl(url: string, options: ParseDynamicsUrlOptions = {}): DynamicsRecordRef | null {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return null
  }
  const online = isDynamicsHost(u.hostname)
  if (!online && !options.allowAnyHost) return null
  // Online orgs are https only; on-premises deployments may still serve http.
  if (u.protocol !== "https:" && !(u.protocol === "http:" && !online)) return null

  // "/main.aspx" online; "/main.aspx" or "/<OrgName>/main.aspx" on premises.
  const path = /^\/(?:([^/]+)\/)?main\.aspx$/i.exec(u.pathname)
  if (!path) return null
  // On-premises org names are plain identifiers; anything else (or any segment online) is not main.aspx of an org.
  const orgPath = path[1]
  if (orgPath && (online || !/^[A-Za-z0-9_-]{1,64}$/.test(orgPath))) return null

  const top = params(u.search)
  // extraqs is itself a query string (URLSearchParams decoded one level already).
  const extra = params(top.get("extraqs") ?? "")
  const pageType = (top.get("pagetype") ?? extra.get("pagetype") ?? "").toLowerCase()
  if (pageType !== "entityrecord") return null

  const etn = (top.get("etn") ?? extra.get("etn") ?? "").toLowerCase()
  const etc = top.get("etc") ?? extra.get("etc") ?? ""
  const objectType = etn || SYSTEM_TYPE_CODES[etc] || ""
  if (!LOGICAL_NAME.test(objectType)) return null

  const id = normalizeGuid(top.get("id") ?? extra.get("id"))
  if (!id) return null

  return {
    crm: "dynamics",
    host: u.host.toLowerCase(),
    org: dynamicsOrgName(u.hostname, orgPath),
    objectType,
    id,
    clientUrl: `${u.protocol}//${u.host.toLowerCase()}${orgPath ? `/${orgPath}` : ""}`
  }
}
