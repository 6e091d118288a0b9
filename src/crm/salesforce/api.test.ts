import { describe, expect, it } from "vitest"
import { API_LIMITS } from "../../../plasmo.config"
import { createMockSalesforceApi, mockFetch } from "../../../demo/salesforce/mock-api"
import { DEMO_SALESFORCE } from "../../../demo/salesforce/records"
import { DEMO_ACCOUNTS, sfIds } from "../../../demo/org"
import { openDatabase } from "../../model/db"
import { utf8ToBase64 } from "../../snapshots/bytes"
import { orgBudget } from "../request-budget"
import { parseLimitInfo, SalesforceClient } from "./api"
import { API_VERSION } from "./soql"
import { shareToSalesforce } from "./share"

const NOW = Date.UTC(2026, 10, 20, 12)
const SESSION = { apiHost: DEMO_SALESFORCE.apiHost, sid: DEMO_SALESFORCE.sessionId }
const ACCOUNT = sfIds.account(DEMO_ACCOUNTS[0]!)
const queryOf = (soql: string) => `/services/data/${API_VERSION}/query?q=${encodeURIComponent(soql)}`
const tick = () => new Promise((r) => setTimeout(r, 0))

/** A fetch whose answers wait until the test lets them go, counting what is in flight. */
function gatedFetch(inner: typeof fetch) {
  const state = { inFlight: 0, most: 0, sent: 0, gates: [] as (() => void)[] }
  const gated = (async (input: RequestInfo | URL, init?: RequestInit) => {
    state.sent++
    state.most = Math.max(state.most, ++state.inFlight)
    await new Promise<void>((resolve) => state.gates.push(resolve))
    state.inFlight--
    return inner(input, init)
  }) as typeof fetch
  return { fetch: gated, state }
}

describe("parseLimitInfo", () => {
  it("reads api-usage", () => {
    expect(parseLimitInfo("api-usage=10018/100000")).toEqual({ used: 10018, max: 100000 })
    expect(parseLimitInfo("api-usage=3/15000; api-bursts=1/750")).toEqual({ used: 3, max: 15000 })
    expect(parseLimitInfo(null)).toBeUndefined()
  })
})

describe("SalesforceClient through the org's request budget", () => {
  it("keeps at most API_LIMITS.salesforce.maxInFlight requests in flight across every client of the org", async () => {
    const db = openDatabase(`sf-api-${Math.random()}`)
    const { fetch, state } = gatedFetch(mockFetch(createMockSalesforceApi()).fetch)
    const clock = { now: () => NOW, sleep: async () => undefined }
    // Two clients of one org (two account syncs, or a sync and a snapshot listing).
    const clients = [0, 1].map(() => new SalesforceClient({ fetch, ...clock }, SESSION, orgBudget("salesforce", DEMO_SALESFORCE.org, { db, clock }), { maxRetries: 0, backoffMs: 1 }))
    const requests = Array.from({ length: 8 }, (_, i) => clients[i % 2]!.query("SELECT Id FROM Account LIMIT 1"))
    // Let every request that can start do so (the budget's count is a database transaction: a
    // few ticks), then finish the oldest one; repeat.
    let quiet = 0
    let seen = -1
    while (state.sent < requests.length || state.gates.length) {
      await tick()
      quiet = state.sent === seen ? quiet + 1 : 0
      seen = state.sent
      if (quiet >= 20) state.gates.shift()?.()
    }
    await Promise.all(requests)
    expect(state.most).toBe(API_LIMITS.salesforce.maxInFlight)
    db.close()
  })

  it("holds every request of the org, a share included, while a Retry-After runs", async () => {
    const db = openDatabase(`sf-api-${Math.random()}`)
    const api = createMockSalesforceApi()
    const base = mockFetch(api).fetch
    let throttled = false
    const throttling = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (!throttled && String(input).includes("/query")) {
        throttled = true
        return new Response(JSON.stringify([{ errorCode: "REQUEST_LIMIT_EXCEEDED", message: "Too many requests" }]), { status: 429, headers: { "retry-after": "5", "content-type": "application/json" } })
      }
      return base(input, init)
    }) as typeof fetch
    const sent: string[] = []
    const watched = (async (input: RequestInfo | URL, init?: RequestInit) => {
      sent.push(init?.method ?? "GET")
      return throttling(input, init)
    }) as typeof fetch
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const waits: number[] = []
    const syncClock = { now: () => NOW, sleep: (ms: number) => (waits.push(ms), gate) }
    const shareClock = { now: () => NOW, sleep: async (ms: number) => void waits.push(ms) }
    const client = new SalesforceClient({ fetch: watched, ...syncClock }, SESSION, orgBudget("salesforce", DEMO_SALESFORCE.org, { db, clock: syncClock }), { maxRetries: 2, backoffMs: 1_000 })

    const query = client.get(queryOf("SELECT Id FROM Account LIMIT 1"))
    // The 429 came back and the retry is waiting out its Retry-After.
    while (!waits.length) await tick()
    const files = [{ kind: "json" as const, filename: "parley-a.json", title: "Parley snapshot — A (JSON)", mimeType: "application/json" as const, base64: utf8ToBase64("{}") }]
    const share = shareToSalesforce({ fetch: watched, session: SESSION, uiHost: DEMO_SALESFORCE.uiHost, budget: orgBudget("salesforce", DEMO_SALESFORCE.org, { db, clock: shareClock }) }, { accountId: ACCOUNT, files, description: "x" })
    for (let i = 0; i < 20; i++) await tick()
    // Only the throttled query went out; its retry and the share wait for the org's hold.
    expect(sent).toEqual(["GET"])
    expect(waits).toEqual([5_000])
    release()
    await Promise.all([query, share])
    expect(sent.sort()).toEqual(["GET", "GET", "POST"])
    expect(waits).toEqual([5_000])
    db.close()
  })
})
