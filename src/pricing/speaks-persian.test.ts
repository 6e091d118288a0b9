import { describe, expect, it } from "vitest"

import { suggestPricing } from "./index"

const INPUTS = [
  { amount: 50_000, currency: "USD", mode: "opening" },
  { amount: 50_000, currency: "EUR", mode: "closing", expertise: "expert" },
  { amount: 500_000_000, currency: "IRR", mode: "opening", offer: "subscription", period: "month", discountPercent: 15, pushback: "بودجه نداریم" },
  { amount: 120, currency: "USD", mode: "opening", offer: "per-seat", period: "year", seats: 40, decoy: true, anchors: { listPrice: 150 } },
  { amount: 48_000, currency: "USD", mode: "opening", profile: { dominance: { label: "customer" }, decisionCriteria: { label: "price" } }, priceIncreasePercent: 12 }
] as const

/** Letters outside the isolated runs (the rep's own text and codes), and how many are Persian. */
function persianShare(text: string): number {
  const outside = text.replace(/\u2068[^\u2069]*\u2069/g, "")
  const letters = [...outside].filter((c) => /\p{L}/u.test(c))
  const persian = letters.filter((c) => /[\u0600-\u06FF]/.test(c))
  return letters.length === 0 ? 1 : persian.length / letters.length
}

describe("suggestPricing in Persian", () => {
  it("writes every suggestion in Persian for fa-IR, with its descriptor beside it", () => {
    for (const input of INPUTS) {
      const r = suggestPricing({ ...input, locale: "fa-IR" })
      if ("error" in r) throw new Error(r.error)
      expect(r.suggestions.length).toBeGreaterThan(0)
      for (const s of r.suggestions) {
        expect(s.message.id).toMatch(/^p\./)
        expect(persianShare(s.text), s.text).toBeGreaterThanOrEqual(0.9)
        expect(persianShare(s.reason), s.reason).toBeGreaterThanOrEqual(0.9)
        expect(/[0-9]/.test(s.text.replace(/\u2068[^\u2069]*\u2069/g, "")), s.text).toBe(false)
      }
    }
  })

  it("gives the input error in Persian when the locale is Persian, in English otherwise", () => {
    const fa = suggestPricing({ amount: -1, currency: "USD", locale: "fa-IR", mode: "opening" })
    const en = suggestPricing({ amount: -1, currency: "USD", locale: "en-US", mode: "opening" })
    if (!("error" in fa) || !("error" in en)) throw new Error("expected errors")
    expect(fa.message.id).toBe("p.error.invalid")
    expect(persianShare(fa.error)).toBeGreaterThanOrEqual(0.9)
    expect(en.error).toMatch(/^Invalid pricing input/)
  })
})
