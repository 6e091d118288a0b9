/**
 * The query plan: ONE SOQL query per account sync. The account row carries every history object
 * as parent-to-child subqueries (five levels are allowed in REST since API v58.0), so an account's
 * whole history arrives in as few batches as its size allows: child rows count toward the 2,000
 * records of a batch, and a large child result continues through its own `nextRecordsUrl`.
 *
 * - Leaf streams (Contracts, Tasks, Events, Emails) are filtered by their own SystemModstamp
 *   watermark and ordered by SystemModstamp, Id, so a page boundary is also a safe watermark.
 * - Parents that carry activity subqueries (Contacts, Opportunities, Cases) are not filtered:
 *   a new task on an unchanged opportunity must still arrive. They are few per account; rows that
 *   did not change are dropped before writing.
 * - An opportunity's stage history, products and quotes (with lines) come in full under it, so
 *   the stage history and quote revision numbers are always computed from complete sets.
 */

export const API_VERSION = "v62.0"

/** Objects with a cursor per org/object/account. */
export const STREAM_OBJECTS = ["Account", "Contact", "Opportunity", "Case", "Contract", "Task", "Event", "EmailMessage"] as const
export type StreamObject = (typeof STREAM_OBJECTS)[number]
export type Watermarks = Partial<Record<StreamObject, number>>

/** Account child relationship → stream. Leaf streams page on their own across calls. */
export const ACCOUNT_RELATIONSHIPS: Readonly<Record<string, { object: StreamObject; leaf: boolean }>> = {
  Contacts: { object: "Contact", leaf: false },
  Opportunities: { object: "Opportunity", leaf: false },
  Cases: { object: "Case", leaf: false },
  Contracts: { object: "Contract", leaf: true },
  Tasks: { object: "Task", leaf: true },
  Events: { object: "Event", leaf: true },
  Emails: { object: "EmailMessage", leaf: true }
}

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
  Account: ["Id", "Name", "Industry", "Type", "AccountSource", "AnnualRevenue", "Owner.Name", "CreatedDate", "SystemModstamp"],
  Contact: ["Id", "AccountId", "Name", "Title", "Email", "Phone", "SystemModstamp"],
  Opportunity: ["Id", "AccountId", "Name", "StageName", "Amount", "CloseDate", "IsClosed", "IsWon", "Type", "LeadSource", "Description", "Loss_Reason__c", "CreatedDate", "SystemModstamp"],
  OpportunityHistory: ["Id", "OpportunityId", "StageName", "Amount", "CreatedDate"],
  OpportunityLineItem: ["Id", "OpportunityId", "Product2Id", "Product2.Name", "Product2.Family", "Quantity", "ListPrice", "UnitPrice", "Discount", "SystemModstamp"],
  OpportunityCompetitor: ["Id", "CompetitorName"],
  Quote: ["Id", "OpportunityId", "Name", "QuoteNumber", "Status", "Discount", "GrandTotal", "CreatedDate", "SystemModstamp"],
  QuoteLineItem: ["Id", "QuoteId", "Product2Id", "Product2.Name", "Product2.Family", "Quantity", "ListPrice", "UnitPrice", "Discount", "SystemModstamp"],
  Case: ["Id", "AccountId", "CaseNumber", "Subject", "Description", "Type", "Reason", "Origin", "Priority", "Status", "IsEscalated", "IsClosed", "CreatedDate", "ClosedDate", "SystemModstamp"],
  Contract: ["Id", "AccountId", "ContractNumber", "Name", "Status", "StartDate", "EndDate", "ContractTerm", "Description", "SystemModstamp"],
  Task: ["Id", "AccountId", "WhatId", "WhoId", "Subject", "Description", "ActivityDate", "CompletedDateTime", "CreatedDate", "Status", "TaskSubtype", "Type", "CallType", "SystemModstamp"],
  Event: ["Id", "AccountId", "WhatId", "WhoId", "Subject", "Description", "StartDateTime", "ActivityDateTime", "DurationInMinutes", "Type", "CreatedDate", "SystemModstamp"],
  EmailMessage: ["Id", "ActivityId", "RelatedToId", "ParentId", "Subject", "TextBody", "Incoming", "MessageDate", "Status", "CreatedDate", "SystemModstamp"]
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

/** Activities under a parent. Under a contact only those related to nothing else (`WhatId = null`):
 * the rest arrive under the account, opportunity or case they are about, not twice. */
function activities(ctx: PlanContext, options: { emails?: "Emails" | "EmailMessages"; events?: boolean; unrelatedOnly?: boolean }): string[] {
  const only = options.unrelatedOnly ? "WhatId = null" : undefined
  const parts = [`(${select("Task", ctx)} FROM Tasks${where("Task", ctx, only)} ${ORDER})`]
  if (options.events !== false) parts.push(`(${select("Event", ctx)} FROM Events${where("Event", ctx, only)} ${ORDER})`)
  if (options.emails && !ctx.disabled.has("Emails")) {
    parts.push(`(${select("EmailMessage", ctx)} FROM ${options.emails}${where("EmailMessage", ctx)} ${ORDER})`)
  }
  return parts
}

function opportunities(ctx: PlanContext): string {
  const children = [`(${select("OpportunityHistory", ctx)} FROM OpportunityHistories ORDER BY CreatedDate, Id)`]
  if (!ctx.disabled.has("OpportunityLineItems")) children.push(`(${select("OpportunityLineItem", ctx)} FROM OpportunityLineItems ORDER BY Id)`)
  if (!ctx.disabled.has("OpportunityCompetitors")) children.push(`(${select("OpportunityCompetitor", ctx)} FROM OpportunityCompetitors)`)
  if (!ctx.disabled.has("Quotes")) {
    const lines = `(${select("QuoteLineItem", ctx)} FROM QuoteLineItems ORDER BY Id)`
    children.push(`(${select("Quote", ctx, [lines])} FROM Quotes ORDER BY CreatedDate, Id)`)
  }
  children.push(...activities(ctx, { emails: "Emails" }))
  return `(${select("Opportunity", ctx, children)} FROM Opportunities ${ORDER})`
}

/** The account's own leaf streams, Tasks last: usually the largest, they fill what is left of a
 * batch instead of cutting the smaller streams short. */
function accountLeaves(ctx: PlanContext): string[] {
  const contracts = `(${select("Contract", ctx)} FROM Contracts${where("Contract", ctx)} ${ORDER})`
  const [tasks, events, emails] = activities(ctx, { emails: "Emails" })
  return [contracts, events!, ...(emails ? [emails] : []), tasks!]
}

/** The whole account sync as one SOQL statement (19 parent-to-child relationships of the 20 allowed). */
export function buildAccountQuery(accountId: string, ctx: PlanContext): string {
  const contacts = `(${select("Contact", ctx, activities(ctx, { unrelatedOnly: true }))} FROM Contacts ${ORDER})`
  const cases = `(${select("Case", ctx, activities(ctx, { emails: "EmailMessages", events: false }))} FROM Cases ${ORDER})`
  const parts = [contacts, opportunities(ctx), cases, ...accountLeaves(ctx)]
  return `${select("Account", ctx, parts)} FROM Account WHERE Id = ${soqlString(accountId)}`
}
