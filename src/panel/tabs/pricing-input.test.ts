import { describe, expect, it } from "vitest"
import { suggestPricing } from "../../pricing"
import { sampleProfile } from "../../../tests/support/panel-fixtures"
import { pricingInput } from "./PricingTab"

const form = { amountText: "49,750", currency: "USD", mode: "opening" as const, expertise: "" as const, offer: "one-off" as const, period: "year" as const }

describe("pricing playground input", () => {
  it("builds the engine's input from the form, reading typed amounts in the panel's locale", () => {
    expect(pricingInput(form, "en-US", null)).toEqual({ amount: 49750, currency: "USD", locale: "en-US", mode: "opening", offer: "one-off" })
    expect(pricingInput({ ...form, amountText: "۴۸٫۵ میلیون" }, "fa-IR", null)?.amount).toBe(48_500_000)
    expect(pricingInput({ ...form, amountText: "call me" }, "en-US", null)).toBeNull()
  })

  it("passes expertise, the subscription period, the profile and the account's previous prices", () => {
    const profile = sampleProfile()
    const input = pricingInput({ ...form, expertise: "expert", offer: "subscription", period: "month" }, "en-US", profile)!
    expect(input).toMatchObject({ expertise: "expert", offer: "subscription", period: "month", profile })
    expect(input.anchors?.previousPrices?.length).toBeGreaterThan(0)
    expect(input.anchors?.previousPrices?.every((p) => p > 0)).toBe(true)
  })

  it("is accepted by the pricing engine", () => {
    const result = suggestPricing(pricingInput(form, "en-US", sampleProfile())!)
    expect("error" in result ? result.error : result.display).toMatch(/\$/)
  })
})
