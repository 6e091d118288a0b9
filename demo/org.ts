/**
 * The demo org: one sample supplier ("Northwind Industrial") and its customer accounts, with a
 * believable multi-year history. This is the ONE place sample data lives: the demo pages, the mock
 * Salesforce and Dynamics APIs, the e2e tests and the benchmarks all render from it.
 *
 * The data is CRM-neutral; `demo/salesforce/*` and `demo/dynamics/*` render it in each CRM's own
 * page markup and API JSON. Every id is deterministic (Salesforce 18-char ids with a valid
 * checksum, Dynamics lower-case GUIDs), and so is every date: `DEMO_NOW` anchors the timeline.
 */
import { toId18 } from "../src/crm/salesforce/ids"

export const DEMO_NOW = Date.UTC(2026, 10, 20, 9, 0, 0)
const DAY = 86_400_000

export const DEMO_ORG = {
  /** Salesforce My Domain: acme.lightning.force.com (UI) and acme.my.salesforce.com (API). */
  salesforceDomain: "northwind",
  /** Salesforce org id (00D…, 15 characters), the prefix of the `sid` cookie. */
  salesforceOrgId: "00D5g000004XyZa",
  dynamicsHost: "northwind.crm4.dynamics.com",
  supplierName: "Northwind Industrial",
  currency: "USD"
} as const

export type DemoChannel = "call" | "meeting" | "email" | "task" | "note"
export type DemoDirection = "inbound" | "outbound" | "internal"

export interface DemoContact {
  n: number
  name: string
  title: string
  email: string
  phone: string
}
export interface DemoActivity {
  n: number
  channel: DemoChannel
  direction: DemoDirection
  at: number
  subject: string
  text?: string
}
export interface DemoQuoteLine {
  product: string
  quantity: number
  listPrice: number
  unitPrice: number
  isCustom?: boolean
}
export interface DemoQuote {
  n: number
  name: string
  status: string
  createdAt: number
  lines: DemoQuoteLine[]
}
export interface DemoDeal {
  n: number
  name: string
  stage: string
  amount: number
  createdAt: number
  closeDate: number
  isClosed: boolean
  isWon: boolean
  type: string
  lossReason?: string
  description?: string
  stages: { at: number; stage: string; amount: number }[]
  quotes: DemoQuote[]
}
export interface DemoCase {
  n: number
  subject: string
  description: string
  type: string
  reason: string
  priority: string
  isEscalated: boolean
  openedAt: number
  closedAt?: number
}
export interface DemoContract {
  n: number
  name: string
  status: string
  startDate: number
  termMonths: number
  value: number
  description: string
}
export interface DemoAccount {
  n: number
  name: string
  industry: string
  type: string
  leadSource: string
  annualRevenue: number
  currency: string
  owner: string
  createdAt: number
  phone: string
  website: string
  city: string
  contacts: DemoContact[]
  activities: DemoActivity[]
  deals: DemoDeal[]
  cases: DemoCase[]
  contracts: DemoContract[]
}

/** Deterministic PRNG (mulberry32): the same history on every machine and run. */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface AccountPlan {
  name: string
  industry: string
  leadSource: string
  annualRevenue: number
  yearsActive: number
  contacts: [string, string][]
  inboundShare: number
  subjects: { inbound: string[]; outbound: string[] }
  deals: {
    name: string
    listPrice: number
    quantity: number
    discounts: number[]
    won: boolean | "open"
    lossReason?: string
    custom?: boolean
    description?: string
  }[]
  cases: { subject: string; description: string; type: string; reason: string; daysToClose?: number; escalated?: boolean }[]
  contracts: { name: string; termMonths: number; value: number; description: string }[]
  city: string
  /** Activities a rep logs with their words, placed `day` days after deal `deal` was created. */
  notes?: { deal: number; day: number; channel: DemoChannel; direction: DemoDirection; subject: string; text: string }[]
}

const PLANS: AccountPlan[] = [
  {
    name: "Globex Manufacturing",
    industry: "Manufacturing",
    leadSource: "Outbound",
    annualRevenue: 412_000_000,
    yearsActive: 4,
    city: "Springfield",
    contacts: [["Hank Scorpio", "VP Operations"], ["Mindy Simmons", "Plant Manager"], ["Frank Grimes", "Maintenance Lead"]],
    inboundShare: 0.45,
    subjects: {
      inbound: ["Usage report questions", "Request: add two presses to the lease", "Maintenance window planning", "Lease renewal terms"],
      outbound: ["Quarterly usage review", "Lease portfolio review", "Service visit follow-up", "Uptime report shared"]
    },
    deals: [
      { name: "Press line lease 2023", listPrice: 180_000, quantity: 1, discounts: [4, 4], won: true, description: "Five-year lease with full-service maintenance" },
      { name: "Service contract expansion", listPrice: 62_000, quantity: 1, discounts: [3], won: true },
      { name: "Press line lease extension 2026", listPrice: 210_000, quantity: 1, discounts: [2.5], won: "open", description: "Lease extension with uptime SLA" }
    ],
    cases: [
      { subject: "Hydraulic pressure alarm on press 3", description: "Quality issue on part tolerance", type: "Problem", reason: "Quality", daysToClose: 2 },
      { subject: "Maintenance visit reschedule", description: "Need a new date for the service visit", type: "Request", reason: "Support", daysToClose: 1 }
    ],
    contracts: [
      { name: "Press line lease (60 months)", termMonths: 60, value: 900_000, description: "Long-term equipment lease with maintenance and usage reporting" },
      { name: "Full-service maintenance", termMonths: 36, value: 186_000, description: "Service contract with uptime SLA" }
    ]
  },
  {
    name: "Initech Retail Supply",
    industry: "Retail",
    leadSource: "Web",
    annualRevenue: 88_000_000,
    yearsActive: 3,
    city: "Austin",
    contacts: [["Bill Lumbergh", "Procurement Director"], ["Peter Gibbons", "Buyer"]],
    inboundShare: 0.7,
    subjects: {
      inbound: ["RFQ: shelving units, best price", "Can you match the competitor's price?", "Discount request for Q3 order", "Budget cut — need a cheaper option", "Price too high vs other vendor"],
      outbound: ["Revised quote sent", "Follow-up on pricing", "Volume discount proposal"]
    },
    deals: [
      { name: "Shelving RFQ 2024", listPrice: 48_000, quantity: 1, discounts: [5, 9, 12], won: true },
      { name: "Store refit 2025", listPrice: 75_000, quantity: 1, discounts: [8, 14, 18], won: false, lossReason: "Price — lost to a cheaper competitor" },
      { name: "Checkout counters RFQ 2026", listPrice: 52_000, quantity: 1, discounts: [10, 16, 21], won: "open" }
    ],
    // What a rep logs on a price buyer: the competitor they quote and why the refit was lost.
    notes: [
      { deal: 1, day: 20, channel: "email", direction: "inbound", subject: "Store refit: competing quote", text: "ShelfCo quoted 9% below your revised price. Can you match it?" },
      { deal: 1, day: 80, channel: "call", direction: "inbound", subject: "Store refit lost", text: "Bill called: they went with ShelfCo on price." },
      { deal: 2, day: 25, channel: "call", direction: "inbound", subject: "Checkout counters: price", text: "RetailFit offers 15% off list; they want us to beat it." }
    ],
    cases: [
      { subject: "Invoice dispute: discount not applied", description: "Customer says the agreed discount was missing on the invoice", type: "Problem", reason: "Billing", daysToClose: 9 }
    ],
    contracts: []
  },
  {
    name: "Umbrella Health Systems",
    industry: "Healthcare",
    leadSource: "Referral",
    annualRevenue: 230_000_000,
    yearsActive: 3,
    city: "Raccoon City",
    contacts: [["Alice Abernathy", "Head of Clinical Engineering"], ["Carlos Oliveira", "IT Integration Lead"]],
    inboundShare: 0.55,
    subjects: {
      inbound: ["Requirements for the sterilisation line", "Pilot results and next steps", "Integration questions"],
      outbound: ["Joint design workshop", "Pilot kickoff", "Co-design session: custom trays", "Roadmap review workshop"]
    },
    deals: [
      { name: "Sterilisation pilot", listPrice: 40_000, quantity: 1, discounts: [0], won: true, custom: true, description: "Pilot co-designed with the clinical team" },
      { name: "Custom tray integration service", listPrice: 120_000, quantity: 1, discounts: [3], won: true, custom: true, description: "Custom service billed by usage" },
      { name: "Second site rollout", listPrice: 160_000, quantity: 1, discounts: [2], won: "open", custom: true }
    ],
    cases: [
      { subject: "Integration API timeout", description: "Support response needed for the HL7 bridge", type: "Problem", reason: "Support", daysToClose: 3 }
    ],
    contracts: [{ name: "Usage-based integration service", termMonths: 24, value: 240_000, description: "Custom service paid by usage" }]
  },
  {
    name: "شرکت پخش داریوش",
    industry: "Distribution",
    leadSource: "Inbound",
    annualRevenue: 35_000_000,
    yearsActive: 2,
    city: "Tehran",
    contacts: [["Dariush Karimi", "مدیر خرید"], ["Shirin Ahmadi", "کارشناس فنی"]],
    inboundShare: 0.75,
    subjects: {
      inbound: ["درخواست تخفیف برای سفارش جدید", "قیمت بالاتر از رقیب است", "تاخیر در تحویل محموله", "درخواست پیش‌فاکتور"],
      outbound: ["ارسال پیش‌فاکتور اصلاح‌شده", "پیگیری تحویل", "پیشنهاد قرارداد سالانه"]
    },
    deals: [
      { name: "Forklift fleet 2025", listPrice: 95_000, quantity: 1, discounts: [6, 10], won: true },
      { name: "Warehouse racking 2026", listPrice: 58_000, quantity: 1, discounts: [7, 12], won: "open" }
    ],
    cases: [
      { subject: "تاخیر در تحویل", description: "محموله دو هفته دیر رسید", type: "Problem", reason: "Delivery", daysToClose: 12, escalated: true },
      { subject: "کیفیت قطعات یدکی", description: "قطعات معیوب بودند", type: "Problem", reason: "Quality", daysToClose: 15 }
    ],
    contracts: []
  },
  {
    name: "Hooli Labs",
    industry: "Technology",
    leadSource: "Event",
    annualRevenue: 12_000_000,
    yearsActive: 0.1,
    city: "Palo Alto",
    contacts: [["Gavin Belson", "CEO"]],
    inboundShare: 0.2,
    subjects: { inbound: ["Thanks for the demo"], outbound: ["Intro after the trade show"] },
    deals: [],
    cases: [],
    contracts: []
  }
]

/** A Salesforce 18-character id: key prefix + a zero-padded serial, with its checksum. */
export function sfId(prefix: string, serial: number): string {
  const id15 = prefix + serial.toString(36).toUpperCase().padStart(12, "0")
  return toId18(id15)!
}

/** A Dynamics GUID derived from a table tag and serial (lower case, no braces). */
export function dynGuid(tag: number, serial: number): string {
  const hex = (tag * 1_000_003 + serial).toString(16).padStart(12, "0")
  return `${tag.toString(16).padStart(8, "0")}-0000-4000-8000-${hex}`
}

function buildAccount(plan: AccountPlan, n: number): DemoAccount {
  const random = rng(1000 + n)
  const start = DEMO_NOW - Math.round(plan.yearsActive * 365 * DAY)
  const contacts = plan.contacts.map(([name, title], i) => ({
    n: n * 100 + i,
    name,
    title,
    email: `${name.toLowerCase().replace(/[^a-z]+/g, ".")}@${plan.name.split(" ")[0]!.toLowerCase().replace(/[^a-z]/g, "") || "customer"}.example`,
    phone: `+1 555 01${String(n).padStart(2, "0")} ${String(1000 + i * 7)}`
  }))

  const activityCount = Math.max(2, Math.round(plan.yearsActive * 36))
  const activities: DemoActivity[] = []
  const span = DEMO_NOW - start
  for (let i = 0; i < activityCount; i++) {
    // The first activity is the opening move, so it follows the lead source's direction.
    const inbound = i === 0 ? plan.inboundShare >= 0.5 : random() < plan.inboundShare
    const pool = inbound ? plan.subjects.inbound : plan.subjects.outbound
    const channels: DemoChannel[] = ["email", "call", "meeting", "email", "task"]
    const channel = channels[Math.floor(random() * channels.length)]!
    activities.push({
      n: n * 1000 + i,
      channel,
      direction: inbound ? "inbound" : "outbound",
      at: start + Math.round((span * i) / activityCount + random() * DAY),
      subject: pool[Math.floor(random() * pool.length)]!
    })
  }

  const dealStart = (i: number) => start + Math.round(((i + 0.3) / (plan.deals.length + 0.5)) * span)
  for (const [j, note] of (plan.notes ?? []).entries()) {
    activities.push({ n: n * 1000 + activityCount + j, channel: note.channel, direction: note.direction, at: dealStart(note.deal) + note.day * DAY, subject: note.subject, text: note.text })
  }
  activities.sort((a, b) => a.at - b.at || a.n - b.n)

  const deals: DemoDeal[] = plan.deals.map((d, i) => {
    const createdAt = dealStart(i)
    const open = d.won === "open"
    const closeDate = open ? DEMO_NOW + 30 * DAY : createdAt + 75 * DAY
    const quotes: DemoQuote[] = d.discounts.map((discount, r) => ({
      n: n * 100 + i * 10 + r,
      name: `${d.name} — rev ${r + 1}`,
      status: r === d.discounts.length - 1 ? (open ? "Presented" : d.won ? "Accepted" : "Denied") : "Rejected",
      createdAt: createdAt + (r + 1) * 9 * DAY,
      lines: [
        {
          product: d.custom ? `${d.name} (custom)` : d.name.replace(/ \d{4}$/, ""),
          quantity: d.quantity,
          listPrice: d.listPrice,
          unitPrice: Math.round(d.listPrice * (1 - discount / 100)),
          isCustom: d.custom ?? false
        }
      ]
    }))
    const finalAmount = quotes.at(-1)?.lines[0]?.unitPrice ?? d.listPrice
    const stage = open ? "Negotiation/Review" : d.won ? "Closed Won" : "Closed Lost"
    return {
      n: n * 10 + i,
      name: d.name,
      stage,
      amount: finalAmount,
      createdAt,
      closeDate,
      isClosed: !open,
      isWon: d.won === true,
      type: i === 0 ? "New Customer" : "Existing Customer - Upgrade",
      lossReason: d.lossReason,
      description: d.description,
      stages: [
        { at: createdAt, stage: "Prospecting", amount: d.listPrice },
        { at: createdAt + 10 * DAY, stage: "Proposal/Price Quote", amount: d.listPrice },
        { at: createdAt + 30 * DAY, stage: "Negotiation/Review", amount: finalAmount },
        ...(open ? [] : [{ at: closeDate, stage, amount: finalAmount }])
      ],
      quotes
    }
  })

  const cases: DemoCase[] = plan.cases.map((c, i) => {
    const openedAt = start + Math.round(((i + 0.5) / (plan.cases.length + 0.5)) * span)
    return {
      n: n * 100 + i,
      subject: c.subject,
      description: c.description,
      type: c.type,
      reason: c.reason,
      priority: c.escalated ? "High" : "Medium",
      isEscalated: c.escalated ?? false,
      openedAt,
      closedAt: c.daysToClose === undefined ? undefined : openedAt + c.daysToClose * DAY
    }
  })

  const contracts: DemoContract[] = plan.contracts.map((c, i) => ({
    n: n * 10 + i,
    name: c.name,
    status: "Activated",
    startDate: start + 60 * DAY + i * 200 * DAY,
    termMonths: c.termMonths,
    value: c.value,
    description: c.description
  }))

  return {
    n,
    name: plan.name,
    industry: plan.industry,
    type: "Customer",
    leadSource: plan.leadSource,
    annualRevenue: plan.annualRevenue,
    currency: DEMO_ORG.currency,
    owner: "Rosa Diaz",
    createdAt: start,
    phone: `+1 555 01${String(n).padStart(2, "0")} 0000`,
    website: `https://www.${plan.name.split(" ")[0]!.toLowerCase().replace(/[^a-z]/g, "") || "dariush"}.example`,
    city: plan.city,
    contacts,
    activities,
    deals,
    cases,
    contracts
  }
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = PLANS.map((plan, i) => buildAccount(plan, i + 1))

/** Salesforce ids of every demo record, derived from the record's serial. */
export const sfIds = {
  account: (a: DemoAccount) => sfId("001", a.n),
  contact: (c: DemoContact) => sfId("003", c.n),
  activity: (x: DemoActivity) => sfId(x.channel === "meeting" ? "00U" : x.channel === "email" ? "02s" : "00T", x.n),
  deal: (d: DemoDeal) => sfId("006", d.n),
  quote: (q: DemoQuote) => sfId("0Q0", q.n),
  quoteLine: (q: DemoQuote, i: number) => sfId("0QL", q.n * 10 + i),
  case: (c: DemoCase) => sfId("500", c.n),
  contract: (c: DemoContract) => sfId("800", c.n)
}

/** Dynamics GUIDs of every demo record. */
export const dynIds = {
  account: (a: DemoAccount) => dynGuid(1, a.n),
  contact: (c: DemoContact) => dynGuid(2, c.n),
  activity: (x: DemoActivity) => dynGuid(3, x.n),
  deal: (d: DemoDeal) => dynGuid(4, d.n),
  quote: (q: DemoQuote) => dynGuid(5, q.n),
  quoteLine: (q: DemoQuote, i: number) => dynGuid(6, q.n * 10 + i),
  case: (c: DemoCase) => dynGuid(7, c.n),
  contract: (c: DemoContract) => dynGuid(8, c.n)
}
