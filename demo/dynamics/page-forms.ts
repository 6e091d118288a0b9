/**
 * The main forms of the demo Unified Interface pages, as data: header fields, tabs, sections and
 * sub-grids per table, close to the out-of-the-box Sales Hub / Customer Service Hub forms.
 */

export type FieldKind = "text" | "memo" | "email" | "phone" | "url" | "money" | "decimal" | "integer" | "date" | "datetime" | "option" | "lookup" | "boolean" | "status"

export interface FieldDef {
  name: string
  label: string
  kind: FieldKind
  readOnly?: boolean
  /** Option labels (value → label) for choice columns. */
  options?: Record<number, string>
  /** Boolean labels [false, true]. */
  booleanLabels?: [string, string]
}

export interface SubgridDef {
  name: string
  title: string
  /** Entity set and the lookup column pointing at this record. */
  set: string
  parentColumn: string
  target: string
  columns: { name: string; label: string }[]
}

export interface FormDef {
  entity: string
  display: string
  /** Entity set of the record, its primary name column. */
  set: string
  primary: string
  formId: string
  header: FieldDef[]
  tabs: { name: string; label: string; sections: { name: string; label: string; fields?: FieldDef[]; subgrid?: SubgridDef; timeline?: boolean }[] }[]
}

const owner: FieldDef = { name: "ownerid", label: "Owner", kind: "lookup", readOnly: true }
const currency: FieldDef = { name: "transactioncurrencyid", label: "Currency", kind: "lookup", readOnly: true }

export const FORMS: Record<string, FormDef> = {
  account: {
    entity: "account",
    display: "Account",
    set: "accounts",
    primary: "name",
    formId: "8448b78f-8f42-454e-8e2a-f8196b0419af",
    header: [
      { name: "revenue", label: "Annual Revenue", kind: "money", readOnly: true },
      { name: "customertypecode", label: "Relationship Type", kind: "option", readOnly: true },
      owner
    ],
    tabs: [
      {
        name: "SUMMARY_TAB",
        label: "Summary",
        sections: [
          {
            name: "ACCOUNT_INFORMATION",
            label: "ACCOUNT INFORMATION",
            fields: [
              { name: "name", label: "Account Name", kind: "text" },
              { name: "telephone1", label: "Phone", kind: "phone" },
              { name: "websiteurl", label: "Website", kind: "url" },
              { name: "industrycode", label: "Industry", kind: "option" },
              { name: "revenue", label: "Annual Revenue", kind: "money" },
              currency,
              { name: "address1_city", label: "Address 1: City", kind: "text" }
            ]
          },
          { name: "TIMELINE", label: "Timeline", timeline: true },
          {
            name: "CONTACTS",
            label: "CONTACTS",
            subgrid: { name: "Contacts", title: "Contacts", set: "contacts", parentColumn: "_parentcustomerid_value", target: "contact", columns: [{ name: "fullname", label: "Full Name" }, { name: "jobtitle", label: "Job Title" }, { name: "emailaddress1", label: "Email" }] }
          },
          {
            name: "OPPORTUNITIES",
            label: "OPPORTUNITIES",
            subgrid: { name: "opportunities", title: "Opportunities", set: "opportunities", parentColumn: "_parentaccountid_value", target: "opportunity", columns: [{ name: "name", label: "Topic" }, { name: "estimatedvalue", label: "Est. Revenue" }, { name: "statecode", label: "Status" }] }
          },
          {
            name: "CASES",
            label: "CASES",
            subgrid: { name: "Cases", title: "Cases", set: "incidents", parentColumn: "_customerid_value", target: "incident", columns: [{ name: "title", label: "Case Title" }, { name: "ticketnumber", label: "Case Number" }, { name: "statuscode", label: "Status Reason" }] }
          }
        ]
      },
      { name: "DETAILS_TAB", label: "Details", sections: [] }
    ]
  },
  contact: {
    entity: "contact",
    display: "Contact",
    set: "contacts",
    primary: "fullname",
    formId: "1fed44d1-ae68-4a41-bd2b-f13acac4acfa",
    header: [owner],
    tabs: [
      {
        name: "SUMMARY_TAB",
        label: "Summary",
        sections: [
          {
            name: "CONTACT_INFORMATION",
            label: "CONTACT INFORMATION",
            fields: [
              { name: "firstname", label: "First Name", kind: "text" },
              { name: "lastname", label: "Last Name", kind: "text" },
              { name: "jobtitle", label: "Job Title", kind: "text" },
              { name: "parentcustomerid", label: "Account Name", kind: "lookup" },
              { name: "emailaddress1", label: "Email", kind: "email" },
              { name: "telephone1", label: "Business Phone", kind: "phone" }
            ]
          }
        ]
      }
    ]
  },
  opportunity: {
    entity: "opportunity",
    display: "Opportunity",
    set: "opportunities",
    primary: "name",
    formId: "919e14d1-6489-4852-abd0-a63a6ecaac5d",
    header: [
      { name: "estimatedvalue", label: "Est. Revenue", kind: "money", readOnly: true },
      { name: "estimatedclosedate", label: "Est. Close Date", kind: "date", readOnly: true },
      { name: "statuscode", label: "Status Reason", kind: "status" },
      owner
    ],
    tabs: [
      {
        name: "SUMMARY_TAB",
        label: "Summary",
        sections: [
          {
            name: "Summary_section_6",
            label: "OPPORTUNITY INFORMATION",
            fields: [
              { name: "name", label: "Topic", kind: "text" },
              { name: "parentaccountid", label: "Account", kind: "lookup" },
              { name: "stepname", label: "Pipeline Phase", kind: "text", readOnly: true },
              { name: "estimatedvalue", label: "Est. Revenue", kind: "money" },
              { name: "actualvalue", label: "Actual Revenue", kind: "money", readOnly: true },
              { name: "estimatedclosedate", label: "Est. Close Date", kind: "date" },
              currency,
              { name: "description", label: "Description", kind: "memo" }
            ]
          },
          {
            name: "QUOTES",
            label: "QUOTES",
            subgrid: { name: "quote", title: "Quotes", set: "quotes", parentColumn: "_opportunityid_value", target: "quote", columns: [{ name: "name", label: "Name" }, { name: "totalamount", label: "Total Amount" }, { name: "statuscode", label: "Status Reason" }] }
          }
        ]
      }
    ]
  },
  quote: {
    entity: "quote",
    display: "Quote",
    set: "quotes",
    primary: "name",
    formId: "2de7d1e5-6b6c-4d0f-9d6b-c4b0b9f1d1a4",
    header: [{ name: "totalamount", label: "Total Amount", kind: "money", readOnly: true }, { name: "statuscode", label: "Status Reason", kind: "status" }, owner],
    tabs: [
      {
        name: "SUMMARY_TAB",
        label: "Summary",
        sections: [
          {
            name: "summary_information",
            label: "SUMMARY",
            fields: [
              { name: "quotenumber", label: "Quote ID", kind: "text", readOnly: true },
              { name: "name", label: "Name", kind: "text" },
              { name: "customerid", label: "Potential Customer", kind: "lookup" },
              { name: "opportunityid", label: "Opportunity", kind: "lookup" },
              currency,
              { name: "effectivefrom", label: "Effective From", kind: "date" }
            ]
          },
          {
            name: "products",
            label: "PRODUCTS",
            subgrid: {
              name: "quotedetailsGrid",
              title: "Quote Products",
              set: "quotedetails",
              parentColumn: "_quoteid_value",
              target: "quotedetail",
              columns: [
                { name: "productname", label: "Product Name" },
                { name: "priceperunit", label: "Price Per Unit" },
                { name: "quantity", label: "Quantity" },
                { name: "manualdiscountamount", label: "Manual Discount" },
                { name: "extendedamount", label: "Extended Amount" }
              ]
            },
            fields: [
              { name: "totallineitemamount", label: "Detail Amount", kind: "money", readOnly: true },
              { name: "discountpercentage", label: "Quote Discount (%)", kind: "decimal" },
              { name: "totalamount", label: "Total Amount", kind: "money", readOnly: true }
            ]
          }
        ]
      }
    ]
  },
  quotedetail: {
    entity: "quotedetail",
    display: "Quote Line",
    set: "quotedetails",
    primary: "productname",
    formId: "6009c1fe-ae99-4a41-a59f-a6f1cf8b9daf",
    header: [{ name: "extendedamount", label: "Extended Amount", kind: "money", readOnly: true }],
    tabs: [
      {
        name: "GENERAL_TAB",
        label: "General",
        sections: [
          {
            name: "quotedetail_information",
            label: "PRODUCT",
            fields: [
              { name: "quoteid", label: "Quote", kind: "lookup", readOnly: true },
              { name: "isproductoverridden", label: "Select Product", kind: "boolean", readOnly: true, booleanLabels: ["Existing", "Write-in"] },
              { name: "productid", label: "Existing Product", kind: "lookup" },
              { name: "productdescription", label: "Write-In Product", kind: "text" }
            ]
          },
          {
            name: "pricing",
            label: "PRICING",
            fields: [
              { name: "priceperunit", label: "Price Per Unit", kind: "money" },
              { name: "quantity", label: "Quantity", kind: "decimal" },
              { name: "baseamount", label: "Amount", kind: "money", readOnly: true },
              { name: "manualdiscountamount", label: "Manual Discount", kind: "money" },
              { name: "extendedamount", label: "Extended Amount", kind: "money", readOnly: true }
            ]
          }
        ]
      }
    ]
  },
  incident: {
    entity: "incident",
    display: "Case",
    set: "incidents",
    primary: "title",
    formId: "4a63c8d1-6c1e-48ec-9983-50a1d6e8a11f",
    header: [{ name: "prioritycode", label: "Priority", kind: "option", options: { 1: "High", 2: "Normal", 3: "Low" } }, { name: "statuscode", label: "Status Reason", kind: "status" }, owner],
    tabs: [
      {
        name: "SUMMARY_TAB",
        label: "Summary",
        sections: [
          {
            name: "CASE_DETAILS",
            label: "CASE DETAILS",
            fields: [
              { name: "title", label: "Case Title", kind: "text" },
              { name: "ticketnumber", label: "Case Number", kind: "text", readOnly: true },
              { name: "customerid", label: "Customer", kind: "lookup" },
              { name: "casetypecode", label: "Case Type", kind: "option", options: { 1: "Question", 2: "Problem", 3: "Request" } },
              { name: "caseorigincode", label: "Origin", kind: "option", options: { 1: "Phone", 2: "Email", 3: "Web", 2483: "Facebook", 3986: "Twitter" } },
              { name: "subjectid", label: "Subject", kind: "lookup" },
              { name: "isescalated", label: "Is Escalated", kind: "boolean", booleanLabels: ["No", "Yes"] },
              { name: "description", label: "Description", kind: "memo" }
            ]
          }
        ]
      }
    ]
  }
}
