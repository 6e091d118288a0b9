/**
 * Builders for CRM histories in the canonical model, for the scenario tests: each record gets a
 * deterministic key (crm:org:id) and sensible defaults, and the test states only what matters.
 * Not used by production code.
 */
import type { Account, AccountHistory, Case, Contact, Contract, Crm, Deal, Interaction, Quote, QuoteLine } from "../../src/model/schema"

export const DAY = 86_400_000
/** Scenario histories start here (2023-01-02 UTC). */
export const T0 = Date.UTC(2023, 0, 2)
export const at = (days: number) => T0 + Math.round(days * DAY)

type Base = "key" | "crm" | "org" | "id" | "seenAt" | "accountKey"
type Opt<T, K extends keyof T> = Omit<T, K | Base> & Partial<Pick<T, K>> & { modifiedAt?: number }

export function kit(options: { crm?: Crm; org?: string; accountId?: string } = {}) {
  const crm: Crm = options.crm ?? "salesforce"
  const org = options.org ?? "acme"
  const key = (id: string) => `${crm}:${org}:${id}`
  const accountKey = key(options.accountId ?? "001ACCOUNT")
  const seenAt = at(800)
  const base = (id: string) => ({ key: key(id), crm, org, id, seenAt })

  return {
    key,
    accountKey,
    account: (fields: Partial<Omit<Account, Base>> = {}): Account => ({
      ...base(options.accountId ?? "001ACCOUNT"), name: "Test Account", createdAt: at(0), ...fields
    }),
    contact: (id: string, fields: Partial<Omit<Contact, Base>> = {}): Contact => ({ ...base(id), accountKey, name: `Contact ${id}`, ...fields }),
    interaction: (id: string, fields: Opt<Interaction, "sourceObject" | "channel" | "direction">): Interaction => ({
      ...base(id), accountKey, channel: "email", direction: "inbound", sourceObject: fields.channel === "call" ? "Task" : "EmailMessage",
      modifiedAt: fields.at, ...fields
    }),
    deal: (id: string, fields: Opt<Deal, "name" | "stage" | "isClosed" | "isWon" | "stageHistory">): Deal => ({
      ...base(id), accountKey, name: `Deal ${id}`, stage: fields.isClosed ? (fields.isWon ? "Closed Won" : "Closed Lost") : "Proposal",
      isClosed: false, isWon: false, stageHistory: [], modifiedAt: fields.createdAt, ...fields
    }),
    quote: (id: string, fields: Opt<Quote, "name">): Quote => ({ ...base(id), accountKey, name: `Quote ${id}`, modifiedAt: fields.createdAt, ...fields }),
    line: (id: string, fields: Opt<QuoteLine, "quantity" | "isCustom">): QuoteLine => ({
      ...base(id), accountKey, quantity: 1, isCustom: false, ...fields
    }),
    kase: (id: string, fields: Opt<Case, "subject" | "status" | "isClosed" | "isEscalated">): Case => ({
      ...base(id), accountKey, subject: `Case ${id}`, status: fields.isClosed === false ? "Working" : "Closed", isClosed: true,
      isEscalated: false, modifiedAt: fields.closedAt ?? fields.openedAt, ...fields
    }),
    contract: (id: string, fields: Opt<Contract, "status">): Contract => ({ ...base(id), accountKey, status: "Activated", ...fields }),
    history: (account: Account, parts: Partial<Omit<AccountHistory, "account">>): AccountHistory => ({
      account, contacts: [], interactions: [], deals: [], quotes: [], quoteLines: [], cases: [], contracts: [], ...parts
    })
  }
}

/** Record keys named in a list of evidence. */
export const keysOf = (items: ReadonlyArray<{ recordKey: string }>) => items.map((e) => e.recordKey)

type Kit = ReturnType<typeof kit>
/** A deal's fields for quotedDeal (its creation time comes from `start`). */
export type DealFields = Omit<Parameters<Kit["deal"]>[1], "createdAt">

/** The one catalogue line a quoted deal's revisions carry. */
export interface QuotedLine {
  product: string
  quantity: number
  listPrice: number
}

/**
 * A deal with `discounts.length` quote revisions of one catalogue line, a week apart, each at its
 * discount off list (default: 100 laptops at 1,000).
 */
export function quotedDeal(k: Kit, id: string, start: number, discounts: number[], deal: DealFields, line: QuotedLine = { product: "Latitude laptop 14", quantity: 100, listPrice: 1000 }) {
  const quotes = discounts.map((d, r) => k.quote(`${id}Q${r + 1}`, { dealKey: k.key(id), revision: r + 1, createdAt: at(start + 5 + r * 7), discountPercent: d, total: line.quantity * line.listPrice * (1 - d / 100) }))
  const lines = quotes.map((q, r) => k.line(`${id}L${r + 1}`, { quoteKey: q.key, product: line.product, quantity: line.quantity, listPrice: line.listPrice, unitPrice: line.listPrice * (1 - discounts[r]! / 100) }))
  return { deal: k.deal(id, { createdAt: at(start), ...deal }), quotes, lines }
}
