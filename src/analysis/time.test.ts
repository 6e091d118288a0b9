/**
 * Issue 13, time: how records combine over time and into pressure. Recent behaviour weighs more
 * (parameters.ts RECENCY), a change of regime is said with the records on both sides, engagement
 * is two-way human contact, and complaint pressure (not a count of cases) feeds risk. Histories
 * are written the way reps log them, in English and in Persian.
 */
import { describe, expect, it } from "vitest"
import { renderMessage } from "../i18n/render"
import { buildProfile } from "./aggregate"
import { accountFeatures, caseFeatures, interactionFeatures, type FeatureSet } from "./features"
import { classifyRelationship, negotiationHints, RelationshipProfile } from "./index"
import { at, keysOf, kit, quotedDeal as quoted, type DealFields } from "../../tests/support/analysis-kit"
import type { AccountHistory, Case, Interaction } from "../model/schema"

/** A deal quoted in revisions of one catalogue line (list 500 × 40), one week apart. */
const quotedDeal = (k: ReturnType<typeof kit>, id: string, start: number, discounts: number[], deal: DealFields) =>
  quoted(k, id, start, discounts, deal, { product: "Pressure sensor PS-200", quantity: 40, listPrice: 500 })

const en = (m: Parameters<typeof renderMessage>[0]) => renderMessage(m, "en")
const fa = (m: Parameters<typeof renderMessage>[0]) => renderMessage(m, "fa")
const signals = (p: RelationshipProfile) => p.risk.reasons.map((r) => r.signal)

interface Words {
  account: string
  renewal: (year: number) => string
  review: { subject: string; text: string }
  calibration: string
  policy: { subject: string; text: string }
  comparison: { subject: string; text: string }
  visit: { subject: string; text: string }
  rfq: (n: number) => string
  lostOnPrice: string
}

const ENGLISH: Words = {
  account: "Northwind Process Plant",
  renewal: (y) => `Spares and service renewal ${2013 + y}`,
  review: { subject: "Quarterly quality review", text: "The quality of the last batch was excellent and your technician's on-site support kept our line running." },
  calibration: "Sensor calibration check",
  policy: { subject: "New procurement policy", text: "From now on procurement requires three quotes and an RFQ for every order above 10k." },
  comparison: { subject: "Your quote vs the other two", text: "Your price is 10% above the other two quotes we received." },
  visit: { subject: "Technician visit", text: "Thanks for the service visit last week." },
  rfq: (n) => `RFQ pressure sensors lot ${n}`,
  lostOnPrice: "Lost on price - competitor 12% cheaper"
}

const PERSIAN: Words = {
  account: "پالایش نفت پارس",
  renewal: (y) => `تمدید قطعات و خدمات ${1392 + y}`,
  review: { subject: "بازبینی فصلی کیفیت", text: "کیفیت محموله قبلی عالی بود و پشتیبانی فنی کارشناس شما خط تولید را سر پا نگه داشت." },
  calibration: "ایراد در کالیبراسیون حسگر",
  policy: { subject: "روال جدید خرید", text: "از این پس خرید ما برای هر سفارش بالای ده میلیون با استعلام سه قیمت و مناقصه انجام می‌شود." },
  comparison: { subject: "مقایسه پیش‌فاکتورها", text: "قیمت شما ده درصد بالاتر از دو پیشنهاد دیگر است." },
  visit: { subject: "بازدید کارشناس", text: "از بازدید و سرویس هفته گذشته ممنونیم." },
  rfq: (n) => `استعلام حسگر فشار محموله ${n}`,
  lostOnPrice: "قیمت رقیب ۱۲٪ پایین‌تر بود"
}

const YEAR = 365
const NOW = 10 * YEAR

/**
 * Nine years of a quality/service account (annual renewals at 8 → 11 → 14 % over three rounds, a
 * quality review and a calibration case a year, a joint workshop, a running maintenance
 * contract), then, when `switched`, a last year of three-quote procurement: two deals lost on
 * price and final discounts 20 → 27 → 32 %. Without the switch the last year goes on as before.
 */
function tenYears(k: ReturnType<typeof kit>, words: Words, switched: boolean): AccountHistory {
  const deals = []
  const interactions: Interaction[] = []
  const cases: Case[] = []
  for (let y = 0; y < 9; y++) {
    const start = y * YEAR + 30
    // The last renewal before the window closed at 20 %, the start of the path the rep must see.
    deals.push(quotedDeal(k, `R${y}`, start, y === 8 ? [15, 18, 20] : [8, 11, 14], { name: words.renewal(y), competitorCount: 1, isClosed: true, isWon: true, closeDate: at(start + 40), amount: 17_000 }))
    interactions.push(k.interaction(`Q${y}`, { at: at(y * YEAR + 120), ...words.review }))
    cases.push(k.kase(`C${y}`, { subject: words.calibration, type: "Mechanical", openedAt: at(y * YEAR + 200), closedAt: at(y * YEAR + 201) }))
  }
  interactions.push(k.interaction("W1", { at: at(2 * YEAR + 60), channel: "meeting", direction: "outbound", subject: "Joint design workshop", text: "Co-design session on the new sensor housing." }))
  if (switched) {
    interactions.push(k.interaction("P1", { at: at(9 * YEAR + 20), ...words.policy }))
    interactions.push(k.interaction("P2", { at: at(9 * YEAR + 150), ...words.comparison }))
    interactions.push(k.interaction("P3", { at: at(9 * YEAR + 320), ...words.visit }))
    deals.push(quotedDeal(k, "N1", 9 * YEAR + 40, [22, 27], { name: words.rfq(1), competitorCount: 3, isClosed: true, isWon: false, closeDate: at(9 * YEAR + 90), lossReason: words.lostOnPrice }))
    deals.push(quotedDeal(k, "N2", 9 * YEAR + 160, [28, 32], { name: words.rfq(2), competitorCount: 3, isClosed: true, isWon: false, closeDate: at(9 * YEAR + 210), lossReason: words.lostOnPrice }))
    deals.push(quotedDeal(k, "N3", 9 * YEAR + 300, [], { name: words.rfq(3), competitorCount: 4 }))
  } else {
    deals.push(quotedDeal(k, "R9", 9 * YEAR + 30, [8, 11, 14], { name: words.renewal(9), competitorCount: 1, isClosed: true, isWon: true, closeDate: at(9 * YEAR + 70), amount: 17_000 }))
    interactions.push(k.interaction("Q9", { at: at(9 * YEAR + 120), ...words.review }))
    cases.push(k.kase("C9", { subject: words.calibration, type: "Mechanical", openedAt: at(9 * YEAR + 200), closedAt: at(9 * YEAR + 201) }))
  }
  return k.history(k.account({ name: words.account, leadSource: "Referral", createdAt: at(0) }), {
    deals: deals.map((d) => d.deal),
    quotes: deals.flatMap((d) => d.quotes),
    quoteLines: deals.flatMap((d) => d.lines),
    interactions,
    cases,
    contracts: [k.contract("K1", { name: "Maintenance contract", startDate: at(8 * YEAR), endDate: at(11 * YEAR), termMonths: 36 })]
  })
}

describe.each([
  { language: "English", words: ENGLISH, render: en, changed: /^The relationship changed since Jan 20, 2032\. They decide on price now/ },
  { language: "Persian", words: PERSIAN, render: fa, changed: /^رابطه از .*۱۴۱۰.* عوض شده است\. اکنون ملاک تصمیمشان .*قیمت/ }
])("a ten-year quality/service account that moved to three-quote procurement last year ($language)", ({ words, render, changed }) => {
  const k = kit({ org: `switch-${words === ENGLISH ? "en" : "fa"}` })
  const history = tenYears(k, words, true)
  const profile = classifyRelationship(history, { now: at(NOW) })


  it("reads price as the criterion now, from the last year's losses, not the decade of quality reviews", () => {
    expect(profile.decisionCriteria.label).toBe("price")
    expect(keysOf(profile.decisionCriteria.evidence)).toContain(k.key("N1"))
    expect(keysOf(profile.decisionCriteria.evidence)).not.toContain(k.key("Q3"))
  })

  it("no longer reads the supplier as dominant, and does not advise holding price", () => {
    expect(profile.dominance.label).not.toBe("supplier")
    expect(profile.dominance.label).not.toBe("unknown")
    expect(negotiationHints(profile).map((h) => h.id)).not.toContain("hold-price-lead-value")
  })

  it("says the relationship changed, with one sentence per change and the records on both sides", () => {
    const r = profile.regime!
    expect(r.changed).toBe(true)
    expect(r.since).toBe(at(NOW - YEAR))
    // Said from the first record of the new regime (the procurement policy email), not the window's start.
    expect(r.changedAt).toBe(at(9 * YEAR + 20))
    expect(r.changes.map((c) => c.id)).toEqual(["a.regime.criteria", "a.regime.procurementCount", "a.regime.priceLosses", "a.regime.discounts"])
    expect(render(r.summary)).toMatch(changed)
    expect(keysOf(r.after)).toEqual(expect.arrayContaining([k.key("N1"), k.key("N2"), k.key("P1")]))
    expect(keysOf(r.before)).toEqual(expect.arrayContaining([k.key("R8")]))
    expect(r.after.every((e) => (e.at ?? 0) > at(NOW - YEAR))).toBe(true)
    expect(r.before.every((e) => (e.at ?? Infinity) <= at(NOW - YEAR))).toBe(true)
  })

  it("shows the discount path 20 → 27 → 32 % and calls the discounts deepening", () => {
    const discounts = profile.regime!.changes.find((c) => c.id === "a.regime.discounts")!
    expect(en(discounts)).toMatch(/20%.*→.*27%.*→.*32%/)
    expect(profile.concessions.discountTrend).toBe("deepening")
  })

  it("gives the same profile whatever the record order", () => {
    const reversed: AccountHistory = {
      ...history,
      interactions: [...history.interactions].reverse(), deals: [...history.deals].reverse(), quotes: [...history.quotes].reverse(),
      quoteLines: [...history.quoteLines].reverse(), cases: [...history.cases].reverse()
    }
    expect(classifyRelationship(reversed, { now: at(NOW) })).toEqual(profile)
  })
})

describe.each([
  { language: "English", words: ENGLISH },
  { language: "Persian", words: PERSIAN }
])("the same account without the switch ($language)", ({ words }) => {
  const k = kit({ org: `steady-${words === ENGLISH ? "en" : "fa"}` })
  const profile = classifyRelationship(tenYears(k, words, false), { now: at(NOW) })

  it("raises no false alarm: no change of regime, still a quality account, not customer-dominant", () => {
    expect(profile.regime!.changed).toBe(false)
    expect(profile.regime!.since).toBe(at(NOW - YEAR))
    expect(profile.regime!.summary.id).toBe("a.regime.none")
    expect(profile.decisionCriteria.label).toBe("quality")
    expect(profile.dominance.label).not.toBe("customer")
    expect(profile.concessions.discountTrend).not.toBe("deepening")
  })
})

describe("a change of regime needs earlier history", () => {
  it("does not compare when the history is shorter than a year before the last 12 months", () => {
    const k = kit({ org: "young" })
    const deals = [
      quotedDeal(k, "D1", 100, [5, 8], { name: "First order", competitorCount: 1, isClosed: true, isWon: true, closeDate: at(150) }),
      quotedDeal(k, "D2", 400, [20, 30], { name: "RFQ second order", competitorCount: 4, isClosed: true, isWon: false, closeDate: at(450), lossReason: "Price" }),
      quotedDeal(k, "D3", 500, [25, 35], { name: "Tender third order", competitorCount: 4, isClosed: true, isWon: false, closeDate: at(550), lossReason: "Price too high" })
    ]
    const profile = classifyRelationship(k.history(k.account({ createdAt: at(0) }), {
      deals: deals.map((d) => d.deal), quotes: deals.flatMap((d) => d.quotes), quoteLines: deals.flatMap((d) => d.lines)
    }), { now: at(600) })
    expect(profile.regime!.changed).toBe(false)
    expect(profile.regime!.since).toBeNull()
    expect(profile.regime!.summary.id).toBe("a.regime.short")
  })
})

describe.each([
  {
    language: "English",
    oldPlea: { subject: "Budget for next year", text: "Our budget is fixed, we cannot pay more than this." },
    newJab: { subject: "Renewal quote", text: "Honestly the new price is overpriced for what we get." },
    oldQuality: { subject: "Defects on the last batch", text: "Quality was poor, several units had defects." },
    newPrice: { subject: "Price increase", text: "The new price list is a problem for us, we need a discount." }
  },
  {
    language: "Persian",
    oldPlea: { subject: "بودجه سال آینده", text: "سقف بودجه ما ثابت است و بیشتر از این نمی‌توانیم پرداخت کنیم." },
    newJab: { subject: "پیش‌فاکتور تمدید", text: "راستش قیمت جدید برای چیزی که می‌گیریم خیلی گران است." },
    oldQuality: { subject: "ایراد در محموله قبلی", text: "کیفیت پایین بود و چند دستگاه خرابی داشتند." },
    newPrice: { subject: "افزایش قیمت", text: "لیست قیمت جدید برای ما مشکل است و تخفیف لازم داریم." }
  }
])("recent behaviour weighs more ($language)", ({ oldPlea, newJab, oldQuality, newPrice }) => {
  it("reads pushback from what the buyer says now: three old budget pleas, two recent jabs at our value", () => {
    const k = kit({ org: "pushback" })
    const interactions = [
      ...[0, 10, 20].map((d, n) => k.interaction(`OLD${n}`, { at: at(d), ...oldPlea })),
      ...[700, 710].map((d, n) => k.interaction(`NEW${n}`, { at: at(d), ...newJab }))
    ]
    const profile = classifyRelationship(k.history(k.account({ createdAt: at(0) }), { interactions }), { now: at(720) })
    // Counted as seen, weighed by age: 3 pleas against 2 jabs would read "constraint" undecayed.
    expect(profile.pushback.constraint).toBe(3)
    expect(profile.pushback.disparagement).toBe(2)
    expect(profile.pushback.label).toBe("disparagement")
    expect(keysOf(profile.pushback.evidence)[0]).toBe(k.key("NEW1"))
  })

  it("reads the criterion the customer raises now: three old quality complaints, two recent price requests", () => {
    const k = kit({ org: "criteria" })
    const interactions = [
      ...[0, 15, 30].map((d, n) => k.interaction(`OLD${n}`, { at: at(d), ...oldQuality })),
      ...[520, 530].map((d, n) => k.interaction(`NEW${n}`, { at: at(d), ...newPrice }))
    ]
    const profile = classifyRelationship(k.history(k.account({ createdAt: at(0) }), { interactions }), { now: at(540) })
    expect(profile.decisionCriteria.label).toBe("price")
    expect(profile.decisionCriteria.weights.price).toBeGreaterThan(profile.decisionCriteria.weights.quality)
    // Too short a history to call it a change of regime: the half-life alone decides.
    expect(profile.regime!.changed).toBe(false)
  })
})

describe.each([
  {
    language: "English",
    note: (n: number) => ({ subject: `Re: order ${n}`, text: "Please confirm the delivery date for this order." }),
    newsletter: (n: number) => ({ subject: `Weekly product news #${n}`, text: "New products and offers this week." }),
    followUp: { subject: "Checking in", text: "Just checking in on your plans for next quarter." }
  },
  {
    language: "Persian",
    note: (n: number) => ({ subject: `پاسخ: سفارش ${n}`, text: "لطفاً تاریخ تحویل این سفارش را تأیید کنید." }),
    newsletter: (n: number) => ({ subject: `خبرنامه هفتگی شماره ${n}`, text: "محصولات و پیشنهادهای تازه این هفته." }),
    followUp: { subject: "پیگیری", text: "خواستیم از برنامه‌های فصل آینده‌تان باخبر شویم." }
  }
])("engagement is two-way human contact ($language)", ({ language, note, newsletter, followUp }) => {
  const SILENT_FROM = 730
  const NOW_DAY = SILENT_FROM + 425
  const k = kit({ org: "silent" })
  // Two years of the customer writing every two weeks, then nothing for 14 months; meanwhile 190
  // weekly newsletters and three follow-ups from the rep.
  const customer = Array.from({ length: 53 }, (_, n) => k.interaction(`IN${n}`, { at: at(n * 14), ...note(n) }))
  const newsletters = Array.from({ length: 190 }, (_, n) => k.interaction(`NL${n}`, { at: at(NOW_DAY - n * 7), direction: "outbound", automated: true, ...newsletter(n) }))
  const followUps = [800, 900, 1000].map((d, n) => k.interaction(`FU${n}`, { at: at(d), direction: "outbound", ...followUp }))
  const silent = classifyRelationship(k.history(k.account({ createdAt: at(-200) }), { interactions: [...customer, ...newsletters, ...followUps] }), { now: at(NOW_DAY) })

  it("does not let 190 newsletters keep a customer who went silent 14 months ago healthy", () => {
    const e = silent.engagement!
    expect(e.automated).toBe(190)
    expect(e.customerContacts).toBe(53)
    expect(e.unansweredOutreach).toBe(3)
    expect(e.daysSinceCustomerContact).toBe(NOW_DAY - 52 * 14)
    expect(e.usualGapDays).toBe(14)
    expect(e.silent).toBe(true)
    expect(silent.risk.label).not.toBe("healthy")
    expect(signals(silent)).toContain("gone-silent")
    const reason = silent.risk.reasons.find((r) => r.signal === "gone-silent")!
    expect(keysOf(reason.evidence)).toContain(k.key("IN52"))
  })

  it("says how many of our messages went unanswered and how many sends were left out only when there are any", () => {
    // The rep's language is the one the histories are written in.
    const say = (m: Parameters<typeof renderMessage>[0]) => renderMessage(m, language === "Persian" ? "fa" : "en")
    const texts = (p: RelationshipProfile) => [say(p.engagement!.summary), say(p.risk.reasons.find((r) => r.signal === "gone-silent")!.text)]
    for (const text of texts(silent)) {
      expect(text).toMatch(language === "Persian" ? /۳ پیام ما .*بی‌پاسخ مانده؛ ۱۹۰ ارسال خودکار شمرده نشد/ : /; 3 messages from us since went unanswered; 190 automated sends not counted/)
    }
    // Silent, and nothing of ours since: no "0 of our messages", no "0 automated sends".
    const quiet = classifyRelationship(k.history(k.account({ createdAt: at(-200) }), { interactions: customer }), { now: at(NOW_DAY) })
    expect(quiet.engagement!.silent).toBe(true)
    for (const text of texts(quiet)) {
      expect(text).not.toMatch(/[0۰] |بی‌پاسخ|unanswered|automated|خودکار/)
      expect(text).toMatch(/[.]$/)
    }
    expect(say(quiet.engagement!.summary)).toMatch(language === "Persian" ? /روز است سراغی از ما نگرفته، در حالی که معمولاً هر ۱۴ روز یک بار تماس می‌گرفت\.$/ : /against a usual gap of 14 days\.$/)
  })

  it("still renders a silence stored before the asides existed (a kept profile, a snapshot), with no raw placeholder", () => {
    const stored: Parameters<typeof renderMessage>[0][] = [
      { id: "a.engagement.silent", params: { days: 82, gap: 7, outreach: 9, automated: 0 } },
      { id: "a.engagement.silentNoRhythm", params: { days: 82, outreach: 9, automated: 3 } },
      { id: "a.engagement.summary", params: { human: 40, customer: 12, automated: 3 } },
      { id: "a.risk.goneSilent", params: { days: 82, gap: 7, outreach: 9, automated: 0 } },
      { id: "a.risk.goneSilentNoRhythm", params: { days: 82, outreach: 9, automated: 0 } }
    ]
    for (const m of stored) {
      const text = renderMessage(m, language === "Persian" ? "fa" : "en")
      expect(text, m.id).not.toMatch(/[{}]/)
      expect(text, m.id).toMatch(language === "Persian" ? /۹|۴۰/ : /9|40/)
    }
  })

  it("does not call a customer silent who keeps their usual rhythm, whatever we send", () => {
    const steady = Array.from({ length: 83 }, (_, n) => k.interaction(`IN${n}`, { at: at(n * 14), ...note(n) }))
    const profile = classifyRelationship(k.history(k.account({ createdAt: at(-200) }), { interactions: [...steady, ...newsletters] }), { now: at(NOW_DAY) })
    expect(profile.engagement!.silent).toBe(false)
    expect(signals(profile)).not.toContain("gone-silent")
    expect(signals(profile)).not.toContain("falling-activity")
  })

  it("measures silence against a sparse customer's own rhythm: four months is their pace, fourteen is silence", () => {
    const sparse = (lastDay: number) => Array.from({ length: 5 }, (_, n) => k.interaction(`SP${n}`, { at: at(lastDay - (4 - n) * 120), ...note(n) }))
    const read = (lastDay: number) => classifyRelationship(k.history(k.account({ createdAt: at(-200) }), { interactions: [...sparse(lastDay), ...newsletters] }), { now: at(NOW_DAY) })
    const gone = read(NOW_DAY - 425)
    expect(gone.engagement!.usualGapDays).toBe(120)
    expect(gone.engagement!.silent).toBe(true)
    expect(signals(gone)).toContain("gone-silent")
    const onPace = read(NOW_DAY - 150)
    expect(onPace.engagement!.silent).toBe(false)
    expect(signals(onPace)).not.toContain("gone-silent")
  })

  it("counts only human contact when activity falls: steady newsletters do not hide it", () => {
    // Weekly contact from the customer until 90 days ago, then one message; the newsletters go on.
    const falling = Array.from({ length: 40 }, (_, n) => k.interaction(`IN${n}`, { at: at(NOW_DAY - 91 - n * 7), ...note(n) }))
    const last = k.interaction("LAST", { at: at(NOW_DAY - 30), ...note(99) })
    const profile = classifyRelationship(k.history(k.account({ createdAt: at(-200) }), { interactions: [...falling, last, ...newsletters] }), { now: at(NOW_DAY) })
    const reason = profile.risk.reasons.find((r) => r.signal === "falling-activity")
    expect(reason).toBeDefined()
    expect(reason!.text.params).toMatchObject({ previous: 13, recent: 1 })
  })
})

describe.each([
  {
    language: "English",
    subject: (n: number) => `Late delivery of order ${n}`,
    threat: { subject: "Deliveries", text: "If this goes on we will move volume to another supplier." },
    priority: "High",
    howTo: (n: number) => `How do I export the report ${n}?`
  },
  {
    language: "Persian",
    subject: (n: number) => `تأخیر در تحویل سفارش ${n}`,
    threat: { subject: "وضعیت تحویل", text: "اگر این وضع ادامه پیدا کند سفارش‌ها را به رقیب می‌دهیم و قرارداد را تمدید نمی‌کنیم." },
    priority: "بالا",
    howTo: (n: number) => `چطور گزارش ${n} را خروجی بگیرم؟`
  }
])("complaint pressure ($language)", ({ subject, threat, priority, howTo }) => {
  it("does not call an account healthy after twelve high-priority, often escalated delivery complaints and a threat to leave", () => {
    const k = kit({ org: "pressure" })
    const interactions = Array.from({ length: 48 }, (_, n) => k.interaction(`M${n}`, { at: at(n * 15), channel: "call", direction: "outbound", subject: `Account call ${n}` }))
    interactions.push(k.interaction("T1", { at: at(700), ...threat }))
    const cases = Array.from({ length: 12 }, (_, n) => k.kase(`C${n}`, {
      subject: subject(n), type: "Problem", priority, isEscalated: n % 2 === 0, openedAt: at(375 + n * 30), closedAt: at(375 + n * 30 + 4 + (n % 3))
    }))
    const profile = classifyRelationship(k.history(k.account({ createdAt: at(0) }), { interactions, cases }), { now: at(730) })
    expect(profile.complaints.label).toBe("adequate")
    expect(profile.complaints.pressure).toBeGreaterThanOrEqual(0.5)
    expect(profile.risk.label).not.toBe("healthy")
    expect(signals(profile)).toEqual(expect.arrayContaining(["complaint-pressure", "churn-threat"]))
    expect(profile.risk.reasons.find((r) => r.signal === "complaint-pressure")!.text.params).toMatchObject({ n: 12, high: 12, escalated: 6 })
    const churn = profile.risk.reasons.find((r) => r.signal === "churn-threat")!
    expect(keysOf(churn.evidence)).toEqual([k.key("T1")])
  })

  it("reads the same complaints without the threat as pressure alone: watch, not at risk", () => {
    const k = kit({ org: "pressure-only" })
    const interactions = Array.from({ length: 48 }, (_, n) => k.interaction(`M${n}`, { at: at(n * 15), channel: "call", direction: "outbound", subject: `Account call ${n}` }))
    const cases = Array.from({ length: 12 }, (_, n) => k.kase(`C${n}`, {
      subject: subject(n), type: "Problem", priority, isEscalated: n % 2 === 0, openedAt: at(375 + n * 30), closedAt: at(375 + n * 30 + 4)
    }))
    const profile = classifyRelationship(k.history(k.account({ createdAt: at(0) }), { interactions, cases }), { now: at(730) })
    expect(signals(profile)).toContain("complaint-pressure")
    expect(signals(profile)).not.toContain("churn-threat")
    expect(profile.risk.label).toBe("watch")
  })

  /**
   * Which case is a service request is read from the case itself (features.ts `isRequest`, another
   * part of issue 13). Here the features are built from the records and marked as that reading
   * marks a how-to question, so the aggregation is tested on its own.
   */
  it("does not read 28 how-to questions answered within hours as rising complaints or a reason to fix service first", () => {
    const k = kit({ org: "howto" })
    const cases = Array.from({ length: 30 }, (_, n) => {
      const opened = n < 2 ? 100 + n * 20 : 200 + (n - 2) * 3
      return k.kase(`H${n}`, { subject: howTo(n), type: "Question", priority: "Low", openedAt: at(opened), closedAt: at(opened + 0.15) })
    })
    const interactions = Array.from({ length: 30 }, (_, n) => k.interaction(`M${n}`, { at: at(n * 10), subject: `Order ${n}` }))
    const account = k.account({ createdAt: at(0) })
    const featuresOf = (request: boolean): FeatureSet => ({
      account: accountFeatures(account), accountKey: account.key, contacts: 0,
      interactions: interactions.map(interactionFeatures), deals: [], quotes: [], lines: [], contracts: [],
      cases: cases.map((c) => ({ ...caseFeatures(c), isRequest: request }))
    })
    const now = { now: at(290) }
    const asComplaints = buildProfile(featuresOf(false), now, [])
    // The scenario is the one the issue describes: read as complaints, they "rise".
    expect(asComplaints.complaints.trend).toBe("rising")
    expect(negotiationHints(asComplaints)[0]!.id).toBe("resolve-complaints-first")

    const profile = buildProfile(featuresOf(true), now, [])
    expect(profile.complaints.requests).toBe(30)
    expect(profile.complaints.trend).not.toBe("rising")
    expect(profile.complaints.label).toBe("responsive")
    expect(profile.complaints.pressure).toBe(0)
    expect(signals(profile)).not.toContain("rising-complaints")
    expect(signals(profile)).not.toContain("complaint-pressure")
    expect(negotiationHints(profile).map((h) => h.id)).not.toContain("resolve-complaints-first")
    expect(en(profile.complaints.summary)).toMatch(/30 of them service requests/)
  })
})

describe.each([
  { language: "English", name: "Service contract, power by the hour" },
  { language: "Persian", name: "قرارداد خدمات و نگهداری سه ساله" }
])("a lease that has ended binds nobody now ($language)", ({ name }) => {
  const k = kit({ org: "ended" })
  const contract = (endDay: number) => k.contract("K1", { name, startDate: at(0), endDate: at(endDay), termMonths: 36 })
  const read = (endDay: number) => classifyRelationship(k.history(k.account({ createdAt: at(0) }), { contracts: [contract(endDay)] }), { now: at(1800) })

  it("reads lock-in from a running contract and none from one that ended, though the CRM still says Activated", () => {
    expect(read(2000).dependence.label).toBe("high")
    const ended = read(1100).dependence
    expect(ended.label).toBe("low")
    expect(ended.patterns.longTermLease).toBe(false)
    expect(ended.evidence[0]!.reason.id).toBe("a.dep.ev.ended")
  })
})

describe("our unanswered follow-ups are not activity", () => {
  it("a monthly customer silent for eight months stays at risk however often we wrote", () => {
    for (const persian of [false, true]) {
      const k = kit({ org: persian ? "quiet-fa" : "quiet-en" })
      const theirs = Array.from({ length: 24 }, (_, m) => k.interaction(`C${m}`, {
        at: at(m * 30), subject: persian ? `سفارش ماه ${m + 1}` : `Order for month ${m + 1}`, text: persian ? "لطفاً سفارش این ماه را ارسال کنید." : "Please ship this month's order."
      }))
      const ours = Array.from({ length: 4 }, (_, n) => k.interaction(`F${n}`, {
        at: at(23 * 30 + 160 + n * 20), direction: "outbound", subject: persian ? "پیگیری" : "Checking in",
        text: persian ? "سلام، خواستیم ببینیم سفارش بعدی کی است." : "Hi, just checking when your next order is due."
      }))
      const now = at(23 * 30 + 240)
      const silent = classifyRelationship(k.history(k.account({ name: "Quiet Co" }), { interactions: theirs }), { now })
      const chased = classifyRelationship(k.history(k.account({ name: "Quiet Co" }), { interactions: [...theirs, ...ours] }), { now })
      expect(signals(silent)).toContain("falling-activity")
      expect(signals(chased)).toContain("falling-activity")
      expect(chased.risk.label).toBe(silent.risk.label)
      expect(chased.engagement?.unansweredOutreach).toBe(4)
    }
  })
})

describe("a customer's rhythm is measured between conversations", () => {
  it("a customer who writes in a burst each March is not silent ten months after the last burst", () => {
    for (const persian of [false, true]) {
      const k = kit({ org: persian ? "march-fa" : "march-en" })
      const bursts = Array.from({ length: 4 }, (_, year) => Array.from({ length: 4 }, (_, n) => k.interaction(`Y${year}M${n}`, {
        at: at(year * 365 + n * 4), subject: persian ? `سفارش سالانه ${year + 1}` : `Annual order ${year + 1}`,
        text: persian ? "لطفاً پیش‌فاکتور سفارش سالانه را بفرستید." : "Please send the quote for our annual order."
      }))).flat()
      const now = at(3 * 365 + 12 + 300)
      const profile = classifyRelationship(k.history(k.account({ name: "Annual Co" }), { interactions: bursts }), { now })
      expect(profile.engagement?.silent).toBe(false)
      expect(profile.engagement?.usualGapDays).toBeGreaterThan(300)
      expect(signals(profile)).not.toContain("gone-silent")
    }
  })
})

describe("silence against the customer's own pace: weekly and quarterly writers (issue 13)", () => {
  // Two years of a customer writing at `everyDays`, each message answered by the rep the next day,
  // then `quietDays` without a word while the newsletter goes out and the rep follows up once.
  const account = (persian: boolean, everyDays: number, quietDays: number) => {
    const k = kit({ org: `pace-${everyDays}-${persian ? "fa" : "en"}` })
    const theirs: Interaction[] = []
    let last = 0
    for (let day = 0; day <= 730; day += everyDays) {
      last = day
      theirs.push(k.interaction(`C${day}`, {
        at: at(day), subject: persian ? `سفارش هفتگی ${day}` : `Order ${day}`,
        text: persian ? "لطفاً سفارش پیوست را ارسال کنید. ممنون" : "Please ship the attached order. Thanks"
      }))
      theirs.push(k.interaction(`R${day}`, { at: at(day + 1), direction: "outbound", subject: persian ? "تأیید سفارش" : "Order confirmed", text: persian ? "سفارش ثبت شد." : "Your order is booked." }))
    }
    const ours = [
      k.interaction("NL1", { at: at(last + 20), direction: "outbound", automated: true, subject: persian ? "خبرنامه ماهانه" : "Monthly newsletter" }),
      k.interaction("FU1", { at: at(last + quietDays - 10), direction: "outbound", subject: persian ? "پیگیری" : "Checking in", text: persian ? "سلام، سفارش این هفته را نفرستادید؟" : "Hi, no order from you this week?" })
    ]
    return classifyRelationship(k.history(k.account({ name: persian ? "پخش مویرگی البرز" : "Alborz Distribution" }), { interactions: [...theirs, ...ours] }), { now: at(last + quietDays) })
  }

  it("a customer who writes every week and has said nothing for two months has gone silent", () => {
    for (const persian of [false, true]) {
      const profile = account(persian, 7, 60)
      expect(profile.engagement!.usualGapDays).toBe(7)
      expect(profile.engagement!.silent).toBe(true)
      expect(signals(profile)).toContain("gone-silent")
      const hint = negotiationHints(profile, { locale: persian ? "fa-IR" : "en" }).find((h) => h.id === "retention-first")!
      expect(hint.text).toContain(persian ? "۶۰ روز" : "60 days")
    }
  })

  it("a customer who writes every quarter and has said nothing for two months keeps their pace", () => {
    for (const persian of [false, true]) {
      const profile = account(persian, 91, 60)
      expect(profile.engagement!.usualGapDays).toBe(91)
      expect(profile.engagement!.silent).toBe(false)
      expect(signals(profile)).not.toContain("gone-silent")
    }
  })
})

describe("a price buyer that became a quality buyer last year (issue 13)", () => {
  const Y = 365
  // Six years of RFQs, discount pleas and losses on price; then failures at the plant, and for the
  // last year the customer buys the premium line at 4-5 % off and says quality decides.
  const account = (persian: boolean) => {
    const k = kit({ org: `p2q-${persian ? "fa" : "en"}` })
    const deals = []
    const interactions: Interaction[] = []
    for (let y = 0; y < 6; y++) {
      deals.push(quotedDeal(k, `D${y}`, y * Y + 10, [10, 15, 20], {
        name: persian ? `استعلام کابل ${1396 + y}` : `RFQ cables ${2017 + y}`, competitorCount: 4, isClosed: true, isWon: y % 2 === 0,
        closeDate: at(y * Y + 50), ...(y % 2 ? { lossReason: persian ? "قیمت رقیب پایین‌تر بود" : "Lost on price" } : {})
      }))
      interactions.push(k.interaction(`P${y}`, {
        at: at(y * Y + 20), subject: persian ? "درخواست تخفیف" : "Discount request",
        text: persian ? "قیمت شما گران است، تخفیف بیشتری بدهید." : "Your price is too high, we need a bigger discount."
      }))
    }
    const start = 6 * Y + 30
    for (let n = 0; n < 4; n++) {
      interactions.push(k.interaction(`Q${n}`, {
        at: at(start + n * 80), subject: persian ? "کیفیت کابل" : "Cable quality",
        text: persian ? "بعد از خرابی‌های کارخانه، قیمت برای ما مهم نیست؛ کیفیت و دوام کابل ملاک ماست." : "After the failures at the plant, price is not the issue any more: quality and durability decide."
      }))
    }
    deals.push(quotedDeal(k, "W1", start + 20, [5], { name: persian ? "کابل زره‌دار ویژه" : "Armoured cable premium", competitorCount: 1, isClosed: true, isWon: true, closeDate: at(start + 60) }))
    deals.push(quotedDeal(k, "W2", start + 200, [4], { name: persian ? "کابل زره‌دار ویژه ۲" : "Armoured cable premium 2", competitorCount: 1, isClosed: true, isWon: true, closeDate: at(start + 240) }))
    const history = k.history(k.account({ name: persian ? "کابل البرز" : "Alborz Cables", createdAt: at(0) }), {
      deals: deals.map((d) => d.deal), quotes: deals.flatMap((d) => d.quotes), quoteLines: deals.flatMap((d) => d.lines), interactions
    })
    return { k, profile: classifyRelationship(history, { now: at(7 * Y + 10) }) }
  }

  it("reads quality now, says the change with its date and the records on both sides, and quotes last year's discount as the floor", () => {
    for (const persian of [false, true]) {
      const { k, profile } = account(persian)
      expect(profile.decisionCriteria.label).toBe("quality")
      expect(profile.dellTrap.flagged).toBe(false)
      expect(profile.regime!.changed).toBe(true)
      // Since their first "quality decides" email, not since the start of the 12-month window.
      expect(profile.regime!.changedAt).toBe(at(6 * Y + 30))
      expect(keysOf(profile.regime!.before)).toContain(k.key("D5"))
      expect(keysOf(profile.regime!.after)).toContain(k.key("Q3"))
      const hints = negotiationHints(profile, { locale: persian ? "fa-IR" : "en" })
      const hold = hints.find((h) => h.id === "hold-price-lead-value")!
      expect(hold.text).toContain(persian ? "رابطه عوض شده است" : "The relationship changed")
      // They bought at 5 and 4 % since the change: the line for the quote carries 5 %, not the 20 % of the RFQ years.
      expect(hold.text).toContain(persian ? "همین حالا ۵ درصد زیر قیمت فهرست" : "already carries 5 % off list")
      expect(hold.text).not.toContain(persian ? "۲۰ درصد" : "20 %")
    }
  })
})

describe("two recent emails are not a change of regime (issue 13)", () => {
  // Eight years of quarterly quality reviews (the last one inside the recent year), then two
  // emails about price in the last four months.
  const account = (persian: boolean) => {
    const k = kit({ org: `fewrecent-${persian ? "fa" : "en"}` })
    const interactions: Interaction[] = []
    for (let y = 0; y < 8; y++) {
      for (let q = 0; q < 4; q++) {
        interactions.push(k.interaction(`Q${y}${q}`, {
          at: at(y * 365 + q * 90), subject: persian ? "بازبینی فصلی کیفیت" : "Quarterly quality review",
          text: persian ? "کیفیت محموله قبلی عالی بود و پشتیبانی سریع جواب داد." : "The quality of the last batch was excellent and support answered fast."
        }))
      }
    }
    interactions.push(k.interaction("R1", { at: at(8 * 365 + 100), subject: persian ? "قیمت" : "Price", text: persian ? "قیمت شما بالاست، رقیب ۱۰ درصد ارزان‌تر داده است." : "Your price is high, a competitor offered 10% less." }))
    interactions.push(k.interaction("R2", { at: at(8 * 365 + 200), subject: persian ? "تخفیف" : "Discount", text: persian ? "برای سفارش بعدی تخفیف لازم داریم." : "We need a discount on the next order." }))
    return classifyRelationship(k.history(k.account({ name: persian ? "داروسازی سینا" : "Sina Pharma", createdAt: at(0) }), { interactions }), { now: at(8 * 365 + 250) })
  }

  it("does not say the relationship changed on the strength of two messages (EN, FA)", () => {
    for (const persian of [false, true]) {
      const profile = account(persian)
      expect(profile.regime!.changed).toBe(false)
      const texts = negotiationHints(profile, { locale: persian ? "fa-IR" : "en" }).map((h) => h.text).join(" ")
      expect(texts).not.toContain(persian ? "رابطه عوض شده است" : "The relationship changed")
    }
  })
})

describe("complaints closing slower than this account is used to (issue 13)", () => {
  // A year of machine faults fixed within a day and ten how-to questions answered within hours;
  // then four faults that took two weeks each and one still open after fifteen days.
  const account = (persian: boolean) => {
    const k = kit({ org: `norm-${persian ? "fa" : "en"}` })
    const fault = persian ? "خرابی دستگاه بسته‌بندی" : "Packing machine fault"
    const cases: Case[] = [
      ...Array.from({ length: 12 }, (_, n) => k.kase(`O${n}`, { subject: fault, type: "Mechanical", openedAt: at(n * 30), closedAt: at(n * 30 + 1) })),
      ...Array.from({ length: 10 }, (_, n) => k.kase(`H${n}`, {
        subject: persian ? "سوال: نحوه خروجی گرفتن از گزارش" : "Question: how do I export the report?", type: "Question", openedAt: at(100 + n * 25), closedAt: at(100.1 + n * 25)
      })),
      ...Array.from({ length: 4 }, (_, n) => k.kase(`S${n}`, { subject: fault, type: "Mechanical", openedAt: at(400 + n * 15), closedAt: at(414 + n * 15) })),
      k.kase("S9", { subject: fault, type: "Mechanical", openedAt: at(455), isClosed: false })
    ]
    const interactions = Array.from({ length: 20 }, (_, n) => k.interaction(`X${n}`, { at: at(n * 23), subject: persian ? `سفارش ${n}` : `PO ${n}`, text: persian ? "سفارش جدید پیوست است" : "New PO attached" }))
    return classifyRelationship(k.history(k.account({ name: persian ? "صنایع بسته‌بندی" : "Packwell" }), { cases, interactions }), { now: at(470) })
  }

  it("says the recent complaints took two weeks against their usual day, and counts complaints, not how-to questions (EN, FA)", () => {
    for (const persian of [false, true]) {
      const profile = account(persian)
      expect(profile.complaints.requests).toBe(10)
      expect(profile.complaints.recentMedianDaysToClose).toBe(14)
      const hint = negotiationHints(profile, { locale: persian ? "fa-IR" : "en" }).find((h) => h.id === "resolve-complaints-first")!
      const text = hint.text.replace(/[\u2068\u2069]/g, "")
      expect(text).toContain(persian ? "۱۴ روز بوده است، در برابر ۱ روزِ معمولِ این حساب" : "took a median 14 days to close, against 1 day usual for this account")
      expect(text).toContain(persian ? "از ۱۷ شکایت" : "of 17 complaints")
    }
  })
})

describe("a rep's logged tasks are not contact with the customer (issue 13)", () => {
  // A year of monthly orders by email, then 200 days without a word while the rep logs a to-do
  // every week ("follow up on the renewal"): tasks carry no direction in either CRM.
  const account = (persian: boolean) => {
    const k = kit({ org: `tasks-${persian ? "fa" : "en"}` })
    const theirs = Array.from({ length: 12 }, (_, m) => k.interaction(`C${m}`, {
      at: at(m * 30), subject: persian ? `سفارش ماه ${m + 1}` : `Order for month ${m + 1}`, text: persian ? "لطفاً سفارش این ماه را ارسال کنید." : "Please ship this month's order."
    }))
    const todos = Array.from({ length: 28 }, (_, w) => k.interaction(`T${w}`, {
      at: at(11 * 30 + 10 + w * 7), channel: "task", direction: "unknown", sourceObject: "Task",
      subject: persian ? "پیگیری تمدید قرارداد" : "Follow up on the renewal", text: persian ? "یادآوری: پیشنهاد تمدید را بفرستید." : "Reminder: send the renewal offer."
    }))
    return classifyRelationship(k.history(k.account({ name: persian ? "فروشگاه‌های زنجیره‌ای آرش" : "Arash Stores" }), { interactions: [...theirs, ...todos] }), { now: at(11 * 30 + 200) })
  }

  it("counts no task as a contact, and sees the activity fall (EN, FA)", () => {
    for (const persian of [false, true]) {
      const profile = account(persian)
      expect(profile.engagement!.humanContacts).toBe(12)
      expect(signals(profile)).toContain("falling-activity")
      expect(profile.risk.label).toBe("at-risk")
      const hint = negotiationHints(profile, { locale: persian ? "fa-IR" : "en" }).find((h) => h.id === "read-the-relationship-first")!
      expect(hint.text).toContain(persian ? "۱۲ تماس دوطرفه" : "12 two-way contacts")
    }
  })
})
