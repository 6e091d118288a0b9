/**
 * Links from evidence back to the CRM record. CRM data is untrusted, so a link is built only
 * from validated parts and only to the CRM host the rep is using, over https:
 * - Salesforce: `https://<host>/lightning/r/<Object>/<id>/view`
 * - Dynamics:   `https://<host>[/<org path>]/main.aspx?pagetype=entityrecord&etn=<table>&id=<guid>`
 * Anything else (http, a different host or org, an id or object name that is not one) → null,
 * and the panel shows the evidence without a link.
 */
import { crmObjectFor } from "../model/crm-objects"
import type { Crm } from "../model/schema"
import { parseRecordKey } from "../model/keys"

/** Where the CRM lives: from the focused tab, or from the `orgs` row for another org. */
export interface CrmLocation {
  crm: Crm
  org: string
  host: string
  /** A page URL of the org (focus.url): gives the scheme and the on-premises org path. */
  url?: string
}

export interface LinkTarget {
  recordKey: string
  recordType?: string
  sourceObject?: string
}


const HOST = /^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?)*(:\d{1,5})?$/
const SF_OBJECT = /^[A-Za-z][A-Za-z0-9_]{0,79}$/
const SF_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/
const D365_TABLE = /^[a-z][a-z0-9_]{0,63}$/
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/**
 * The on-premises org segment of a Dynamics page URL (`/contoso/main.aspx` → "/contoso"); without
 * a page URL, from the org name ("crm.contoso.local/contoso", hosts.ts `dynamicsOrgName`).
 */
function dynamicsBasePath(pageUrl: string | undefined, org: string): string | null {
  if (!pageUrl) {
    const segment = org.split("/")[1]
    return segment === undefined ? "" : /^[A-Za-z0-9_.-]+$/.test(segment) ? `/${segment}` : null
  }
  let path: string
  try {
    path = new URL(pageUrl).pathname
  } catch {
    return null
  }
  const at = path.toLowerCase().lastIndexOf("/main.aspx")
  if (at <= 0) return ""
  const base = path.slice(0, at)
  return /^(\/[A-Za-z0-9_.-]+)+$/.test(base) ? base : null
}

/** The CRM address of the record behind `target`, or null when it cannot be linked safely. */
export function buildRecordLink(location: CrmLocation, target: LinkTarget): string | null {
  const host = location.host.trim().toLowerCase().replace(/:443$/, "") // URL drops the default port
  if (!HOST.test(host)) return null
  if (location.url !== undefined && !location.url.startsWith("https://")) return null
  const key = parseRecordKey(target.recordKey)
  if (!key || key.crm !== location.crm || key.org !== location.org) return null
  const object = target.sourceObject ?? (target.recordType ? crmObjectFor(target.recordType, location.crm) : undefined)
  if (!object) return null
  let href: string
  if (location.crm === "salesforce") {
    if (!SF_OBJECT.test(object) || !SF_ID.test(key.id)) return null
    href = `https://${host}/lightning/r/${object}/${key.id}/view`
  } else {
    const table = object.toLowerCase()
    const base = dynamicsBasePath(location.url, location.org)
    if (base === null || !D365_TABLE.test(table) || !GUID.test(key.id)) return null
    href = `https://${host}${base}/main.aspx?pagetype=entityrecord&etn=${table}&id=${key.id}`
  }
  // Belt and braces: what the browser would open must be https on exactly this host.
  try {
    const parsed = new URL(href)
    if (parsed.protocol !== "https:" || parsed.host !== host) return null
  } catch {
    return null
  }
  return href
}
