import type { Crm } from "./schema"

/**
 * The CRM object behind each canonical record type (research/crm-formats.md §4), so evidence
 * and links can point back at the record in the CRM. Interactions name their own object.
 */
export const CRM_OBJECTS = {
  Account: { salesforce: "Account", dynamics: "account" },
  Contact: { salesforce: "Contact", dynamics: "contact" },
  Deal: { salesforce: "Opportunity", dynamics: "opportunity" },
  Quote: { salesforce: "Quote", dynamics: "quote" },
  QuoteLine: { salesforce: "QuoteLineItem", dynamics: "quotedetail" },
  Case: { salesforce: "Case", dynamics: "incident" },
  Contract: { salesforce: "Contract", dynamics: "contract" }
} as const satisfies Readonly<Record<string, Readonly<Record<Crm, string>>>>

export type CrmObjectRecordType = keyof typeof CRM_OBJECTS

export function crmObjectFor(recordType: string, crm: Crm): string | undefined {
  return (CRM_OBJECTS as Readonly<Record<string, Readonly<Record<Crm, string>>>>)[recordType]?.[crm]
}
