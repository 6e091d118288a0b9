import { describe, expect, it } from "vitest"
import { createDynamicsMockApi, type DynamicsMockApi } from "../../../demo/dynamics/mock-api"
import { DEMO_ACCOUNTS, DEMO_NOW, dynIds } from "../../../demo/org"
import { openDatabase, type ParleyDB } from "../../model/db"
import { recordKey } from "../../model/keys"
import type { FetchLike } from "./api"
import { RECONCILE_INTERVAL_MS, syncDynamicsAccount, type DynamicsSyncDeps } from "./sync"

const ORG = "northwind.crm4"
const GLOBEX = DEMO_ACCOUNTS[0]!
const INITECH = DEMO_ACCOUNTS[1]!
const TABLES = ["accounts", "contacts", "interactions", "deals", "quotes", "quoteLines", "cases", "contracts"] as const

let dbCounter = 0
const freshDb = () => openDatabase(`dynamics-sync-${Date.now()}-${++dbCounter}`)

function deps(mock: DynamicsMockApi, db: ParleyDB, extra: Partial<DynamicsSyncDeps> = {}): DynamicsSyncDeps {
  return { fetch: mock.fetch as FetchLike, baseUrl: mock.baseUrl, db, now: () => DEMO_NOW + 7_200_000, pageSize: 5, sleep: async () => {}, ...extra }
}
const sync = (d: DynamicsSyncDeps, account = GLOBEX) => syncDynamicsAccount(d, { org: ORG, accountId: dynIds.account(account) })

function expected(account = GLOBEX) {
  const quotes = account.deals.flatMap((d) => d.quotes)
  return {
    accounts: 1,
    contacts: account.contacts.length,
    interactions: account.activities.length,
    deals: account.deals.length,
    quotes: quotes.length,
    quoteLines: quotes.reduce((n, q) => n + q.lines.length, 0),
    cases: account.cases.length,
    contracts: account.contracts.length
  }
}
async function counts(db: ParleyDB) {
  return Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await db.table(t).count()] as const)))
}
async function keys(db: ParleyDB) {
  return Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, ((await db.table(t).toCollection().primaryKeys()) as string[]).sort()] as const)))
}
const urls = (mock: DynamicsMockApi) => mock.stats.requests.map((r) => decodeURIComponent(r.url))

describe("syncDynamicsAccount", () => {
  it("initial sync across several pages fills every table", async () => {
    const mock = createDynamicsMockApi()
    const db = freshDb()
    const result = await sync(deps(mock, db))
    expect(result.status.state).toBe("synced")
    expect(result.rejected).toBe(0)
    expect(await counts(db)).toEqual(expected())
    // Paged: 144 activities at 5 per page.
    expect(urls(mock).filter((u) => u.includes("$skiptoken=")).length).toBeGreaterThan(20)
    expect(result.calls).toBe(mock.stats.calls)
    expect(result.written).toBe(Object.values(expected()).reduce((a, b) => a + b, 0))

    const accountKey = recordKey("dynamics", ORG, dynIds.account(GLOBEX))
    expect(await db.accounts.get(accountKey)).toMatchObject({ name: "Globex Manufacturing", industry: "Manufacturing", currency: "USD", ownerName: "Rosa Diaz", annualRevenue: 412_000_000 })
    const lease = GLOBEX.deals[0]!
    const quotes = (await db.quotes.where("dealKey").equals(recordKey("dynamics", ORG, dynIds.deal(lease))).toArray()).sort((a, b) => a.revision - b.revision)
    expect(quotes.map((q) => [q.revision, q.status])).toEqual([
      [1, "Revised"],
      [2, "Won"]
    ])
    const line = await db.quoteLines.get(recordKey("dynamics", ORG, dynIds.quoteLine(lease.quotes[0]!, 0)))
    expect(line).toMatchObject({ listPrice: 180_000, unitPrice: 172_800, discountPercent: 4, quantity: 1, isCustom: false })
    const calls = (await db.interactions.toArray()).filter((i) => i.sourceObject === "phonecall")
    const demoCalls = GLOBEX.activities.filter((a) => a.channel === "call")
    expect(calls.map((c) => c.direction).sort()).toEqual(demoCalls.map((a) => a.direction).sort())
    expect(await db.cases.toArray()).toHaveLength(2)
    expect((await db.contracts.toArray()).map((c) => c.termMonths).sort()).toEqual([36, 60])
    expect((await db.meta.get(`sync:${accountKey}`))?.value).toMatchObject({ state: "synced", written: result.written })
    expect(await db.orgs.get(`dynamics:${ORG}`)).toMatchObject({ host: "northwind.crm4.dynamics.com" })
  })

  it("sends the OData headers and asks only for used columns", async () => {
    const mock = createDynamicsMockApi()
    await sync(deps(mock, freshDb()))
    const first = mock.stats.requests[0]!
    expect(first.headers).toMatchObject({
      Accept: "application/json",
      "OData-MaxVersion": "4.0",
      "OData-Version": "4.0",
      Prefer: 'odata.include-annotations="OData.Community.Display.V1.FormattedValue",odata.maxpagesize=5'
    })
    for (const url of urls(mock)) expect(url).toMatch(/\$select=[a-z_,]+/)
    expect(urls(mock).some((u) => u.includes("$select=*") || !u.includes("$select"))).toBe(false)
  })

  it("a second sync makes only cursor queries, and a later change arrives alone", async () => {
    const mock = createDynamicsMockApi()
    const db = freshDb()
    await sync(deps(mock, db))
    mock.resetStats()
    const second = await sync(deps(mock, db))
    expect(second.status.state).toBe("synced")
    expect(second.written).toBe(0)
    // One query per stream: 6 account-level streams + 5 activity tables × 2 parent chunks (the
    // account with its deals; its cases and contacts).
    expect(second.calls).toBe(16)
    for (const url of urls(mock)) {
      expect(url).toMatch(/ and modifiedon gt \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z&\$orderby=modifiedon asc$/)
      expect(url).not.toContain("$skiptoken")
    }

    // A quote edited in Dynamics (its line edit recalculated the quote, so both changed).
    const deal = GLOBEX.deals[2]!
    const quote = deal.quotes[0]!
    mock.touch("quotedetails", dynIds.quoteLine(quote, 0), { manualdiscountamount: 10_500 })
    mock.touch("quotes", dynIds.quote(quote), { totalamount: 199_500 })
    mock.resetStats()
    const third = await sync(deps(mock, db))
    expect(third.written).toBe(2) // the quote and its line
    expect(third.calls).toBe(17) // 16 cursor queries + the quote's lines
    expect(await db.quotes.get(recordKey("dynamics", ORG, dynIds.quote(quote)))).toMatchObject({ total: 199_500, revision: 1 })
    expect(await db.quoteLines.get(recordKey("dynamics", ORG, dynIds.quoteLine(quote, 0)))).toMatchObject({ unitPrice: 199_500, discountPercent: 5 })
  })

  it("an interrupted sync resumes mid-pagination with no duplicate or missing record", async () => {
    const reference = freshDb()
    await sync(deps(createDynamicsMockApi(), reference))

    const mock = createDynamicsMockApi()
    const db = freshDb()
    // The worker dies after 25 requests: later fetches never answer, nothing after them runs.
    let calls = 0
    const dying: FetchLike = (url, init) => (++calls > 25 ? new Promise(() => {}) : mock.fetch(url, init))
    void sync(deps(mock, db, { fetch: dying }))
    while (calls <= 25) await new Promise((r) => setTimeout(r, 5))
    await new Promise((r) => setTimeout(r, 50))
    const midway = await db.cursors.toArray()
    expect(midway.some((c) => c.nextPage?.includes("$skiptoken="))).toBe(true)
    const partial = await counts(db)
    expect(partial.interactions).toBeLessThan(expected().interactions)

    mock.resetStats()
    // A new worker: nothing of the dead one's running sync is left in memory (its own
    // connection to the database, no running syncs, no request slots held).
    const resumed = await sync(deps(mock, openDatabase(db.name), { running: new Map() }))
    expect(resumed.status.state).toBe("synced")
    // Streams that stopped mid-way continue from their stored page link.
    const stored = midway.filter((c) => c.nextPage).map((c) => decodeURIComponent(c.nextPage!))
    for (const link of stored) expect(urls(mock)).toContain(link)
    expect(await keys(db)).toEqual(await keys(reference))
    expect(await counts(db)).toEqual(expected())
  })

  it("keeps at most 4 requests in flight", async () => {
    const mock = createDynamicsMockApi({ latencyMs: 3 })
    const result = await sync(deps(mock, freshDb()))
    expect(result.status.state).toBe("synced")
    expect(mock.stats.maxInFlight).toBeLessThanOrEqual(4)
    expect(mock.stats.maxInFlight).toBeGreaterThan(1)
  })

  it("on 429 waits exactly Retry-After seconds, then carries on", async () => {
    const mock = createDynamicsMockApi()
    mock.inject({ status: 429, retryAfter: 7, match: "/contacts?" })
    const sleeps: number[] = []
    const db = freshDb()
    const result = await sync(deps(mock, db, { sleep: async (ms) => void sleeps.push(ms) }))
    expect(sleeps).toEqual([7_000])
    expect(result.status.state).toBe("synced")
    expect(await counts(db)).toEqual(expected())
    expect(mock.stats.requests.filter((r) => r.url.includes("/contacts?"))).toHaveLength(2)
  })

  it("stops with a resumable 'throttled' status when Retry-After is too long to wait", async () => {
    const mock = createDynamicsMockApi()
    mock.inject({ status: 429, retryAfter: 600, match: "/quotes?" })
    const result = await sync(deps(mock, freshDb()))
    expect(result.status).toMatchObject({ state: "rate-limited", retryAt: DEMO_NOW + 7_200_000 + 600_000 })
  })

  it("a visit before a stored retryAt makes no request; after it, the sync resumes", async () => {
    const mock = createDynamicsMockApi()
    const db = freshDb()
    let now = DEMO_NOW + 7_200_000
    mock.inject({ status: 429, retryAfter: 600, match: "/quotes?" })
    await sync(deps(mock, db, { now: () => now }))
    mock.resetStats()
    now += 300_000
    expect((await sync(deps(mock, db, { now: () => now }))).status.state).toBe("rate-limited")
    expect(mock.stats.calls).toBe(0)
    now += 300_001
    expect((await sync(deps(mock, db, { now: () => now }))).status.state).toBe("synced")
    expect(await counts(db)).toEqual(expected())
  })

  it.each([401, 403] as const)("answers %s with session-expired, persisted for the panel", async (status) => {
    const mock = createDynamicsMockApi()
    mock.inject({ status, match: "/opportunities?" })
    const db = freshDb()
    const result = await sync(deps(mock, db))
    expect(result.status).toMatchObject({ state: "session-expired", message: "Sign in to Dynamics again" })
    const accountKey = recordKey("dynamics", ORG, dynIds.account(GLOBEX))
    expect((await db.meta.get(`sync:${accountKey}`))?.value).toMatchObject({ state: "session-expired", message: "Sign in to Dynamics again" })
    // Nothing after the expiry is requested: the activity phase never starts.
    expect(urls(mock).some((u) => u.includes("/phonecalls?"))).toBe(false)
  })

  it("skips a table the rep may not read (403 PrivilegeDenied) and syncs the rest", async () => {
    const mock = createDynamicsMockApi()
    mock.inject({ status: 403, match: "/contracts?", code: "0x80040220", message: "Principal user is missing prvReadContract privilege" })
    const db = freshDb()
    const result = await sync(deps(mock, db))
    expect(result.status.state).toBe("synced")
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ object: "contract", kind: "skipped", status: 403, code: "0x80040220" }))
    expect(await db.contracts.count()).toBe(0)
    expect(await db.interactions.count()).toBe(expected().interactions)
  })

  it("surfaces Dataverse error bodies in diagnostics (partial sync)", async () => {
    const mock = createDynamicsMockApi()
    mock.inject({ status: 500, match: "/incidents?", code: "0x80040216", message: "An unexpected error occurred." })
    const db = freshDb()
    const result = await sync(deps(mock, db))
    expect(result.status.state).toBe("partial")
    expect(result.diagnostics).toContainEqual({ object: "incident", kind: "http", status: 500, code: "0x80040216", message: "An unexpected error occurred." })
    expect(await db.cases.count()).toBe(0)
    expect(await db.deals.count()).toBe(expected().deals)
    // The failed stream kept no cursor, so the next sync fetches it in full.
    const next = await sync(deps(mock, db))
    expect(next.status.state).toBe("synced")
    expect(await db.cases.count()).toBe(expected().cases)
  })

  it("rejects malformed records (zod) while the others land", async () => {
    const mock = createDynamicsMockApi()
    const badQuote = INITECH.deals[1]!.quotes[1]!
    const badCall = INITECH.activities.find((a) => a.channel === "call")!
    mock.corrupt("quotes", dynIds.quote(badQuote), { totalamount: -500 })
    mock.corrupt("phonecalls", dynIds.activity(badCall), { actualend: "yesterday-ish" })
    const db = freshDb()
    const result = await sync(deps(mock, db), INITECH)
    expect(result.status.state).toBe("synced")
    expect(result.rejected).toBe(2)
    const rejectedKeys = result.diagnostics.filter((d) => d.kind === "rejected").map((d) => d.recordKey)
    expect(rejectedKeys.sort()).toEqual([recordKey("dynamics", ORG, dynIds.activity(badCall)), recordKey("dynamics", ORG, dynIds.quote(badQuote))].sort())
    const want = expected(INITECH)
    expect(await counts(db)).toEqual({ ...want, quotes: want.quotes - 1, interactions: want.interactions - 1 })
    // Revisions number only valid quotes: the deal's remaining two are 1 and 2.
    const dealKey = recordKey("dynamics", ORG, dynIds.deal(INITECH.deals[1]!))
    expect((await db.quotes.where("dealKey").equals(dealKey).toArray()).map((q) => q.revision).sort()).toEqual([1, 2])
  })

  it("stops at the per-org request budget with a resumable status", async () => {
    const mock = createDynamicsMockApi()
    const db = freshDb()
    let now = DEMO_NOW + 7_200_000
    const d = deps(mock, db, { now: () => now, budget: { maxRequests: 8, windowMs: 300_000 } })
    const first = await sync(d)
    expect(first.status.state).toBe("rate-limited")
    expect(first.status.retryAt).toBe(now + 300_000)
    expect(first.calls).toBe(8)
    // The budget survives a restart (it is stored), so an immediate retry makes no request.
    mock.resetStats()
    expect((await sync(d)).calls).toBe(0)
    now += 300_001
    const later = await sync({ ...d, budget: { maxRequests: 1_000, windowMs: 300_000 } })
    expect(later.status.state).toBe("synced")
    expect(await counts(db)).toEqual(expected())
  })

  it("a new opportunity re-reads only its parent chunk of activities", async () => {
    const mock = createDynamicsMockApi()
    const db = freshDb()
    await sync(deps(mock, db))
    const newDeal = "00000004-0000-4000-8000-00000000beef"
    mock.add("opportunities", {
      opportunityid: newDeal,
      name: "Spare parts framework",
      _parentaccountid_value: dynIds.account(GLOBEX),
      _customerid_value: dynIds.account(GLOBEX),
      estimatedvalue: 25_000,
      statecode: 0,
      "statecode@OData.Community.Display.V1.FormattedValue": "Open",
      stepname: "Qualify",
      createdon: "2026-11-20T10:00:00Z"
    })
    mock.add("phonecalls", {
      activityid: "00000003-0000-4000-8000-00000000beef",
      subject: "Spare parts: first call",
      directioncode: false,
      _regardingobjectid_value: newDeal,
      actualend: "2026-11-20T10:30:00Z",
      createdon: "2026-11-20T10:30:00Z",
      modifiedon: "2026-11-20T10:30:00Z"
    })
    const result = await sync(deps(mock, db))
    expect(result.status.state).toBe("synced")
    const call = await db.interactions.get(recordKey("dynamics", ORG, "00000003-0000-4000-8000-00000000beef"))
    expect(call).toMatchObject({ channel: "call", direction: "inbound", dealKey: recordKey("dynamics", ORG, newDeal) })
    // Old activity cursors of the previous parent set are gone; per table one remains for the
    // account and its deals, and one for its cases and contacts (unchanged).
    const activityCursors = (await db.cursors.toArray()).filter((c) => c.scope.includes("~"))
    expect(activityCursors).toHaveLength(10)
  })

  it("refuses an id that is not a GUID", async () => {
    const result = await syncDynamicsAccount(deps(createDynamicsMockApi(), freshDb()), { org: ORG, accountId: "001000000000001AAA" })
    expect(result).toMatchObject({ status: { state: "error" }, calls: 0 })
  })
})

describe("isParleySnapshotNote", () => {
  it("recognises the notes Parley attaches when sharing a snapshot", async () => {
    const { isParleySnapshotNote } = await import("./sync")
    expect(isParleySnapshotNote({ filename: "parley-globex-2026-11-25-en.pdf" })).toBe(true)
    expect(isParleySnapshotNote({ filename: "contract.pdf" })).toBe(false)
    expect(isParleySnapshotNote({ notetext: "call notes" })).toBe(false)
  })
})

describe("concurrent syncs of one account", () => {
  it("a second call while the account syncs joins the running sync", async () => {
    const mock = createDynamicsMockApi({ latencyMs: 2 })
    const db = freshDb()
    const [a, b] = await Promise.all([sync(deps(mock, db)), sync(deps(mock, db))])
    expect(b).toBe(a)
    expect(mock.stats.calls).toBe(a.calls)
  })

  it("a call that needs a sync started after the running one began runs after it", async () => {
    const mock = createDynamicsMockApi({ latencyMs: 2 })
    const db = freshDb()
    let now = DEMO_NOW + 7_200_000
    const d = deps(mock, db, { now: () => now })
    const first = sync(d)
    now += 1_000
    const again = sync({ ...d, notBefore: now })
    const [a, b] = await Promise.all([first, again])
    expect(b).not.toBe(a)
    expect(b.status.state).toBe("synced")
    expect(mock.stats.calls).toBe(a.calls + b.calls)
  })
})

describe("watermark without the server's Date header", () => {
  it("still reads a row saved in the same second as the newest one read", async () => {
    const mock = createDynamicsMockApi()
    const db = freshDb()
    // An answer without a Date header (a proxy that drops it): only the rows' modifiedon is known.
    const noDate: FetchLike = async (url, init) => {
      const res = await (mock.fetch as FetchLike)(url, init)
      return { status: res.status, text: () => res.text(), headers: { get: (name: string) => (name.toLowerCase() === "date" ? null : res.headers.get(name)) } }
    }
    const d = deps(mock, db, { fetch: noDate })
    await sync(d)
    const contacts = mock.tables.contacts!.filter((r) => r._parentcustomerid_value === dynIds.account(GLOBEX))
    const newest = contacts.reduce((a, b) => (String(a.modifiedon) > String(b.modifiedon) ? a : b))
    const id = "00000002-0000-4000-8000-00000000feed"
    mock.add("contacts", { ...newest, contactid: id, fullname: "Same Second", modifiedon: newest.modifiedon })
    const second = await sync(d)
    expect(second.status.state).toBe("synced")
    expect(await db.contacts.get(recordKey("dynamics", ORG, id))).toMatchObject({ name: "Same Second" })
  })
})

describe("activities regarding the account's cases and contacts", () => {
  it("reads a call logged on a case and an email tracked on a contact, and the reconciliation keeps them", async () => {
    const mock = createDynamicsMockApi()
    const db = freshDb()
    const incident = mock.tables.incidents!.find((r) => r._customerid_value === dynIds.account(GLOBEX))!
    const contact = dynIds.contact(GLOBEX.contacts[0]!)
    const at = "2025-03-04T10:00:00Z"
    const activity = (id: string, regarding: Record<string, unknown>) => ({ activityid: id, subject: `About ${id}`, statecode: 1, createdon: at, actualend: at, modifiedon: at, ...regarding })
    const call = "00000099-0000-4000-8000-000000000001"
    const email = "00000099-0000-4000-8000-000000000002"
    mock.add("phonecalls", { ...activity(call, { _regardingobjectid_value: incident.incidentid, "_regardingobjectid_value@Microsoft.Dynamics.CRM.lookuplogicalname": "incident" }), directioncode: false })
    mock.add("emails", { ...activity(email, { _regardingobjectid_value: contact, "_regardingobjectid_value@Microsoft.Dynamics.CRM.lookuplogicalname": "contact" }), directioncode: true, description: "<p>Renewal</p>" })
    let now = DEMO_NOW + 7_200_000
    const d = deps(mock, db, { now: () => now })
    expect((await sync(d)).status.state).toBe("synced")
    expect(await db.interactions.get(recordKey("dynamics", ORG, call))).toMatchObject({ channel: "call", direction: "inbound", accountKey: recordKey("dynamics", ORG, dynIds.account(GLOBEX)) })
    expect(await db.interactions.get(recordKey("dynamics", ORG, email))).toMatchObject({ channel: "email", direction: "outbound" })
    expect(await db.interactions.count()).toBe(expected().interactions + 2)
    now += 60_000
    const forced = await sync({ ...d, reconcile: true })
    expect(forced.deleted).toBe(0)
    mock.remove("phonecalls", call)
    now += 60_000
    expect((await sync({ ...d, reconcile: true })).deleted).toBe(1)
    expect(await db.interactions.get(recordKey("dynamics", ORG, email))).toBeDefined()
  })
})

describe("deleted records (id reconciliation)", () => {
  it("removes records deleted in Dynamics on a forced sync, and keeps re-visits incremental", async () => {
    const mock = createDynamicsMockApi()
    const db = freshDb()
    let now = DEMO_NOW + 7_200_000
    const d = deps(mock, db, { now: () => now })
    await sync(d)
    const call = mock.tables.phonecalls!.find((r) => r._regardingobjectid_value === dynIds.account(GLOBEX))!
    const contact = dynIds.contact(GLOBEX.contacts[0]!)
    const quote = mock.tables.quotes!.find((r) => r._customerid_value === dynIds.account(GLOBEX))!
    const quoteLines = await db.quoteLines.where("quoteKey").equals(recordKey("dynamics", ORG, String(quote.quoteid))).count()
    expect(quoteLines).toBeGreaterThan(0)
    mock.remove("phonecalls", String(call.activityid))
    mock.remove("contacts", contact)
    mock.remove("quotes", String(quote.quoteid))

    // A re-visit soon after: cursor-bounded queries only, so nothing is noticed yet.
    now += 60_000
    mock.resetStats()
    const revisit = await sync(d)
    expect(revisit.deleted).toBe(0)
    const gets = urls(mock).filter((u) => !u.includes("$skiptoken="))
    expect(gets.length).toBeGreaterThan(0)
    expect(gets.filter((u) => !/modifiedon gt \d{4}-/.test(u) && !/_quoteid_value eq|_opportunityid_value eq|_incidentid_value eq/.test(u))).toEqual([])

    // "Sync now": the ids are compared and the deleted rows go, with the quote's lines.
    now += 60_000
    const forced = await sync({ ...d, reconcile: true })
    expect(forced.status.state).toBe("synced")
    expect(forced.deleted).toBe(3 + quoteLines)
    expect(await db.interactions.get(recordKey("dynamics", ORG, String(call.activityid)))).toBeUndefined()
    expect(await db.contacts.get(recordKey("dynamics", ORG, contact))).toBeUndefined()
    expect(await db.quotes.get(recordKey("dynamics", ORG, String(quote.quoteid)))).toBeUndefined()
    expect(await db.quoteLines.where("quoteKey").equals(recordKey("dynamics", ORG, String(quote.quoteid))).count()).toBe(0)
    const e = expected()
    expect(await counts(db)).toEqual({ ...e, interactions: e.interactions - 1, contacts: e.contacts - 1, quotes: e.quotes - 1, quoteLines: e.quoteLines - quoteLines })

    // The same later, by itself, once the reconciliation interval has passed.
    mock.remove("phonecalls", String(mock.tables.phonecalls!.find((r) => r._regardingobjectid_value === dynIds.account(GLOBEX))!.activityid))
    now += RECONCILE_INTERVAL_MS + 1
    expect((await sync(d)).deleted).toBe(1)
  })

  it("forgets the whole account when Dynamics no longer has it", async () => {
    const mock = createDynamicsMockApi()
    const db = freshDb()
    await sync(deps(mock, db))
    await sync(deps(mock, db, { reconcile: true }))
    mock.remove("accounts", dynIds.account(GLOBEX))
    const result = await sync(deps(mock, db, { reconcile: true }))
    expect(result.deleted).toBe(Object.values(expected()).reduce((a, b) => a + b, 0))
    expect(await counts(db)).toEqual(Object.fromEntries(TABLES.map((t) => [t, 0])))
  })
})

describe("progress and pause", () => {
  const ACTIVITY_OBJECTS = ["phonecall", "email", "appointment", "task", "annotation"]

  it("reports each object's rows so far of Dataverse's @odata.count, reaching it", async () => {
    const mock = createDynamicsMockApi()
    const reports: { object: string; done: number; total?: number }[] = []
    const result = await sync(deps(mock, freshDb(), { onProgress: (r) => reports.push(r) }))
    expect(result.status.state).toBe("synced")
    expect(urls(mock).filter((u) => u.includes("$count=true")).length).toBeGreaterThan(10)
    const last = new Map(reports.map((r) => [r.object, r]))
    const want = expected()
    expect(last.get("account")).toEqual({ object: "account", done: 1, total: 1 })
    expect(last.get("contact")).toEqual({ object: "contact", done: want.contacts, total: want.contacts })
    expect(last.get("opportunity")).toEqual({ object: "opportunity", done: want.deals, total: want.deals })
    for (const object of ACTIVITY_OBJECTS) expect(last.get(object)?.done, object).toBe(last.get(object)?.total)
    expect(ACTIVITY_OBJECTS.reduce((n, o) => n + (last.get(o)?.done ?? 0), 0)).toBe(want.interactions)
    expect(reports.filter((r) => r.object === "phonecall").length).toBeGreaterThan(1)
    for (const r of reports) expect(r.done).toBeLessThanOrEqual(r.total ?? Infinity)
  })

  it("stops with 'paused' after a page, keeps the cursors, and a later sync completes it", async () => {
    const reference = freshDb()
    await sync(deps(createDynamicsMockApi(), reference))
    const mock = createDynamicsMockApi()
    const db = freshDb()
    let paused = false
    const first = await sync(deps(mock, db, { onProgress: (r) => void (r.object === "phonecall" && (paused = true)), isPaused: async () => paused }))
    expect(first.status.state).toBe("paused")
    expect(first.status.progress?.objects?.phonecall?.done).toBeGreaterThan(0)
    const accountKey = recordKey("dynamics", ORG, dynIds.account(GLOBEX))
    expect((await db.meta.get(`sync:${accountKey}`))?.value).toMatchObject({ state: "paused" })
    const waiting = (await db.cursors.toArray()).filter((c) => c.nextPage)
    expect(waiting.length).toBeGreaterThan(0)
    expect((await counts(db)).interactions).toBeLessThan(expected().interactions)

    paused = false
    mock.resetStats()
    const second = await sync(deps(mock, db, { isPaused: async () => paused }))
    expect(second.status.state).toBe("synced")
    // The stored page links were followed as they were (no fresh query re-read those streams).
    for (const cursor of waiting) expect(urls(mock)).toContain(decodeURIComponent(cursor.nextPage!))
    expect(await keys(db)).toEqual(await keys(reference))
    expect(await counts(db)).toEqual(expected())
    expect((await db.cursors.toArray()).filter((c) => c.nextPage)).toEqual([])
  })
})
