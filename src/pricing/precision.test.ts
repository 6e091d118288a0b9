import { describe, expect, it } from "vitest"

import { suggestPricing } from "./index"
import { digitString, isCharm, significantDigits } from "./numbers"
import {
  capPrecision,
  charmEnding,
  decidePrice,
  discountPressure,
  EXPERT_MAX_SIGNIFICANT,
  findPrecise,
  isRoundNumber,
  preciseOpening,
  roundOffer,
  type PriceDecisionOptions
} from "./precision"

const minStep = (v: number) => (v >= 100 ? 1 : 0.01)
const opening: PriceDecisionOptions = {
  mode: "opening",
  urgent: false,
  side: "seller",
  expertise: "amateur",
  hasRationale: false,
  positioning: "value",
  charmShare: 0,
  minStep
}

describe("numbers", () => {
  it.each([
    [49750, 4],
    [50000, 1],
    [384961.42, 8],
    [0.05, 1],
    [14800, 3],
    [49.75, 4]
  ])("significantDigits(%d) = %d", (v, n) => {
    expect(significantDigits(v)).toBe(n)
  })

  it.each([
    [49999, true],
    [29.99, true],
    [49900, true],
    [49, true],
    [19000, false],
    [49750, false],
    [50000, false]
  ])("isCharm(%d) = %s", (v, charm) => {
    expect(isCharm(v)).toBe(charm)
  })
})

describe("precise opening (R3)", () => {
  it.each([
    // [draft, side, expected] — the research's and the seed's worked examples
    [50000, "seller", 49750],
    [50, "seller", 49.75],
    [50, "buyer", 50.25],
    [5000, "seller", 4975]
  ] as const)("%d as %s → %d", (draft, side, expected) => {
    expect(preciseOpening(draft, side, 4, minStep(draft))).toBe(expected)
  })

  it("15,000 moves into the 0.5-1 % window (the seed's 14,800 is 1.3 % and outside it)", () => {
    const v = preciseOpening(15000, "seller", 4, 1)
    expect(v).toBeLessThan(15000 * 0.995 + 1e-9)
    expect(v).toBeGreaterThanOrEqual(15000 * 0.99)
    expect(isRoundNumber(v)).toBe(false)
  })

  // Property check over many round drafts: every opening is precise, 3-4 significant digits,
  // in the concession direction by 0.5-1 % (2 % only for small whole amounts), never a 9-ending.
  const drafts = [200, 300, 1000, 1200, 2500, 5000, 7200, 9000, 10000, 12000, 15000, 20000, 25000, 40000, 50000, 75000, 120000, 250000, 1_000_000, 4_800_000, 50_000_000, 0.5e9, 7e12]
  it.each(drafts)("seller opening from %d is precise, 0.5-1 %% lower, no charm", (draft) => {
    const v = preciseOpening(draft, "seller", 4, minStep(draft))
    const drop = (draft - v) / draft
    expect(drop).toBeGreaterThanOrEqual(0.005 - 1e-9)
    expect(drop).toBeLessThanOrEqual(draft < 1000 ? 0.02 : 0.01)
    expect(significantDigits(v)).toBeGreaterThanOrEqual(draft < 1000 ? 2 : 3)
    expect(significantDigits(v)).toBeLessThanOrEqual(4)
    expect(isCharm(v)).toBe(false)
    expect(Number.isInteger(v)).toBe(true)
  })

  it.each(drafts)("buyer bid from %d moves up 0.5-1 %%", (draft) => {
    const v = preciseOpening(draft, "buyer", 4, minStep(draft))
    expect(v).toBeGreaterThan(draft)
    expect((v - draft) / draft).toBeLessThanOrEqual(draft < 1000 ? 0.02 : 0.01)
    expect(isCharm(v)).toBe(false)
  })

  it("findPrecise skips 9-endings and digits beyond the cap", () => {
    // [49,990, 49,999]: every 4-digit candidate is 4999x → none without 5 digits.
    expect(findPrecise(49990, 49999, 49999, 3, 4, 1)).toBeNull()
    expect(findPrecise(49990, 49999, 49999, 3, 5, 1)).toBe(49998)
  })
})

describe("expert cap and amateur precision (Loschelder et al. 2016)", () => {
  it("an expert gets at most 4 significant digits, whole units, on the concession side", () => {
    const d = decidePrice(384961.42, { ...opening, expertise: "expert" })
    expect(d.kind).toBe("capped")
    expect(significantDigits(d.value)).toBeLessThanOrEqual(EXPERT_MAX_SIGNIFICANT)
    expect(Number.isInteger(d.value)).toBe(true)
    expect(d.value).toBeLessThanOrEqual(384961.42)
    expect(d.value).toBeGreaterThan(384961.42 * 0.99)
    expect(isCharm(d.value)).toBe(false)
  })

  it("a rationale lifts the expert cap (decimals still go)", () => {
    const d = decidePrice(384961.42, { ...opening, expertise: "expert", hasRationale: true })
    expect(d.kind).toBe("kept")
    expect(d.value).toBe(384961)
    expect(significantDigits(d.value)).toBeGreaterThan(EXPERT_MAX_SIGNIFICANT)
  })

  it("an amateur keeps a precise draft of up to 5 digits", () => {
    expect(decidePrice(48312, opening)).toMatchObject({ kind: "kept", value: 48312 })
    expect(decidePrice(48312, { ...opening, expertise: "expert" }).value).not.toBe(48312)
  })

  it("capPrecision respects the side", () => {
    expect(capPrecision(123456, "seller", 4, 1)).toBeLessThanOrEqual(123456)
    expect(capPrecision(123456, "buyer", 4, 1)).toBeGreaterThanOrEqual(123456)
  })
})

describe("round closing (Yan & Pena-Marin 2017; Backus et al. 2015)", () => {
  it("rounds toward the conceding side: 49,750 closes at 49,500, conceding 49,000; a buyer rounds up", () => {
    expect(roundOffer(49750, "seller", 1)).toEqual({ round: 49500, concede: 49000 })
    expect(roundOffer(48730, "seller", 1)).toEqual({ round: 48500, concede: 48000 })
    expect(roundOffer(48730, "buyer", 1)).toEqual({ round: 49000, concede: 50000 })
    expect(roundOffer(50000, "seller", 1)).toEqual({ round: 50000, concede: 49000 })
  })

  it("a seller's closing 48,730 is never rounded up to 49,000 (issue 13)", () => {
    const d = decidePrice(48730, { ...opening, mode: "closing" })
    expect(d).toMatchObject({ kind: "round", value: 48500, concede: 48000 })
  })

  it.each([49750, 384800, 7164, 49.75, 48730, 20150])("closing %d is round, at or below the draft and within 2.5 %%", (v) => {
    const d = decidePrice(v, { ...opening, mode: "closing" })
    expect(d.kind).toBe("round")
    expect(isRoundNumber(d.value)).toBe(true)
    expect(d.value).toBeLessThanOrEqual(v)
    expect((v - d.value) / v).toBeLessThanOrEqual(0.025)
  })

  it.each([14920, 1048, 10800])("closing %d keeps the draft: no round number lies within 2.5 percent below it", (v) => {
    const d = decidePrice(v, { ...opening, mode: "closing" })
    expect(d).toMatchObject({ kind: "kept", value: v })
  })

  it("a charm draft may go up to 5 percent down to a round number, never up (R4)", () => {
    expect(decidePrice(10900, { ...opening, mode: "closing" })).toMatchObject({ kind: "round", value: 10500 })
    expect(decidePrice(1049, { ...opening, mode: "closing" })).toMatchObject({ kind: "round", value: 1000 })
  })

  it("urgency rounds an opening too", () => {
    const d = decidePrice(50000, { ...opening, urgent: true })
    expect(d.kind).toBe("round")
    expect(d.value).toBe(50000)
  })
})

describe("charm endings (R4)", () => {
  it("a charm draft in a value-positioned quote becomes a precise non-charm price", () => {
    const d = decidePrice(49999, opening)
    expect(d.charmDraft).toBe(true)
    expect(d.value).toBe(49750)
  })

  it("price-positioned offers to amateurs may use a 9-ending", () => {
    const d = decidePrice(50000, { ...opening, positioning: "price" })
    expect(d.kind).toBe("charm")
    expect(digitString(d.value).endsWith("9")).toBe(true)
    expect(d.value).toBeLessThan(50000)
  })

  it("not for experts, and not once 9-endings are common", () => {
    expect(decidePrice(50000, { ...opening, positioning: "price", expertise: "expert" }).kind).toBe("precise")
    const saturated = decidePrice(50000, { ...opening, positioning: "price", charmShare: 0.7 })
    expect(saturated.kind).toBe("precise")
    expect(saturated.charmSaturated).toBe(true)
  })

  it("charmEnding stays just below the draft", () => {
    expect(charmEnding(50, 0.01)).toBe(49.99)
    expect(charmEnding(50000, 1)).toBe(49900)
  })
})

describe("discount pressure (Thomas, Simon & Kadiyali 2010)", () => {
  it("more trailing zeros, more pressure", () => {
    expect(discountPressure(485000)).toBeGreaterThan(discountPressure(484700))
    expect(discountPressure(484700)).toBeGreaterThan(discountPressure(484750))
    expect(discountPressure(49.75)).toBe(0)
  })
})

describe("a precise draft that happens to end in 9 (issue 13)", () => {
  it.each([
    [48_739, 48_730],
    [123_456_789, 123_400_000]
  ])("opening %d is trimmed on the conceding side, not dropped to below its round neighbour", (draft, expected) => {
    const d = decidePrice(draft, opening)
    expect(d.charmDraft).toBe(true)
    expect(d.value).toBe(expected)
  })

  it("still opens a 'just under' draft from the round number above it", () => {
    expect(decidePrice(49_999, opening).value).toBe(49_750)
    expect(decidePrice(1_990, opening).value).toBeLessThan(1_990)
  })

  it("a rial draft of 1,234,567,890 opens at 123.4 million toman, within 1 % of it, in Persian and English", () => {
    for (const locale of ["fa-IR", "en-US"]) {
      const r = suggestPricing({ amount: 1_234_567_890, currency: "IRR", locale, mode: "opening" })
      if ("error" in r) throw new Error(r.error)
      expect(r.suggestedPrice).toBe(1_234_000_000)
      const r3 = r.suggestions.find((s) => s.rule === "R3")!
      // Not "a small step down from your round draft": the draft was not round.
      expect(r3.kind).toBe("capped")
      expect(r.display).toBe(locale === "fa-IR" ? "۱۲۳٫۴ میلیون تومان" : "123.4 million toman")
    }
  })
})

describe("the round concession after a round close (issue 13)", () => {
  it("is the next round number at the scale just below the close, never a charm price", () => {
    expect(roundOffer(1_000_000, "seller", 1).concede).toBe(990_000)
    expect(roundOffer(100, "seller", 1).concede).toBe(98)
    expect(roundOffer(7, "seller", 0.01).concede).toBe(6.8)
  })

  it("a close at 1,000,001 offers 1M, or 990K if the rep concedes, not 900K (EN, FA in toman)", () => {
    const usd = suggestPricing({ amount: 1_000_001, currency: "USD", locale: "en-US", mode: "closing" })
    const irr = suggestPricing({ amount: 10_000_000_010, currency: "IRR", locale: "fa-IR", mode: "closing" })
    if ("error" in usd || "error" in irr) throw new Error("invalid input")
    expect(usd.suggestedPrice).toBe(1_000_000)
    expect(usd.suggestions.find((s) => s.kind === "closing-round")!.alternative!.amount).toBe(990_000)
    expect(irr.suggestedPrice).toBe(10_000_000_000)
    const r3 = irr.suggestions.find((s) => s.kind === "closing-round")!
    expect(r3.alternative!.amount).toBe(9_900_000_000)
    expect(r3.text).toContain("۹۹۰ میلیون تومان")
  })
})
