/**
 * Property tests of the CRM record mappers (fast-check) on what an API could return: real-shaped
 * Salesforce and Dataverse rows with any field replaced by any JSON value or hostile text, or
 * removed, and any org name (an on-premises host with a port included). A mapper never throws;
 * a row it cannot use is rejected with a reason (by the mapper, or by the sync's write step);
 * a row that is kept is a valid canonical record whose key parses back to its org and id.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { hostileJson, hostileText } from "../../tests/support/arbitraries"
import { parseRecordKey } from "../model/keys"
import { validateBatch } from "../model/store"
import { Account, Case, Contact, Contract, Deal, Interaction, Quote, QuoteLine } from "../model/schema"
import * as dynamics from "./dynamics/map"
import { mapRecords } from "./salesforce/map"

const SCHEMAS = { accounts: Account, contacts: Contact, deals: Deal, cases: Case, contracts: Contract, interactions: Interaction, quotes: Quote, quoteLines: QuoteLine } as const

/** An org as a connector or a forged observation could name it. */
const orgName = fc.oneof(fc.constantFrom("northwind", "acme.mil", "contoso.crm4", "crm.contoso.local:5555", "crm.contoso.local/sales", "50%:off"), hostileText(24).filter((s) => s.length > 0))

/** A row with some fields replaced by anything, or removed. */
function mutated(template: Record<string, unknown>, extraKeys: readonly string[] = []): fc.Arbitrary<Record<string, unknown>> {
  const keys = [...Object.keys(template), ...extraKeys]
  return fc.dictionary(fc.constantFrom(...keys), fc.option(fc.oneof(hostileJson(), hostileText()), { nil: undefined }), { maxKeys: 4 }).map((changes) => {
    const row: Record<string, unknown> = { ...template }
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) delete row[key]
      else row[key] = value
    }
    return row
  })
}

const AT = "2026-03-04T10:20:30.000+0000"
const sf = (type: string, id: string, fields: Record<string, unknown>) => ({ attributes: { type, url: `/x/${id}` }, Id: id, SystemModstamp: AT, CreatedDate: AT, ...fields })
const SALESFORCE_ROWS = [
  sf("Account", "001000000000001AAA", { Name: "Globex", Industry: "Manufacturing", Type: "Customer", AnnualRevenue: 412_000_000, Owner: { Name: "Rosa Diaz" } }),
  sf("Contact", "003000000000001AAA", { Name: "هانک اسکورپیو", Title: "VP", Email: "hank@globex.example", Phone: "+1 555" }),
  sf("Opportunity", "006000000000001AAA", { Name: "Renewal", StageName: "Negotiation", Amount: 120_000, CloseDate: "2026-06-30", IsClosed: false, IsWon: false, Description: "تخفیف ۱۵٪" }),
  sf("Case", "500000000000001AAA", { CaseNumber: "00001001", Subject: "Late delivery", Priority: "High", Status: "New", IsEscalated: false, IsClosed: false }),
  sf("Contract", "800000000000001AAA", { ContractNumber: "00000100", Status: "Activated", StartDate: "2026-01-01", EndDate: "2026-12-31", ContractTerm: 12 }),
  sf("Task", "00T000000000001AAA", { WhatId: "006000000000001AAA", Subject: "Call", TaskSubtype: "Call", CallType: "Inbound", ActivityDate: "2026-03-01" }),
  sf("Event", "00U000000000001AAA", { Subject: "Meeting", StartDateTime: AT, Type: "Meeting" }),
  sf("EmailMessage", "02s000000000001AAA", { ActivityId: "00T000000000002AAA", Subject: "Re: price", TextBody: "Can you match?", Incoming: true, MessageDate: AT, Status: "3" })
]

function expectValidBatch(batch: Record<string, unknown[] | undefined>, org: string, crm: "salesforce" | "dynamics") {
  for (const [table, rows] of Object.entries(batch)) {
    const schema = SCHEMAS[table as keyof typeof SCHEMAS]
    expect(schema, table).toBeDefined()
    for (const row of rows ?? []) {
      const parsed = schema.safeParse(row)
      expect(parsed.success ? "" : `${table}: ${parsed.error.issues[0]!.path.join(".")}: ${parsed.error.issues[0]!.message}`).toBe("")
      const r = row as { key: string; id: string }
      expect(parseRecordKey(r.key)).toEqual({ crm, org, id: r.id })
    }
  }
}

describe("Salesforce mapper (property)", () => {
  it("never throws: maps what it can into valid records keyed by their org, rejects the rest with a reason", () => {
    const records = fc.array(fc.oneof(fc.constantFrom(...SALESFORCE_ROWS).chain((row) => mutated(row, ["IsDeleted", "attributes", "Contacts"])), hostileJson()), { maxLength: 8 })
    fc.assert(
      fc.property(records, orgName, (rows, org) => {
        const out = mapRecords(rows, { org, accountId: "001000000000001AAA", now: 1_000, currency: "USD" })
        for (const rejected of out.rejected) expect(rejected.reason.length).toBeGreaterThan(0)
        // A value the canonical model cannot hold (a negative amount) is refused, with its reason,
        // where the sync writes the batch (store.ts validateBatch, sync.test.ts): the same step here.
        const written = validateBatch(out.batch())
        for (const rejected of written.rejected) expect(rejected.reason.length).toBeGreaterThan(0)
        expectValidBatch(written.valid as Record<string, unknown[]>, org, "salesforce")
      }),
      { numRuns: 500 }
    )
  })
})

const GUID = (n: number) => `00000001-0000-4000-8000-${String(n).padStart(12, "0")}`
const T = "2026-03-01T10:00:00Z"
const DYNAMICS: Array<{ name: string; table: keyof typeof SCHEMAS; map: (row: Record<string, unknown>, ctx: dynamics.MapContext) => unknown; row: Record<string, unknown> }> = [
  { name: "account", table: "accounts", map: dynamics.mapAccount, row: { accountid: GUID(1), name: "Globex", revenue: 1_000, createdon: T, modifiedon: T, transactioncurrencyid: { isocurrencycode: "USD" } } },
  { name: "contact", table: "contacts", map: dynamics.mapContact, row: { contactid: GUID(2), fullname: "هانک اسکورپیو", jobtitle: "VP", emailaddress1: "h@globex.example", modifiedon: T } },
  { name: "phonecall", table: "interactions", map: (row, ctx) => dynamics.mapActivity("phonecall", row, ctx), row: { activityid: GUID(3), directioncode: true, actualend: T, modifiedon: T, subject: "Hi", _regardingobjectid_value: GUID(1) } },
  { name: "email", table: "interactions", map: (row, ctx) => dynamics.mapActivity("email", row, ctx), row: { activityid: GUID(4), directioncode: false, senton: T, description: "<p>Can you match&nbsp;the price?</p>", modifiedon: T } },
  { name: "opportunity", table: "deals", map: (row, ctx) => dynamics.mapDeal(row, ctx), row: { opportunityid: GUID(5), name: "Renewal", estimatedvalue: 120_000, statecode: 0, modifiedon: T, createdon: T } },
  { name: "quote", table: "quotes", map: dynamics.mapQuote, row: { quoteid: GUID(6), name: "Q-1", totalamount: 100, _opportunityid_value: GUID(5), modifiedon: T, createdon: T } },
  { name: "quotedetail", table: "quoteLines", map: dynamics.mapQuoteLine, row: { quotedetailid: GUID(7), _quoteid_value: GUID(6), quantity: 2, priceperunit: 50, modifiedon: T } },
  { name: "incident", table: "cases", map: (row, ctx) => dynamics.mapCase(row, ctx), row: { incidentid: GUID(8), title: "Late delivery", createdon: T, modifiedon: T, statecode: 0 } },
  { name: "contract", table: "contracts", map: dynamics.mapContract, row: { contractid: GUID(9), title: "Supply", activeon: T, expireson: T, modifiedon: T } }
]

describe.each(DYNAMICS)("Dataverse $name mapper (property)", ({ table, map, row }) => {
  it("never throws; what it maps is either a valid record keyed by its org and id, or refused by the schema with a reason", () => {
    fc.assert(
      fc.property(mutated(row, ["statuscode", "_ownerid_value"]), orgName, (input, org) => {
        const mapped = map(input, { org, accountId: GUID(1), seenAt: 1_000, dealIds: new Set([GUID(5)]) })
        const parsed = SCHEMAS[table].safeParse(mapped)
        if (!parsed.success) {
          expect(parsed.error.issues[0]!.message.length).toBeGreaterThan(0)
          return
        }
        const r = mapped as { key: string; id: string }
        expect(parseRecordKey(r.key)).toEqual({ crm: "dynamics", org, id: r.id })
      }),
      { numRuns: 200 }
    )
  })

  it("maps the untouched row to a valid record for an org with a port", () => {
    const parsed = SCHEMAS[table].safeParse(map(row, { org: "crm.contoso.local:5555", accountId: GUID(1), seenAt: 1_000 }))
    expect(parsed.success ? "" : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")).toBe("")
  })
})
