/**
 * Record-level reading (issue 13): whose words a record holds once mail clients, integrations and
 * reps have had their way with it. The same email logged twice in two locales' prefixes and two
 * keyboards, earlier correspondence quoted below a reply or a forward, and who speaks in each
 * clause of a rep's note. Histories as reps and customers write them, in English and Persian.
 */
import { describe, expect, it } from "vitest"
import { at, keysOf, kit } from "../../tests/support/analysis-kit"
import type { Interaction } from "../model/schema"
import { interactionFeatures, signatureOf } from "./features"
import { classifyRelationship } from "./index"
import { CUE } from "./lexicon"

const k = kit({ org: "records" })
const NOW = at(400)

function profileOf(interactions: Interaction[]) {
  return classifyRelationship(k.history(k.account({ name: "Records Co" }), { interactions }), { now: NOW })
}

/** What a record voices, as cue names. */
function voiced(text: string, fields: Partial<Interaction> = {}): string[] {
  const f = interactionFeatures(k.interaction("V", { at: at(1), subject: "Re: order", text, ...fields }))
  return Object.entries(CUE).filter(([, bit]) => (f.voice & bit) !== 0).map(([name]) => name).sort()
}

const note = { channel: "call" as const, direction: "outbound" as const, subject: "Call" }

describe("the same record once, whatever prefixes and keyboard each copy carries", () => {
  /** The message as an EmailMessage and as the Task the integration logged 20 s later. */
  function copies(id: string, day: number, email: [string, string], task: [string, string]): Interaction[] {
    return [
      k.interaction(`02s${id}`, { at: at(day) + 4_000, subject: email[0], text: email[1], sourceObject: "EmailMessage" }),
      k.interaction(`00T${id}`, { at: at(day) + 24_000, direction: "unknown", sourceObject: "Task", subject: task[0], text: task[1] })
    ]
  }

  it("counts 'RE: Preise 2027' and 'AW: Preise 2027' logged at the same time once, and other locales' prefixes", () => {
    const history = [
      ...copies("A", 40, ["RE: Preise 2027", "Die Preise sind uns zu hoch."], ["AW: Preise 2027", "Die Preise sind uns zu hoch."]),
      ...copies("B", 80, ["Re[2]: Delivery of PO 4471", "Still late."], ["Email: RE: Delivery of PO 4471", "Still late."]),
      ...copies("C", 120, ["TR: Prix 2027", "Voir ci-dessous."], ["Prix 2027", "Voir ci-dessous."]),
      ...copies("D", 160, ["WG: AW: Lieferung", "Bitte prüfen."], ["Lieferung", "Bitte prüfen."]),
      ...copies("E", 200, ["SV: RE: Priser", "Ok."], ["Priser", "Ok."])
    ]
    const profile = profileOf(history)
    expect(profile.duplicates).toBe(5)
    expect(profile.sampleSize.interactions).toBe(5)
    expect(keysOf(profile.decisionCriteria.evidence)).not.toContain(k.key("00TB"))
  })

  it("counts a Persian message once across reply and forward prefixes, Arabic and Persian letters, half-spaces and digits", () => {
    const history = [
      ...copies("F", 40, ["پاسخ: پیش‌فاکتور شماره ۱۲", "كيفيت محموله پایين بود."], ["ایمیل: پیش فاکتور شماره 12", "کیفیت محموله پایین بود."]),
      ...copies("G", 80, ["جواب: تحويل", "مي‌خواهيم ۳ روزه برسد."], ["تحویل", "می خواهیم 3 روزه برسد."]),
      ...copies("H", 120, ["ارجاع: لیست قیمت", "لطفاً بررسی کنید ٢٠٢٧"], ["لیست قیمت", "لطفاً بررسی کنید 2027"]),
      ...copies("I", 160, ["هدایت: پاسخ: قرارداد", "تمدید قرارداد"], ["قرارداد", "تمدید قرارداد"])
    ]
    const profile = profileOf(history)
    expect(profile.duplicates).toBe(4)
    expect(profile.sampleSize.interactions).toBe(4)
  })

  it("signs copies alike across prefixes and keyboards, and keeps two messages whose words differ", () => {
    expect(signatureOf("Re[2]: Preise 2027", "Zu hoch.")).toBe(signatureOf("AW: Preise 2027", "zu  hoch"))
    expect(signatureOf("جواب: تحويل", "٣ روز")).toBe(signatureOf("تحویل", "۳ روز"))
    expect(signatureOf("AW: Preise 2027", "Zu hoch.")).not.toBe(signatureOf("AW: Preise 2028", "Zu hoch."))
    expect(signatureOf("جواب: تحویل", "۳ روز")).not.toBe(signatureOf("جواب: تحویل", "۴ روز"))
    // A word that happens to end in a colon is the subject, not a prefix.
    expect(signatureOf("Preise: 2027", "x")).not.toBe(signatureOf("2027", "x"))
  })
})

describe("quoted correspondence is not the customer's current statement", () => {
  const reply = (id: string, day: number, text: string, subject = "RE: Proposal 2027") => k.interaction(id, { at: at(day), subject, text })

  it("does not take our price list quoted below 'wrote:' or an Outlook header block as their criterion", () => {
    const profile = profileOf([
      reply("R1", 40, "Quality of the last batch was poor, two housings cracked.\n\nOn Tue, 3 Mar 2026, Sara Rep <sara@parley.example> wrote:\nPlease find our new price list for 2027 attached, with volume discounts."),
      reply("R2", 80, "The welds on batch 19 failed inspection.\n\nFrom: Sara Rep <sara@parley.example>\nSent: Tuesday, March 3, 2026 10:12 AM\nTo: Tom Buyer\nSubject: Proposal 2027\n\nOur prices and discount tiers are attached."),
      reply("R3", 120, "Defects again on line 3.\n\nAm Di., 3. März 2026 um 10:12 Uhr schrieb Sara Rep <sara@parley.example>:\nOur prices are attached, discount 5%."),
      reply("R4", 160, "Quality is still not where it should be. On 3/3/26 10:12, Sara wrote: Our best price is attached.")
    ])
    expect(profile.decisionCriteria.label).toBe("quality")
    expect(profile.decisionCriteria.weights.price).toBe(0)
  })

  it("does the same for a Persian reply quoting our price list below «در تاریخ … نوشت:» or «از: / ارسال شده:»", () => {
    const profile = profileOf([
      reply("P1", 40, "کیفیت محموله قبلی خوب نبود، دو دستگاه خراب رسید.\n\nدر تاریخ سه‌شنبه ۱۲ اسفند ۱۴۰۴ ساعت ۱۰:۱۲، سارا <sara@parley.example> نوشت:\nلیست قیمت جدید و تخفیف حجمی پیوست است.", "پاسخ: پیشنهاد ۱۴۰۵"),
      reply("P2", 80, "قطعات این سری ایراد داشت.\n\nاز: سارا\nارسال شده: سه‌شنبه ۱۲ اسفند ۱۴۰۴\nبه: خریدار\nموضوع: پیشنهاد ۱۴۰۵\nلیست قیمت و تخفیف‌ها پیوست است.", "پاسخ: پیشنهاد ۱۴۰۵"),
      reply("P3", 120, "کیفیت قطعات این ماه پایین بود.\n\nدر تاریخ ۱۴۰۴/۱۲/۲۰ ساعت ۹:۴۰، سارا نوشت:\nقیمت‌ها با ۵٪ تخفیف پیوست است.", "پاسخ: پیشنهاد ۱۴۰۵")
    ])
    expect(profile.decisionCriteria.label).toBe("quality")
    expect(profile.decisionCriteria.weights.price).toBe(0)
  })

  it("reads the customer's own words above the quote, and a note quoting the buyer without a mail header", () => {
    expect(voiced("Your prices are too high.\n\nOn Tue, 3 Mar 2026, Sara <sara@parley.example> wrote:\nDelivery is planned for May.")).toEqual(["disparagement", "price"])
    // A logged email that opens with its own header block is the message itself.
    expect(voiced("From: Tom Buyer\nSent: Tuesday, March 3, 2026\nSubject: Delivery\n\nThe delivery was late again.")).toEqual(["delivery"])
    // "wrote:" without a date or an address is no mail client's attribution.
    expect(voiced("Tom wrote: the price is too high.", { channel: "note", direction: "internal" })).toEqual([])
    expect(voiced("My colleague wrote: delivery must be within two weeks.")).toEqual(["delivery"])
  })

  it("does not count the customer's earlier mail quoted below our reply, logged without a direction, as said again", () => {
    // Their earlier mail is a record of its own; quoted again below our reply it is not a second statement.
    const logged = (id: string, text: string) => interactionFeatures(k.interaction(id, { at: at(60), direction: "unknown", sourceObject: "Task", subject: "Email: RE: Delivery", text }))
    const en = logged("L1", "Hi Tom, we can ship the pumps in May.\n\nOn Mon, 2 Mar 2026, Tom Buyer <tom@buyer.example> wrote:\nYour prices are too high and delivery was late.")
    expect(en.voice).toBe(0)
    const fa = logged("L2", "سلام، پمپ‌ها اردیبهشت ارسال می‌شود.\n\nدر تاریخ ۱۲ اسفند ۱۴۰۴، خریدار <tom@buyer.example> نوشت:\nقیمت‌هاتون بالاست و تحویل دیر شد.")
    expect(fa.voice).toBe(0)
  })

  it("does not read a forwarded message's subject, nor a forward's body from someone else, as the customer's words", () => {
    expect(voiced("Can you look at this?", { subject: "TR: Price list 2027" })).toEqual([])
    expect(voiced("Can you look at this?", { subject: "WG: Price list 2027" })).toEqual([])
    expect(voiced("Can you look at this?", { subject: "RE: FW: Price list 2027" })).toEqual([])
    // In any case, with spaces around the label, and a reply prefix before the forward's.
    expect(voiced("Can you look at this?", { subject: "  fWd : Price list 2027" })).toEqual([])
    expect(voiced("Can you look at this?", { subject: "Re : Aw:FW: Price list 2027" })).toEqual([])
    expect(voiced("Can you look at this?", { subject: "پاسخ: ارجاع: لیست قیمت ۱۴۰۶" })).toEqual([])
    // A label that only looks like one ("Free: …", "Rework:") is the subject itself.
    expect(voiced("Can you look at this?", { subject: "Price: too high for us" })).toContain("price")
    expect(voiced("لطفاً بررسی کنید.", { subject: "ارجاع: لیست قیمت ۱۴۰۵" })).toEqual([])
    expect(voiced("لطفاً بررسی کنید.", { subject: "هدایت: لیست قیمت ۱۴۰۵" })).toEqual([])
    expect(voiced("FYI, see below.\n\nFrom: Logistics Team\nSent: Monday, March 2, 2026\nTo: Tom Buyer\nSubject: Delivery\nDelivery will be late by two weeks.", { subject: "TR: Delivery" })).toEqual([])
    expect(voiced("FYI\n\n-------- Message transféré --------\nLa livraison aura deux semaines de retard. Delivery late.", { subject: "TR: Livraison" })).toEqual([])
    // A Persian reply prefix is no word of theirs ("پاسخ" is also "response", a support word).
    expect(voiced("ممنون، دریافت شد.", { subject: "پاسخ: سفارش ۴۴۷۱" })).toEqual([])
    expect(voiced("ممنون، دریافت شد.", { subject: "جواب: سفارش ۴۴۷۱" })).toEqual([])
    // A reply's subject is the message it answers (read for cues, not as theirs); a forward's own words above it are the sender's.
    expect(voiced("ok", { subject: "RE: Price list 2027" })).toEqual([])
    expect(voiced("Our quality team rejected these again.", { subject: "Fwd: Batch 12" })).toEqual(["quality"])
  })

  it("reads a Dataverse email flattened to one line: the header or attribution inside it starts the quote", () => {
    // src/crm/dynamics/map.ts `plainText` joins the HTML body's lines with spaces.
    expect(voiced("Quality of batch 7 was poor. From: Sara Rep Sent: Tuesday, March 3, 2026 10:12 AM To: Tom Subject: Offer Our prices and discounts are attached.")).toEqual(["quality"])
    expect(voiced("Quality of batch 7 was poor. On Tue, 3 Mar 2026 at 10:12, Sara Rep <sara@parley.example> wrote: Our prices are attached.")).toEqual(["quality"])
    expect(voiced("کیفیت محموله هفتم پایین بود. از: سارا ارسال شده: سه‌شنبه ۱۲ اسفند ۱۴۰۴ به: خریدار لیست قیمت پیوست است.")).toEqual(["quality"])
  })

  it("leaves a signature's job titles out: below a sign-off line, the '-- ' delimiter or a phone's footer", () => {
    expect(voiced("The last batch had cracked housings.\nThanks,\nTom Becker\nHead of Purchasing | Delivery & Logistics")).toEqual(["quality"])
    expect(voiced("The last batch had cracked housings.\n-- \nTom Becker\nTechnical Support Manager")).toEqual(["quality"])
    expect(voiced("The last batch had cracked housings.\n\nSent from my Galaxy\nPrice & Delivery Coordinator")).toEqual(["quality"])
    expect(voiced("قطعات این سری ایراد داشت.\nممنون\nرضا احمدی\nمدیر تدارکات و پشتیبانی")).toEqual(["quality"])
    expect(voiced("کیفیت خوب نبود.\n\nارسال شده از آیفون من")).toEqual(["quality"])
    expect(voiced("The last batch had cracked housings.\nWith regards,\nTom Becker\nDelivery Coordinator")).toEqual(["quality"])
    // "With regards to …" is no sign-off, and "Thanks," that opens a message leaves it whole.
    expect(voiced("With regards to delivery, the last two shipments were late.")).toEqual(["delivery"])
    expect(voiced("Hi Sara,\nThanks,\nwe need the pumps by May, the last delivery was three weeks late and our line stood still for days, which we cannot accept again at all.")).toEqual(["delivery"])
  })

  it("leaves a legal footer out, whatever it says about prices or delivery terms", () => {
    expect(voiced("Quality of batch 7 was poor.\n\nThis email and any attachments are confidential. Prices and delivery terms are subject to change.")).toEqual(["quality"])
    expect(voiced("کیفیت محموله هفتم پایین بود.\nاین ایمیل محرمانه است؛ قیمت‌ها و شرایط تحویل ممکن است تغییر کند.")).toEqual(["quality"])
  })
})

describe("who speaks in each clause of a rep's note", () => {
  it("reads 'we presented the price list and they said delivery is what matters' as their delivery, not price", () => {
    expect(voiced("We presented the new price list and they said delivery is what matters.", note)).toEqual(["delivery"])
    expect(voiced("We presented the price list and the buyer insisted delivery comes first.", note)).toEqual(["delivery"])
    expect(voiced("I explained our pricing and he said the quality is key.", note)).toEqual(["quality"])
    expect(voiced("ما لیست قیمت جدید رو ارائه دادیم و مشتری گفت تحویل براشون مهم‌تره", note)).toEqual(["delivery"])
    expect(voiced("ما لیست قیمت جدید رو ارائه دادیم و گفتند تحویل براشون مهم‌تره", note)).toEqual(["delivery"])
    // Our own "said" is ours: no subject of theirs begins a clause.
    expect(voiced("We presented the price list and said delivery is included.", note)).toEqual([])
  })

  it("counts a call on which they answered our presentation as a two-way contact", () => {
    const heard = (text: string) => interactionFeatures(k.interaction("H", { at: at(1), ...note, text })).heard
    expect(heard("We presented the renewal terms and they said they would sign next week.")).toBe(true)
    expect(heard("شرایط تمدید رو توضیح دادیم و گفتند هفته بعد امضا می‌کنند.")).toBe(true)
    expect(heard("We presented the renewal terms and sent the contract.")).toBe(false)
  })

  it("does not make our offer theirs when it follows their words in the same sentence", () => {
    expect(voiced("They complained about delivery and we offered a discount.", note)).toEqual(["delivery"])
    expect(voiced("مشتری گفت تحویل مهم است و ما تخفیف دادیم", note)).toEqual(["delivery"])
    // "ما" as "our" after their verb stays theirs: «قیمت ما».
    expect(voiced("مشتری گفت قیمت ما بالاست", note)).toEqual(["disparagement", "price"])
    // "our quoted price" is no new clause of ours.
    expect(voiced("They said our quoted price is too high.", note)).toEqual(["disparagement", "price"])
  })

  it("reads a speaker label and the one something matters to", () => {
    expect(voiced("Me: presented the price list\nCustomer: delivery is what matters", note)).toEqual(["delivery"])
    expect(voiced("مشتری: قیمت بالاست", note)).toEqual(["disparagement", "price"])
    expect(voiced("We presented the price list. Quality matters to them.", note)).toEqual(["quality"])
    expect(voiced("لیست قیمت رو فرستادیم. کیفیت براشون مهمه.", note)).toEqual(["quality"])
    // Persian ends our clause with our verb; their subject may come after what they said.
    expect(voiced("لیست قیمت رو فرستادم و جواب دادن که کیفیت براشون اولویته", note)).toEqual(["quality"])
  })

  it("labels an account whose notes present our prices and record their delivery concerns as delivery-driven", () => {
    const notes = [
      "We presented the new price list and they said delivery is what matters.",
      "Sent the revised quote; the buyer said lead times are the problem.",
      "ما لیست قیمت جدید رو ارائه دادیم و مشتری گفت تحویل براشون مهم‌تره",
      "تخفیف حجمی رو توضیح دادیم و گفتند زمان تحویل طولانیه"
    ].map((text, n) => k.interaction(`N${n}`, { at: at(40 + n * 60), ...note, text }))
    const profile = profileOf(notes)
    expect(profile.decisionCriteria.label).toBe("delivery")
    expect(profile.decisionCriteria.weights.price).toBe(0)
  })
})

describe("a reminder to call is no call that happened", () => {
  /** Monthly orders by mail for a year, then a reminder logged every week. */
  function withReminders(subject: string, text: string): Interaction[] {
    const theirs = Array.from({ length: 12 }, (_, m) => k.interaction(`O${m}`, { at: at(m * 30), subject: `Order ${m + 1}`, text: "Please ship this month's order." }))
    const reminders = Array.from({ length: 8 }, (_, w) => k.interaction(`R${w}`, { at: at(340 + w * 7), channel: "task", direction: "unknown", subject, text }))
    return [...theirs, ...reminders]
  }

  it("reads 'Reminder: call procurement.' and «یادآوری: مدیر خرید منتظر تماس است» as no conversation", () => {
    for (const [subject, text] of [
      ["Reminder: call procurement.", ""],
      ["Follow-up", "Reminder: call procurement about the renewal."],
      ["یادآوری: با تدارکات تماس بگیرید", ""],
      ["یادآوری: مدیر خرید منتظر تماس است", ""],
      ["پیگیری", "یادت باشه مدیر خرید منتظر تماس ماست."]
    ] as const) {
      expect(interactionFeatures(k.interaction("T", { at: at(1), channel: "task", direction: "unknown", subject, text })).heard, subject + text).toBe(false)
      expect(interactionFeatures(k.interaction("C", { at: at(1), channel: "call", direction: "outbound", subject, text })).heard, subject + text).toBe(false)
    }
    // A call note that says they spoke is still heard.
    expect(interactionFeatures(k.interaction("H", { at: at(1), ...note, text: "Procurement asked for the renewal terms." })).heard).toBe(true)
    expect(interactionFeatures(k.interaction("H", { at: at(1), ...note, text: "مدیر خرید شرایط تمدید را خواست." })).heard).toBe(true)
  })

  it("counts weekly reminder tasks as no two-way contact (EN, FA)", () => {
    for (const [subject, text] of [["Reminder: call procurement.", ""], ["یادآوری: مدیر خرید منتظر تماس است", ""]] as const) {
      expect(profileOf(withReminders(subject, text)).engagement!.humanContacts, subject).toBe(12)
    }
  })
})

describe("a customer's reply quotes our subject back: its words there are not their request", () => {
  it("reads an account we opened as ours, though the customer's reply repeats our 'RFQ' or «استعلام قیمت» subject", () => {
    for (const [ours, reply, body] of [
      ["Send us your RFQ for the 2027 price list", "RE: Send us your RFQ for the 2027 price list", "Thanks, we will look at it."],
      ["درخواست استعلام قیمت برای فهرست قیمت ۲۰۲۷", "پاسخ: درخواست استعلام قیمت برای فهرست قیمت ۲۰۲۷", "ممنون، بررسی می‌کنیم."]
    ] as const) {
      const kk = kit({ org: `initiator-quoted-${ours.length}` })
      const history = kk.history(kk.account({ name: "Opened Co", leadSource: "Cold Call", createdAt: at(0) }), {
        interactions: [
          kk.interaction("O1", { at: at(0.5), direction: "outbound", subject: ours, text: "Our new price list is attached." }),
          kk.interaction("R1", { at: at(2), subject: reply, text: body })
        ]
      })
      const profile = classifyRelationship(history, { now: NOW })
      expect(keysOf(profile.initiator.evidence), reply).not.toContain(kk.key("R1"))
      expect(profile.initiator.label, reply).toBe("supplier")
      expect(profile.initiator.score, reply).toBe(1)
    }
  })
})

describe("a competitor named in the subject a customer's reply quotes back is not one they named", () => {
  it("takes no competitor from 'RE: Our price vs Acme' or «پاسخ: قیمت ما … شرکت پارس پمپ …», and still from their own words", () => {
    for (const [ours, body, theirs] of [
      ["RE: Our price vs Acme", "Thanks, we will review it with the team.", "Thanks. Frankly, Globex quoted 12% lower."],
      ["پاسخ: شرکت پارس پمپ ارزان‌تر نیست", "ممنون، بررسی می‌کنیم.", "ممنون. راستش شرکت آبادان پمپ ارزان‌تر داده."]
    ] as const) {
      const quietly = profileOf([k.interaction("Q1", { at: at(300), subject: ours, text: body })])
      expect(quietly.competition?.competitors ?? [], ours).toEqual([])
      const named = profileOf([k.interaction("Q2", { at: at(300), subject: ours, text: theirs })])
      expect(named.competition!.competitors.map((c) => c.name), ours).toHaveLength(1)
    }
  })
})
