import { describe, expect, it } from "vitest"
import { DEMO_ACCOUNTS, DEMO_NOW, sfId, sfIds } from "../org"
import { createMockSalesforceApi, mockFetch, type MockSalesforceApi } from "./mock-api"
import { API_VERSION, DEMO_SALESFORCE, generateActivities, sfDate, sfDateTime } from "./records"

const BASE = `https://${DEMO_SALESFORCE.apiHost}`
const AUTH = { Authorization: `Bearer ${DEMO_SALESFORCE.sessionId}` }
const [globex, initech] = DEMO_ACCOUNTS
const GLOBEX = sfIds.account(globex!)

type Json = Record<string, unknown> & { records: Record<string, unknown>[]; done: boolean; totalSize: number; nextRecordsUrl?: string }

function get(api: MockSalesforceApi, pathOrSoql: string, headers: Record<string, string> = AUTH, resource: "query" | "queryAll" = "query") {
  const url = pathOrSoql.startsWith("/") ? `${BASE}${pathOrSoql}` : `${BASE}/services/data/${API_VERSION}/${resource}?q=${encodeURIComponent(pathOrSoql)}`
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
    const count = (soql: string) => get(api, soql, AUTH, "queryAll").json().totalSize
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
    const rows = get(api, `SELECT Id, SystemModstamp FROM Task WHERE AccountId = '${GLOBEX}' ORDER BY SystemModstamp, Id`, AUTH, "queryAll").json().records
    const keys = rows.map((r) => `${r.SystemModstamp as string}|${r.Id as string}`)
    expect(keys).toEqual([...keys].sort())
  })
})

describe("paging", () => {
  it("pages with nextRecordsUrl at the configured batch size, child rows counted", () => {
    const api = createMockSalesforceApi({ pageSize: 100, extra: generateActivities({ account: globex!, count: 250 }) })
    const first = get(api, `SELECT Id, (SELECT Id FROM Tasks ORDER BY SystemModstamp, Id) FROM Account WHERE Id = '${GLOBEX}'`, AUTH, "queryAll").json()
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
    const first = get(api, `SELECT Id FROM Task WHERE AccountId = '${GLOBEX}'`, AUTH, "queryAll").json()
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

describe("documented behaviour the sync must cope with", () => {
  const oldTask = (n: number, fields: Record<string, unknown>) => ({
    attributes: { type: "Task", url: `/services/data/${API_VERSION}/sobjects/Task/${sfId("00T", n)}` },
    Id: sfId("00T", n),
    Subject: `Task ${n}`,
    ActivityDate: sfDate(DEMO_NOW - 10 * 86_400_000),
    IsClosed: true,
    CreatedDate: sfDateTime(DEMO_NOW - 10 * 86_400_000),
    SystemModstamp: sfDateTime(DEMO_NOW - 10 * 86_400_000),
    WhatId: null,
    WhoId: null,
    ...fields
  })

  it("leaves archived activities out of query, subqueries included; queryAll returns them", () => {
    const api = createMockSalesforceApi()
    const all = get(api, `SELECT Id, IsArchived, ActivityDate FROM Task WHERE AccountId = '${GLOBEX}'`, AUTH, "queryAll").json().records
    const archived = all.filter((t) => t.IsArchived === true)
    // Demo history spans years: everything due more than 365 days ago is archived, nothing newer.
    expect(archived.length).toBeGreaterThan(0)
    expect(all.filter((t) => t.IsArchived !== true).length).toBeGreaterThan(0)
    for (const t of all) expect(t.IsArchived).toBe(Date.parse(`${t.ActivityDate as string}T00:00:00Z`) < DEMO_NOW - 365 * 86_400_000)
    const visible = get(api, `SELECT Id FROM Task WHERE AccountId = '${GLOBEX}'`).json()
    expect(visible.totalSize).toBe(all.length - archived.length)
    const nested = get(api, `SELECT Id, (SELECT Id FROM Tasks) FROM Account WHERE Id = '${GLOBEX}'`).json().records[0] as { Tasks: Json | null }
    const nestedAll = get(api, `SELECT Id, (SELECT Id FROM Tasks) FROM Account WHERE Id = '${GLOBEX}'`, AUTH, "queryAll").json().records[0] as { Tasks: Json }
    expect(nestedAll.Tasks.totalSize).toBeGreaterThan(nested.Tasks?.totalSize ?? 0)
    expect(nestedAll.Tasks.records.some((t) => archived.some((a) => a.Id === t.Id))).toBe(true)
    expect((nested.Tasks?.records ?? []).some((t) => archived.some((a) => a.Id === t.Id))).toBe(false)
  })

  it("derives a task's AccountId from its WhatId, else from its contact, else null", () => {
    const contact = sfIds.contact(initech!.contacts[0]!)
    const dariushCase = sfIds.case(DEMO_ACCOUNTS[3]!.cases[0]!)
    const deal = sfIds.deal(globex!.deals[0]!)
    const extra = [
      oldTask(9_000_001, { WhatId: deal, AccountId: "001000000000000AAA" }),
      oldTask(9_000_002, { WhoId: contact }),
      oldTask(9_000_003, { WhatId: dariushCase }),
      oldTask(9_000_004, { WhatId: dariushCase, WhoId: contact })
    ]
    const api = createMockSalesforceApi({ extra })
    const rows = get(api, `SELECT Id, AccountId FROM Task WHERE Id IN ('${extra.map((t) => t.Id).join("','")}') ORDER BY Id`).json().records
    expect(rows.map((r) => r.AccountId)).toEqual([GLOBEX, sfIds.account(initech!), null, sfIds.account(initech!)])
  })

  it("a deleted record vanishes from query and comes back from queryAll with IsDeleted and a new SystemModstamp", () => {
    const api = createMockSalesforceApi()
    const deal = globex!.deals[0]!
    const soql = `SELECT Id, IsDeleted, SystemModstamp FROM Opportunity WHERE Id = '${sfIds.deal(deal)}'`
    const before = get(api, soql).json().records[0]!
    const res = api.handle({ method: "DELETE", url: `${BASE}/services/data/${API_VERSION}/sobjects/Opportunity/${sfIds.deal(deal)}`, headers: AUTH })
    expect(res.status).toBe(204)
    expect(get(api, soql).json().totalSize).toBe(0)
    const after = get(api, soql, AUTH, "queryAll").json().records[0]!
    expect(after.IsDeleted).toBe(true)
    expect(Date.parse((after.SystemModstamp as string).replace("+0000", "Z"))).toBeGreaterThan(Date.parse((before.SystemModstamp as string).replace("+0000", "Z")))
    // What hangs off the deal is deleted with it.
    const lines = `SELECT Id, IsDeleted FROM OpportunityHistory WHERE OpportunityId = '${sfIds.deal(deal)}'`
    expect(get(api, lines).json().totalSize).toBe(0)
    expect(get(api, lines, AUTH, "queryAll").json().records.every((r) => r.IsDeleted === true)).toBe(true)
    expect(api.handle({ method: "DELETE", url: `${BASE}/services/data/${API_VERSION}/sobjects/Opportunity/${sfIds.deal(deal)}`, headers: AUTH }).status).toBe(404)
  })

  it("invalidates a child result's locator once its parent result moved to its next batch", () => {
    const api = createMockSalesforceApi({ pageSize: 10, extra: generateActivities({ account: globex!, count: 40 }) })
    const soql = `SELECT Id, (SELECT Id FROM Tasks ORDER BY Id) FROM Account ORDER BY Name`
    const first = get(api, soql, AUTH, "queryAll").json()
    expect(first.done).toBe(false)
    const child = first.records.map((r) => r.Tasks as Json | null).find((t) => t && !t.done)!
    expect(child.nextRecordsUrl).toBeDefined()
    // Children first, then the parent: both answer.
    expect(get(api, child.nextRecordsUrl!).status).toBe(200)
    const second = get(api, first.nextRecordsUrl!)
    expect(second.status).toBe(200)
    // The child's cursor from the parent's previous batch is gone now.
    expect(get(api, child.nextRecordsUrl!).json()).toEqual([{ errorCode: "INVALID_QUERY_LOCATOR", message: "invalid query locator" }])
  })

  it("runs queries and their next batches inside one composite call, at most five", () => {
    const api = createMockSalesforceApi({ pageSize: 100, extra: generateActivities({ account: globex!, count: 150 }) })
    const q = (soql: string, resource = "queryAll") => `/services/data/${API_VERSION}/${resource}?q=${encodeURIComponent(soql)}`
    const composite = (urls: string[]) =>
      api.handle({ method: "POST", url: `${BASE}/services/data/${API_VERSION}/composite`, headers: AUTH, body: JSON.stringify({ compositeRequest: urls.map((url, i) => ({ method: "GET", url, referenceId: `r${i}` })) }) })
    const res = composite([q(`SELECT Id FROM Task WHERE AccountId = '${GLOBEX}'`), q(`SELECT Id FROM Task WHERE AccountId = '${GLOBEX}'`, "query")])
    const [all, visible] = (JSON.parse(res.body) as { compositeResponse: { body: Json; httpStatusCode: number }[] }).compositeResponse
    expect(all!.body.totalSize).toBeGreaterThan(visible!.body.totalSize)
    expect(api.calls.at(-1)!.queries.map((x) => x.resource)).toEqual(["queryAll", "query"])
    const more = composite([all!.body.nextRecordsUrl!])
    expect((JSON.parse(more.body) as { compositeResponse: { body: Json }[] }).compositeResponse[0]!.body.records.length).toBeGreaterThan(0)
    expect(api.callCount).toBe(2)
    expect(composite(Array.from({ length: 6 }, () => q("SELECT Id FROM Account"))).status).toBe(400)
  })
})
