import { describe, expect, it } from "vitest"

import { formatAmount, formatDurations } from "./format"
import { parseTypedAmount } from "./parse"

const FA_DIGITS = /^[^0-9]*$/ // Persian output carries no ASCII digits
const compact = (amount: number, currency: string, locale: string) => formatAmount(amount, { currency, locale, style: "compact" })
const full = (amount: number, currency: string, locale: string) => formatAmount(amount, { currency, locale, style: "full" })

describe("formatAmount — English", () => {
  it.each([
    [9000, "$9K"],
    [48_500_000, "$48.5M"],
    [1_235_000, "$1.235M"], // lossless: never rounded to "$1.2M"
    [49_750, "$49,750"], // a precise price keeps its digits: never "$49.8K" or "$50K"
    [1426.85, "$1427"], // no cents, no comma on four digits (Coulter et al. 2012)
    [11.5, "$11.50"], // below 100 the cents are the price
    [50, "$50"] // no ".00"
  ])("compact %d USD → %s", (amount, expected) => {
    expect(compact(amount, "USD", "en-US")).toBe(expected)
  })

  it.each([
    [1426.85, "$1,426.85"],
    [2_500_000, "$2,500,000"],
    [50, "$50"]
  ])("full %d USD → %s", (amount, expected) => {
    expect(full(amount, "USD", "en-US")).toBe(expected)
  })

  it("compact is never longer in zeros than full and never loses digits", () => {
    for (const amount of [9000, 120_000, 48_500_000, 1_235_000, 7_000_000_000, 49_750, 14_800]) {
      const c = compact(amount, "USD", "en-US")
      const zeros = (s: string) => (s.match(/0/g) ?? []).length
      expect(zeros(c)).toBeLessThanOrEqual(zeros(full(amount, "USD", "en-US")))
      // Reading the compact form back gives the exact amount.
      expect(parseTypedAmount(c, "en-US")).toBe(amount)
    }
  })

  it("unit hidden for a column whose header carries it (R5)", () => {
    expect(formatAmount(48_500_000, { currency: "USD", locale: "en-US", style: "compact", unit: "hide" })).toBe("48.5M")
    expect(formatAmount(2_500_000, { currency: "USD", locale: "en-US", style: "full", unit: "hide" })).toBe("2,500,000")
  })
})

describe("formatAmount — IRR in toman (rial ÷ 10), Persian", () => {
  it.each([
    [90_000, "۹ هزار تومان"], // seed 001: "9 thousand toman", not "90,000 rials"
    [485_000_000, "۴۸٫۵ میلیون تومان"],
    [48_500_000, "۴٫۸۵ میلیون تومان"], // research case 23
    [15_000_000_000_000, "۱٫۵ هزار میلیارد تومان"],
    [497_500, "۴۹٬۷۵۰ تومان"]
  ])("compact %d IRR fa-IR → %s", (rial, expected) => {
    const out = compact(rial, "IRR", "fa-IR")
    expect(out).toBe(expected)
    expect(out).toMatch(FA_DIGITS)
    expect(out).not.toContain("ریال")
  })

  it("full IRR in Persian: all digits, toman labelled", () => {
    expect(full(48_500_000, "IRR", "fa-IR")).toBe("۴٬۸۵۰٬۰۰۰ تومان")
  })

  it("IRR in English and German is toman too, in words", () => {
    expect(compact(48_500_000, "IRR", "en-US")).toBe("4.85 million toman")
    expect(compact(90_000, "IRR", "en-US")).toBe("9 thousand toman")
    expect(full(48_500_000, "IRR", "en-US")).toBe("4,850,000 toman")
    expect(compact(90_000, "IRR", "de-DE")).toBe("9 Tausend Toman")
  })

  it("other currencies in Persian use Persian digits and a Persian unit name", () => {
    expect(compact(49_750, "USD", "fa-IR")).toBe("۴۹٬۷۵۰ دلار")
    expect(compact(9000, "EUR", "fa-IR")).toBe("۹ هزار یورو")
  })

  it("Persian output parses back to the toman amount", () => {
    for (const rial of [90_000, 485_000_000, 48_500_000, 497_500, 123_450_000]) {
      expect(parseTypedAmount(compact(rial, "IRR", "fa-IR"), "fa-IR")).toBe(rial / 10)
    }
  })
})

describe("formatAmount — German and others", () => {
  it("de-DE uses its own separators and short scale", () => {
    // ICU puts a no-break space before "€".
    const de = (s: string) => s.replace(/\u00A0/g, " ")
    expect(de(compact(49_750, "EUR", "de-DE"))).toBe("49.750 €")
    expect(de(compact(48_500_000, "EUR", "de-DE"))).toBe("48,5 Mio. €")
    // CLDR German has no short thousands form: plain digits instead of a scale word.
    expect(de(compact(9000, "EUR", "de-DE"))).toBe("9000 €")
    expect(de(full(1426.85, "EUR", "de-DE"))).toBe("1.426,85 €")
  })

  it("zero-decimal currencies never show decimals", () => {
    expect(full(49_750.4, "JPY", "en-US")).toBe("¥49,750")
  })
})

describe("formatAmount — never throws", () => {
  it.each([
    [Number.NaN, "USD", "en-US", ""],
    [Number.POSITIVE_INFINITY, "USD", "en-US", ""]
  ])("non-finite %s → empty", (amount, currency, locale, expected) => {
    expect(compact(amount, currency, locale)).toBe(expected)
  })

  it("garbage options fall back instead of throwing", () => {
    expect(compact(9000, "USD", "!!not a locale")).toBe("$9K")
    expect(compact(9000, "XYZ", "en-US")).toContain("XYZ")
    expect(() => formatAmount(9000, null as unknown as { currency: string; locale: string; style: "compact" })).not.toThrow()
    expect(() => formatAmount("9000" as unknown as number, { currency: "USD", locale: "en-US", style: "compact" })).not.toThrow()
    expect(compact(-9000, "USD", "en-US")).toBe("-$9K")
  })
})

describe("formatDurations (Pandelaere et al. 2011; Lembregts & Pandelaere 2013)", () => {
  it("two options compared → months; one on its own → years", () => {
    expect(formatDurations([7, 9], "en-US")).toEqual(["84 months", "108 months"])
    expect(formatDurations([7], "en-US")).toEqual(["7 years"])
    expect(formatDurations([7, 9], "fa-IR")).toEqual(["۸۴ ماه", "۱۰۸ ماه"])
  })
})
