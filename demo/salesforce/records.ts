/**
 * The demo org (demo/org.ts) as Salesforce records: API field names, 18-character ids, Salesforce
 * date formats. The demo pages and the mock REST API both render from this, so what a page shows
 * and what the API returns are the same records.
 */
import { DEMO_ACCOUNTS, DEMO_NOW, DEMO_ORG, sfId, sfIds, type DemoAccount, type DemoActivity, type DemoDeal } from "../org"

export const API_VERSION = "v62.0"
const DAY = 86_400_000
const HOUR = 3_600_000

export interface SObjectRecord {
  attributes: { type: string; url: string }
  Id: string
  [field: string]: unknown
}

/** Salesforce REST datetime: `2026-11-20T09:00:00.000+0000`, whole seconds: record stamps come back
 * with `.000` (every response example in the REST API Developer Guide), and the SOQL dateTime literal
 * has whole seconds ("Date Formats and Date Literals"). Real milliseconds here hid a watermark that
 * skipped rows saved in the same second as the newest one read. */
export function sfDateTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace("Z", "+0000")
}
/** Salesforce date: `2026-11-20`. */
export function sfDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

function make(type: string, id: string, fields: Record<string, unknown>): SObjectRecord {
  return { attributes: { type, url: `/services/data/${API_VERSION}/sobjects/${type}/${id}` }, Id: id, ...fields }
}

/** Fields each demo object has: the mock API answers INVALID_FIELD for anything else. Every
 * standard object has `IsDeleted` ("queryAll has read-only access to the field isDeleted", SOAP API
 * Developer Guide, queryAll()); Task and Event also have `IsArchived`. */
const FIELDS: Readonly<Record<string, readonly string[]>> = {
  User: ["Id", "Name", "Email"],
  Product2: ["Id", "Name", "Family", "ProductCode", "IsActive"],
  Account: ["Id", "Name", "Industry", "Type", "AccountSource", "AnnualRevenue", "Phone", "Website", "BillingCity", "BillingCountry", "OwnerId", "CreatedDate", "LastModifiedDate", "SystemModstamp", "Description"],
  Contact: ["Id", "AccountId", "FirstName", "LastName", "Name", "Title", "Email", "Phone", "OwnerId", "CreatedDate", "SystemModstamp"],
  Opportunity: ["Id", "AccountId", "Name", "StageName", "Amount", "CloseDate", "IsClosed", "IsWon", "Type", "LeadSource", "Description", "Probability", "ForecastCategoryName", "Loss_Reason__c", "OwnerId", "CreatedDate", "SystemModstamp"],
  OpportunityHistory: ["Id", "OpportunityId", "StageName", "Amount", "CloseDate", "Probability", "CreatedDate", "SystemModstamp"],
  OpportunityLineItem: ["Id", "OpportunityId", "Product2Id", "Name", "Quantity", "ListPrice", "UnitPrice", "Discount", "TotalPrice", "CreatedDate", "SystemModstamp"],
  OpportunityCompetitor: ["Id", "OpportunityId", "CompetitorName", "Strengths", "Weaknesses", "CreatedDate", "SystemModstamp"],
  Quote: ["Id", "OpportunityId", "AccountId", "Name", "QuoteNumber", "Status", "ExpirationDate", "Subtotal", "Discount", "TotalPrice", "GrandTotal", "CreatedDate", "SystemModstamp"],
  QuoteLineItem: ["Id", "QuoteId", "Product2Id", "LineNumber", "Quantity", "ListPrice", "UnitPrice", "Discount", "Subtotal", "TotalPrice", "CreatedDate", "SystemModstamp"],
  Task: ["Id", "AccountId", "WhatId", "WhoId", "OwnerId", "Subject", "Description", "ActivityDate", "CompletedDateTime", "Status", "Priority", "TaskSubtype", "Type", "CallType", "CallDurationInSeconds", "IsClosed", "IsArchived", "CreatedDate", "SystemModstamp"],
  Event: ["Id", "AccountId", "WhatId", "WhoId", "OwnerId", "Subject", "Description", "StartDateTime", "EndDateTime", "ActivityDateTime", "ActivityDate", "DurationInMinutes", "Type", "EventSubtype", "Location", "IsArchived", "CreatedDate", "SystemModstamp"],
  EmailMessage: ["Id", "ActivityId", "RelatedToId", "ParentId", "Subject", "TextBody", "Incoming", "MessageDate", "Status", "FromAddress", "FromName", "ToAddress", "CreatedDate", "SystemModstamp"],
  Case: ["Id", "AccountId", "ContactId", "CaseNumber", "Subject", "Description", "Type", "Reason", "Origin", "Priority", "Status", "IsEscalated", "IsClosed", "ClosedDate", "OwnerId", "CreatedDate", "SystemModstamp"],
  Contract: ["Id", "AccountId", "ContractNumber", "Name", "Status", "StartDate", "EndDate", "ContractTerm", "Description", "OwnerId", "CreatedDate", "SystemModstamp"],
  /** Files uploaded through the API (demo/salesforce/files.ts); none exist until one is. */
  ContentVersion: ["Id", "ContentDocumentId", "Title", "PathOnClient", "FileExtension", "FileType", "FirstPublishLocationId", "IsLatest", "ContentSize", "Description", "VersionData", "OwnerId", "CreatedById", "CreatedDate", "LastModifiedDate", "SystemModstamp"],
  ContentDocument: ["Id", "Title", "FileExtension", "FileType", "ContentSize", "LatestPublishedVersionId", "OwnerId", "CreatedById", "CreatedDate", "LastModifiedDate", "SystemModstamp"],
  ContentDocumentLink: ["Id", "ContentDocumentId", "LinkedEntityId", "ShareType", "Visibility", "SystemModstamp"]
}
export const SOBJECT_FIELDS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(Object.entries(FIELDS).map(([type, fields]) => [type, [...fields, "IsDeleted"]]))

/** Activities are archived this long after their date (the default; Salesforce Help, "Archived Activities"). */
export const ARCHIVE_AFTER_DAYS = 365

/**
 * Salesforce archives events whose date is older than 365 days and closed tasks due (or, without a
 * due date, created) more than 365 days ago (Salesforce Help, "Archived Activities"). The `query`
 * resource then leaves them out; only `queryAll` returns them (REST API Developer Guide, "QueryAll").
 */
export function isArchivedActivity(record: SObjectRecord, now: number): boolean {
  const type = record.attributes.type
  const cutoff = now - ARCHIVE_AFTER_DAYS * DAY
  const at = (value: unknown) => (typeof value === "string" ? Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2")) : NaN)
  if (type === "Event") return at(record.EndDateTime ?? record.ActivityDateTime ?? record.ActivityDate) < cutoff
  if (type !== "Task" || record.IsClosed !== true) return false
  return at(record.ActivityDate ?? record.CreatedDate) < cutoff
}

/**
 * Task and Event `AccountId` is not set by the writer; Salesforce derives it (Object Reference,
 * Task, "AccountId"): the AccountId of the WhatId when that is an Account, Opportunity, Contract (or
 * a custom child of Account); otherwise, when the WhoId is a Contact, that contact's AccountId;
 * otherwise null. So a task on a case with no contact has no account.
 */
export function deriveActivityAccountId(record: SObjectRecord, byId: ReadonlyMap<string, SObjectRecord>): string | null {
  const what = typeof record.WhatId === "string" ? byId.get(record.WhatId) : undefined
  const whatType = what?.attributes.type
  if (what && whatType === "Account") return what.Id
  if (what && (whatType === "Opportunity" || whatType === "Contract")) return typeof what.AccountId === "string" ? what.AccountId : null
  const who = typeof record.WhoId === "string" ? byId.get(record.WhoId) : undefined
  if (who?.attributes.type === "Contact") return typeof who.AccountId === "string" ? who.AccountId : null
  return null
}

export const OWNER_ID = sfId("005", 1)
const OWNER = make("User", OWNER_ID, { Name: "Rosa Diaz", Email: "rosa.diaz@northwind.example" })

export interface SalesforceDemoData {
  records: SObjectRecord[]
  byId: Map<string, SObjectRecord>
  byType: Map<string, SObjectRecord[]>
}

function dealAt(account: DemoAccount, at: number): DemoDeal | undefined {
  return account.deals.find((d) => at >= d.createdAt && at <= d.closeDate)
}

function productId(name: string, serials: Map<string, string>): string {
  let id = serials.get(name)
  if (!id) {
    id = sfId("01t", serials.size + 1)
    serials.set(name, id)
  }
  return id
}

function activityRecord(account: DemoAccount, x: DemoActivity): SObjectRecord {
  const id = sfIds.activity(x)
  const accountId = sfIds.account(account)
  const deal = dealAt(account, x.at)
  const whatId = deal ? sfIds.deal(deal) : accountId
  const contact = account.contacts[x.n % Math.max(1, account.contacts.length)]
  const whoId = contact ? sfIds.contact(contact) : null
  const stamp = sfDateTime(Math.min(x.at + HOUR, DEMO_NOW))
  const common = { CreatedDate: sfDateTime(x.at), SystemModstamp: stamp, Subject: x.subject, Description: x.text ?? null }
  if (x.channel === "email") {
    return make("EmailMessage", id, {
      ActivityId: null,
      RelatedToId: whatId,
      ParentId: null,
      Subject: x.subject,
      TextBody: x.text ?? x.subject,
      Incoming: x.direction === "inbound",
      MessageDate: sfDateTime(x.at),
      Status: x.direction === "inbound" ? "1" : "3",
      FromAddress: x.direction === "inbound" ? (contact?.email ?? "customer@example.com") : "rosa.diaz@northwind.example",
      FromName: x.direction === "inbound" ? (contact?.name ?? "Customer") : "Rosa Diaz",
      ToAddress: x.direction === "inbound" ? "rosa.diaz@northwind.example" : (contact?.email ?? "customer@example.com"),
      CreatedDate: sfDateTime(x.at),
      SystemModstamp: stamp
    })
  }
  if (x.channel === "meeting") {
    return make("Event", id, {
      ...common,
      AccountId: accountId,
      WhatId: whatId,
      WhoId: whoId,
      OwnerId: OWNER_ID,
      StartDateTime: sfDateTime(x.at),
      EndDateTime: sfDateTime(x.at + HOUR),
      ActivityDateTime: sfDateTime(x.at),
      ActivityDate: sfDate(x.at),
      DurationInMinutes: 60,
      Type: "Meeting",
      EventSubtype: "Event",
      Location: account.city
    })
  }
  const call = x.channel === "call"
  return make("Task", id, {
    ...common,
    AccountId: accountId,
    WhatId: whatId,
    WhoId: whoId,
    OwnerId: OWNER_ID,
    ActivityDate: sfDate(x.at),
    CompletedDateTime: sfDateTime(x.at),
    Status: "Completed",
    Priority: "Normal",
    TaskSubtype: call ? "Call" : "Task",
    Type: call ? "Call" : x.channel === "note" ? "Other" : "Other",
    CallType: call ? (x.direction === "inbound" ? "Inbound" : x.direction === "internal" ? "Internal" : "Outbound") : null,
    CallDurationInSeconds: call ? 600 + (x.n % 7) * 60 : null,
    IsClosed: true
  })
}

function accountRecords(a: DemoAccount, products: Map<string, string>): SObjectRecord[] {
  const accountId = sfIds.account(a)
  const out: SObjectRecord[] = [
    make("Account", accountId, {
      Name: a.name,
      Industry: a.industry,
      Type: a.type,
      AccountSource: a.leadSource,
      AnnualRevenue: a.annualRevenue,
      Phone: a.phone,
      Website: a.website,
      BillingCity: a.city,
      BillingCountry: null,
      Description: null,
      OwnerId: OWNER_ID,
      CreatedDate: sfDateTime(a.createdAt),
      LastModifiedDate: sfDateTime(DEMO_NOW - 2 * DAY),
      SystemModstamp: sfDateTime(DEMO_NOW - 2 * DAY)
    })
  ]
  for (const [i, c] of a.contacts.entries()) {
    const [first, ...rest] = c.name.split(" ")
    out.push(
      make("Contact", sfIds.contact(c), {
        AccountId: accountId,
        FirstName: rest.length ? first : null,
        LastName: rest.length ? rest.join(" ") : c.name,
        Name: c.name,
        Title: c.title,
        Email: c.email,
        Phone: c.phone,
        OwnerId: OWNER_ID,
        CreatedDate: sfDateTime(a.createdAt + (i + 1) * HOUR),
        SystemModstamp: sfDateTime(a.createdAt + (i + 2) * HOUR)
      })
    )
  }
  for (const x of a.activities) out.push(activityRecord(a, x))
  for (const d of a.deals) out.push(...dealRecords(a, d, products))
  for (const [i, c] of a.cases.entries()) {
    const closed = c.closedAt !== undefined
    out.push(
      make("Case", sfIds.case(c), {
        AccountId: accountId,
        ContactId: a.contacts[0] ? sfIds.contact(a.contacts[0]) : null,
        CaseNumber: String(1000 + c.n).padStart(8, "0"),
        Subject: c.subject,
        Description: c.description,
        Type: c.type,
        Reason: c.reason,
        Origin: ["Email", "Phone", "Web"][i % 3],
        Priority: c.priority,
        Status: closed ? "Closed" : "Working",
        IsEscalated: c.isEscalated,
        IsClosed: closed,
        ClosedDate: closed ? sfDateTime(c.closedAt!) : null,
        OwnerId: OWNER_ID,
        CreatedDate: sfDateTime(c.openedAt),
        SystemModstamp: sfDateTime(Math.min(c.closedAt ?? c.openedAt + HOUR, DEMO_NOW))
      })
    )
  }
  for (const c of a.contracts) {
    const end = new Date(c.startDate)
    end.setUTCMonth(end.getUTCMonth() + c.termMonths)
    out.push(
      make("Contract", sfIds.contract(c), {
        AccountId: accountId,
        ContractNumber: String(100 + c.n).padStart(8, "0"),
        Name: c.name,
        Status: c.status,
        StartDate: sfDate(c.startDate),
        EndDate: sfDate(end.getTime() - DAY),
        ContractTerm: c.termMonths,
        Description: c.description,
        OwnerId: OWNER_ID,
        CreatedDate: sfDateTime(c.startDate - 5 * DAY),
        SystemModstamp: sfDateTime(c.startDate)
      })
    )
  }
  return out
}

const PROBABILITY: Record<string, number> = { Prospecting: 10, "Proposal/Price Quote": 50, "Negotiation/Review": 75, "Closed Won": 100, "Closed Lost": 0 }

function dealRecords(a: DemoAccount, d: DemoDeal, products: Map<string, string>): SObjectRecord[] {
  const accountId = sfIds.account(a)
  const oppId = sfIds.deal(d)
  const lastStage = d.stages.at(-1)!
  const out: SObjectRecord[] = [
    make("Opportunity", oppId, {
      AccountId: accountId,
      Name: d.name,
      StageName: d.stage,
      Amount: d.amount,
      CloseDate: sfDate(d.closeDate),
      IsClosed: d.isClosed,
      IsWon: d.isWon,
      Type: d.type,
      LeadSource: a.leadSource,
      Description: d.description ?? null,
      Probability: PROBABILITY[d.stage] ?? 50,
      ForecastCategoryName: d.isClosed ? (d.isWon ? "Closed" : "Omitted") : "Pipeline",
      Loss_Reason__c: d.lossReason ?? null,
      OwnerId: OWNER_ID,
      CreatedDate: sfDateTime(d.createdAt),
      SystemModstamp: sfDateTime(Math.min(lastStage.at + HOUR, DEMO_NOW))
    })
  ]
  for (const [i, s] of d.stages.entries()) {
    out.push(
      make("OpportunityHistory", sfId("008", d.n * 10 + i), {
        OpportunityId: oppId,
        StageName: s.stage,
        Amount: s.amount,
        CloseDate: sfDate(d.closeDate),
        Probability: PROBABILITY[s.stage] ?? 50,
        CreatedDate: sfDateTime(s.at),
        SystemModstamp: sfDateTime(s.at)
      })
    )
  }
  for (const q of d.quotes) {
    const quoteId = sfIds.quote(q)
    const total = q.lines.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0)
    out.push(
      make("Quote", quoteId, {
        OpportunityId: oppId,
        AccountId: accountId,
        Name: q.name,
        QuoteNumber: String(q.n).padStart(8, "0"),
        Status: q.status,
        ExpirationDate: sfDate(q.createdAt + 30 * DAY),
        Subtotal: total,
        Discount: 0,
        TotalPrice: total,
        GrandTotal: total,
        CreatedDate: sfDateTime(q.createdAt),
        SystemModstamp: sfDateTime(q.createdAt + DAY)
      })
    )
    for (const [i, l] of q.lines.entries()) {
      out.push(
        make("QuoteLineItem", sfIds.quoteLine(q, i), {
          QuoteId: quoteId,
          Product2Id: productId(l.product, products),
          LineNumber: String(i + 1).padStart(5, "0"),
          Quantity: l.quantity,
          ListPrice: l.listPrice,
          UnitPrice: l.unitPrice,
          Discount: null,
          Subtotal: l.unitPrice * l.quantity,
          TotalPrice: l.unitPrice * l.quantity,
          CreatedDate: sfDateTime(q.createdAt),
          SystemModstamp: sfDateTime(q.createdAt + DAY)
        })
      )
    }
  }
  // The opportunity's products mirror its latest quote (the synced quote, in Salesforce terms).
  const last = d.quotes.at(-1)
  for (const [i, l] of (last?.lines ?? []).entries()) {
    out.push(
      make("OpportunityLineItem", sfId("00k", d.n * 10 + i), {
        OpportunityId: oppId,
        Product2Id: productId(l.product, products),
        Name: `${d.name} ${l.product}`,
        Quantity: l.quantity,
        ListPrice: l.listPrice,
        UnitPrice: l.unitPrice,
        Discount: null,
        TotalPrice: l.unitPrice * l.quantity,
        CreatedDate: sfDateTime(last!.createdAt),
        SystemModstamp: sfDateTime(last!.createdAt + DAY)
      })
    )
  }
  return out
}

function productRecords(a: readonly DemoAccount[], serials: Map<string, string>): SObjectRecord[] {
  const custom = new Set(a.flatMap((x) => x.deals.flatMap((d) => d.quotes.flatMap((q) => q.lines.filter((l) => l.isCustom).map((l) => l.product)))))
  return [...serials].map(([name, id], i) =>
    make("Product2", id, { Name: name, Family: custom.has(name) ? "Custom" : "Equipment", ProductCode: `NW-${String(i + 1).padStart(3, "0")}`, IsActive: true })
  )
}

export interface ExtraActivityOptions {
  account: DemoAccount
  count: number
  object?: "Task" | "Event" | "EmailMessage"
  /** First serial: keep sets apart when generating several. */
  firstSerial?: number
  /** Records per SystemModstamp second: more than one creates ties the sync must page through. */
  perSecond?: number
}

/** Extra generated activities for one account (e.g. 5,000 Tasks for the sync benchmark). */
export function generateActivities(options: ExtraActivityOptions): SObjectRecord[] {
  const { account, count, object = "Task", firstSerial = 5_000_000 + account.n * 100_000, perSecond = 3 } = options
  const prefix = object === "Task" ? "00T" : object === "Event" ? "00U" : "02s"
  const start = DEMO_NOW - 400 * DAY
  const channel = object === "Event" ? "meeting" : object === "EmailMessage" ? "email" : "call"
  const out: SObjectRecord[] = []
  for (let i = 0; i < count; i++) {
    const at = start + Math.floor(i / perSecond) * 1000
    const activity: DemoActivity = {
      n: firstSerial + i,
      channel,
      direction: i % 3 === 0 ? "inbound" : "outbound",
      at,
      subject: `${object} ${i + 1} with ${account.name}`
    }
    const record = activityRecord(account, activity)
    record.Id = sfId(prefix, firstSerial + i)
    record.attributes.url = `/services/data/${API_VERSION}/sobjects/${object}/${record.Id}`
    record.SystemModstamp = sfDateTime(at)
    record[object === "EmailMessage" ? "RelatedToId" : "WhatId"] = sfIds.account(account)
    out.push(record)
  }
  return out
}

/** Every demo record as Salesforce data, plus any extra records (generated volume, broken rows). */
export function buildSalesforceData(options: { accounts?: readonly DemoAccount[]; extra?: readonly SObjectRecord[] } = {}): SalesforceDemoData {
  const accounts = options.accounts ?? DEMO_ACCOUNTS
  const products = new Map<string, string>()
  const records = [OWNER, ...accounts.flatMap((a) => accountRecords(a, products))]
  records.push(...productRecords(accounts, products), ...(options.extra ?? []))
  const byId = new Map(records.map((r) => [r.Id, r]))
  for (const r of records) {
    if (r.attributes.type === "Task" || r.attributes.type === "Event") {
      r.AccountId = deriveActivityAccountId(r, byId)
      r.IsArchived = isArchivedActivity(r, DEMO_NOW)
    }
    if (r.IsDeleted === undefined) r.IsDeleted = false
  }
  const byType = new Map<string, SObjectRecord[]>()
  for (const r of records) {
    const list = byType.get(r.attributes.type) ?? []
    list.push(r)
    byType.set(r.attributes.type, list)
  }
  return { records, byId, byType }
}

/** The org-level facts pages and the mock share. */
export const DEMO_SALESFORCE = {
  org: DEMO_ORG.salesforceDomain,
  orgId: DEMO_ORG.salesforceOrgId,
  uiHost: `${DEMO_ORG.salesforceDomain}.lightning.force.com`,
  apiHost: `${DEMO_ORG.salesforceDomain}.my.salesforce.com`,
  /** The `sid` cookie value the mock accepts: `<15-char org id>!<token>`. */
  sessionId: `${DEMO_ORG.salesforceOrgId}!AQ4AQDemoSessionToken.Parley`,
  currency: DEMO_ORG.currency
} as const
