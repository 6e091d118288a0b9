/**
 * The API side of every CRM, chosen by CRM: the only place outside `src/crm/<crm>/` that names
 * a connector (src/crm/contract.ts). The background and the panel ask here and never branch on
 * the CRM themselves. Content scripts must not import this file (it carries the API side).
 */
import type { Crm } from "../model/schema"
import type { ApiConnector } from "./contract"
import { dynamicsConnector } from "./dynamics/connector"
import { salesforceConnector } from "./salesforce/connector"

export const connectors: Readonly<Record<Crm, ApiConnector>> = {
  salesforce: salesforceConnector,
  dynamics: dynamicsConnector
}

export function connectorFor(crm: Crm): ApiConnector {
  return connectors[crm]
}
