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

  // Persian as reps type it: Persian, Arabic-Indic and ASCII digits, Arabic-keyboard letters (ي ك),
  // Persian separators, scales and parts joined by و, number words (written and colloquial), halves.
  it.each([
    ["۲ میلیارد و ۵۰۰ میلیون", "fa-IR", 2_500_000_000],
    ["۲ ميليارد و ۵۰۰ ميليون تومان", "fa-IR", 2_500_000_000],
    ["۴۸٫۵ ميليون تومان", "fa-IR", 48_500_000],
    ["٤٨٫٥ مليون", "fa-IR", 48_500_000],
    ["دو میلیارد و پانصد میلیون", "fa-IR", 2_500_000_000],
    ["دو ميليارد و پونصد ميليون تومن", "fa-IR", 2_500_000_000],
    ["۱۲ هزار تومان", "fa-IR", 12_000],
    ["12 هزار تومان", "en-US", 12_000],
    ["۱۲ هزار ریال", "fa-IR", 12_000],
    ["۱۲ هزار و ۵۰۰ تومان", "fa-IR", 12_500],
    ["سیصد و پنجاه هزار", "fa-IR", 350_000],
    ["یک میلیارد و دویست و پنجاه و سه میلیون و چهارصد هزار تومان", "fa-IR", 1_253_400_000],
    ["یه میلیون و دویست", "fa-IR", null],
    ["۲ میلیون و نیم", "fa-IR", 2_500_000],
    ["دو و نیم میلیون", "fa-IR", 2_500_000],
    ["میلیون و دویست هزار", "fa-IR", 1_200_000],
    ["هزار تومان", "fa-IR", 1000],
    ["۳۵۰٬۰۰۰ تومان", "fa-IR", 350_000],
    ["۱٬۲۵۰ میلیون", "fa-IR", 1_250_000_000],
    ["۴۸٫۵ میلیون", "en-US", 48_500_000],
    ["۴۸٫۵ میلیون", "de-DE", 48_500_000],
    ["-۲ میلیون", "fa-IR", -2_000_000],
    ["\u200F۲\u200C میلیون", "fa-IR", 2_000_000],
    ["۳ میـــلیون", "fa-IR", 3_000_000], // a tatweel stretching the word
    ["۳ مِیلیون", "fa-IR", 3_000_000], // a diacritic on it
    ["۲ میلیون و ۵۰۰", "fa-IR", null], // 2,000,500 as written, 2,500,000 as often meant: not guessed
    ["۵۰۰ میلیون و ۲ میلیارد", "fa-IR", null], // parts out of order
    ["۲ میلیارد و ۱۵۰۰ میلیون", "fa-IR", null], // a part as large as the one before it
    ["بیست و صد", "fa-IR", null], // number words out of order
    ["قیمت خوب", "fa-IR", null],
    ["۲ میلیون و نیم و ۳", "fa-IR", null]
  ])("%s (%s) → %s", (text, locale, expected) => {
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
