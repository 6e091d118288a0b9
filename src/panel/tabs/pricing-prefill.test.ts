import { describe, expect, it } from "vitest"
import { currencyInText, prefillPricing } from "./pricing-prefill"

describe("pricing prefill", () => {
  it("reads the quote's total from the page, with its currency", () => {
    expect(prefillPricing({ fields: { GrandTotal: { value: "USD 52,000.00" }, TotalPrice: { value: "EUR 49,750.00" } }, defaultCurrency: "GBP" })).toEqual({
      amount: 49750,
      currency: "EUR",
      source: "page",
      field: "TotalPrice"
    })
  })

  it("reads Dynamics fields case-insensitively and European formats", () => {
    expect(prefillPricing({ fields: { TotalAmount: { value: "€49.750,00" } }, defaultCurrency: "USD" })).toMatchObject({ amount: 49750, currency: "EUR", source: "page" })
    expect(prefillPricing({ fields: { estimatedvalue: { value: "۴۸٬۵۰۰٬۰۰۰ ریال" } }, defaultCurrency: "USD" })).toMatchObject({ amount: 48_500_000, currency: "IRR" })
  })

  it("falls back to the synced record, then the account's latest quote, then nothing", () => {
    expect(prefillPricing({ fields: { Amount: { value: "—" } }, canonical: { amount: 1200, currency: "CAD" }, defaultCurrency: "USD" })).toEqual({ amount: 1200, currency: "CAD", source: "record" })
    expect(prefillPricing({ latestQuote: { total: 900 }, defaultCurrency: "USD" })).toEqual({ amount: 900, currency: "USD", source: "latest-quote" })
    expect(prefillPricing({ defaultCurrency: "IRR" })).toEqual({ amount: null, currency: "IRR", source: "none" })
  })

  it("finds ISO codes and symbols", () => {
    expect(currencyInText("1,000 USD")).toBe("USD")
    expect(currencyInText("£1,000")).toBe("GBP")
    expect(currencyInText("$1,000")).toBeUndefined()
  })
})
