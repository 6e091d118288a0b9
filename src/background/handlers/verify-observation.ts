/**
 * An observation describes the page it came from, and the background must not take the content
 * script's word for where that is: a compromised renderer could otherwise point the org's host
 * (where syncs fetch, where snapshots upload, what panel links open) at any https host. The host,
 * URL, CRM and org must all follow from the sender's own URL.
 */
import { pageConnectorFor } from "../../crm/page-registry"
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
  const connector = pageConnectorFor(page.crm)
  // Without `granted`, only the CRM's own cloud hosts have an org.
  const granted = connector.orgOf(page.host) === null && grantedHost(page.host)
  if (connector.orgOf(page.host) === null && !granted) return `not a ${page.crm} host`
  // The org must be the one the host gives (on premises, with the org path it claims).
  return connector.orgOf(page.host, { orgPath: page.org.split("/")[1], granted }) === page.org ? null : "org does not match the host"
}
