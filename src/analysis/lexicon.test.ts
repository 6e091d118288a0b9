import { describe, expect, it } from "vitest"
import { HEARD, MARKER_ROLES } from "../text/clauses"
import { CUE, leadSourceSide, MARKER, normalise, read, scan, scanMask } from "./lexicon"

const ALL = ["criteria", "context", "pushback", "offer"] as const
const cues = (text: string) => Object.keys(scan(ALL, text) ?? {}).sort()

describe("English matching", () => {
  it("matches word starts, open endings and plurals, not words that merely contain a term", () => {
    expect(cues("PRICES went up")).toEqual(["price"])
    expect(cues("pricing sheet")).toEqual(["price"])
    expect(cues("SLAs were missed")).toEqual(["support"])
    expect(cues("we will talk later")).toEqual([])
    expect(cues("the shipment arrived late")).toEqual(["delivery"])
    expect(cues("an unpriced item")).toEqual([])
    expect(cues("a leasing deal, with the least effort")).toEqual(["lockIn", "serviceItem"])
  })

  it("finds a phrase and its first word as different cues", () => {
    const hits = scan(ALL, "Our budget is fixed for this year")
    expect(hits).toMatchObject({ price: "budget", constraint: "budget is fixed" })
  })

  it("treats hyphen variants, typographic apostrophes and space runs alike", () => {
    for (const text of ["co-design session", "codesign session", "co design session"]) expect(cues(text)).toContain("coCreation")
    expect(scan(ALL, "We can’t   pay more")?.constraint).toBe("can’t   pay more")
    expect(cues("It isn't worth it")).toContain("disparagement")
  })
})

describe("Persian matching", () => {
  it("folds Arabic letter variants to Persian", () => {
    expect(normalise("تخفيف")).toBe(normalise("تخفیف")) // ي → ی
    expect(normalise("كيفيت")).toBe("کیفیت") // ك → ک, ي → ی
    expect(normalise("تأخیر")).toBe("تاخیر") // أ → ا
    expect(scan(ALL, "تخفيف بيشتر")?.price).toBe("تخفيف")
    expect(scan(ALL, "كيفيت پایین")?.quality).toBe("كيفيت")
  })

  it("reads a zero-width non-joiner as a word joint, and matches with or without it", () => {
    expect(normalise("قیمت‌ها")).toBe("قیمت ها")
    expect(cues("قیمت‌ها بالاست")).toContain("price")
    for (const text of ["نمی‌توانیم بیشتر بدهیم", "نمیتوانیم بیشتر بدهیم", "نمی توانیم بیشتر بدهیم"]) expect(cues(text)).toContain("constraint")
  })

  it("respects Persian word starts and closed terms", () => {
    expect(cues("نگران هستیم")).toEqual([]) // نگران contains گران (expensive) but is "worried"
    expect(cues("دیروز تماس گرفتند")).toEqual([]) // دیروز (yesterday) starts with دیر (late)
    expect(cues("محموله دیر رسید")).toEqual(["delivery"])
    expect(cues("پشتیبانی ضعیف بود")).toEqual(["serviceItem", "support"])
  })

  it("ignores diacritics, tatweel and Persian digits in the way of a match", () => {
    expect(cues("قيـمت")).toContain("price")
    expect(normalise("۱۲۳")).toBe("123")
  })
})

describe("cue bits and lead sources", () => {
  it("gives the criteria the low bits and one bit per cue", () => {
    expect([CUE.price, CUE.quality, CUE.delivery, CUE.support]).toEqual([1, 2, 4, 8])
    const bits = Object.values(CUE)
    expect(new Set(bits).size).toBe(bits.length)
    expect(scanMask(ALL, "price and quality")).toBe(CUE.price | CUE.quality)
  })

  it("reads lead sources as customer- or supplier-initiated", () => {
    expect(["Web", "Partner Referral", "Phone Inquiry", "وب سایت"].map(leadSourceSide)).toEqual(["customer", "customer", "customer", "customer"])
    expect(["Cold Call", "Trade Show", "Purchased List", "نمایشگاه"].map(leadSourceSide)).toEqual(["supplier", "supplier", "supplier", "supplier"])
    expect(["Other", "Advertisement", undefined].map(leadSourceSide)).toEqual([null, null, null])
  })
})

describe("Latin-script Persian (Finglish)", () => {
  it.each([
    ["gheymat kheili bala boode", ["price"]],
    ["Gheimat jadid ro ferestadim", ["price"]],
    ["takhfif mikhan", ["price"]],
    ["mahsool gerun hast", ["price"]],
    ["budjeh nadarim", ["constraint", "price"]],
    ["kheili geroone", ["disparagement", "price"]],
    ["nemiarze", ["disparagement"]],
    ["bar dir resid", ["delivery"]],
    ["takhir dar tahvil", ["delivery"]],
    ["keyfiat payin", ["quality"]],
    ["kefiat kharab", ["quality"]],
    ["poshtibani javab nadad", ["serviceItem", "support"]],
    ["raghib gheymat dade", ["competitor", "price"]],
    ["estelam gheymat dadan", ["customerSpec", "price", "quoteRequest"]]
  ])("%s → %j", (text, expected) => {
    expect(cues(text)).toEqual(expected)
  })

  it("does not read English words that start like a Finglish term", () => {
    expect(cues("a gerund and a granite slab")).toEqual([])
    expect(cues("see the dir listing; the iris is red")).toEqual([])
  })

  it("matches Finglish and Persian to the same cue", () => {
    expect(scanMask(ALL, "gheymat")).toBe(scanMask(ALL, "قیمت"))
    expect(scanMask(ALL, "dir resid")).toBe(scanMask(ALL, "دیر رسید"))
  })
})

describe("half-spaces as reps type them", () => {
  it("matches a Persian phrase with ZWNJ, a space, no space, or a bidi mark inside", () => {
    for (const text of ["نمی‌توانیم بیشتر", "نمی توانیم بیشتر", "نمیتوانیم بیشتر", "نمی\u200fتوانیم بیشتر", "نمي‌توانيم بيشتر"]) {
      expect(cues(text)).toContain("constraint")
    }
  })
})

describe("marker bits", () => {
  it("gives steering roles no bit: they neither mark a conversation nor pose as another role", () => {
    // "said", "we", "sent", "only" are steering roles, read as hits; their ids lie past bit 29.
    expect(MARKER_ROLES.length).toBeGreaterThan(30)
    const { markers } = read(["criteria", "pushback"], "customer", "Only we sent it, they said.")
    expect(markers & HEARD).toBe(0)
    const named = Object.values(MARKER).reduce((all, bit) => all | bit, 0)
    expect(markers & ~named).toBe(0)
    expect(markers & (MARKER.negation | MARKER.negationVerb | MARKER.issue | MARKER.dismissal)).toBe(0)
  })
})

describe("what they do not seek and what they cannot pay, read by the analysis lexicons", () => {
  const G = ["criteria", "pushback"] as const
  const voiced = (text: string) => read(G, "customer", text).voice

  it("reads «دنبال X نیستیم» as 'not looking for X', and «دنبال X» as looking for it", () => {
    expect(voiced("We are not looking for the cheapest")).toBe(0)
    expect(voiced("دنبال ارزون‌ترین نیستیم")).toBe(0)
    expect(voiced("donbale arzoontarin nistim")).toBe(0)
    expect(voiced("ما دنبال ارزون‌ترین نیستیم، دنبال کیفیتیم")).toBe(CUE.quality)
    expect(voiced("دنبال تخفیف بیشتریم")).toBe(CUE.price)
  })

  it("reads a budget ceiling as a constraint, with its budget or payment, and not a ceiling on anything else", () => {
    expect(voiced("our budget tops out at 40k")).toBe(CUE.price | CUE.constraint)
    expect(voiced("We only have 30k approved")).toBe(CUE.constraint)
    expect(voiced("we can pay at most 30k")).toBe(CUE.constraint)
    expect(voiced("we can only spend 25k this quarter")).toBe(CUE.constraint)
    expect(voiced("حداکثر ۴۰ میلیون می‌تونیم بدیم")).toBe(CUE.constraint)
    expect(voiced("hadaksar 40 milion mitunim bedim")).toBe(CUE.constraint)
    expect(voiced("فقط ۲۰ میلیون بودجه داریم")).toBe(CUE.price | CUE.constraint)
    expect(voiced("maximum lead time two weeks")).toBe(CUE.delivery)
    expect(voiced("حداکثر زمان تحویل دو هفته")).toBe(CUE.delivery)
    expect(voiced("بودجه سقف نداره")).toBe(CUE.price)
  })
})
