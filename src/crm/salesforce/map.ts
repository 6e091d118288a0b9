/**
 * Salesforce REST records → the canonical model. Each record is first checked against the fields
 * Parley reads (a record with an unexpected value is rejected with its id, the rest go on), then
 * mapped; the store validates the canonical rows once more before writing.
 */
import * as z from "zod"
import { recordKey } from "../../model/keys"
import type { Account, Case, Contact, Contract, Deal, Interaction, Quote, QuoteLine, StageChange } from "../../model/schema"
import type { HistoryBatch, Removals } from "../../model/store"
import { toId18 } from "./ids"
import type { StreamObject } from "./soql"

const SHORT = 256
const LONG = 20_000

const Id = z.string().regex(/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/, "not a Salesforce id")
const Str = z.string().nullish()
const Num = z.number().finite().nullish()
const Bool = z.boolean().nullish()
/** `2026-11-20T09:00:00.000+0000` or a plain ISO string. */
const DateTime = z.string().refine((s) => !Number.isNaN(toMs(s)), "not a Salesforce datetime").nullish()
const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "not a Salesforce date").nullish()
const Parent = z.object({ Name: Str, Family: Str }).nullish()

const base = { Id, SystemModstamp: DateTime, CreatedDate: DateTime }
const RAW = {
  Account: z.object({ ...base, Name: z.string(), Industry: Str, Type: Str, AccountSource: Str, AnnualRevenue: Num, Owner: Parent }),
  Contact: z.object({ ...base, Name: z.string(), Title: Str, Email: Str, Phone: Str }),
  Opportunity: z.object({
    ...base,
    Name: z.string(),
    StageName: z.string(),
    Amount: Num,
    CloseDate: DateOnly,
    IsClosed: Bool,
    IsWon: Bool,
    Type: Str,
    LeadSource: Str,
    Description: Str,
    Loss_Reason__c: Str
  }),
  OpportunityHistory: z.object({ Id, StageName: z.string(), Amount: Num, CreatedDate: z.string().refine((s) => !Number.isNaN(toMs(s))) }),
  OpportunityLineItem: z.object({ ...base, Product2Id: Id.nullish(), Product2: Parent, Quantity: Num, ListPrice: Num, UnitPrice: Num, Discount: Num }),
  Quote: z.object({ ...base, Name: z.string(), QuoteNumber: Str, Status: Str, Discount: Num, GrandTotal: Num }),
  QuoteLineItem: z.object({ ...base, Product2Id: Id.nullish(), Product2: Parent, Quantity: Num, ListPrice: Num, UnitPrice: Num, Discount: Num }),
  Case: z.object({
    ...base,
    CaseNumber: Str,
    Subject: Str,
    Description: Str,
    Type: Str,
    Reason: Str,
    Origin: Str,
    Priority: Str,
    Status: Str,
    IsEscalated: Bool,
    IsClosed: Bool,
    ClosedDate: DateTime
  }),
  Contract: z.object({ ...base, ContractNumber: Str, Name: Str, Status: Str, StartDate: DateOnly, EndDate: DateOnly, ContractTerm: Num, Description: Str }),
  Task: z.object({
    ...base,
    WhatId: Id.nullish(),
    Subject: Str,
    Description: Str,
    ActivityDate: DateOnly,
    CompletedDateTime: DateTime,
    TaskSubtype: Str,
    Type: Str,
    CallType: Str
  }),
  Event: z.object({ ...base, WhatId: Id.nullish(), Subject: Str, Description: Str, StartDateTime: DateTime, ActivityDateTime: DateTime, Type: Str }),
  EmailMessage: z.object({
    ...base,
    ActivityId: Id.nullish(),
    RelatedToId: Id.nullish(),
    ParentId: Id.nullish(),
    Subject: Str,
    TextBody: Str,
    Incoming: Bool,
    MessageDate: DateTime,
    Status: Str
  })
} as const
type RawType = keyof typeof RAW
type Raw<T extends RawType> = z.infer<(typeof RAW)[T]>

/** Salesforce datetimes end in `+0000`, which not every Date parser accepts. */
export function toMs(value: string): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return Date.parse(`${value}T00:00:00Z`)
  return Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"))
}
const ms = (value: string | null | undefined) => (value ? toMs(value) : undefined)
const opt = <T>(value: T | null | undefined): T | undefined => value ?? undefined
const clip = (value: string | null | undefined, max: number) => (value ? value.slice(0, max) : undefined)
const round2 = (n: number) => Math.round(n * 100) / 100

export interface MapContext {
  org: string
  /** 18-character id of the account being synced: every record of its tree belongs to it. */
  accountId: string
  now: number
  currency?: string
}

export interface RejectedRecord {
  id?: string
  object: string
  reason: string
}

/** What one response (or page) maps to: rows deduplicated by key, rows Salesforce reports deleted,
 * rejects, newest stamp per stream. */
export class MappedBatch {
  private readonly rows = new Map<keyof HistoryBatch, Map<string, unknown>>()
  private readonly removed = new Map<keyof HistoryBatch, Set<string>>()
  readonly rejected: RejectedRecord[] = []
  readonly stamps: Partial<Record<StreamObject, number>> = {}

  add<K extends keyof HistoryBatch>(table: K, row: NonNullable<HistoryBatch[K]>[number]): void {
    let rows = this.rows.get(table)
    if (!rows) this.rows.set(table, (rows = new Map()))
    const existing = rows.get(row.key) as { sourceObject?: string } | undefined
    // An email seen both as its Task and as its EmailMessage: the EmailMessage knows the direction.
    if (existing?.sourceObject === "EmailMessage" && (row as { sourceObject?: string }).sourceObject === "Task") return
    rows.set(row.key, row)
    this.removed.get(table)?.delete(row.key)
  }

  /** A row Salesforce returned with `IsDeleted = true`: the local copy goes (the later news wins). */
  remove(table: keyof HistoryBatch, key: string): void {
    this.rows.get(table)?.delete(key)
    let keys = this.removed.get(table)
    if (!keys) this.removed.set(table, (keys = new Set()))
    keys.add(key)
  }

  removals(): Removals {
    const out: Removals = {}
    for (const [table, keys] of this.removed) if (keys.size) out[table] = [...keys]
    return out
  }

  stamp(object: StreamObject, value: number | undefined): void {
    if (value !== undefined && !(value <= (this.stamps[object] ?? -1))) this.stamps[object] = value
  }

  batch(): HistoryBatch {
    const out: HistoryBatch = {}
    for (const [table, rows] of this.rows) (out as Record<string, unknown[]>)[table] = [...rows.values()]
    return out
  }

  get size(): number {
    let n = 0
    for (const rows of this.rows.values()) n += rows.size
    for (const keys of this.removed.values()) n += keys.size
    return n
  }
}

type QueryResultLike = { records?: unknown }

/** The child records of a nested result (`null` when a subquery matched nothing). */
export function childRecords(value: unknown): unknown[] {
  const records = (value as QueryResultLike | null)?.records
  return Array.isArray(records) ? records : []
}

/** `IsDeleted = true`: a row in the recycle bin, which only QueryAll returns. */
function isDeleted(raw: unknown): boolean {
  return (raw as { IsDeleted?: unknown } | null)?.IsDeleted === true
}
const live = (records: unknown[]) => records.filter((r) => !isDeleted(r))

function typeOf(raw: unknown): string | undefined {
  const type = (raw as { attributes?: { type?: unknown } } | null)?.attributes?.type
  return typeof type === "string" ? type : undefined
}

function parse<T extends RawType>(type: T, raw: unknown, out: MappedBatch): Raw<T> | undefined {
  const parsed = RAW[type].safeParse(raw)
  if (parsed.success) return parsed.data as Raw<T>
  const id = (raw as { Id?: unknown } | null)?.Id
  out.rejected.push({
    id: typeof id === "string" ? id : undefined,
    object: type,
    reason: parsed.error.issues.map((i) => `${i.path.join(".") || "record"}: ${i.message}`).join("; ")
  })
  return undefined
}

class Mapper {
  constructor(
    private readonly ctx: MapContext,
    readonly out: MappedBatch
  ) {}

  private key(id: string): string {
    return recordKey("salesforce", this.ctx.org, toId18(id) ?? id)
  }
  private get accountKey(): string {
    return this.key(this.ctx.accountId)
  }
  private entity(id: string, stamp: string | null | undefined) {
    const id18 = toId18(id) ?? id
    return { key: this.key(id18), crm: "salesforce" as const, org: this.ctx.org, id: id18, modifiedAt: ms(stamp), seenAt: this.ctx.now }
  }
  private dealKeyOf(id: string | null | undefined): string | undefined {
    return id && id.startsWith("006") ? this.key(id) : undefined
  }

  /** A deleted record: its row (and, in the store, what hangs off it) goes. False if not deleted. */
  private deleted(raw: unknown, table: keyof HistoryBatch, object?: StreamObject): boolean {
    if (!isDeleted(raw)) return false
    const { Id: rawId, SystemModstamp } = raw as { Id?: unknown; SystemModstamp?: unknown }
    const id = typeof rawId === "string" ? rawId : ""
    if (!Id.safeParse(id).success) {
      this.out.rejected.push({ id: id || undefined, object: object ?? table, reason: "Id: not a Salesforce id" })
      return true
    }
    // An email is stored under its Task when it has one (see email()).
    const activity = (raw as { ActivityId?: unknown }).ActivityId
    this.out.remove(table, this.key(typeof activity === "string" && activity ? activity : id))
    if (object && typeof SystemModstamp === "string") this.out.stamp(object, ms(SystemModstamp))
    return true
  }

  record(raw: unknown): void {
    const type = typeOf(raw)
    switch (type) {
      case "Account":
        return this.account(raw)
      case "Contact":
        return this.contact(raw)
      case "Opportunity":
        return this.opportunity(raw)
      case "Case":
        return this.case(raw)
      case "Contract":
        return this.contract(raw)
      case "Task":
        return this.task(raw)
      case "Event":
        return this.event(raw)
      case "EmailMessage":
        return this.email(raw)
      default:
        this.out.rejected.push({ id: (raw as { Id?: string } | null)?.Id, object: type ?? "unknown", reason: "unexpected record type" })
    }
  }

  private children(raw: unknown, ...names: string[]): void {
    for (const name of names) for (const child of childRecords((raw as Record<string, unknown>)[name])) this.record(child)
  }

  private account(raw: unknown): void {
    if (this.deleted(raw, "accounts", "Account")) return
    const r = parse("Account", raw, this.out)
    if (!r) return
    const row: Account = {
      ...this.entity(r.Id, r.SystemModstamp),
      name: r.Name.slice(0, SHORT),
      industry: clip(r.Industry, SHORT),
      type: clip(r.Type, SHORT),
      leadSource: clip(r.AccountSource, SHORT),
      annualRevenue: opt(r.AnnualRevenue),
      currency: this.ctx.currency,
      ownerName: clip(r.Owner?.Name, SHORT),
      createdAt: ms(r.CreatedDate)
    }
    this.out.add("accounts", row)
    this.out.stamp("Account", row.modifiedAt)
  }

  private contact(raw: unknown): void {
    if (this.deleted(raw, "contacts", "Contact")) return
    const r = parse("Contact", raw, this.out)
    if (r) {
      const row: Contact = {
        ...this.entity(r.Id, r.SystemModstamp),
        accountKey: this.accountKey,
        name: r.Name.slice(0, SHORT),
        title: clip(r.Title, SHORT),
        email: clip(r.Email, SHORT),
        phone: clip(r.Phone, SHORT)
      }
      this.out.add("contacts", row)
      this.out.stamp("Contact", row.modifiedAt)
    }
    this.children(raw, "Tasks", "Events")
  }

  private opportunity(raw: unknown): void {
    if (this.deleted(raw, "deals", "Opportunity")) {
      this.children(raw, "Emails")
      return
    }
    const r = parse("Opportunity", raw, this.out)
    const children = raw as Record<string, unknown>
    if (r) {
      const history: StageChange[] = []
      for (const h of live(childRecords(children.OpportunityHistories))) {
        const row = parse("OpportunityHistory", h, this.out)
        if (row) history.push({ at: toMs(row.CreatedDate), stage: row.StageName.slice(0, SHORT), amount: opt(row.Amount) })
      }
      history.sort((a, b) => a.at - b.at)
      const competitors = live(childRecords(children.OpportunityCompetitors)).length
      const deal: Deal = {
        ...this.entity(r.Id, r.SystemModstamp),
        accountKey: this.accountKey,
        name: r.Name.slice(0, SHORT),
        stage: r.StageName.slice(0, SHORT),
        amount: opt(r.Amount),
        currency: this.ctx.currency,
        createdAt: ms(r.CreatedDate) ?? 0,
        closeDate: ms(r.CloseDate),
        isClosed: r.IsClosed ?? false,
        isWon: r.IsWon ?? false,
        type: clip(r.Type, SHORT),
        leadSource: clip(r.LeadSource, SHORT),
        lossReason: clip(r.Loss_Reason__c, LONG),
        description: clip(r.Description, LONG),
        competitorCount: competitors > 0 ? competitors : undefined,
        stageHistory: history.slice(-500)
      }
      this.out.add("deals", deal)
      this.out.stamp("Opportunity", deal.modifiedAt)
      this.quotes(r, children)
    }
    this.children(raw, "Tasks", "Events", "Emails")
  }

  /** Quotes of a deal are revisions, numbered by CreatedDate. Without quotes (feature off, or
   * none drafted) the opportunity's products stand in as revision 1, keyed by the opportunity. */
  private quotes(opp: Raw<"Opportunity">, children: Record<string, unknown>): void {
    const dealKey = this.key(opp.Id)
    for (const q of childRecords(children.Quotes)) this.deleted(q, "quotes")
    const quotes = live(childRecords(children.Quotes))
      .map((q) => ({ raw: q, row: parse("Quote", q, this.out) }))
      .filter((q): q is { raw: unknown; row: Raw<"Quote"> } => !!q.row)
      .sort((a, b) => (ms(a.row.CreatedDate) ?? 0) - (ms(b.row.CreatedDate) ?? 0) || a.row.Id.localeCompare(b.row.Id))
    for (const [i, { raw, row }] of quotes.entries()) {
      const quoteKey = this.key(row.Id)
      const lines = this.lines(childRecords((raw as Record<string, unknown>).QuoteLineItems), "QuoteLineItem", quoteKey)
      const quote: Quote = {
        ...this.entity(row.Id, row.SystemModstamp),
        accountKey: this.accountKey,
        dealKey,
        name: row.Name.slice(0, SHORT),
        number: clip(row.QuoteNumber, SHORT),
        status: clip(row.Status, SHORT),
        revision: i + 1,
        createdAt: ms(row.CreatedDate) ?? 0,
        total: opt(row.GrandTotal),
        discountPercent: lines.discountPercent ?? opt(row.Discount),
        currency: this.ctx.currency
      }
      this.out.add("quotes", quote)
    }
    const products = live(childRecords(children.OpportunityLineItems))
    if (quotes.length || !products.length) return
    const lines = this.lines(products, "OpportunityLineItem", dealKey)
    this.out.add("quotes", {
      ...this.entity(opp.Id, undefined),
      modifiedAt: lines.modifiedAt,
      accountKey: this.accountKey,
      dealKey,
      name: `${opp.Name} (products)`.slice(0, SHORT),
      status: opp.StageName.slice(0, SHORT),
      revision: 1,
      createdAt: ms(opp.CreatedDate) ?? 0,
      total: lines.total,
      discountPercent: lines.discountPercent,
      currency: this.ctx.currency
    })
  }

  /** Maps line items; returns the quote-level effective discount and total. */
  private lines(records: unknown[], type: "QuoteLineItem" | "OpportunityLineItem", quoteKey: string) {
    let list = 0
    let net = 0
    let total = 0
    let modifiedAt: number | undefined
    for (const raw of records) {
      if (type === "QuoteLineItem" && this.deleted(raw, "quoteLines")) continue
      if (isDeleted(raw)) continue
      const r = parse(type, raw, this.out)
      if (!r || r.UnitPrice == null || !r.Quantity) {
        if (r) this.out.rejected.push({ id: r.Id, object: type, reason: "UnitPrice and Quantity are required" })
        continue
      }
      const unitNet = r.UnitPrice * (1 - (r.Discount ?? 0) / 100)
      const discount = r.ListPrice ? Math.min(100, Math.max(0, round2((1 - unitNet / r.ListPrice) * 100))) : opt(r.Discount)
      const line: QuoteLine = {
        ...this.entity(r.Id, r.SystemModstamp),
        quoteKey,
        accountKey: this.accountKey,
        product: (r.Product2?.Name ?? "Product").slice(0, SHORT),
        quantity: r.Quantity,
        listPrice: opt(r.ListPrice),
        unitPrice: r.UnitPrice,
        discountPercent: discount,
        isCustom: !r.Product2Id || /custom/i.test(r.Product2?.Family ?? "")
      }
      this.out.add("quoteLines", line)
      if (r.ListPrice) {
        list += r.ListPrice * r.Quantity
        net += unitNet * r.Quantity
      }
      total += unitNet * r.Quantity
      if (line.modifiedAt !== undefined && !(line.modifiedAt <= (modifiedAt ?? -1))) modifiedAt = line.modifiedAt
    }
    return { discountPercent: list > 0 ? Math.min(100, Math.max(0, round2((1 - net / list) * 100))) : undefined, total: round2(total), modifiedAt }
  }

  private case(raw: unknown): void {
    if (this.deleted(raw, "cases", "Case")) {
      this.children(raw, "Tasks", "Events", "EmailMessages")
      return
    }
    const r = parse("Case", raw, this.out)
    if (r) {
      const row: Case = {
        ...this.entity(r.Id, r.SystemModstamp),
        accountKey: this.accountKey,
        number: clip(r.CaseNumber, SHORT),
        subject: (r.Subject || r.CaseNumber || "(no subject)").slice(0, SHORT),
        description: clip(r.Description, LONG),
        type: clip(r.Type, SHORT),
        reason: clip(r.Reason, SHORT),
        origin: clip(r.Origin, SHORT),
        priority: clip(r.Priority, SHORT),
        status: (r.Status || "Unknown").slice(0, SHORT),
        isEscalated: r.IsEscalated ?? false,
        isClosed: r.IsClosed ?? false,
        openedAt: ms(r.CreatedDate) ?? 0,
        closedAt: ms(r.ClosedDate)
      }
      this.out.add("cases", row)
      this.out.stamp("Case", row.modifiedAt)
    }
    this.children(raw, "Tasks", "Events", "EmailMessages")
  }

  private contract(raw: unknown): void {
    if (this.deleted(raw, "contracts", "Contract")) return
    const r = parse("Contract", raw, this.out)
    if (!r) return
    const row: Contract = {
      ...this.entity(r.Id, r.SystemModstamp),
      accountKey: this.accountKey,
      number: clip(r.ContractNumber, SHORT),
      name: clip(r.Name, SHORT),
      status: (r.Status || "Draft").slice(0, SHORT),
      startDate: ms(r.StartDate),
      endDate: ms(r.EndDate),
      termMonths: opt(r.ContractTerm),
      description: clip(r.Description, LONG)
    }
    this.out.add("contracts", row)
    this.out.stamp("Contract", row.modifiedAt)
  }

  private interaction(id: string, stamp: string | null | undefined, fields: Omit<Interaction, keyof ReturnType<Mapper["entity"]> | "accountKey">): void {
    this.out.add("interactions", { ...this.entity(id, stamp), accountKey: this.accountKey, ...fields })
  }

  private task(raw: unknown): void {
    if (this.deleted(raw, "interactions", "Task")) return
    const r = parse("Task", raw, this.out)
    if (!r) return
    const subtype = r.TaskSubtype ?? ""
    const type = (r.Type ?? "").toLowerCase()
    const channel = subtype === "Call" || (!subtype && type === "call") ? "call" : subtype === "Email" || subtype === "ListEmail" || (!subtype && type === "email") ? "email" : !subtype && type === "meeting" ? "meeting" : "task"
    const direction =
      r.CallType === "Inbound" ? "inbound" : r.CallType === "Outbound" ? "outbound" : r.CallType === "Internal" ? "internal" : subtype === "ListEmail" ? "outbound" : "unknown"
    this.interaction(r.Id, r.SystemModstamp, {
      dealKey: this.dealKeyOf(r.WhatId),
      channel,
      direction,
      at: ms(r.CompletedDateTime) ?? ms(r.ActivityDate) ?? ms(r.CreatedDate) ?? 0,
      subject: clip(r.Subject, SHORT),
      text: clip(r.Description, LONG),
      sourceObject: "Task",
      // A list email goes to many recipients at once: not contact with this customer.
      ...(subtype === "ListEmail" ? { automated: true } : {})
    })
    this.out.stamp("Task", ms(r.SystemModstamp))
  }

  private event(raw: unknown): void {
    if (this.deleted(raw, "interactions", "Event")) return
    const r = parse("Event", raw, this.out)
    if (!r) return
    this.interaction(r.Id, r.SystemModstamp, {
      dealKey: this.dealKeyOf(r.WhatId),
      channel: "meeting",
      direction: "unknown",
      at: ms(r.StartDateTime) ?? ms(r.ActivityDateTime) ?? ms(r.CreatedDate) ?? 0,
      subject: clip(r.Subject, SHORT),
      text: clip(r.Description, LONG),
      sourceObject: "Event"
    })
    this.out.stamp("Event", ms(r.SystemModstamp))
  }

  /** Keyed by its Task when it has one (Enhanced Email creates both), so it is one interaction. */
  private email(raw: unknown): void {
    if (this.deleted(raw, "interactions", "EmailMessage")) return
    const r = parse("EmailMessage", raw, this.out)
    if (!r) return
    this.out.stamp("EmailMessage", ms(r.SystemModstamp))
    if (r.Status === "5") return // a draft was never sent
    this.interaction(r.ActivityId ?? r.Id, r.SystemModstamp, {
      dealKey: this.dealKeyOf(r.RelatedToId),
      channel: "email",
      direction: r.Incoming === true ? "inbound" : r.Incoming === false ? "outbound" : "unknown",
      at: ms(r.MessageDate) ?? ms(r.CreatedDate) ?? 0,
      subject: clip(r.Subject, SHORT),
      text: clip(r.TextBody, LONG),
      sourceObject: "EmailMessage"
    })
  }
}

/** Maps records (with their nested child results) of one account's sync into one batch. */
export function mapRecords(records: unknown[], ctx: MapContext, out = new MappedBatch()): MappedBatch {
  const mapper = new Mapper(ctx, out)
  for (const raw of records) mapper.record(raw)
  return out
}

/** Maps the account row: the account and everything nested under it. */
export function mapAccountTree(account: unknown, ctx: MapContext): MappedBatch {
  const out = new MappedBatch()
  const mapper = new Mapper(ctx, out)
  mapper.record(account)
  const children = account as Record<string, unknown>
  for (const name of ["Contacts", "Opportunities", "Cases", "Contracts", "Tasks", "Events", "Emails"]) {
    for (const child of childRecords(children[name])) mapper.record(child)
  }
  return out
}
