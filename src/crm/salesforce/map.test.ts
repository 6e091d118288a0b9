import { describe, expect, it } from "vitest"
import { mapRecords, toMs, type MapContext } from "./map"

const ACCOUNT = "001000000000001AAA"
const ctx: MapContext = { org: "northwind", accountId: ACCOUNT, now: 1_000, currency: "USD" }
const at = "2026-03-04T10:20:30.000+0000"
const rec = (type: string, id: string, fields: Record<string, unknown>) => ({ attributes: { type, url: `/x/${id}` }, Id: id, SystemModstamp: at, CreatedDate: at, ...fields })

function interactions(records: unknown[]) {
  return mapRecords(records, ctx).batch().interactions ?? []
}

describe("activities", () => {
  it.each([
    [{ TaskSubtype: "Call", CallType: "Inbound" }, "call", "inbound"],
    [{ TaskSubtype: "Call", CallType: "Outbound" }, "call", "outbound"],
    [{ TaskSubtype: "Call", CallType: "Internal" }, "call", "internal"],
    [{ TaskSubtype: "Call", CallType: null }, "call", "unknown"],
    [{ TaskSubtype: "Email" }, "email", "unknown"],
    [{ TaskSubtype: "ListEmail" }, "email", "outbound"],
    [{ TaskSubtype: "Task" }, "task", "unknown"],
    [{ TaskSubtype: null, Type: "Call", CallType: "Inbound" }, "call", "inbound"],
    [{ TaskSubtype: null, Type: "Meeting" }, "meeting", "unknown"]
  ])("Task %j → %s / %s", (fields, channel, direction) => {
    const [row] = interactions([rec("Task", "00T000000000001AAA", fields)])
    expect(row).toMatchObject({ channel, direction, sourceObject: "Task", accountKey: `salesforce:northwind:${ACCOUNT}` })
  })

  it("marks a list email as automated, and a person's logged email not", () => {
    const [list, email] = interactions([
      rec("Task", "00T000000000001AAA", { TaskSubtype: "ListEmail", Subject: "Spring newsletter" }),
      rec("Task", "00T000000000002AAA", { TaskSubtype: "Email", Subject: "Email: Re: pricing" })
    ])
    expect(list).toMatchObject({ automated: true })
    expect(email).not.toHaveProperty("automated")
  })

  it("reads the moment from CompletedDateTime, then ActivityDate, then CreatedDate", () => {
    const [done, due] = interactions([
      rec("Task", "00T000000000001AAA", { CompletedDateTime: "2026-05-01T08:00:00.000+0000", ActivityDate: "2026-04-30" }),
      rec("Task", "00T000000000002AAA", { ActivityDate: "2026-04-30" })
    ])
    expect(done!.at).toBe(Date.UTC(2026, 4, 1, 8))
    expect(due!.at).toBe(Date.UTC(2026, 3, 30))
  })

  it("maps emails by Incoming, skips drafts, and keys an email by its Task so it counts once", () => {
    const rows = interactions([
      rec("Task", "00T000000000009AAA", { TaskSubtype: "Email", Subject: "Re: pricing" }),
      rec("EmailMessage", "02s000000000001AAA", { Incoming: true, ActivityId: "00T000000000009AAA", Subject: "Re: pricing", RelatedToId: "006000000000001AAA" }),
      rec("EmailMessage", "02s000000000002AAA", { Incoming: false, Status: "5" })
    ])
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ id: "00T000000000009AAA", channel: "email", direction: "inbound", sourceObject: "EmailMessage", dealKey: "salesforce:northwind:006000000000001AAA" })
  })

  it("events are meetings; activities on an opportunity point at the deal", () => {
    const [row] = interactions([rec("Event", "00U000000000001AAA", { WhatId: "006000000000001AAA", StartDateTime: at })])
    expect(row).toMatchObject({ channel: "meeting", direction: "unknown", at: toMs(at), dealKey: "salesforce:northwind:006000000000001AAA" })
  })
})

describe("deals and quotes", () => {
  const opp = (children: Record<string, unknown>) =>
    rec("Opportunity", "006000000000001AAA", { Name: "Deal", StageName: "Negotiation/Review", Amount: 900, CloseDate: "2026-12-01", IsClosed: false, IsWon: false, ...children })
  const line = (type: string, id: string, fields: Record<string, unknown>) => rec(type, id, { Product2Id: "01t000000000001AAA", Product2: { Name: "Press", Family: "Equipment" }, Quantity: 2, ListPrice: 100, UnitPrice: 90, Discount: null, ...fields })

  it("numbers quotes by CreatedDate and computes the effective discount", () => {
    const batch = mapRecords(
      [
        opp({
          Quotes: {
            done: true,
            totalSize: 2,
            records: [
              rec("Quote", "0Q0000000000002AAA", { Name: "B", CreatedDate: "2026-02-01T00:00:00.000+0000", QuoteLineItems: { done: true, totalSize: 1, records: [line("QuoteLineItem", "0QL000000000002AAA", { UnitPrice: 80, Discount: 10 })] } }),
              rec("Quote", "0Q0000000000001AAA", { Name: "A", CreatedDate: "2026-01-01T00:00:00.000+0000", QuoteLineItems: { done: true, totalSize: 1, records: [line("QuoteLineItem", "0QL000000000001AAA", {})] } })
            ]
          }
        })
      ],
      ctx
    ).batch()
    expect(batch.quotes!.map((q) => [q.name, q.revision, q.discountPercent])).toEqual([
      ["A", 1, 10],
      ["B", 2, 28]
    ])
    expect(batch.quoteLines!.find((l) => l.id === "0QL000000000002AAA")).toMatchObject({ listPrice: 100, unitPrice: 80, discountPercent: 28, quantity: 2, isCustom: false })
  })

  it("uses the opportunity's products as revision 1 when it has no quote, and flags custom products", () => {
    const batch = mapRecords([opp({ Quotes: null, OpportunityLineItems: { done: true, totalSize: 1, records: [line("OpportunityLineItem", "00k000000000001AAA", { Product2: { Name: "Tray", Family: "Custom" } })] } })], ctx).batch()
    expect(batch.quotes).toEqual([expect.objectContaining({ key: "salesforce:northwind:006000000000001AAA", dealKey: "salesforce:northwind:006000000000001AAA", revision: 1, total: 180, discountPercent: 10 })])
    expect(batch.quoteLines![0]).toMatchObject({ isCustom: true, product: "Tray" })
  })

  it("builds the stage history and counts competitors", () => {
    const history = (id: string, stage: string, day: number) => ({ attributes: { type: "OpportunityHistory", url: "" }, Id: id, StageName: stage, Amount: 900, CreatedDate: `2026-01-0${day}T00:00:00.000+0000` })
    const [deal] = mapRecords(
      [
        opp({
          OpportunityHistories: { done: true, totalSize: 2, records: [history("008000000000002AAA", "Proposal/Price Quote", 5), history("008000000000001AAA", "Prospecting", 1)] },
          OpportunityCompetitors: { done: true, totalSize: 2, records: [{ Id: "00f000000000001AAA" }, { Id: "00f000000000002AAA" }] }
        })
      ],
      ctx
    ).batch().deals!
    expect(deal!.stageHistory.map((s) => s.stage)).toEqual(["Prospecting", "Proposal/Price Quote"])
    expect(deal).toMatchObject({ competitorCount: 2, currency: "USD", closeDate: Date.UTC(2026, 11, 1) })
  })
})

describe("rejects", () => {
  it("rejects a record whose field has an unexpected type, with its id, and keeps the others", () => {
    const out = mapRecords([rec("Case", "500000000000001AAA", { Subject: 42 }), rec("Case", "500000000000002AAA", { Subject: "Late", Status: "New" })], ctx)
    expect(out.rejected).toEqual([expect.objectContaining({ id: "500000000000001AAA", object: "Case", reason: expect.stringContaining("Subject") })])
    expect(out.batch().cases).toHaveLength(1)
  })
  it("rejects an unparseable datetime", () => {
    const out = mapRecords([rec("Contract", "800000000000001AAA", { SystemModstamp: "yesterday" })], ctx)
    expect(out.rejected[0]).toMatchObject({ id: "800000000000001AAA", reason: expect.stringContaining("SystemModstamp") })
  })
})
