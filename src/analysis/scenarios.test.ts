/**
 * Scenario tests: CRM histories in the canonical model that read like the published cases
 * (FRAMEWORK §1, research §3.4 and §7 rows 34-37). Each asserts the labels and that the evidence
 * names the records that moved them.
 */
import { describe, expect, it } from "vitest"
import { renderMessage } from "../i18n/render"
import { classifyRelationship, negotiationHints, RelationshipProfile } from "./index"
import { at, keysOf, kit, quotedDeal } from "../../tests/support/analysis-kit"
import { speechProblems } from "../../tests/support/analysis-speech"
import type { AccountHistory } from "../model/schema"
import type { ClassifyOptions } from "./profile"

/** Every scenario's profile, for the check at the end that they speak only in messages. */
const classified: Array<{ scenario: string; profile: RelationshipProfile }> = []
function classify(scenario: string, history: AccountHistory, options?: ClassifyOptions): RelationshipProfile {
  const profile = classifyRelationship(history, options)
  classified.push({ scenario, profile })
  return profile
}


describe("Dell-like account: price-driven, customer-dominant, deepening discounts", () => {
  const k = kit({ org: "dell" })
  const deals = [
    quotedDeal(k, "D1", 0, [5, 8, 10], { name: "RFQ laptop refresh 2023", competitorCount: 4, isClosed: true, isWon: true, closeDate: at(60), amount: 90_000 }),
    quotedDeal(k, "D2", 120, [8, 12, 15], { name: "RFQ desktops Q2", competitorCount: 3, isClosed: true, isWon: false, closeDate: at(170), lossReason: "Price - competitor 8% cheaper" }),
    quotedDeal(k, "D3", 240, [10, 15, 18], { name: "RFQ monitors", competitorCount: 5, isClosed: true, isWon: true, closeDate: at(290), amount: 82_000 }),
    quotedDeal(k, "D4", 360, [15, 20, 24], { name: "RFQ laptop refresh 2024", competitorCount: 4, isClosed: true, isWon: false, closeDate: at(410), lossReason: "Lost on price" }),
    quotedDeal(k, "D5", 480, [18, 24, 28], { name: "RFQ docking stations", competitorCount: 4 })
  ]
  const history = k.history(k.account({ name: "Dell-like Procurement", industry: "Retail", leadSource: "Cold Call" }), {
    deals: deals.map((d) => d.deal),
    quotes: deals.flatMap((d) => d.quotes),
    quoteLines: deals.flatMap((d) => d.lines),
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
  const profile = classify("dell", history, { now: at(500) })

  it("reads price as the decision criterion, from the loss reasons first", () => {
    expect(profile.decisionCriteria.label).toBe("price")
    expect(profile.decisionCriteria.weights.price).toBeGreaterThan(0.6)
    const keys = keysOf(profile.decisionCriteria.evidence)
    // Structured loss reasons outweigh text mentions, so they lead the evidence.
    expect(keys.slice(0, 2).sort()).toEqual([k.key("D2"), k.key("D4")])
    // Then the customer's own price talk and the honoured discount requests (quote revisions).
    expect(keys).toEqual(expect.arrayContaining([k.key("I4"), k.key("D5Q3")]))
    const priceRecords = new Set([k.key("D2"), k.key("D4"), k.key("I1"), k.key("I2"), k.key("I3"), k.key("I4"), ...deals.flatMap((d) => d.quotes.map((q) => q.key))])
    expect(keys.every((key) => priceRecords.has(key))).toBe(true)
    // Our own outbound email is not the customer's criterion, nor is the defect report.
    expect(keys).not.toContain(k.key("I5"))
    expect(keys).not.toContain(k.key("I6"))
  })

  it("finds the customer dominant, with concessions and price losses as evidence", () => {
    expect(profile.dominance.label).toBe("customer")
    expect(profile.dominance.score).toBeLessThan(-0.15)
    const keys = keysOf(profile.dominance.evidence)
    expect(keys).toEqual(expect.arrayContaining([k.key("D2"), k.key("D4"), k.key("D5Q3")]))
    expect(profile.dominance.factors.find((f) => f.id === "alternatives")!.value).toBeLessThan(0.3)
  })

  it("keeps the concession ledger per deal and sees discounts deepening", () => {
    const d4 = profile.concessions.deals.find((e) => e.dealKey === k.key("D4"))!
    expect(d4.rounds).toBe(3)
    expect(d4.revisions.map((r) => r.discountPercent)).toEqual([15, 20, 24])
    expect(d4.listPrice).toBe(100_000)
    expect(d4.movedLast).toBe("supplier")
    expect(d4.outcome).toBe("lost")
    expect(profile.concessions.discountTrend).toBe("deepening")
    expect(keysOf(profile.concessions.evidence)).toContain(k.key("D5Q3"))
  })

  it("flags the Dell trap and puts the warning first among the hints", () => {
    expect(profile.dellTrap.flagged).toBe(true)
    expect(profile.dellTrap.conditions).toEqual({ priceDominant: true, customerDominant: true, deepeningDiscounts: true })
    const hints = negotiationHints(profile)
    expect(hints[0]!.id).toBe("dell-trap")
    expect(hints[0]!.evidence.length).toBeGreaterThan(0)
    expect(hints.map((h) => h.id)).toEqual(expect.arrayContaining(["build-dependence", "contingent-concessions", "equivalent-packages", "pushback-reading"]))
    // The Dell-trap warning replaces the generic "don't compete on price" hint.
    expect(hints.map((h) => h.id)).not.toContain("dont-compete-on-price")
  })

  it("reads the buyer's pushback as a constraint", () => {
    expect(profile.pushback.label).toBe("constraint")
    expect(keysOf(profile.pushback.evidence)).toEqual([k.key("I3")])
    const hint = negotiationHints(profile).find((h) => h.id === "pushback-reading")!
    expect(hint.citation).toContain("Lee & Ames 2017")
    expect(hint.text).toMatch(/limit/)
  })

  it("produces a profile that passes its own schema", () => {
    expect(RelationshipProfile.safeParse(profile).success).toBe(true)
  })
})

describe("GE-like account: long-term leases and service contracts", () => {
  const k = kit({ org: "ge" })
  const history = k.history(k.account({ name: "GE-like Imaging Network", industry: "Healthcare" }), {
    contracts: [
      k.contract("C1", { name: "MRI scanner lease", description: "Seven-year lease, maintenance billed power by the hour", startDate: at(10), termMonths: 84, value: 2_400_000 }),
      k.contract("C2", { name: "Service agreement: uptime guarantee", startDate: at(200), termMonths: 60, value: 600_000 })
    ],
    deals: [
      k.deal("D1", { name: "MRI fleet expansion", createdAt: at(150), closeDate: at(190), isClosed: true, isWon: true, amount: 1_200_000, competitorCount: 1 }),
      k.deal("D2", { name: "CT upgrade", createdAt: at(300), closeDate: at(340), isClosed: true, isWon: true, amount: 400_000, competitorCount: 0 })
    ],
    quotes: [
      k.quote("Q1", { dealKey: k.key("D1"), revision: 1, createdAt: at(160), discountPercent: 2, total: 1_176_000 }),
      k.quote("Q2", { dealKey: k.key("D2"), revision: 1, createdAt: at(310), discountPercent: 0, total: 400_000 })
    ],
    quoteLines: [
      k.line("L1", { quoteKey: k.key("Q1"), product: "MRI scanner 3T", listPrice: 1_000_000, unitPrice: 980_000 }),
      k.line("L2", { quoteKey: k.key("Q1"), product: "Uptime service plan", listPrice: 200_000, unitPrice: 196_000 }),
      k.line("L3", { quoteKey: k.key("Q2"), product: "CT detector upgrade", listPrice: 400_000, unitPrice: 400_000 })
    ],
    interactions: [
      k.interaction("I1", { at: at(100), channel: "meeting", subject: "Quarterly service review", text: "Uptime at 99.2%, response times within SLA." }),
      k.interaction("I2", { at: at(180), subject: "Service visit scheduled for scanner 2" }),
      k.interaction("I3", { at: at(260), channel: "call", subject: "Image quality question" }),
      k.interaction("I4", { at: at(350), channel: "meeting", subject: "Support escalation path review" }),
      k.interaction("I5", { at: at(355), subject: "Training for the new technicians" })
    ],
    cases: [
      k.kase("K1", { subject: "Coil error on scanner 2", type: "Problem", reason: "Breakdown", openedAt: at(120), closedAt: at(120.5) }),
      k.kase("K2", { subject: "Software update question", type: "Question", openedAt: at(220), closedAt: at(221) }),
      k.kase("K3", { subject: "Cooling alarm", type: "Problem", openedAt: at(330), closedAt: at(330.8) })
    ]
  })
  const profile = classify("ge", history, { now: at(360) })

  it("recognises the GE lease/service lock-in pattern, naming the contracts", () => {
    expect(profile.dependence.label).toBe("high")
    expect(profile.dependence.patterns.longTermLease).toBe(true)
    expect(keysOf(profile.dependence.evidence).slice(0, 2).sort()).toEqual([k.key("C1"), k.key("C2")])
  })

  it("finds supplier power through the customer's dependence", () => {
    expect(profile.dominance.label).toBe("supplier")
    expect(profile.dominance.score).toBeGreaterThan(0.15)
    expect(profile.dominance.supplierPower).toBeGreaterThan(profile.dominance.customerPower)
    expect(keysOf(profile.dominance.evidence)).toEqual(expect.arrayContaining([k.key("C1"), k.key("C2")]))
  })

  it("answers complaints quickly and decides on support and quality, not price", () => {
    expect(profile.complaints.label).toBe("responsive")
    expect(profile.complaints.total).toBe(3)
    expect(profile.decisionCriteria.label).toBe("support")
    expect(profile.decisionCriteria.weights.price).toBeLessThan(0.2)
    // K2 ("Software update question", type Question) is not evidence: a generic case type names no criterion.
    expect(keysOf(profile.decisionCriteria.evidence)).toEqual(expect.arrayContaining([k.key("I1"), k.key("I4"), k.key("I5")]))
    expect(keysOf(profile.decisionCriteria.evidence)).not.toContain(k.key("K2"))
  })

  it("gives the supplier-dominant playbook, with the fairness guard", () => {
    const hints = negotiationHints(profile)
    const ids = hints.map((h) => h.id)
    expect(ids).toEqual(expect.arrayContaining(["hold-price-lead-value", "do-not-exploit", "annual-commitment", "preempt-second-sourcing"]))
    expect(hints.find((h) => h.id === "do-not-exploit")!.citation).toContain("Kahneman, Knetsch & Thaler 1986")
    expect(profile.dellTrap.flagged).toBe(false)
  })
})

describe("Siemens-like account: custom services, write-in lines, joint workshops", () => {
  const k = kit({ org: "siemens" })
  const history = k.history(k.account({ name: "Siemens-like Automation Client", industry: "Manufacturing" }), {
    interactions: [
      k.interaction("I1", { at: at(10), channel: "meeting", direction: "outbound", subject: "Joint design workshop: line automation" }),
      k.interaction("I2", { at: at(40), channel: "meeting", subject: "Pilot review with plant engineering" }),
      k.interaction("I3", { at: at(70), subject: "Co-development roadmap for the retrofit" }),
      k.interaction("I4", { at: at(120), channel: "meeting", subject: "Prototype acceptance test" })
    ],
    deals: [k.deal("D1", { name: "Automation retrofit, phase 1", createdAt: at(50), closeDate: at(140), isClosed: true, isWon: true, amount: 350_000, competitorCount: 1 })],
    quotes: [
      k.quote("Q1", { dealKey: k.key("D1"), revision: 1, createdAt: at(80), discountPercent: 3, total: 339_500 }),
      k.quote("Q2", { dealKey: k.key("D1"), revision: 2, createdAt: at(110), discountPercent: 5, total: 332_500 })
    ],
    quoteLines: [
      k.line("L1", { quoteKey: k.key("Q1"), product: "Remote monitoring service (usage-based)", isCustom: true, listPrice: 150_000, unitPrice: 145_500 }),
      k.line("L2", { quoteKey: k.key("Q1"), product: "Bespoke control cabinet", isCustom: true, listPrice: 120_000, unitPrice: 116_400 }),
      k.line("L3", { quoteKey: k.key("Q1"), product: "PLC module S7", listPrice: 80_000, unitPrice: 77_600 }),
      k.line("L4", { quoteKey: k.key("Q2"), product: "Remote monitoring service (usage-based)", isCustom: true, listPrice: 150_000, unitPrice: 142_500 })
    ],
    contracts: [k.contract("C1", { name: "Remote service agreement, pay per use", startDate: at(140), termMonths: 36, value: 180_000 })],
    cases: [
      k.kase("K1", { subject: "Sensor calibration", openedAt: at(160), closedAt: at(160.5) }),
      k.kase("K2", { subject: "Dashboard access", openedAt: at(200), closedAt: at(201) })
    ]
  })
  const profile = classify("siemens", history, { now: at(210) })

  it("reads the offer as co-created, naming the workshops and the write-in line", () => {
    expect(profile.valueOrigin.label).toBe("co-created")
    expect(profile.valueOrigin.shares.coCreated).toBeGreaterThan(0.5)
    expect(keysOf(profile.valueOrigin.evidence)).toEqual(expect.arrayContaining([k.key("I1"), k.key("I2"), k.key("L1")]))
  })

  it("recognises the Siemens custom-services pattern and supplier power", () => {
    expect(profile.dependence.patterns.customServices).toBe(true)
    expect(keysOf(profile.dependence.evidence)).toEqual(expect.arrayContaining([k.key("L1"), k.key("L2"), k.key("C1")]))
    expect(profile.dominance.label).toBe("supplier")
    expect(keysOf(profile.dominance.evidence)).toContain(k.key("L1"))
  })

  it("places the account in individualised CRM", () => {
    expect(profile.crmStrategy.individualisation).toBeGreaterThanOrEqual(0.5)
    expect(keysOf(profile.crmStrategy.evidence)).toContain(k.key("L1"))
  })
})

describe("initiator", () => {
  const k = kit({ org: "inbound" })
  it("reads an inbound web lead as customer-initiated", () => {
    const history = k.history(k.account({ name: "Inbound Co", leadSource: "Web", createdAt: at(0) }), {
      interactions: [
        k.interaction("I1", { at: at(0.2), subject: "Request for quote via website form", text: "Please send us a quote for 40 sensors." }),
        k.interaction("I2", { at: at(1), channel: "call", direction: "outbound", subject: "Intro call" }),
        k.interaction("I3", { at: at(3), direction: "outbound", subject: "Quote attached" })
      ],
      deals: [k.deal("D1", { name: "Sensors for line 2", createdAt: at(1), leadSource: "Web" })]
    })
    const profile = classify("initiator-1", history)
    expect(profile.initiator.label).toBe("customer")
    expect(profile.initiator.score).toBeLessThan(0)
    expect(keysOf(profile.initiator.evidence)).toEqual(expect.arrayContaining([k.accountKey, k.key("I1"), k.key("D1")]))
    expect(keysOf(profile.initiator.evidence)).not.toContain(k.key("I2"))
  })

  it("reads a cold call as supplier-initiated", () => {
    const history = k.history(k.account({ name: "Outbound Co", leadSource: "Cold Call", createdAt: at(0) }), {
      interactions: [
        k.interaction("I1", { at: at(0.5), channel: "call", direction: "outbound", subject: "Cold call: introduced the product line" }),
        k.interaction("I2", { at: at(9), subject: "Re: product line", text: "Thanks, send more details." })
      ]
    })
    const profile = classify("initiator-2", history)
    expect(profile.initiator.label).toBe("supplier")
    expect(keysOf(profile.initiator.evidence)).toEqual([k.accountKey, k.key("I1")])
  })

  it("does not call conflicting signals", () => {
    const history = k.history(k.account({ name: "Mixed Co", leadSource: "Trade Show", createdAt: at(0) }), {
      interactions: [k.interaction("I1", { at: at(0.5), subject: "RFQ for 200 valves", text: "Please quote by Friday." })],
      deals: [k.deal("D1", { name: "Valves", createdAt: at(1), leadSource: "Web" })]
    })
    const profile = classify("initiator-3", history)
    expect(profile.initiator.label).toBe("unknown")
    expect(profile.initiator.evidence).toEqual([])
  })
})

describe("complaint-heavy account with slow responses", () => {
  const k = kit({ org: "slow" })
  const now = at(400)
  const cases = [
    k.kase("K1", { subject: "Pump failure", openedAt: at(150), closedAt: at(175) }),
    k.kase("K2", { subject: "Wrong parts shipped", openedAt: at(200), closedAt: at(230) }),
    k.kase("K3", { subject: "Leak at valve 4", openedAt: at(260), closedAt: at(281) }),
    k.kase("K4", { subject: "Pump failure again", openedAt: at(320), closedAt: at(345), isEscalated: true }),
    k.kase("K5", { subject: "Controller reboot loop", openedAt: at(330), isClosed: false, isEscalated: true }),
    k.kase("K6", { subject: "No response from support", openedAt: at(340), isClosed: false }),
    k.kase("K7", { subject: "Late spare parts", openedAt: at(350), closedAt: at(372) }),
    k.kase("K8", { subject: "Invoice dispute", openedAt: at(370), closedAt: at(390) }),
    k.kase("K9", { subject: "Sensor drift", openedAt: at(380), closedAt: at(398) })
  ]
  const interactions = Array.from({ length: 60 }, (_, i) =>
    k.interaction(`I${i}`, { at: at(100 + i * 5), channel: i % 3 === 0 ? "call" : "email", direction: i % 2 ? "inbound" : "outbound", subject: `Status update ${i}` }))
  const history = k.history(k.account({ name: "Slow Service Victim" }), { cases, interactions })
  const profile = classify("complaints", history, { now })

  it("labels responsiveness slow with the slow, open and escalated cases as evidence", () => {
    expect(profile.complaints.label).toBe("slow")
    expect(profile.complaints.total).toBe(9)
    expect(profile.complaints.open).toBe(2)
    expect(profile.complaints.escalated).toBe(2)
    expect(profile.complaints.medianDaysToClose).toBeGreaterThan(7)
    expect(profile.complaints.trend).toBe("rising")
    expect(keysOf(profile.complaints.evidence).slice(0, 3)).toEqual(expect.arrayContaining([k.key("K5"), k.key("K6")]))
  })

  it("puts the account at risk with reasons that name the cases", () => {
    expect(profile.risk.label).toBe("at-risk")
    const signals = profile.risk.reasons.map((r) => r.signal)
    expect(signals).toEqual(expect.arrayContaining(["rising-complaints", "open-escalations", "slow-response"]))
    const escalations = profile.risk.reasons.find((r) => r.signal === "open-escalations")!
    expect(keysOf(escalations.evidence)).toEqual([k.key("K5")])
  })

  it("leads the hints with fixing service", () => {
    const hints = negotiationHints(profile)
    expect(hints[0]!.id).toBe("resolve-complaints-first")
    expect(keysOf(hints[0]!.evidence)).toContain(k.key("K5"))
  })
})

describe("brand-new account with almost no data", () => {
  const k = kit({ org: "fresh" })
  const history = k.history(k.account({ name: "Fresh Lead Ltd" }), {
    contacts: [k.contact("P1")],
    interactions: [k.interaction("I1", { at: at(1), channel: "call", direction: "outbound", subject: "Intro call" })]
  })
  const profile = classify("brand-new", history)
  const axes = [
    profile.valueOrigin, profile.dominance, profile.initiator, profile.decisionCriteria, profile.complaints,
    profile.dependence, profile.crmStrategy, profile.valueTier, profile.risk
  ]

  it("labels every axis unknown, with low confidence and no evidence", () => {
    for (const axis of axes) {
      expect(axis.label).toBe("unknown")
      expect(axis.confidence).toBeLessThanOrEqual(0.25)
      expect(axis.evidence).toEqual([])
      expect(renderMessage(axis.summary, "en")).toMatch(/not enough evidence|conflicting/i)
    }
    expect(profile.decisionCriteria.weights).toEqual({ price: 0.25, quality: 0.25, delivery: 0.25, support: 0.25 })
    expect(profile.dellTrap.flagged).toBe(false)
    expect(profile.sampleSize).toMatchObject({ interactions: 1, contacts: 1, total: 3 })
  })

  it("hints at reading the relationship before quoting", () => {
    const hints = negotiationHints(profile)
    expect(hints[0]!.id).toBe("read-the-relationship-first")
    expect(hints.map((h) => h.id)).not.toContain("hold-price-lead-value")
  })
})

describe("Persian-language history", () => {
  const k = kit({ crm: "dynamics", org: "parsian" })
  const history = k.history(k.account({ name: "شرکت پارسیان" }), {
    interactions: [
      // Arabic yeh (ي) where Persian has ی, as converters and Arabic keyboards write it.
      k.interaction("I1", { at: at(10), subject: "درخواست تخفيف بيشتر", text: "با توجه به حجم سفارش، تخفيف ده درصدی می‌خواهیم.", sourceObject: "email" }),
      k.interaction("I2", { at: at(30), subject: "قیمت‌ها", text: "قیمت‌های شما از رقبا بالاتر است.", sourceObject: "email" }),
      // Zero-width non-joiner inside نمی‌توانیم.
      k.interaction("I3", { at: at(50), channel: "call", subject: "بودجه سال آینده", text: "بودجه ما محدود است و نمی‌توانیم بیشتر پرداخت کنیم.", sourceObject: "phonecall" }),
      k.interaction("I4", { at: at(70), subject: "هزينه حمل", sourceObject: "email" }),
      k.interaction("I5", { at: at(90), subject: "کیفیت بسته‌بندی", text: "کیفیت بسته‌بندی محموله آخر خوب نبود.", sourceObject: "email" })
    ],
    deals: [k.deal("D1", { name: "سفارش قطعات یدکی", createdAt: at(20), closeDate: at(60), isClosed: true, isWon: false, lossReason: "قيمت بالا" })],
    cases: [k.kase("K1", { subject: "تأخیر در تحویل", openedAt: at(80), closedAt: at(82) })]
  })
  const profile = classify("persian", history, { now: at(100) })

  it("reads price as the criterion from Persian text, across letter variants", () => {
    expect(profile.decisionCriteria.label).toBe("price")
    const w = profile.decisionCriteria.weights
    expect(w.price).toBeGreaterThan(w.quality)
    expect(w.price).toBeGreaterThan(w.delivery)
    expect(w.delivery).toBeGreaterThan(0)
    expect(w.quality).toBeGreaterThan(0)
    const keys = keysOf(profile.decisionCriteria.evidence)
    expect(keys[0]).toBe(k.key("D1"))
    expect(keys).toEqual(expect.arrayContaining([k.key("I1"), k.key("I2"), k.key("I3"), k.key("I4")]))
    expect(profile.decisionCriteria.evidence.find((e) => e.recordKey === k.key("D1"))!.sourceObject).toBe("opportunity")
  })

  it("reads the Persian constraint pushback", () => {
    expect(profile.pushback.label).toBe("constraint")
    expect(keysOf(profile.pushback.evidence)).toEqual([k.key("I3")])
  })
})

describe("every scenario speaks in messages", () => {
  it("has no prose outside descriptors in any profile or hint: strings are labels, ids, keys, citations or CRM data", () => {
    expect(classified.length).toBe(9)
    for (const { scenario, profile } of classified) {
      expect({ scenario, problems: speechProblems(profile, negotiationHints(profile)) }).toEqual({ scenario, problems: [] })
    }
  })
})
