import { describe, expect, it } from "vitest"
import { Case, Contract, Deal, Interaction, QuoteLine } from "../../model/schema"
import { FORMATTED, closeInfo, mapActivity, mapCase, mapContract, mapDeal, mapQuote, mapQuoteLine, numberRevisions, plainText, type MapContext } from "./map"

const A = "00000001-0000-4000-8000-0000000f4244"
const OPP = "00000004-0000-4000-8000-0000003d0918"
const ctx: MapContext = { org: "northwind.crm4", accountId: A, seenAt: 1_800_000_000_000, dealIds: new Set([OPP]) }
const T = "2026-03-01T10:00:00Z"

describe("activities", () => {
  it.each([
    [true, "outbound"],
    [false, "inbound"],
    [null, "unknown"]
  ] as const)("phonecall directioncode %s → %s", (directioncode, direction) => {
    const call = mapActivity("phonecall", { activityid: "00000003-0000-4000-8000-000000000001", directioncode, actualend: T, modifiedon: T, subject: "Hi", _regardingobjectid_value: A }, ctx)
    expect(Interaction.parse(call)).toMatchObject({ channel: "call", direction, at: Date.parse(T), sourceObject: "phonecall" })
    expect(call.dealKey).toBeUndefined()
  })

  it("emails: sent time, HTML body as plain text, deal of the regarding opportunity", () => {
    const email = mapActivity(
      "email",
      { activityid: "00000003-0000-4000-8000-000000000002", directioncode: false, senton: T, actualend: "2026-03-02T00:00:00Z", description: "<style>p{}</style><p>Can you match&nbsp;the <b>competitor</b>'s price?</p>", _regardingobjectid_value: OPP.toUpperCase(), modifiedon: T },
      ctx
    )
    expect(email).toMatchObject({ channel: "email", direction: "inbound", at: Date.parse(T), text: "Can you match the competitor's price?", dealKey: `dynamics:northwind.crm4:${OPP}` })
  })

  it("appointments and tasks have no direction; notes are internal", () => {
    expect(mapActivity("appointment", { activityid: "00000003-0000-4000-8000-000000000003", scheduledstart: T, modifiedon: T }, ctx)).toMatchObject({ channel: "meeting", direction: "unknown" })
    expect(mapActivity("task", { activityid: "00000003-0000-4000-8000-000000000004", scheduledend: T, modifiedon: T }, ctx)).toMatchObject({ channel: "task", direction: "unknown" })
    expect(mapActivity("annotation", { annotationid: "00000003-0000-4000-8000-000000000005", notetext: "call back", createdon: T, modifiedon: T, _objectid_value: A }, ctx)).toMatchObject({ channel: "note", direction: "internal", text: "call back" })
  })

  it("an activity a workflow created is automated", () => {
    const row = { activityid: "00000003-0000-4000-8000-000000000007", directioncode: true, senton: T, modifiedon: T, subject: "Welcome" }
    expect(mapActivity("email", { ...row, isworkflowcreated: true }, ctx)).toMatchObject({ automated: true })
    expect(mapActivity("email", { ...row, isworkflowcreated: false }, ctx)).not.toHaveProperty("automated")
  })

  it("a garbage time makes the record invalid rather than dated wrongly", () => {
    expect(Interaction.safeParse(mapActivity("task", { activityid: "00000003-0000-4000-8000-000000000006", actualend: "soon", modifiedon: T }, ctx)).success).toBe(false)
  })
})

describe("opportunities", () => {
  const opp = { opportunityid: OPP, name: "Lease", createdon: T, modifiedon: T, estimatedvalue: 200_000, estimatedclosedate: "2026-12-20" }
  it("open: stage is the process step, amount the estimate", () => {
    const deal = Deal.parse(mapDeal({ ...opp, statecode: 0, stepname: "3-Propose" }, ctx))
    expect(deal).toMatchObject({ stage: "3-Propose", isClosed: false, isWon: false, amount: 200_000, closeDate: Date.UTC(2026, 11, 20) })
  })
  it("won: actual value and actual close date", () => {
    const deal = mapDeal({ ...opp, statecode: 1, [`statecode${FORMATTED}`]: "Won", actualvalue: 190_000, actualclosedate: "2026-04-01" }, ctx)
    expect(deal).toMatchObject({ stage: "Won", isClosed: true, isWon: true, amount: 190_000, closeDate: Date.UTC(2026, 3, 1) })
    expect(deal.lossReason).toBeUndefined()
  })
  it("lost: the opportunityclose description, else the status reason; competitors counted", () => {
    const lost = { ...opp, statecode: 2, [`statecode${FORMATTED}`]: "Lost", [`statuscode${FORMATTED}`]: "Out-Sold" }
    expect(mapDeal(lost, ctx)).toMatchObject({ lossReason: "Out-Sold", stage: "Lost" })
    const closes = closeInfo([
      { _opportunityid_value: OPP, description: "older", actualend: "2026-01-01T00:00:00Z", _competitorid_value: "00000009-0000-4000-8000-000000000001" },
      { _opportunityid_value: OPP, description: "Price: lost to a cheaper competitor", actualend: "2026-02-01T00:00:00Z", _competitorid_value: "00000009-0000-4000-8000-000000000002" }
    ])
    expect(mapDeal(lost, ctx, closes.get(OPP))).toMatchObject({ lossReason: "Price: lost to a cheaper competitor", competitorCount: 2 })
  })
})

describe("quotes and lines", () => {
  it("unit price and discount from priceperunit, manual and volume discounts", () => {
    const line = QuoteLine.parse(
      mapQuoteLine({ quotedetailid: "00000006-0000-4000-8000-000000000001", _quoteid_value: "00000005-0000-4000-8000-000000000001", _productid_value: "00000012-0000-4000-8000-000000000001", [`_productid_value${FORMATTED}`]: "Press", quantity: 4, priceperunit: 1_000, baseamount: 4_000, manualdiscountamount: 200, volumediscountamount: 25, modifiedon: T }, ctx)
    )
    expect(line).toMatchObject({ product: "Press", listPrice: 1_000, unitPrice: 925, discountPercent: 7.5, isCustom: false })
  })
  it("a write-in product is custom", () => {
    const line = mapQuoteLine({ quotedetailid: "00000006-0000-4000-8000-000000000002", _quoteid_value: "00000005-0000-4000-8000-000000000001", _productid_value: null, productdescription: "Custom tray integration", isproductoverridden: true, quantity: 1, priceperunit: 120_000, baseamount: 120_000, manualdiscountamount: 3_600, modifiedon: T }, ctx)
    expect(line).toMatchObject({ product: "Custom tray integration", isCustom: true, unitPrice: 116_400, discountPercent: 3 })
  })
  it("revisions follow creation time within a deal; quotes without a deal are revision 1", () => {
    const q = (id: string, createdon: string, deal: string | null) => mapQuote({ quoteid: id, name: id, createdon, modifiedon: createdon, _opportunityid_value: deal }, ctx)
    const quotes = [q("00000005-0000-4000-8000-000000000003", "2026-03-03T00:00:00Z", OPP), q("00000005-0000-4000-8000-000000000001", "2026-03-01T00:00:00Z", OPP), q("00000005-0000-4000-8000-000000000002", "2026-03-02T00:00:00Z", null)]
    const revisions = numberRevisions(quotes)
    expect(quotes.map((x) => revisions.get(x.key))).toEqual([2, 1, 1])
  })
})

describe("cases and contracts", () => {
  const incident = { incidentid: "00000007-0000-4000-8000-000000000001", title: "Late delivery", createdon: T, modifiedon: "2026-03-09T00:00:00Z", isescalated: true, [`casetypecode${FORMATTED}`]: "Problem", [`_subjectid_value${FORMATTED}`]: "Delivery" }
  it("resolved cases close at the resolution, cancelled ones at their last change", () => {
    expect(Case.parse(mapCase({ ...incident, statecode: 1, [`statuscode${FORMATTED}`]: "Problem Solved" }, ctx, Date.parse("2026-03-05T00:00:00Z")))).toMatchObject({
      isClosed: true,
      closedAt: Date.parse("2026-03-05T00:00:00Z"),
      isEscalated: true,
      type: "Problem",
      reason: "Delivery",
      status: "Problem Solved"
    })
    expect(mapCase({ ...incident, statecode: 2 }, ctx)).toMatchObject({ isClosed: true, closedAt: Date.parse("2026-03-09T00:00:00Z"), status: "Closed" })
    const open = mapCase({ ...incident, statecode: 0 }, ctx)
    expect(open.isClosed).toBe(false)
    expect(open).not.toHaveProperty("closedAt")
  })
  it.each([
    ["2022-01-15", "2027-01-14", 60],
    ["2026-02-01", "2027-01-31", 12],
    ["2026-01-01", "2026-03-31", 3]
  ])("contract %s … %s is %i months", (activeon, expireson, months) => {
    expect(Contract.parse(mapContract({ contractid: "00000008-0000-4000-8000-000000000001", activeon, expireson, modifiedon: T, [`statuscode${FORMATTED}`]: "Active" }, ctx)).termMonths).toBe(months)
  })
})

describe("plainText", () => {
  it("keeps text, drops markup and scripts, caps length", () => {
    expect(plainText("<script>alert(1)</script><div>a &lt;b&gt; &amp; c</div>")).toBe("a <b> & c")
    expect(plainText(`<p>${"x".repeat(5_000)}</p>`)).toHaveLength(4_000)
    expect(plainText(42)).toBeUndefined()
  })
})
