import { describe, expect, it } from "vitest"

import { readPushback } from "./pushback"
import { isPlacebicRationale, readDiscountReason, readIncreaseReason } from "./reasons"

describe("pushback: constraint vs disparagement (Lee & Ames 2017)", () => {
  it.each([
    ["We can't pay more than 40k this year.", "constraint"],
    ["Our budget is capped at 40,000.", "constraint"],
    ["Honestly we just don't have the budget for that.", "constraint"],
    ["I think it's worth it, but we cannot go above 45k.", "constraint"],
    ["بودجه ما بیشتر از این نیست", "constraint"],
    ["نمی‌توانیم بیشتر از این پرداخت کنیم", "constraint"],
    ["نمی توانیم بیشتر بدهیم", "constraint"],
    ["سقف مجوز ما ۴۰ میلیون است", "constraint"],
    ["It isn't worth more than 40k.", "disparagement"],
    ["That's way too expensive for what it does.", "disparagement"],
    ["Your competitor is 20% cheaper.", "disparagement"],
    ["Frankly it’s not worth that much.", "disparagement"],
    ["این محصول ارزش این قیمت را ندارد", "disparagement"],
    ["ارزشش را ندارد", "disparagement"],
    ["خیلی گرونه", "disparagement"],
    ["نمی‌ارزه", "disparagement"],
    ["رقیب شما ارزان‌تر است", "disparagement"],
    ["Too expensive, and our budget can't stretch that far anyway.", "mixed"],
    ["Let me think about it.", "unclear"],
    ["", "unclear"]
  ])("%s → %s", (text, kind) => {
    expect(readPushback(text).kind).toBe(kind)
  })

  it("Arabic-keyboard Persian (ي/ك) reads the same", () => {
    expect(readPushback("نمي‌توانيم بيشتر").kind).toBe("constraint")
  })
})

describe("discount reasons (R1; Waber et al. 2008)", () => {
  it.each([
    ["Volume: 200 seats", "volume"],
    ["three-year commitment", "term"],
    ["end of quarter signing", "timing"],
    ["clearance of the previous model", "model-change"],
    ["تخفیف به خاطر حجم بالای سفارش", "volume"],
    ["قرارداد دو ساله", "term"],
    ["پیش‌پرداخت نقدی", "timing"],
    ["مدل جدید آمده و انبار را تخلیه می‌کنیم", "model-change"]
  ])("%s → %s", (reason, category) => {
    const r = readDiscountReason(reason)
    expect(r.category).toBe(category)
    expect(r.quality).toBe(false)
  })

  it.each(["it's the lower quality edition", "slightly damaged units", "کیفیت پایین‌تر است"])("%s implies lower quality", (reason) => {
    expect(readDiscountReason(reason).quality).toBe(true)
  })

  it("a missing reason is missing, a stock phrase is placebic", () => {
    expect(readDiscountReason(undefined).missing).toBe(true)
    expect(readDiscountReason("   ").missing).toBe(true)
    expect(readDiscountReason("company policy").placebic).toBe(true)
  })
})

describe("increase reasons (KKT 1986; Campbell 1999)", () => {
  it.each([
    ["high demand this season", true],
    ["supply is scarce", true],
    ["the market is hot", true],
    ["تقاضا زیاد شده", true],
    ["کمبود در بازار", true],
    ["our supplier raised component costs by 8%", false],
    ["افزایش هزینه مواد اولیه و دستمزد", false]
  ])("%s → demand-based: %s", (reason, demand) => {
    expect(readIncreaseReason(reason).demand).toBe(demand)
  })

  it("cost and scope reasons are categorised; a profit motive is flagged", () => {
    expect(readIncreaseReason("wage inflation").category).toBe("input-cost")
    expect(readIncreaseReason("new module and a higher SLA").category).toBe("scope")
    expect(readIncreaseReason("new tariff on imports").category).toBe("regulation")
    expect(readIncreaseReason("to protect our margin").profit).toBe(true)
    expect(readIncreaseReason("نرخ ارز").category).toBe("input-cost")
  })

  it("placebic rationales (Folkes 1985)", () => {
    expect(isPlacebicRationale("that's our price")).toBe(true)
    expect(isPlacebicRationale("because")).toBe(true)
    expect(isPlacebicRationale("4,000 hours at our blended rate of 12.40")).toBe(false)
    expect(isPlacebicRationale("priced from your 3-year volume and our cost of support")).toBe(false)
    expect(isPlacebicRationale(undefined)).toBe(false)
  })
})
