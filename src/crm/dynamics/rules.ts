/**
 * Dynamics 365's pure rules (src/crm/contract.ts `CrmRules`): which account a record names, the
 * address of a record, the org URL (on-premises host with its port and `/<org>` path) that the
 * connector's `apiRoot` builds on. No sync code: the panel imports these through the registry.
 */
import { CRM_OBJECTS } from "../../model/crm-objects"
import type { AccountCandidate, CrmRules, OrgLocation, RecordLike } from "../contract"
import { parseDynamicsUrl } from "./url"

/**
 * Lookups that can name the account. `customerid` and `parentcustomerid` may point at a contact,
 * so the account-only lookups come first; the resolver prefers a candidate already known as an
 * account (src/crm/account.ts).
 */
const ACCOUNT_LOOKUPS = ["parentaccountid", "accountid", "customerid", "parentcustomerid"]

const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i
const TABLE = /^[a-z][a-z0-9_]{0,63}$/
const SEGMENT = /^[A-Za-z0-9_.-]+$/

/**
 * The org's path on its host: "" online, "/<orgname>" on premises. The org key says which
 * (`crm.contoso.local/contoso`, lower-cased); a page URL of the org (`/Contoso/main.aspx`) gives
 * the path as the server spells it. Null when the key's path is not a plain segment.
 */
export function dynamicsBasePath(org: Pick<OrgLocation, "org" | "url">): string | null {
  const segment = org.org.split("/").slice(1).join("/")
  if (segment === "") return ""
  if (!SEGMENT.test(segment)) return null
  let fromUrl: string | undefined
  try {
    fromUrl = org.url ? /^\/([^/]+)\//.exec(new URL(org.url).pathname)?.[1] : undefined
  } catch {
    fromUrl = undefined
  }
  return `/${fromUrl && fromUrl.toLowerCase() === segment.toLowerCase() ? fromUrl : segment}`
}


export const dynamicsRules: CrmRules = {
  crm: "dynamics",
  label: "Dynamics 365",

  // Any host: on a granted host (on premises), the page connector's `orgOf` decides whose it is.
  parseUrl: (url) => parseDynamicsUrl(url, { allowAnyHost: true }),

  objectFor: (recordType) => (CRM_OBJECTS as Readonly<Record<string, { dynamics: string }>>)[recordType]?.dynamics,

  accountOf(record: RecordLike): AccountCandidate[] {
    const fields = record.fields ?? {}
    const byLower = new Map(Object.keys(fields).map((name) => [name.toLowerCase(), name]))
    const out: AccountCandidate[] = []
    for (const wanted of ACCOUNT_LOOKUPS) {
      const name = byLower.get(wanted)
      const field = name === undefined ? undefined : fields[name]
      const id = field?.relatedId ? GUID.exec(field.relatedId.trim())?.[1]?.toLowerCase() : undefined
      if (!field || !id || out.some((c) => c.id === id)) continue
      const shown = field.value.trim()
      out.push(shown ? { id, nameOnPage: shown } : { id })
    }
    return out
  },

  recordUrl(org, object, id) {
    const table = object.toLowerCase()
    const base = dynamicsBasePath(org)
    if (base === null || !TABLE.test(table) || !GUID.test(id) || id.includes("{")) return null
    return `https://${org.host}${base}/main.aspx?pagetype=entityrecord&etn=${table}&id=${id.toLowerCase()}`
  }
}

