/**
 * The API side of every CRM, chosen by CRM: the only place outside `src/crm/<crm>/` that names
 * a connector (src/crm/contract.ts). The background asks here and never branches on the CRM;
 * the panel asks rules-registry.ts (the pure rules, without the sync code); content scripts
 * import only their own CRM's page.ts.
 */
import type { Crm } from "../model/schema"
import type { ApiConnector } from "./contract"
import { dynamicsConnector } from "./dynamics/connector"
import { salesforceConnector } from "./salesforce/connector"

export { crmRules, rulesFor } from "./rules-registry"

export const connectors: Readonly<Record<Crm, ApiConnector>> = {
  salesforce: salesforceConnector,
  dynamics: dynamicsConnector
}

export function connectorFor(crm: Crm): ApiConnector {
  return connectors[crm]
}
