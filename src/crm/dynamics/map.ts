/**
 * Dataverse Web API rows → canonical records (src/model/schema.ts). Mapping never throws and
 * never validates: a malformed value simply maps to something the zod schemas reject in
 * `writeBatch`, so one bad record is reported and the rest of its page still lands.
 *
 * Choices where Dynamics and the model differ (documented here once):
 * - labels come from `FormattedValue` annotations (the rep's language), ids from `_x_value`;
 * - phonecall/email `directioncode` true = Outgoing → outbound, false → inbound; appointments and
 *   tasks have no direction (unknown); notes are internal;
 * - a deal's stage is the business-process step (`stepname`) while open and the state label
 *   ("Won"/"Lost") once closed; its amount is `actualvalue` once won, else `estimatedvalue`;
 * - a quote line's unit price is `priceperunit − volumediscountamount − manualdiscountamount /
 *   quantity` and its discount the manual and volume discount over `baseamount`; a write-in line
 *   (`isproductoverridden`, or `productdescription` without a product) is custom;
 * - quote `discountPercent` is the quote-level `discountpercentage` when set; a zero is left out
 *   (the effective discount then comes from the lines, as on Salesforce);
 * - `termMonths` of a contract is derived from `activeon`/`expireson`.
 */
import { recordKey } from "../../model/keys"
import type { Account, Case, Contact, Contract, Deal, Interaction, Quote, QuoteLine } from "../../model/schema"
import type { Row } from "./api"

export const FORMATTED = "@OData.Community.Display.V1.FormattedValue"

export interface MapContext {
  org: string
  accountId: string
  seenAt: number
  /** Opportunity ids of the account: an activity regarding one of them belongs to that deal. */
  dealIds?: ReadonlySet<string>
}

const SHORT = 256
const LONG = 20_000
const TEXT_OF_ACTIVITY = 4_000

/* Loose readers: wrong types become undefined (and required fields then fail validation). */
export const str = (v: unknown, max = SHORT): string | undefined => (typeof v === "string" ? v.slice(0, max) : undefined)
export const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined)
/** Epoch ms of an ISO date or date-time; NaN for garbage so required timestamps are rejected. */
export const time = (v: unknown): number | undefined => (typeof v === "string" ? Date.parse(v) : undefined)
export const label = (row: Row, column: string): string | undefined => str(row[column + FORMATTED])
const guid = (v: unknown): string | undefined => (typeof v === "string" && /^[0-9a-f-]{36}$/i.test(v) ? v.toLowerCase() : undefined)
const isoCurrency = (row: Row): string | undefined => {
  const code = (row.transactioncurrencyid as { isocurrencycode?: unknown } | null | undefined)?.isocurrencycode
  return typeof code === "string" && /^[A-Z]{3}$/.test(code) ? code : undefined
}
const drop = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T

/** HTML email bodies to plain text (CRM text is data; it is never rendered as markup). */
export function plainText(html: unknown, max = TEXT_OF_ACTIVITY): string | undefined {
  if (typeof html !== "string") return undefined
  const text = html
    .replace(/<(style|script)[\s\S]*?<\/\1>/gi, " ")
    // Inline tags join words ("<b>competitor</b>'s"); every other tag separates them.
    .replace(/<\/?(?:b|i|u|em|strong|span|a|font|small|sub|sup)\b[^>]*>/gi, "")
    .replace(/<[^>]*>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim()
  return text ? text.slice(0, max) : undefined
}

function base(ctx: MapContext, id: unknown, row: Row) {
  const key = typeof id === "string" ? id.toLowerCase() : ""
  return { key: recordKey("dynamics", ctx.org, key), crm: "dynamics" as const, org: ctx.org, id: key, modifiedAt: time(row.modifiedon), seenAt: ctx.seenAt }
}
const accountKeyOf = (ctx: MapContext) => recordKey("dynamics", ctx.org, ctx.accountId)

export function mapAccount(row: Row, ctx: MapContext): Account {
  return drop({
    ...base(ctx, row.accountid, row),
    name: str(row.name) as string,
    industry: label(row, "industrycode"),
    type: label(row, "customertypecode"),
    annualRevenue: num(row.revenue),
    currency: isoCurrency(row),
    ownerName: label(row, "_ownerid_value"),
    createdAt: time(row.createdon)
  })
}

export function mapContact(row: Row, ctx: MapContext): Contact {
  const name = str(row.fullname) || [str(row.firstname), str(row.lastname)].filter(Boolean).join(" ")
  return drop({
    ...base(ctx, row.contactid, row),
    accountKey: accountKeyOf(ctx),
    name,
    title: str(row.jobtitle),
    email: str(row.emailaddress1),
    phone: str(row.telephone1)
  })
}

/** Which table an activity row came from decides its channel and when it happened. */
export const ACTIVITY_TABLES = {
  phonecall: { channel: "call", time: ["actualend", "scheduledend", "createdon"] },
  email: { channel: "email", time: ["senton", "actualend", "createdon"] },
  appointment: { channel: "meeting", time: ["actualstart", "scheduledstart", "createdon"] },
  task: { channel: "task", time: ["actualend", "scheduledend", "createdon"] },
  annotation: { channel: "note", time: ["createdon"] }
} as const
export type ActivityTable = keyof typeof ACTIVITY_TABLES

export function mapActivity(table: ActivityTable, row: Row, ctx: MapContext): Interaction {
  const spec = ACTIVITY_TABLES[table]
  const at = spec.time.map((c) => row[c]).find((v) => v !== null && v !== undefined)
  const direction =
    table === "annotation" ? "internal" : table === "phonecall" || table === "email" ? (row.directioncode === true ? "outbound" : row.directioncode === false ? "inbound" : "unknown") : "unknown"
  const regarding = guid(table === "annotation" ? row._objectid_value : row._regardingobjectid_value)
  const body = table === "annotation" ? row.notetext : row.description
  return drop({
    ...base(ctx, table === "annotation" ? row.annotationid : row.activityid, row),
    accountKey: accountKeyOf(ctx),
    dealKey: regarding && ctx.dealIds?.has(regarding) ? recordKey("dynamics", ctx.org, regarding) : undefined,
    channel: spec.channel,
    direction,
    at: time(at) as number,
    subject: str(row.subject),
    text: table === "email" ? plainText(body) : str(body, TEXT_OF_ACTIVITY),
    sourceObject: table,
    // Created by a workflow rule (IsWorkflowCreated, on every activity table): a machine's send.
    automated: row.isworkflowcreated === true ? true : undefined
  })
}

/** Win/loss details from the opportunityclose rows of one opportunity. */
export interface CloseInfo {
  description?: string
  competitorIds: Set<string>
  actualEnd?: number
}

export function closeInfo(rows: Row[]): Map<string, CloseInfo> {
  const byDeal = new Map<string, CloseInfo>()
  // Latest close last, so its description wins (an opportunity reopened and closed again).
  const sorted = [...rows].sort((a, b) => (time(a.actualend) ?? 0) - (time(b.actualend) ?? 0))
  for (const row of sorted) {
    const deal = guid(row._opportunityid_value)
    if (!deal) continue
    const info = byDeal.get(deal) ?? { competitorIds: new Set<string>() }
    const description = str(row.description, LONG)
    if (description) info.description = description
    const competitor = guid(row._competitorid_value)
    if (competitor) info.competitorIds.add(competitor)
    info.actualEnd = time(row.actualend) ?? info.actualEnd
    byDeal.set(deal, info)
  }
  return byDeal
}

export function mapDeal(row: Row, ctx: MapContext, close?: CloseInfo): Deal {
  const state = num(row.statecode)
  const isClosed = state !== undefined && state !== 0
  const isWon = state === 1
  const stage = isClosed ? label(row, "statecode") : str(row.stepname) || label(row, "salesstage") || label(row, "statuscode")
  return drop({
    ...base(ctx, row.opportunityid, row),
    accountKey: accountKeyOf(ctx),
    name: str(row.name) as string,
    stage: (stage ?? (isClosed ? (isWon ? "Won" : "Lost") : "Open")) as string,
    amount: isWon ? (num(row.actualvalue) ?? num(row.estimatedvalue)) : num(row.estimatedvalue),
    currency: isoCurrency(row),
    createdAt: time(row.createdon) as number,
    closeDate: time(row.actualclosedate) ?? time(row.estimatedclosedate),
    isClosed,
    isWon,
    description: str(row.description, LONG),
    lossReason: isClosed && !isWon ? (close?.description ?? label(row, "statuscode")) : undefined,
    // Only a positive count: the opportunity–competitor N:N list is not read, so "0" would be a guess.
    competitorCount: close?.competitorIds.size || undefined,
    stageHistory: []
  })
}

/** Quotes of a deal are its revisions, numbered by creation time (ties by id). */
export function numberRevisions(quotes: Quote[]): Map<string, number> {
  const groups = new Map<string, Quote[]>()
  for (const q of quotes) {
    const group = q.dealKey ?? `solo:${q.key}`
    groups.set(group, [...(groups.get(group) ?? []), q])
  }
  const revisions = new Map<string, number>()
  for (const group of groups.values()) {
    group.sort((a, b) => a.createdAt - b.createdAt || a.key.localeCompare(b.key))
    group.forEach((q, i) => revisions.set(q.key, i + 1))
  }
  return revisions
}

export function mapQuote(row: Row, ctx: MapContext): Quote {
  const deal = guid(row._opportunityid_value)
  return drop({
    ...base(ctx, row.quoteid, row),
    accountKey: accountKeyOf(ctx),
    dealKey: deal ? recordKey("dynamics", ctx.org, deal) : undefined,
    name: str(row.name) as string,
    number: str(row.quotenumber),
    status: label(row, "statuscode") ?? label(row, "statecode"),
    revision: 1,
    createdAt: time(row.createdon) as number,
    total: num(row.totalamount),
    // `discountpercentage` is only the extra quote-level discount; line discounts live on the
    // quotedetails. A zero there is not "no discount": leave it out so the effective discount is
    // read from the lines against list price, as the Salesforce mapper does.
    discountPercent: num(row.discountpercentage) || undefined,
    currency: isoCurrency(row)
  })
}

const round = (n: number, digits = 4) => Math.round(n * 10 ** digits) / 10 ** digits

export function mapQuoteLine(row: Row, ctx: MapContext): QuoteLine {
  const quantity = num(row.quantity)
  const price = num(row.priceperunit)
  const manual = num(row.manualdiscountamount) ?? 0
  const volume = num(row.volumediscountamount) ?? 0
  const baseAmount = num(row.baseamount) ?? (price !== undefined && quantity !== undefined ? price * quantity : undefined)
  const product = guid(row._productid_value)
  const writeIn = str(row.productdescription)
  const unitPrice = price !== undefined && quantity ? round(price - volume - manual / quantity, 6) : undefined
  return drop({
    ...base(ctx, row.quotedetailid, row),
    quoteKey: recordKey("dynamics", ctx.org, guid(row._quoteid_value) ?? ""),
    accountKey: accountKeyOf(ctx),
    product: (writeIn && !product ? writeIn : (label(row, "_productid_value") ?? writeIn ?? "")) as string,
    quantity: quantity as number,
    listPrice: price,
    unitPrice: unitPrice as number,
    discountPercent: baseAmount ? round(((manual + volume * (quantity ?? 0)) / baseAmount) * 100) : undefined,
    isCustom: row.isproductoverridden === true || (!product && !!writeIn)
  })
}

export function mapCase(row: Row, ctx: MapContext, resolvedAt?: number): Case {
  const state = num(row.statecode)
  const isClosed = state !== undefined && state !== 0
  return drop({
    ...base(ctx, row.incidentid, row),
    accountKey: accountKeyOf(ctx),
    number: str(row.ticketnumber),
    subject: str(row.title) as string,
    description: str(row.description, LONG),
    type: label(row, "casetypecode"),
    reason: label(row, "_subjectid_value"),
    origin: label(row, "caseorigincode"),
    priority: label(row, "prioritycode"),
    status: (label(row, "statuscode") ?? label(row, "statecode") ?? (isClosed ? "Closed" : "Active")) as string,
    isEscalated: row.isescalated === true,
    isClosed,
    openedAt: time(row.createdon) as number,
    // Resolved: the resolution's time; cancelled (no resolution): when it last changed.
    closedAt: isClosed ? (resolvedAt ?? time(row.modifiedon)) : undefined
  })
}

export function mapContract(row: Row, ctx: MapContext): Contract {
  const start = time(row.activeon)
  const end = time(row.expireson)
  // Contracts run "from activeon through expireson": count the last day, in average months.
  const months = start !== undefined && end !== undefined && end > start ? Math.round((end - start + 86_400_000) / (86_400_000 * 30.436875)) : undefined
  return drop({
    ...base(ctx, row.contractid, row),
    accountKey: accountKeyOf(ctx),
    number: str(row.contractnumber),
    name: str(row.title),
    status: (label(row, "statuscode") ?? label(row, "statecode") ?? "Unknown") as string,
    startDate: start,
    endDate: end,
    termMonths: months,
    value: num(row.totalprice),
    description: str(row.contractlanguage, LONG)
  })
}
