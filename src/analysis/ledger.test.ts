/** The concession ledger: list price, revisions, discount depth, rounds and who moved last. */
import { describe, expect, it } from "vitest"
import { classifyRelationship } from "./index"
import { at, kit } from "../../tests/support/analysis-kit"

const k = kit({ org: "ledger" })

describe("concession ledger", () => {
  it("derives discounts from the quote lines when the quote carries none", () => {
    const quotes = [1, 2, 3].map((r) => k.quote(`Q${r}`, { dealKey: k.key("D1"), revision: r, createdAt: at(r * 5) }))
    const lines = [
      // Revision 1 at list, 2 at 10% off, 3 at 15% off; two lines each.
      ...[0, 10, 15].flatMap((d, r) => [
        k.line(`A${r}`, { quoteKey: quotes[r]!.key, product: "Pump P-200", quantity: 2, listPrice: 5_000, unitPrice: 5_000 * (1 - d / 100) }),
        k.line(`B${r}`, { quoteKey: quotes[r]!.key, product: "Valve V-12", quantity: 10, listPrice: 1_000, unitPrice: 1_000 * (1 - d / 100) })
      ])
    ]
    const profile = classifyRelationship(k.history(k.account(), { deals: [k.deal("D1", { name: "Pumps", createdAt: at(0) })], quotes, quoteLines: lines }))
    const [entry] = profile.concessions.deals
    expect(entry).toMatchObject({ dealKey: k.key("D1"), name: "Pumps", listPrice: 20_000, rounds: 3, finalDiscountPercent: 15, maxDiscountPercent: 15, movedLast: "supplier", outcome: "open" })
    expect(entry!.revisions.map((r) => [r.revision, r.net, r.discountPercent])).toEqual([[1, 20_000, 0], [2, 18_000, 10], [3, 17_000, 15]])
  })

  it("says the customer moved last when the last revision went back up", () => {
    const quotes = [10, 20, 12].map((d, r) => k.quote(`Q${r}`, { dealKey: k.key("D1"), revision: r + 1, createdAt: at(r), discountPercent: d }))
    const profile = classifyRelationship(k.history(k.account(), { deals: [k.deal("D1", { createdAt: at(0) })], quotes }))
    expect(profile.concessions.deals[0]!.movedLast).toBe("customer")
  })

  it("orders revisions by number, not by arrival, and keeps quotes without a deal apart", () => {
    const quotes = [
      k.quote("Q2", { dealKey: k.key("D1"), revision: 2, createdAt: at(10), discountPercent: 5 }),
      k.quote("Q1", { dealKey: k.key("D1"), revision: 1, createdAt: at(5), discountPercent: 0 }),
      k.quote("QX", { revision: 1, createdAt: at(7), discountPercent: 0 })
    ]
    const profile = classifyRelationship(k.history(k.account(), { quotes }))
    const byKey = Object.fromEntries(profile.concessions.deals.map((e) => [e.key, e]))
    expect(byKey[k.key("D1")]!.revisions.map((r) => r.quoteKey)).toEqual([k.key("Q1"), k.key("Q2")])
    expect(byKey[k.key("QX")]!.dealKey).toBeNull()
    expect(byKey[k.key("D1")]!.outcome).toBe("unknown")
  })

  it("needs three deals with known discounts for a trend", () => {
    const quotes = [5, 25].map((d, n) => k.quote(`Q${n}`, { dealKey: k.key(`D${n}`), revision: 1, createdAt: at(n * 30), discountPercent: d }))
    const two = classifyRelationship(k.history(k.account(), { quotes }))
    expect(two.concessions.discountTrend).toBe("unknown")
    expect(two.concessions.evidence).toEqual([])
    const three = classifyRelationship(k.history(k.account(), { quotes: [...quotes, k.quote("Q2", { dealKey: k.key("D2"), revision: 1, createdAt: at(90), discountPercent: 26 })] }))
    expect(three.concessions.discountTrend).toBe("deepening")
    const easing = classifyRelationship(k.history(k.account(), { quotes: [20, 12, 4].map((d, n) => k.quote(`Q${n}`, { dealKey: k.key(`D${n}`), revision: 1, createdAt: at(n * 30), discountPercent: d })) }))
    expect(easing.concessions.discountTrend).toBe("easing")
  })
})
