import { describe, expect, it } from "vitest"
import { DEMO_ACCOUNTS, sfIds } from "../org"
import { createMockSalesforceApi, mockFetch, type MockSalesforceApi } from "./mock-api"
import { API_VERSION, DEMO_SALESFORCE, generateActivities } from "./records"

const BASE = `https://${DEMO_SALESFORCE.apiHost}`
const AUTH = { Authorization: `Bearer ${DEMO_SALESFORCE.sessionId}` }
const [globex, initech] = DEMO_ACCOUNTS
const GLOBEX = sfIds.account(globex!)

type Json = Record<string, unknown> & { records: Record<string, unknown>[]; done: boolean; totalSize: number; nextRecordsUrl?: string }

function get(api: MockSalesforceApi, pathOrSoql: string, headers: Record<string, string> = AUTH) {
  const url = pathOrSoql.startsWith("/") ? `${BASE}${pathOrSoql}` : `${BASE}/services/data/${API_VERSION}/query?q=${encodeURIComponent(pathOrSoql)}`
  const res = api.handle({ method: "GET", url, headers })
  return { ...res, json: () => JSON.parse(res.body) as Json }
}

describe("query results follow the documented JSON", () => {
  it("returns records with attributes, totalSize and done", () => {
    const api = createMockSalesforceApi()
    const res = get(api, `SELECT Id, Name, Owner.Name FROM Account WHERE Id = '${GLOBEX}'`)
    expect(res.status).toBe(200)
    expect(res.headers["sforce-limit-info"]).toMatch(/^api-usage=\d+\/100000$/)
    expect(res.json()).toEqual({
      totalSize: 1,
      done: true,
      records: [
        {
          attributes: { type: "Account", url: `/services/data/${API_VERSION}/sobjects/Account/${GLOBEX}` },
          Id: GLOBEX,
          Name: globex!.name,
          Owner: { attributes: { type: "User", url: expect.stringContaining("/sobjects/User/005") }, Name: "Rosa Diaz" }
        }
      ]
    })
  })

  it("nests parent-to-child subqueries, null when empty, filtered by their relationship", () => {
    const api = createMockSalesforceApi()
    const hooli = sfIds.account(DEMO_ACCOUNTS[4]!)
    const body = get(api, `SELECT Id, (SELECT Id, AccountId FROM Contacts), (SELECT Id FROM Opportunities) FROM Account WHERE Id IN ('${GLOBEX}', '${hooli}') ORDER BY Name`).json()
    const [g, h] = body.records as { Contacts: Json | null; Opportunities: Json | null }[]
    expect(g!.Contacts).toMatchObject({ totalSize: 3, done: true })
    expect(g!.Contacts!.records.every((c) => c.AccountId === GLOBEX)).toBe(true)
    expect(h!.Opportunities).toBeNull()
  })

  it("filters by AccountId, WhatId, OpportunityId, QuoteId and SystemModstamp >", () => {
    const api = createMockSalesforceApi()
    const deal = initech!.deals[1]!
    const quote = deal.quotes[0]!
    const count = (soql: string) => get(api, soql).json().totalSize
    expect(count(`SELECT Id FROM Opportunity WHERE AccountId = '${sfIds.account(initech!)}'`)).toBe(3)
    expect(count(`SELECT Id FROM Quote WHERE OpportunityId = '${sfIds.deal(deal)}'`)).toBe(3)
    expect(count(`SELECT Id FROM QuoteLineItem WHERE QuoteId = '${sfIds.quote(quote)}'`)).toBe(1)
    const whatAccount = globex!.activities.filter((a) => a.channel !== "email" && a.channel !== "meeting").length
    expect(count(`SELECT Id FROM Task WHERE AccountId = '${GLOBEX}'`)).toBe(whatAccount)
    expect(count(`SELECT Id FROM Task WHERE WhatId = '${GLOBEX.slice(0, 15)}'`)).toBeLessThanOrEqual(whatAccount)
    const all = count(`SELECT Id FROM Task WHERE AccountId = '${GLOBEX}' AND SystemModstamp > 2000-01-01T00:00:00Z`)
    const recent = count(`SELECT Id FROM Task WHERE AccountId = '${GLOBEX}' AND SystemModstamp > 2026-01-01T00:00:00Z`)
    expect(all).toBe(whatAccount)
    expect(recent).toBeGreaterThan(0)
    expect(recent).toBeLessThan(all)
  })

  it("orders by SystemModstamp, Id", () => {
    const api = createMockSalesforceApi({ extra: generateActivities({ account: globex!, count: 30 }) })
    const rows = get(api, `SELECT Id, SystemModstamp FROM Task WHERE AccountId = '${GLOBEX}' ORDER BY SystemModstamp, Id`).json().records
    const keys = rows.map((r) => `${r.SystemModstamp as string}|${r.Id as string}`)
    expect(keys).toEqual([...keys].sort())
  })
})

describe("paging", () => {
  it("pages with nextRecordsUrl at the configured batch size, child rows counted", () => {
    const api = createMockSalesforceApi({ pageSize: 100, extra: generateActivities({ account: globex!, count: 250 }) })
    const first = get(api, `SELECT Id, (SELECT Id FROM Tasks ORDER BY SystemModstamp, Id) FROM Account WHERE Id = '${GLOBEX}'`).json()
    const tasks = (first.records[0] as { Tasks: Json }).Tasks
    expect(first.done).toBe(true)
    expect(tasks.done).toBe(false)
    expect(tasks.records).toHaveLength(99)
    expect(tasks.nextRecordsUrl).toMatch(new RegExp(`^/services/data/${API_VERSION.replace(".", "\\.")}/query/01g[0-9A-Z]+-99$`))
    const ids = new Set(tasks.records.map((r) => r.Id))
    let next: string | undefined = tasks.nextRecordsUrl
    while (next) {
      const page = get(api, next).json()
      expect(page.records.length).toBeLessThanOrEqual(100)
      for (const r of page.records) ids.add(r.Id)
      next = page.nextRecordsUrl
      if (!next) expect(page.done).toBe(true)
    }
    expect(ids.size).toBe(tasks.totalSize)
  })

  it("pages top-level results the same way", () => {
    const api = createMockSalesforceApi({ pageSize: 2_000, extra: generateActivities({ account: globex!, count: 5_000 }) })
    const first = get(api, `SELECT Id FROM Task WHERE AccountId = '${GLOBEX}'`).json()
    expect(first).toMatchObject({ done: false, totalSize: expect.any(Number) })
    expect(first.records).toHaveLength(2_000)
    expect(api.callCount).toBe(1)
  })
})

describe("errors and injected failures", () => {
  it("answers errors as arrays of {message, errorCode}", () => {
    const api = createMockSalesforceApi({ disabled: ["Quote"] })
    expect(get(api, "SELECT Id FROM Account", {}).json()).toEqual([{ message: "Session expired or invalid", errorCode: "INVALID_SESSION_ID" }])
    expect(get(api, "SELECT Nope__c FROM Account")).toMatchObject({ status: 400 })
    expect(get(api, "SELECT Nope__c FROM Account").json()).toEqual([{ errorCode: "INVALID_FIELD", message: expect.stringContaining("No such column 'Nope__c' on entity 'Account'") }])
    expect(get(api, "SELECT Id, (SELECT Id FROM Quotes) FROM Opportunity").json()).toEqual([{ errorCode: "INVALID_TYPE", message: expect.stringContaining("Didn't understand relationship 'Quotes'") }])
    expect(get(api, "SELECT Id FROM").json()).toEqual([{ errorCode: "MALFORMED_QUERY", message: expect.any(String) }])
    expect(get(api, `/services/data/${API_VERSION}/query/01gXYZ-2000`).json()).toEqual([{ errorCode: "INVALID_QUERY_LOCATOR", message: "invalid query locator" }])
    expect(get(api, `/services/data/${API_VERSION}/sobjects/Nope`)).toMatchObject({ status: 404 })
  })

  it("injects each failure on the calls asked for", () => {
    const api = createMockSalesforceApi({
      failures: [
        { kind: "INVALID_SESSION_ID" },
        { kind: "API_DISABLED_FOR_ORG" },
        { kind: "REQUEST_LIMIT_EXCEEDED" },
        { kind: "network" },
        { kind: "malformed-json" }
      ]
    })
    const soql = `SELECT Id FROM Account WHERE Id = '${GLOBEX}'`
    expect(get(api, soql)).toMatchObject({ status: 401 })
    expect(get(api, soql).json()).toEqual([{ errorCode: "API_DISABLED_FOR_ORG", message: expect.any(String) }])
    expect(get(api, soql)).toMatchObject({ status: 403, body: expect.stringContaining("REQUEST_LIMIT_EXCEEDED") })
    expect(get(api, soql)).toMatchObject({ networkError: true })
    expect(() => JSON.parse(get(api, soql).body)).toThrow()
    expect(get(api, soql).json().totalSize).toBe(1)
    expect(api.callCount).toBe(6)
  })

  it("serves a record with an unexpected value", () => {
    const api = createMockSalesforceApi({ corrupt: { [GLOBEX]: { AnnualRevenue: "lots" } } })
    expect(get(api, `SELECT Id, AnnualRevenue FROM Account WHERE Id = '${GLOBEX}'`).json().records[0]!.AnnualRevenue).toBe("lots")
  })

  it("counts calls and usage in Sforce-Limit-Info", () => {
    const api = createMockSalesforceApi({ apiUsage: { used: 10, max: 1_000 } })
    get(api, "SELECT Id FROM Account")
    expect(get(api, "SELECT Id FROM Account").headers["sforce-limit-info"]).toBe("api-usage=12/1000")
    expect(api.calls.map((c) => c.soql)).toEqual(["SELECT Id FROM Account", "SELECT Id FROM Account"])
  })
})

describe("mockFetch", () => {
  it("serves fetch, rejects on a network failure, and counts requests in flight", async () => {
    const api = createMockSalesforceApi({ failures: [{ kind: "network", fromCall: 3 }] })
    const { fetch, stats } = mockFetch(api, { delayMs: 2 })
    const url = `${BASE}/services/data/${API_VERSION}/query?q=${encodeURIComponent("SELECT Id FROM Account")}`
    const [a, b] = await Promise.all([fetch(url, { headers: AUTH }), fetch(url, { headers: AUTH })])
    expect(a.status).toBe(200)
    expect(((await b.json()) as Json).totalSize).toBe(DEMO_ACCOUNTS.length)
    expect(stats.maxInFlight).toBe(2)
    await expect(fetch(url, { headers: AUTH })).rejects.toThrow(TypeError)
  })
})
