import { describe, expect, it, vi } from "vitest"
import { DEMO_ACCOUNTS, DEMO_NOW, sfIds } from "../../demo/org"
import { createMockSalesforceApi, mockFetch } from "../../demo/salesforce/mock-api"
import { DEMO_SALESFORCE } from "../../demo/salesforce/records"
import { openDatabase } from "../model/db"
import { SETTINGS_KEY } from "../model/settings"
import { syncPausedKey, syncStatusKey } from "../model/sync-status"
import { accountIdFor, isFresh, observationFor, syncAndClassify, syncHooks, type SyncEnvironment } from "./sync"

const page = (objectType: string, id: string, fields = {}) => ({
  crm: "salesforce" as const,
  host: "northwind.lightning.force.com",
  org: "northwind",
  url: `https://northwind.lightning.force.com/lightning/r/${objectType}/${id}/view`,
  record: { objectType, id, fields }
})

describe("accountIdFor", () => {
  it("is the record itself for an account", async () => {
    expect(await accountIdFor(openDatabase(`a-${Math.random()}`), page("Account", "001000000000001AAA"))).toBe("001000000000001AAA")
  })
  it("follows the synced deal's account, then the page's account lookup", async () => {
    const db = openDatabase(`b-${Math.random()}`)
    await db.deals.put({ key: "salesforce:northwind:006000000000001AAA", crm: "salesforce", org: "northwind", id: "006000000000001AAA", accountKey: "salesforce:northwind:001000000000009AAA", name: "D", stage: "Prospecting", createdAt: 1, isClosed: false, isWon: false, stageHistory: [], seenAt: 1 })
    expect(await accountIdFor(db, page("Opportunity", "006000000000001AAA"))).toBe("001000000000009AAA")
    const lookup = { AccountId: { label: "Account Name", value: "Globex", relatedId: "001000000000002AAA" } }
    expect(await accountIdFor(db, page("Case", "500000000000001AAA", lookup))).toBe("001000000000002AAA")
    expect(await accountIdFor(db, page("Case", "500000000000002AAA"))).toBeNull()
  })
})

describe("isFresh", () => {
  it("skips a re-sync only after a recent successful one", () => {
    expect(isFresh({ state: "synced", at: 1_000 }, 1_000 + 9 * 60_000, 10)).toBe(true)
    expect(isFresh({ state: "synced", at: 1_000 }, 1_000 + 11 * 60_000, 10)).toBe(false)
    expect(isFresh({ state: "partial", at: 1_000 }, 2_000, 10)).toBe(false)
    expect(isFresh({ state: "dom-only", at: 1_000 }, 2_000, 10)).toBe(true)
    expect(isFresh({ state: "session-expired", at: 1_000 }, 2_000, 10)).toBe(false)
    expect(isFresh(undefined, 2_000, 10)).toBe(false)
  })
})

describe("observationFor", () => {
  it("rebuilds a stored record's observation with its org's host", async () => {
    const db = openDatabase(`c-${Math.random()}`)
    await db.orgs.put({ key: "salesforce:northwind", crm: "salesforce", org: "northwind", host: "northwind.lightning.force.com", seenAt: 1 })
    await db.pageRecords.put({ key: "salesforce:northwind:001000000000001AAA", crm: "salesforce", org: "northwind", id: "001000000000001AAA", objectType: "Account", name: "Globex", url: "https://northwind.lightning.force.com/x", fields: {}, seenAt: 1 })
    expect(await observationFor(db, "salesforce:northwind:001000000000001AAA")).toMatchObject({ host: "northwind.lightning.force.com", record: { objectType: "Account", name: "Globex" } })
    expect(await observationFor(db, "salesforce:northwind:missing")).toBeNull()
  })
})

describe("sync hooks and pause", () => {
  const ACCOUNT = "001000000000001AAA"
  const KEY = `salesforce:northwind:${ACCOUNT}`
  const env = (db: ReturnType<typeof openDatabase>, calls: string[]) => ({
    db,
    fetch: (async (input: RequestInfo | URL) => {
      calls.push(String(input))
      return new Response("[]", { status: 401 })
    }) as typeof fetch,
    cookies: {
      get: async (d: { url: string; name: string }) => (calls.push(`cookie ${d.url}`), null),
      getAll: async () => []
    },
    now: () => 1_000
  })

  it("records progress only while the status says syncing", async () => {
    const db = openDatabase(`h-${Math.random()}`)
    await db.meta.put({ key: syncStatusKey(KEY), value: { state: "syncing", at: 1 } })
    const hooks = syncHooks(db, KEY)
    hooks.onProgress!({ object: "Task", done: 2000, total: 5000 })
    hooks.onProgress!({ object: "Event", done: 10, total: 10 })
    await hooks.settled()
    expect((await db.meta.get(syncStatusKey(KEY)))?.value).toMatchObject({ state: "syncing", progress: { done: 2010, total: 5010 } })
    await db.meta.put({ key: syncStatusKey(KEY), value: { state: "synced", at: 2 } })
    hooks.onProgress!({ object: "Task", done: 5000, total: 5000 })
    await hooks.settled()
    expect((await db.meta.get(syncStatusKey(KEY)))?.value).toEqual({ state: "synced", at: 2 })
  })

  it("does not start a paused account's sync on a page view; Sync now clears the flag and syncs", async () => {
    const db = openDatabase(`p-${Math.random()}`)
    const calls: string[] = []
    await db.meta.put({ key: syncPausedKey(KEY), value: true })
    expect(await syncHooks(db, KEY).isPaused!()).toBe(true)
    await syncAndClassify(env(db, calls), page("Account", ACCOUNT))
    expect(calls).toEqual([])
    await syncAndClassify(env(db, calls), page("Account", ACCOUNT), { force: true })
    expect(await db.meta.get(syncPausedKey(KEY))).toBeUndefined()
    // The connector ran: it looked for the rep's session and, finding none, said so.
    expect(calls.length).toBeGreaterThan(0)
    expect((await db.meta.get(syncStatusKey(KEY)))?.value).toMatchObject({ state: "session-expired" })
  })

  it("drops a pause that came too late for the running sync (it ended in another state)", async () => {
    const db = openDatabase(`late-${Math.random()}`)
    const calls: string[] = []
    const e = env(db, calls)
    const originalGet = e.cookies.get
    // The rep presses Pause while the connector is already looking for the session.
    e.cookies.get = async (d) => (await db.meta.put({ key: syncPausedKey(KEY), value: true }), originalGet(d))
    await syncAndClassify(e, page("Account", ACCOUNT))
    expect(calls.length).toBeGreaterThan(0)
    expect(await db.meta.get(syncPausedKey(KEY))).toBeUndefined()
  })
})


describe("a page view while the account syncs", () => {
  const globex = DEMO_ACCOUNTS[0]!
  const deal = `salesforce:${DEMO_SALESFORCE.org}:${sfIds.deal(globex.deals[0]!)}`
  const view = { ...page("Account", sfIds.account(globex)), org: DEMO_SALESFORCE.org, host: DEMO_SALESFORCE.uiHost }

  /** The org's API behind the rep's session; every answer waits for `release` once the org has read it. */
  function org() {
    const api = createMockSalesforceApi()
    const { fetch } = mockFetch(api)
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const clock = { now: DEMO_NOW }
    const env: SyncEnvironment = {
      db: openDatabase(`visit-${Math.random()}`),
      fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
        const answer = await fetch(input, init)
        await held
        return answer
      }) as typeof fetch,
      cookies: {
        get: async ({ url }) => (new URL(url).hostname === DEMO_SALESFORCE.apiHost ? { value: DEMO_SALESFORCE.sessionId, domain: DEMO_SALESFORCE.apiHost } : null),
        getAll: async () => []
      },
      now: () => clock.now
    }
    return { api, env, clock, release }
  }

  it("is answered by a sync that reads the CRM after it when the rep syncs on every visit", async () => {
    const { api, env, clock, release } = org()
    await env.db.meta.put({ key: SETTINGS_KEY, value: { minSyncIntervalMinutes: 0 } })
    const first = syncAndClassify(env, view)
    await vi.waitFor(() => expect(api.callCount).toBe(1)) // the running sync has read the org
    api.deleteRecord(sfIds.deal(globex.deals[0]!))
    clock.now += 1_000
    const again = syncAndClassify(env, view) // the rep looks again before that sync is written
    release()
    await Promise.all([first, again])
    expect(api.callCount).toBe(2)
    expect(await env.db.deals.get(deal)).toBeUndefined()
    expect((await env.db.meta.get(syncStatusKey(`salesforce:${DEMO_SALESFORCE.org}:${sfIds.account(globex)}`)))?.value).toMatchObject({ state: "synced" })
  })

  it("shares the running sync when that one started within the rep's interval", async () => {
    const { api, env, clock, release } = org()
    const first = syncAndClassify(env, view)
    await vi.waitFor(() => expect(api.callCount).toBe(1))
    clock.now += 60_000
    const again = syncAndClassify(env, view)
    release()
    await Promise.all([first, again])
    expect(api.callCount).toBe(1)
    expect(await env.db.deals.get(deal)).toBeDefined()
  })
})
