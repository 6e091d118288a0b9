import { it } from "vitest"
import { classifyRelationship, negotiationHints } from "./analysis/index"
import { at, kit } from "../tests/support/analysis-kit"
function quotedDeal(k: ReturnType<typeof kit>, id: string, start: number, discounts: number[], deal: any) {
  const quotes = discounts.map((d, r) => k.quote(`${id}Q${r + 1}`, { dealKey: k.key(id), revision: r + 1, createdAt: at(start + 5 + r * 7), discountPercent: d, total: 100 * 1000 * (1 - d / 100) }))
  const lines = quotes.map((q, r) => k.line(`${id}L${r + 1}`, { quoteKey: q.key, product: "Latitude laptop 14", quantity: 100, listPrice: 1000, unitPrice: 1000 * (1 - discounts[r]! / 100) }))
  return { deal: k.deal(id, { createdAt: at(start), currency: "EUR", ...deal }), quotes, lines }
}
it("p", () => {
  const k = kit({ org: "dell" })
  const deals = [
    quotedDeal(k, "D1", 0, [5, 8, 10], { name: "RFQ laptop refresh 2023", competitorCount: 4, isClosed: true, isWon: true, closeDate: at(60), amount: 90_000 }),
    quotedDeal(k, "D2", 120, [8, 12, 15], { name: "RFQ desktops Q2", competitorCount: 3, isClosed: true, isWon: false, closeDate: at(170), lossReason: "Price - competitor 8% cheaper" }),
    quotedDeal(k, "D3", 240, [10, 15, 18], { name: "RFQ monitors", competitorCount: 5, isClosed: true, isWon: true, closeDate: at(290), amount: 82_000 }),
    quotedDeal(k, "D4", 360, [15, 20, 24], { name: "RFQ laptop refresh 2024", competitorCount: 4, isClosed: true, isWon: false, closeDate: at(410), lossReason: "Lost on price" }),
    quotedDeal(k, "D5", 480, [18, 24, 28], { name: "RFQ docking stations", competitorCount: 4 })
  ]
  const history = k.history(k.account({ name: "Dell-like Procurement", industry: "Retail", leadSource: "Cold Call" }), {
    deals: deals.map((d) => d.deal), quotes: deals.flatMap((d) => d.quotes), quoteLines: deals.flatMap((d) => d.lines),
    interactions: [
      k.interaction("I1", { at: at(20), subject: "Need a better price on the refresh", text: "HP quoted 8% cheaper. Can you match?" }),
      k.interaction("I2", { at: at(130), subject: "Discount request for Q2" }),
      k.interaction("I3", { at: at(250), channel: "call", subject: "Budget call", text: "Our budget is fixed, we cannot pay more than last year." }),
      k.interaction("I4", { at: at(370), subject: "Price comparison", text: "Your price is higher than Acer's offer." }),
      k.interaction("I5", { at: at(375), direction: "outbound", subject: "Revised quote attached", text: "Please find our best price." }),
      k.interaction("I6", { at: at(490), subject: "Two units arrived with defects" })
    ],
    cases: [k.kase("C1", { subject: "Late delivery of 20 units", openedAt: at(300), closedAt: at(303) })]
  })
  const profile = classifyRelationship(history, { now: at(500) })
  console.log(profile.crmStrategy.label, profile.crmStrategy.informationCompleteness, JSON.stringify(profile.competition?.competitors.map((c) => c.name)))
  for (const locale of ["en", "fa-IR"]) for (const h of negotiationHints(profile, { locale })) console.log(h.id, "|", h.text.replace(/[\u2068\u2069]/g, ""))
})
