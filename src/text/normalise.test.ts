import { describe, expect, it } from "vitest"

import { normalise, normaliseAmountText } from "./normalise"

describe("normalise", () => {
  it.each([
    ["تخفيف", "تخفیف"], // Arabic yeh
    ["كيفيت", "کیفیت"], // Arabic kaf and yeh
    ["مصطفى", "مصطفی"], // alef maksura
    ["بودجة", "بودجه"], // teh marbuta
    ["تأخیر", "تاخیر"], // hamza on alef
    ["قيـــمت", "قیمت"], // tatweel
    ["قِیمَت", "قیمت"], // harakat
    ["۱۲۳ و ١٢٣", "123 و 123"], // Persian and Arabic-Indic digits
    ["۱۰٪ تخفیف و ١٥٪", "10% تخفیف و 15%"], // the Arabic percent sign
    ["PRICE Élevé", "price élevé"], // Latin case
    ["can’t", "can't"],
    ["\u2068Acme\u2069 \u200Fقیمت", "acme قیمت"], // isolates and marks
    ["  a \t\n b  ", "a b"]
  ])("%s → %s", (text, expected) => {
    expect(normalise(text)).toBe(expected)
  })

  it("reads a half-space, a space and no space alike once spaces are dropped", () => {
    const forms = ["می‌خواهیم", "می خواهیم", "میخواهیم", "می\u200c\u200fخواهیم", "مي‌خواهيم"]
    expect(new Set(forms.map((f) => normalise(f).replace(/ /g, ""))).size).toBe(1)
    expect(normalise("می‌خواهیم")).toBe("می خواهیم")
  })

  it("keeps an amount's separators, folded to ASCII", () => {
    expect(normaliseAmountText("۴۸٫۵ ميليون")).toBe("48.5 میلیون")
    expect(normaliseAmountText("۴۹٬۷۵۰")).toBe("49,750")
    expect(normaliseAmountText("\u200E−۲\u200C۰")).toBe("-20")
  })
})
