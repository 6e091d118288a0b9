/** Negotiation hints: chosen by the dominance label and refined by the rest of the profile. */
import { describe, expect, it } from "vitest"
import { generateHistory } from "./generate"
import { classifyRelationship, HINT_PRIORITIES, negotiationHints, NegotiationHint, type RelationshipProfile } from "./index"

const profile = classifyRelationship(generateHistory({ interactions: 800, seed: 9 }))
const withDominance = (label: RelationshipProfile["dominance"]["label"]): RelationshipProfile => ({ ...profile, dominance: { ...profile.dominance, label } })
const ids = (p: RelationshipProfile) => negotiationHints(p).map((h) => h.id)

describe("negotiation hints", () => {
  it.each([
    ["supplier", ["hold-price-lead-value", "do-not-exploit", "precise-anchor-rationale", "annual-commitment", "non-price-concessions", "preempt-second-sourcing"]],
    ["customer", ["build-dependence", "contingent-concessions", "equivalent-packages", "widen-alternatives"]],
    ["balanced-interdependent", ["co-create-value", "bolstering-range", "rationale-always", "round-close"]],
    ["balanced-independent", ["standard-competitive-quote", "precise-open-round-close"]],
    ["unknown", ["read-the-relationship-first", "rationale-always"]]
  ] as const)("gives the %s playbook", (label, expected) => {
    const got = ids(withDominance(label))
    expect(got).toEqual(expect.arrayContaining([...expected]))
    // No other playbook leaks in.
    const others = ["hold-price-lead-value", "build-dependence", "co-create-value", "standard-competitive-quote", "read-the-relationship-first"].filter((id) => !(expected as readonly string[]).includes(id))
    for (const id of others) expect(got).not.toContain(id)
  })

  it("lets a low-information rep have the buyer open, and an informed one anchor", () => {
    const low = { ...withDominance("customer"), crmStrategy: { ...profile.crmStrategy, informationCompleteness: 0.2 }, concessions: { ...profile.concessions, deals: [] } }
    // Deals negotiated to a close tell their limits, whatever else is missing: no "let them open"
    // beside a floor taken from those very deals.
    const negotiated = { ...withDominance("customer"), crmStrategy: { ...profile.crmStrategy, informationCompleteness: 0.2 } }
    expect(negotiated.concessions.deals.filter((e) => e.finalDiscountPercent !== null && e.outcome !== "open").length).toBeGreaterThanOrEqual(2)
    expect(ids(negotiated)).not.toContain("buyer-names-first")
    const high = { ...withDominance("customer"), crmStrategy: { ...profile.crmStrategy, informationCompleteness: 0.9 }, decisionCriteria: { ...profile.decisionCriteria, label: "quality" as const } }
    expect(ids(low)).toContain("buyer-names-first")
    expect(ids(high)).toContain("anchor-on-target")
    expect(negotiationHints(low).find((h) => h.id === "buyer-names-first")!.citation).toMatch(/2023/)
  })

  it("reads the pushback kind into the hint", () => {
    const hint = (label: RelationshipProfile["pushback"]["label"]) =>
      negotiationHints({ ...profile, pushback: { ...profile.pushback, label } }).find((h) => h.id === "pushback-reading")!
    expect(hint("constraint").text).toMatch(/their limit/)
    expect(hint("constraint").text).not.toMatch(/re-justify/)
    expect(hint("disparagement").text).toMatch(/re-justify/)
    expect(hint("disparagement").text).not.toMatch(/their limit/)
    expect(hint("none").priority).toBe("low")
    expect(hint("disparagement").rule).toBe("R10")
  })

  it("warns of a drift toward the Dell trap when two of three conditions hold", () => {
    const drifting = { ...profile, dellTrap: { ...profile.dellTrap, flagged: false, conditions: { priceDominant: true, customerDominant: true, deepeningDiscounts: false } } }
    expect(ids(drifting)).toContain("dell-trap-drift")
    expect(ids(drifting)).not.toContain("dell-trap")
  })

  it("orders hints by priority and gives each a citation", () => {
    const hints = negotiationHints(withDominance("customer"))
    const ranks = hints.map((h) => HINT_PRIORITIES.indexOf(h.priority))
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
    for (const h of hints) {
      expect(NegotiationHint.safeParse(h).success).toBe(true)
      expect(h.citation.length).toBeGreaterThan(3)
    }
    expect(new Set(hints.map((h) => h.id)).size).toBe(hints.length)
  })
})

/*
 * Advice about this account (issue 13): the hints quote the account's own facts and give a next
 * move with a number. Records as a rep would log them, in English and in Persian.
 */
import { msg, pct } from "../i18n/message"
import { formatAmount } from "../pricing/format"
import { suggestPricing } from "../pricing/index"
import { at, keysOf, kit, quotedDeal as quoted, type DealFields } from "../../tests/support/analysis-kit"

const plain = (s: string) => s.replace(/[\u2068\u2069]/g, "")

/** The Dell-like deals are quoted in euros. */
const quotedDeal = (k: ReturnType<typeof kit>, id: string, start: number, discounts: number[], deal: DealFields) =>
  quoted(k, id, start, discounts, { currency: "EUR", ...deal })

describe("advice about this account: a Dell-like buyer (English records)", () => {
  const k = kit({ org: "dell-advice" })
  const deals = [
    quotedDeal(k, "D1", 0, [5, 8, 10], { name: "RFQ laptop refresh 2023", competitorCount: 4, isClosed: true, isWon: true, closeDate: at(60), amount: 90_000 }),
    quotedDeal(k, "D2", 120, [8, 12, 15], { name: "RFQ desktops Q2", competitorCount: 3, isClosed: true, isWon: false, closeDate: at(170), lossReason: "Price - competitor 8% cheaper" }),
    quotedDeal(k, "D3", 240, [10, 15, 18], { name: "RFQ monitors", competitorCount: 5, isClosed: true, isWon: true, closeDate: at(290), amount: 82_000 }),
    quotedDeal(k, "D4", 360, [15, 20, 24], { name: "RFQ laptop refresh 2024", competitorCount: 4, isClosed: true, isWon: false, closeDate: at(410), lossReason: "Lost to Acer on price" }),
    quotedDeal(k, "D5", 480, [18, 24, 28], { name: "RFQ docking stations", competitorCount: 4 })
  ]
  const history = k.history(k.account({ name: "Dell-like Procurement", industry: "Retail" }), {
    deals: deals.map((d) => d.deal),
    quotes: deals.flatMap((d) => d.quotes),
    quoteLines: deals.flatMap((d) => d.lines),
    interactions: [
      k.interaction("I1", { at: at(20), subject: "Need a better price on the refresh", text: "HP quoted 8% cheaper. Can you match?" }),
      k.interaction("I2", { at: at(130), subject: "Discount request for Q2", text: "Meeting on Monday with Sarah about the price." }),
      k.interaction("I3", { at: at(250), channel: "call", subject: "Budget call", text: "Our budget is fixed, we cannot pay more than last year." }),
      k.interaction("I4", { at: at(370), subject: "Price comparison", text: "Your price is higher than Acer's offer." }),
      // Our own mail naming a brand is not a competitor the customer weighs.
      k.interaction("I5", { at: at(375), direction: "outbound", subject: "Revised quote attached", text: "Our price beats what Lenovo offered last year." })
    ]
  })
  const profile = classifyRelationship(history, { now: at(500) })
  const hint = (id: string, locale?: string) => negotiationHints(profile, { locale }).find((h) => h.id === id)

  it("names the competitors the customer names, and the deals lost with their reasons", () => {
    expect(profile.competition!.competitors.map((c) => c.name).sort()).toEqual(["Acer", "HP"])
    expect(profile.competition!.losses.map((l) => l.lossReason)).toEqual(["Lost to Acer on price", "Price - competitor 8% cheaper"])
    expect(profile.competition!.lostTotal).toBe(2)
  })

  it("the Dell-trap hint quotes the discount path per deal, the losses, the competitors and a floor with its net amount", () => {
    const h = hint("dell-trap")!
    expect(h).toBeDefined()
    const text = plain(h.text)
    expect(text).toContain("10 → 15 → 18 % off list, won")
    expect(text).toContain("15 → 20 → 24 % off list, lost")
    expect(text).toContain("18 → 24 → 28 % off list so far, still open")
    expect(text).toContain("Lost to Acer on price")
    expect(text).toContain("Price - competitor 8% cheaper")
    expect(text).toMatch(/Competitors they name: (Acer, HP|HP, Acer)/)
    // The deepest discount at which they still bought (RFQ monitors, 18 %), as the net on the open deal.
    expect(text).toContain("Next move: hold at 18 % off list")
    expect(text).toContain(formatAmount(82_000, { currency: "EUR", locale: "en-US", style: "full" }))
    expect(text).toContain("28 %, 10 points more than that")
    expect(text).toMatch(/Line for the quote: “This price already carries 18 % off list/)
    expect(h.citation).toContain("Langer")
  })

  it("pricing gives the analysis' Dell-trap verdict and reads the buyer's pushback from the same profile", () => {
    const advice = (p: RelationshipProfile) => {
      const r = suggestPricing({ amount: 72_000, currency: "EUR", locale: "en-US", mode: "opening", profile: p })
      if ("error" in r) throw new Error(r.error)
      return r.suggestions
    }
    const trapped = advice(profile).find((s) => s.kind === "dell-trap")!
    expect(trapped.flags).toContain("dell-trap")
    expect(advice(profile).find((s) => s.kind === "pushback")?.pushback).toBe("constraint")
    // The same account with discounts that hold: the analysis does not flag it, nor does pricing.
    const holding = { ...profile, dellTrap: { ...profile.dellTrap, flagged: false, conditions: { ...profile.dellTrap.conditions, deepeningDiscounts: false } } }
    expect(advice(holding).find((s) => s.kind === "dell-trap")!.flags).not.toContain("dell-trap")
  })

  it("gives the net as a plain figure when the deals carry no currency (a single-currency org)", () => {
    const noCurrency = { ...profile, concessions: { ...profile.concessions, deals: profile.concessions.deals.map((e) => ({ ...e, currency: null })) } }
    const text = plain(negotiationHints(noCurrency).find((h) => h.id === "dell-trap")!.text)
    expect(text).toContain("hold at 18 % off list, a net of 82,000 on the list 100,000 for “RFQ docking stations”")
    expect(plain(negotiationHints(noCurrency, { locale: "fa-IR" }).find((h) => h.id === "dell-trap")!.text)).toContain("۸۲٬۰۰۰")
  })

  it("the other playbooks state the account's facts too, not one paragraph for every account", () => {
    const supplier = negotiationHints({ ...profile, dellTrap: { ...profile.dellTrap, flagged: false }, dominance: { ...profile.dominance, label: "supplier" } })
    const hold = plain(supplier.find((h) => h.id === "hold-price-lead-value")!.text)
    expect(hold).toContain("They last bought “RFQ monitors” at")
    expect(hold).toContain("Line for the quote")
    expect(plain(supplier.find((h) => h.id === "preempt-second-sourcing")!.text)).toMatch(/Competitors they name/)
    expect(plain(supplier.find((h) => h.id === "non-price-concessions")!.text)).toContain("We made the last concession in 5 of 5")
    const balanced = negotiationHints({ ...profile, dominance: { ...profile.dominance, label: "balanced-interdependent" } })
    expect(plain(balanced.find((h) => h.id === "round-close")!.text)).toContain("18 → 24 → 28 %")
  })

  it("when the open quote gives less than they have bought at, holds it there: the floor is a limit, not a target", () => {
    const deals = profile.concessions.deals.map((e) => (e.outcome === "open" ? { ...e, finalDiscountPercent: 12, revisions: e.revisions.map((r, i) => ({ ...r, discountPercent: [8, 10, 12][i]! })) } : e))
    const early = { ...profile, concessions: { ...profile.concessions, deals } }
    const text = plain(negotiationHints(early).find((h) => h.id === "dell-trap")!.text)
    expect(text).toContain("Next move: hold “RFQ docking stations” at 12 % off list, " + formatAmount(88_000, { currency: "EUR", locale: "en-US", style: "full" }))
    expect(text).toContain("They have bought at up to 18 %")
    expect(text).not.toContain("hold at 18 %")
    expect(plain(negotiationHints(early, { locale: "fa-IR" }).find((h) => h.id === "dell-trap")!.text)).toContain("روی ۱۲ درصد تخفیف")
  })

  it("says who moved last and what to trade a further concession for", () => {
    const text = plain(hint("contingent-concessions")!.text)
    expect(text).toContain("We made the last concession in 5 of 5 negotiated deals")
    // The buyer pleads a fixed budget: trade payment timing or phasing, in steps no bigger than our usual one.
    expect(text).toMatch(/at most 4 more points, and only against faster payment/)
  })

  it("does not say 'we know little' with 5 deals and 15 quote revisions", () => {
    expect(negotiationHints(profile).map((h) => h.id)).not.toContain("generic-rules-only")
    expect(profile.crmStrategy.informationCompleteness).toBeGreaterThanOrEqual(0.5)
  })

  it("says the same in Persian, with Persian digits and the CRM text as written", () => {
    const text = plain(hint("dell-trap", "fa-IR")!.text)
    expect(text).toContain("۱۰ ← ۱۵ ← ۱۸ درصد")
    expect(text).toContain("۱۵ ← ۲۰ ← ۲۴ درصد؛ از دست رفت")
    expect(text).toContain("«Lost to Acer on price»")
    expect(text).toContain("قدم بعدی: روی ۱۸ درصد تخفیف")
    expect(text).toContain(formatAmount(82_000, { currency: "EUR", locale: "fa-IR", style: "full" }))
    expect(text).toContain("جمله‌ای برای پیش‌فاکتور")
  })

  it("says when the relationship changed, with the date", () => {
    const since = at(300)
    const changed = { ...profile, regime: { changed: true, since, changes: [msg("a.ledger.summary.deepening", { from: pct(0.2), to: pct(0.32), n: 3 })], before: [], after: [], summary: msg("a.regime.none") } }
    const text = plain(negotiationHints(changed).find((h) => h.id === "dell-trap")!.text)
    expect(text).toContain("The relationship changed: since")
    expect(text).toContain("Final discounts deepened from 20% to 32%")
    const unchanged = { ...changed, regime: { ...changed.regime, changed: false } }
    expect(plain(negotiationHints(unchanged).find((h) => h.id === "dell-trap")!.text)).not.toContain("relationship changed")
  })
})

describe("advice about this account: silence and risk", () => {
  const k = kit({ org: "silent-advice" })
  const history = k.history(k.account({ name: "Quiet Corp" }), {
    interactions: [
      ...Array.from({ length: 8 }, (_, i) => k.interaction(`IN${i}`, { at: at(i * 14), subject: `Weekly order ${i + 1}` })),
      ...Array.from({ length: 4 }, (_, i) => k.interaction(`OUT${i}`, { at: at(130 + i * 20), direction: "outbound", subject: "Checking in on your next order" }))
    ]
  })
  const base = classifyRelationship(history, { now: at(230) })

  it("the retention hint says how long since the customer last reached out, against their usual rhythm", () => {
    const atRisk = { ...base, risk: { ...base.risk, label: "at-risk" as const } }
    const en = plain(negotiationHints(atRisk).find((h) => h.id === "retention-first")!.text)
    expect(base.engagement!.daysSinceCustomerContact).toBe(132)
    expect(en).toContain("The customer last reached out 132 days ago; they usually do every 14 days.")
    const fa = plain(negotiationHints(atRisk, { locale: "fa-IR" }).find((h) => h.id === "retention-first")!.text)
    expect(fa).toContain("۱۳۲ روز پیش")
    expect(fa).toContain("هر ۱۴ روز")
  })
})

describe("advice about this account: Persian records", () => {
  const k = kit({ org: "fa-advice" })
  const deals = [
    quotedDeal(k, "D1", 0, [5, 8], { name: "تجهیز شعبه تهران", isClosed: true, isWon: true, closeDate: at(40), amount: 92_000 }),
    quotedDeal(k, "D2", 100, [8, 12], { name: "لپ‌تاپ‌های واحد فروش", isClosed: true, isWon: false, closeDate: at(140), lossReason: "قیمت رقیب ارزان‌تر بود" }),
    quotedDeal(k, "D3", 200, [12, 16], { name: "مانیتورهای انبار" })
  ]
  const history = k.history(k.account({ name: "پخش البرز" }), {
    deals: deals.map((d) => d.deal),
    quotes: deals.flatMap((d) => d.quotes),
    quoteLines: deals.flatMap((d) => d.lines),
    interactions: [
      k.interaction("I1", { at: at(110), subject: "درخواست تخفیف", text: "شرکت آلفا ۱۰ درصد ارزان‌تر پیشنهاد داده است." }),
      k.interaction("I2", { at: at(205), subject: "مقایسه قیمت", text: "Lenovo قیمت بهتری داد، بودجه ما ثابت است." })
    ]
  })
  const profile = classifyRelationship(history, { now: at(230) })

  it("finds the competitors named in Persian text, in Persian and Latin script", () => {
    expect(profile.competition!.competitors.map((c) => c.name).sort()).toEqual(["Lenovo", "آلفا"].sort())
    expect(profile.competition!.losses[0]!.lossReason).toBe("قیمت رقیب ارزان‌تر بود")
  })

  it("the hints quote the path, the loss and a floor", () => {
    const hints = negotiationHints(profile, { locale: "fa-IR" })
    const all = plain(hints.map((h) => h.text).join(" "))
    expect(all).toContain("۸ ← ۱۲ درصد")
    expect(all).toContain("«قیمت رقیب ارزان‌تر بود»")
    // They bought at 8 % off list (the Tehran branch deal): the floor, and its net on the open deal.
    expect(all).toContain("۸ درصد")
    expect(all).toContain(formatAmount(92_000, { currency: "EUR", locale: "fa-IR", style: "full" }))
  })
})

describe("we know little: only when the information is really missing", () => {
  it("shows on a nearly empty account, with what is there, in both languages", () => {
    const k = kit({ org: "sparse-advice" })
    const history = k.history(k.account({ name: "New Lead Ltd" }), {
      interactions: [k.interaction("I1", { at: at(1), subject: "Intro call", channel: "call", direction: "outbound" }), k.interaction("I2", { at: at(3), subject: "Thanks for the call" })]
    })
    const sparse = classifyRelationship(history, { now: at(10) })
    const en = negotiationHints(sparse).find((h) => h.id === "generic-rules-only")
    expect(en).toBeDefined()
    expect(plain(en!.text)).toMatch(/0 deals, 0 quote revisions/)
    const fa = negotiationHints(sparse, { locale: "fa-IR" }).find((h) => h.id === "generic-rules-only")!
    expect(plain(fa.text)).toContain("۰ فرصت فروش")
  })
})

describe("competitors: names, not words", () => {
  it("reads a Persian loss reason and a Persian note naming who won", () => {
    const k = kit({ org: "fa-names" })
    const p = classifyRelationship(k.history(k.account({ name: "پخش البرز" }), {
      deals: [k.deal("D1", { createdAt: at(1), name: "مناقصه قفسه‌بندی", isClosed: true, isWon: false, closeDate: at(30), lossReason: "این مناقصه را به سامسونگ باختیم، قیمتشان ۷ درصد کمتر بود" })],
      interactions: [k.interaction("I1", { at: at(20), subject: "قیمت", text: "رقیب ما، Hyundai، تخفیف بیشتری داده است." })]
    }))
    expect(p.competition!.competitors.map((c) => c.name).sort()).toEqual(["Hyundai", "سامسونگ"].sort())
    expect(plain(negotiationHints({ ...p, dellTrap: { ...p.dellTrap, flagged: true } }, { locale: "fa-IR" }).find((h) => h.id === "dell-trap")!.text)).toContain("سامسونگ")
  })

  it("names the winner of a loss logged with words between ('Lost on price to Sazeh Co', 'lost the tender to Acer')", () => {
    const k = kit({ org: "losses" })
    const p = classifyRelationship(k.history(k.account({ name: "Globex" }), {
      deals: [
        k.deal("D1", { createdAt: at(1), closeDate: at(30), isClosed: true, isWon: false, lossReason: "Lost on price to Sazeh Co" }),
        k.deal("D2", { createdAt: at(40), closeDate: at(70), isClosed: true, isWon: false, lossReason: "We lost the tender to Acer, 6% cheaper." })
      ]
    }), { now: at(100) })
    expect(p.competition!.competitors.map((c) => c.name).sort()).toEqual(["Acer", "Sazeh Co"])
  })

  it("ignores months, people met, pronouns and our own outbound mail", () => {
    const k = kit({ org: "names" })
    const fs = classifyRelationship(k.history(k.account({ name: "Globex" }), {
      interactions: [
        k.interaction("I1", { at: at(1), subject: "Price", text: "We compared the price with last year. Meeting on Monday with Sarah." }),
        k.interaction("I2", { at: at(2), subject: "Discount", text: "Our budget is smaller than Globex planned in March." }),
        k.interaction("I3", { at: at(3), direction: "outbound", subject: "Price", text: "Cheaper than Dell, and better." })
      ]
    }))
    expect(fs.competition!.competitors).toEqual([])
  })
})

describe("complaint hint when every case is closed", () => {
  it("asks to show the problems will not recur, not to resolve open cases that do not exist (EN and FA)", () => {
    const pressured: RelationshipProfile = {
      ...profile,
      complaints: { ...profile.complaints, open: 0, escalated: 4, total: 12, trend: "stable", label: "adequate" },
      risk: { ...profile.risk, reasons: [...profile.risk.reasons, { signal: "complaint-pressure", text: { id: "a.risk.ne.noRecent" }, evidence: [] }] }
    }
    const en = negotiationHints(pressured).find((h) => h.id === "resolve-complaints-first")!
    expect(en.text).toMatch(/none is open now/)
    expect(en.text).not.toMatch(/resolve or schedule the open cases/)
    const fa = negotiationHints(pressured, { locale: "fa-IR" }).find((h) => h.id === "resolve-complaints-first")!
    expect(fa.text).toMatch(/هیچ پرونده‌ای باز نیست/)
  })
})

describe("two-way contacts in the advice", () => {
  it("does not count our unanswered follow-ups to a silent customer as contacts we know them by (EN and FA)", () => {
    const k = kit({ org: "chase" })
    const theirs = Array.from({ length: 3 }, (_, n) => k.interaction(`C${n}`, { at: at(n * 30), subject: "Re: order", text: "Thanks, noted." }))
    const ours = Array.from({ length: 12 }, (_, n) => k.interaction(`O${n}`, { at: at(200 + n * 10), direction: "outbound", subject: "Checking in", text: "Just following up on our proposal." }))
    const calls = Array.from({ length: 4 }, (_, n) => k.interaction(`V${n}`, { at: at(210 + n * 20), channel: "call", direction: "outbound", subject: "تماس", text: "پیغام گذاشتم، جواب ندادند." }))
    const p = classifyRelationship(k.history(k.account({ name: "Quiet Ltd" }), { interactions: [...theirs, ...ours, ...calls] }), { now: at(400) })
    expect(p.engagement!.unansweredOutreach).toBe(16)
    const en = negotiationHints(p).find((h) => h.id === "read-the-relationship-first")!
    expect(en.text).toMatch(/3 two-way contacts/)
    // Three two-way contacts and nothing else is really little: the hint says so.
    expect(negotiationHints(p).map((h) => h.id)).toContain("generic-rules-only")
    const fa = negotiationHints(p, { locale: "fa-IR" }).find((h) => h.id === "read-the-relationship-first")!
    expect(fa.text).toMatch(/3 تماس دوطرفه|۳ تماس دوطرفه/)
  })
})

describe("a call on which the customer spoke is two-way contact", () => {
  it("does not call a customer silent whom we reach by phone every month and who talks to us (EN and FA)", () => {
    const k = kit({ org: "calls" })
    const early = Array.from({ length: 6 }, (_, n) => k.interaction(`E${n}`, { at: at(n * 30), subject: "Re: order", text: "Thanks, confirmed." }))
    const calls = Array.from({ length: 10 }, (_, n) => k.interaction(`C${n}`, {
      at: at(200 + n * 30), channel: "call", direction: "outbound", subject: "Monthly call",
      text: n % 2 ? "Spoke with the buyer; they said the new line runs well and they plan a bigger order." : "تماس با خریدار: گفتند از دستگاه‌ها راضی هستند و سفارش بعدی را بزرگ‌تر می‌کنند."
    }))
    const talked = classifyRelationship(k.history(k.account({ name: "Talk Co" }), { interactions: [...early, ...calls] }), { now: at(500) })
    expect(talked.engagement!.silent).toBe(false)
    expect(talked.engagement!.unansweredOutreach).toBe(0)
    expect(talked.risk.reasons.map((r) => r.signal)).not.toContain("gone-silent")
    // The same calls that did not reach them are our unanswered outreach.
    const unreached = Array.from({ length: 10 }, (_, n) => k.interaction(`U${n}`, {
      at: at(200 + n * 30), channel: "call", direction: "outbound", subject: "Monthly call",
      text: n % 2 ? "Called the buyer, no answer; left a voicemail." : "با خریدار تماس گرفتم، جواب ندادند."
    }))
    const missed = classifyRelationship(k.history(k.account({ name: "Talk Co" }), { interactions: [...early, ...unreached] }), { now: at(500) })
    expect(missed.engagement!.silent).toBe(true)
    expect(missed.engagement!.unansweredOutreach).toBe(10)
  })
})

describe("the line to paste into the quote (R1)", () => {
  const line = (criterion: RelationshipProfile["decisionCriteria"]["label"], locale?: string) => {
    // No negotiated deals: no floor to quote, so the line names the value included.
    const p: RelationshipProfile = { ...withDominance("balanced-interdependent"), concessions: { ...profile.concessions, deals: [] }, decisionCriteria: { ...profile.decisionCriteria, label: criterion } }
    const text = negotiationHints(p, { locale }).find((h) => h.id === "rationale-always")!.text.replace(/[\u2068\u2069]/g, "")
    return text.slice(text.indexOf("“") >= 0 ? text.indexOf("“") : text.indexOf("«"))
  }

  it("names what this customer decides on, in English and Persian", () => {
    expect(line("delivery")).toMatch(/delivery on the dates you need/)
    expect(line("quality")).toMatch(/quality your team relies on/)
    expect(line("support")).toMatch(/service and support your team relies on/)
    expect(line("delivery", "fa-IR")).toMatch(/تحویل در همان تاریخ/)
    expect(line("quality", "fa-IR")).toMatch(/کیفیتی را در بر دارد/)
    // A price buyer, or one we cannot read yet, gets the general line.
    expect(line("price")).toMatch(/service, delivery and support included/)
    expect(line("unknown")).toMatch(/service, delivery and support included/)
  })
})

describe("the pushback hint without pushback", () => {
  it("says how many of their contacts were read, in English and Persian", () => {
    const p: RelationshipProfile = { ...profile, pushback: { ...profile.pushback, label: "none" } }
    const n = p.engagement!.customerContacts
    const hint = (locale?: string) => negotiationHints(p, { locale }).find((h) => h.id === "pushback-reading")!.text.replace(/[\u2068\u2069]/g, "")
    expect(hint()).toContain(`No pushback in their own words yet, in ${n.toLocaleString("en")} contacts from them on record`)
    expect(hint("fa-IR")).toContain(`در ${n.toLocaleString("fa-IR")} تماسِ ثبت‌شده`)
  })
})

describe("the floor is the level of their recent orders, not of a deal years ago (issue 13)", () => {
  const Y = 365
  // Six years of price buying: a clearance deal in the first year went out at 30 % off, every
  // renewal since closed at 10-12 %, one lost on price; the renewal under way stands at 14 %.
  const account = (persian: boolean) => {
    const k = kit({ org: `floor-${persian ? "fa" : "en"}` })
    const name = (y: number) => (persian ? `تمدید لایسنس سال ${y + 1}` : `Licence renewal year ${y + 1}`)
    const deals = [
      quoted(k, "D0", 20, [20, 25, 30], { name: persian ? "فروش پایان فصل" : "End-of-season clearance", competitorCount: 3, isClosed: true, isWon: true, closeDate: at(60) }),
      ...[1, 2, 3, 4].map((y) => quoted(k, `D${y}`, y * Y + 20, [6, 9, y % 2 ? 10 : 12], { name: name(y), competitorCount: 3, isClosed: true, isWon: true, closeDate: at(y * Y + 60) })),
      quoted(k, "D5", 5 * Y + 20, [8, 11], { name: name(5), competitorCount: 3, isClosed: true, isWon: false, closeDate: at(5 * Y + 60), lossReason: persian ? "قیمت رقیب پایین‌تر بود" : "Lost on price" }),
      quoted(k, "D6", 5 * Y + 200, [10, 14], { name: name(6), competitorCount: 3 })
    ]
    const interactions = [0, 1, 2, 3, 4, 5].map((y) => k.interaction(`I${y}`, {
      at: at(y * Y + 25), subject: persian ? "درخواست تخفیف" : "Discount request",
      text: persian ? "قیمت شما از دو پیشنهاد دیگر بالاتر است، تخفیف بیشتری بدهید." : "Your price is above the other two quotes, we need a better discount."
    }))
    return classifyRelationship(k.history(k.account({ name: persian ? "نرم‌افزار پارسه" : "Parseh Software" }), {
      deals: deals.map((d) => d.deal), quotes: deals.flatMap((d) => d.quotes), quoteLines: deals.flatMap((d) => d.lines), interactions
    }), { now: at(5 * Y + 230) })
  }

  it("holds the open renewal at the deepest discount of their last wins and never points at the old clearance (EN, FA)", () => {
    for (const persian of [false, true]) {
      const hints = negotiationHints(account(persian), { locale: persian ? "fa-IR" : "en" })
      const all = plain(hints.map((h) => h.text).join(" "))
      // The last three wins closed at 10, 12 and 10 %: 12 % is the floor, and the open 14 % is beyond it.
      expect(all).toContain(persian ? "۱۴ درصد تخفیف می‌دهد، ۲ واحد بیشتر" : "already gives 14 %, 2 points more than that")
      expect(all).toContain(persian ? "همین حالا ۱۲ درصد زیر قیمت فهرست" : "already carries 12 % off list")
      expect(all).not.toContain(persian ? "۳۰ درصد" : "30 %")
    }
  })

  it("one judgement on who opens: the hints anchor on their history, and pricing does not tell the rep to let the buyer open (EN, FA)", () => {
    for (const persian of [false, true]) {
      const profile = account(persian)
      expect(profile.dominance.label).toBe("customer")
      const ids = negotiationHints(profile).map((h) => h.id)
      expect(ids).toContain("anchor-on-target")
      expect(ids).not.toContain("buyer-names-first")
      const r = suggestPricing({ amount: 17_200, currency: "EUR", locale: persian ? "fa-IR" : "en-US", mode: "opening", profile })
      if ("error" in r) throw new Error(r.error)
      const r2 = r.suggestions.filter((s) => s.rule === "R2")
      expect(r2.map((s) => s.firstOffer)).not.toContain("buyer")
      expect(r2.map((s) => s.text).join(" ")).not.toContain(persian ? "بگذارید اول خریدار عدد بدهد" : "let the buyer name a figure first")
    }
  })
})

describe("a concession step only where the ledger has one (issue 13)", () => {
  // A customer who holds the power through a year of late, escalated deliveries and a threat to
  // move volume, and no quote was ever revised: we have never stepped down for them.
  const account = (persian: boolean) => {
    const k = kit({ org: `nostep-${persian ? "fa" : "en"}` })
    const cases = Array.from({ length: 8 }, (_, n) => k.kase(`L${n}`, {
      subject: persian ? "تاخیر در ارسال محموله" : "Shipment arrived late again", type: "Problem", priority: "High",
      isEscalated: n % 2 === 0, openedAt: at(400 + n * 40), closedAt: at(412 + n * 40)
    }))
    const interactions = [
      ...Array.from({ length: 20 }, (_, n) => k.interaction(`X${n}`, { at: at(n * 35), subject: persian ? `سفارش ${n}` : `PO ${n}`, text: persian ? "سفارش جدید پیوست است" : "New PO attached" })),
      k.interaction("T1", { at: at(700), subject: persian ? "باز هم تاخیر" : "Late again", text: persian ? "اگر این تاخیرها ادامه پیدا کند سفارش‌ها را به تامین‌کننده دیگری می‌دهیم." : "If the delays continue we will move our volume to another supplier." })
    ]
    return classifyRelationship(k.history(k.account({ name: persian ? "صنایع غذایی مهرگان" : "Mehregan Foods" }), { cases, interactions }), { now: at(720) })
  }

  it("does not invent 'at most 1 more point' for an account with no discount ever negotiated (EN, FA)", () => {
    for (const persian of [false, true]) {
      const profile = account(persian)
      expect(profile.dominance.label).toBe("customer")
      expect(profile.concessions.deals).toHaveLength(0)
      const hint = negotiationHints(profile, { locale: persian ? "fa-IR" : "en" }).find((h) => h.id === "contingent-concessions")!
      expect(hint.text).not.toMatch(persian ? /حداکثر [۰-۹]+ واحد/ : /at most \d+ more point/)
      expect(hint.text).toContain(persian ? "هنوز هیچ تخفیفی با آن‌ها چانه‌زنی نشده" : "no discount has been negotiated with them yet")
    }
  })

  it("says what gives this customer the upper hand, in its own figures, where no loss or competitor is there to quote (EN, FA)", () => {
    for (const persian of [false, true]) {
      const hints = negotiationHints(account(persian), { locale: persian ? "fa-IR" : "en" })
      for (const id of ["build-dependence", "dont-compete-on-price"]) {
        const text = plain(hints.find((h) => h.id === id)!.text)
        expect(text).toContain(persian ? "آنچه دست بالا را به آن‌ها داده: ۴٫۱ شکایت در سال؛ ۵۰٪ ارجاع‌شده." : "What gives them the upper hand: 4.1 complaints a year, 50% escalated.")
      }
    }
  })
})

describe("a price buyer who keeps naming a way out (issue 13)", () => {
  // Deepening discounts on five deals, one lost on price, their price talk every month, and one
  // threat to take the order elsewhere: the Dell trap, not yet "at risk".
  const account = (persian: boolean) => {
    const k = kit({ org: `threat-${persian ? "fa" : "en"}` })
    const deals = [[5, 8], [6, 10], [8, 12], [10, 15, 20], [12, 18, 24]].map((ds, i) =>
      quotedDeal(k, `D${i}`, i * 150, ds, { name: persian ? `قرارداد ${i}` : `Contract ${i}`, isClosed: true, isWon: i !== 3, closeDate: at(i * 150 + 40), ...(i === 3 ? { lossReason: "Price" } : {}) }))
    const talk = Array.from({ length: 12 }, (_, n) => k.interaction(`P${n}`, {
      at: at(n * 60), subject: persian ? "استعلام قیمت" : "Price request",
      text: persian ? "قیمت برای ما مهم‌ترین معیار است؛ تخفیف بیشتری بدهید." : "Price is what we decide on; we need a deeper discount."
    }))
    const threat = k.interaction("T1", { at: at(700), subject: persian ? "پاسخ: پیش‌فاکتور" : "RE: quote",
      text: persian ? "اگر تخفیف ندهید سفارش را به پارس پمپ می‌دهیم." : "If you can't get to 30% we'll give the order to Acer." })
    const history = k.history(k.account({ name: persian ? "فولاد البرز" : "Alborz Steel" }), {
      deals: deals.map((d) => d.deal), quotes: deals.flatMap((d) => d.quotes), quoteLines: deals.flatMap((d) => d.lines), interactions: [...talk, threat]
    })
    return { k, history, withoutThreat: { ...history, interactions: talk } }
  }

  it("says them in the Dell-trap hint, with the record behind it (EN, FA)", () => {
    for (const persian of [false, true]) {
      const { k, history, withoutThreat } = account(persian)
      const locale = persian ? "fa-IR" : "en"
      const said = persian ? "مشتری از بردن کار به جای دیگر حرف زده است (۱ بار در ۳۶۵ روز اخیر)." : "The customer spoke of taking the business elsewhere (1 time in the last 365 days)."
      const profile = classifyRelationship(history, { now: at(720) })
      expect(profile.dellTrap.flagged).toBe(true)
      expect(profile.risk.label).not.toBe("at-risk")
      const h = negotiationHints(profile, { locale }).find((x) => x.id === "dell-trap")!
      expect(plain(h.text)).toContain(said)
      expect(keysOf(h.evidence)).toContain(k.key("T1"))
      const calm = classifyRelationship(withoutThreat, { now: at(720) })
      expect(calm.dellTrap.flagged).toBe(true)
      expect(plain(negotiationHints(calm, { locale }).find((x) => x.id === "dell-trap")!.text)).not.toContain(said.slice(0, 20))
    }
  })
})

describe("competitors as Persian buyers name them: two-word companies, and where they threaten to go (issue 13)", () => {
  const k = kit({ org: "fa-pumps" })
  const deals = [
    quoted(k, "D1", 0, [5, 8], { name: "خرید پمپ‌های ایستگاه ۲", isClosed: true, isWon: false, closeDate: at(40), lossReason: "شرکت آبادان پمپ ارزان‌تر داد" }),
    quoted(k, "D2", 100, [6, 10, 12], { name: "شیرآلات خط لوله", isClosed: true, isWon: true, closeDate: at(140) }),
    quoted(k, "D3", 300, [10, 14], { name: "پمپ‌های فاز سوم" })
  ]
  const history = k.history(k.account({ name: "آب منطقه‌ای خوزستان" }), {
    deals: deals.map((d) => d.deal), quotes: deals.flatMap((d) => d.quotes), quoteLines: deals.flatMap((d) => d.lines),
    interactions: [
      k.interaction("N2", { at: at(305), channel: "call", direction: "outbound", subject: "تماس پیگیری", text: "مدیر خرید گفت اگر ۱۵ درصد تخفیف ندهیم سراغ پارس پمپ می‌روند." }),
      k.interaction("E1", { at: at(310), subject: "پیش‌فاکتور", text: "قیمت شما از شرکت دیگری بالاتر است و شرکت ما بودجه ثابتی دارد." })
    ]
  })
  const profile = classifyRelationship(history, { now: at(320) })

  it("names «آبادان پمپ» from the loss reason and «پارس پمپ» from what their buyer said on our call, and no common word", () => {
    expect(profile.competition!.competitors.map((c) => c.name).sort()).toEqual(["آبادان پمپ", "پارس پمپ"].sort())
    const text = plain(negotiationHints(profile, { locale: "fa-IR" }).find((h) => h.id === "build-dependence")!.text)
    expect(text).toContain("آبادان پمپ")
    expect(text).toContain("پارس پمپ")
  })

  it("reads the name their buyer gave on our own call in English too", () => {
    const e = kit({ org: "en-pumps" })
    const call = e.interaction("C1", { at: at(10), channel: "call", direction: "outbound", subject: "Follow-up call", text: "Their buyer said Gulf Pumps quoted 12% less and they need a better price." })
    const p = classifyRelationship(e.history(e.account({ name: "Khuzestan Water" }), { interactions: [call] }), { now: at(20) })
    expect(p.competition!.competitors.map((c) => c.name)).toEqual(["Gulf Pumps"])
  })
})

describe("the pushback hint says when they last pushed back (issue 13)", () => {
  // Six times they called our price too high, the last of them two years before now, in their own mail.
  const account = (persian: boolean) => {
    const k = kit({ org: `pushback-when-${persian ? "fa" : "en"}` })
    const interactions = [0, 1, 2, 3, 4, 5].map((n) => k.interaction(`P${n}`, {
      channel: "email", direction: "inbound", sourceObject: "EmailMessage", at: at(n * 100),
      subject: persian ? `پیش‌فاکتور ${n + 1}` : `Quote ${n + 1}`,
      text: persian ? "قیمت شما خیلی گران است و ارزشش را ندارد." : "Your price is far too high, it is not worth it."
    }))
    return classifyRelationship(k.history(k.account({ name: persian ? "فولاد البرز" : "Alborz Steel" }), { interactions }), { now: at(500 + 730) })
  }

  it("names the date of the last one beside the count (EN, FA)", () => {
    for (const persian of [false, true]) {
      const profile = account(persian)
      expect(profile.pushback.label).toBe("disparagement")
      const text = plain(negotiationHints(profile, { locale: persian ? "fa-IR" : "en" }).find((h) => h.id === "pushback-reading")!.text)
      const last = new Intl.DateTimeFormat(persian ? "fa-IR" : "en", { dateStyle: "medium", timeZone: "UTC" }).format(at(500))
      expect(text).toContain(persian ? `(۶ بار، آخرین بار در ${last})` : `(6 times, the last on ${last})`)
    }
  })
})
