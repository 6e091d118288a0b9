/**
 * The query plan: per account sync, ONE composite request (one API call, REST API Developer Guide,
 * "Composite": "The entire series of requests counts as a single call toward your API limits")
 * carrying three QueryAll statements, then each result's `nextRecordsUrl` to its end.
 *
 * - QueryAll, never Query: Salesforce archives activities older than 365 days and `query` leaves
 *   them out; `queryAll` returns them, and returns soft-deleted rows (`IsDeleted = true`) while they
 *   sit in the recycle bin, which is how a deletion reaches Parley (REST API Developer Guide,
 *   "QueryAll").
 * - The account tree: the account row carries contacts, opportunities (with their stage history,
 *   products, competitors, quotes and lines, and emails), cases (with their emails and the
 *   activities no account is derived for) and contracts as parent-to-child subqueries. Leaf streams
 *   (Contacts, Contracts, Emails) are filtered by their own SystemModstamp watermark and ordered by
 *   SystemModstamp, Id, so a page boundary is also a safe watermark; parents with children
 *   (Opportunities, Cases) come whole, so stage histories and quote revisions are computed from
 *   complete sets.
 * - Tasks and Events of the account: `WHERE AccountId = <account>`. Salesforce derives a task's or
 *   event's AccountId from its WhatId (an account, opportunity or contract) or else from its WhoId
 *   contact (Object Reference, Task and Event, "AccountId"), so this reads every activity of the
 *   account once, including those logged only on a contact. Only an activity on a case without a
 *   contact has no AccountId: those come under the case (`AccountId = null`).
 */

export const API_VERSION = "v62.0"

/** Objects with a cursor per org/object/account. */
export const STREAM_OBJECTS = ["Account", "Contact", "Opportunity", "Case", "Contract", "Task", "Event", "EmailMessage"] as const
export type StreamObject = (typeof STREAM_OBJECTS)[number]
export type Watermarks = Partial<Record<StreamObject, number>>

/** Account child relationship → stream. Leaf streams page on their own across calls. */
export const ACCOUNT_RELATIONSHIPS: Readonly<Record<string, { object: StreamObject; leaf: boolean }>> = {
  Contacts: { object: "Contact", leaf: true },
  Opportunities: { object: "Opportunity", leaf: false },
  Cases: { object: "Case", leaf: false },
  Contracts: { object: "Contract", leaf: true },
  Emails: { object: "EmailMessage", leaf: true }
}

/** Streams read by their own top-level query (not under the account row). */
export const ACTIVITY_OBJECTS = ["Task", "Event"] as const
export type ActivityObject = (typeof ACTIVITY_OBJECTS)[number]

/** Parts some orgs lack (feature off, custom field absent). When Salesforce rejects one, the
 * sync drops it, remembers that for the org, and asks again. */
export const OPTIONAL_PARTS = ["Loss_Reason__c", "OpportunityCompetitors", "OpportunityLineItems", "Quotes", "Emails", "TaskSubtype", "CompletedDateTime"] as const
export type OptionalPart = (typeof OPTIONAL_PARTS)[number]

const MISSING_OBJECT_PARTS: Readonly<Record<string, OptionalPart>> = {
  EmailMessage: "Emails",
  EmailMessages: "Emails",
  Quote: "Quotes",
  QuoteLineItem: "Quotes",
  QuoteLineItems: "Quotes",
  OpportunityCompetitor: "OpportunityCompetitors",
  OpportunityLineItem: "OpportunityLineItems"
}

/** The optional part a Salesforce error names (`No such column 'X'`, `relationship 'X'`, `sObject type 'X'`). */
export function optionalPartInError(message: string): OptionalPart | undefined {
  for (const match of message.matchAll(/'([A-Za-z0-9_]+)'/g)) {
    const name = match[1]!
    if ((OPTIONAL_PARTS as readonly string[]).includes(name)) return name as OptionalPart
    if (MISSING_OBJECT_PARTS[name]) return MISSING_OBJECT_PARTS[name]
  }
  return undefined
}

export const FIELDS = {
  Account: ["Id", "IsDeleted", "Name", "Industry", "Type", "AccountSource", "AnnualRevenue", "Owner.Name", "CreatedDate", "SystemModstamp"],
  Contact: ["Id", "IsDeleted", "AccountId", "Name", "Title", "Email", "Phone", "SystemModstamp"],
  Opportunity: ["Id", "IsDeleted", "AccountId", "Name", "StageName", "Amount", "CloseDate", "IsClosed", "IsWon", "Type", "LeadSource", "Description", "Loss_Reason__c", "CreatedDate", "SystemModstamp"],
  OpportunityHistory: ["Id", "IsDeleted", "OpportunityId", "StageName", "Amount", "CreatedDate"],
  OpportunityLineItem: ["Id", "IsDeleted", "OpportunityId", "Product2Id", "Product2.Name", "Product2.Family", "Quantity", "ListPrice", "UnitPrice", "Discount", "SystemModstamp"],
  OpportunityCompetitor: ["Id", "IsDeleted", "CompetitorName"],
  Quote: ["Id", "IsDeleted", "OpportunityId", "Name", "QuoteNumber", "Status", "Discount", "GrandTotal", "CreatedDate", "SystemModstamp"],
  QuoteLineItem: ["Id", "IsDeleted", "QuoteId", "Product2Id", "Product2.Name", "Product2.Family", "Quantity", "ListPrice", "UnitPrice", "Discount", "SystemModstamp"],
  Case: ["Id", "IsDeleted", "AccountId", "CaseNumber", "Subject", "Description", "Type", "Reason", "Origin", "Priority", "Status", "IsEscalated", "IsClosed", "CreatedDate", "ClosedDate", "SystemModstamp"],
  Contract: ["Id", "IsDeleted", "AccountId", "ContractNumber", "Name", "Status", "StartDate", "EndDate", "ContractTerm", "Description", "SystemModstamp"],
  Task: ["Id", "IsDeleted", "AccountId", "WhatId", "WhoId", "Subject", "Description", "ActivityDate", "CompletedDateTime", "CreatedDate", "Status", "TaskSubtype", "Type", "CallType", "SystemModstamp"],
  Event: ["Id", "IsDeleted", "AccountId", "WhatId", "WhoId", "Subject", "Description", "StartDateTime", "ActivityDateTime", "DurationInMinutes", "Type", "CreatedDate", "SystemModstamp"],
  EmailMessage: ["Id", "IsDeleted", "ActivityId", "RelatedToId", "ParentId", "Subject", "TextBody", "Incoming", "MessageDate", "Status", "CreatedDate", "SystemModstamp"]
} as const

/** A SOQL datetime literal, floored to the second (the documented literal has no milliseconds):
 * `> floor(w)` re-reads rows of that second, which the writer drops as unchanged. */
export function soqlDateTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, "Z")
}

/** A SOQL string literal. */
export function soqlString(value: string): string {
  return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`
}

const ORDER = "ORDER BY SystemModstamp, Id"

export interface PlanContext {
  watermarks: Watermarks
  disabled: ReadonlySet<string>
}

function select(object: keyof typeof FIELDS, ctx: PlanContext, extra: string[] = []): string {
  const fields = FIELDS[object].filter((f) => !ctx.disabled.has(f))
  return `SELECT ${[...fields, ...extra].join(", ")}`
}

function where(object: StreamObject, ctx: PlanContext, condition?: string): string {
  const w = ctx.watermarks[object]
  const parts = [condition, w === undefined ? undefined : `SystemModstamp > ${soqlDateTime(w)}`].filter(Boolean)
  return parts.length ? ` WHERE ${parts.join(" AND ")}` : ""
}

/** Activities under a case: only those Salesforce derives no AccountId for (a case with no
 * contact); the others arrive once, through the account's own activity queries. */
function caseActivities(ctx: PlanContext): string[] {
  const only = "AccountId = null"
  return [
    `(${select("Task", ctx)} FROM Tasks${where("Task", ctx, only)} ${ORDER})`,
    `(${select("Event", ctx)} FROM Events${where("Event", ctx, only)} ${ORDER})`,
    ...(ctx.disabled.has("Emails") ? [] : [`(${select("EmailMessage", ctx)} FROM EmailMessages${where("EmailMessage", ctx)} ${ORDER})`])
  ]
}

function opportunities(ctx: PlanContext): string {
  const children = [`(${select("OpportunityHistory", ctx)} FROM OpportunityHistories ORDER BY CreatedDate, Id)`]
  if (!ctx.disabled.has("OpportunityLineItems")) children.push(`(${select("OpportunityLineItem", ctx)} FROM OpportunityLineItems ORDER BY Id)`)
  if (!ctx.disabled.has("OpportunityCompetitors")) children.push(`(${select("OpportunityCompetitor", ctx)} FROM OpportunityCompetitors)`)
  if (!ctx.disabled.has("Quotes")) {
    const lines = `(${select("QuoteLineItem", ctx)} FROM QuoteLineItems ORDER BY Id)`
    children.push(`(${select("Quote", ctx, [lines])} FROM Quotes ORDER BY CreatedDate, Id)`)
  }
  if (!ctx.disabled.has("Emails")) children.push(`(${select("EmailMessage", ctx)} FROM Emails${where("EmailMessage", ctx)} ${ORDER})`)
  return `(${select("Opportunity", ctx, children)} FROM Opportunities ${ORDER})`
}

/** The account tree as one SOQL statement (14 parent-to-child relationships of the 20 allowed).
 * Emails last: usually the largest leaf, they fill what is left of a batch. */
export function buildAccountQuery(accountId: string, ctx: PlanContext): string {
  const contacts = `(${select("Contact", ctx)} FROM Contacts${where("Contact", ctx)} ${ORDER})`
  const cases = `(${select("Case", ctx, caseActivities(ctx))} FROM Cases ${ORDER})`
  const contracts = `(${select("Contract", ctx)} FROM Contracts${where("Contract", ctx)} ${ORDER})`
  const parts = [contacts, opportunities(ctx), cases, contracts]
  if (!ctx.disabled.has("Emails")) parts.push(`(${select("EmailMessage", ctx)} FROM Emails${where("EmailMessage", ctx)} ${ORDER})`)
  return `${select("Account", ctx, parts)} FROM Account WHERE Id = ${soqlString(accountId)}`
}

/** Every Task (or Event) of the account since the stream's watermark, oldest change first. */
export function buildActivityQuery(object: ActivityObject, accountId: string, ctx: PlanContext): string {
  return `${select(object, ctx)} FROM ${object}${where(object, ctx, `AccountId = ${soqlString(accountId)}`)} ${ORDER}`
}
