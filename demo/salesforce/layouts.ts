/**
 * Page layouts of the demo org (which fields, in which sections, which related lists), as data,
 * and the en-US formatting Lightning applies to each field type.
 */
import type { SalesforceDemoData, SObjectRecord } from "./records"

export type FieldKind =
  | "text"
  | "textarea"
  | "picklist"
  | "currency"
  | "number"
  | "percent"
  | "date"
  | "datetime"
  | "phone"
  | "email"
  | "url"
  | "name"
  | "address"
  | "lookup"
  | "checkbox"

export interface FieldSpec {
  api: string
  label: string
  kind: FieldKind
}

export interface RelatedSpec {
  title: string
  relationship: string
  type: string
  /** Rows of `type` whose `field` holds the record's id. */
  field: string
  columns: FieldSpec[]
  /** Sort rows by this field, newest first. */
  newestFirst?: string
}

export interface Layout {
  object: string
  label: string
  plural: string
  /** Tab of the navigation bar that is active on this object's pages. */
  tab: string
  icon: { color: string; glyph: string }
  /** The record name in the highlights panel. */
  title: string
  highlights: FieldSpec[]
  sections: { title: string; fields: FieldSpec[] }[]
  related: RelatedSpec[]
  /** Opportunity pages show the stage path. */
  path?: string[]
}

const f = (api: string, label: string, kind: FieldKind = "text"): FieldSpec => ({ api, label, kind })

export const LAYOUTS: Readonly<Record<string, Layout>> = {
  Account: {
    object: "Account",
    label: "Account",
    plural: "Accounts",
    tab: "Accounts",
    icon: { color: "#5867e8", glyph: "A" },
    title: "Name",
    highlights: [f("Type", "Type", "picklist"), f("Phone", "Phone", "phone"), f("Website", "Website", "url"), f("OwnerId", "Account Owner", "lookup"), f("Industry", "Industry", "picklist")],
    sections: [
      {
        title: "Account Information",
        fields: [
          f("OwnerId", "Account Owner", "lookup"),
          f("Name", "Account Name"),
          f("Type", "Type", "picklist"),
          f("Industry", "Industry", "picklist"),
          f("AnnualRevenue", "Annual Revenue", "currency"),
          f("AccountSource", "Account Source", "picklist"),
          f("Phone", "Phone", "phone"),
          f("Website", "Website", "url")
        ]
      },
      { title: "Address Information", fields: [f("BillingAddress", "Billing Address", "address"), f("Description", "Description", "textarea")] }
    ],
    related: [
      { title: "Contacts", relationship: "Contacts", type: "Contact", field: "AccountId", columns: [f("Name", "Name"), f("Title", "Title"), f("Email", "Email", "email"), f("Phone", "Phone", "phone")] },
      {
        title: "Opportunities",
        relationship: "Opportunities",
        type: "Opportunity",
        field: "AccountId",
        newestFirst: "CloseDate",
        columns: [f("Name", "Opportunity Name"), f("StageName", "Stage", "picklist"), f("Amount", "Amount", "currency"), f("CloseDate", "Close Date", "date")]
      },
      { title: "Cases", relationship: "Cases", type: "Case", field: "AccountId", columns: [f("CaseNumber", "Case Number"), f("Subject", "Subject"), f("Status", "Status", "picklist"), f("Priority", "Priority", "picklist")] },
      { title: "Contracts", relationship: "Contracts", type: "Contract", field: "AccountId", columns: [f("ContractNumber", "Contract Number"), f("Status", "Status", "picklist"), f("StartDate", "Contract Start Date", "date"), f("ContractTerm", "Contract Term (months)", "number")] }
    ]
  },
  Contact: {
    object: "Contact",
    label: "Contact",
    plural: "Contacts",
    tab: "Contacts",
    icon: { color: "#a094ed", glyph: "C" },
    title: "Name",
    highlights: [f("Title", "Title"), f("AccountId", "Account Name", "lookup"), f("Phone", "Phone", "phone"), f("Email", "Email", "email")],
    sections: [
      {
        title: "Contact Information",
        fields: [f("OwnerId", "Contact Owner", "lookup"), f("Name", "Name", "name"), f("AccountId", "Account Name", "lookup"), f("Title", "Title"), f("Email", "Email", "email"), f("Phone", "Phone", "phone")]
      }
    ],
    related: [{ title: "Cases", relationship: "Cases", type: "Case", field: "ContactId", columns: [f("CaseNumber", "Case Number"), f("Subject", "Subject"), f("Status", "Status", "picklist")] }]
  },
  Opportunity: {
    object: "Opportunity",
    label: "Opportunity",
    plural: "Opportunities",
    tab: "Opportunities",
    icon: { color: "#ff5d2d", glyph: "O" },
    title: "Name",
    highlights: [f("AccountId", "Account Name", "lookup"), f("CloseDate", "Close Date", "date"), f("Amount", "Amount", "currency"), f("OwnerId", "Opportunity Owner", "lookup")],
    path: ["Prospecting", "Qualification", "Needs Analysis", "Proposal/Price Quote", "Negotiation/Review", "Closed"],
    sections: [
      {
        title: "Opportunity Information",
        fields: [
          f("OwnerId", "Opportunity Owner", "lookup"),
          f("Name", "Opportunity Name"),
          f("AccountId", "Account Name", "lookup"),
          f("CloseDate", "Close Date", "date"),
          f("Type", "Type", "picklist"),
          f("StageName", "Stage", "picklist"),
          f("LeadSource", "Lead Source", "picklist"),
          f("Probability", "Probability (%)", "percent"),
          f("Amount", "Amount", "currency"),
          f("Loss_Reason__c", "Loss Reason", "picklist")
        ]
      },
      { title: "Description Information", fields: [f("Description", "Description", "textarea")] }
    ],
    related: [
      {
        title: "Quotes",
        relationship: "Quotes",
        type: "Quote",
        field: "OpportunityId",
        columns: [f("Name", "Quote Name"), f("QuoteNumber", "Quote Number"), f("Status", "Status", "picklist"), f("GrandTotal", "Grand Total", "currency")]
      },
      {
        title: "Products",
        relationship: "OpportunityLineItems",
        type: "OpportunityLineItem",
        field: "OpportunityId",
        columns: [f("Product2Id", "Product", "lookup"), f("Quantity", "Quantity", "number"), f("ListPrice", "List Price", "currency"), f("UnitPrice", "Sales Price", "currency")]
      },
      {
        title: "Stage History",
        relationship: "OpportunityHistories",
        type: "OpportunityHistory",
        field: "OpportunityId",
        newestFirst: "CreatedDate",
        columns: [f("StageName", "Stage", "picklist"), f("Amount", "Amount", "currency"), f("CreatedDate", "Last Modified", "datetime")]
      }
    ]
  },
  Quote: {
    object: "Quote",
    label: "Quote",
    plural: "Quotes",
    tab: "Quotes",
    icon: { color: "#88c651", glyph: "Q" },
    title: "Name",
    highlights: [f("OpportunityId", "Opportunity Name", "lookup"), f("AccountId", "Account Name", "lookup"), f("Status", "Status", "picklist"), f("GrandTotal", "Grand Total", "currency")],
    sections: [
      {
        title: "Quote Information",
        fields: [
          f("Name", "Quote Name"),
          f("QuoteNumber", "Quote Number"),
          f("OpportunityId", "Opportunity Name", "lookup"),
          f("AccountId", "Account Name", "lookup"),
          f("Status", "Status", "picklist"),
          f("ExpirationDate", "Expiration Date", "date")
        ]
      },
      { title: "Totals", fields: [f("Subtotal", "Subtotal", "currency"), f("Discount", "Discount", "percent"), f("TotalPrice", "Total Price", "currency"), f("GrandTotal", "Grand Total", "currency")] }
    ],
    related: [
      {
        title: "Quote Line Items",
        relationship: "QuoteLineItems",
        type: "QuoteLineItem",
        field: "QuoteId",
        columns: [f("Product2Id", "Product", "lookup"), f("ListPrice", "List Price", "currency"), f("UnitPrice", "Sales Price", "currency"), f("Quantity", "Quantity", "number"), f("TotalPrice", "Total Price", "currency")]
      }
    ]
  },
  Case: {
    object: "Case",
    label: "Case",
    plural: "Cases",
    tab: "Cases",
    icon: { color: "#f2cf5b", glyph: "!" },
    title: "CaseNumber",
    highlights: [f("Priority", "Priority", "picklist"), f("Status", "Status", "picklist"), f("CaseNumber", "Case Number"), f("AccountId", "Account Name", "lookup")],
    sections: [
      {
        title: "Case Information",
        fields: [
          f("CaseNumber", "Case Number"),
          f("OwnerId", "Case Owner", "lookup"),
          f("Status", "Status", "picklist"),
          f("Priority", "Priority", "picklist"),
          f("Origin", "Case Origin", "picklist"),
          f("Type", "Type", "picklist"),
          f("Reason", "Case Reason", "picklist"),
          f("AccountId", "Account Name", "lookup"),
          f("ContactId", "Contact Name", "lookup"),
          f("IsEscalated", "Escalated", "checkbox"),
          f("CreatedDate", "Date/Time Opened", "datetime"),
          f("ClosedDate", "Date/Time Closed", "datetime")
        ]
      },
      { title: "Description Information", fields: [f("Subject", "Subject"), f("Description", "Description", "textarea")] }
    ],
    related: [
      {
        title: "Emails",
        relationship: "EmailMessages",
        type: "EmailMessage",
        field: "ParentId",
        newestFirst: "MessageDate",
        columns: [f("Subject", "Subject"), f("FromAddress", "From Address", "email"), f("MessageDate", "Message Date", "datetime")]
      }
    ]
  },
  Contract: {
    object: "Contract",
    label: "Contract",
    plural: "Contracts",
    tab: "Contracts",
    icon: { color: "#ef6e64", glyph: "K" },
    title: "ContractNumber",
    highlights: [f("AccountId", "Account Name", "lookup"), f("Status", "Status", "picklist"), f("StartDate", "Contract Start Date", "date")],
    sections: [
      {
        title: "Contract Information",
        fields: [
          f("ContractNumber", "Contract Number"),
          f("Name", "Contract Name"),
          f("AccountId", "Account Name", "lookup"),
          f("Status", "Status", "picklist"),
          f("StartDate", "Contract Start Date", "date"),
          f("EndDate", "Contract End Date", "date"),
          f("ContractTerm", "Contract Term (months)", "number"),
          f("Description", "Description", "textarea")
        ]
      }
    ],
    related: []
  }
}

const money = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2 })
const number = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 })
const date = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "numeric", day: "numeric", timeZone: "UTC" })
const dateTime = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "2-digit", timeZone: "UTC" })

const toMs = (v: string) => Date.parse(v.length === 10 ? `${v}T00:00:00Z` : v.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"))

/** A field as Lightning shows it for an en-US user (the org's single currency is USD). */
export function formatValue(kind: FieldKind, value: unknown): string {
  if (value === null || value === undefined || value === "") return ""
  switch (kind) {
    case "currency":
      return money.format(Number(value))
    case "number":
      return number.format(Number(value))
    case "percent":
      return `${number.format(Number(value))}%`
    case "date":
      return date.format(toMs(String(value)))
    case "datetime":
      return dateTime.format(toMs(String(value)))
    case "checkbox":
      return value ? "true" : "false"
    default:
      return String(value)
  }
}

/** What a lookup shows: the related record's name (a case shows its number). */
export function lookupName(data: SalesforceDemoData, id: unknown): string {
  const record = typeof id === "string" ? data.byId.get(id) : undefined
  if (!record) return ""
  return String(record.Name ?? record.CaseNumber ?? record.ContractNumber ?? record.QuoteNumber ?? record.Id)
}

/** Compound fields the demo records store flat. */
export function fieldValue(record: SObjectRecord, api: string): unknown {
  if (api === "BillingAddress") return [record.BillingCity, record.BillingCountry].filter(Boolean)
  return record[api]
}

/** The record's name as the highlights panel shows it. */
export function recordTitle(record: SObjectRecord): string {
  const layout = LAYOUTS[record.attributes.type]
  return String((layout && record[layout.title]) ?? record.Name ?? record.Id)
}
