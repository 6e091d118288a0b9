import { describe, expect, it } from "vitest"

import { MARKER } from "./clauses"
import { compileLexicons } from "./lexicon"

/** A small table and marker set: the reader's rules, independent of the analysis lexicons. */
const TABLE = {
  g: {
    price: ["price*", "discount*", "قیمت*", "تخفیف*"], quality: ["quality", "کیفیت*"], late: ["late", "on time", "دیر", "به موقع"], ship: ["ship", "ارسال*"],
    rival: ["competitor*"], leave: ["go elsewhere", "سراغ رقیب*"], afford: ["afford*"], cap: ["can't pay more", "budget is fixed", "بودجه ما*"], pricey: ["overpriced", "گران فروشی*"],
    support: ["support*", "service*", "پشتیبانی*", "خدمات*"]
  }
} as const
const matcher = compileLexicons(TABLE, {
  maxScanChars: 400,
  markers: {
    negation: ["not", "no", "never", "can't", "نه"],
    negationVerb: ["نیست*", "ندار*", "نمی*", "نیاد"],
    issue: ["issue*", "problem*", "مهم", "مشکل*"],
    dismissal: ["despite", "always on time", "با وجود", "همیشه به موقع"],
    contrast: ["but", "اما", "ولی"],
    rather: ["rather", "بلکه"],
    additive: ["not only", "نه تنها"],
    increase: ["increased", "دو برابر*"],
    budget: ["budget*", "بودجه*"],
    customer: ["they", "buyer", "said", "مشتری", "گفتند"],
    ours: ["we", "i", "sent", "ما", "دادیم"],
    automated: ["unsubscribe", "خبرنامه*"],
    request: ["how do i", "چطور"],
    excess: ["too high", "steep", "pricey", "بالاست"],
    want: ["need", "want", "required", "looking for", "نمی خوا*"],
    only: ["just", "فقط"],
    concession: ["maybe", "شاید"],
    accepted: ["ok", "اوکی*"],
    routine: ["please ship", "ship to", "ارسال کنید"],
    priced: ["quote", "پیش فاکتور*"],
    shrink: ["frozen", "cut", "بسته است", "کاهش*"],
    cap: ["tops out", "at most", "ceiling", "only have", "حداکثر", "سقف*"],
    payable: ["approved", "can pay", "می تونیم بدیم"],
    vetted: ["approved vendor*"],
    condition: ["if", "اگه"],
    unless: ["unless"],
    move: ["ll go to", "moving to", "سراغ"],
    supplier: ["supplier", "تامین کننده*"],
    percent: ["%", "درصد"],
    saying: ["cheaper isn't better", "ارزون بخری دو بار*"],
    service: ["quality of support", "service quality", "کیفیت پشتیبانی*"],
    moderate: ["بالا نیست"],
    seek: ["دنبال*"],
    degree: ["necessarily"],
    unsolved: ["not fixed", "حل نکرد*"],
    worth: ["worth it", "می ارزه"],
    greater: ["matters more", "مهم تره"],
    stake: ["afford delay*"]
  },
  reading: (cue) => ({
    dismissable: cue.price! | cue.quality! | cue.late! | cue.ship! | cue.cap! | cue.pricey!,
    negatable: cue.cap! | cue.pricey!,
    budgetBound: cue.price! | cue.cap! | cue.afford!,
    otherSubject: cue.rival!,
    excessOf: cue.price!,
    excess: cue.pricey!,
    deniable: cue.price!,
    shrunk: cue.cap!,
    threat: cue.leave!,
    terms: cue.price!,
    buyTerms: cue.price! | cue.quality! | cue.late!,
    saying: cue.quality!,
    service: cue.support!
  }),
  names: { not: ["tuesday", "office"], offers: ["offer"], goers: ["they"] }
})
const C = matcher.CUE
const G = ["g"] as const
const voice = (speaker: "customer" | "notes" | "nobody", a: string, b?: string) => matcher.read(G, speaker, a, b).voice

describe("the clause reader", () => {
  it("reads a price called too high as disparagement, and only a price, and not when negated", () => {
    const r = matcher.read(G, "customer", "Your prices are way too high for what we get")
    expect(r.cues).toBe(C.price | C.pricey)
    expect(r.voice).toBe(C.price | C.pricey)
    expect(voice("customer", "قیمت‌هاتون خیلی بالاست")).toBe(C.price | C.pricey)
    // Denied, the excess finds the price acceptable: no price talk ("price ok").
    expect(voice("customer", "Prices are not too high, but quality slipped")).toBe(C.quality)
    expect(voice("customer", "قیمت‌ها بالا نیست ولی کیفیت افت کرده")).toBe(C.quality)
    expect(voice("customer", "کیفیت بالا نیست")).toBe(C.quality)
    // Excess of something else, or before the price, says nothing about our price.
    expect(voice("customer", "Rejects were too high, the price was right")).toBe(C.price)
    expect(voice("customer", "کیفیت بالاست")).toBe(C.quality)
    expect(voice("notes", "We said the price is too high")).toBe(0)
  })

  it("reads a priced document called too high as price and disparagement, and not when negated", () => {
    const r = matcher.read(G, "customer", "The quote is a bit steep")
    expect(r.cues).toBe(C.price | C.pricey)
    expect(r.voice).toBe(C.price | C.pricey)
    expect(voice("customer", "پیش‌فاکتور یه کم بالاست")).toBe(C.price | C.pricey)
    expect(voice("customer", "The quote is not too high")).toBe(0)
    expect(voice("customer", "Send the quote, lead time too high")).toBe(0)
  })

  it("drops a discount refused, forward in English and backward in Persian, and keeps what is refused a repeat of", () => {
    expect(voice("customer", "We do not need a discount")).toBe(0)
    expect(voice("customer", "We do not need a discount just quality")).toBe(C.quality)
    expect(voice("customer", "تخفیف نمی‌خوایم فقط کیفیت")).toBe(C.quality)
    expect(voice("customer", "تخفیف نمیخوایم")).toBe(0)
    expect(voice("customer", "discount not required, just quality")).toBe(C.quality)
    expect(voice("customer", "no discount required")).toBe(0)
    expect(voice("customer", "We need a discount")).toBe(C.price)
    expect(voice("customer", "We do not want it late again")).toBe(C.late)
    expect(voice("customer", "دیر نمی‌خوایم")).toBe(C.late)
    // "just" without a negation before it splits nothing: the price is still called too high.
    expect(voice("customer", "The price is just too high")).toBe(C.price | C.pricey)
  })

  it("sets aside a hedged clause when a contrast naming something else follows", () => {
    expect(voice("customer", "Maybe price matters, but quality decides")).toBe(C.quality)
    expect(voice("customer", "شاید قیمت مهم باشه، ولی کیفیت")).toBe(C.quality)
    expect(voice("customer", "Maybe price matters")).toBe(C.price)
    expect(voice("customer", "Maybe price matters, but we will see")).toBe(C.price)
  })

  it("sets aside the cues a word right after them accepts, unless negated", () => {
    expect(voice("customer", "price ok")).toBe(0)
    expect(voice("customer", "قیمت اوکیه")).toBe(0)
    expect(voice("customer", "price and quality ok")).toBe(0)
    expect(voice("customer", "quality poor and price ok")).toBe(C.quality)
    expect(voice("customer", "price not ok")).toBe(C.price)
    expect(voice("customer", "ok, it came late")).toBe(C.late)
  })

  it("drops the delivery words of an order instruction, not a lateness word beside them", () => {
    expect(voice("customer", "Please ship the order")).toBe(0)
    expect(voice("customer", "Ship to Berlin")).toBe(0)
    expect(voice("customer", "لطفاً به انبار ارسال کنید")).toBe(0)
    expect(voice("customer", "Please ship the late items")).toBe(C.late)
    expect(voice("customer", "Ship to Berlin, we ship late")).toBe(C.ship | C.late)
    expect(voice("customer", "دیر ارسال کنید")).toBe(C.late)
  })

  it("reads a budget frozen or cut as a constraint, either word first, and not when negated", () => {
    expect(voice("customer", "budget is frozen until Q3")).toBe(C.cap)
    expect(voice("customer", "they cut our budget")).toBe(C.cap)
    expect(voice("customer", "بودجه تا سه ماه دیگه بسته است")).toBe(C.cap)
    expect(voice("customer", "کاهش بودجه")).toBe(C.cap)
    expect(voice("customer", "budget is not frozen")).toBe(0)
    expect(voice("customer", "budget cut so we can't pay more")).toBe(C.cap)
    expect(voice("customer", "price cut")).toBe(C.price)
  })

  it("keeps every cue found and drops a dismissed clause only", () => {
    const r = matcher.read(G, "customer", "Price is not an issue, quality is")
    expect(r.cues).toBe(C.price | C.quality)
    expect(r.voice).toBe(C.quality)
    expect(voice("customer", "قیمت مهم نیست، کیفیت مهم است")).toBe(C.quality)
    expect(voice("customer", "No problem with price but quality")).toBe(C.quality)
  })

  it("keeps a criterion that a negation qualifies without dismissing it", () => {
    expect(voice("customer", "The parts were not of the quality we ordered")).toBe(C.quality)
  })

  it("drops the negated half of 'not X rather Y' and 'نه X بلکه Y', and only then", () => {
    expect(voice("customer", "not price, rather quality")).toBe(C.quality)
    expect(voice("customer", "نه قیمت، بلکه کیفیت")).toBe(C.quality)
    expect(voice("customer", "not price but quality")).toBe(C.quality)
    expect(voice("customer", "not only price but quality")).toBe(C.price | C.quality)
    expect(voice("customer", "نه تنها قیمت بلکه کیفیت")).toBe(C.price | C.quality)
    // The negation after the criterion qualifies it: the late delivery stays.
    expect(voice("customer", "It came late, not on Monday but quality is fine")).toBe(C.late | C.quality)
  })

  it("negates pushback before it, or after it with a Persian negative verb, but not its own words", () => {
    expect(voice("customer", "fair, not overpriced")).toBe(0)
    expect(voice("customer", "overpriced")).toBe(C.pricey)
    expect(voice("customer", "گران فروشی نیست")).toBe(0)
    expect(voice("customer", "we can't pay more")).toBe(C.cap)
    expect(voice("customer", "it is not that we can't pay more")).toBe(0)
  })

  it("sets aside a budget that grew, not a budget that is capped", () => {
    expect(voice("customer", "بودجه ما دو برابر شد")).toBe(0)
    expect(voice("customer", "the budget increased")).toBe(0)
    expect(voice("customer", "the budget is fixed")).toBe(C.cap)
    expect(voice("customer", "the increased price, our budget is fixed")).toBe(C.price | C.cap)
    expect(voice("customer", "our budget can't take the price increased again")).toBe(C.price)
    expect(voice("customer", "price budget not increased")).toBe(C.price)
  })

  it("in notes, counts the clauses whose subject is the customer", () => {
    expect(voice("notes", "We sent the price list")).toBe(0)
    expect(voice("notes", "We sent the price list. They said quality matters")).toBe(C.quality)
    expect(voice("notes", "The buyer said the price is too high")).toBe(C.price | C.pricey)
    // A clause without a subject inherits the one before; a quotation with none is theirs.
    expect(voice("notes", "They called, price too high")).toBe(C.price | C.pricey)
    expect(voice("notes", "I presented, price list attached")).toBe(0)
    expect(voice("notes", "\"we can't pay more\", said the buyer")).toBe(C.cap)
    expect(voice("notes", "I sent it. \"we can't pay more\", said the buyer")).toBe(C.cap)
    expect(voice("notes", "Competitor deck: \"quality first, price lowest\"")).toBe(0)
    expect(voice("notes", "ما لیست قیمت را دادیم")).toBe(0)
    expect(voice("notes", "مشتری گفت کیفیت پایین است")).toBe(C.quality)
    // A competitor named first is the subject: their price is not the customer's criterion.
    expect(voice("notes", "Competitor deck: they claim a lower price")).toBe(0)
    // The subject line and the body are separate texts: a title's role noun is no speaker for the body.
    expect(voice("notes", "Price review", "We sent it")).toBe(0)
    expect(voice("notes", "Buyer call", "price list review")).toBe(0)
    expect(voice("notes", "Buyer call", "They said price is high")).toBe(C.price)
  })

  it("reads a ceiling on a budget, an approval or what they can pay as a constraint", () => {
    expect(voice("customer", "our budget tops out at 40k")).toBe(C.cap)
    expect(voice("customer", "We only have 30k approved")).toBe(C.cap)
    expect(voice("customer", "حداکثر ۴۰ میلیون می‌تونیم بدیم")).toBe(C.cap)
    expect(voice("customer", "سقف بودجه ۵۰ میلیونه")).toBe(C.cap)
    // An approval under a ceiling is no grown budget.
    expect(voice("customer", "We only have 30k of budget approved")).toBe(C.cap)
    // A ceiling on something else, a ceiling denied, a budget approved without one.
    expect(voice("customer", "at most two weeks late")).toBe(C.late)
    expect(voice("customer", "There is no ceiling on the budget")).toBe(0)
    expect(voice("customer", "بودجه سقف نداره")).toBe(0)
    expect(voice("customer", "the budget was approved")).toBe(0)
    // An approval of something else where the approval word begins is no money approved.
    expect(voice("customer", "We only have approved vendors here")).toBe(0)
    expect(voice("customer", "we can pay at most 30k to approved vendors")).toBe(C.cap)
    // Said by us in a note, it is no constraint of theirs.
    expect(voice("notes", "we can pay at most 30k for the freight")).toBe(0)
  })

  it("sets disparagement aside where worth is affirmed, a price word aside where the stake is no money", () => {
    expect(voice("customer", "The quote is steep, but worth it")).toBe(C.price)
    expect(voice("customer", "پیش‌فاکتور بالاست ولی می‌ارزه")).toBe(C.price)
    expect(voice("customer", "The quote is steep, not worth it")).toBe(C.price | C.pricey)
    expect(voice("customer", "we can't afford delays")).toBe(0)
    expect(voice("customer", "we can't afford it")).toBe(C.afford)
    // A negation right before an excess word that is its own price denies it: "not too pricey".
    expect(voice("customer", "pricey")).toBe(C.price | C.pricey)
    expect(voice("customer", "not too pricey")).toBe(C.price)
  })

  it("sets the clause before aside when a contrast ranks something else higher", () => {
    expect(voice("customer", "price is fine, but quality matters more")).toBe(C.quality)
    expect(voice("customer", "price, but quality matters more")).toBe(C.quality)
    expect(voice("customer", "قیمت، ولی کیفیت مهم‌تره")).toBe(C.quality)
    // Without the contrast, or ranking the same thing, nothing is set aside.
    expect(voice("customer", "price. quality matters more")).toBe(C.price | C.quality)
    expect(voice("customer", "price, but price matters more")).toBe(C.price)
  })

  it("leaves a condition's negation to the condition: the pushback after it stands", () => {
    expect(voice("customer", "if you can't fix it we call it overpriced")).toBe(C.pricey)
    expect(voice("customer", "we can't call it overpriced")).toBe(0)
  })

  it("makes a move a threat inside a refused condition on a criterion or a percentage, or to another supplier", () => {
    expect(voice("customer", "if the price does not come down we'll go to Acme")).toBe(C.price | C.leave)
    expect(voice("customer", "unless you match the quote we'll go to Acme")).toBe(C.leave)
    expect(voice("notes", "if we do not give them 15% they'll go to Acme")).toBe(C.leave)
    expect(voice("notes", "if we do not give them 15%, they'll go to Acme")).toBe(C.leave)
    expect(voice("notes", "اگه ۱۵ درصد تخفیف ندیم سراغ پارس پمپ")).toBe(0)
    expect(voice("customer", "اگه قیمت پایین نیاد سراغ پارس پمپ")).toBe(C.price | C.leave)
    expect(voice("customer", "we'll go to a cheaper supplier")).toBe(C.leave)
    expect(voice("customer", "سراغ یه تامین‌کننده ارزون‌تر")).toBe(C.leave)
    // Not a move alone, a condition met, a condition on nothing we sell, or a move denied.
    expect(voice("customer", "we'll go to the warehouse")).toBe(0)
    expect(voice("customer", "if the price is right we'll go to the next phase")).toBe(C.price)
    expect(voice("customer", "if the parts are not ready we'll go to the warehouse")).toBe(0)
    expect(voice("customer", "سراغ یه تامین‌کننده دیگه نمی‌ریم")).toBe(0)
  })

  it("makes a move to a company named in capitals a threat under a refused condition, not alone, nor one to a day or an office, in a title, or denied", () => {
    expect(voice("customer", "if the quality is not good we are moving to Acme")).toBe(C.leave | C.quality)
    // A name alone may be a person, a city or a colour: no threat without the condition.
    expect(voice("customer", "we are moving to Acme next year")).toBe(0)
    expect(voice("notes", "they'll go to Acme")).toBe(0)
    expect(voice("customer", "we are moving to Tuesday")).toBe(0)
    expect(voice("customer", "we are moving to Tehran Office")).toBe(0)
    expect(voice("customer", "Moving To Acme")).toBe(0)
    expect(voice("customer", "we'll go to John")).toBe(0)
    expect(voice("customer", "we are not moving to a cheaper supplier")).toBe(0)
    expect(voice("customer", "we are moving to a cheaper supplier")).toBe(C.leave)
  })

  it("reads the quality of a service whole, as support, and a dismissal denied as what it denies", () => {
    expect(voice("customer", "the quality of support is poor")).toBe(C.support)
    expect(voice("customer", "service quality dropped")).toBe(C.support)
    expect(voice("customer", "کیفیت پشتیبانی ضعیفه")).toBe(C.support)
    expect(voice("customer", "quality dropped and support is slow")).toBe(C.quality | C.support)
    expect(voice("customer", "deliveries are not always on time")).toBe(C.late)
    expect(voice("customer", "تحویل همیشه به موقع نیست")).toBe(C.late)
    expect(voice("customer", "always on time")).toBe(0)
    expect(voice("customer", "همیشه به موقع")).toBe(0)
  })

  it("denies only what is sought, however long the phrase the Persian verb closes", () => {
    expect(voice("customer", "دنبال ارزون‌ترین قیمت ممکن نیستیم")).toBe(0)
    expect(voice("customer", "دنبال قیمت پایین نیستیم کیفیت مهمه")).toBe(C.quality)
    expect(voice("customer", "دنبال ارزون‌ترین قیمت ممکن هستیم")).toBe(C.price)
  })

  it("reads a saying whole: its price words and its negation are its own", () => {
    expect(voice("customer", "cheaper isn't better")).toBe(C.quality)
    expect(voice("customer", "ارزون بخری دوبار می‌خری")).toBe(C.quality)
    expect(voice("customer", "cheaper isn't better, the price matters")).toBe(C.quality | C.price)
  })

  it("takes an adverb after a negation as part of it, and a problem not solved as standing", () => {
    expect(voice("customer", "we're not necessarily looking for a discount")).toBe(0)
    expect(voice("customer", "the quality problem is not fixed")).toBe(C.quality)
    expect(voice("customer", "مشکل کیفیت رو هنوز حل نکردید")).toBe(C.quality)
    expect(voice("customer", "the quality problem is not serious")).toBe(0)
  })

  it("reads a text the caller marks as quoted for cues but voices nothing from it", () => {
    const reader = matcher.readerOf(G)
    const out = { cues: 0, voice: 0, markers: 0 }
    expect(reader(out, "customer", "Price list 2027", "The quality was poor").voice).toBe(C.price | C.quality)
    const quoted = reader(out, "customer", "Price list 2027", "The quality was poor", undefined, 1)
    expect(quoted.cues).toBe(C.price | C.quality)
    expect(quoted.voice).toBe(C.quality)
    expect(reader(out, "customer", "لیست قیمت ۱۴۰۵", "ممنون", undefined, 1).voice).toBe(0)
    // Quoted words in the subject take no speaker from the body after them.
    expect(reader(out, "notes", "\"discount\"", "they said quality", undefined, 1).voice).toBe(C.quality)
  })

  it("counts everything in the customer's own text, and nothing in nobody's", () => {
    expect(voice("customer", "We think the price is high")).toBe(C.price)
    expect(voice("nobody", "They said the price is high")).toBe(0)
  })

  it("reports the markers it saw anywhere", () => {
    expect(matcher.read(G, "customer", "Spring offers", "Click to unsubscribe").markers & MARKER.automated).not.toBe(0)
    expect(matcher.read(G, "customer", "چطور گزارش بگیرم؟").markers & MARKER.request).not.toBe(0)
    expect(matcher.read(G, "customer", "price").markers).toBe(0)
  })

  it("does not change the mask scan: markers are found by read only", () => {
    expect(matcher.scanMask(G, "we can't pay more, not overpriced")).toBe(C.cap | C.pricey)
    expect(matcher.scanHits(G, "we can't pay more")).toBeGreaterThanOrEqual(3)
  })
})
