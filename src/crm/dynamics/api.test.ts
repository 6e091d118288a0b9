import { describe, expect, it } from "vitest"
import { API_LIMITS } from "../../../plasmo.config"
import { orgBudget } from "../request-budget"
import { DataverseClient, DataverseError, PageGoneError, SessionExpiredError, ThrottledError, apiRoot, parseRetryAfter, type FetchLike, type HttpResponseLike } from "./api"

const BASE = "https://northwind.crm4.dynamics.com"
const NOW = Date.UTC(2026, 10, 20, 12)

function response(status: number, body: unknown = {}, headers: Record<string, string> = {}): HttpResponseLike {
  const h = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))
  return { status, headers: { get: (n) => h.get(n.toLowerCase()) ?? null }, text: async () => (typeof body === "string" ? body : JSON.stringify(body)) }
}
function scripted(...answers: HttpResponseLike[]) {
  const seen: { url: string; headers: Record<string, string> }[] = []
  const fetch: FetchLike = async (url, init) => {
    seen.push({ url, headers: init.headers })
    return answers.shift() ?? response(200, { value: [] })
  }
  return { fetch, seen }
}
let orgSerial = 0
/** A client with a budget of its own org (a test's holds and counts stay in that test). */
const client = (fetch: FetchLike, extra: Partial<ConstructorParameters<typeof DataverseClient>[0]> = {}) => {
  const sleep = extra.sleep ?? (async () => {})
  return new DataverseClient({ fetch, baseUrl: BASE, now: () => NOW, sleep, budget: orgBudget("dynamics", `api-test-${++orgSerial}`, { clock: { now: () => NOW, sleep } }), ...extra })
}

describe("DataverseClient", () => {
  it("builds the Web API root from an org URL, an on-premises org URL or a root", () => {
    expect(apiRoot(BASE)).toBe(`${BASE}/api/data/v9.2`)
    expect(apiRoot("https://crm.contoso.local/Contoso/")).toBe("https://crm.contoso.local/Contoso/api/data/v9.2")
    expect(apiRoot("https://crm.contoso.local/Contoso/api/data/v9.1")).toBe("https://crm.contoso.local/Contoso/api/data/v9.1")
  })

  it("returns a page with its nextLink and the server time", async () => {
    const next = `${BASE}/api/data/v9.2/accounts?$select=name&$skiptoken=%3Ccookie%20pagenumber=%222%22%20/%3E`
    const { fetch, seen } = scripted(response(200, { value: [{ name: "A" }], "@odata.nextLink": next }, { Date: new Date(NOW).toUTCString() }))
    const page = await client(fetch).page(`${BASE}/api/data/v9.2/accounts?$select=name`, 50)
    expect(page).toEqual({ value: [{ name: "A" }], nextLink: next, serverTime: NOW })
    expect(seen[0]!.headers.Prefer).toBe('odata.include-annotations="OData.Community.Display.V1.FormattedValue",odata.maxpagesize=50')
  })

  it("waits exactly Retry-After once for requests throttled together, pausing the others", async () => {
    const sleeps: number[] = []
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const { fetch, seen } = scripted(response(429, { error: { code: "0x80072322", message: "Number of requests exceeded" } }, { "Retry-After": "3" }))
    const c = client(fetch, {
      sleep: (ms) => {
        sleeps.push(ms)
        return gate
      }
    })
    const a = c.get(`${BASE}/api/data/v9.2/accounts`)
    await new Promise((r) => setTimeout(r, 5))
    const b = c.get(`${BASE}/api/data/v9.2/contacts`)
    await new Promise((r) => setTimeout(r, 5))
    // The second request is held back while the first waits out its Retry-After.
    expect(seen).toHaveLength(1)
    release()
    await Promise.all([a, b])
    expect(sleeps).toEqual([3_000])
    expect(seen).toHaveLength(3)
  })

  it("reads Retry-After as seconds or as an HTTP date", () => {
    expect(parseRetryAfter("12", NOW)).toBe(12)
    expect(parseRetryAfter(new Date(NOW + 30_000).toUTCString(), NOW)).toBe(30)
    expect(parseRetryAfter("soon", NOW)).toBeNull()
    expect(parseRetryAfter(null, NOW)).toBeNull()
  })

  it("treats 401 and non-privilege 403 as an expired session, and then stops asking", async () => {
    for (const status of [401, 403]) {
      const { fetch, seen } = scripted(response(status, status === 403 ? { error: { code: "0x80072560", message: "The user is not a member of the organization." } } : ""))
      const c = client(fetch)
      await expect(c.get(`${BASE}/api/data/v9.2/accounts`)).rejects.toBeInstanceOf(SessionExpiredError)
      await expect(c.get(`${BASE}/api/data/v9.2/contacts`)).rejects.toThrow("Sign in to Dynamics again")
      expect(seen).toHaveLength(1)
    }
  })

  it("surfaces {error:{code,message}} and keeps going after a privilege error", async () => {
    const { fetch } = scripted(response(403, { error: { code: "0x80040220", message: "missing prvReadContract" } }), response(404, { error: { code: "0x80040217", message: "account With Id = x Does Not Exist" } }))
    const c = client(fetch)
    await expect(c.get(`${BASE}/api/data/v9.2/contracts`)).rejects.toMatchObject({ status: 403, code: "0x80040220", message: "missing prvReadContract" })
    const e = await c.get(`${BASE}/api/data/v9.2/accounts(00000000-0000-0000-0000-000000000001)`).catch((x) => x)
    expect(e).toBeInstanceOf(DataverseError)
    expect(e).toMatchObject({ status: 404, code: "0x80040217" })
  })

  it("keeps going after a record the rep may not read (the access check, not the session)", async () => {
    const denied = { error: { code: "0x80048306", message: "Principal with ID u does not have ReadAccess right(s) for record with ID n of entity annotation." } }
    const { fetch, seen } = scripted(response(403, denied), response(200, { value: [] }))
    const c = client(fetch)
    await expect(c.get(`${BASE}/api/data/v9.2/annotations(00000000-0000-0000-0000-000000000001)`)).rejects.toMatchObject({ name: "DataverseError", status: 403, code: "0x80048306" })
    await expect(c.get(`${BASE}/api/data/v9.2/annotations`)).resolves.toMatchObject({ body: { value: [] } })
    expect(seen).toHaveLength(2)
  })

  it("reports network failures and non-JSON answers as errors", async () => {
    const failing: FetchLike = async () => {
      throw new TypeError("Failed to fetch")
    }
    await expect(client(failing).get(`${BASE}/api/data/v9.2/accounts`)).rejects.toMatchObject({ code: "network" })
    const { fetch } = scripted(response(200, "<html>sign-in page</html>"))
    await expect(client(fetch).get(`${BASE}/api/data/v9.2/accounts`)).rejects.toMatchObject({ code: "bad-json" })
  })

  it("never follows a link off the org's origin", async () => {
    const { fetch, seen } = scripted()
    await expect(client(fetch).page("https://evil.example/api/data/v9.2/accounts", 10)).rejects.toMatchObject({ code: "foreign-link" })
    expect(seen).toHaveLength(0)
  })

  it("keeps at most API_LIMITS.dynamics.maxInFlight requests in flight across every client of the org", async () => {
    const state = { inFlight: 0, most: 0, sent: 0, gates: [] as (() => void)[] }
    const fetch: FetchLike = async () => {
      state.sent++
      state.most = Math.max(state.most, ++state.inFlight)
      await new Promise<void>((resolve) => state.gates.push(resolve))
      state.inFlight--
      return response(200, { value: [] })
    }
    const clock = { now: () => NOW, sleep: async () => {} }
    // A sync's client and a share's client of the same org.
    const clients = [0, 1].map(() => client(fetch, { budget: orgBudget("dynamics", "in-flight-org", { clock }) }))
    const requests = Array.from({ length: 12 }, (_, i) => clients[i % 2]!.get(`${BASE}/api/data/v9.2/accounts`))
    while (state.sent < requests.length || state.gates.length) {
      await new Promise((r) => setTimeout(r, 0))
      state.gates.shift()?.()
    }
    await Promise.all(requests)
    expect(state.most).toBe(API_LIMITS.dynamics.maxInFlight)
  })

  it("gives up with ThrottledError after repeated 429s", async () => {
    const throttled = () => response(429, {}, { "Retry-After": "1" })
    const { fetch } = scripted(throttled(), throttled(), throttled(), throttled(), throttled(), throttled(), throttled())
    await expect(client(fetch).get(`${BASE}/api/data/v9.2/accounts`)).rejects.toBeInstanceOf(ThrottledError)
  })
})

describe("DataverseClient stops", () => {
  it("takes a login redirect or an HTML page for an expired session, and stops there", async () => {
    for (const answer of [
      response(302, "", { Location: "https://login.microsoftonline.com/common/oauth2/authorize" }),
      response(200, "<!DOCTYPE html><title>Sign in to your account</title>", { "Content-Type": "text/html; charset=utf-8" })
    ]) {
      const { fetch, seen } = scripted(answer)
      const c = client(fetch)
      await expect(c.get(`${BASE}/api/data/v9.2/accounts`)).rejects.toBeInstanceOf(SessionExpiredError)
      await expect(c.get(`${BASE}/api/data/v9.2/contacts`)).rejects.toBeInstanceOf(SessionExpiredError)
      expect(seen).toHaveLength(1)
    }
  })

  it("stops every request once the org's tab is gone", async () => {
    let n = 0
    const c = client(async () => {
      n++
      throw new PageGoneError()
    })
    await expect(c.get(`${BASE}/api/data/v9.2/accounts`)).rejects.toBeInstanceOf(PageGoneError)
    await expect(c.get(`${BASE}/api/data/v9.2/contacts`)).rejects.toBeInstanceOf(PageGoneError)
    expect(n).toBe(1)
  })

  it("holds every client of the same org during a Retry-After, not only the throttled one", async () => {
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const first = scripted(response(429, {}, { "Retry-After": "2" }))
    const second = scripted()
    const other = scripted()
    // Two clients of one org (a sync and a share, say), each with its own budget object.
    const budget = (sleep: (ms: number) => Promise<void>) => orgBudget("dynamics", "held-org", { clock: { now: () => NOW, sleep } })
    const a = client(first.fetch, { budget: budget(() => gate) })
    const b = client(second.fetch, { budget: budget(async () => {}) })
    const elsewhere = client(other.fetch, { baseUrl: "https://contoso.crm4.dynamics.com" })
    const throttled = a.get(`${BASE}/api/data/v9.2/accounts`)
    await new Promise((r) => setTimeout(r, 5))
    const held = b.get(`${BASE}/api/data/v9.2/contacts`)
    await elsewhere.get("https://contoso.crm4.dynamics.com/api/data/v9.2/contacts")
    await new Promise((r) => setTimeout(r, 5))
    expect(second.seen).toHaveLength(0) // same org: waits
    expect(other.seen).toHaveLength(1) // another org: not held
    release()
    await Promise.all([throttled, held])
    expect(second.seen).toHaveLength(1)
    expect(first.seen).toHaveLength(2)
  })
})
