/**
 * Finds the rep's Salesforce API session for a Lightning tab, the way Salesforce Inspector
 * Reloaded does: the Lightning host's `sid` is UI-only, so take its org id prefix and find the
 * `sid` cookie of the same org on the My Domain API host. The session is used for the requests
 * of one sync and never stored.
 */
import { isSalesforceHost } from "../crm/salesforce/hosts"

export interface CookieReader {
  get(details: { url: string; name: string }): Promise<{ value: string; domain: string } | null>
  getAll(details: { name: string; domain: string; secure: boolean }): Promise<{ value: string; domain: string }[]>
}

export interface SalesforceSession {
  apiHost: string
  orgId: string
  sid: string
}

/** Cookie domains that can hold an API-capable `sid` (commercial, government, China). */
const API_COOKIE_DOMAINS = ["salesforce.com", "cloudforce.com", "salesforce.mil", "cloudforce.mil", "sfcrmproducts.cn", "force.com"]

/** The API host must itself be Salesforce's: a session is never sent anywhere else. */
export async function findSalesforceSession(cookies: CookieReader, uiHost: string, fallbackApiHost: string): Promise<SalesforceSession | null> {
  const uiCookie = await cookies.get({ url: `https://${uiHost}`, name: "sid" })
  const orgId = uiCookie?.value.split("!")[0]
  if (orgId && /^00D[A-Za-z0-9]{12}$/.test(orgId)) {
    for (const domain of API_COOKIE_DOMAINS) {
      const candidates = await cookies.getAll({ name: "sid", domain, secure: true })
      const match = candidates.find(
        (c) => c.value.startsWith(`${orgId}!`) && !c.domain.includes("help.salesforce.com") && !/lightning\.force\.|\.vf\.force\.|visualforce/.test(c.domain)
      )
      const apiHost = match?.domain.replace(/^\./, "")
      if (match && apiHost && isSalesforceHost(apiHost)) return { apiHost, orgId, sid: match.value }
    }
  }
  // mcas.ms proxies and orgs without a readable UI cookie: try the derived API host directly.
  if (!isSalesforceHost(fallbackApiHost)) return null
  const direct = await cookies.get({ url: `https://${fallbackApiHost}`, name: "sid" })
  if (!direct) return null
  return { apiHost: fallbackApiHost, orgId: direct.value.split("!")[0] ?? "", sid: direct.value }
}
