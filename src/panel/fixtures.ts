/**
 * Test fixtures: a small, believable Salesforce account history (price-driven customer,
 * deepening discounts, a few cases) and its real classification. Used by component tests only.
 */
import { classifyRelationship } from "../analysis"
import type { RelationshipProfile } from "../analysis/profile"
import type { AccountHistory } from "../model/schema"
import { toId18 } from "../crm/salesforce/ids"

export const ORG = "acme"
export const HOST = "acme.lightning.force.com"
const DAY = 86_400_000
export const NOW = Date.UTC(2026, 10, 20)

const id = (prefix: string, n: number) => toId18(`${prefix}Aa${String(n).padStart(10, "0")}`)!
const key = (i: string) => `salesforce:${ORG}:${i}`

export const ACCOUNT_ID = id("001", 1)
export const ACCOUNT_KEY = key(ACCOUNT_ID)
export const OPEN_DEAL_ID = id("006", 9)

export function sampleHistory(): AccountHistory {
  const base = { crm: "salesforce" as const, org: ORG, seenAt: NOW }
  const interactions = Array.from({ length: 24 }, (_, n) => {
    const i = id("00T", n + 1)
    return {
      ...base,
      key: key(i),
      id: i,
      accountKey: ACCOUNT_KEY,
      channel: n % 3 === 0 ? ("email" as const) : ("call" as const),
      direction: n % 2 === 0 ? ("inbound" as const) : ("outbound" as const),
      at: NOW - (400 - n * 15) * DAY,
      subject: n % 4 === 0 ? "Asking for a lower price and a bigger discount" : "Delivery schedule",
      text: n % 4 === 0 ? "The price is too high, competitor offers a cheaper quote." : undefined,
      sourceObject: "Task"
    }
  })
  const deals = [1, 2, 3, 9].map((n, k) => {
    const i = n === 9 ? OPEN_DEAL_ID : id("006", n)
    return {
      ...base,
      key: key(i),
      id: i,
      accountKey: ACCOUNT_KEY,
      name: `Order ${n}`,
      stage: n === 9 ? "Negotiation" : "Closed Won",
      amount: 50_000,
      currency: "USD",
      createdAt: NOW - (360 - k * 100) * DAY,
      closeDate: n === 9 ? undefined : NOW - (330 - k * 100) * DAY,
      isClosed: n !== 9,
      isWon: n !== 9,
      lossReason: undefined,
      stageHistory: []
    }
  })
  const quotes = deals.flatMap((d, k) =>
    [1, 2].map((rev) => {
      const i = id("0Q0", k * 10 + rev)
      const discount = 5 + k * 5 + rev * 2
      return {
        ...base,
        key: key(i),
        id: i,
        accountKey: ACCOUNT_KEY,
        dealKey: d.key,
        name: `${d.name} quote ${rev}`,
        revision: rev,
        createdAt: d.createdAt + rev * 5 * DAY,
        total: Math.round(50_000 * (1 - discount / 100)),
        discountPercent: discount,
        currency: "USD"
      }
    })
  )
  const cases = [1, 2, 3].map((n) => {
    const i = id("500", n)
    return {
      ...base,
      key: key(i),
      id: i,
      accountKey: ACCOUNT_KEY,
      subject: n === 3 ? "Late delivery again" : "Invoice price dispute",
      status: n === 3 ? "New" : "Closed",
      isEscalated: n === 2,
      isClosed: n !== 3,
      openedAt: NOW - (200 - n * 40) * DAY,
      closedAt: n !== 3 ? NOW - (190 - n * 40) * DAY : undefined
    }
  })
  return {
    account: { ...base, key: ACCOUNT_KEY, id: ACCOUNT_ID, name: "Globex Corporation", leadSource: "Web" },
    contacts: [],
    interactions,
    deals,
    quotes,
    quoteLines: [],
    cases,
    contracts: []
  }
}

export function sampleProfile(): RelationshipProfile {
  return classifyRelationship(sampleHistory(), { now: NOW })
}
