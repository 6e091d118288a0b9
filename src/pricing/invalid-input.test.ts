import { describe, expect, it } from "vitest"

import { withoutIsolates } from "../i18n/render"
import { MAX_AMOUNT, suggestPricing } from "./index"
import { BASE } from "../../tests/support/pricing-helpers"

function errorOf(input: unknown): string {
  const r = suggestPricing(input)
  if (!("error" in r)) throw new Error(`expected an error for ${JSON.stringify(input)}`)
  // Field names and the rep's values sit in bidi isolates; the words around them are what is read here.
  return withoutIsolates(r.error)
}

describe("invalid input → { error }, never a throw", () => {
  it.each([
    [{ ...BASE, amount: Number.NaN }, /amount: must be a finite number/],
    [{ ...BASE, amount: Number.POSITIVE_INFINITY }, /amount: must be a finite number/],
    [{ ...BASE, amount: -5 }, /amount: must be greater than 0/],
    [{ ...BASE, amount: 0 }, /amount: must be greater than 0/],
    [{ ...BASE, amount: "49,750" }, /amount: .*parseTypedAmount/],
    [{ ...BASE, amount: 1e16 }, /amount: must be at most 1e\+15/],
    [{ ...BASE, currency: "XYZ" }, /currency: "XYZ" is not a known ISO 4217/],
    [{ ...BASE, currency: 840 }, /currency: must be an ISO 4217 code/],
    [{ ...BASE, locale: "!!" }, /locale: "!!" is not a valid BCP 47/],
    [{ ...BASE, mode: "final" }, /mode: must be "opening" or "closing"/],
    [{ ...BASE, expertise: "guru" }, /expertise/],
    [{ ...BASE, offer: "lease" }, /offer/],
    [{ ...BASE, seats: 2.5 }, /seats: must be a whole number/],
    [{ ...BASE, discountPercent: 100 }, /discountPercent: must be below 100/],
    [{ ...BASE, anchors: { previousPrices: [100, "x"] } }, /anchors\.previousPrices\.1/],
    [{ ...BASE, gifts: [{ name: "", amount: 5 }] }, /gifts\.0\.name: must not be empty/],
    [{ ...BASE, pushback: "x".repeat(5000) }, /pushback: must be at most 2,000 characters/],
    [null, /input: .*expected object/],
    [undefined, /input: .*expected object/],
    ["50000 USD", /input: .*expected object/],
    [[1, 2, 3], /input: .*expected object/],
    [42, /input: .*expected object/]
  ])("%# → %s", (input, message) => {
    expect(() => suggestPricing(input)).not.toThrow()
    expect(errorOf(input)).toMatch(message)
  })

  it("names several problems at once", () => {
    const message = errorOf({ amount: -1, currency: "??", locale: 5, mode: null })
    for (const field of ["amount", "currency", "locale", "mode"]) expect(message).toContain(`${field}:`)
  })

  it("accepts lower-case currency and Salesforce-style locale", () => {
    const r = suggestPricing({ ...BASE, currency: "usd", locale: "de_DE" })
    expect("error" in r).toBe(false)
    if (!("error" in r)) expect(r.context).toMatchObject({ currency: "USD", locale: "de-DE" })
  })

  it("handles the extremes of the valid range", () => {
    for (const amount of [MAX_AMOUNT, 0.01, 1, 99.99, 100, 999_999_999_999]) {
      for (const currency of ["USD", "IRR", "JPY", "KWD"]) {
        const r = suggestPricing({ ...BASE, amount, currency, offer: "subscription", period: "month", seats: 3 })
        expect("error" in r, `${amount} ${currency}`).toBe(false)
        if (!("error" in r)) {
          expect(Number.isFinite(r.suggestedPrice)).toBe(true)
          expect(r.suggestedPrice).toBeGreaterThan(0)
          expect(r.display).not.toBe("")
        }
      }
    }
  })

  it("fuzz: 2,000 random garbage inputs never throw and always answer", () => {
    // Deterministic LCG so a failure is reproducible.
    let seed = 20_240_601
    const rnd = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
      return seed / 2 ** 31
    }
    const pool: unknown[] = [
      Number.NaN, -1, 0, 1e300, -0, 50_000, 49.75, "50000", "", null, undefined, true, [], {}, [1], { a: 1 },
      "USD", "IRR", "EUR", "en-US", "fa-IR", "opening", "closing", "expert", "subscription", "per-seat", "month",
      "we can't pay more", "ارزش ندارد", "demand", Symbol.iterator.toString()
    ]
    const pick = () => pool[Math.floor(rnd() * pool.length)]
    const keys = ["amount", "currency", "locale", "mode", "expertise", "offer", "period", "seats", "urgent", "anchors", "yearlySavings", "discountPercent", "discountReason", "pushback", "gifts", "profile", "decoy", "side", "rationale"]
    for (let i = 0; i < 2000; i++) {
      const input: Record<string, unknown> = { ...BASE }
      for (const key of keys) if (rnd() < 0.3) input[key] = pick()
      if (rnd() < 0.2) input.anchors = { listPrice: pick(), previousPrices: [pick(), pick()] }
      if (rnd() < 0.2) input.profile = { dominance: { label: pick() }, decisionCriteria: { weights: { price: pick() } } }
      let result: ReturnType<typeof suggestPricing> | undefined
      expect(() => {
        result = suggestPricing(input)
      }).not.toThrow()
      expect(result).toBeDefined()
      if (result && !("error" in result)) expect(Number.isFinite(result.suggestedPrice)).toBe(true)
      else expect(typeof (result as { error: string }).error).toBe("string")
    }
  })
})
