import { describe, expect, it } from "vitest"
import { createMockSalesforceApi, mockFetch, type MockSalesforceOptions } from "../../../demo/salesforce/mock-api"
import { buildSalesforceData, DEMO_SALESFORCE, generateActivities, sfDateTime, type SObjectRecord } from "../../../demo/salesforce/records"
import { DEMO_ACCOUNTS, DEMO_NOW, sfId, sfIds } from "../../../demo/org"
import { openDatabase } from "../../model/db"
import { cursorKey, recordKey } from "../../model/keys"
import { readAccountHistory } from "../../model/store"
import { budgetKey } from "../request-budget"
import { syncSalesforceAccount, type SalesforceSyncDeps } from "./sync"
import { syncStatusKey, type SyncStatus } from "./status"

const ORG = DEMO_SALESFORCE.org
const [globex, initech] = DEMO_ACCOUNTS as (typeof DEMO_ACCOUNTS)[number][]
const GLOBEX = sfIds.account(globex!)
const INITECH = sfIds.account(initech!)
const DAY = 86_400_000
let serial = 0

function setup(options: MockSalesforceOptions & { delayMs?: number; fetch?: (base: typeof fetch) => typeof fetch } = {}) {
  const data = options.data ?? buildSalesforceData({ extra: options.extra })
  const api = createMockSalesforceApi({ ...options, data })
  const mocked = mockFetch(api, { delayMs: options.delayMs ?? 0 })
  const db = openDatabase(`sf-sync-test-${++serial}`)
  const clock = { now: DEMO_NOW }
  const sleeps: number[] = []
  const deps: SalesforceSyncDeps = {
    fetch: options.fetch ? options.fetch(mocked.fetch) : mocked.fetch,
    db,
    now: () => clock.now,
    getSession: async () => ({ apiHost: DEMO_SALESFORCE.apiHost, sid: DEMO_SALESFORCE.sessionId }),
    sleep: async (ms) => {
      sleeps.push(ms)
    }
  }
  return { api, data, db, deps, clock, sleeps, stats: mocked.stats }
}

/** Every record id the sync of `accountId` must store, by table (from the mock's own data). */
function expectedIds(data: ReturnType<typeof buildSalesforceData>, accountId: string) {
  const of = (type: string, pick: (r: SObjectRecord) => boolean) => (data.byType.get(type) ?? []).filter(pick).map((r) => r.Id)
  const deals = new Set(of("Opportunity", (r) => r.AccountId === accountId))
  const quotes = new Set(of("Quote", (r) => deals.has(r.OpportunityId as string)))
  return {
    contacts: of("Contact", (r) => r.AccountId === accountId),
    deals: [...deals],
    quotes: [...quotes],
    quoteLines: of("QuoteLineItem", (r) => quotes.has(r.QuoteId as string)),
    cases: of("Case", (r) => r.AccountId === accountId),
    contracts: of("Contract", (r) => r.AccountId === accountId),
    interactions: [...of("Task", (r) => r.AccountId === accountId), ...of("Event", (r) => r.AccountId === accountId), ...of("EmailMessage", (r) => r.RelatedToId === accountId || deals.has(r.RelatedToId as string))]
  }
}

async function storedIds(db: ReturnType<typeof openDatabase>, table: string): Promise<string[]> {
  return ((await db.table(table).toArray()) as { id: string }[]).map((r) => r.id).sort()
}

describe("initial sync", () => {
  it("pages through the whole account and fills every table", async () => {
    const { api, data, db, deps } = setup({ pageSize: 40 })
    const result = await syncSalesforceAccount(deps, { org: ORG, accountId: GLOBEX })
    expect(result.status.state).toBe("synced")
    expect(result.rejected).toBe(0)
    expect(api.callCount).toBeGreaterThan(3)
    expect(result.calls).toBe(api.callCount)

    const expected = expectedIds(data, GLOBEX)
    for (const [table, ids] of Object.entries(expected)) expect(await storedIds(db, table), table).toEqual([...ids].sort())
    expect(await db.accounts.get(recordKey("salesforce", ORG, GLOBEX))).toMatchObject({ name: globex!.name, industry: "Manufacturing", leadSource: "Outbound", ownerName: "Rosa Diaz" })
    expect(result.written).toBe(1 + Object.values(expected).reduce((n, ids) => n + ids.length, 0))
  })

  it("maps stage history, quote revisions, discounts, loss reasons and directions", async () => {
    const { db, deps } = setup()
    await syncSalesforceAccount(deps, { org: ORG, accountId: INITECH })
    const history = (await readAccountHistory(db, recordKey("salesforce", ORG, INITECH)))!
    const lost = history.deals.find((d) => d.name === "Store refit 2025")!
    expect(lost).toMatchObject({ stage: "Closed Lost", isClosed: true, isWon: false, lossReason: "Price — lost to a cheaper competitor", amount: 61_500 })
    expect(lost.stageHistory.map((s) => s.stage)).toEqual(["Prospecting", "Proposal/Price Quote", "Negotiation/Review", "Closed Lost"])
    const revisions = history.quotes.filter((q) => q.dealKey === lost.key).sort((a, b) => a.revision - b.revision)
    expect(revisions.map((q) => q.revision)).toEqual([1, 2, 3])
    expect(revisions.map((q) => q.discountPercent)).toEqual([8, 14, 18])
    const line = history.quoteLines.find((l) => l.quoteKey === revisions[2]!.key)!
    expect(line).toMatchObject({ listPrice: 75_000, unitPrice: 61_500, discountPercent: 18, quantity: 1, isCustom: false })

    const demo = new Map(initech!.activities.map((a) => [sfIds.activity(a), a]))
    const calls = history.interactions.filter((i) => i.channel === "call")
    const emails = history.interactions.filter((i) => i.channel === "email")
    expect(calls.length).toBeGreaterThan(0)
    expect(emails.length).toBeGreaterThan(0)
    for (const i of [...calls, ...emails]) expect(i.direction).toBe(demo.get(i.id)!.direction)
    expect(history.interactions.every((i) => i.accountKey === history.account.key && i.seenAt === DEMO_NOW)).toBe(true)
    expect(history.interactions.some((i) => i.dealKey)).toBe(true)
  })

  it("stays near the minimum number of pages for 5,000 activities (sf-initial-sync-calls)", async () => {
    for (const extra of [
      generateActivities({ account: globex!, count: 5_000 }),
      [...generateActivities({ account: globex!, count: 2_500, object: "Event" }), ...generateActivities({ account: globex!, count: 2_500 })]
    ]) {
      const { api, data, db, deps } = setup({ extra })
      const result = await syncSalesforceAccount(deps, { org: ORG, accountId: GLOBEX })
      const expected = expectedIds(data, GLOBEX)
      const records = 1 + Object.values(expected).reduce((n, ids) => n + ids.length, 0) + (data.byType.get("OpportunityHistory") ?? []).filter((h) => expected.deals.includes(h.OpportunityId as string)).length
      const minimum = Math.ceil(records / 2_000)
      expect(result.status.state).toBe("synced")
      expect(await db.interactions.count()).toBe(expected.interactions.length)
      expect(api.callCount / minimum).toBeLessThanOrEqual(1.2)
    }
  })
  it("pages on through thousands of rows that share one SystemModstamp (a bulk import)", async () => {
    const extra = [
      ...generateActivities({ account: globex!, count: 3_000, object: "Event", perSecond: 1e9 }),
      ...generateActivities({ account: globex!, count: 3_000, perSecond: 1e9 })
    ]
    const { api, data, db, deps } = setup({ extra })
    const result = await syncSalesforceAccount(deps, { org: ORG, accountId: GLOBEX })
    expect(result.status.state).toBe("synced")
    expect(await storedIds(db, "interactions")).toEqual(expectedIds(data, GLOBEX).interactions.sort())
    expect(api.callCount).toBeLessThanOrEqual(6)
  })
})

describe("incremental sync", () => {
  it("makes only cursor queries and writes nothing new when nothing changed", async () => {
    const { api, db, deps } = setup({ pageSize: 60 })
    await syncSalesforceAccount(deps, { org: ORG, accountId: GLOBEX })
    const before = api.callCount
    const second = await syncSalesforceAccount(deps, { org: ORG, accountId: GLOBEX })
    expect(second).toMatchObject({ written: 0, rejected: 0, status: { state: "synced" } })
    expect(second.calls).toBe(1)
    const queries = api.calls[before]!.queries
    expect(queries.map((q) => q.resource)).toEqual(["queryAll", "queryAll", "queryAll"])
    const [tree, tasks, events] = queries.map((q) => q.soql)
    for (const relationship of ["Contacts", "Emails", "EmailMessages", "Contracts"]) {
      expect(tree).toMatch(new RegExp(`FROM ${relationship} WHERE SystemModstamp > \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ`))
    }
    for (const relationship of ["Tasks", "Events"]) expect(tree).toMatch(new RegExp(`FROM ${relationship} WHERE AccountId = null AND SystemModstamp > \\d{4}-`))
    expect(tasks).toMatch(new RegExp(`FROM Task WHERE AccountId = '${GLOBEX}' AND SystemModstamp > \\d{4}-`))
    expect(events).toMatch(new RegExp(`FROM Event WHERE AccountId = '${GLOBEX}' AND SystemModstamp > \\d{4}-`))
    const cursors = await db.cursors.toArray()
    expect(cursors.map((c) => c.object).sort()).toEqual(["Account", "Case", "Contact", "Contract", "EmailMessage", "Event", "Opportunity", "Task"])
    expect(cursors.every((c) => c.scope === GLOBEX && !c.nextPage)).toBe(true)
  })

  it("brings only what changed since the watermark", async () => {
    const { data, db, deps, clock } = setup()
    await syncSalesforceAccount(deps, { org: ORG, accountId: GLOBEX })
    const task: SObjectRecord = {
      ...data.byType.get("Task")!.find((t) => t.AccountId === GLOBEX)!,
      Id: sfId("00T", 9_999_001),
      Subject: "Follow-up on the lease extension",
      CallType: "Inbound",
      TaskSubtype: "Call",
      SystemModstamp: sfDateTime(DEMO_NOW + DAY)
    }
    task.attributes = { type: "Task", url: `/services/data/v62.0/sobjects/Task/${task.Id}` }
    data.byType.get("Task")!.push(task)
    data.byId.set(task.Id, task)
    clock.now = DEMO_NOW + 2 * DAY
    const result = await syncSalesforceAccount(deps, { org: ORG, accountId: GLOBEX })
    expect(result.written).toBe(1)
    expect(await db.interactions.get(recordKey("salesforce", ORG, task.Id))).toMatchObject({ channel: "call", direction: "inbound", subject: "Follow-up on the lease extension" })
  })
  it("reads a row stamped in the same second as the newest one it already read (SystemModstamp has whole seconds)", async () => {
    const { data, db, deps, clock } = setup()
    // Real SystemModstamps are whole seconds ("…T10:00:00.000+0000"); the newest task gets one.
    const tasks = data.byType.get("Task")!.filter((t) => t.AccountId === GLOBEX)
    const newest = Math.ceil((Math.max(...tasks.map((t) => Date.parse(t.SystemModstamp as string))) + 1) / 1000) * 1000
    tasks.find((t) => t.TaskSubtype === "Call")!.SystemModstamp = sfDateTime(newest)
    await syncSalesforceAccount(deps, { org: ORG, accountId: GLOBEX })
    // Saved in the same second as the newest task, but committed after the first sync read it.
    const task: SObjectRecord = {
      ...data.byType.get("Task")!.find((t) => t.AccountId === GLOBEX)!,
      Id: sfId("00T", 9_999_002),
      Subject: "Same-second call",
      SystemModstamp: sfDateTime(newest)
    }
    task.attributes = { type: "Task", url: `/services/data/v62.0/sobjects/Task/${task.Id}` }
    data.byType.get("Task")!.push(task)
    data.byId.set(task.Id, task)
    clock.now = DEMO_NOW + DAY
    const result = await syncSalesforceAccount(deps, { org: ORG, accountId: GLOBEX })
    expect(result.status.state).toBe("synced")
    expect(result.written).toBe(1)
    expect(await db.interactions.get(recordKey("salesforce", ORG, task.Id))).toMatchObject({ subject: "Same-second call" })
  })
})

describe("resuming", () => {
  const extra = generateActivities({ account: globex!, count: 5_000 })

  async function interruptedThenResumed(options: MockSalesforceOptions = {}) {
    let calls = 0
    let alive = true
    const first = setup({
      ...options,
      extra,
      fetch: (base) => async (input, init) => {
        if (!alive || ++calls > 2) throw new TypeError("Failed to fetch")
        return base(input, init)
      }
    })
    const interrupted = await syncSalesforceAccount(first.deps, { org: ORG, accountId: GLOBEX })
    alive = false
    const cursor = await first.db.cursors.get(cursorKey("salesforce", ORG, "Task", GLOBEX))
    const resumedDeps = { ...first.deps, fetch: mockFetch(first.api).fetch }
    const before = first.api.callCount
    const resumed = await syncSalesforceAccount(resumedDeps, { org: ORG, accountId: GLOBEX })
    return { ...first, interrupted, cursor, resumed, resumedCalls: first.api.calls.slice(before) }
  }

  it("continues mid-pagination from the stored page, with no duplicate and no gap", async () => {
    const { data, db, interrupted, cursor, resumed, resumedCalls } = await interruptedThenResumed()
    expect(interrupted.status.state).toBe("offline")
    expect(cursor?.nextPage).toMatch(/^\/services\/data\/v62\.0\/query\/01g/)
    expect(resumedCalls[0]!.path).toBe(cursor!.nextPage)
    expect(resumed.status.state).toBe("synced")
    const expected = expectedIds(data, GLOBEX).interactions.sort()
    expect(await storedIds(db, "interactions")).toEqual(expected)
    expect(await db.interactions.count()).toBe(expected.length)
    expect((await db.cursors.get(cursorKey("salesforce", ORG, "Task", GLOBEX)))?.nextPage).toBeUndefined()
  })

  it("re-reads from the watermark when the stored page expired", async () => {
    const { data, db, resumed, resumedCalls } = await interruptedThenResumed({ failures: [{ kind: "INVALID_QUERY_LOCATOR", fromCall: 3, match: "/query/01g" }] })
    expect(resumed.status.state).toBe("synced")
    expect(resumedCalls[0]).toMatchObject({ status: 400, path: expect.stringContaining("/query/01g") })
    expect(resumedCalls[1]!.queries[0]!.soql).toContain("FROM Account")
    expect(await storedIds(db, "interactions")).toEqual(expectedIds(data, GLOBEX).interactions.sort())
  })
})

describe("API etiquette", () => {
  it("keeps at most 2 requests in flight, across concurrent syncs", async () => {
    const { deps, stats } = setup({ pageSize: 30, delayMs: 3 })
    const results = await Promise.all(DEMO_ACCOUNTS.map((a) => syncSalesforceAccount(deps, { org: ORG, accountId: sfIds.account(a) })))
    expect(results.every((r) => r.status.state === "synced")).toBe(true)
    expect(stats.maxInFlight).toBe(2)
  })

  it("shares one run between concurrent calls for the same account", async () => {
    const { api, deps } = setup()
    const [a, b] = await Promise.all([syncSalesforceAccount(deps, { org: ORG, accountId: GLOBEX }), syncSalesforceAccount(deps, { org: ORG, accountId: GLOBEX.slice(0, 15) })])
    expect(a).toBe(b)
    expect(api.callCount).toBe(a.calls)
  })

  it("stops at the daily budget, keeps its place, and goes on the next day", async () => {
    const { api, data, db, deps, clock } = setup({ extra: generateActivities({ account: globex!, count: 5_000 }) })
    deps.budget = { dailyCalls: 2 }
    const first = await syncSalesforceAccount(deps, { org: ORG, accountId: GLOBEX })
    expect(first.status).toMatchObject({ state: "budget-exhausted", message: expect.stringContaining("budget") })
    expect(api.callCount).toBe(2)
    expect((await db.meta.get(budgetKey("salesforce", ORG)))?.value).toMatchObject({ day: "2026-11-20", calls: 2 })
    expect(await db.accounts.count()).toBe(1)
    expect(await db.interactions.count()).toBeGreaterThan(3_000)
    expect((await db.cursors.get(cursorKey("salesforce", ORG, "Task", GLOBEX)))?.nextPage).toBeDefined()

    const sameDay = await syncSalesforceAccount(deps, { org: ORG, accountId: GLOBEX })
    expect(sameDay).toMatchObject({ calls: 0, status: { state: "budget-exhausted" } })

    clock.now += DAY
    const nextDay = await syncSalesforceAccount(deps, { org: ORG, accountId: GLOBEX })
    expect(nextDay.status.state).toBe("synced")
    expect(nextDay.calls).toBe(2)
    expect(await storedIds(db, "interactions")).toEqual(expectedIds(data, GLOBEX).interactions.sort())
  })

  it("reports the org's API usage from Sforce-Limit-Info", async () => {
    const { deps } = setup({ apiUsage: { used: 41_000, max: 100_000 } })
    const result = await syncSalesforceAccount(deps, { org: ORG, accountId: HOOLI() })
    expect(result.diagnostics.apiUsage).toEqual({ used: 41_000 + result.calls, max: 100_000 })
    expect(result.status.apiUsage).toEqual(result.diagnostics.apiUsage)
  })
})

const HOOLI = () => sfIds.account(DEMO_ACCOUNTS[4]!)

describe("failures", () => {
  async function statusAfter(options: MockSalesforceOptions) {
    const ctx = setup(options)
    const result = await syncSalesforceAccount(ctx.deps, { org: ORG, accountId: HOOLI() })
    const stored = (await ctx.db.meta.get(syncStatusKey(recordKey("salesforce", ORG, HOOLI()))))?.value as SyncStatus
    expect(stored).toEqual(result.status)
    return { ...ctx, result }
  }

  it("an expired session asks the rep to reload Salesforce", async () => {
    const { result } = await statusAfter({ failures: [{ kind: "INVALID_SESSION_ID" }] })
    expect(result.status).toMatchObject({ state: "session-expired", message: "Reload Salesforce to reconnect" })
    expect(result.calls).toBe(1)
  })

  it("no session at all is the same", async () => {
    const ctx = setup()
    ctx.deps.getSession = async () => null
    const result = await syncSalesforceAccount(ctx.deps, { org: ORG, accountId: HOOLI() })
    expect(result.status).toMatchObject({ state: "session-expired", message: "Reload Salesforce to reconnect" })
    expect(ctx.api.callCount).toBe(0)
  })

  it("an org that closes its API falls back to the page (dom-only)", async () => {
    const { result } = await statusAfter({ failures: [{ kind: "API_DISABLED_FOR_ORG", times: Infinity }] })
    expect(result.status.state).toBe("dom-only")
    expect(result.calls).toBe(1)
  })

  it("backs off exponentially on REQUEST_LIMIT_EXCEEDED, then succeeds", async () => {
    const { result, sleeps } = await statusAfter({ failures: [{ kind: "REQUEST_LIMIT_EXCEEDED", times: 2 }] })
    expect(result.status.state).toBe("synced")
    expect(sleeps).toEqual([1_000, 2_000])
    expect(result.diagnostics.retries).toBe(2)
  })

  it("waits out a 429 for its Retry-After seconds, then goes on", async () => {
    let throttled = 0
    const { db, deps, sleeps } = setup({
      fetch: (base) => async (input, init) => {
        if (throttled++) return base(input, init)
        return new Response(JSON.stringify([{ errorCode: "REQUEST_LIMIT_EXCEEDED", message: "Too many requests" }]), { status: 429, headers: { "retry-after": "3", "content-type": "application/json" } })
      }
    })
    const result = await syncSalesforceAccount(deps, { org: ORG, accountId: GLOBEX })
    expect(result.status.state).toBe("synced")
    expect(sleeps[0]).toBe(3_000)
    expect(await db.interactions.count()).toBeGreaterThan(0)
  })

  it("takes a bare 429 (a gateway's, no Salesforce error body) as a rate limit to back off from", async () => {
    let throttled = 0
    const { deps, sleeps } = setup({ fetch: (base) => async (input, init) => (throttled++ ? base(input, init) : new Response("Too Many Requests", { status: 429 })) })
    const result = await syncSalesforceAccount(deps, { org: ORG, accountId: GLOBEX })
    expect(result.status.state).toBe("synced")
    expect(sleeps).toEqual([1_000])
  })

  it("gives up as rate-limited when the limit persists", async () => {
    const { result, sleeps } = await statusAfter({ failures: [{ kind: "REQUEST_LIMIT_EXCEEDED", times: Infinity }] })
    expect(result.status.state).toBe("rate-limited")
    expect(sleeps).toEqual([1_000, 2_000, 4_000])
    expect(result.calls).toBe(4)
  })

  it("retries a network error, and reports offline when the network stays down", async () => {
    expect((await statusAfter({ failures: [{ kind: "network" }] })).result.status.state).toBe("synced")
    const down = await statusAfter({ failures: [{ kind: "network", times: Infinity }] })
    expect(down.result.status).toMatchObject({ state: "offline", message: expect.stringContaining("unreachable") })
  })

  it("retries a torn JSON body", async () => {
    const { result, db } = await statusAfter({ failures: [{ kind: "malformed-json" }] })
    expect(result.status.state).toBe("synced")
    expect(await db.accounts.count()).toBe(1)
  })

  it("rejects a malformed record with its id and stores the rest", async () => {
    const task = globex!.activities.find((a) => a.channel === "call")!
    const deal = globex!.deals[0]!
    const { api, data, db, deps } = setup({ corrupt: { [sfIds.activity(task)]: { Subject: 12_345 }, [sfIds.deal(deal)]: { Amount: -5 } } })
    void api
    const result = await syncSalesforceAccount(deps, { org: ORG, accountId: GLOBEX })
    expect(result.status.state).toBe("synced")
    expect(result.diagnostics.rejected).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: sfIds.activity(task), object: "Task", reason: expect.stringContaining("Subject") }),
        expect.objectContaining({ id: sfIds.deal(deal), object: "deals", reason: expect.stringContaining("amount") })
      ])
    )
    expect(result.rejected).toBe(2)
    const expected = expectedIds(data, GLOBEX)
    expect(await db.interactions.count()).toBe(expected.interactions.length - 1)
    expect(await db.deals.count()).toBe(expected.deals.length - 1)
  })

  it("drops parts the org lacks, remembers them, and asks once next time", async () => {
    const { api, db, deps } = setup({ disabled: ["Quote", "Opportunity.Loss_Reason__c"] })
    const first = await syncSalesforceAccount(deps, { org: ORG, accountId: INITECH })
    expect(first.status.state).toBe("synced")
    expect(first.diagnostics.disabledParts.sort()).toEqual(["Loss_Reason__c", "Quotes"])
    expect(first.calls).toBe(3)
    // Without quotes, the opportunity's products stand in as revision 1.
    const quotes = await db.quotes.toArray()
    expect(quotes.length).toBe(initech!.deals.length)
    expect(quotes.every((q) => q.revision === 1 && q.key === q.dealKey)).toBe(true)
    const before = api.callCount
    await syncSalesforceAccount(deps, { org: ORG, accountId: INITECH })
    expect(api.callCount - before).toBe(1)
  })

  it("refuses an id that is not an account's", async () => {
    const { api, deps } = setup()
    const result = await syncSalesforceAccount(deps, { org: ORG, accountId: sfIds.deal(globex!.deals[0]!) })
    expect(result.status.state).toBe("error")
    expect(api.callCount).toBe(0)
  })
})

describe("what real orgs do", () => {
  const task = (n: number, fields: Record<string, unknown>): SObjectRecord => ({
    attributes: { type: "Task", url: `/services/data/v62.0/sobjects/Task/${sfId("00T", n)}` },
    Id: sfId("00T", n),
    Subject: `Task ${n}`,
    ActivityDate: "2026-11-01",
    CompletedDateTime: sfDateTime(DEMO_NOW - 19 * DAY),
    Status: "Completed",
    TaskSubtype: "Call",
    CallType: "Outbound",
    IsClosed: true,
    CreatedDate: sfDateTime(DEMO_NOW - 20 * DAY),
    SystemModstamp: sfDateTime(DEMO_NOW - 19 * DAY),
    WhatId: null,
    WhoId: null,
    ...fields
  })

  it("brings the full multi-year history, archived activities included", async () => {
    const { api, data, db, deps } = setup()
    const result = await syncSalesforceAccount(deps, { org: ORG, accountId: GLOBEX })
    expect(result.status.state).toBe("synced")
    const archived = [...data.byType.get("Task")!, ...data.byType.get("Event")!].filter((r) => r.AccountId === GLOBEX && r.IsArchived === true)
    expect(archived.length).toBeGreaterThan(10)
    const stored = new Set(await storedIds(db, "interactions"))
    expect(archived.every((r) => stored.has(r.Id))).toBe(true)
    expect(api.calls.flatMap((c) => c.queries).every((q) => q.resource === "queryAll")).toBe(true)
  })

  it("reads activities logged only on a contact once, and keeps a case's activities that have no account", async () => {
    const contact = sfIds.contact(globex!.contacts[1]!)
    const otherContact = sfIds.contact(initech!.contacts[0]!)
    const [globexCase] = data().byType.get("Case")!.filter((c) => c.AccountId === GLOBEX)
    const extra = [
      task(9_100_001, { WhoId: contact }),
      task(9_100_002, { WhatId: globexCase!.Id }),
      task(9_100_003, { WhatId: globexCase!.Id, WhoId: otherContact })
    ]
    const { db, deps } = setup({ extra })
    await syncSalesforceAccount(deps, { org: ORG, accountId: GLOBEX })
    const key = (n: number) => recordKey("salesforce", ORG, sfId("00T", n))
    expect(await db.interactions.get(key(9_100_001))).toMatchObject({ accountKey: recordKey("salesforce", ORG, GLOBEX), channel: "call" })
    expect(await db.interactions.get(key(9_100_002))).toMatchObject({ accountKey: recordKey("salesforce", ORG, GLOBEX) })
    // Its contact makes it Initech's (Object Reference, Task.AccountId): not Globex's history.
    expect(await db.interactions.get(key(9_100_003))).toBeUndefined()
    await syncSalesforceAccount(deps, { org: ORG, accountId: INITECH })
    expect(await db.interactions.get(key(9_100_003))).toMatchObject({ accountKey: recordKey("salesforce", ORG, INITECH) })
  })

  it("removes what was deleted in Salesforce on the next sync, and what hangs off it", async () => {
    const { api, data, db, deps, clock } = setup()
    await syncSalesforceAccount(deps, { org: ORG, accountId: INITECH })
    const deal = initech!.deals[1]!
    const dealKey = recordKey("salesforce", ORG, sfIds.deal(deal))
    const someTask = data.byType.get("Task")!.find((t) => t.AccountId === INITECH && t.WhatId === INITECH)!
    const contact = sfIds.contact(initech!.contacts[0]!)
    expect(await db.deals.get(dealKey)).toBeDefined()
    expect(await db.quotes.where("dealKey").equals(dealKey).count()).toBeGreaterThan(0)
    api.deleteRecord(sfIds.deal(deal))
    api.deleteRecord(someTask.Id)
    api.deleteRecord(contact)
    clock.now = DEMO_NOW + DAY
    const result = await syncSalesforceAccount(deps, { org: ORG, accountId: INITECH })
    expect(result.status.state).toBe("synced")
    expect(result.written).toBeGreaterThan(0)
    expect(await db.deals.get(dealKey)).toBeUndefined()
    expect(await db.quotes.where("dealKey").equals(dealKey).count()).toBe(0)
    expect(await db.quoteLines.filter((l) => deal.quotes.some((q) => l.quoteKey === recordKey("salesforce", ORG, sfIds.quote(q)))).count()).toBe(0)
    expect(await db.interactions.get(recordKey("salesforce", ORG, someTask.Id))).toBeUndefined()
    expect(await db.contacts.get(recordKey("salesforce", ORG, contact))).toBeUndefined()
    // The deal's own activities were deleted with it.
    const dealActivities = data.byType.get("Task")!.filter((t) => t.WhatId === sfIds.deal(deal))
    expect(dealActivities.length).toBeGreaterThan(0)
    for (const t of dealActivities) expect(await db.interactions.get(recordKey("salesforce", ORG, t.Id))).toBeUndefined()
    // The rest of the account stays.
    expect(await db.deals.count()).toBe(initech!.deals.length - 1)
  })

  it("pages each batch's child results before the parent's next batch (the parent's queryMore invalidates them)", async () => {
    const { api, data, db, deps } = setup({ pageSize: 4 })
    const result = await syncSalesforceAccount(deps, { org: ORG, accountId: INITECH })
    expect(result.status.state).toBe("synced")
    expect(api.calls.filter((c) => c.status !== 200)).toEqual([])
    const history = (await readAccountHistory(db, recordKey("salesforce", ORG, INITECH)))!
    for (const deal of initech!.deals) {
      const stored = history.deals.find((d) => d.id === sfIds.deal(deal))!
      const stages = data.byType.get("OpportunityHistory")!.filter((h) => h.OpportunityId === sfIds.deal(deal))
      expect(stored.stageHistory.length, deal.name).toBe(stages.length)
    }
    expect(history.quotes.length).toBe(initech!.deals.reduce((n, d) => n + d.quotes.length, 0))
  })

  it("starts again when a nested result's locator is lost while completing the account tree", async () => {
    const { api, data, db, deps } = setup({ pageSize: 10, failures: [{ kind: "INVALID_QUERY_LOCATOR", match: "/query/01g", times: 1 }] })
    const result = await syncSalesforceAccount(deps, { org: ORG, accountId: INITECH })
    expect(api.calls.some((c) => c.status === 400)).toBe(true)
    expect(result.status.state).toBe("synced")
    const expected = expectedIds(data, INITECH)
    for (const [table, ids] of Object.entries(expected)) expect(await storedIds(db, table), table).toEqual([...ids].sort())
  })

  it("does not report 'synced' when locators keep being lost: the rest comes next time", async () => {
    const { deps } = setup({ pageSize: 10, failures: [{ kind: "INVALID_QUERY_LOCATOR", match: "/query/01g", times: Infinity }] })
    const result = await syncSalesforceAccount(deps, { org: ORG, accountId: INITECH })
    expect(result.status.state).toBe("partial")
  })

  it("asks again for a composite subrequest that timed out (QUERY_TIMEOUT) instead of failing the sync", async () => {
    let timedOut = 0
    const { data, db, deps, sleeps } = setup({
      fetch: (base) => async (input, init) => {
        const response = await base(input, init)
        if (init?.method !== "POST" || timedOut) return response
        const body = (await response.json()) as { compositeResponse: { referenceId: string }[] }
        const last = body.compositeResponse.at(-1)!
        body.compositeResponse[body.compositeResponse.length - 1] = { ...last, httpStatusCode: 400, body: [{ errorCode: "QUERY_TIMEOUT", message: "Your query request was running for too long." }] } as never
        timedOut++
        return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json;charset=UTF-8" } })
      }
    })
    const result = await syncSalesforceAccount(deps, { org: ORG, accountId: GLOBEX })
    expect(timedOut).toBe(1)
    expect(result.status.state).toBe("synced")
    expect(sleeps).toEqual([1_000])
    const expected = expectedIds(data, GLOBEX)
    for (const [table, ids] of Object.entries(expected)) expect(await storedIds(db, table), table).toEqual([...ids].sort())
  })

  it("tries every candidate session: a stale cookie refused as INVALID_SESSION_ID does not stop the sync", async () => {
    const { api, db, deps } = setup()
    deps.getSessions = async () => [
      { apiHost: "northwind-old.my.salesforce.com", sid: `${DEMO_SALESFORCE.orgId}!StaleFromTheOldDomain` },
      { apiHost: DEMO_SALESFORCE.apiHost, sid: DEMO_SALESFORCE.sessionId }
    ]
    const result = await syncSalesforceAccount(deps, { org: ORG, accountId: GLOBEX })
    expect(result.status.state).toBe("synced")
    expect(api.calls[0]!.status).toBe(401)
    expect(await db.interactions.count()).toBeGreaterThan(0)
    expect(result.calls).toBe(api.callCount)

    // The next sync starts with the candidate that held: no call is spent on the stale cookie.
    const before = api.callCount
    await syncSalesforceAccount(deps, { org: ORG, accountId: GLOBEX })
    expect(api.calls.slice(before).map((c) => c.status)).toEqual([200])
  })

  it("takes a redirect (an old My Domain, a sign-in bounce) or a sign-in page as that candidate's session not holding, and tries the next", async () => {
    for (const answer of [
      () => new Response(null, { status: 302, headers: { location: "https://login.salesforce.com/?ec=302" } }),
      () => new Response("<html><body>Login</body></html>", { status: 200, headers: { "content-type": "text/html;charset=UTF-8" } })
    ]) {
      const stale = "northwind-old.my.salesforce.com"
      const { db, deps, sleeps } = setup({ fetch: (base) => (input, init) => (new URL(String(input)).host === stale ? Promise.resolve(answer()) : base(input, init)) })
      deps.getSessions = async () => [
        { apiHost: stale, sid: `${DEMO_SALESFORCE.orgId}!FromTheOldDomain` },
        { apiHost: DEMO_SALESFORCE.apiHost, sid: DEMO_SALESFORCE.sessionId }
      ]
      const result = await syncSalesforceAccount(deps, { org: ORG, accountId: GLOBEX })
      expect(result.status.state).toBe("synced")
      expect(sleeps).toEqual([])
      expect(await db.interactions.count()).toBeGreaterThan(0)
    }
  })

  it("reports the session expired only when every candidate is refused", async () => {
    const { deps } = setup()
    deps.getSessions = async () => [
      { apiHost: DEMO_SALESFORCE.apiHost, sid: `${DEMO_SALESFORCE.orgId}!Stale1` },
      { apiHost: DEMO_SALESFORCE.apiHost, sid: `${DEMO_SALESFORCE.orgId}!Stale2` }
    ]
    const result = await syncSalesforceAccount(deps, { org: ORG, accountId: GLOBEX })
    expect(result.status.state).toBe("session-expired")
    expect(result.calls).toBe(2)
  })
})

function data() {
  return buildSalesforceData()
}

describe("progress and pause", () => {
  it("reports each object's records so far of Salesforce's totalSize, reaching it", async () => {
    const { data, deps } = setup({ pageSize: 40 })
    const reports: { object: string; done: number; total?: number }[] = []
    const result = await syncSalesforceAccount({ ...deps, onProgress: (r) => reports.push(r) }, { org: ORG, accountId: GLOBEX })
    expect(result.status.state).toBe("synced")
    const last = new Map(reports.map((r) => [r.object, r]))
    const expected = expectedIds(data, GLOBEX)
    const tasks = (data.byType.get("Task") ?? []).filter((r) => r.AccountId === GLOBEX).length
    expect(tasks).toBeGreaterThan(40)
    expect(reports.filter((r) => r.object === "Task").length).toBeGreaterThan(1)
    expect(last.get("Task")).toEqual({ object: "Task", done: tasks, total: tasks })
    expect(last.get("Contact")).toEqual({ object: "Contact", done: expected.contacts.length, total: expected.contacts.length })
    expect(last.get("Account")).toEqual({ object: "Account", done: 1, total: 1 })
    for (const r of reports) expect(r.done).toBeLessThanOrEqual(r.total ?? Infinity)
  })

  it("stops with 'paused' after the first page, keeps the cursors, and a later sync completes it", async () => {
    const { data, db, deps } = setup({ pageSize: 40 })
    let paused = false
    const first = await syncSalesforceAccount({ ...deps, onProgress: () => (paused = true), isPaused: async () => paused }, { org: ORG, accountId: GLOBEX })
    expect(first.status.state).toBe("paused")
    expect(first.status.progress?.done).toBeGreaterThan(0)
    expect((await db.meta.get(syncStatusKey(recordKey("salesforce", ORG, GLOBEX))))?.value).toMatchObject({ state: "paused" })
    const taskCursor = await db.cursors.get(cursorKey("salesforce", ORG, "Task", GLOBEX))
    expect(taskCursor?.nextPage).toMatch(/\/query\//)
    const expected = expectedIds(data, GLOBEX)
    expect((await storedIds(db, "interactions")).length).toBeLessThan(expected.interactions.length)

    paused = false
    const second = await syncSalesforceAccount({ ...deps, isPaused: async () => paused }, { org: ORG, accountId: GLOBEX })
    expect(second.status.state).toBe("synced")
    for (const [table, ids] of Object.entries(expected)) expect(await storedIds(db, table), table).toEqual([...ids].sort())
    expect((await db.cursors.get(cursorKey("salesforce", ORG, "Task", GLOBEX)))?.nextPage).toBeUndefined()
  })
})
