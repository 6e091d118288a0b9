/**
 * The page side of every CRM, chosen by CRM (src/crm/contract.ts). For the background and tests:
 * a content script imports only its own CRM's `page.ts`, so it never carries the other CRM.
 */
import type { Crm } from "../model/schema"
import type { PageConnector } from "./contract"
import { dynamicsPage } from "./dynamics/page"
import { salesforcePage } from "./salesforce/page"

export const pageConnectors: Readonly<Record<Crm, PageConnector>> = {
  salesforce: salesforcePage,
  dynamics: dynamicsPage
}

export function pageConnectorFor(crm: Crm): PageConnector {
  return pageConnectors[crm]
}
