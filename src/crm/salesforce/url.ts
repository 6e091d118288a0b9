/**
 * Which Salesforce record a URL shows. Pure and cheap: the content script calls it on every SPA
 * navigation. Ids come back in their 18-character form so one record never gets two keys.
 */
import { isClassicHost, isSalesforceHost, orgFromHost } from "./hosts"
import { objectTypeFromId, toId18 } from "./ids"

export interface SalesforceRecordRef {
  crm: "salesforce"
  /** The host as in the URL (lower case), e.g. `northwind.lightning.force.com`. */
  host: string
  /** My Domain name, e.g. `northwind`, `acme--uat`. */
  org: string
  /** API name (`Account`, `Opportunity`, `Foo__c`); `""` when neither the URL nor the key prefix names it. */
  objectType: string
  /** 18-character id. */
  id: string
}

/** A record found in a path, before the host is known. */
export interface SalesforcePathRecord {
  objectType: string
  id: string
}

const OBJECT_NAME = /^[A-Za-z][A-Za-z0-9_]*$/
/** What may follow the id in a Lightning record URL: view, edit, a related list (the parent is the record). */
const RECORD_ACTIONS = new Set(["view", "edit", "related", "clone"])

function record(id: string, objectType?: string): SalesforcePathRecord | null {
  const id18 = toId18(id)
  if (!id18) return null
  return { objectType: objectType ?? objectTypeFromId(id18) ?? "", id: id18 }
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part)
  } catch {
    return part
  }
}

/** `/lightning/r/<Object>/<Id>/view`, `/lightning/r/<Id>/view`, `.../related/<Rel>/view`. */
function fromLightningPath(segments: string[]): SalesforcePathRecord | null {
  if (segments[0] !== "lightning" || segments[1] !== "r") return null
  const [, , first, second, third] = segments
  if (!first) return null
  // Short form: the segment after `r` is the id itself.
  if (toId18(first) && (second === undefined || RECORD_ACTIONS.has(second))) {
    // `/lightning/r/Account/…` never reaches here: "Account" is not a valid id.
    return record(first)
  }
  if (!OBJECT_NAME.test(first) || !second) return null
  if (third !== undefined && !RECORD_ACTIONS.has(third)) return null
  return record(second, first)
}

/** Legacy Lightning: `/one/one.app#/sObject/<Id>/view`. */
function fromOneApp(pathname: string, hash: string): SalesforcePathRecord | null {
  if (!pathname.startsWith("/one/one.app")) return null
  const match = /^#\/sObject\/([A-Za-z0-9]{15,18})(?:\/|$|\?)/.exec(hash)
  return match ? record(match[1]!) : null
}

/**
 * Classic: `/<id>` or `/<id>/e`, accepted only for a known key prefix or an id containing `0000`
 * (the Salesforce Inspector rule), so `/home/home.jsp` or `/apex/Foo` never look like records.
 */
function fromClassicPath(segments: string[]): SalesforcePathRecord | null {
  if (segments.length < 1 || segments.length > 2) return null
  const [id, action] = segments
  if (!id || (action !== undefined && action !== "e")) return null
  if (id.length !== 15 && id.length !== 18) return null
  const found = record(id)
  if (!found) return null
  return found.objectType || id.includes("0000") ? found : null
}

/** The record a Lightning path shows (used for console `ws` values and for links inside the page). */
export function parseSalesforcePath(path: string): SalesforcePathRecord | null {
  const [pathname = "", hash = ""] = path.split("#", 2)
  const clean = pathname.split("?")[0]!
  const segments = clean.split("/").filter(Boolean).map(safeDecode)
  return fromLightningPath(segments) ?? fromOneApp(clean, hash ? `#${hash}` : "")
}

/** The record a Salesforce URL shows, or null for anything that is not one record's page. */
export function parseSalesforceUrl(url: string): SalesforceRecordRef | null {
  if (typeof url !== "string" || url.length > 4096) return null
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== "https:") return null
  const host = parsed.hostname.toLowerCase()
  if (!isSalesforceHost(host)) return null
  const org = orgFromHost(host)
  if (!org) return null

  const segments = parsed.pathname.split("/").filter(Boolean).map(safeDecode)
  let found = fromLightningPath(segments) ?? fromOneApp(parsed.pathname, parsed.hash)
  if (!found) {
    // Console apps: the focused subtab is the path; when the path is not a record, the workspace is.
    const ws = parsed.searchParams.get("ws")
    if (ws && ws.startsWith("/")) found = parseSalesforcePath(ws)
  }
  if (!found && isClassicHost(host)) found = fromClassicPath(segments)
  return found ? { crm: "salesforce", host, org, objectType: found.objectType, id: found.id } : null
}
