/**
 * Dominance between the poles: Cox's (2001) interdependence and independence cells (research
 * §7 row 37), and the Emerson factors that move the score.
 */
import { describe, expect, it } from "vitest"
import { classifyRelationship, negotiationHints } from "./index"
import { at, keysOf, kit } from "../../tests/support/analysis-kit"

describe("balanced dominance", () => {
  it("reads a transactional account as balanced-independent", () => {
    const k = kit({ org: "tx" })
    const deals = [0, 90, 180, 270].map((d, n) => k.deal(`D${n}`, {
      name: `Spare parts order ${n}`, createdAt: at(d), closeDate: at(d + 20), isClosed: true, isWon: true, amount: 12_000, competitorCount: 2
    }))
    const quotes = deals.map((d, n) => k.quote(`Q${n}`, { dealKey: d.key, revision: 1, createdAt: at(n * 90 + 5), discountPercent: 3, total: 11_640 }))
    const lines = quotes.map((q, n) => k.line(`L${n}`, { quoteKey: q.key, product: "Valve assembly V-12", quantity: 10, listPrice: 1_200, unitPrice: 1_164 }))
    const interactions = [
      k.interaction("I1", { at: at(10), subject: "Delivery date for order 0" }),
      k.interaction("I2", { at: at(100), subject: "Shipment tracking" }),
      k.interaction("I3", { at: at(190), subject: "Price list for next year" }),
      k.interaction("I4", { at: at(280), subject: "Lead time question" })
    ]
    const profile = classifyRelationship(k.history(k.account({ name: "Parts Buyer" }), { deals, quotes, quoteLines: lines, interactions }))
    expect(profile.dominance.label).toBe("balanced-independent")
    expect(Math.abs(profile.dominance.score)).toBeLessThanOrEqual(0.15)
    expect(profile.dominance.totalPower).toBeLessThan(0.5)
    // Balanced: evidence from both sides.
    expect(keysOf(profile.dominance.evidence)).toEqual(expect.arrayContaining([k.key("D0"), k.key("Q3")]))
    expect(negotiationHints(profile).map((h) => h.id)).toContain("standard-competitive-quote")
  })

  it("reads mutual dependence as balanced-interdependent", () => {
    const k = kit({ org: "mutual" })
    const deals = [0, 120, 240].map((d, n) => k.deal(`D${n}`, {
      name: `Line ${n} retrofit`, createdAt: at(d), closeDate: at(d + 60), isClosed: true, isWon: n !== 1, amount: 800_000,
      lossReason: n === 1 ? "Price too high" : undefined, competitorCount: 1
    }))
    const quotes = deals.flatMap((d, n) => [18, 22, 25].map((disc, r) => k.quote(`Q${n}${r}`, { dealKey: d.key, revision: r + 1, createdAt: at(n * 120 + 10 + r * 10), discountPercent: disc, total: 1_000_000 * (1 - disc / 100) })))
    const lines = quotes.map((q, n) => k.line(`L${n}`, { quoteKey: q.key, product: "Custom line integration (usage-based)", isCustom: true, listPrice: 1_000_000, unitPrice: q.total! }))
    const interactions = [
      k.interaction("I1", { at: at(5), channel: "meeting", subject: "Joint design workshop" }),
      k.interaction("I2", { at: at(130), subject: "We need a better price", text: "Our budget is fixed." }),
      k.interaction("I3", { at: at(250), channel: "meeting", subject: "Pilot review" }),
      k.interaction("I4", { at: at(260), subject: "Discount for phase 3" })
    ]
    const contracts = [k.contract("C1", { name: "Line equipment lease", startDate: at(60), termMonths: 60, value: 1_500_000 })]
    const peers = [1, 2, 3, 4].map((i) => ({ accountKey: `salesforce:mutual:P${i}`, value: 400_000 }))
    const profile = classifyRelationship(k.history(k.account({ name: "Anchor Customer" }), { deals, quotes, quoteLines: lines, interactions, contracts }), { peers })
    expect(profile.dominance.label).toBe("balanced-interdependent")
    expect(Math.abs(profile.dominance.score)).toBeLessThanOrEqual(0.15)
    expect(profile.dominance.totalPower).toBeGreaterThanOrEqual(0.5)
    expect(profile.dominance.factors.find((f) => f.id === "revenueShare")!.value).toBe(1)
    expect(keysOf(profile.dominance.evidence)).toEqual(expect.arrayContaining([k.key("C1"), k.accountKey]))
    expect(negotiationHints(profile)[0]!.id).toBe("co-create-value")
  })
})
