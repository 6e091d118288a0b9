/**
 * Deterministic synthetic account histories for benchmarks and tests: the same options give the
 * same history, byte for byte, on every machine (seeded PRNG, no clock). The mix follows what a
 * B2B account looks like in a CRM: mostly emails and calls, a deal every few months with 1-4 quote
 * revisions, occasional cases, a contract or two, some text in Persian.
 */
import type { AccountHistory, Channel, Crm, Direction } from "../model/schema"
import { TIME } from "./parameters"

export interface GenerateOptions {
  /** Number of interactions (the size that matters for classification cost). */
  interactions: number
  seed?: number
  crm?: Crm
  org?: string
  accountId?: string
  /** The end of the history (epoch ms); default 2025-06-30 UTC. */
  end?: number
  years?: number
}

/** mulberry32: small, fast, and good enough for test data. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const CHANNELS: ReadonlyArray<[Channel, number]> = [["email", 0.45], ["call", 0.22], ["meeting", 0.1], ["task", 0.15], ["note", 0.08]]
const DIRECTIONS: Readonly<Record<Channel, ReadonlyArray<[Direction, number]>>> = {
  email: [["inbound", 0.45], ["outbound", 0.5], ["unknown", 0.05]],
  call: [["inbound", 0.35], ["outbound", 0.6], ["internal", 0.05]],
  meeting: [["outbound", 0.6], ["inbound", 0.3], ["internal", 0.1]],
  task: [["internal", 0.6], ["outbound", 0.4]],
  note: [["internal", 0.9], ["unknown", 0.1]]
}
const SOURCE_OBJECTS: Readonly<Record<Crm, Readonly<Record<Channel, string>>>> = {
  salesforce: { email: "EmailMessage", call: "Task", meeting: "Event", task: "Task", note: "Task" },
  dynamics: { email: "email", call: "phonecall", meeting: "appointment", task: "task", note: "annotation" }
}
const PRODUCTS: ReadonlyArray<[string, number]> = [
  ["Industrial pump P-200", 4_800], ["Control unit CU-7", 12_400], ["Sensor kit S-40", 950], ["Valve assembly V-12", 2_150],
  ["Spare parts bundle", 600], ["Annual maintenance plan", 3_900], ["On-site installation service", 1_800], ["Operator training", 1_200]
]
const CUSTOM_LINES = ["Custom integration service (usage-based)", "Custom firmware adaptation", "Bespoke mounting frame"]
const SUBJECTS = [
  "Quarterly business review", "Follow-up", "Check-in call", "Meeting notes", "Intro call", "Order status", "Account planning",
  "Re: pricing for {p}", "Discount request for Q{q} order", "Budget review for next year", "Re: quote {n}", "Request for quote: {p}",
  "Defect report on batch {n}", "Quality audit follow-up", "Late shipment of order {n}", "Lead time for {p}",
  "Support ticket follow-up", "SLA review", "Joint design workshop", "Pilot review meeting", "RFQ {n} received",
  "پیگیری سفارش {n}", "درخواست تخفیف برای سفارش {n}", "تاخیر در ارسال سفارش", "جلسه بررسی کیفیت"
]
const SENTENCES = [
  "Thanks for the call today.", "They asked for an updated quote with volume pricing.", "Our budget is fixed for this quarter.",
  "Delivery of the last order was two weeks late.", "The field team praised the quick support response.",
  "They are comparing us with another supplier.", "Please send the revised specification.", "Can you match the competitor's price?",
  "The pilot results look promising; next step is a joint workshop.", "Honestly the new model is not worth the premium.",
  "Invoice attached for your records.", "We will review internally and come back next week.",
  "لطفا پیش‌فاکتور جدید را ارسال کنید.", "قیمت‌ها نسبت به سال گذشته بالا رفته است.", "کیفیت محصول رضایت‌بخش بود."
]
const LOSS_REASONS = ["Price", "Lost to competitor on price", "Product did not meet spec", "Delivery lead time too long", "No decision", "Budget cut"]
const LEAD_SOURCES = ["Web", "Partner Referral", "Trade Show", "Cold Call", "Phone Inquiry", "Other"]
const CASE_TYPES: ReadonlyArray<[string, string]> = [["Problem", "Breakdown"], ["Question", "Instructions not clear"], ["Problem", "Performance"], ["Request", "Installation"]]
const CASE_SUBJECTS = ["Pump failure on line 3", "Sensor reading drift", "Late delivery of spare parts", "Question about calibration", "Installation support needed"]

export function generateHistory(options: GenerateOptions): AccountHistory {
  const rand = prng(options.seed ?? 1)
  const crm: Crm = options.crm ?? "salesforce"
  const org = options.org ?? "bench"
  const end = options.end ?? Date.UTC(2025, 5, 30)
  const start = end - (options.years ?? 3) * TIME.YEAR
  const n = Math.max(0, Math.floor(options.interactions))
  let counter = 0
  const key = (prefix: string) => `${crm}:${org}:${prefix}${String(++counter).padStart(9, "0")}`
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1))
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!
  const weighted = <T>(list: ReadonlyArray<[T, number]>): T => {
    let r = rand()
    for (const [value, w] of list) if ((r -= w) < 0) return value
    return list[list.length - 1]![0]
  }
  const at = (lo: number = start, hi: number = end) => Math.floor(lo + rand() * (hi - lo))
  const fill = (template: string) => template.replace("{p}", pick(PRODUCTS)[0]).replace("{q}", String(int(1, 4))).replace("{n}", String(int(1000, 9999)))

  // Records are plain literals with one fixed key order per type (no spreads): V8 then keeps them
  // in fast mode, like the structured clones Dexie returns. Spread-built objects fall into
  // dictionary mode and make every property read several times slower, which would distort a benchmark.
  const accountKey = `${crm}:${org}:${options.accountId ?? "ACC000000001"}`
  const idOf = (k: string) => k.slice(k.lastIndexOf(":") + 1)
  const history: AccountHistory = {
    account: {
      key: accountKey, crm, org, id: idOf(accountKey), modifiedAt: start, seenAt: end,
      name: "Bench Industries", industry: "Manufacturing", type: "Customer", leadSource: pick(LEAD_SOURCES),
      annualRevenue: 25_000_000, currency: "EUR", ownerName: "Sam Rep", createdAt: start
    },
    contacts: [], interactions: [], deals: [], quotes: [], quoteLines: [], cases: [], contracts: []
  }
  for (let i = int(3, 8); i > 0; i--) {
    const k = key("003")
    history.contacts.push({ key: k, crm, org, id: idOf(k), modifiedAt: start, seenAt: end, accountKey, name: `Contact ${counter}`, title: pick(["Buyer", "Plant manager", "CFO", "Engineer"]) })
  }

  const dealCount = Math.max(3, Math.round(n / 150))
  for (let d = 0; d < dealCount; d++) {
    const dk = key("006")
    const createdAt = at(start, end - 30 * TIME.DAY)
    const closed = createdAt < end - 90 * TIME.DAY
    const won = closed && rand() < 0.55
    const closeDate = Math.min(end, createdAt + int(20, 120) * TIME.DAY)
    const rounds = int(1, 4)
    let discount = int(0, 8)
    let amount = 0
    for (let r = 1; r <= rounds; r++) {
      const qk = key("0Q0")
      const qAt = Math.min(closeDate, createdAt + r * int(3, 15) * TIME.DAY)
      let total = 0
      for (let l = int(1, 4); l > 0; l--) {
        const custom = rand() < 0.08
        const [product, list] = custom ? [pick(CUSTOM_LINES), int(2_000, 20_000)] : pick(PRODUCTS)
        const quantity = int(1, 20)
        const unitPrice = Math.round(list * (1 - discount / 100) * 100) / 100
        total += unitPrice * quantity
        const lk = key("0QL")
        history.quoteLines.push({
          key: lk, crm, org, id: idOf(lk), modifiedAt: qAt, seenAt: end, quoteKey: qk, accountKey, product, quantity,
          listPrice: list, unitPrice, discountPercent: 0, isCustom: custom
        })
      }
      total = Math.round(total * 100) / 100
      amount = total
      history.quotes.push({
        key: qk, crm, org, id: idOf(qk), modifiedAt: qAt, seenAt: end, accountKey, dealKey: dk, name: `Quote ${counter}`,
        number: `Q-${counter}`, status: r === rounds ? "Presented" : "Draft", revision: r, createdAt: qAt, total, discountPercent: discount, currency: "EUR"
      })
      discount = Math.min(60, discount + int(0, 5))
    }
    history.deals.push({
      key: dk, crm, org, id: idOf(dk), modifiedAt: closed ? closeDate : createdAt, seenAt: end, accountKey,
      name: `${pick(PRODUCTS)[0]} order ${d + 1}`, stage: closed ? (won ? "Closed Won" : "Closed Lost") : "Proposal",
      amount, currency: "EUR", createdAt, closeDate, isClosed: closed, isWon: won, type: "New Business", leadSource: pick(LEAD_SOURCES),
      lossReason: closed && !won ? pick(LOSS_REASONS) : undefined, description: undefined, competitorCount: int(0, 4),
      stageHistory: closed
        ? [{ at: createdAt, stage: "Qualification" }, { at: closeDate, stage: won ? "Closed Won" : "Closed Lost", amount }]
        : [{ at: createdAt, stage: "Qualification" }]
    })
  }

  const times: number[] = []
  for (let i = 0; i < n; i++) times.push(at())
  times.sort((a, b) => a - b)
  for (const t of times) {
    const channel = weighted(CHANNELS)
    const direction = weighted(DIRECTIONS[channel])
    const text = rand() < 0.3 ? Array.from({ length: int(1, 3) }, () => pick(SENTENCES)).join(" ") : undefined
    const dealKey = rand() < 0.2 ? history.deals[int(0, history.deals.length - 1)]!.key : undefined
    const k = key(channel === "email" ? "02s" : "00T")
    history.interactions.push({
      key: k, crm, org, id: idOf(k), modifiedAt: t, seenAt: end, accountKey, dealKey, channel, direction, at: t,
      subject: fill(pick(SUBJECTS)), text, sourceObject: SOURCE_OBJECTS[crm][channel]
    })
  }

  for (let c = Math.max(2, Math.round(n / 250)); c > 0; c--) {
    const openedAt = at()
    const closedAt = openedAt + Math.floor((0.5 + rand() * 20) * TIME.DAY)
    const isClosed = closedAt < end
    const [type, reason] = pick(CASE_TYPES)
    const k = key("500")
    history.cases.push({
      key: k, crm, org, id: idOf(k), modifiedAt: isClosed ? closedAt : openedAt, seenAt: end, accountKey, number: String(counter),
      subject: pick(CASE_SUBJECTS), description: undefined, type, reason, origin: pick(["Phone", "Email", "Web"]),
      priority: pick(["Low", "Medium", "High"]), status: isClosed ? "Closed" : "Working", isEscalated: rand() < 0.15, isClosed,
      openedAt, closedAt: isClosed ? closedAt : undefined
    })
  }
  for (let c = Math.max(1, Math.round(n / 3000)); c > 0; c--) {
    const startDate = at(start, end - 180 * TIME.DAY)
    const lease = rand() < 0.5
    const termMonths = lease ? 60 : 12
    const k = key("800")
    history.contracts.push({
      key: k, crm, org, id: idOf(k), modifiedAt: startDate, seenAt: end, accountKey, number: String(counter),
      name: lease ? "Equipment lease and service agreement" : "Annual supply agreement", status: "Activated", startDate,
      endDate: Math.round(startDate + termMonths * TIME.MONTH), termMonths, value: int(20_000, 400_000), description: undefined
    })
  }
  // What Dexie returns is a structured clone: flat strings and fast-mode objects. Cloning here
  // gives benchmarks the same memory layout (template-built strings are V8 cons-strings, which
  // are slower to read character by character).
  return structuredClone(history)
}
