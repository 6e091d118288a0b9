/**
 * An observation describes the page it came from, and the background must not take the content
 * script's word for where that is: a compromised renderer could otherwise point the org's host
 * (where syncs fetch, where snapshots upload, what panel links open) at any https host. The host,
 * URL, CRM and org must all follow from the sender's own URL.
 */
import { dynamicsOrgName, isDynamicsHost } from "../../crm/dynamics/hosts"
import { isSalesforceHost, orgFromHost } from "../../crm/salesforce/hosts"
import type { PageObservation } from "../../messaging/messages"

/** Null when the observation is consistent with its sender; else why it is refused. */
export function verifyObservation(page: PageObservation, senderUrl: string, grantedHost: (host: string) => boolean): string | null {
  let sender: URL
  let claimed: URL
  try {
    sender = new URL(senderUrl)
    claimed = new URL(page.url)
  } catch {
    return "page url is not a URL"
  }
  if (claimed.origin !== sender.origin) return "page url is not the sender's page"
  if (page.host !== sender.hostname) return "host is not the sender's host"
  if (page.crm === "salesforce") {
    if (!isSalesforceHost(page.host)) return "not a Salesforce host"
    return page.org === orgFromHost(page.host) ? null : "org does not match the host"
  }
  if (isDynamicsHost(page.host)) return page.org === dynamicsOrgName(page.host) ? null : "org does not match the host"
  if (!grantedHost(page.host)) return "not a Dynamics host"
  // On premises the org is `<host>/<orgname>` or the bare host.
  return page.org === dynamicsOrgName(page.host) || page.org.startsWith(`${dynamicsOrgName(page.host)}/`) ? null : "org does not match the host"
}
