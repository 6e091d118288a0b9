/**
 * Dynamics 365's page connector (src/crm/contract.ts): what the content script needs, and
 * nothing of the API side. Loads on every Dynamics page, inside the 15 KiB budget. The Xrm
 * bridge's form values are merged over `readRecord` by the content script, which owns the bridge.
 */
import { isDynamicsPriceInput } from "../../chip/detect"
import type { PageConnector } from "../contract"
import { looksLikeDynamics, readDynamicsRecord } from "./dom"
import { dynamicsOrgName, isDynamicsHost } from "./hosts"
import { parseDynamicsUrl } from "./url"

/** An on-premises org path is one plain segment (`/contoso/main.aspx`); a file name is not one. */
const ORG_PATH = /^[\w-]+$/

export const dynamicsPage: PageConnector = {
  crm: "dynamics",
  // Any host: on a host the rep granted (on-premises), `orgOf` with the page's own markers decides.
  // The observation's host is the bare host name (the background checks it against the sender's
  // hostname); an on-premises port stays in the page URL, which the API root is built from.
  parseUrl: (url) => {
    const ref = parseDynamicsUrl(url, { allowAnyHost: true })
    return ref && { ...ref, host: new URL(url).hostname }
  },
  // On premises the org is the bare host, or `<host>/<orgname>` when the org is a path segment.
  orgOf: (host, options) =>
    isDynamicsHost(host) ? dynamicsOrgName(host) : options?.granted ? dynamicsOrgName(host, ORG_PATH.test(options.orgPath ?? "") ? options.orgPath : undefined) : null,
  // looksLikeDynamics only queries below its argument: any root will do.
  recognises: looksLikeDynamics as (root: ParentNode) => boolean,
  readRecord: readDynamicsRecord,
  priceInputs: isDynamicsPriceInput
}
