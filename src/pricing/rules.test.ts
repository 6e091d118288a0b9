import { readdirSync, readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"

import { describe, expect, it } from "vitest"

import { withoutIsolates } from "../i18n/render"
import { formatAmount, suggestPricing } from "./index"
import { significantDigits } from "./numbers"
import { dominates } from "./packages"
import { one, price, rule } from "../../tests/support/pricing-helpers"

const RULES = ["R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "R10"]

describe("result shape (DESIGN.md contract)", () => {
  it("returns suggestedPrice, its compact display and well-formed suggestions in rule order", () => {
    const r = price({ anchors: { listPrice: 58_400, previousDealSizes: [40_000] }, discountReason: "volume", yearlySavings: 120_000 })
    expect(typeof r.suggestedPrice).toBe("number")
    expect(r.display).toBe(formatAmount(r.suggestedPrice, { currency: "USD", locale: "en-US", style: "compact" }))
    expect(r.suggestions.length).toBeGreaterThan(4)
    const order = r.suggestions.map((s) => RULES.indexOf(s.rule))
    expect(order).toEqual([...order].sort((a, b) => a - b))
    for (const s of r.suggestions) {
      expect(RULES).toContain(s.rule)
      expect(s.text.length).toBeGreaterThan(10)
      expect(s.reason.length).toBeGreaterThan(10)
      expect(s.citation).toMatch(/\d{4}/)
      expect(["info", "warning"]).toContain(s.severity)
    }
  })

  it("is deterministic", () => {
    const input = { amount: 123_456, currency: "IRR", locale: "fa-IR", mode: "opening" as const, offer: "subscription" as const, pushback: "too expensive" }
    expect(suggestPricing(input)).toEqual(suggestPricing(input))
  })

  it("suggestedPrice stays in the input unit: IRR in rials, presented in toman", () => {
    const r = price({ amount: 500_000_000, currency: "IRR", locale: "fa-IR" })
    expect(r.suggestedPrice).toBe(497_500_000) // 49,750,000 toman
    expect(r.display).toBe("۴۹٫۷۵ میلیون تومان")
    expect(r.context.unitLabel).toBe("تومان")
  })
})

describe("R3 table: mode × expertise × urgency", () => {
  it.each([
    // [input, expected price, R3 kind]
    [{ amount: 50_000 }, 49_750, "precise"],
    [{ amount: 50_000, expertise: "expert" }, 49_750, "precise"],
    [{ amount: 49_750, mode: "closing" }, 49_500, "closing-round"],
    [{ amount: 48_730, mode: "closing" }, 48_500, "closing-round"],
    [{ amount: 49_750, urgent: true }, 49_500, "urgent-round"],
    [{ amount: 48_312 }, 48_312, "kept"],
    [{ amount: 48_312.4, expertise: "expert" }, 48_310, "capped"],
    [{ amount: 48_312, counterpart: { rfq: true } }, 48_310, "capped"],
    [{ amount: 50, side: "buyer" }, 50.25, "precise"]
  ] as const)("%j → %d (%s)", (input, expected, kind) => {
    const r = price(input)
    expect(r.suggestedPrice).toBe(expected)
    expect(rule(r, "R3")[0]?.kind).toBe(kind)
  })

  it("expertise is derived from procurement/RFQ/repeat-buyer flags and price history", () => {
    expect(price({ counterpart: { procurement: true } }).context).toMatchObject({ expertise: "expert", expertiseSource: "counterpart" })
    expect(price({ anchors: { previousPrices: [40_000] } }).context).toMatchObject({ expertise: "expert", expertiseSource: "price-history" })
    expect(price({ expertise: "amateur", counterpart: { rfq: true } }).context).toMatchObject({ expertise: "amateur", expertiseSource: "input" })
    expect(price().context.expertise).toBe("amateur")
  })
})

describe("R1 justification", () => {
  it("every seller quote has a because-line; value inputs feed it", () => {
    const r = price({ yearlySavings: 120_000 })
    expect(one(r, "R1", "price").text).toContain("because it saves you $120,000 a year")
  })

  it("a rationale is quoted back with the price", () => {
    const r = price({ rationale: "4,000 hours at our blended rate" })
    expect(withoutIsolates(one(r, "R1", "price").text)).toContain("because 4,000 hours at our blended rate")
    expect(one(r, "R1", "price").severity).toBe("info")
  })

  it.each([
    ["", "warning", "discount-without-reason"],
    ["lower quality batch", "warning", "quality-implying-reason"],
    ["three-year commitment", "info", undefined]
  ])("discount reason %j → %s", (reason, severity, flag) => {
    const r = price({ discountPercent: 12, discountReason: reason })
    const s = one(r, "R1", "discount")
    expect(s.severity).toBe(severity)
    if (flag) expect(s.flags).toContain(flag)
    else expect(s.reasonCategory).toBe("term")
  })

  it("an increase implied by the last price paid needs its own reason", () => {
    const r = price({ amount: 56_000, anchors: { previousPrices: [48_000, 50_000] }, rationale: "scope grew by two modules" })
    const s = one(r, "R1", "increase")
    expect(s.severity).toBe("warning")
    expect(s.text).toMatch(/1\d(\.\d)?% above/)
  })
})

describe("R5 presentation", () => {
  it("price compact; gifts, absorbed costs and savings in full, one line each, one unit", () => {
    const r = price({
      amount: 48_500_000,
      currency: "IRR",
      locale: "en-US",
      mode: "closing",
      gifts: [{ name: "Installation", amount: 25_000_000 }],
      absorbedCosts: [{ name: "Shipping", amount: 300_000 }],
      yearlySavings: 100_000_000
    })
    const s = one(r, "R5", "presentation")
    const lines = s.lines ?? []
    expect(lines.map((l) => l.kind)).toEqual(["price", "gift", "absorbed-cost", "saving"])
    expect(lines[0]?.display).toBe(r.display)
    expect(lines[1]?.display).toBe("2,500,000 toman")
    expect(lines[2]?.display).toBe("30,000 toman")
    expect(lines[3]?.display).toBe("10,000,000 toman")
    for (const l of lines) expect(l.display).not.toMatch(/rial/i)
    expect(s.unitLabel).toBe("toman")
    expect(rule(r, "R5", "mixed-units")).toHaveLength(0)
  })
})

describe("R6/R7 framing", () => {
  it("monthly subscriptions are headlined annually, never monthly", () => {
    const r = price({ amount: 2_000, offer: "subscription", period: "month" })
    const s = one(r, "R7")
    expect(s.framing).toBe("annual")
    expect(s.annual?.amount).toBe(r.suggestedPrice * 12)
    expect(s.text).toMatch(/a month\)/)
  })

  it("the seed's example: 200,000 toman a year is 'less than 550 toman a day'", () => {
    const r = price({ amount: 2_000_000, currency: "IRR", locale: "en-US", offer: "subscription", period: "year" })
    const s = one(r, "R7")
    expect(s.framing).toBe("per-day")
    expect(s.text).toContain("less than 550 toman a day")
    expect(rule(r, "R6")).toHaveLength(0)
  })

  it("no locale row → no per-day framing and no comparator", () => {
    const r = price({ amount: 3_000, currency: "SEK", locale: "sv-SE", offer: "subscription", period: "year" })
    expect(one(r, "R7").framing).toBe("annual")
    expect(rule(r, "R6")).toHaveLength(0)
  })

  it("one-off purchases get no time framing", () => {
    expect(rule(price({ offer: "one-off" }), "R7")).toHaveLength(0)
  })
})

describe("R9 packages", () => {
  it.each([
    [{ offer: "one-off" }, "Paid upfront"],
    [{ offer: "subscription", period: "year" }, "Two-year commitment"],
    [{ offer: "per-seat", period: "month", amount: 30, seats: 40 }, "Volume: 60+ seats"]
  ] as const)("%j: three packages, none dominating another", (input, cName) => {
    const r = price(input)
    const packages = one(r, "R9").packages ?? []
    expect(packages).toHaveLength(3)
    expect(packages[0]?.price).toBe(r.suggestedPrice)
    expect(packages[2]?.name).toBe(cName)
    for (const x of packages) for (const y of packages) expect(dominates(x, y)).toBe(false)
    for (const p of packages) expect(p.reason.length).toBeGreaterThan(10)
  })

  it("closing mode without a limit: no packages", () => {
    expect(rule(price({ mode: "closing" }), "R9")).toHaveLength(0)
  })
})

describe("the dominance label adjusts the advice (FRAMEWORK §2)", () => {
  const profile = (label: string, extra: Record<string, unknown> = {}) => ({ profile: { dominance: { label, confidence: 0.8 }, ...extra } })

  it("supplier: hold price, rationale for the precise anchor, non-price concessions, don't exploit", () => {
    const r = price({ ...profile("supplier"), increaseReason: "demand is high", priceIncreasePercent: 8 })
    expect(one(r, "R3").rationaleRequired).toBe(true)
    expect(one(r, "R8").text).toContain("Hold the price")
    const pk = one(r, "R9").packages ?? []
    expect(pk[2]?.price).toBe(pk[0]?.price)
    expect(pk[2]?.serviceLevel).toBeGreaterThan(pk[0]?.serviceLevel ?? 0)
    const inc = one(r, "R1", "increase")
    expect(inc.flags).toContain("demand-based-increase")
    expect(inc.text).toContain("do not exploit")
  })

  it("customer: Dell-trap warning when price-driven, contingent concessions, buyer names the first figure without information", () => {
    const r = price(profile("customer", { decisionCriteria: { label: "price", weights: { price: 0.6, quality: 0.2, delivery: 0.1, support: 0.1 } }, dellTrap: { flagged: true } }))
    expect(one(r, "R10", "dell-trap").severity).toBe("warning")
    expect(one(r, "R9").text).toContain("contingent")
    expect(one(r, "R2", "first-offer").firstOffer).toBe("buyer")
    const informed = price({ ...profile("customer"), anchors: { listPrice: 52_000 }, discountReason: "volume" })
    expect(rule(informed, "R2", "first-offer")).toHaveLength(0)
    expect(one(informed, "R2", "anchor").firstOffer).toBe("rep")
  })

  it("the Dell trap is the analysis' verdict: price-driven and customer-dominant with holding discounts is not flagged", () => {
    const priceDriven = { decisionCriteria: { label: "price", weights: { price: 0.7, quality: 0.1, delivery: 0.1, support: 0.1 } } }
    const holding = price(profile("customer", { ...priceDriven, dellTrap: { flagged: false } }))
    expect(one(holding, "R10", "dell-trap").severity).toBe("info")
    expect(one(holding, "R10", "dell-trap").flags).not.toContain("dell-trap")
    // No verdict in the profile (an older one): pricing does not make its own.
    expect(one(price(profile("customer", priceDriven)), "R10", "dell-trap").flags).not.toContain("dell-trap")
    const trapped = price(profile("customer", { ...priceDriven, dellTrap: { flagged: true } }))
    expect(one(trapped, "R10", "dell-trap").flags).toContain("dell-trap")
    expect(one(price({ ...profile("customer", { ...priceDriven, dellTrap: { flagged: true } }), locale: "fa-IR" }), "R10", "dell-trap").text).toContain("تلهٔ دل")
  })

  it("reads the pushback from the account's history when the rep typed none, and the typed words when there are some", () => {
    const fromHistory = price(profile("customer", { pushback: { label: "constraint" } }))
    expect(one(fromHistory, "R10", "pushback").pushback).toBe("constraint")
    expect(one(fromHistory, "R10", "pushback").text).toContain("their limit")
    const fa = price({ ...profile("customer", { pushback: { label: "disparagement" } }), locale: "fa-IR" })
    expect(one(fa, "R10", "pushback").text).toContain("ارزش")
    const typed = price({ ...profile("customer", { pushback: { label: "constraint" } }), pushback: "It isn't worth that much" })
    expect(one(typed, "R10", "pushback").pushback).toBe("disparagement")
    expect(rule(price(profile("customer")), "R10").filter((s) => s.kind === "pushback")).toHaveLength(0)
  })

  it("balanced-interdependent: bolstering range by default, co-created package", () => {
    const r = price(profile("balanced-interdependent"))
    expect(one(r, "R2", "range").range?.low.amount).toBe(r.suggestedPrice)
    expect(one(r, "R9").text).toContain("co-created")
    expect(rule(price(), "R2", "range")).toHaveLength(0)
  })

  it("balanced-independent: precise opening, round close", () => {
    expect(one(price(profile("balanced-independent")), "R3").text).toContain("close round")
  })

  it("an unknown label or a malformed profile is ignored, not an error", () => {
    expect(price(profile("overlord")).context.dominance).toBe("unknown")
    expect(price({ profile: "garbage" }).context.dominance).toBe("unknown")
    expect(price({ profile: { dominance: 7, decisionCriteria: { weights: "x" } } }).context.dominance).toBe("unknown")
  })
})

describe("procurement mode (the rep buys)", () => {
  it("only digit advice: a precise bid slightly up", () => {
    const r = price({ amount: 25, side: "buyer", expertise: "expert" })
    expect(r.suggestedPrice).toBeGreaterThan(25)
    expect(significantDigits(r.suggestedPrice)).toBeLessThanOrEqual(4)
    expect(new Set(r.suggestions.map((s) => s.rule))).toEqual(new Set(["R3"]))
  })
})

describe("purity guard", () => {
  const dir = fileURLToPath(new URL(".", import.meta.url))
  const sources = readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
  it.each(sources)("%s uses no DOM, storage, chrome, clock or randomness, and imports zod as a namespace", (file) => {
    const text = readFileSync(`${dir}/${file}`, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "")
    expect(text).not.toMatch(/\b(?:Date\.now|new Date|Math\.random|chrome\.|browser\.|document\.|window\.|indexedDB|localStorage|performance\.now)\b/)
    expect(text).not.toMatch(/import\s*\{\s*z\s*\}\s*from\s*["']zod["']/)
  })
})
