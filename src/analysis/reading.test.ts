/**
 * How one record's text is read (issue 13): who is speaking, negation and contrast per clause,
 * automated sends, the same record once, and what a case says. Histories as reps and CRMs write
 * them, in English and Persian.
 */
import { describe, expect, it } from "vitest"
import { at, keysOf, kit, quotedDeal } from "../../tests/support/analysis-kit"
import type { Interaction } from "../model/schema"
import { caseFeatures, interactionFeatures, signatureOf } from "./features"
import { classifyRelationship } from "./index"
import { CUE } from "./lexicon"
import { renderMessage } from "../i18n/render"

const k = kit({ org: "reading" })
const NOW = at(400)

function profileOf(interactions: Interaction[], parts: Partial<Parameters<typeof k.history>[1]> = {}) {
  return classifyRelationship(k.history(k.account({ name: "Reading Co" }), { interactions, ...parts }), { now: NOW })
}

/** The same message from the customer, n times a month apart. */
function repeated(text: string, n: number, fields: Partial<Interaction> = {}): Interaction[] {
  return Array.from({ length: n }, (_, i) => k.interaction(`E${i}`, { at: at(30 + i * 30), subject: `Re: renewal ${i}`, text, ...fields }))
}

describe("negation and contrast, per clause", () => {
  it("reads 'price is not an issue for us, quality is' as quality alone, not a 50/50 split", () => {
    const profile = profileOf(repeated("Price is not an issue for us, quality is.", 3))
    expect(profile.decisionCriteria.label).toBe("quality")
    expect(profile.decisionCriteria.weights.price).toBe(0)
    expect(profile.decisionCriteria.weights.quality).toBe(1)
  })

  it("reads the Persian 'قیمت برای ما مهم نیست، کیفیت مهم است' as quality alone", () => {
    const profile = profileOf(repeated("قیمت برای ما مهم نیست، کیفیت مهم است.", 3))
    expect(profile.decisionCriteria.label).toBe("quality")
    expect(profile.decisionCriteria.weights.price).toBe(0)
  })

  it("sets aside what a cue-less dismissal follows, and what a comparison puts second", () => {
    const profile = profileOf([
      ...repeated("Delivery has been fine, no issues. Quality however is slipping.", 2),
      k.interaction("C1", { at: at(300), subject: "Priorities", text: "Price doesn't matter as much as reliability." })
    ])
    expect(profile.decisionCriteria.label).toBe("quality")
    expect(profile.decisionCriteria.weights.delivery).toBe(0)
    expect(profile.decisionCriteria.weights.price).toBe(0)
  })

  it("reads Finglish notes and a lost deal's stated reason the same way", () => {
    const finglish = profileOf(repeated("gheymat moshkeli nist, vali keyfiat kharab bood.", 3))
    expect(finglish.decisionCriteria.label).toBe("quality")
    expect(finglish.decisionCriteria.weights.price).toBe(0)
    const deals = ["D1", "D2"].map((id, n) =>
      k.deal(id, { createdAt: at(20 + n * 100), closeDate: at(60 + n * 100), isClosed: true, isWon: false, lossReason: n ? "قیمت مشکل نبود، زمان تحویل طولانی بود" : "Not the price, but the lead time was too long" }))
    const lost = profileOf([], { deals })
    expect(lost.decisionCriteria.label).toBe("delivery")
    expect(lost.decisionCriteria.weights.price).toBe(0)
  })

  it("reads hedged and comparative dismissals: a minor factor, secondary to, not price sensitive", () => {
    const profile = profileOf([
      k.interaction("H1", { at: at(40), subject: "Priorities", text: "Price was a minor factor; reliability decided it." }),
      k.interaction("H2", { at: at(80), subject: "Re: renewal", text: "Cost is secondary to reliability for us." }),
      k.interaction("H3", { at: at(120), subject: "Re: offer", text: "We are not price sensitive, we need equipment that does not fail." }),
      k.interaction("H4", { at: at(160), subject: "اولویت‌ها", text: "هزینه در درجه دوم است؛ دوام دستگاه برای ما مهم است." })
    ])
    expect(profile.decisionCriteria.label).toBe("quality")
    expect(profile.decisionCriteria.weights.price).toBe(0)
  })

  it("reads 'no complaints about delivery… quality was poor' as quality", () => {
    const en = profileOf(repeated("No complaints about delivery… the quality of the last batch was poor.", 3))
    expect(en.decisionCriteria.label).toBe("quality")
    expect(en.decisionCriteria.weights.delivery).toBe(0)
    const fa = profileOf(repeated("از نظر تحویل مشکلی نداریم ولی کیفیت محموله آخر پایین بود.", 3))
    expect(fa.decisionCriteria.label).toBe("quality")
    expect(fa.decisionCriteria.weights.delivery).toBe(0)
  })

  it("sets aside 'not X but Y' and 'نه X بلکه Y', and 'despite the price'", () => {
    const en = profileOf([
      ...repeated("It was not the price but the lead time that decided it.", 3),
      k.interaction("D1", { at: at(200), subject: "Order placed", text: "We went ahead despite the price; we need the units by March." })
    ])
    expect(en.decisionCriteria.label).toBe("delivery")
    expect(en.decisionCriteria.weights.price).toBe(0)
    const fa = profileOf(repeated("نه قیمت، بلکه کیفیت برای ما تعیین‌کننده است.", 3))
    expect(fa.decisionCriteria.label).toBe("quality")
    expect(fa.decisionCriteria.weights.price).toBe(0)
  })

  it("keeps a complaint that is worded with a negation: 'delivery was not on time' is about delivery", () => {
    const profile = profileOf([
      ...repeated("Delivery was not on time again.", 2),
      k.interaction("F1", { at: at(300), subject: "تحویل", text: "محموله باز هم به موقع نرسید و تاخیر داشت." })
    ])
    expect(profile.decisionCriteria.label).toBe("delivery")
  })

  it("reads 'the price is fair, not overpriced at all' as no disparagement", () => {
    const en = profileOf(repeated("The price is fair, not overpriced at all.", 3))
    expect(en.pushback.disparagement).toBe(0)
    expect(en.pushback.label).toBe("none")
    const fa = profileOf(repeated("قیمت منصفانه است و اصلاً گران‌فروشی نیست.", 3))
    expect(fa.pushback.disparagement).toBe(0)
    // The same words without the negation are disparagement: the test can fail.
    const plain = profileOf(repeated("Honestly, it is overpriced.", 3))
    expect(plain.pushback.disparagement).toBe(3)
  })

  it("does not read a budget that grew as a budget constraint", () => {
    const fa = profileOf(repeated("بودجه ما امسال دو برابر شد.", 3))
    expect(fa.pushback.constraint).toBe(0)
    const en = profileOf(repeated("Good news: our budget was increased this year and the budget was approved.", 3))
    expect(en.pushback.constraint).toBe(0)
    // A real limit still reads as one, in both languages.
    const limit = profileOf([
      ...repeated("بودجه ما محدود است و نمی‌توانیم بیشتر پرداخت کنیم.", 2),
      k.interaction("L1", { at: at(300), subject: "Budget", text: "The 8% increase breaks our budget, we cannot pay more." })
    ])
    expect(limit.pushback.constraint).toBe(3)
  })

  it("reads a budget reported fixed, in a rep's note or their mail, as a budget constraint (EN, FA)", () => {
    const call = { channel: "call" as const, direction: "outbound" as const, subject: "Call" }
    for (const text of ["مشتری گفت بودجه‌شان ثابت است.", "گفتند بودجه شون ثابته.", "The customer said their budget's fixed for this year.", "They said the budget is locked until Q3."]) {
      const profile = profileOf([k.interaction("B1", { at: at(300), ...call, text }), k.interaction("B2", { at: at(330), ...call, text })])
      expect(profile.pushback.constraint, text).toBe(2)
    }
    for (const text of ["بودجه ما ثابت است.", "Our budget's fixed."]) expect(profileOf(repeated(text, 2)).pushback.constraint, text).toBe(2)
    // Denied, it is none.
    expect(profileOf([k.interaction("B3", { at: at(300), ...call, text: "مشتری گفت بودجه‌شان ثابت نیست." })]).pushback.constraint).toBe(0)
  })
})

describe("who is speaking", () => {
  const quality = [
    k.interaction("Q1", { at: at(40), subject: "Batch 12", text: "Several units arrived with defects." }),
    k.interaction("Q2", { at: at(140), subject: "Batch 19", text: "Quality of the welds is not acceptable." }),
    k.interaction("Q3", { at: at(240), subject: "کیفیت", text: "کیفیت قطعات این ماه پایین بود." })
  ]

  it("does not take our own call and meeting notes presenting our price list as the customer's criterion", () => {
    const ours = [
      k.interaction("N1", { at: at(50), channel: "call", direction: "outbound", subject: "Pricing call", text: "We presented our new price list and the volume discount structure." }),
      k.interaction("N2", { at: at(90), channel: "meeting", direction: "unknown", subject: "Price list review", text: "I walked them through pricing. Sent the revised quote with the new prices." }),
      k.interaction("N3", { at: at(130), channel: "call", direction: "outbound", subject: "تماس قیمت", text: "ما لیست قیمت جدید و تخفیف حجمی را ارائه دادیم." }),
      k.interaction("N4", { at: at(170), channel: "meeting", direction: "outbound", subject: "Discount structure", text: "Presented our discount tiers and payment terms." }),
      k.interaction("N6", { at: at(190), channel: "call", direction: "outbound", subject: "Call", text: "Gave them our price list and the discount tiers." }),
      k.interaction("N5", { at: at(210), channel: "note", direction: "internal", subject: "Competitor deck", text: "Competitor deck claims their price is 15% lower and their budget option is cheaper." })
    ]
    const profile = profileOf([...quality, ...ours])
    expect(profile.decisionCriteria.label).toBe("quality")
    expect(profile.decisionCriteria.weights.price).toBe(0)
    expect(keysOf(profile.decisionCriteria.evidence)).not.toContain(k.key("N1"))
  })

  it("counts the clauses of our notes whose subject is the customer, in English and Persian", () => {
    const theirs = [
      k.interaction("T1", { at: at(50), channel: "call", direction: "outbound", subject: "Renewal call", text: "Presented the renewal. The buyer insists the price is too high." }),
      k.interaction("T2", { at: at(90), channel: "meeting", direction: "unknown", subject: "QBR", text: "They asked for a 10% discount on the next order." }),
      k.interaction("T3", { at: at(130), channel: "call", direction: "outbound", subject: "پیگیری", text: "مشتری خواست قیمت را کاهش دهیم." }),
      k.interaction("T4", { at: at(170), channel: "note", direction: "internal", subject: "یادداشت", text: "خریدار اصرار دارد که تخفیف بیشتری بدهیم." }),
      k.interaction("T5", { at: at(250), channel: "call", direction: "outbound", subject: "Follow-up", text: "Customer said price is too high compared to last year." })
    ]
    const profile = profileOf([quality[0]!, ...theirs])
    expect(profile.decisionCriteria.label).toBe("price")
    expect(keysOf(profile.decisionCriteria.evidence)).toEqual(expect.arrayContaining([k.key("T1"), k.key("T3"), k.key("T4")]))
  })

  it("reads the subject of a clause, not a role noun after a preposition, and a Persian verb's person", () => {
    const profile = profileOf([
      ...quality,
      k.interaction("V1", { at: at(60), channel: "call", direction: "outbound", subject: "Call", text: "Call with the buyer: presented our price list and discount tiers." }),
      k.interaction("V2", { at: at(70), channel: "call", direction: "outbound", subject: "تماس", text: "تماس با مشتری: لیست قیمت جدید را ارسال کردیم." }),
      k.interaction("V3", { at: at(80), channel: "note", direction: "internal", subject: "Acme", text: "Acme's deck says their price is 10% lower." }),
      k.interaction("V4", { at: at(90), channel: "note", direction: "internal", subject: "Acme deck", text: "From Acme's sales deck: \"Lowest price guaranteed, 48h delivery, budget-friendly.\"" }),
      k.interaction("V5", { at: at(95), channel: "note", direction: "internal", subject: "رقیب", text: "بروشور رقیب: «ارزان‌ترین قیمت، تحویل ۴۸ ساعته»" })
    ])
    expect(profile.decisionCriteria.label).toBe("quality")
    expect(profile.decisionCriteria.weights.price).toBe(0)
    const theirs = profileOf([
      ...quality.slice(0, 1),
      k.interaction("W1", { at: at(60), channel: "call", direction: "outbound", subject: "Call", text: "Presented pricing. He complained that the price is too high." }),
      k.interaction("W2", { at: at(70), channel: "meeting", direction: "unknown", subject: "جلسه", text: "در جلسه، خریدار گفت قیمت‌ها بالاست و تخفیف می‌خواهند." }),
      k.interaction("W3", { at: at(80), channel: "call", direction: "outbound", subject: "Call", text: "Price objection from the CFO; they want a discount." })
    ])
    expect(theirs.decisionCriteria.label).toBe("price")
  })

  it("does not take our earlier message quoted below the customer's reply as their words", () => {
    const reply = (id: string, day: number, text: string) => k.interaction(id, { at: at(day), subject: "RE: Proposal", text })
    const profile = profileOf([
      reply("R1", 40, "Thanks, the quality issue on line 3 is still open.\n\n> Our price list for 2024 is attached, with volume discounts.\n> Best regards"),
      reply("R2", 80, "Quality of the last batch was poor.\n-----Original Message-----\nFrom: Rep\nOur prices and discount tiers are attached."),
      reply("R3", 120, "کیفیت محموله قبلی خوب نبود.\n\n> لیست قیمت و تخفیف‌های جدید پیوست است.")
    ])
    expect(profile.decisionCriteria.label).toBe("quality")
    expect(profile.decisionCriteria.weights.price).toBe(0)
  })

  it("reads a deal's description as our record: our offer is not their criterion, their reason is", () => {
    const deals = [
      k.deal("D1", { name: "Press line 4", createdAt: at(20), description: "We offered our best price and a 12% volume discount." }),
      k.deal("D2", { name: "Press line 5", createdAt: at(120), description: "ما بهترین قیمت و تخفیف حجمی را پیشنهاد دادیم." }),
      k.deal("D3", { name: "Spares 2024", createdAt: at(220), description: "The customer chose us for delivery speed; they need parts within 48 hours." })
    ]
    const profile = profileOf([quality[0]!], { deals })
    expect(profile.decisionCriteria.weights.price).toBe(0)
    expect(profile.decisionCriteria.weights.delivery).toBeGreaterThan(0)
  })

  it("reads the buyer's quoted words in a note as theirs, and our outbound email as ours", () => {
    const profile = profileOf([
      k.interaction("P1", { at: at(50), channel: "call", direction: "outbound", subject: "Call", text: "\"We can't go above 40k,\" said the buyer." }),
      k.interaction("P2", { at: at(80), channel: "call", direction: "outbound", subject: "تماس", text: "گفتند بودجه ما محدود است." }),
      k.interaction("P3", { at: at(110), direction: "outbound", subject: "Our offer", text: "Our price is not worth comparing with cheap imports; the budget option is overpriced." })
    ])
    expect(profile.pushback.constraint).toBe(2)
    expect(profile.pushback.disparagement).toBe(0)
  })
})

describe("automated sends", () => {
  const newsletter = (id: string, day: number, fields: Partial<Interaction> = {}) =>
    k.interaction(id, { at: at(day), direction: "outbound", subject: "Parley Industrial newsletter - March", text: "Our new price list is out. Unsubscribe | Manage preferences", ...fields })

  it("marks newsletters, no-reply and list sends as not human, in English and Persian", () => {
    expect(interactionFeatures(newsletter("A1", 10)).human).toBe(false)
    expect(interactionFeatures(k.interaction("A2", { at: at(10), direction: "outbound", subject: "خبرنامه فروردین", text: "لیست قیمت جدید. به این ایمیل پاسخ ندهید." })).human).toBe(false)
    expect(interactionFeatures(k.interaction("A3", { at: at(10), subject: "Automatic reply: Out of office", text: "I am away until Monday." })).human).toBe(false)
    expect(interactionFeatures(k.interaction("A4", { at: at(10), direction: "outbound", subject: "Spring promotion", automated: true })).human).toBe(false)
    expect(interactionFeatures(k.interaction("A6", { at: at(10), direction: "outbound", channel: "task", sourceObject: "Task", subject: "Follow-up (auto-created by workflow)" })).human).toBe(false)
    expect(interactionFeatures(k.interaction("A7", { at: at(10), direction: "outbound", subject: "Weekly digest: product news" })).human).toBe(false)
    // A customer answering a newsletter is a person writing.
    expect(interactionFeatures(k.interaction("A8", { at: at(10), subject: "RE: March newsletter", text: "Can you quote the new valves?" })).human).toBe(true)
    // A rep's email logged by the integration as a Task is a human email.
    const logged = interactionFeatures(k.interaction("A5", { at: at(10), direction: "unknown", sourceObject: "Task", subject: "Email: Re: delivery dates", text: "They need the pumps by June." }))
    expect(logged.human).toBe(true)
    expect(logged.voice & CUE.delivery).toBe(0) // "need the pumps by June" names no criterion word
  })

  it("knows other footers and senders: opt-out lines, unmonitored mailboxes, sales sequences, flows (EN and FA)", () => {
    const human = (subject: string, text: string, fields: Partial<Interaction> = {}) => interactionFeatures(k.interaction("B", { at: at(10), subject, text, ...fields })).human
    const ours = { direction: "outbound" as const }
    expect(human("Parley Monthly – March edition", "Read our latest price update. Click here to opt out of these emails.", ours)).toBe(false)
    expect(human("تخفیف ویژه پاییز", "برای انصراف از دریافت ایمیل‌ها اینجا کلیک کنید.", ours)).toBe(false)
    expect(human("Email sent via Outreach sequence step 3", "Hi, following up on pricing", { direction: "outbound", channel: "task" })).toBe(false)
    expect(human("Follow-up task created by Flow", "Call the customer about renewal price", { direction: "outbound", channel: "task" })).toBe(false)
    // A carrier's or billing system's notice is not the customer talking delivery or support.
    expect(human("Delivery notification", "Your shipment 4471 has been dispatched. This mailbox is not monitored.")).toBe(false)
    expect(human("Invoice INV-2231", "This is a system notification, please do not respond to this email.")).toBe(false)
    // A customer naming the tool or opting out of a plan is a person writing.
    expect(human("Integration", "We use HubSpot and want to opt out of the maintenance plan.")).toBe(true)
  })

  it("does not let a newsletter's price list count as the customer's voice", () => {
    const sends = Array.from({ length: 12 }, (_, i) => newsletter(`NL${i}`, 20 + i * 7, { direction: "inbound" }))
    const profile = profileOf([
      ...sends,
      k.interaction("Q1", { at: at(300), subject: "Defects", text: "Two units arrived with defects." }),
      k.interaction("Q2", { at: at(320), subject: "Defects again", text: "Quality of the housings is poor." }),
      k.interaction("Q3", { at: at(340), subject: "خرابی", text: "دو دستگاه از این محموله خراب بودند." })
    ])
    expect(profile.decisionCriteria.label).toBe("quality")
    expect(profile.decisionCriteria.weights.price).toBe(0)
  })
})

describe("the same record once", () => {
  const email = k.interaction("02s000000EMAIL", { at: at(100) + 12_000, subject: "RE: Delivery delays on PO 4471", text: "Deliveries were late  three times this quarter.\nWe need a fix.", sourceObject: "EmailMessage" })
  const task = k.interaction("00T000000TASK", { at: at(100) + 40_000, direction: "unknown", channel: "email", sourceObject: "Task", subject: "Email: Delivery delays on PO 4471", text: "Deliveries were late three times this quarter. We need a fix." })
  const persian = k.interaction("02s000000FA", { at: at(150), subject: "تاخیر در تحویل", text: "تحویل سفارش دوباره دیر شد.", sourceObject: "EmailMessage" })
  const persianTask = k.interaction("00T000000FA", { at: at(150) + 30_000, direction: "unknown", channel: "email", sourceObject: "Task", subject: "ایمیل: تاخیر در تحویل", text: "تحویل سفارش  دوباره دیر شد." })

  it("signs a message by its subject without reply/logging prefixes and its text without spacing or case", () => {
    expect(signatureOf("RE: Delivery dates", "Need them  by June.\n")).toBe(signatureOf("Email: delivery dates", "need them by june"))
    expect(signatureOf("پاسخ: تاریخ تحویل", "تا خرداد")).toBe(signatureOf("ایمیل: تاریخ تحویل", "تا  خرداد"))
    expect(signatureOf("RE: Delivery dates", "Need them by June")).not.toBe(signatureOf("RE: Delivery dates", "Need them by July"))
    expect(signatureOf("RE:", "")).toBe(0)
  })

  it("counts an email logged as EmailMessage and as Task once, keeping the EmailMessage", () => {
    const third = k.interaction("02s000000THIRD", { at: at(200), subject: "Shipment", text: "The shipment is delayed again." })
    const profile = profileOf([task, email, persianTask, persian, third])
    expect(profile.duplicates).toBe(2)
    expect(profile.sampleSize.interactions).toBe(3)
    const keys = keysOf(profile.decisionCriteria.evidence)
    expect(keys).toEqual(expect.arrayContaining([email.key, persian.key]))
    expect(keys).not.toContain(task.key)
  })

  it("recognises a Task logged with the integration's header block, or dated by day only", () => {
    const sent = Date.UTC(2023, 5, 5, 14, 32)
    const mail = k.interaction("02s0000MAIL2", { at: sent, subject: "Quality of batch 7", text: "Two housings cracked in testing.", sourceObject: "EmailMessage" })
    const logged = k.interaction("00T0000TASK2", {
      at: Date.UTC(2023, 5, 5), direction: "unknown", channel: "email", sourceObject: "Task", subject: "Email: Quality of batch 7",
      text: "To: rep@parley.example\nCC: \nSubject: Quality of batch 7\nBody:\nTwo housings cracked in testing."
    })
    expect(profileOf([logged, mail]).duplicates).toBe(1)
    const call = (id: string) => k.interaction(id, { at: Date.UTC(2023, 5, 5), channel: "call", direction: "outbound", sourceObject: "Task", subject: "Follow-up" })
    const later = k.interaction("00T0000CALL3", { at: Date.UTC(2023, 5, 5, 15), channel: "call", direction: "outbound", sourceObject: "Task", subject: "Follow-up" })
    expect(profileOf([call("00T0000CALL1"), later]).duplicates).toBe(0)
  })

  it("gives the same profile whatever the order, and keeps records that only look alike", () => {
    const a = profileOf([email, task, persian, persianTask])
    const b = profileOf([persianTask, task, persian, email])
    expect(b).toEqual(a)
    // The same subject and text a week later is another message.
    const later = k.interaction("02s000000LATER", { at: email.at + 7 * 86_400_000, subject: email.subject, text: email.text })
    expect(profileOf([email, later]).duplicates).toBe(0)
  })
})

describe("cases", () => {
  it("reads twelve 'late delivery' cases of the generic type Problem as delivery, not quality", () => {
    const cases = Array.from({ length: 12 }, (_, i) =>
      k.kase(`K${i}`, { subject: i % 2 ? "Late delivery of order" : "تاخیر در تحویل سفارش", description: "The shipment arrived two weeks late.", type: "Problem", priority: "High", openedAt: at(20 + i * 25), closedAt: at(23 + i * 25) }))
    const profile = profileOf([], { cases })
    expect(profile.decisionCriteria.label).toBe("delivery")
    expect(profile.decisionCriteria.weights.quality).toBe(0)
  })

  it("takes a specific type or reason as evidence", () => {
    expect(caseFeatures(k.kase("B1", { subject: "Invoice 3321", type: "Billing", openedAt: at(1) })).fieldCriterion?.criterion).toBe("price")
    expect(caseFeatures(k.kase("B2", { subject: "Wrong pallets", reason: "Shipping", openedAt: at(1) })).fieldCriterion?.criterion).toBe("delivery")
    expect(caseFeatures(k.kase("B3", { subject: "Pump stopped", type: "Problem", openedAt: at(1) })).fieldCriterion).toBeNull()
    expect(caseFeatures(k.kase("B4", { subject: "سوال", type: "سوال", openedAt: at(1) })).fieldCriterion).toBeNull()
  })

  it("reads how-to questions as service requests, not complaints", () => {
    const req = (subject: string, fields: Record<string, unknown> = {}) => caseFeatures(k.kase("R", { subject, openedAt: at(1), closedAt: at(1.1), ...fields }))
    expect(req("How do I export the calibration report?").isRequest).toBe(true)
    expect(req("Request for information: spare parts catalogue").isRequest).toBe(true)
    expect(req("چطور گزارش کالیبراسیون را خروجی بگیریم؟").isRequest).toBe(true)
    expect(req("درخواست راهنمایی برای نصب نرم‌افزار").isRequest).toBe(true)
    expect(req("Software update", { type: "Question" }).isRequest).toBe(true)
    // A failure or a late shipment is a complaint even when it is asked as a question.
    expect(req("How do I return the defective units?").isRequest).toBe(false)
    expect(req("چرا محموله با تاخیر رسید؟").isRequest).toBe(false)
    expect(req("Pump stopped working", { type: "Problem" }).isRequest).toBe(false)
    expect(req("How do I reset the controller?", { isEscalated: true }).isRequest).toBe(false)
  })

  it("reads severity from Salesforce and Dataverse priorities, and Persian", () => {
    const severity = (priority?: string) => caseFeatures(k.kase("S", { subject: "x", openedAt: at(1), priority })).severity
    expect([severity("High"), severity("Medium"), severity("Low")]).toEqual(["high", "normal", "low"])
    expect([severity("Normal"), severity("1 - High"), severity("P4"), severity(undefined)]).toEqual(["normal", "high", "low", "normal"])
    expect([severity("فوری"), severity("بالا"), severity("متوسط"), severity("کم")]).toEqual(["high", "high", "normal", "low"])
  })
})

/** What a text voices, as cue names. */
function voiced(text: string, fields: Partial<Interaction> = {}): string[] {
  const f = interactionFeatures(k.interaction("V", { at: at(1), subject: "Re: order", text, ...fields }))
  return Object.entries(CUE).filter(([, bit]) => (f.voice & bit) !== 0).map(([name]) => name).sort()
}

describe("unseen wordings a rep meets (probe of issue 13)", () => {
  it("keeps a Persian constraint whose negative verb is its own, far from the budget words", () => {
    expect(voiced("بودجه ما ثابت است و بیشتر از پارسال نمی‌توانیم پرداخت کنیم.")).toContain("constraint")
    expect(voiced("بودجه‌مون تموم شده، بیشتر از این نمی‌تونیم بدیم.")).toContain("constraint")
    expect(voiced("خیلی گرون نیست.")).not.toContain("disparagement")
  })

  it("reads budget limits and value doubts said in other words", () => {
    expect(voiced("We simply don't have the budget for this right now.")).toContain("constraint")
    expect(voiced("Finance won't approve anything above 40k.")).toContain("constraint")
    expect(voiced("That's way more than it's worth.")).toContain("disparagement")
    expect(voiced("این قیمت اصلاً نمی‌ارزه.")).toContain("disparagement")
  })

  it("hears a churn threat, and not its denial", () => {
    expect(voiced("We are evaluating other vendors for next year.")).toContain("churnThreat")
    expect(voiced("We're putting the account out to tender in Q3.")).toContain("churnThreat")
    expect(voiced("We have no plans to switch suppliers.")).not.toContain("churnThreat")
    expect(voiced("We won't renew the contract.")).toContain("churnThreat")
    expect(voiced("اگر حل نشود قرارداد سال بعد را با رقیب می‌بندیم.")).toContain("churnThreat")
    expect(voiced("قرارداد را تمدید نمی‌کنیم.")).toContain("churnThreat")
  })

  it("sets aside a criterion called satisfactory: 'the price was fine. Delivery took too long'", () => {
    expect(voiced("The price was fine. Delivery took too long.")).toEqual(["delivery"])
    expect(voiced("قیمت مناسب بود، ولی تحویل خیلی طول کشید.")).toEqual(["delivery"])
  })

  it("does not take a forwarded message's subject, a signature or a phone footer as the customer's words", () => {
    expect(voiced("Can you look at this?", { subject: "FW: Price list 2024" })).toEqual([])
    expect(voiced("Thanks.\nBest regards,\nTom\nLogistics & Delivery Coordinator")).toEqual([])
    expect(voiced("Received.\n\nSent from my iPhone\nBudget Office - Purchasing Dept.")).toEqual([])
    expect(voiced("ممنون.\nبا احترام\nمدیر کنترل کیفیت")).toEqual([])
  })
})

describe("a second probe of unseen wordings (issue 13)", () => {
  it("hears a price called too high as disparagement, in any wording, and not its denial or another thing's excess", () => {
    expect(voiced("Frankly your prices are way too high for what we get.")).toContain("disparagement")
    expect(voiced("The new pricing is a bit steep.")).toContain("disparagement")
    expect(voiced("قیمت‌هاتون خیلی بالاست.")).toContain("disparagement")
    expect(voiced("قيمت شما واقعا زیاده")).toContain("disparagement")
    expect(voiced("این قیمت اصلا منطقی نیست")).toContain("disparagement")
    expect(voiced("gheymatetoon kheili balast")).toContain("disparagement")
    expect(voiced("Your prices are not too high, but the lead time is.")).not.toContain("disparagement")
    expect(voiced("The reject rate is too high; the price was right.")).not.toContain("disparagement")
    expect(voiced("کیفیت کارتون خیلی بالاست")).not.toContain("disparagement")
    // A rep sees the words in the evidence.
    const p = profileOf(repeated("Your prices are way too high for what we get.", 3))
    expect(p.pushback.label).toBe("disparagement")
    expect(renderMessage(p.pushback.evidence[0]!.reason, "en")).toMatch(/prices are way too high/)
  })

  it("hears a budget that will not stretch, in English and colloquial Persian", () => {
    expect(voiced("We simply don't have room in the budget for this.")).toContain("constraint")
    expect(voiced("Our budget won't stretch that far.")).toContain("constraint")
    expect(voiced("بودجه‌مون اجازه نمیده.")).toContain("constraint")
    expect(voiced("با این بودجه نمی‌تونیم جلو بریم.")).toContain("constraint")
    expect(voiced("Budget is not a constraint this year.")).not.toContain("constraint")
  })

  it("hears churn threats put other ways, and not their denials", () => {
    expect(voiced("We are seriously considering other suppliers.")).toContain("churnThreat")
    expect(voiced("Fix this or we may have to look elsewhere.")).toContain("churnThreat")
    expect(voiced("We are going to put this out to bid next year.")).toContain("churnThreat")
    expect(voiced("اگه درست نشه میریم سراغ یه شرکت دیگه.")).toContain("churnThreat")
    expect(voiced("مجبوریم سراغ رقبا بریم.")).toContain("churnThreat")
    expect(voiced("دیگه با شما کار نمی‌کنیم.")).toContain("churnThreat")
    expect(voiced("dige ba shoma kar nemikonim")).toContain("churnThreat")
    expect(voiced("Procurement wants a better price or they walk.", { channel: "call", direction: "outbound" })).toContain("churnThreat")
    expect(voiced("We are prepared to walk away from this deal.", { channel: "call", direction: "outbound" })).not.toContain("churnThreat")
    expect(voiced("We're not planning to change suppliers.")).not.toContain("churnThreat")
    expect(voiced("قصد تغییر تامین‌کننده نداریم")).not.toContain("churnThreat")
  })

  it("sets aside a criterion called no big deal, put aside, or one they are happy with", () => {
    expect(voiced("Price? Not a big deal for us.")).toEqual([])
    expect(voiced("Cost aside, we need shipments on time.")).toEqual(["delivery"])
    expect(voiced("Less about price, more about reliability.")).toEqual(["quality"])
    expect(voiced("We are happy with delivery and support. The last batch had defects.")).toEqual(["quality"])
    expect(voiced("They said price isn't the main thing, reliability is.", { channel: "call", direction: "outbound" })).toEqual(["quality"])
    expect(voiced("از قیمت‌ها راضی هستیم، ولی تحویل همیشه دیر است.")).toEqual(["delivery"])
    // A request is not satisfaction: "we'd be happy with 10% off" still talks price.
    expect(voiced("We would be happy with a 10% discount.")).toEqual(["price"])
  })

  it("hears multi-quote procurement said plainly, and a hedged threat to look at other suppliers", () => {
    expect(voiced("Our board asked us to get three quotes for every purchase.")).toContain("competitor")
    expect(voiced("طبق روال جدید باید سه استعلام بگیریم")).toContain("competitor")
    expect(voiced("از سه شرکت پیشنهاد قیمت گرفتیم")).toContain("competitor")
    expect(voiced("Would you understand if we looked at other suppliers?")).toContain("churnThreat")
    expect(voiced("We might have to reconsider our supplier.")).toContain("churnThreat")
    expect(voiced("We will not be looking at other suppliers this year.")).not.toContain("churnThreat")
  })

  it("carries a negation past an aside set off by commas, and not past a bare 'No,'", () => {
    expect(voiced("We are not, at this point, looking at alternatives.")).toEqual([])
    // Not too high is a price found acceptable: no criterion either.
    expect(voiced("The price is not, in our view, too high.")).toEqual([])
    expect(voiced("No, we are looking at alternatives.")).toContain("churnThreat")
    expect(voiced("We are not happy, we are looking at alternatives.")).toContain("churnThreat")
    expect(voiced("It is not, frankly, worth the price. Way too expensive.")).toContain("disparagement")
  })

  it("reads colloquial Persian and Finglish pushback, service complaints, threats and needs denied", () => {
    expect(voiced("گرون حساب کردین")).toContain("disparagement")
    // Money (پول) is a price word, as a budget is: "we can't afford it" reads both too.
    expect(voiced("پولشو نداریم")).toEqual(["constraint", "price"])
    expect(voiced("We just don't have the money this quarter.")).toContain("constraint")
    expect(voiced("کسی تلفن رو جواب نمیده")).toEqual(["support"])
    expect(voiced("در حال بررسی پیشنهادهای دیگر هستیم")).toContain("churnThreat")
    expect(voiced("داریم با یه تأمین‌کننده‌ی دیگه صحبت می‌کنیم")).toContain("churnThreat")
    expect(voiced("dar hale barresie pishnahad-haye digar hastim")).toContain("churnThreat")
    // A need denied is no criterion; a need stated is one (sending sooner is delivery).
    expect(voiced("تخفیف نیازی نداریم، فقط زودتر بفرستید")).toEqual(["delivery"])
    expect(voiced("به تخفیف احتیاج نداریم")).toEqual([])
    expect(voiced("ما به تحویل سریع نیاز داریم")).toEqual(["delivery"])
  })

  it("leaves a document's words to the document, whatever the Persian verb's person", () => {
    const note = { channel: "note" as const, direction: "internal" as const }
    expect(voiced("یادداشت داخلی: بروشور رقیب می‌گوید قیمتشان ۱۵٪ ارزان‌تر است", note)).toEqual([])
    expect(voiced("کاتالوگ رقیب میگه تحویل ۴۸ ساعته", note)).toEqual([])
    // The customer saying the same is theirs, in colloquial spelling too (ارزون).
    expect(voiced("مشتری گفت رقیب ۱۵٪ ارزون‌تر داده", note)).toContain("price")
    expect(voiced("لیست قیمت ما رو دیدند و گفتند گرونه", note)).toContain("price")
  })

  it("does not read an out-of-office reply as the customer's words, in English or Persian", () => {
    const ooo = (text: string) => interactionFeatures(k.interaction("A", { at: at(1), subject: "Pricing for Q3", text }))
    const en = ooo("Hi, I'm out of the office until 12/1 with limited access to email. For urgent pricing or delivery matters contact Jane.")
    expect(en.human).toBe(false)
    expect(en.voice).toBe(0)
    expect(ooo("تا پایان هفته در مرخصی هستم و در اولین فرصت پاسخ خواهم داد. برای موضوعات قیمت با واحد فروش تماس بگیرید.").human).toBe(false)
  })

  it("takes a named person in a Persian note, and 'according to the buyer', as the customer speaking", () => {
    const note = { channel: "call" as const, direction: "outbound" as const }
    expect(voiced("جلسه با مشتری: آقای احمدی روی قیمت خیلی حساس بود", note)).toEqual(["price"])
    expect(voiced("According to the buyer, price is the deciding factor.", note)).toEqual(["price"])
    expect(voiced("According to our price list, delivery is free.", note)).toEqual([])
  })
})

describe("'X, not Y' and comparisons (issue 13 probe)", () => {
  it("sets aside the Y of 'X, not Y' and «X، نه Y», and only a bare 'not Y'", () => {
    expect(voiced("Quality, not price, is what we buy on.")).toEqual(["quality"])
    expect(voiced("It's the quality, not the price.")).toEqual(["quality"])
    expect(voiced("کیفیت، نه قیمت، برای ما ملاک است.")).toEqual(["quality"])
    // The same thing twice, or a "not" that says more than "not Y", stays.
    expect(voiced("Delivery, not on time again.")).toEqual(["delivery"])
    expect(voiced("Shipment came late, not the quality we ordered either.")).toEqual(["delivery", "quality"])
  })

  it("reads a hedged or opinion negation several words from its issue word, and keeps a complaint that names a problem", () => {
    expect(voiced("We would not say the price is the problem. The failures are.")).toEqual(["quality"])
    expect(voiced("Pricing has never really been what worries us; the defects are.")).toEqual(["quality"])
    expect(voiced("I don't think price is really the issue here, it's the defects.")).toEqual(["quality"])
    expect(voiced("I wouldn't call the price a concern.")).toEqual([])
    expect(voiced("Shipments do not arrive on time and that is a problem.")).toEqual(["delivery"])
  })

  it("sets aside what a comparison ranks lower: 'matters more to us than price', 'ahead of cost'", () => {
    expect(voiced("Delivery times matter more to us than price.")).toEqual(["delivery"])
    expect(voiced("Reliability is more important than price.")).toEqual(["quality"])
    expect(voiced("Reliability ahead of cost, always.")).toEqual(["quality"])
    // Nothing ranked above it: "more than a discount" is still about price.
    expect(voiced("We need more than a discount.")).toEqual(["price"])
    expect(voiced("Quality is poor and we can't pay more than this.")).toEqual(["constraint", "quality"])
    // Persian ranks with «X از Y مهم‌تر است» or «X مهم‌تر از Y»; "از" alone compares nothing.
    expect(voiced("برای ما زمان تحویل از قیمت مهم‌تره")).toEqual(["delivery"])
    expect(voiced("دوام دستگاه از هزینه اولیه اهمیت بیشتری دارد")).toEqual(["quality"])
    expect(voiced("برای ما کیفیت خیلی مهم‌تر از تخفیفه")).toEqual(["quality"])
    expect(voiced("قیمت از همه چیز مهم‌تره")).toEqual(["price"])
    expect(voiced("از تاخیر و کیفیت پایین خسته شدیم")).toEqual(["delivery", "quality"])
    const profile = profileOf(repeated("Honestly, uptime matters more to us than the price.", 3))
    expect(profile.decisionCriteria.label).toBe("support")
    expect(profile.decisionCriteria.weights.price).toBe(0)
  })
})

describe("a generic case type with a telling subject (issue 13 probe)", () => {
  it("reads a Question or Request whose subject reports a failure, a missing order or a rude driver as a complaint about it", () => {
    const kase = (subject: string, type: string) => caseFeatures(k.kase("G", { subject, type, openedAt: at(1), closedAt: at(2) }))
    const complaints: Array<[string, string, keyof typeof CUE]> = [
      ["Machine keeps breaking down, third time this month", "Question", "quality"],
      ["Replacement needed - unit arrived damaged", "Request", "quality"],
      ["دستگاه دوباره از کار افتاد", "Question", "quality"],
      ["Why has our order not arrived yet?", "Question", "delivery"],
      ["چرا سفارش ما هنوز نرسیده؟", "Question", "delivery"],
      ["Driver was rude to our staff", "Problem", "support"]
    ]
    for (const [subject, type, criterion] of complaints) {
      const f = kase(subject, type)
      expect(f.isRequest, subject).toBe(false)
      expect(f.voice & CUE[criterion], subject).not.toBe(0)
    }
    // A how-to question stays a service request, whatever the type.
    expect(kase("How do I export the monthly report?", "Problem").isRequest).toBe(true)
    expect(kase("سوال درباره نحوه نصب", "Problem").isRequest).toBe(true)
  })

  it("reads a Request for a quality document as a service request: naming a criterion reports no failure", () => {
    const kase = (subject: string, type: string, description?: string) => caseFeatures(k.kase("D", { subject, type, description, openedAt: at(1), closedAt: at(2) }))
    for (const [subject, description] of [
      ["Please send the ISO 9001 certificate", "Our auditor needs it for the supplier file."],
      ["ISO 9001 certificate", "Please send the current quality certificate and the delivery schedule for Q3."],
      ["لطفا گواهی ایزو را ارسال کنید", "برای پرونده تامین‌کننده لازم است."],
      ["گواهی کیفیت", "لطفا گواهی ایزو و برنامه تحویل فصل بعد را بفرستید."]
    ] as const) {
      const f = kase(subject, "Request", description)
      expect(f.voice & CUE.quality, subject).not.toBe(0)
      expect(f.isRequest, subject).toBe(true)
    }
    // A failure reported in the same request is still a complaint, and so is a late delivery of type Problem.
    expect(kase("Please send the ISO 9001 certificate", "Request", "Also, the last batch arrived damaged.").isRequest).toBe(false)
    expect(kase("لطفا گواهی ایزو را ارسال کنید", "Request", "قطعات محموله قبلی معیوب بود.").isRequest).toBe(false)
    expect(kase("Late delivery", "Problem").isRequest).toBe(false)
    expect(kase("تاخیر در تحویل", "Problem").isRequest).toBe(false)
  })

  it("counts certificate requests as service requests, not complaints, in the profile (EN, FA)", () => {
    for (const [subject, description] of [["Please send the ISO 9001 certificate", "Needed for our audit."], ["لطفا گواهی ایزو را ارسال کنید", "برای ممیزی لازم است."]] as const) {
      const cases = Array.from({ length: 6 }, (_, n) => k.kase(`I${n}`, { subject, description, type: "Request", openedAt: at(40 + n * 50), closedAt: at(40.2 + n * 50) }))
      const profile = profileOf([], { cases })
      expect(profile.complaints.requests, subject).toBe(6)
      expect(profile.complaints.pressure, subject).toBe(0)
    }
  })

  it("names the criterion of an account whose cases are all of type Question", () => {
    const subjects = ["Machine keeps breaking down again", "Pump stopped working after two days", "دستگاه کار نمی‌کنه", "Unit arrived damaged, cracked housing"]
    const cases = subjects.map((subject, n) => k.kase(`Q${n}`, { subject, type: "Question", openedAt: at(40 + n * 60), closedAt: at(44 + n * 60) }))
    const profile = profileOf([], { cases })
    expect(profile.decisionCriteria.label).toBe("quality")
    expect(profile.complaints.requests ?? 0).toBe(0)
  })
})

describe("service requests and decision criteria", () => {
  it("does not read support as what they buy on from how-to questions alone (EN and FA)", () => {
    const cases = [
      ...Array.from({ length: 6 }, (_, n) => k.kase(`H${n}`, { subject: "Training request", description: "How do we configure the new reports for our team?", openedAt: at(20 + n * 30), closedAt: at(20 + n * 30 + 0.2), isClosed: true, status: "Closed" })),
      ...Array.from({ length: 6 }, (_, n) => k.kase(`P${n}`, { subject: "درخواست راهنمایی", description: "چطور گزارش‌های جدید را تنظیم کنیم؟", openedAt: at(35 + n * 30), closedAt: at(35 + n * 30 + 0.2), isClosed: true, status: "Closed" }))
    ]
    const profile = profileOf([], { cases })
    expect(profile.decisionCriteria.label).not.toBe("support")
    expect(profile.decisionCriteria.weights.support).toBeLessThan(0.5)
  })
})

describe("a third probe of unseen wordings (issue 13)", () => {
  it("hears a limited, cut or frozen budget, and spending beyond plan, as a constraint, and not a budget that grew", () => {
    for (const text of [
      "Our budget is limited this year.", "Customer mentioned budget constraints for Q3.", "Budget got cut by 20%.",
      "Finance froze all spending until March.", "We can't stretch beyond 40k.", "That's more than we were planning to spend.",
      "بودجه امسال محدود است.", "با این کمبود بودجه فعلاً باید صبر کنیم.", "بیشتر از ۵۰ میلیون مجوز خرید نداریم."
    ]) expect(voiced(text), text).toContain("constraint")
    expect(voiced("Our budget doubled this year.")).not.toContain("constraint")
    expect(voiced("بودجه ما امسال دو برابر شد.")).not.toContain("constraint")
    expect(voiced("We have no budget constraints; delivery matters most.")).not.toContain("constraint")
    expect(voiced("محدودیت بودجه نداریم، کیفیت مهمه.")).not.toContain("constraint")
  })

  it("reads a certification demand as quality", () => {
    expect(voiced("We need ISO-certified parts for the new line.")).toContain("quality")
    expect(voiced("گواهی ایزو برای قطعات لازم داریم.")).toContain("quality")
  })
})

describe("a fourth probe: criteria said the way reps and buyers write them (issue 13)", () => {
  it("hears delivery in on-time, customs and late-arrival wordings", () => {
    expect(voiced("برامون مهمه که جنس سر وقت برسه.")).toContain("delivery")
    expect(voiced("بار هنوز تو گمرکه.")).toContain("delivery")
    expect(voiced("The pallets are stuck in customs since Monday.")).toContain("delivery")
  })

  it("hears quality in returns, and support in a technician who never came or a phone nobody answers", () => {
    expect(voiced("نصف قطعات مرجوعی شد.")).toContain("quality")
    expect(voiced("We opened another RMA for the same board.")).toContain("quality")
    expect(voiced("Your tech never showed up.")).toContain("support")
    expect(voiced("کارشناس‌تون سه روزه جواب تلفن نمی‌ده.")).toContain("support")
  })

  it("hears a competitor undercutting us as price, and a threat to buy elsewhere in Persian", () => {
    expect(voiced("They undercut you by a wide margin.")).toContain("price")
    expect(voiced("Acme came in lower on the last two bids.")).toContain("price")
    expect(voiced("اگه تخفیف ندید از جای دیگه می‌خریم.")).toContain("churnThreat")
    expect(voiced("You're 15% above the others.")).toContain("price")
    expect(voiced("قیمتتون ۱۰ درصد بالاتر از بقیه است.")).toContain("price")
  })

  it("hears a rush as delivery", () => {
    expect(voiced("کی می‌رسه؟ عجله داریم.")).toContain("delivery")
  })

  it("hears a churn threat in a case written by our agent or in colloquial Persian", () => {
    const threat = (subject: string) => (caseFeatures(k.kase("K", { subject, type: "Problem", openedAt: at(1), closedAt: at(2) })).voice & CUE.churnThreat) !== 0
    expect(threat("Customer threatens to cancel contract over repeated delays")).toBe(true)
    expect(threat("قرارداد رو لغو می‌کنیم اگه تاخیرها ادامه پیدا کنه")).toBe(true)
    expect(threat("Customer asks how to cancel a duplicate order line")).toBe(false)
  })

  it("sets aside what they say they do not seek, and a price that seems fair", () => {
    const notCheapest = voiced("We're not looking for the cheapest, we want reliability.")
    expect(notCheapest).toContain("quality")
    expect(notCheapest).not.toContain("price")
    expect(voiced("We don't care about the price as long as it ships on time.")).not.toContain("price")
    expect(voiced("Pricing seems fair.")).not.toContain("price")
  })
})

describe("what they leave us over outweighs how hard they haggle (issue 13)", () => {
  for (const [language, reason] of [["English", "Delivery lead time too long"], ["Persian", "زمان تحویل خیلی طولانی بود"]] as const) {
    it(`reads two deals lost on lead time as delivery, though every deal went three discount rounds (${language})`, () => {
      const deals = [0, 1, 2, 3, 4].map((i) =>
        quotedDeal(k, `H${i}`, i * 70, [2 + i, 4 + i, 6 + i], {
          name: `Order ${i}`, isClosed: i < 4, isWon: i % 2 === 0, closeDate: at(i * 70 + 40), ...(i === 1 || i === 3 ? { lossReason: reason } : {})
        }))
      const profile = profileOf([], { deals: deals.map((d) => d.deal), quotes: deals.flatMap((d) => d.quotes), quoteLines: deals.flatMap((d) => d.lines) })
      expect(profile.decisionCriteria.label).toBe("delivery")
      // The stated reasons lead the evidence; the haggling still shows as price's share.
      expect(keysOf(profile.decisionCriteria.evidence).slice(0, 2).sort()).toEqual([k.key("H1"), k.key("H3")])
      expect(profile.decisionCriteria.weights.price).toBeGreaterThan(0.3)
    })
  }
})

describe("a call that reached them is contact, a voicemail is not (issue 13)", () => {
  /** Six months of two-way mail, then a year of our calls only, noted as `note`. */
  function calls(note: string) {
    const earlier = Array.from({ length: 12 }, (_, i) => k.interaction(`M${i}`, { at: at(i * 15), direction: i % 2 ? "inbound" : "outbound", subject: "Order follow-up", text: "Thanks, talk soon." }))
    const ours = Array.from({ length: 20 }, (_, i) => k.interaction(`K${i}`, { at: at(200 + i * 10), channel: "call", direction: "outbound", sourceObject: "Task", subject: "Call", text: note }))
    return classifyRelationship(k.history(k.account({ name: "Reading Co" }), { interactions: [...earlier, ...ours] }), { now: at(400) })
  }

  for (const note of ["Discussed the Q3 order with Anna.", "Spoke to the buyer about volumes.", "با خانم احمدی درباره سفارش صحبت کردیم."]) {
    it(`counts a call noted "${note}" as two-way contact`, () => {
      const profile = calls(note)
      expect(profile.engagement!.silent).toBe(false)
      expect(profile.engagement!.unansweredOutreach).toBe(0)
      expect(profile.risk.reasons.map((r) => r.signal)).not.toContain("gone-silent")
    })
  }

  for (const note of ["Left voicemail, no answer.", "تماس گرفتم، جواب نداد."]) {
    it(`does not count a call noted "${note}": the account is silent and its activity fell`, () => {
      const profile = calls(note)
      expect(profile.engagement!.silent).toBe(true)
      expect(profile.engagement!.unansweredOutreach).toBe(20)
      expect(profile.risk.reasons.map((r) => r.signal)).toEqual(expect.arrayContaining(["gone-silent", "falling-activity"]))
      expect(profile.risk.label).toBe("at-risk")
    })
  }
})

describe("a third probe: how reps and buyers actually put it (issue 13)", () => {
  const note = { channel: "call" as const, direction: "outbound" as const }

  it("hears a discount asked for as a percentage, with the Persian percent sign and digits", () => {
    expect(voiced("Can you do 10% off?")).toEqual(["price"])
    expect(voiced("Any chance of 5 percent off if we order 200?")).toEqual(["price"])
    expect(voiced("۱۰٪ تخفیف می‌دید؟")).toEqual(["price"])
    expect(voiced("اگه ۱۰ درصد کمتر بدید همین هفته سفارش می‌دیم")).toEqual(["price"])
    const profile = profileOf(repeated("Can you do 10% off? We order every month.", 3))
    expect(profile.decisionCriteria.label).toBe("price")
  })

  it("lets a refused discount take only price with it, not the delivery asked for instead", () => {
    expect(voiced("We don't need a discount, just on-time delivery.")).toEqual(["delivery"])
    expect(voiced("We don't need a discount just on-time delivery.")).toEqual(["delivery"])
    expect(voiced("We are not looking for a discount.")).toEqual([])
    expect(voiced("No discount needed, just reliable parts.")).toEqual(["quality"])
    expect(voiced("Discount not required.")).toEqual([])
    expect(voiced("تخفیف لازم نداریم، فقط تحویل به‌موقع مهمه.")).toEqual(["delivery"])
    expect(voiced("تخفیف نمی‌خوایم، فقط تحویل به‌موقع.")).toEqual(["delivery"])
    // What they refuse to see again is what they care about.
    expect(voiced("We don't want a price increase.")).toEqual(["price"])
    expect(voiced("افزایش قیمت نمی‌خوایم.")).toEqual(["price"])
    expect(voiced("We don't want another late delivery.")).toEqual(["delivery"])
    expect(voiced("دیگه تاخیر نمی‌خوایم.")).toEqual(["delivery"])
  })

  it("lets a hedged clause yield to the contrast after it", () => {
    expect(voiced("Maybe price is a factor, but quality decides.")).toEqual(["quality"])
    expect(voiced("Of course price matters, but reliability decides it for us.")).toEqual(["quality"])
    expect(voiced("شاید قیمت هم مهم باشه، ولی کیفیت تعیین‌کننده است.")).toEqual(["quality"])
    expect(voiced("البته قیمت هم مهمه ولی تحویل به‌موقع مهم‌تره.")).toEqual(["delivery"])
    // A hedge alone still says it; a contrast naming nothing else sets nothing aside.
    expect(voiced("Maybe price is a factor.")).toEqual(["price"])
    expect(voiced("Maybe the delivery was late, but we will see.")).toEqual(["delivery"])
    const profile = profileOf(repeated("Maybe price is a factor, but quality decides.", 3))
    expect(profile.decisionCriteria.label).toBe("quality")
    expect(profile.decisionCriteria.weights.price).toBe(0)
  })

  it("hears a quote or proposal called too high as price pushback", () => {
    expect(voiced("The quote is a bit steep.")).toEqual(["disparagement", "price"])
    expect(voiced("Your proposal is on the high side.")).toEqual(["disparagement", "price"])
    expect(voiced("پیش‌فاکتور یه کم بالاست.")).toEqual(["disparagement", "price"])
    expect(voiced("قیمت پیشنهادیتون زیاده.")).toEqual(["disparagement", "price"])
    expect(voiced("The quote is not too high, the lead time is.")).toEqual(["delivery"])
    const profile = profileOf(repeated("The quote is a bit steep for this volume.", 3))
    expect(profile.pushback.label).toBe("disparagement")
    expect(renderMessage(profile.pushback.evidence[0]!.reason, "en")).toMatch(/quote is a bit steep/)
  })

  it("does not read routine order handling as a delivery criterion, and still reads lateness", () => {
    expect(voiced("Please ship the order to the Berlin warehouse.")).toEqual([])
    expect(voiced("Shipping address: Hauptstr. 5, Berlin.")).toEqual([])
    expect(voiced("لطفاً سفارش رو بفرستید انبار.")).toEqual([])
    expect(voiced("لطفاً سفارش را به انبار تهران ارسال کنید.")).toEqual([])
    expect(voiced("لطفاً پیش‌فاکتور را ارسال کنید.")).toEqual([])
    expect(voiced("The shipment is late again.")).toEqual(["delivery"])
    expect(voiced("Please ship the late items to Berlin.")).toEqual(["delivery"])
    expect(voiced("Please ship faster.")).toEqual(["delivery"])
    expect(voiced("لطفاً زودتر ارسال کنید.")).toEqual(["delivery"])
    expect(voiced("محموله باز هم دیر رسید.")).toEqual(["delivery"])
    expect(voiced("محموله را باز هم دیر ارسال کردید.")).toEqual(["delivery"])
    const profile = profileOf(repeated("Please ship the order to the Berlin warehouse.", 6))
    expect(profile.decisionCriteria.label).toBe("unknown")
    expect(profile.decisionCriteria.evidence).toEqual([])
  })

  it("sets aside a criterion accepted in a word: price ok, pricing fine, قیمت اوکیه", () => {
    expect(voiced("Price ok.")).toEqual([])
    expect(voiced("Pricing is fine.")).toEqual([])
    expect(voiced("Delivery OK but quality poor.")).toEqual(["quality"])
    expect(voiced("Quality not ok, price fine.")).toEqual(["quality"])
    expect(voiced("قیمت اوکیه.")).toEqual([])
    expect(voiced("قیمت مشکلی نداره.")).toEqual([])
    expect(voiced("قیمت خوبه ولی تحویل همیشه دیره.")).toEqual(["delivery"])
    expect(voiced("کیفیت قابل قبول نیست.")).toEqual(["quality"])
    const profile = profileOf(repeated("Price ok.", 3))
    expect(profile.decisionCriteria.label).toBe("unknown")
    expect(profile.decisionCriteria.evidence).toEqual([])
    expect(profile.pushback.label).toBe("none")
  })

  it("reads Persian verbs typed with a half-space, a space or joined", () => {
    for (const form of ["نمی‌خوایم", "نمی خوایم", "نمیخوایم"]) expect(voiced(`تخفیف ${form}، فقط تحویل سریع.`), form).toEqual(["delivery"])
    for (const form of ["می‌خوان", "می خوان", "میخوان"]) expect(voiced(`تخفیف بیشتر ${form}.`, note), form).toEqual(["price"])
    expect(voiced("قیمت مشکلی نداریم ولی کیفیت پایینه.")).toEqual(["quality"])
    expect(voiced("takhfif nemikhaym, faghat tahvil be moghe")).toEqual(["delivery"])
  })

  it("takes a rep's shorthand for the customer's objection as theirs", () => {
    expect(voiced("Objection: price", note)).toEqual(["price"])
    expect(voiced("Main concern - delivery", note)).toEqual(["delivery"])
    expect(voiced("Concerns: price, lead times", note)).toEqual(["delivery", "price"])
    expect(voiced("دغدغه اصلی: قیمت", note)).toEqual(["price"])
    expect(voiced("اعتراض: تحویل", note)).toEqual(["delivery"])
    expect(voiced("فقط قیمت براشون مهمه", note)).toEqual(["price"])
    // Our own handling of it is not their words.
    expect(voiced("Objection handling: we explained the price", note)).toEqual([])
  })

  it("hears frozen budgets, multi-quote procurement and other suppliers in more wordings", () => {
    expect(voiced("Budget is frozen until Q3.")).toContain("constraint")
    expect(voiced("They cut our budget by 20%.", note)).toContain("constraint")
    expect(voiced("بودجه تا سه ماه دیگه بسته است.")).toContain("constraint")
    expect(voiced("کاهش بودجه داشتیم.")).toContain("constraint")
    expect(voiced("Budget cuts mean we can't renew at this price.")).toContain("constraint")
    expect(voiced("بودجه امسال نصف شده.")).toContain("constraint")
    expect(voiced("Budget is not frozen this year.")).not.toContain("constraint")
    expect(voiced("The CFO wants three bids before approving.", note)).toContain("competitor")
    expect(voiced("مدیر خرید گفت باید سه تا پیش‌فاکتور بگیرن.", note)).toContain("competitor")
    expect(voiced("Procurement wants three quotes.", note)).toContain("competitor")
    expect(voiced("We're evaluating other vendors.")).toContain("churnThreat")
    expect(voiced("داریم با تأمین‌کننده‌های دیگه هم صحبت می‌کنیم.")).toContain("churnThreat")
    expect(voiced("داریم با تأمین‌کننده‌های دیگه هم صحبت می‌کنیم.")).toContain("competitor")
    expect(voiced("ممکنه حجم رو ببریم پیش یه تأمین‌کننده دیگه.")).toContain("churnThreat")
    const profile = profileOf(repeated("Budget is frozen until Q3, we cannot add anything.", 3))
    expect(profile.pushback.label).toBe("constraint")
  })

  it("hears how buyers ask a seller to move", () => {
    expect(voiced("Can you sharpen your pencil on this one?")).toEqual(["price"])
    expect(voiced("What's your best and final?")).toEqual(["price"])
    expect(voiced("Can you do better on the quote? 5% would help.")).toEqual(["price"])
    expect(voiced("یه کم قیمت رو بیاید پایین‌تر.")).toEqual(["price"])
    expect(voiced("پیش‌فاکتورتون بالاتر از انتظار ما بود.")).toEqual(["disparagement", "price"])
    // Higher than a rival's is a comparison, not a judgement of our value.
    expect(voiced("قیمتتون از بقیه بالاتره.")).toEqual(["price"])
  })
})

describe("what they do not seek, what they cannot pay, whose subject a reply carries (issue 13, fourth probe)", () => {
  it("reads 'not looking for the cheapest' alike in English and Persian: quality, not price", () => {
    for (const text of [
      "We are not looking for the cheapest, we want quality.",
      "ما دنبال ارزون‌ترین نیستیم، دنبال کیفیتیم.",
      "دنبال ارزون‌ترین نیستیم. کیفیت و دوام برامون مهمه.",
      "ارزون‌ترین برامون مهم نیست، کیفیت مهمه.",
      "فقط قیمت برامون مهم نیست، کیفیت مهمه."
    ]) {
      const profile = profileOf(repeated(text, 3))
      expect(profile.decisionCriteria.label, text).toBe("quality")
      expect(profile.decisionCriteria.weights.price, text).toBe(0)
    }
    // Looking for it, they voice it.
    expect(voiced("ما دنبال ارزون‌ترین قیمتیم.")).toEqual(["price"])
  })

  it("reads a stated budget ceiling as a constraint, in English and Persian", () => {
    for (const text of [
      "We only have 30k approved for this.",
      "Our budget tops out at 40k.",
      "We can't go above 25,000.",
      "The most we can pay is 30k.",
      "حداکثر ۴۰ میلیون می‌تونیم بدیم.",
      "بیشتر از ۳۰ میلیون بودجه نداریم.",
      "سقف بودجه‌مون ۵۰ میلیونه.",
      "نهایتاً ۳۰ میلیون می‌تونیم پرداخت کنیم."
    ]) {
      const profile = profileOf(repeated(text, 3))
      expect(profile.pushback.label, text).toBe("constraint")
      expect(profile.pushback.constraint, text).toBe(3)
    }
    // A ceiling on something else, or none at all, is no constraint.
    for (const text of ["Lead time should be at most two weeks.", "حداکثر زمان تحویل دو هفته است.", "بودجه سقف نداره، کیفیت مهمه.", "The budget was approved last week."]) {
      expect(voiced(text), text).not.toContain("constraint")
    }
  })

  it("reads a reply's subject as the message it answers: the body is the customer's", () => {
    const replies = [
      k.interaction("R1", { at: at(100), subject: "RE: Our price list", text: "Thanks. The last batch had defects, fix that first." }),
      k.interaction("R2", { at: at(160), subject: "Re: Your quote Q-1042", text: "Received, the quality team will review it." }),
      k.interaction("R3", { at: at(220), subject: "پاسخ: لیست قیمت ما", text: "ممنون. کیفیت محموله قبلی پایین بود." })
    ]
    const profile = profileOf(replies)
    expect(profile.decisionCriteria.label).toBe("quality")
    expect(profile.decisionCriteria.weights.price).toBe(0)
    // The body decides, whoever first wrote the subject: a reply about something else says that.
    expect(voiced("Thanks for the update, the quality was poor though.", { subject: "RE: Delivery delays on our order" })).toEqual(["quality"])
    expect(voiced("Still late, we need the parts this week.", { subject: "RE: Delivery delays on our order" })).toEqual(["delivery"])
    expect(voiced("هنوز نرسیده، این هفته لازم داریم.", { subject: "پاسخ: تاخیر در تحویل سفارش" })).toEqual(["delivery"])
    // A subject they wrote themselves is theirs.
    expect(voiced("Please advise.", { subject: "Price increase concerns" })).toEqual(["price"])
    expect(voiced("لطفا بررسی کنید.", { subject: "قیمت‌هاتون بالاست" })).toEqual(["disparagement", "price"])
  })

  it("counts an email copied by a sync tool in the wrong time zone once, and keeps what only repeats", () => {
    const sent = Date.UTC(2023, 4, 10, 9, 12, 31)
    const mail = (id: string, when: number, subject: string, text: string, fields: Partial<Interaction> = {}) =>
      k.interaction(id, { at: when, subject, text, sourceObject: "EmailMessage", ...fields })
    const task = (id: string, when: number, subject: string, text: string) =>
      k.interaction(id, { at: when, direction: "unknown", channel: "email", sourceObject: "Task", subject, text })
    const hours = 3_600_000
    const copies = [
      mail("02sEN", sent, "Delivery of PO 4471", "The pumps are late again."),
      task("00TEN", sent + 3 * hours, "Email: Delivery of PO 4471", "The pumps are late again."),
      mail("02sFA", sent + 40 * 86_400_000, "تاخیر در تحویل", "تحویل سفارش دوباره دیر شد."),
      task("00TFA", sent + 40 * 86_400_000 + 3.5 * hours, "ایمیل: تاخیر در تحویل", "تحویل سفارش دوباره دیر شد.")
    ]
    const profile = profileOf(copies)
    expect(profile.duplicates).toBe(2)
    expect(profile.sampleSize.interactions).toBe(2)
    expect(keysOf(profile.decisionCriteria.evidence)).not.toContain(k.key("00TEN"))
    // Not a zone's shift (3 h 7 min), a newsletter again the next day, two calls named "Follow-up" an hour apart.
    expect(profileOf([copies[0]!, task("00TODD", sent + 3 * hours + 7 * 60_000, "Delivery of PO 4471", "The pumps are late again.")]).duplicates).toBe(0)
    const news = (id: string, day: number) => mail(id, Date.UTC(2023, 4, day, 20), "Newsletter May", "Our spring offers. Unsubscribe here.", { direction: "outbound" })
    expect(profileOf([news("N1", 10), news("N2", 11)]).duplicates).toBe(0)
    const morning = mail("N3", Date.UTC(2023, 4, 11, 8), "Newsletter May", "Our spring offers. Unsubscribe here.", { direction: "outbound" })
    expect(profileOf([news("N1", 10), morning]).duplicates).toBe(0)
    const call = (id: string, hour: number) => k.interaction(id, { at: Date.UTC(2023, 4, 10, hour), channel: "call", direction: "outbound", sourceObject: "Task", subject: "Follow-up" })
    expect(profileOf([call("C1", 9), call("C2", 10)]).duplicates).toBe(0)
    const bare = (id: string, hour: number) => mail(id, Date.UTC(2023, 4, 10, hour), "Follow-up", "")
    expect(profileOf([bare("B1", 9), bare("B2", 10)]).duplicates).toBe(0)
    // Two short thanks on one thread, hours apart, are two replies.
    const thanks = (id: string, hour: number, text: string) => mail(id, Date.UTC(2023, 4, 10, hour), "RE: Order 4471", text)
    expect(profileOf([thanks("T1", 9, "Thanks, got it."), thanks("T2", 12, "Thanks, got it.")]).duplicates).toBe(0)
    expect(profileOf([thanks("T3", 9, "ممنون، رسید."), thanks("T4", 12, "ممنون، رسید.")]).duplicates).toBe(0)
  })
})

describe("a price denied to be high, a value affirmed, a stake that is no money (issue 13, fourth probe)", () => {
  it("reads a price said not to be high as no criterion: what follows the contrast decides", () => {
    for (const text of [
      "The price isn't bad, but delivery was late again.",
      "It's not too pricey, but the shipment came two weeks late.",
      "قیمت گرون نیست ولی تحویل دیر بود.",
      "قیمتش خیلی گرون نیست، تحویل همیشه با تاخیره."
    ]) {
      const profile = profileOf(repeated(text, 3))
      expect(profile.decisionCriteria.label, text).toBe("delivery")
      expect(profile.decisionCriteria.weights.price, text).toBe(0)
      expect(profile.pushback.label, text).toBe("none")
    }
    // "Useless" is a complaint about what it qualifies.
    expect(voiced("کیفیت جنس‌تون به درد نمی‌خوره.")).toEqual(["quality"])
  })

  it("reads 'pricey, but worth it' as price talk without disparagement", () => {
    for (const text of ["Pricey, but worth it.", "Not cheap, but worth every penny.", "گرونه ولی می‌ارزه.", "گرونه، ولی ارزشش رو داره."]) {
      const profile = profileOf(repeated(text, 3))
      expect(profile.pushback.disparagement, text).toBe(0)
    }
    // Not worth it is disparagement.
    expect(voiced("Too expensive, not worth it.")).toContain("disparagement")
    expect(voiced("گرونه و نمی‌ارزه.")).toContain("disparagement")
  })

  it("reads 'we can't afford delays' as delivery, not a budget constraint", () => {
    for (const text of ["We can't afford delays on this line.", "We cannot afford another late shipment.", "دیگه تحمل تاخیر نداریم."]) {
      const profile = profileOf(repeated(text, 3))
      expect(profile.decisionCriteria.label, text).toBe("delivery")
      expect(profile.decisionCriteria.weights.price, text).toBe(0)
      expect(profile.pushback.constraint, text).toBe(0)
    }
    // What costs money stays a constraint.
    expect(voiced("We can't afford another price increase.")).toEqual(["constraint", "price"])
    expect(voiced("با این قیمت توان پرداخت نداریم.")).toContain("constraint")
  })

  it("hears a rival's price said as so much less than ours", () => {
    expect(voiced("Competitor X offered 10% less.")).toEqual(["competitor", "price"])
    expect(voiced("Acme came in 7 percent cheaper.")).toContain("price")
    expect(voiced("رقیب ۱۰ درصد کمتر داد.")).toEqual(["competitor", "price"])
  })
})

describe("praise and a second rank are no decision criterion (issue 13, fourth probe)", () => {
  const call = { channel: "call" as const, direction: "outbound" as const }
  it("reads what they praise or rank second as set aside, in our notes and their mail", () => {
    const profile = profileOf([
      k.interaction("P1", { at: at(100), subject: "Quarterly review", text: "Meeting with procurement: they need delivery within 2 weeks, price is secondary.", ...call }),
      k.interaction("P2", { at: at(130), subject: "Call", text: "They're happy with quality, only concern is lead time.", ...call }),
      k.interaction("P3", { at: at(160), subject: "Batch 9", text: "Quality is great, but the shipment was late again." }),
      k.interaction("P4", { at: at(190), subject: "جلسه", text: "جلسه با خرید: گفتند قیمت فرعیه، تحویل به موقع مهمه.", ...call }),
      k.interaction("P5", { at: at(220), subject: "سفارش ۱۲", text: "کیفیت عالیه ولی محموله باز دیر رسید." })
    ])
    expect(profile.decisionCriteria.label).toBe("delivery")
    expect(profile.decisionCriteria.weights.price).toBe(0)
    expect(profile.decisionCriteria.weights.quality).toBe(0)
    // Praise denied is a complaint.
    expect(voiced("Quality is not great lately.")).toEqual(["quality"])
    expect(voiced("کیفیت عالی نیست.")).toEqual(["quality"])
    expect(voiced("Quality issues at our secondary plant again.")).toEqual(["quality"])
  })
})

describe("what matters more, on what condition, and what does not pay (issue 13, fourth probe)", () => {
  it("reads 'X matters, but Y matters more' as Y, in English and Persian", () => {
    for (const text of ["Price matters, but quality matters more.", "Price is important but quality is more important.", "قیمت مهمه ولی کیفیت مهم‌تره."]) {
      const profile = profileOf(repeated(text, 3))
      expect(profile.decisionCriteria.label, text).toBe("quality")
      expect(profile.decisionCriteria.weights.price, text).toBe(0)
    }
    // Both named alike stay both.
    expect(voiced("هم قیمت هم کیفیت برامون مهمه.")).toEqual(["price", "quality"])
  })

  it("reads a condition as a clause of its own: 'we don't mind the price as long as it ships on time'", () => {
    for (const text of ["We don't mind the price as long as it ships on time.", "قیمت برامون مهم نیست به شرطی که به موقع برسه."]) {
      const profile = profileOf(repeated(text, 3))
      expect(profile.decisionCriteria.label, text).toBe("delivery")
      expect(profile.decisionCriteria.weights.price, text).toBe(0)
    }
  })

  it("hears «نمی‌صرفه», «برامون صرف نداره» as price disparaged", () => {
    for (const text of ["با این قیمت برامون نمی‌صرفه.", "برامون صرف نداره.", "این پیشنهاد به صرفه نیست."]) {
      const profile = profileOf(repeated(text, 3))
      expect(profile.pushback.label, text).toBe("disparagement")
      expect(profile.decisionCriteria.label, text).toBe("price")
    }
    expect(voiced("It's not cost-effective for us, not worth the price.")).toContain("disparagement")
  })
})

describe("buyers who say they do not buy on price (issue 13, fourth probe)", () => {
  it("reads 'not chasing the lowest price', 'never buy on price', «کمترین قیمت هدف ما نیست» as no price criterion", () => {
    const call = { channel: "call" as const, direction: "outbound" as const, subject: "Call" }
    const profile = profileOf([
      k.interaction("B1", { at: at(100), subject: "Supplier review", text: "We aren't chasing the lowest price; reliability of the pumps is what we need." }),
      k.interaction("B2", { at: at(140), subject: "Renewal", text: "We never buy on price alone. The last batch had defects." }),
      k.interaction("B3", { at: at(180), subject: "تمدید", text: "کمترین قیمت هدف ما نیست، دوام دستگاه برامون مهمه." }),
      k.interaction("B4", { at: at(220), text: "Customer isn't chasing the lowest price; reliability is key for them.", ...call }),
      k.interaction("B5", { at: at(260), text: "We're not price shoppers, quality first." })
    ])
    expect(profile.decisionCriteria.label).toBe("quality")
    expect(profile.decisionCriteria.weights.price).toBe(0)
  })

  it("keeps what they do buy on, and what is said near an unrelated 'don't buy on'", () => {
    expect(voiced("ما فقط بر اساس قیمت خرید نمی‌کنیم، کیفیت مهمه.")).toEqual(["quality"])
    expect(voiced("Delivery was late. We don't buy on credit.")).toEqual(["delivery"])
  })

  it("keeps 'on time' asked for beside an order instruction: «فقط سر وقت تحویل بدید»", () => {
    expect(voiced("تخفیف لازم نداریم، فقط سر وقت تحویل بدید.")).toEqual(["delivery"])
    expect(voiced("No discount needed, just deliver on time.")).toEqual(["delivery"])
  })
})

describe("more of how buyers put it (issue 13, fourth probe)", () => {
  it("hears what is billed, hands tied, a rush and goods asked good, and a decisive factor denied", () => {
    expect(voiced("Your quote is double what Acme charges.")).toEqual(["price"])
    expect(voiced("The batteries arrived charged and working.")).toEqual([])
    expect(voiced("The person in charge of logistics will call you.")).toEqual(["delivery"])
    expect(voiced("Our hands are tied on budget this year.")).toEqual(["constraint", "price"])
    expect(voiced("Please expedite, our line is down.")).toEqual(["delivery"])
    expect(voiced("پولش مهم نیست، فقط زود برسونید.")).toEqual(["delivery"])
    expect(voiced("جنس خوب بدید، پولش مهم نیست.")).toEqual(["quality"])
    expect(voiced("جنس‌تون نامرغوب بود.")).toEqual(["quality"])
    const profile = profileOf(repeated("قیمت تعیین‌کننده نیست، دوام و کیفیت برامون مهمه.", 3))
    expect(profile.decisionCriteria.label).toBe("quality")
    expect(profile.decisionCriteria.weights.price).toBe(0)
  })
})

describe("a budget ceiling as a rep notes it (issue 13, fourth probe)", () => {
  const call = { channel: "call" as const, direction: "outbound" as const, subject: "Call" }
  it("reads the ceiling the buyer named in our call notes as their constraint, and ours as nothing", () => {
    const notes = [
      "Buyer said they only have 30k approved.",
      "Procurement: budget tops out at 40k.",
      "مشتری گفت حداکثر ۴۰ میلیون می‌تونن بدن.",
      "مشتری گفت بیشتر از ۳۰ میلیون بودجه ندارن.",
      "خریدار گفت سقف بودجه‌شون ۵۰ میلیونه."
    ]
    const profile = profileOf(notes.map((text, n) => k.interaction(`N${n}`, { at: at(100 + n * 20), text, ...call })))
    expect(profile.pushback.label).toBe("constraint")
    expect(profile.pushback.constraint).toBe(notes.length)
    expect(voiced("Our budget limit is 40k for this order.")).toContain("constraint")
    // A maximum on an order's lines is no budget.
    expect(voiced("Max 3 lines per PO, please.")).not.toContain("constraint")
    expect(voiced("بیشتر از ۴۰ میلیون نمی‌تونیم هزینه کنیم.")).toContain("constraint")
    // Our own ceiling is no pushback of theirs; a ceiling on time is no budget.
    expect(voiced("We told them our max discount is 10%.", call)).toEqual([])
    expect(voiced("We spend at most 2 hours a week on training.")).not.toContain("constraint")
    // Approved vendors, designs approved for a use: no money approved.
    for (const text of ["Only approved vendors can bid on this tender.", "The design is only approved for indoor use.", "فقط تامین‌کننده‌های مصوب می‌تونن شرکت کنن."]) {
      expect(voiced(text), text).not.toContain("constraint")
    }
  })
})

describe("a threat on a condition, a technician who did not come (issue 13, fourth probe)", () => {
  it("keeps the threat after a condition's own negation: 'If you can't sharpen the pencil we'll go elsewhere'", () => {
    for (const text of ["If you can't sharpen the pencil we'll go elsewhere.", "If you don't fix the delays we won't renew.", "اگه تخفیف ندید می‌ریم سراغ رقیب."]) {
      expect(voiced(text), text).toContain("churnThreat")
    }
    // A threat denied stays denied.
    expect(voiced("We have no plans to switch suppliers.")).not.toContain("churnThreat")
  })

  it("hears a technician who did not come as support", () => {
    expect(voiced("کارشناستون نیومد.")).toEqual(["support"])
    expect(voiced("تکنسین سه روزه نیومده.")).toEqual(["support"])
    expect(voiced("Your tech never showed up.")).toEqual(["support"])
  })
})

describe("a logged copy of a newsletter is no reply (issue 13, fourth probe)", () => {
  it("reads 'Email: Spring newsletter' logged inbound as automated, and 'RE: Spring newsletter' as a person", () => {
    const logged = (id: string, subject: string, text: string) =>
      interactionFeatures(k.interaction(id, { at: at(10), sourceObject: "Task", subject, text }))
    expect(logged("L1", "Email: Spring newsletter", "Our spring offers. Unsubscribe here.").human).toBe(false)
    expect(logged("L2", "ایمیل: خبرنامه بهار", "پیشنهادهای بهاری. لغو اشتراک").human).toBe(false)
    expect(logged("L3", "RE: Spring newsletter", "Please send me the price list. Unsubscribe here.").human).toBe(true)
    expect(logged("L4", "پاسخ: خبرنامه بهار", "لطفا لیست قیمت رو بفرستید. لغو اشتراک").human).toBe(true)
  })
})

describe("'we're fine on price' (issue 13, fourth probe)", () => {
  it("sets aside what they say they are fine on or with, in English and Persian", () => {
    for (const text of ["We're fine on price, the issue is lead time.", "They're fine with the price but want faster delivery.", "قیمت‌تون خوبه ولی تحویل طول می‌کشه."]) {
      const profile = profileOf(repeated(text, 3))
      expect(profile.decisionCriteria.label, text).toBe("delivery")
      expect(profile.decisionCriteria.weights.price, text).toBe(0)
    }
    expect(voiced("We're not fine with the delays.")).toEqual(["delivery"])
  })
})

/** What a rep's note of a call voices, as cue names: the customer's words only. */
const noted = (text: string) => voiced(text, { channel: "call", direction: "outbound", sourceObject: "Task" })

describe("a threat to go to another supplier, put as a condition (issue 13, fifth probe)", () => {
  it("hears the customer's conditional threat in their mail, in English and Persian", () => {
    expect(voiced("If the price doesn't come down we'll move to Acme.")).toContain("churnThreat")
    expect(voiced("If you can't do 15% we will go with Hydra Pumps.")).toContain("churnThreat")
    expect(voiced("Unless you match their offer we'll switch to Acme.")).toContain("churnThreat")
    expect(voiced("اگه قیمت پایین نیاد می‌ریم سراغ یه تامین‌کننده دیگه.")).toContain("churnThreat")
    expect(voiced("اگه ۱۵ درصد تخفیف ندید می‌ریم سراغ پارس پمپ.")).toContain("churnThreat")
    expect(voiced("اگر کیفیت درست نشه از آبادان پمپ می‌خریم.")).toContain("churnThreat")
    // A move to a place or a topic, a condition met, or a move denied, is no threat.
    expect(voiced("We'll go to the warehouse tomorrow to check the stock.")).toEqual([])
    expect(voiced("If the parts are ready we'll go to the warehouse.")).toEqual([])
    expect(voiced("If the price is right we'll go to the next phase.")).not.toContain("churnThreat")
    expect(noted("We'll go to their plant on Monday.")).toEqual([])
    expect(voiced("می‌ریم سراغ جلسه بعدی.")).toEqual([])
    expect(voiced("اگه وقت بشه می‌ریم سراغ موضوع بعدی.")).toEqual([])
    expect(voiced("اگه قیمت مناسب باشه سراغ سفارش بعدی می‌ریم.")).not.toContain("churnThreat")
    expect(voiced("سراغ یه تامین‌کننده دیگه نمی‌ریم.")).not.toContain("churnThreat")
    // Toward us is no move away, whatever the condition.
    expect(voiced("If the shipment is not ready, we'll go to your warehouse and pick it up.")).toEqual(["delivery"])
    expect(voiced("اگه تحویل آماده نباشه می‌ریم سراغ انبار شما.")).toEqual(["delivery"])
  })

  it("hears it as theirs in our note, where our condition and their threat share a sentence", () => {
    expect(noted("If we don't give them 15% they'll go to Acme.")).toEqual(["churnThreat"])
    expect(noted("If we don't give them 15%, they'll go to Acme.")).toEqual(["churnThreat"])
    expect(noted("They said if the price doesn't come down they'll move to Acme.")).toContain("churnThreat")
    expect(noted("اگر ۱۵ درصد تخفیف ندهیم سراغ پارس پمپ می‌روند.")).toEqual(["churnThreat"])
    expect(noted("مشتری گفت اگه قیمت پایین نیاد می‌رن سراغ پارس پمپ.")).toContain("churnThreat")
  })

  it("hears the order handed to someone else, and volume moved or put to tender", () => {
    expect(voiced("قیمت شما از پارس پمپ بالاتر است، اگر تخفیف ندهید سفارش را به آنها می‌دهیم.")).toContain("churnThreat")
    expect(voiced("اگه قیمت پایین نیاد خریدمون رو به یه تامین‌کننده دیگه منتقل می‌کنیم.")).toContain("churnThreat")
    expect(noted("مشتری گفت اگر تخفیف ندهیم سفارش‌ها را به پارس پمپ می‌دهند.")).toContain("churnThreat")
    expect(voiced("We're moving our volume to Acme next quarter unless the price comes down.")).toContain("churnThreat")
    expect(voiced("The CFO wants 10% off or we go to tender.")).toContain("churnThreat")
    // An order sent somewhere is an instruction, whatever the condition.
    expect(voiced("سفارش را به انبار شماره دو ارسال کنید.")).not.toContain("churnThreat")
    expect(voiced("اگر تا شنبه نرسد سفارش را به انبار دوم بفرستید.")).not.toContain("churnThreat")
    expect(voiced("Please ship the order to our Berlin warehouse.")).not.toContain("churnThreat")
  })

  it("hears a move to another supplier without a condition", () => {
    expect(voiced("We'll go to a cheaper supplier next quarter.")).toContain("churnThreat")
    expect(voiced("می‌ریم سراغ یه تامین‌کننده ارزون‌تر.")).toContain("churnThreat")
  })

  it("puts the account at risk for a threat noted as a condition", () => {
    for (const text of ["If we don't give them 15% they'll go to Acme.", "اگر ۱۵ درصد تخفیف ندهیم سراغ پارس پمپ می‌روند."]) {
      const note = k.interaction("N1", { at: at(390), channel: "call", direction: "outbound", sourceObject: "Task", subject: "Renewal call", text })
      const profile = profileOf([...repeated("Thanks, order confirmed.", 6), note])
      const churn = profile.risk.reasons.find((r) => r.signal === "churn-threat")
      expect(churn, text).toBeDefined()
      expect(keysOf(churn!.evidence)).toEqual([k.key("N1")])
    }
  })
})

describe("what they do not seek, said at length (issue 13, fifth probe)", () => {
  it("reads 'not looking for the cheapest possible' as no price criterion, however long the phrase", () => {
    for (const text of [
      "We're not looking for the absolutely cheapest possible option.",
      "We're not necessarily looking for the cheapest option.",
      "We aren't really after the cheapest price.",
      "دنبال ارزون‌ترین قیمت ممکن نیستیم.",
      "ما دنبال ارزانترین پیشنهاد بازار نیستیم."
    ]) expect(voiced(text), text).toEqual([])
    expect(noted("مشتری گفت دنبال ارزون‌ترین قیمت ممکن نیستن.")).toEqual([])
    // Only what is sought is denied: the quality in the same clause stands, and seeking the price voices it.
    expect(voiced("ما دنبال قیمت پایین نیستیم کیفیت برامون مهمه.")).toEqual(["quality"])
    expect(voiced("دنبال ارزون‌ترین قیمت ممکن هستیم.")).toEqual(["price"])
    expect(voiced("We're looking for the absolutely cheapest possible option.")).toEqual(["price"])
  })
})

describe("sayings that put price second (issue 13, fifth probe)", () => {
  it("reads them as quality, not a price criterion, in English and Persian", () => {
    for (const text of [
      "Cheaper isn't better.",
      "The cheapest is not always best for us.",
      "You get what you pay for.",
      "ارزونی به درد ما نمی‌خوره.",
      "ارزان‌خری نمی‌کنیم.",
      "ارزون بخری دوبار می‌خری.",
      "ما پولمون رو دوبار خرج نمی‌کنیم."
    ]) expect(voiced(text), text).toEqual(["quality"])
    expect(noted("They said cheapest is not always best.")).toEqual(["quality"])
    const profile = profileOf(repeated("Cheapest is not always best, you get what you pay for.", 3))
    expect(profile.decisionCriteria.label).toBe("quality")
    expect(profile.decisionCriteria.weights.price).toBe(0)
    // The same price words outside a saying are price talk.
    expect(voiced("Cheaper would be better.")).toEqual(["price"])
    expect(voiced("ارزون بخریم بهتره.")).toEqual(["price"])
  })
})

describe("a price denied to be high (issue 13, fifth probe)", () => {
  it("reads 'prices are not too high, but quality slipped' as quality, and a quality complaint in a case", () => {
    for (const text of ["Prices are not too high, but quality slipped.", "قیمت‌ها بالا نیست ولی کیفیت افت کرده."]) {
      expect(voiced(text), text).toEqual(["quality"])
      const profile = profileOf(repeated(text, 3))
      expect(profile.decisionCriteria.label, text).toBe("quality")
      expect(profile.decisionCriteria.weights.price, text).toBe(0)
      // A case of the generic type Question saying so reports a failure: no service request.
      expect(caseFeatures(k.kase("Q", { subject: "Pumps", type: "Question", description: text, openedAt: at(1) })).isRequest, text).toBe(false)
    }
    // Quality that is not high is a complaint about quality, not a price found fair.
    expect(voiced("کیفیت بالا نیست.")).toEqual(["quality"])
    expect(voiced("Prices are too high.")).toEqual(["disparagement", "price"])
  })
})

describe("a demanding rep's probe: shorthand, Finglish and mixed notes (issue 13, fifth probe)", () => {
  it("hears a threat said first and its condition after, a move to 'other options', and a move whose supplier Persian names first", () => {
    expect(noted("Mentioned they might go to Acme if we can't hold the price.")).toContain("churnThreat")
    // Any criterion refused makes buying elsewhere, or a move to another supplier, a threat.
    expect(voiced("If support doesn't improve we'll buy from Acme next year.")).toContain("churnThreat")
    expect(voiced("If support doesn't improve we're moving to another supplier next year.")).toContain("churnThreat")
    expect(voiced("We need a better price or we'll have to consider other options.")).toContain("churnThreat")
    expect(noted("اگه تخفیف ندیم، احتمالا از شرکت دیگه خرید می‌کنن.")).toContain("churnThreat")
    expect(noted("moshtari mige gerune, mire soragh raghib")).toContain("churnThreat")
    expect(noted("اگه قیمت رو با پارس پمپ یکی نکنیم، میرن.")).toContain("churnThreat")
  })

  it("hears no threat in an errand a condition sends someone on: a person, a place, a day, a carrier, the next step (review)", () => {
    for (const text of [
      "If the price isn't confirmed we'll go to our manager for approval.",
      "If we don't get the invoice by Friday we'll go to accounts directly.",
      "If you can't deliver by Friday we'll go to the site ourselves to pick it up.",
      "If delivery isn't possible on Monday, we'll switch to Tuesday.",
      "If the quote isn't signed today we'll go to the next item on the agenda.",
      "Unless the quality report is ready, we'll move to the next test.",
      "If it doesn't arrive we will switch to DHL for shipping.",
      "اگر قیمت تایید نشه سراغ مدیر مالی می‌ریم.",
      "اگر کیفیت خوب نباشد سراغ آزمایشگاه می‌رویم."
    ]) expect(voiced(text), text).not.toContain("churnThreat")
    // A price refused keeps a move elsewhere a threat, in both languages.
    expect(voiced("If the price doesn't come down we'll move to Acme.")).toContain("churnThreat")
    expect(voiced("اگه ۱۵ درصد تخفیف ندید می‌ریم سراغ پارس پمپ.")).toContain("churnThreat")
  })

  it("ranks what decides above what is only a factor, and sets aside what they can live with or raise no objection to", () => {
    expect(noted("They said cost is a factor but quality is the deciding factor.")).toEqual(["quality"])
    expect(noted("گفتن قیمت هم مهمه ولی کیفیت حرف آخر رو می‌زنه.")).toEqual(["quality"])
    expect(noted("Procurement said delivery is what matters, price secondary.")).toEqual(["delivery"])
    expect(voiced("We can live with the price as long as you ship on time.")).toEqual(["delivery"])
    expect(noted("No objections on price; concern raised about installation support.")).toEqual(["support"])
    expect(noted("talked to Ali, gheymat ro ghabool kard vali tahvil ro zoodtar mikhad")).toEqual(["delivery"])
  })

  it("reads paying more for something as that thing, and being burned by cheap goods as quality", () => {
    expect(voiced("We don't mind paying more for reliable pumps.")).toEqual(["quality"])
    expect(voiced("حاضریم بیشتر پول بدیم ولی پمپ مطمئن بگیریم.")).toEqual([])
    expect(voiced("We've been burned by cheap suppliers before.")).toEqual(["quality"])
    expect(voiced("قبلا از جنس ارزون ضربه خوردیم.")).toEqual(["quality"])
    expect(voiced("ارزون‌ترین پیشنهاد رو نمی‌خوایم، مطمئن‌ترین رو می‌خوایم.")).toEqual([])
  })

  it("hears a refusal to pay more and a budget used up as constraints, and a note's third-person verbs as the customer's", () => {
    expect(voiced("We will not pay more than last year.")).toEqual(["constraint"])
    expect(voiced("بیشتر از پارسال پول نمی‌دیم.")).toContain("constraint")
    expect(noted("مدیر مالی گفت امسال بودجه‌ای نمونده، بمونه برای بهمن.")).toContain("constraint")
    expect(noted("از کیفیت راضی‌اند ولی تاخیرها کلافه‌شون کرده.")).toEqual(["delivery"])
    // A passive of ours names nobody: "the orders have been sent" is no criterion of theirs.
    expect(noted("سفارش‌ها ارسال شده‌اند.")).toEqual([])
    expect(noted("با مهندس احمدی صحبت کردیم؛ از خدمات پس از فروش گله داشت.")).toEqual(["support"])
    expect(noted("گفتن اگه ۵ درصد دیگه کم کنیم قرارداد رو می‌بندن.")).toEqual(["price"])
  })
})

describe("churn threats as customers put them, and the requests that look like them (issue 13, sixth probe)", () => {
  it("hears walking away, an order cancelled and a renewal refused, in their mail and in our note of what they said", () => {
    for (const text of [
      "Fix the delays or they'll walk.",
      "They're cancelling the order because of the delays.",
      "We've decided not to renew.",
      "If the pumps don't arrive by Friday we'll cancel the order.",
      "به خاطر تاخیر سفارش رو کنسل می‌کنیم.",
      "کیفیت پایینه، سفارش را لغو می‌کنیم.",
      "اگه تا جمعه نرسه سفارش رو کنسل می‌کنیم."
    ]) expect(voiced(text), text).toContain("churnThreat")
    expect(noted("Procurement wants 12% off or they'll walk.")).toContain("churnThreat")
    expect(noted("Customer called about the late delivery, they're cancelling the order.")).toContain("churnThreat")
    expect(noted("گفتن تمدید نمی‌کنن.")).toContain("churnThreat")
    expect(noted("مشتری گفت اگه دیر برسه سفارش رو کنسل می‌کنن.")).toContain("churnThreat")
  })

  it("hears none in a meeting called off, a duplicate order cancelled, a renewal agreed, a walk-through or a cancellation denied", () => {
    for (const text of [
      "Please cancel the meeting.",
      "Please cancel order #123 (duplicate).",
      "We will renew the contract for another year.",
      "They will walk us through the installation next week.",
      "We are not cancelling the order.",
      "جلسه رو کنسل کنید.",
      "سفارش ۱۲۳ رو لغو کنید، تکراری ثبت شده.",
      "قرارداد رو تمدید می‌کنیم.",
      "سفارش رو کنسل نمی‌کنیم."
    ]) expect(voiced(text), text).not.toContain("churnThreat")
    expect(noted("Cancel order #123 (duplicate)")).toEqual([])
    expect(noted("We'll walk them through the new price list.")).toEqual([])
  })
})

describe("a move to a company named, not to a day or a place (issue 13, sixth probe)", () => {
  // A name after a move is as often a person, a city, a colour or a currency ("our contact switched
  // to Sara Ahmadi", "they'll go to Hannover Messe", "went with Blue", "switched to Euros"): it is a
  // company where a condition on a criterion was refused, as buying elsewhere is.
  it("hears a move to a company named as a threat under a refused condition on any criterion, and a name alone as none", () => {
    expect(voiced("If support doesn't improve we're moving to Acme.")).toEqual(["churnThreat", "support"])
    expect(voiced("If the quality doesn't get better we'll go with Hydra Pumps.")).toEqual(["churnThreat", "quality"])
    expect(noted("They said if delivery doesn't get better they're moving to Hydra Pumps.")).toEqual(["churnThreat", "delivery"])
    expect(noted("Spoke with the buyer. If we can't fix the delays they'll go to Acme.")).toContain("churnThreat")
    for (const text of [
      "We're moving to Dubai next month.",
      "Customer is moving to Germany, new contact to follow.",
      "If the lease isn't renewed we're moving to Dubai.",
      "Our main contact switched to Sara Ahmadi, please update your records.",
      "We switched to Euros for invoicing from this year.",
      "We may go with Blue for the housing colour.",
      "They'll go to Hannover Messe in April, let's meet there."
    ]) expect(voiced(text), text).not.toContain("churnThreat")
  })

  it("hears none in a move to a place, a day, a step, a carrier or a person, in a title, or denied", () => {
    for (const text of [
      "We'll go to the warehouse tomorrow.",
      "We're moving to the new office in May.",
      "Can we switch to Tuesday deliveries?",
      "We're moving to Tehran Office next month.",
      "If the price is right we're moving to Phase 2.",
      "I'll go to John for approval.",
      // Someone's advice followed, or a tier of ours chosen: no company.
      "We'll go with John's recommendation on the spec.",
      "We went with Premium Support last year.",
      "We're not moving to Acme.",
      "We're not switching to another vendor."
    ]) expect(voiced(text), text).not.toContain("churnThreat")
    expect(voiced("Thanks.", { subject: "Moving To Quarterly Billing" })).toEqual([])
  })
})

describe("the quality of a service is support (issue 13, sixth probe)", () => {
  it("reads 'service quality', 'quality of support', «کیفیت خدمات», «کیفیت پشتیبانی» as support alone", () => {
    for (const text of [
      "Service quality has really dropped.",
      "The quality of support is poor.",
      "کیفیت خدمات خیلی افت کرده.",
      "کیفیت پشتیبانی ضعیفه."
    ]) {
      expect(voiced(text), text).toEqual(["support"])
      const profile = profileOf(repeated(text, 3))
      expect(profile.decisionCriteria.label, text).toBe("support")
      expect(profile.decisionCriteria.weights.quality, text).toBe(0)
    }
    // The product's quality named beside the service stays quality.
    expect(voiced("Pump quality and service quality both slipped.")).toEqual(["quality", "support"])
    expect(voiced("کیفیت پمپ‌ها و کیفیت خدمات هر دو افت کرده.")).toEqual(["quality", "support"])
    expect(voiced("No complaints about service quality.")).toEqual([])
  })
})

describe("a dismissal denied (issue 13, sixth probe)", () => {
  it("reads 'not always on time', «همیشه به موقع نیست» as delivery, and 'always on time' as none", () => {
    expect(voiced("Deliveries are not always on time.")).toEqual(["delivery"])
    expect(voiced("تحویل‌ها همیشه به موقع نیست.")).toEqual(["delivery"])
    expect(voiced("Always on time, thanks.")).toEqual([])
    expect(voiced("همیشه به موقع، ممنون.")).toEqual([])
    expect(voiced("No complaints about delivery.")).toEqual([])
    expect(voiced("از تحویل اعتراضی نداشتند.")).toEqual([])
  })
})

describe("a better offer held, a cancellation hedged, goods needed sooner (issue 13, sixth probe)", () => {
  it("hears a better offer from elsewhere as price, in English and Persian", () => {
    expect(voiced("We got a better offer from Acme.")).toEqual(["price"])
    expect(voiced("از پارس پمپ پیشنهاد بهتری داریم.")).toEqual(["price"])
  })

  it("hears an order they may have to cancel as a threat, and one asked cancelled as none", () => {
    expect(noted("They said they may cancel the order if delivery slips again.")).toEqual(["churnThreat", "delivery"])
    expect(voiced("قیمت خیلی بالاست، ممکنه سفارش رو کنسل کنیم.")).toContain("churnThreat")
    expect(voiced("کیفیت پایینه، مجبوریم سفارش رو لغو کنیم.")).toContain("churnThreat")
    expect(noted("They asked to cancel order #4411, it was a duplicate.")).toEqual([])
    expect(noted("مشتری خواست سفارش تکراری رو کنسل کنیم.")).toEqual([])
  })

  it("hears goods needed sooner as delivery", () => {
    expect(voiced("The price is fine but we need them sooner.")).toEqual(["delivery"])
    expect(voiced("قیمت اوکیه ولی زودتر لازم داریم.")).toEqual(["delivery"])
  })
})

describe("a price list asked for, and a last chance given (issue 13, sixth probe)", () => {
  it("reads a request for the price list or the prices as no price criterion, and the same list called too high as price", () => {
    for (const text of [
      "Could you send the updated price list?",
      "Please send us your price list.",
      "لطفا لیست قیمت رو بفرستید.",
      "لیست قیمت جدید رو ارسال کنید.",
      "لطفا قیمت رو اعلام کنید."
    ]) expect(voiced(text), text).toEqual([])
    const asking = profileOf([
      ...repeated("Could you send the updated price list?", 4),
      ...[0, 1, 2, 3].map((n) => k.interaction(`Q${n}`, { at: at(45 + n * 30), subject: "Re: batch", text: "Quality has slipped on the last batches." }))
    ])
    expect(asking.decisionCriteria.label).toBe("quality")
    expect(asking.decisionCriteria.weights.price).toBe(0)
    expect(voiced("Your price list is too high.")).toEqual(["disparagement", "price"])
    expect(voiced("لیست قیمت‌تون خیلی بالاست.")).toEqual(["disparagement", "price"])
    expect(voiced("Send me the price list, your prices went up again.")).toEqual(["price"])
  })

  it("hears «این آخرین باره» as a threat, as 'last chance' is", () => {
    expect(voiced("تاخیر داشتید، این آخرین باره.")).toEqual(["churnThreat", "delivery"])
    expect(voiced("This is your last chance.")).toEqual(["churnThreat"])
  })
})

describe("a contract ended, a subscription cancelled, suppliers consolidated (issue 13, sixth probe)", () => {
  it("hears them as threats, in their mail and in our note, and not a termination clause quoted or an end denied", () => {
    for (const text of [
      "We'll terminate the agreement.",
      "We're terminating the contract at the end of the term.",
      "We'd like to cancel our subscription.",
      "The new CFO wants to consolidate suppliers because of the price increases.",
      "قرارداد رو فسخ می‌کنیم."
    ]) expect(voiced(text), text).toContain("churnThreat")
    expect(noted("گفتن دیگه از ما خرید نمی‌کنن.")).toEqual(["churnThreat"])
    expect(noted("گفتن اگه مشکل حل نشه قرارداد رو فسخ می‌کنن.")).toEqual(["churnThreat"])
    for (const text of [
      "Either party may terminate the agreement with 30 days notice.",
      "We won't be terminating the contract.",
      "At the end of the contract we will review the prices.",
      "بند فسخ قرارداد رو بررسی کردیم."
    ]) expect(voiced(text), text).not.toContain("churnThreat")
  })
})

describe("a threat asked about in our note (issue 13, sixth probe)", () => {
  it("hears no threat in the rep's question, and the threat when they make it", () => {
    for (const text of [
      "Asked whether they would switch suppliers. They said no.",
      "I asked if they were moving to Acme; they laughed it off.",
      "پرسیدم آیا سراغ رقبا می‌رن، گفتن نه.",
      "ازشون پرسیدم قرارداد رو تمدید نمی‌کنن؟ گفتن تمدید می‌کنیم."
    ]) expect(noted(text), text).not.toContain("churnThreat")
    expect(noted("Asked about renewal: they said they will switch suppliers.")).toContain("churnThreat")
    expect(noted("پرسیدم برنامه‌شون چیه، گفتن سراغ رقبا می‌رن.")).toContain("churnThreat")
  })

  it("ends the question's reach at their answer in the same sentence: a threat in it is theirs", () => {
    for (const text of [
      "Asked if delivery was OK and they said they're moving to another supplier.",
      "Asked if the delivery was OK and they said they will switch to another supplier if it happens again.",
      "ازشون پرسیدم تحویل خوب بود و گفتن میرن سراغ یه تامین‌کننده دیگه.",
      "ازشون پرسیدم تحویل خوب بود یا نه و گفتن میرن سراغ یه تامین‌کننده دیگه."
    ]) expect(noted(text), text).toContain("churnThreat")
    for (const text of [
      "Asked whether they would switch suppliers and they said no.",
      "Asked whether they would switch suppliers. They said no.",
      "ازشون پرسیدم سراغ رقبا می‌رن یا نه و گفتن نه.",
      "پرسیدم آیا سراغ رقبا می‌رن، گفتن نه."
    ]) expect(noted(text), text).not.toContain("churnThreat")
  })
})

describe("a service's quality judged, and patience run out (issue 13, sixth probe)", () => {
  it("sets aside the quality of a service found good, and keeps it found wanting", () => {
    expect(voiced("کیفیت خدمات پس از فروش‌تون خوبه.")).toEqual([])
    expect(voiced("Service quality is great.")).toEqual([])
    expect(voiced("کیفیت خدمات قابل قبول نیست.")).toEqual(["support"])
    expect(voiced("Service quality is poor.")).toEqual(["support"])
  })

  it("hears patience run out as a threat", () => {
    expect(noted("گفتن از تاخیرها صبرشون تموم شده.")).toEqual(["churnThreat", "delivery"])
    expect(voiced("We're running out of patience with these delays.")).toEqual(["churnThreat", "delivery"])
  })
})

describe("the business already taken elsewhere (issue 13, sixth probe)", () => {
  it("hears 'we went with Acme', 'we've switched to another supplier', «این بار از رقیب خریدیم» as taking the business elsewhere", () => {
    for (const text of ["We've switched to another supplier.", "We went with a competitor this time.", "این بار از رقیب خریدیم.", "این بار از یه شرکت دیگه خریدیم."]) {
      expect(voiced(text), text).toContain("churnThreat")
    }
    expect(noted("They went with another supplier.")).toContain("churnThreat")
    for (const text of ["We went with your proposal.", "We went with John to the site.", "We went with Option B.", "قبلا از شما خریدیم.", "دیروز پمپ‌ها رو خریدیم."]) {
      expect(voiced(text), text).toEqual([])
    }
  })
})

describe("orders stopped or withdrawn (issue 13, sixth probe)", () => {
  it("hears orders put on hold, pulled or no longer placed as a threat, and not when denied", () => {
    for (const text of [
      "We're putting all orders on hold until the quality issue is fixed.",
      "The delays go on. We're pulling the remaining orders.",
      "The last deliveries were late. No more orders until you fix this.",
      "We won't be placing any more orders at these prices.",
      "به خاطر تاخیرها همه سفارش‌ها رو فعلا متوقف می‌کنیم.",
      "دیگه سفارش نمی‌دیم، کیفیت افتضاحه."
    ]) expect(voiced(text), text).toContain("churnThreat")
    expect(noted("They said management wants them to find an alternative supplier because of the price.")).toContain("churnThreat")
    // Alone, a hold or a cancellation is as often order administration.
    for (const text of [
      "We're putting all orders on hold until the new fiscal year starts.",
      "We'll cancel the order we placed yesterday and re-enter it with the right part number.",
      "The new CFO wants to consolidate suppliers, and you're the one we're keeping.",
      "We lost patience with our old supplier, that's why we came to you.",
      "سفارش رو کنسل می‌کنیم و با کد درست دوباره ثبت می‌کنیم.",
      "تا آخر سال دیگه سفارش نمی‌دیم چون انبار پره."
    ]) expect(voiced(text), text).not.toContain("churnThreat")
    expect(voiced("We haven't stopped ordering, the volumes are just lower.")).not.toContain("churnThreat")
    expect(voiced("سفارش‌ها رو متوقف نمی‌کنیم.")).not.toContain("churnThreat")
  })
})

describe("a negation's reach: the statement it opens, not the next one (issue 13, sixth probe)", () => {
  it("keeps a threat after a complaint's negation, when a subject of its own opens it, and not what the negation reaches, in English and Persian", () => {
    for (const text of [
      "The quality isn't good and we won't renew.",
      "It's not fixed and we are looking at alternatives.",
      "The delivery problem isn't solved so we are cancelling the order.",
      "کیفیت خوب نیست و قرارداد رو تمدید نمی‌کنیم.",
      "مشکل حل نشده و داریم با تامین‌کننده‌های دیگه صحبت می‌کنیم."
    ]) expect(voiced(text), text).toContain("churnThreat")
    expect(voiced("It's not cheap and we can't pay more.")).toContain("constraint")
    // What a negation or an opening modal reaches stays denied.
    for (const text of [
      "I don't think we'll switch suppliers.",
      "We have no plans to switch suppliers.",
      "We are not, at this point, looking at alternatives.",
      "نمی‌خوایم تامین‌کننده رو عوض کنیم.",
      "قصد تغییر تامین‌کننده نداریم."
    ]) expect(voiced(text), text).not.toContain("churnThreat")
    expect(voiced("I don't think we'd call it overpriced.")).not.toContain("disparagement")
  })

  it("reads a Persian modal negative verb after a conjunction as denying what follows, not as closing the cue before it", () => {
    for (const text of ["کیفیت خوبه و نمی‌خوایم تامین‌کننده رو عوض کنیم.", "کیفیت خوبه و قصد نداریم تامین‌کننده رو عوض کنیم.", "Quality is good and we don't want to change supplier."]) {
      expect(voiced(text), text).toEqual(["quality"])
    }
    expect(voiced("کیفیت خوب نیست و قرارداد رو تمدید نمی‌کنیم.")).toEqual(["churnThreat", "quality"])
  })

  it("lets 'we' end a negation's reach only past a conjunction, so a denial that reaches 'we' stays denied", () => {
    for (const text of [
      "There's no way we would look at other suppliers, we are happy.",
      "I can't imagine we would switch suppliers.",
      "We have no reason to believe we would switch suppliers.",
      "هیچ دلیلی نداریم که تامین‌کننده رو عوض کنیم."
    ]) expect(voiced(text), text).not.toContain("churnThreat")
    for (const text of ["The quality isn't good and we won't renew.", "The delivery problem isn't solved so we are cancelling the order."]) {
      expect(voiced(text), text).toContain("churnThreat")
    }
  })

  it("denies a move only by a negation right before it, not one a conjunction separates from it", () => {
    for (const text of [
      "Quality not good so switching to another supplier.",
      "We're not happy and are moving to another supplier.",
      "راضی نیستیم و میریم سراغ یه تامین‌کننده دیگه.",
      "کیفیت خوب نیست پس میریم سراغ یه تامین‌کننده دیگه."
    ]) expect(voiced(text), text).toContain("churnThreat")
    for (const text of [
      "We're not switching to another vendor.",
      "We won't be moving to Acme.",
      "We have no intention of moving to another supplier.",
      "نمی‌خوایم بریم سراغ یه تامین‌کننده دیگه.",
      "سراغ یه تامین‌کننده دیگه نمی‌ریم."
    ]) expect(voiced(text), text).not.toContain("churnThreat")
  })
})

describe("a company they may go with, not a system they move their own work to (issue 13, sixth probe)", () => {
  it("hears 'we may go with Acme', 'considering switching to Acme', and not 'moving to Salesforce' or 'switching to SAP'", () => {
    expect(voiced("If the price doesn't come down we may go with Acme.")).toContain("churnThreat")
    expect(voiced("If support doesn't improve we're considering switching to Acme next year.")).toContain("churnThreat")
    expect(noted("They're switching to SAP.")).toEqual([])
    expect(voiced("Moving to Salesforce next month, please update our contact.")).toEqual([])
    expect(voiced("We're considering switching to Tuesday deliveries.")).toEqual(["delivery"])
  })
})

describe("routine words beside the new threats (issue 13, sixth probe)", () => {
  it("hears no threat in a licence not to renew, a model no longer ordered, meetings or old quotes cancelled, an alternative date or a plant walked", () => {
    for (const text of [
      "Please remember not to renew the trial licence automatically.",
      "Stop ordering the old model, switch to the new X200.",
      "We stopped ordering the old model as it's discontinued.",
      "Please cancel all open orders for the discontinued part and replace them with the new part number.",
      "We will cancel all meetings next week due to the holidays.",
      "We'll cancel all the old quotes.",
      "No more orders of the old model, please.",
      "We need to find an alternative date for the audit.",
      "We'll walk the plant with your engineers on Monday.",
      "They will walk through the site before the install.",
      "سفارش قبلی رو کنسل می‌کنیم و یه سفارش جدید ثبت می‌کنیم.",
      "قرارداد قبلی رو فسخ می‌کنیم و قرارداد جدید با شما می‌بندیم."
    ]) expect(voiced(text), text).not.toContain("churnThreat")
    for (const text of ["We've decided not to renew.", "The last deliveries were late. No more orders until you fix this.", "We've stopped ordering until the quality is resolved.", "We'll cancel all our orders if the price goes up."]) {
      expect(voiced(text), text).toContain("churnThreat")
    }
  })
})

describe("a move toward us, said in the past or as a choice (issue 13, sixth probe)", () => {
  it("hears no threat in 'we went with you', 'we switched to your supplier portal', and one in 'we went with another supplier'", () => {
    for (const text of [
      "We switched to your new supplier portal last week.",
      "We went with your recommended supplier for the seals.",
      "We went with you because the other supplier was late.",
      "We are considering switching to your premium supplier program."
    ]) expect(voiced(text), text).not.toContain("churnThreat")
    expect(voiced("We went with another supplier because you were late.")).toContain("churnThreat")
  })
})

describe("the order withdrawn and a rep's question, as a second review probed them (issue 13, seventh probe)", () => {
  it("hears no threat where the criterion beside a hold is our own clause, or a withdrawal denied from afar", () => {
    expect(noted("I explained the price increase. They will put all orders on hold until the plant reopens.")).not.toContain("churnThreat")
    expect(noted("توضیح دادم قیمت‌ها بالا رفته. گفتن همه سفارش‌ها رو فعلا متوقف می‌کنن تا کارخونه باز بشه.")).not.toContain("churnThreat")
    expect(voiced("Nobody here is talking about cancelling the orders, the delay is understood.")).not.toContain("churnThreat")
    expect(voiced("Price is not an issue. We'll cancel the order and re-enter it with the correct part number.")).not.toContain("churnThreat")
  })

  it("takes a saying verb inside the rep's question as the question's, and one after a break as the answer", () => {
    expect(noted("Asked if the customer confirmed they're switching to another supplier.")).not.toContain("churnThreat")
    expect(noted("Asked whether procurement thinks they'd move to another supplier.")).not.toContain("churnThreat")
    expect(noted("Asked if delivery was OK and they said they're moving to another supplier.")).toContain("churnThreat")
    expect(noted("ازشون پرسیدم راضی هستن یا نه، گفتن اگه تحویل درست نشه میرن سراغ یه تامین‌کننده دیگه.")).toContain("churnThreat")
  })

  it("ends a negation's reach at 'which means', 'then', «بنابراین»", () => {
    expect(voiced("The quality is not acceptable which means we will not renew the contract.")).toContain("churnThreat")
    expect(voiced("The price is not competitive anymore then we will look at other suppliers.")).toContain("churnThreat")
    expect(voiced("کیفیت قابل قبول نیست بنابراین قرارداد رو تمدید نمی‌کنیم.")).toContain("churnThreat")
  })
})
