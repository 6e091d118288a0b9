/**
 * Links from Parley back to a CRM record. CRM data is untrusted, so a link is built only from
 * validated parts and only to the CRM host the rep uses, over https; each connector builds its
 * own URL shape (`recordUrl`), and this file checks what every CRM's link must satisfy. Anything
 * else (http, another host or org, an id or object name that is not one) → null.
 */
import { parseRecordKey } from "../model/keys"
import type { OrgLocation } from "./contract"
import { rulesFor } from "./rules-registry"

/** Where the CRM lives: from the focused tab, or from the `orgs` row for another org. */
export type CrmLocation = OrgLocation

export interface LinkTarget {
  recordKey: string
  recordType?: string
  sourceObject?: string
}

const HOST = /^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?)*(:\d{1,5})?$/

/** The CRM address of the record behind `target`, or null when it cannot be linked safely. */
export function buildRecordLink(location: CrmLocation, target: LinkTarget): string | null {
  const host = location.host.trim().toLowerCase().replace(/:443$/, "") // URL drops the default port
  if (!HOST.test(host)) return null
  if (location.url !== undefined && !location.url.startsWith("https://")) return null
  const key = parseRecordKey(target.recordKey)
  if (!key || key.crm !== location.crm || key.org !== location.org) return null
  const connector = rulesFor(location.crm)
  const object = target.sourceObject ?? (target.recordType ? connector.objectFor(target.recordType) : undefined)
  if (!object) return null
  const href = connector.recordUrl({ ...location, host }, object, key.id)
  if (!href) return null
  // Belt and braces: what the browser would open must be https on exactly this host.
  try {
    const parsed = new URL(href)
    if (parsed.protocol !== "https:" || parsed.host !== host) return null
  } catch {
    return null
  }
  return href
}
