/**
 * What the content script imports from the Salesforce connector: URL and DOM readers only, no zod,
 * no Dexie (the content script's budget is 15 KiB minified). The background imports the sync from
 * `./sync` directly.
 */
export { parseSalesforceUrl, parseSalesforcePath, type SalesforceRecordRef } from "./url"
export { isSalesforceHost, orgFromHost, toApiHost } from "./hosts"
export { readSalesforceRecord, readSalesforceTitle, type SalesforceFieldValue, type SalesforcePageRecord } from "./dom"
export { toId18, objectTypeFromId } from "./ids"
