/**
 * Salesforce's page connector (src/crm/contract.ts): what the content script needs, and nothing
 * of the API side. Loads on every Salesforce page, inside the 15 KiB budget.
 */
import { isSalesforcePriceInput } from "../../chip/detect"
import type { PageConnector } from "../contract"
import { readSalesforceRecord, readSalesforceTitle } from "./dom"
import { orgFromHost } from "./hosts"
import { parseSalesforceUrl } from "./url"

export const salesforcePage: PageConnector = {
  crm: "salesforce",
  parseUrl: parseSalesforceUrl,
  // Salesforce is cloud only: a granted host or a path never makes a Salesforce org.
  orgOf: (host) => orgFromHost(host),
  readRecord: readSalesforceRecord,
  readTitle: readSalesforceTitle,
  priceInputs: isSalesforcePriceInput
}
