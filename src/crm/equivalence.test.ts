/**
 * Acceptance: the same account synced from Salesforce fixtures and from Dynamics fixtures (same
 * underlying facts: both mocks are built from demo/org.ts) produces the same canonical history and
 * the same classification.
 *
 * Each account is synced end to end through the real connector (mock HTTP API -> sync -> mapper ->
 * IndexedDB), read back with readAccountHistory, and the two histories are compared through a
 * CRM-neutral projection. Nothing is hard-coded: every expectation is "Salesforce === Dynamics".
 *
 * Left out of the projection, on purpose (legitimate CRM differences, not mapping bugs):
 * - key / id / org / crm / sourceObject / seenAt / modifiedAt: CRM-specific identity and bookkeeping.
 * - Deal.stageHistory and Deal.stage: Salesforce has OpportunityHistory and named stages; Dynamics
 *   has no built-in stage history and its stages are a different picklist (salesstage / stepname).
 * - Interaction.text: bodies travel through different fields (Description / TextBody vs description
 *   HTML) and may be trimmed or converted differently.
 * - Quote.status, number, name and Case.status / number / origin / priority, Contract.number / name:
 *   each CRM has its own picklists and auto-numbers.
 * - direction of interactions is compared as-is (both CRMs carry it: Salesforce via the demo's
 *   direction field / EmailMessage.Incoming, Dynamics via directioncode), see the projection below.
 */
import { describe, expect, it } from "vitest"
import { createDynamicsMockApi } from "../../demo/dynamics/mock-api"
import { DEMO_ACCOUNTS, DEMO_NOW, dynIds, sfIds, type DemoAccount } from "../../demo/org"
import { createMockSalesforceApi, mockFetch } from "../../demo/salesforce/mock-api"
import { DEMO_SALESFORCE } from "../../demo/salesforce/records"
import { classifyRelationship, type RelationshipProfile } from "../analysis"
import { openDatabase } from "../model/db"
import { recordKey } from "../model/keys"
import type { AccountHistory } from "../model/schema"
import { readAccountHistory } from "../model/store"
import type { FetchLike } from "./dynamics/api"
import { syncDynamicsAccount } from "./dynamics/sync"
import { syncSalesforceAccount } from "./salesforce/sync"

const DYN_ORG = "northwind.crm4"
const MINUTE = 60_000
const SCORE_TOLERANCE = 1e-6
let serial = 0

const minute = (t: number | undefined) => (t === undefined ? undefined : Math.round(t / MINUTE))
const cents = (n: number | undefined) => (n === undefined ? undefined : Math.round(n * 100) / 100)
const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort()

async function viaSalesforce(account: DemoAccount): Promise<AccountHistory> {
  const api = createMockSalesforceApi()
  const db = openDatabase(`equivalence-sf-${Date.now()}-${++serial}`)
  const result = await syncSalesforceAccount(
    {
      fetch: mockFetch(api).fetch,
      getSession: async () => ({ apiHost: DEMO_SALESFORCE.apiHost, sid: DEMO_SALESFORCE.sessionId }),
      db,
      now: () => DEMO_NOW,
      sleep: async () => {}
    },
    { org: DEMO_SALESFORCE.org, accountId: sfIds.account(account) }
  )
  expect(result.status.state, `salesforce sync of ${account.name}`).toBe("synced")
  expect(result.rejected, `salesforce rejected records of ${account.name}`).toBe(0)
  const history = await readAccountHistory(db, recordKey("salesforce", DEMO_SALESFORCE.org, sfIds.account(account)))
  db.close()
  expect(history, `salesforce history of ${account.name}`).not.toBeNull()
  return history!
}

async function viaDynamics(account: DemoAccount): Promise<AccountHistory> {
  const mock = createDynamicsMockApi({ now: DEMO_NOW })
  const db = openDatabase(`equivalence-dyn-${Date.now()}-${++serial}`)
  const result = await syncDynamicsAccount(
    { fetch: mock.fetch as FetchLike, baseUrl: mock.baseUrl, db, now: () => DEMO_NOW, sleep: async () => {} },
    { org: DYN_ORG, accountId: dynIds.account(account) }
  )
  expect(result.status.state, `dynamics sync of ${account.name}`).toBe("synced")
  expect(result.rejected, `dynamics rejected records of ${account.name}`).toBe(0)
  const history = await readAccountHistory(db, recordKey("dynamics", DYN_ORG, dynIds.account(account)))
  db.close()
  expect(history, `dynamics history of ${account.name}`).not.toBeNull()
  return history!
}

/** The CRM-neutral facts of a history: what both CRMs carry for the same account. */
function project(h: AccountHistory) {
  const dealName = new Map(h.deals.map((d) => [d.key, d.name]))
  const quoteOf = new Map(h.quotes.map((q) => [q.key, `${dealName.get(q.dealKey ?? "") ?? "-"}#${q.revision}`]))
  return {
    counts: {
      contacts: h.contacts.length,
      interactions: h.interactions.length,
      deals: h.deals.length,
      quotes: h.quotes.length,
      quoteLines: h.quoteLines.length,
      cases: h.cases.length,
      contracts: h.contracts.length
    },
    account: { name: h.account.name, industry: h.account.industry, annualRevenue: h.account.annualRevenue, currency: h.account.currency },
    contacts: sorted(h.contacts.map((c) => ({ name: c.name, email: c.email?.toLowerCase() }))),
    interactions: sorted(
      h.interactions.map((i) => ({ channel: i.channel, direction: i.direction, at: minute(i.at), subject: i.subject, deal: i.dealKey ? dealName.get(i.dealKey) : undefined }))
    ),
    deals: sorted(h.deals.map((d) => ({ name: d.name, isClosed: d.isClosed, isWon: d.isWon, amount: cents(d.amount) }))),
    quotes: sorted(h.quotes.map((q) => ({ deal: dealName.get(q.dealKey ?? ""), revision: q.revision, total: cents(q.total) }))),
    quoteLines: sorted(
      h.quoteLines.map((l) => ({ quote: quoteOf.get(l.quoteKey), unitPrice: cents(l.unitPrice), listPrice: cents(l.listPrice), quantity: l.quantity, isCustom: l.isCustom }))
    ),
    cases: sorted(h.cases.map((c) => ({ subject: c.subject, isClosed: c.isClosed, isEscalated: c.isEscalated, openedAt: minute(c.openedAt) }))),
    contracts: sorted(h.contracts.map((c) => ({ status: c.status, termMonths: c.termMonths, value: cents(c.value) })))
  }
}

const AXES = ["valueOrigin", "dominance", "initiator", "decisionCriteria", "complaints", "dependence", "crmStrategy", "risk"] as const

function labels(p: RelationshipProfile) {
  return {
    ...Object.fromEntries(AXES.map((a) => [a, p[a].label])),
    dellTrap: p.dellTrap.flagged,
    dellTrapConditions: p.dellTrap.conditions,
    pushback: p.pushback.label,
    discountTrend: p.concessions.discountTrend,
    sampleSize: p.sampleSize
  }
}

function scores(p: RelationshipProfile): Record<string, number> {
  return { ...Object.fromEntries(AXES.map((a) => [a, p[a].score])), pushback: p.pushback.score }
}

describe("Salesforce and Dynamics give the same canonical history and classification", () => {
  it.each(DEMO_ACCOUNTS.map((a) => [a.name, a] as const))("%s", async (_name, account) => {
    const [sf, dyn] = await Promise.all([viaSalesforce(account), viaDynamics(account)])
    // Guard against a vacuous pass: the demo account really has facts on both sides.
    expect(sf.interactions.length + sf.deals.length).toBeGreaterThan(0)

    const a = project(sf)
    const b = project(dyn)
    for (const field of Object.keys(a) as (keyof typeof a)[]) expect.soft(a[field], `${account.name}: ${field}`).toEqual(b[field])

    const pa = classifyRelationship(sf, { now: DEMO_NOW })
    const pb = classifyRelationship(dyn, { now: DEMO_NOW })
    expect.soft(labels(pa), `${account.name}: classification labels`).toEqual(labels(pb))
    const sa = scores(pa)
    const sb = scores(pb)
    for (const axis of Object.keys(sa)) expect.soft(Math.abs(sa[axis]! - sb[axis]!), `${account.name}: ${axis} score ${sa[axis]} vs ${sb[axis]}`).toBeLessThanOrEqual(SCORE_TOLERANCE)
  })
})
