import { describe, expect, it } from "vitest"

import { formatAmount } from "./format"
import { parseTypedAmount } from "./parse"

describe("parseTypedAmount", () => {
  it.each([
    ["49,750", "en-US", 49750],
    ["49,750.00", "en-US", 49750],
    ["$49,750", "en-US", 49750],
    ["USD 49,750.00", "en-US", 49750],
    ["$1.2M", "en-US", 1_200_000],
    ["12k", "en-US", 12_000],
    ["48.5 million", "en-US", 48_500_000],
    ["49.75", "en-US", 49.75],
    ["49.750,00", "de-DE", 49750],
    ["49.750", "de-DE", 49750],
    ["49,75", "de-DE", 49.75],
    ["4,85 Mio. €", "de-DE", 4_850_000],
    ["1'234.50", "de-CH", 1234.5],
    ["49 750", "fr-FR", 49750],
    ["49\u202F750,5", "fr-FR", 49750.5],
    ["۴۹٬۷۵۰", "fa-IR", 49750],
    ["۴۸٫۵ میلیون", "fa-IR", 48_500_000],
    ["۹ هزار تومان", "fa-IR", 9000],
    ["۴/۵ میلیون", "fa-IR", 4_500_000],
    ["۱٫۲ هزار میلیارد", "fa-IR", 1_200_000_000_000],
    ["٤٩٬٧٥٠", "ar-SA", 49750],
    ["1,23,456", "en-IN", 123456],
    ["\u200E$49,750", "en-US", 49750],
    ["1234.567", "de-DE", 1234.567], // String(1234.567): not a valid thousands group
    ["49750.5", "de-DE", 49750.5]
  ])("%s (%s) → %d", (text, locale, expected) => {
    expect(parseTypedAmount(text, locale)).toBe(expected)
  })

  it("the locale decides an ambiguous single separator", () => {
    expect(parseTypedAmount("49,750", "en-US")).toBe(49750)
    expect(parseTypedAmount("49,750", "de-DE")).toBe(49.75)
  })

  it.each([["", "en-US"], ["call me", "en-US"], ["49,750 - 50,000", "en-US"], ["1,2,3", "en-US"], ["49 75", "fr-FR"], ["1e5", "en-US"], ["Infinity", "en-US"], ["12 apples", "en-US"], ["9".repeat(100), "en-US"]])(
    "%s → null",
    (text, locale) => {
      expect(parseTypedAmount(text, locale)).toBeNull()
    }
  )

  it("never throws on non-strings", () => {
    expect(parseTypedAmount(undefined as unknown as string, "en-US")).toBeNull()
    expect(parseTypedAmount(42 as unknown as string, "en-US")).toBeNull()
    expect(parseTypedAmount("49,750", null as unknown as string)).toBe(49750)
  })

  it("reads back what formatAmount writes in full, in every supported locale", () => {
    for (const locale of ["en-US", "de-DE", "fa-IR", "fr-FR", "de-CH"]) {
      for (const amount of [49750, 1426.85, 2_500_000, 12.5]) {
        const written = formatAmount(amount, { currency: "EUR", locale, style: "full" })
        expect(parseTypedAmount(written, locale), `${written} in ${locale}`).toBe(amount)
      }
    }
  })
})
