import { describe, expect, it } from "vitest"
import { quotedFrom, signatureFrom } from "./quoted"

/** Where the quoted part of `text` begins, found at its first colon that introduces one (−1: none). */
function quoteStart(text: string): number {
  for (let i = text.indexOf(":"); i >= 0; i = text.indexOf(":", i + 1)) {
    const start = quotedFrom(text, i)
    if (start >= 0) return start
  }
  return -1
}

describe("quoted correspondence below a reply or a forward", () => {
  it("finds the attribution line mail clients write, in several locales and in Persian", () => {
    const top = "Defects again.\n\n"
    for (const line of [
      "On Tue, 3 Mar 2026, Sara Rep <sara@parley.example> wrote:",
      "On 3/3/26, 10:12 AM, \"Sara\" <sara@parley.example> wrote:",
      "Le mar. 3 mars 2026 à 10:12, Sara <sara@parley.example> a écrit :",
      "Am Di., 3. März 2026 um 10:12 Uhr schrieb Sara Rep <sara@parley.example>:",
      "Op di 3 mrt 2026 om 10:12 schreef Sara <sara@parley.example>:",
      "El mar, 3 mar 2026 a las 10:12, Sara (<sara@parley.example>) escribió:",
      "در تاریخ سه‌شنبه ۱۲ اسفند ۱۴۰۴ ساعت ۱۰:۱۲، سارا <sara@parley.example> نوشت:"
    ]) expect(quoteStart(`${top}${line}\nOur prices are attached.`), line).toBe(top.length)
  })

  it("finds a header block below the message: Outlook's From/Sent, a forward's From/Date, German, French, Persian", () => {
    const top = "See below.\n"
    for (const block of [
      "From: Sara Rep <sara@parley.example>\nSent: Tuesday, March 3, 2026 10:12 AM\nTo: Tom",
      "From: Sara Rep\nDate: Tue, 3 Mar 2026\nSubject: Prices",
      "Von: Sara Rep\nGesendet: Dienstag, 3. März 2026 10:12\nAn: Tom",
      "De : Sara Rep\nEnvoyé : mardi 3 mars 2026 10:12\nÀ : Tom",
      "از: سارا\nارسال شده: سه‌شنبه ۱۲ اسفند ۱۴۰۴\nبه: خریدار"
    ]) expect(quoteStart(`${top}${block}\nOur prices are attached.`), block).toBe(top.length)
  })

  it("finds nothing in a message's own header, a time, a speaker label or a colleague quoted in passing", () => {
    expect(quoteStart("From: Tom Buyer\nSent: Tuesday\n\nThe delivery was late.")).toBe(-1)
    expect(quoteStart("Call at 10:30 tomorrow.\nCustomer: price is too high\nNote: follow up")).toBe(-1)
    expect(quoteStart("My colleague wrote: we need it by June.")).toBe(-1)
    expect(quoteStart("Quality poor.\nFrom: the warehouse, three pallets were damaged.")).toBe(-1)
    expect(quoteStart("مشتری: قیمت بالاست\nاز: انبار مرکزی")).toBe(-1)
  })
})

/** Where the signature of `text` begins, found at its first line break that ends a sign-off (−1: none). */
function signatureStart(text: string): number {
  for (let i = text.indexOf("\n"), line = 0; i >= 0; line = i + 1, i = text.indexOf("\n", i + 1)) {
    const start = signatureFrom(text, line, i)
    if (start >= 0) return start
  }
  return -1
}

describe("a signature below the message", () => {
  it("begins at a sign-off line or the '-- ' delimiter when what follows is a signature's size", () => {
    expect(signatureStart("Defects again.\nRegards,\nTom\nQuality Manager")).toBe(15)
    expect(signatureStart("Defects again.\n-- \nTom\nQuality Manager")).toBe(15)
    expect(signatureStart("ایراد داشت.\nبا تشکر\nرضا\nمدیر کیفیت")).toBe(12)
  })

  it("is not a greeting's thanks, a sign-off opening the text, or a long text after one", () => {
    expect(signatureStart("Thanks,\nTom\nQuality Manager")).toBe(-1)
    expect(signatureStart("Hi,\nThanks for the offer,\nquality was poor.")).toBe(-1)
    expect(signatureStart(`Hi,\nThanks,\n${"we need the pumps by May and the delivery was late. ".repeat(3)}`)).toBe(-1)
  })
})
