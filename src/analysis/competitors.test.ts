/**
 * The competitor reader (competitors.ts) on what buyers write and reps note (issue 13): the
 * company a buyer compares us with, says gave a better price, or threatens to take the order to,
 * in English and Persian, in their own email and in our call note of what they said. Beside each
 * way of naming one, the words that stand in the same place and are no company: pronouns,
 * "another supplier", a time, an amount, the budget, the account itself and our own products.
 * A hint quoting «پارسال» as a competitor would embarrass the rep more than a name missed.
 */
import { describe, expect, it } from "vitest"
import { at, kit } from "../../tests/support/analysis-kit"
import { classifyRelationship } from "./index"

const k = kit({ org: "competitors" })

interface Written {
  /** The account's name (the customer). */
  account?: string
  /** Our products, as quote lines name them. */
  products?: string[]
  /** Our deals' names. */
  deals?: string[]
}

/** The competitors named when each text is an email from the customer, and when it is our call note of what they said. */
function named(texts: readonly string[], written: Written = {}): { email: string[]; note: string[] } {
  const lines = (written.products ?? []).map((product, n) => k.line(`L${n}`, { quoteKey: k.key("Q1"), product, unitPrice: 100 }))
  const read = (note: boolean) => {
    const interactions = texts.map((text, n) => k.interaction(`I${n}`, note
      ? { at: at(300 + n), channel: "call", direction: "outbound", subject: "Call", text: `Customer said: ${text}` }
      : { at: at(300 + n), subject: "Pricing", text }))
    const deals = (written.deals ?? []).map((name, n) => k.deal(`D${n}`, { createdAt: at(200), name }))
    const history = k.history(k.account({ name: written.account ?? "Alborz Steel" }), { interactions, quoteLines: lines, deals })
    return classifyRelationship(history, { now: at(400) }).competition!.competitors.map((c) => c.name).sort()
  }
  return { email: read(false), note: read(true) }
}

/** Each way of naming a competitor, with the lookalikes that name none, read together. */
function expectNames(names: string[], saying: readonly string[], lookalikes: readonly string[], written: Written = {}) {
  for (const text of saying) expect(named([text], written), text).toEqual({ email: names.filter((n) => text.includes(n)), note: names.filter((n) => text.includes(n)) })
  expect(named([...saying, ...lookalikes], written)).toEqual({ email: [...names].sort(), note: [...names].sort() })
  for (const text of lookalikes) expect(named([text], written), text).toEqual({ email: [], note: [] })
}

describe("a competitor the buyer threatens to take the business to (EN)", () => {
  it("names Acme from 'moving our volume to', 'give the order to', 'place the order with', and not a quarter, a month, a department or us", () => {
    expectNames(["Acme"], [
      "We're moving our volume to Acme next quarter unless the price comes down.",
      "If you don't discount we'll give the order to Acme.",
      "If you don't discount we'll place the order with Acme.",
      // As our note reports it.
      "They will move their volume to Acme unless we discount."
    ], [
      "They will move their volume to another supplier unless we discount.",
      "If you can't discount we'll move the order to Q3.",
      "We're moving to Phase 2 only if the price comes down.",
      "We will move our orders to March if the price stays.",
      "We'll give the order to Procurement once the discount is approved.",
      "If the discount is approved we'll place the order with you.",
      "If the price doesn't come down we'll move our volume to another supplier."
    ])
  })
})

describe("a competitor whose name begins with a word the customer's own systems use (EN)", () => {
  it("names New Age and Oracle Industrial: the systems list blocks a name only after a move", () => {
    expectNames(["New Age", "Oracle Industrial"], ["Your price is higher than New Age.", "We got a better offer from Oracle Industrial."], [])
  })
})

describe("a competitor named where the buyer says they will go, without a price word (EN)", () => {
  it("names Acme from 'they'll go to', 'we're moving to' under a condition, 'we went with', 'we'll switch to', and not a day, a place, a person or a carrier", () => {
    expectNames(["Acme"], [
      "If the delays don't stop they'll go to Acme.",
      "If support doesn't improve we're moving to Acme.",
      "We went with Acme this time, their price was lower.",
      "If support doesn't improve we'll switch to Acme."
    ], [
      "Can we switch to Tuesday deliveries?",
      "We're moving to the new office next month.",
      // A move of premises reads as one to a company would: without a condition refused, no company.
      "We're moving to Dubai next month.",
      "They'll go to Hannover Messe in April, let's meet there.",
      // "Go to tender" is their threat; the tender is no company.
      "They'll go to Tender in May for the annual volume.",
      "I'll go to John for approval.",
      "We went with John to the site.",
      "We'll go with John's recommendation on the spec.",
      "We went with Premium Support last year.",
      "If it doesn't arrive we will switch to DHL for shipping.",
      "We are not cancelling the order, we'll go to the warehouse to pick it up.",
      "اگه تا جمعه نرسه سفارش رو کنسل می‌کنیم.",
      "قرارداد رو تمدید نمی‌کنیم، میریم سراغ انبار دوم."
    ])
  })
})

describe("a better offer the buyer holds from a competitor (EN, FA)", () => {
  it("names Acme and «پارس پمپ» from 'a better offer from', «از X پیشنهاد بهتری گرفتیم», and not the market, before or us", () => {
    expectNames(["Acme", "پارس پمپ"], [
      "We got a better offer from Acme.",
      "از پارس پمپ پیشنهاد بهتری گرفتیم.",
      "از پارس پمپ قیمت ارزون‌تری گرفتن."
    ], [
      "We got a better offer from another supplier.",
      "از بازار قیمت بهتری گرفتیم.",
      "از قبل پیشنهاد بهتری داشتیم.",
      "از یه شرکت دیگه پیشنهاد بهتری گرفتیم.",
      "از مدیر فروش‌تون قیمت بهتری گرفتیم."
    ])
  })
})

describe("a competitor they threaten to go to, said verb first (FA)", () => {
  it("names «پارس پمپ» from «می‌رن سراغ پارس پمپ», and not the next meeting or their manager", () => {
    expectNames(["پارس پمپ", "آبادان پمپ"], [
      "اگه قیمت پایین نیاد میرن سراغ پارس پمپ.",
      "اگه تخفیف ندید می‌ریم سراغ آبادان پمپ"
    ], [
      "اگه قیمت پایین نیاد میریم سراغ جلسه بعدی.",
      "اگه قیمت تایید نشه میرن سراغ مدیرشون.",
      "اگه تخفیف ندید میریم سراغ یه تامین‌کننده دیگه."
    ])
  })
})

describe("a competitor said to be so much under us (EN)", () => {
  it("names Acme from 'Acme's at 12% below you', 'Acme has offered', 'offered by Acme', and not others, last year or an amount", () => {
    expectNames(["Acme"], [
      "Acme's at 12% below you.",
      "Acme’s quote is lower, so we need you to move on price.",
      "Acme is 8% cheaper than your quote.",
      "Acme has offered a lower price, so we need a discount.",
      "A price 10% below yours was offered by Acme.",
      "Your price is too high compared to Acme."
    ], [
      "Your price is too high compared to Q3.",
      "Others are 10% cheaper than you.",
      "Your price is higher than Last Year.",
      "Your price is higher than 10%.",
      "Your price is 10% higher than our budget."
    ])
  })

  it("takes no model number or product of ours (as a quote line or a deal names it) for a competitor when the text is about our own price", () => {
    expectNames(["Acme"], ["Acme is 8% cheaper than your quote."], [
      "Your X200 quoted price is far too high.",
      "ProLine quoted at this price is too expensive for us.",
      "FlowMax quoted at this price is too expensive for us."
    ], { products: ["ProLine 300 pump"], deals: ["Alborz Steel - FlowMax-200 pumps"] })
  })
})

describe("a competitor our price is compared with (FA)", () => {
  it("names «پارس پمپ» from «قیمت شما از پارس پمپ بالاتر است» and «پارس پمپ از شما ارزان‌تر است», however typed, and not a time, an amount or the market", () => {
    expectNames(["پارس پمپ"], [
      "قیمت شما از پارس پمپ بالاتر است، اگر تخفیف ندهید سفارش را به آنها می‌دهیم.",
      "قیمتتون از پارس پمپ گرونتره، یه کم تخفیف بدید.",
      "قیمت شما از پارس پمپ خیلی بالاتر است.",
      "پارس پمپ از شما ارزان‌تر است.",
      "قیمت پارس پمپ از شما ۱۰ درصد پایین‌تره.",
      "قيمت شما از قیمت پارس پمپ ۱۰ درصد بالاتر است."
    ], [
      "قیمت شما از پارسال گران‌تر است.",
      "قیمت شما از ۱۰ درصد بالاتر است.",
      "قیمت شما از سال گذشته بالاتر است.",
      "قیمت شما از ماه قبل بالاتر است.",
      "قیمت شما از قبل گران‌تر شده.",
      "قیمت شما از تامین‌کننده دیگر بالاتر است.",
      "قیمت شما از بودجه ما بالاتر است.",
      "قیمت شما از قیمت واقعی بالاتر است.",
      "قیمت بازار از شما پایین‌تر است.",
      "پارسال قیمت از شما پایین‌تر بود.",
      "جنس چینی از شما ارزان‌تر است."
    ])
  })
})

describe("a competitor that gave a better price (FA)", () => {
  it("names «پارس پمپ» and the one-word «فولادین» from «… ارزان‌تر داده», «… قیمت بهتری داده», «… ارزون‌تر می‌فروشه», and not a time, a pronoun, 'they', shops or a person", () => {
    expectNames(["پارس پمپ", "فولادین"], [
      "پارس پمپ ۱۲ درصد ارزان‌تر داده.",
      "پارس پمپ حدود ۱۰ درصد ارزان‌تر داده.",
      "پارس پمپ ارزون‌تر داده، شما هم تخفیف بدید.",
      "پارس پمپ قیمت بهتری داده است.",
      "امروز فولادین ارزان‌تر داده.",
      "پارس پمپ ارزون‌تر می‌فروشه، شما هم قیمت را پایین بیارید.",
      "پارس پمپ ارزان‌ترین قیمت را داده."
    ], [
      "شما پارسال ارزان‌ترین قیمت را داده بودید.",
      "فروشگاه‌ها ارزان‌تر می‌فروشند.",
      "پارسال ارزان‌تر داده بودید.",
      "شما پارسال قیمت بهتری داده بودید.",
      "مدیر خرید گفت ارزان‌تر داده‌اند.",
      "فروشنده قبلی ارزان‌تر داده بود.",
      // People, maybe ours: "our sales manager gave a better price", "Mr Rezaei gave a bigger discount".
      "مدیر فروش قیمت بهتری داده است.",
      "آقای رضایی تخفیف بیشتری داده."
    ])
  })

  it("names «پارس پمپ» from «پیش‌فاکتور/پیشنهاد پارس پمپ ارزان‌تر است», and not the previous, second or revised quote, nor our own product", () => {
    expectNames(["پارس پمپ"], ["پیش‌فاکتور پارس پمپ ارزان‌تر است.", "پیشنهاد پارس پمپ ارزان‌تر بود، تخفیف بدهید."], [
      "پیشنهاد اصلاح‌شده ارزان‌تر است.",
      "پیش‌فاکتور قبلی ارزان‌تر بود.",
      "پیش‌فاکتور دوم ارزان‌تر است ولی کیفیتش پایین است.",
      "پیش‌فاکتور پمپ سانتریفیوژ ارزان‌تر است، قیمت بقیه بالاست."
    ], { products: ["پمپ سانتریفیوژ ۵۰۰"] })
  })
})

describe("a competitor the buyer threatens to buy from instead (FA)", () => {
  it("names «پارس پمپ» from «خرید را به … منتقل می‌کنیم» and «سفارش را به … می‌دهیم», and not 'them', next month or a bank account", () => {
    expectNames(["پارس پمپ"], [
      "از فصل بعد خرید را به پارس پمپ منتقل می‌کنیم مگر اینکه قیمت پایین بیاید.",
      "اگر تخفیف ندهید سفارش را به پارس پمپ می‌دهیم.",
      "اگر تخفیف ندهید به پارس پمپ سفارش می‌دهیم.",
      // As our note reports it: "they'll give the order to Pars Pump".
      "اگر تخفیف ندهیم سفارش را به پارس پمپ می‌دهند."
    ], [
      "اگر تخفیف ندهیم سفارش را به آنها می‌دهند.",
      "اگر تخفیف ندهید سفارش را به آنها می‌دهیم.",
      "اگر تخفیف ندهید خرید را به ماه بعد منتقل می‌کنیم.",
      "پرداخت را به حساب شما منتقل می‌کنیم، تخفیف فراموش نشود."
    ])
  })

  it("names «پارس پمپ» from «از … می‌خریم» and «با … قرارداد», and not 'somewhere else', the open market or 'at this price'", () => {
    expectNames(["پارس پمپ"], [
      "اگر تخفیف ندهید از پارس پمپ می‌خریم.",
      "از شرکت پارس پمپ خرید می‌کنیم اگر قیمت همین باشد.",
      "اگر تخفیف ندهید با پارس پمپ قرارداد می‌بندیم."
    ], [
      "اگر تخفیف ندهید از جای دیگه می‌خریم.",
      "اگر قیمت پایین نیاید از بازار آزاد می‌خریم.",
      "اگر تخفیف ندهید با این قیمت قرارداد نمی‌بندیم.",
      "با کمال میل قرارداد را تمدید می‌کنیم اگر قیمت ثابت بماند."
    ])
  })

  it("never names the account itself", () => {
    expectNames(["پارس پمپ"], ["اگر تخفیف ندهید از پارس پمپ می‌خریم."], [
      "قیمت شما از فولاد البرز بالاتر است.",
      "اگر تخفیف ندهید سفارش را به فولاد البرز منتقل می‌کنیم."
    ], { account: "فولاد البرز" })
  })
})

describe("one company however it is typed", () => {
  it("counts «پارس‌پمپ» and «پارس پمپ», and 'ACME' and 'Acme', as one competitor named twice", () => {
    for (const texts of [
      ["قیمت شما از پارس‌پمپ بالاتر است.", "اگر تخفیف ندهید از پارس پمپ می‌خریم."],
      ["ACME is 8% cheaper than your quote.", "If you don't discount we'll give the order to Acme."]
    ]) {
      const interactions = texts.map((text, n) => k.interaction(`M${n}`, { at: at(300 + n), subject: "Pricing", text }))
      const profile = classifyRelationship(k.history(k.account({ name: "Alborz Steel" }), { interactions }), { now: at(400) })
      expect(profile.competition!.competitors.map((c) => c.mentions), texts[0]).toEqual([2])
    }
  })
})

describe("a person, an office or a colleague the order goes to is no competitor (review)", () => {
  it("names none from 'give the order to Mr Karimi', 'Tehran Office', «همکارم», «دفتر مرکزی», and still names the company", () => {
    expectNames(["Acme", "پارس پمپ"], [
      "If you don't discount we'll give the order to Acme.",
      "اگر تخفیف ندهید سفارش را به پارس پمپ می‌دهیم."
    ], [
      "Your price is too high. Please give the order to Mr Karimi in purchasing.",
      "Your price is too high. We will move our next order to Tehran Office.",
      "قیمت خیلی بالاست. سفارش را به همکارم می‌دهیم.",
      "قیمت خیلی بالاست. با دفتر مرکزی قرارداد داریم."
    ])
  })
})
