/**
 * The published cases at the end of shared/research/pricing-negotiation.md (§7), reproduced in
 * direction with the source's own numbers. Case numbers follow that table. Cases 34-37 test the
 * dominance classifier (src/analysis), not this engine; their effect on pricing advice is covered
 * in rules.test.ts ("the dominance label adjusts the advice").
 */
import { describe, expect, it } from "vitest"

import { withoutIsolates } from "../i18n/render"
import { formatAmount, formatDurations } from "./format"
import { digitString, isCharm, significantDigits } from "./numbers"
import { isRoundNumber } from "./precision"
import { suggestPricing } from "./rules"
import { one, price, rule } from "../../tests/support/pricing-helpers"

describe("anchoring", () => {
  it("#1 Tversky & Kahneman 1974 (25 vs 45 after anchors 10 vs 65): the suggested opening rises with the account's reference", () => {
    const low = price({ amount: 40, anchors: { previousPrices: [10] } })
    const high = price({ amount: 40, anchors: { previousPrices: [65] } })
    expect(high.suggestedPrice).toBeGreaterThan(low.suggestedPrice)
    // The high reference is stated against the price; the low one is never shown (it would pull the buyer down).
    expect(one(low, "R2").anchors ?? []).toHaveLength(0)
    expect(rule(high, "R10", "undercut")).toHaveLength(1)
    const mid = price({ amount: 40, anchors: { previousPrices: [45] } })
    expect(mid.suggestedPrice).toBeGreaterThan(low.suggestedPrice)
    expect(mid.suggestedPrice).toBeLessThan(high.suggestedPrice)
  })

  it("#2 Tversky & Kahneman 1974 (8×…×1 → 2,250 vs 1×…×8 → 512): value figures are listed largest first", () => {
    const a = price({ amount: 400, offer: "one-off", costOfProblem: 512, yearlySavings: 2250 })
    const b = price({ amount: 400, offer: "one-off", costOfProblem: 2250, yearlySavings: 512 })
    for (const r of [a, b]) {
      const amounts = (one(r, "R2").anchors ?? []).map((x) => x.amount)
      expect(amounts).toEqual([2250, 512])
    }
  })

  it("#3 Mussweiler et al. 2000 (experts: 2,520 vs 3,563 DM after 2,800 vs 5,000 DM): anchoring stays on for experts, only precision is capped", () => {
    for (const anchor of [2800, 5000]) {
      const r = price({ amount: 2520.37, expertise: "expert", costOfProblem: anchor })
      expect((one(r, "R2", "anchor").anchors ?? []).map((x) => x.amount)).toContain(anchor)
      expect(significantDigits(r.suggestedPrice)).toBeLessThanOrEqual(4)
      expect(Number.isInteger(r.suggestedPrice)).toBe(true)
    }
  })
})

describe("precision", () => {
  it("#4 Janiszewski & Uy 2008 ($4,988/$5,012 vs $5,000): opening from 5,000 is non-round and within ±1 %", () => {
    const r = price({ amount: 5000 })
    expect(isRoundNumber(r.suggestedPrice)).toBe(false)
    expect(Math.abs(r.suggestedPrice - 5000) / 5000).toBeLessThanOrEqual(0.01)
  })

  it("#5 Thomas, Simon & Kadiyali 2010 ($484,700 sold ≈$1,380 above $485,000): lower discount pressure for the precise price", () => {
    const round = one(price({ amount: 485_000 }), "R3").discountPressure
    const precise = one(price({ amount: 484_700 }), "R3").discountPressure
    expect(precise?.draft).toBeLessThan(round?.draft ?? 0)
    expect(round?.suggested).toBeLessThan(round?.draft ?? 0)
  })

  it("#6 Mason et al. 2013 ($49.75 seller / $50.25 buyer beat $50.00)", () => {
    expect(price({ amount: 50 }).suggestedPrice).toBe(49.75)
    expect(price({ amount: 50, side: "buyer" }).suggestedPrice).toBe(50.25)
  })

  it("#7 Loschelder et al. 2016 ($384,961.42 reads as incompetent to experts): capped at 4 digits, no decimals, rationale required", () => {
    const r = price({ amount: 384_961.42, expertise: "expert" })
    expect(significantDigits(r.suggestedPrice)).toBeLessThanOrEqual(4)
    expect(Number.isInteger(r.suggestedPrice)).toBe(true)
    expect(Math.abs(r.suggestedPrice - 384_961.42) / 384_961.42).toBeLessThan(0.01)
    const r3 = one(r, "R3")
    expect(r3.rationaleRequired).toBe(true)
    expect(r3.severity).toBe("warning")
  })

  it("#8 Loschelder et al. 2016 (a competence-raising rationale removed the backfire): high precision allowed again", () => {
    const r = price({ amount: 384_961.42, expertise: "expert", rationale: "4,126 hours at 93.30 per hour" })
    expect(significantDigits(r.suggestedPrice)).toBeGreaterThan(4)
    expect(one(r, "R3").rationaleRequired).toBe(false)
  })

  it("#9 Yan & Pena-Marin 2017 (round offers accepted more): a closing offer is round — 49,750 → 49,500 or 49,000, never up to 50,000", () => {
    const r = price({ amount: 49_750, mode: "closing" })
    expect(r.suggestedPrice).toBe(49_500)
    expect(one(r, "R3").alternative?.amount).toBe(49_000)
  })

  it("#10 Backus, Blake & Tadelis 2015 (round: offers 5-8 % lower, 6-11 days sooner): urgent → round with a flexibility warning; not urgent → precise", () => {
    const urgent = price({ amount: 48_312, urgent: true })
    const calm = price({ amount: 48_312, urgent: false })
    expect(isRoundNumber(urgent.suggestedPrice)).toBe(true)
    const w = one(urgent, "R3")
    expect(w.severity).toBe("warning")
    expect(w.text).toContain("signals flexibility")
    expect(isRoundNumber(calm.suggestedPrice)).toBe(false)
  })

  it("#11 Hukkanen & Keloharju 2019 (round M&A bids → ≈$4-5M higher price): a $25.00 bid becomes a precise bid", () => {
    const r = price({ amount: 25, side: "buyer", counterpart: { procurement: true } })
    expect(isRoundNumber(r.suggestedPrice)).toBe(false)
    expect(r.suggestedPrice).toBeGreaterThan(25)
    expect(r.suggestedPrice).toBeLessThanOrEqual(25 * 1.01)
  })
})

describe("reasons, fairness and quality", () => {
  it("#12 Waber et al. 2008 ($2.50 vs $0.10 with no reason: 85 % vs 61 % relief): an unexplained discount is flagged, reasons offered from the whitelist", () => {
    const r = price({ amount: 0.1, anchors: { listPrice: 2.5 }, discountPercent: 96 })
    const r1 = one(r, "R1", "discount")
    expect(r1.severity).toBe("warning")
    expect(r1.flags).toContain("discount-without-reason")
    expect(r1.reasonOptions?.join(" ")).toMatch(/volume.*term.*model change.*timing/s)
    expect(r1.reason).toMatch(/85 %.*61 %/)
    expect(rule(r, "R10").some((s) => s.severity === "warning")).toBe(true)
  })

  it("#13 Shiv, Carmon & Ariely 2005 (discounted drink → fewer puzzles solved): same warning; a non-quality reason clears it", () => {
    const bare = price({ discountPercent: 30 })
    expect(one(bare, "R10", "unexplained-discount").citation).toContain("Shiv")
    const reasoned = price({ discountPercent: 30, discountReason: "end-of-line clearance, new model arriving" })
    expect(one(reasoned, "R1", "discount").severity).toBe("info")
    expect(rule(reasoned, "R10")).toHaveLength(0)
  })

  it("#14 Langer et al. 1978 (60 % no reason vs 93-94 % with one): every quote carries a because-line", () => {
    for (const input of [{}, { mode: "closing" as const }, { currency: "IRR", locale: "fa-IR" }, { expertise: "expert" as const }]) {
      const because = "locale" in input ? "چون" : "because"
      expect(rule(price(input), "R1").some((s) => s.text.includes(because))).toBe(true)
    }
  })

  it("#15 Folkes 1985 (placebic reasons fail for large requests): a large ask with a placebic reason demands a substantive one", () => {
    const r = price({ amount: 120_000, anchors: { previousDealSizes: [20_000, 25_000, 30_000] }, rationale: "that's our price" })
    const s = one(r, "R1", "price")
    expect(s.severity).toBe("warning")
    expect(s.flags).toEqual(expect.arrayContaining(["large-ask", "placebic-rationale"]))
    const small = price({ amount: 26_000, anchors: { previousDealSizes: [20_000, 25_000, 30_000] }, rationale: "built from 120 hours at 215" })
    expect(one(small, "R1", "price").severity).toBe("info")
  })

  it("#16 Kahneman, Knetsch & Thaler 1986 (snow shovel $15 → $20 after a storm: 82 % unfair): demand flagged, cost accepted", () => {
    const demand = price({ amount: 20, anchors: { previousPrices: [15] }, increaseReason: "demand spiked after the storm" })
    const d = one(demand, "R1", "increase")
    expect(d.flags).toContain("demand-based-increase")
    expect(d.reason).toContain("82 %")
    const cost = price({ amount: 20, anchors: { previousPrices: [15] }, increaseReason: "our input cost rose by a third" })
    expect(one(cost, "R1", "increase").severity).toBe("info")
  })

  it("#17 Campbell 1999 (inferred profit motive → unfair): an increase for our margin gets a fairness warning", () => {
    const r = price({ priceIncreasePercent: 6, increaseReason: "to improve our margin this year" })
    const s = one(r, "R1", "increase")
    expect(s.severity).toBe("warning")
    expect(s.flags).toContain("profit-motive-increase")
  })
})

describe("time framing and comparators", () => {
  it("#18 Gourville 2003 ($1/day ≻ $365/yr; $4,200/yr ≻ $11.50/day)", () => {
    const small = price({ amount: 365, offer: "subscription", period: "year" })
    const large = price({ amount: 4200, offer: "subscription", period: "year" })
    expect(one(small, "R7").framing).toBe("per-day")
    expect(one(large, "R7").framing).toBe("annual")
    expect(one(large, "R7").perDay?.amount).toBeGreaterThan(11)
  })

  it("#19 Gourville 1999 (an aggregate $350 plus a petty-cash comparison): exactly one comparator, none once per-day is shown", () => {
    const aggregate = price({ amount: 350, offer: "per-seat", period: "year", seats: 20 })
    expect(one(aggregate, "R7").framing).toBe("annual")
    expect(rule(aggregate, "R6")).toHaveLength(1)
    expect(one(aggregate, "R6").text).toContain("per user a day")
    // One seat: the whole bill is already petty per day, so the comparator would add little.
    const perDay = price({ amount: 350, offer: "per-seat", period: "year", seats: 1 })
    expect(one(perDay, "R7").framing).toBe("per-day")
    expect(rule(perDay, "R6")).toHaveLength(0)
  })

  it("#20 Gourville & Soman 2002 (21.5 % vs <1 % no-shows): B2B subscription → annual headline + usage report", () => {
    const r = price({ amount: 2000, offer: "subscription", period: "month" })
    const s = one(r, "R7")
    expect(s.framing).toBe("annual")
    expect(s.usageReportReminder).toBe(true)
    expect(s.text).toMatch(/usage and value report/)
    expect(s.reason + s.citation).toContain("Soman")
  })
})

describe("presentation of numbers", () => {
  it("#21 Coulter, Choi & Monroe 2012 (1426.85 vs 1,426 vs 1426): fewest syllables, no decimals on costs", () => {
    expect(formatAmount(1426.85, { currency: "USD", locale: "en-US", style: "compact" })).toBe("$1427")
    const r = price({ amount: 1426.85, expertise: "expert" })
    expect(r.display).not.toMatch(/[.,]\d{2}$/)
    expect(r.display).not.toContain(",")
  })

  it("#22 Yang, Kimes & Sessarego 2009 (numeral-only menus ≈$5.55 more): unit once in the header, numerals in the lines", () => {
    const s = one(price({ gifts: [{ name: "Training day", amount: 1200 }] }), "R5", "presentation")
    expect(s.unitLabel).toBe("USD")
    for (const line of s.lines ?? []) expect(line.numerals).toMatch(/^[\d,.KMB]+$/)
  })

  it("#23 Raghubir & Srivastava 2002 (face value): 48,500,000 rial is shown as 4.85 million toman", () => {
    expect(formatAmount(48_500_000, { currency: "IRR", locale: "en-US", style: "compact" })).toBe("4.85 million toman")
    expect(formatAmount(48_500_000, { currency: "IRR", locale: "fa-IR", style: "compact" })).toBe("۴٫۸۵ میلیون تومان")
  })

  it("#24 Wertenbroch et al. 2007; Pandelaere et al. 2011 (reference unit): one unit per quote, a foreign unit is flagged", () => {
    const single = price({ currency: "IRR", locale: "fa-IR", amount: 500_000_000, gifts: [{ name: "کتاب", amount: 90_000 }] })
    const lines = one(single, "R5", "presentation").lines ?? []
    for (const l of lines) {
      expect(l.display).toContain("تومان")
      expect(l.display).not.toContain("ریال")
    }
    const mixed = price({ currency: "IRR", locale: "fa-IR", amount: 500_000_000, gifts: [{ name: "Laptop", amount: 900, currency: "USD" }] })
    expect(one(mixed, "R5", "mixed-units").severity).toBe("warning")
  })

  it("#25 Thaler 1985 (segregate gains): a gift is written in full on its own line", () => {
    const s = one(price({ gifts: [{ name: "Free installation", amount: 2_500_000 }], currency: "IRR", locale: "en-US" }), "R5", "presentation")
    const gift = (s.lines ?? []).find((l) => l.kind === "gift")
    expect(gift?.display).toBe("250,000 toman")
    // The gift's name is the rep's text, isolated in the sentence.
    expect(withoutIsolates(s.text)).toContain("“Free installation: 250,000 toman”")
  })

  it("#26 Pandelaere et al. 2011; Lembregts & Pandelaere 2013 (84 vs 108 months; 731 days reads worse than 2 years)", () => {
    expect(formatDurations([7, 9], "en-US")).toEqual(["84 months", "108 months"])
    expect(formatDurations([2], "en-US")).toEqual(["2 years"])
  })
})

describe("order, packages, ranges", () => {
  it("#27 Karmarkar, Shiv & Knutson 2015: not a bargain → value first; ≥10 % under the reference → price first", () => {
    const notBargain = price({ amount: 47_500, anchors: { listPrice: 50_000 }, discountReason: "volume", yearlySavings: 90_000 })
    expect(one(notBargain, "R8").order).toBe("value-first")
    const bargain = price({ amount: 42_000, anchors: { listPrice: 50_000 }, discountReason: "end-of-line clearance" })
    expect(one(bargain, "R8").order).toBe("price-first")
  })

  it("#28 Huber, Payne & Puto 1982; Ariely (Economist 16/0/84 vs 68/32): the decoy is real and dominated by target B only", () => {
    const r = price({ decoy: true, offer: "subscription", period: "year" })
    const packages = one(r, "R9").packages ?? []
    const decoy = packages.find((p) => p.decoy)
    const target = packages.find((p) => p.id === decoy?.dominatedBy)
    expect(decoy).toBeDefined()
    expect(target?.id).toBe("B")
    const beats = (x: typeof decoy, y: typeof decoy) =>
      !!x && !!y && x.price <= y.price && x.serviceLevel >= y.serviceLevel && x.commitmentMonths <= y.commitmentMonths && (x.price < y.price || x.serviceLevel > y.serviceLevel || x.commitmentMonths < y.commitmentMonths)
    expect(beats(target, decoy)).toBe(true)
    for (const p of packages) if (p !== target && p !== decoy) expect(beats(p, decoy)).toBe(false)
    expect(decoy?.reason.length).toBeGreaterThan(10)
    expect(one(price({ offer: "subscription", period: "year" }), "R9").packages?.some((p) => p.decoy)).toBe(false)
  })

  it("#29 Ames & Mason 2015 (“$7,200 to $7,600” beat “$7,200”): a bolstering range with the point offer at the bottom, ≈5 % wide", () => {
    const r = price({ amount: 7200, range: true })
    const s = one(r, "R2", "range")
    expect(s.range?.low.amount).toBe(r.suggestedPrice)
    const width = ((s.range?.high.amount ?? 0) - r.suggestedPrice) / r.suggestedPrice
    expect(width).toBeGreaterThan(0.04)
    expect(width).toBeLessThan(0.06)
  })

  it("#30 Leonardelli et al. 2019 (MESOs): 2-3 equivalent packages instead of one quote", () => {
    const n = one(price(), "R9").packages?.length ?? 0
    expect(n).toBeGreaterThanOrEqual(2)
    expect(n).toBeLessThanOrEqual(3)
  })
})

describe("negotiation", () => {
  it("#31 Lee & Ames 2017: constraint → treat as their limit and trade; disparagement → re-justify value, don't cut", () => {
    const constraint = price({ pushback: "We can't pay more than 40k." })
    const c = one(constraint, "R10", "pushback")
    expect(c.pushback).toBe("constraint")
    expect(c.text).toMatch(/their limit.*Trade/s)
    expect(one(constraint, "R9").kind).toBe("trade")
    const disparage = price({ pushback: "Honestly it isn't worth 50k." })
    const d = one(disparage, "R10", "pushback")
    expect(d.pushback).toBe("disparagement")
    expect(d.text).toMatch(/re-justify the value.*hold the price/s)
    const fa = price({ pushback: "ارزشش را ندارد", currency: "IRR", locale: "fa-IR", amount: 500_000_000 })
    expect(one(fa, "R10", "pushback").pushback).toBe("disparagement")
  })

  it("#32 Negotiation Journal 39(1) 2023 (low-power first offers): customer-dominant + low information → let the buyer name a figure first", () => {
    const r = price({ profile: { dominance: { label: "customer" } } })
    const s = one(r, "R2", "first-offer")
    expect(s.firstOffer).toBe("buyer")
    expect(s.text).toMatch(/target/)
    expect(rule(price({ profile: { dominance: { label: "supplier" } } }), "R2", "first-offer")).toHaveLength(0)
  })

  it("#33 Loschelder et al. 2014 (revealed priorities → first-mover disadvantage): bundle the terms", () => {
    expect(one(price({ issueByIssue: true }), "R2", "bundle-terms").text).toMatch(/package/)
    expect(rule(price(), "R2", "bundle-terms")).toHaveLength(0)
  })
})

describe("charm endings", () => {
  it("#38 Anderson & Simester 2003 ($44 → $49 up to +30 % units): 9-ending only for a price-positioned offer to an amateur", () => {
    const retail = price({ amount: 44, positioning: "price", expertise: "amateur" })
    expect(isCharm(retail.suggestedPrice)).toBe(true)
    const b2b = price({ amount: 49.99 })
    expect(isCharm(b2b.suggestedPrice)).toBe(false)
    expect(one(b2b, "R4", "charm-draft").severity).toBe("warning")
    expect(isCharm(price({ amount: 44, positioning: "price", expertise: "expert" }).suggestedPrice)).toBe(false)
  })

  it("#39 Anderson & Simester (smaller effect when more prices end in 9): the engine stops adding 9-endings", () => {
    const r = price({ amount: 50, positioning: "price", otherPricesEndingIn9: 0.8 })
    expect(digitString(r.suggestedPrice).endsWith("9")).toBe(false)
    expect(one(r, "R4", "charm-saturated").severity).toBe("info")
  })
})

it("the excluded anecdotes are not encoded as facts (15,000 → 14,800 is 1.3 %, outside the research window)", () => {
  const r = suggestPricing({ amount: 15_000, currency: "IRR", locale: "fa-IR", mode: "opening" })
  expect("error" in r).toBe(false)
  if (!("error" in r)) {
    const drop = (15_000 - r.suggestedPrice) / 15_000
    expect(drop).toBeGreaterThanOrEqual(0.005)
    expect(drop).toBeLessThanOrEqual(0.01)
  }
})
