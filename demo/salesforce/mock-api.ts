/**
 * A mock Salesforce REST API over the demo org, following the documented JSON: records with
 * `attributes {type,url}`, `totalSize` / `done` / `nextRecordsUrl` paging (batch size configurable,
 * 2,000 by default, child rows counted), errors as `[{message, errorCode}]`, and a
 * `Sforce-Limit-Info` header on every response. A pure handler, `handle(request)`, so vitest can
 * inject it as `fetch` and Playwright can serve it from `context.route`.
 */
import { API_VERSION, buildSalesforceData, DEMO_SALESFORCE, type SalesforceDemoData, type SObjectRecord } from "./records"
import { QueryError, runQuery, serialize, type RecordSource, type ResultSet } from "./query-engine"
import { parseSoql, SoqlError } from "./soql"

export interface MockRequest {
  method: string
  url: string
  headers: Record<string, string>
}

export interface MockResponse {
  status: number
  headers: Record<string, string>
  body: string
  /** The connection failed: Playwright should `route.abort()`, a fetch should reject. */
  networkError?: boolean
}

export type MockFailureKind =
  | "INVALID_SESSION_ID"
  | "API_DISABLED_FOR_ORG"
  | "REQUEST_LIMIT_EXCEEDED"
  | "INVALID_QUERY_LOCATOR"
  | "network"
  | "malformed-json"

export interface MockFailure {
  kind: MockFailureKind
  /** Fails calls numbered from this one (1-based, counting every call); default: the next call. */
  fromCall?: number
  /** How many calls fail; default 1. `Infinity` for every call. */
  times?: number
  /** Only calls whose decoded URL contains this text. */
  match?: string
}

export interface MockSalesforceOptions {
  /** Records per batch, children included (default 2,000, Salesforce's default and maximum). */
  pageSize?: number
  data?: SalesforceDemoData
  /** Extra records added to the demo org (generated volume, odd rows). */
  extra?: readonly SObjectRecord[]
  /** Objects or `Object.Field`s this org lacks: queries naming them fail like Salesforce's. */
  disabled?: readonly string[]
  /** Field overrides per record id: the record comes back with an unexpected value. */
  corrupt?: Readonly<Record<string, Record<string, unknown>>>
  failures?: MockFailure[]
  /** The bearer token accepted (default: the demo `sid`). */
  sessionId?: string
  /** Org API usage before the first call, for `Sforce-Limit-Info`. */
  apiUsage?: { used: number; max: number }
}

export interface MockCall {
  n: number
  method: string
  path: string
  soql?: string
  status: number
}

const ERRORS: Record<Exclude<MockFailureKind, "network" | "malformed-json">, { status: number; message: string }> = {
  INVALID_SESSION_ID: { status: 401, message: "Session expired or invalid" },
  API_DISABLED_FOR_ORG: { status: 403, message: "The REST API is not enabled for this Organization." },
  REQUEST_LIMIT_EXCEEDED: { status: 403, message: "TotalRequests Limit exceeded." },
  INVALID_QUERY_LOCATOR: { status: 400, message: "invalid query locator" }
}

export class MockSalesforceApi {
  readonly calls: MockCall[] = []
  private readonly source: RecordSource
  private readonly pageSize: number
  private readonly failures: (MockFailure & { left: number })[]
  private readonly locators = new Map<string, ResultSet>()
  private locatorSerial = 0
  private usage: { used: number; max: number }

  constructor(private readonly options: MockSalesforceOptions = {}) {
    const data = options.data ?? buildSalesforceData({ extra: options.extra })
    this.source = {
      byId: data.byId,
      byType: data.byType,
      disabled: new Set(options.disabled ?? []),
      corrupt: new Map(Object.entries(options.corrupt ?? {}))
    }
    this.pageSize = options.pageSize ?? 2_000
    this.failures = (options.failures ?? []).map((f) => ({ ...f, left: f.times ?? 1 }))
    this.usage = { ...(options.apiUsage ?? { used: 1_200, max: 100_000 }) }
  }

  /** Number of calls so far (every request counts, as it does against the org's daily limit). */
  get callCount(): number {
    return this.calls.length
  }

  /** Adds failures to come (e.g. after an initial sync). */
  inject(...failures: MockFailure[]): void {
    this.failures.push(...failures.map((f) => ({ ...f, left: f.times ?? 1 })))
  }

  handle(request: MockRequest): MockResponse {
    const n = this.calls.length + 1
    this.usage.used++
    const url = new URL(request.url)
    const soql = url.searchParams.get("q") ?? undefined
    const response = this.route(request, url, soql, n)
    this.calls.push({ n, method: request.method, path: url.pathname, soql, status: response.networkError ? 0 : response.status })
    return response
  }

  private headers(): Record<string, string> {
    return {
      "content-type": "application/json;charset=UTF-8",
      "sforce-limit-info": `api-usage=${this.usage.used}/${this.usage.max}`
    }
  }

  private json(status: number, body: unknown): MockResponse {
    return { status, headers: this.headers(), body: JSON.stringify(body) }
  }

  private error(status: number, errorCode: string, message: string): MockResponse {
    return this.json(status, [{ message, errorCode }])
  }

  private failure(n: number, url: URL): MockFailure | undefined {
    const text = decodeURIComponent(url.pathname + url.search)
    const hit = this.failures.find((f) => f.left > 0 && n >= (f.fromCall ?? 0) && (!f.match || text.includes(f.match)))
    if (hit) hit.left--
    return hit
  }

  private route(request: MockRequest, url: URL, soql: string | undefined, n: number): MockResponse {
    const injected = this.failure(n, url)
    if (injected?.kind === "network") return { status: 0, headers: {}, body: "", networkError: true }
    if (injected && injected.kind !== "malformed-json") {
      const e = ERRORS[injected.kind]
      return this.error(e.status, injected.kind, e.message)
    }
    const auth = Object.entries(request.headers).find(([k]) => k.toLowerCase() === "authorization")?.[1]
    const path = url.pathname.replace(/\/+$/, "")
    if (path === "/services/data") {
      return this.json(200, [{ label: "Winter '25", url: `/services/data/${API_VERSION}`, version: API_VERSION.slice(1) }])
    }
    if (auth !== `Bearer ${this.options.sessionId ?? DEMO_SALESFORCE.sessionId}`) {
      return this.error(401, "INVALID_SESSION_ID", "Session expired or invalid")
    }
    if (request.method !== "GET") return this.error(405, "METHOD_NOT_ALLOWED", `HTTP Method '${request.method}' not allowed. Allowed are GET`)
    let response: MockResponse
    const more = new RegExp(`^/services/data/v\\d+\\.\\d/query/(01g[0-9A-Za-z]+)-(\\d+)$`).exec(path)
    if (/^\/services\/data\/v\d+\.\d\/query$/.test(path)) response = this.query(soql ?? "")
    else if (more) response = this.queryMore(more[1]!, Number(more[2]))
    else response = this.error(404, "NOT_FOUND", "The requested resource does not exist")
    if (injected?.kind === "malformed-json") return { ...response, status: 200, body: response.body.slice(0, Math.max(1, Math.floor(response.body.length / 2))) }
    return response
  }

  private locate = (set: ResultSet, offset: number): string => {
    const id = `01g${(++this.locatorSerial).toString(36).toUpperCase().padStart(15, "0")}`
    this.locators.set(id, set)
    return `/services/data/${API_VERSION}/query/${id}-${offset}`
  }

  private query(soql: string): MockResponse {
    try {
      const set = runQuery(parseSoql(soql), this.source)
      return this.json(200, serialize(set, 0, { left: this.pageSize }, this.source, this.locate))
    } catch (error) {
      if (error instanceof SoqlError) return this.error(400, "MALFORMED_QUERY", error.message)
      if (error instanceof QueryError) return this.error(400, error.errorCode, error.message)
      throw error
    }
  }

  private queryMore(locator: string, offset: number): MockResponse {
    const set = this.locators.get(locator)
    if (!set || offset > set.rows.length) return this.error(400, "INVALID_QUERY_LOCATOR", "invalid query locator")
    return this.json(200, serialize(set, offset, { left: this.pageSize }, this.source, this.locate))
  }
}

export function createMockSalesforceApi(options?: MockSalesforceOptions): MockSalesforceApi {
  return new MockSalesforceApi(options)
}

export interface MockFetchStats {
  inFlight: number
  maxInFlight: number
}

/**
 * A `fetch` served by the mock, with a delay per request so concurrency shows, and counters of
 * requests in flight. A network failure rejects like a real fetch does.
 */
export function mockFetch(api: MockSalesforceApi, options: { delayMs?: number } = {}): { fetch: typeof fetch; stats: MockFetchStats } {
  const stats: MockFetchStats = { inFlight: 0, maxInFlight: 0 }
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    stats.inFlight++
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight)
    try {
      await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 0))
      const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url
      const headers: Record<string, string> = {}
      new Headers(init?.headers).forEach((value, key) => (headers[key] = value))
      const res = api.handle({ method: init?.method ?? "GET", url, headers })
      if (res.networkError) throw new TypeError("Failed to fetch")
      return new Response(res.body, { status: res.status, headers: res.headers })
    } finally {
      stats.inFlight--
    }
  }
  return { fetch: fetchImpl as typeof fetch, stats }
}
