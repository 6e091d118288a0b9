/**
 * A mock Salesforce REST API over the demo org, following the documented JSON: records with
 * `attributes {type,url}`, `totalSize` / `done` / `nextRecordsUrl` paging (batch size configurable,
 * 2,000 by default, child rows counted), errors as `[{message, errorCode}]`, and a
 * `Sforce-Limit-Info` header on every response. A pure handler, `handle(request)`, so vitest can
 * inject it as `fetch` and Playwright can serve it from `context.route`. Writes: Salesforce Files
 * (ContentVersion) and composite requests, in files.ts.
 */
import { MockFileStore, runComposite, type SubResult } from "./files"
import { API_VERSION, buildSalesforceData, DEMO_SALESFORCE, type SalesforceDemoData, type SObjectRecord } from "./records"
import { QueryError, runQuery, serialize, type RecordSource, type ResultSet } from "./query-engine"
import { parseSoql, SoqlError } from "./soql"

export interface MockRequest {
  method: string
  url: string
  headers: Record<string, string>
  /** Request body (JSON text) of a POST. */
  body?: string
}

export interface MockResponse {
  status: number
  headers: Record<string, string>
  body: string
  /** Binary body (a file's VersionData); when set it is served instead of `body`. */
  bodyBytes?: Uint8Array
  /** The connection failed: Playwright should `route.abort()`, a fetch should reject. */
  networkError?: boolean
}

export type MockFailureKind =
  | "INVALID_SESSION_ID"
  | "API_DISABLED_FOR_ORG"
  | "REQUEST_LIMIT_EXCEEDED"
  | "INVALID_QUERY_LOCATOR"
  | "STORAGE_LIMIT_EXCEEDED"
  | "network"
  | "malformed-json"

export interface MockFailure {
  kind: MockFailureKind
  /** Fails calls numbered from this one (1-based, counting every call); default: the next call. */
  fromCall?: number
  /** How many calls fail; default 1. `Infinity` for every call. */
  times?: number
  /** Only calls (or composite subrequests) whose decoded URL or JSON body contains this text. */
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
  /** The request body of a write (POST), as sent. */
  body?: string
}

const ERRORS: Record<Exclude<MockFailureKind, "network" | "malformed-json">, { status: number; message: string }> = {
  INVALID_SESSION_ID: { status: 401, message: "Session expired or invalid" },
  API_DISABLED_FOR_ORG: { status: 403, message: "The REST API is not enabled for this Organization." },
  REQUEST_LIMIT_EXCEEDED: { status: 403, message: "TotalRequests Limit exceeded." },
  INVALID_QUERY_LOCATOR: { status: 400, message: "invalid query locator" },
  STORAGE_LIMIT_EXCEEDED: { status: 400, message: "storage limit exceeded" }
}

export class MockSalesforceApi {
  readonly calls: MockCall[] = []
  private readonly source: RecordSource
  private readonly pageSize: number
  private readonly failures: (MockFailure & { left: number })[]
  private readonly locators = new Map<string, ResultSet>()
  private locatorSerial = 0
  private usage: { used: number; max: number }
  /** Files uploaded through the API (ContentVersion), by version id. */
  readonly files: MockFileStore

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
    this.files = new MockFileStore(this.source)
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
    this.calls.push({ n, method: request.method, path: url.pathname, soql, status: response.networkError ? 0 : response.status, ...(request.body !== undefined ? { body: request.body } : {}) })
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

  private failure(n: number, url: URL, body?: string, only?: (kind: MockFailureKind) => boolean): MockFailure | undefined {
    const text = decodeURIComponent(url.pathname + url.search) + (body ? ` ${body}` : "")
    const hit = this.failures.find((f) => f.left > 0 && n >= (f.fromCall ?? 0) && (!f.match || text.includes(f.match)) && (!only || only(f.kind)))
    if (hit) hit.left--
    return hit
  }

  private route(request: MockRequest, url: URL, soql: string | undefined, n: number): MockResponse {
    const composite = request.method === "POST" && /\/composite\/?$/.test(url.pathname)
    // A composite request fails as a whole only for a lost connection; other injected failures hit
    // its subrequests (below), as a refused insert does.
    const injected = this.failure(n, url, request.body, composite ? (kind) => kind === "network" : undefined)
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
    if (!/^\/services\/data\/v\d+\.\d(\/|$)/.test(path)) return this.error(404, "NOT_FOUND", "The requested resource does not exist")
    if (composite) {
      let body: unknown
      try {
        body = JSON.parse(request.body ?? "")
      } catch {
        return this.error(400, "JSON_PARSER_ERROR", "Unexpected character in the request body")
      }
      const result = runComposite(
        body,
        (sub) => {
          const subUrl = new URL(sub.url, url.origin)
          const subBody = sub.body === undefined ? undefined : JSON.stringify(sub.body)
          const fault = this.failure(n, subUrl, subBody)
          if (fault && fault.kind !== "network" && fault.kind !== "malformed-json") return { status: ERRORS[fault.kind].status, body: [{ message: ERRORS[fault.kind].message, errorCode: fault.kind }] }
          return this.resource(sub.method, subUrl, subBody)
        },
        (created) => created.forEach((id) => this.files.remove(id))
      )
      return this.json(result.status, result.body)
    }
    if (request.method !== "GET") {
      const result = this.resource(request.method, url, request.body)
      if (result.status === 204) return { status: 204, headers: this.headers(), body: "" }
      return { ...this.json(result.status, result.body), headers: { ...this.headers(), ...result.headers } }
    }
    const file = /^\/services\/data\/v\d+\.\d\/sobjects\/ContentVersion\/([A-Za-z0-9]{15,18})\/VersionData$/.exec(path)
    if (file) {
      const data = this.files.versionData(file[1]!)
      if (!data) return this.error(404, "NOT_FOUND", "The requested resource does not exist")
      return { status: 200, headers: { ...this.headers(), "content-type": "application/octetstream" }, body: "", bodyBytes: data }
    }
    let response: MockResponse
    const more = new RegExp(`^/services/data/v\\d+\\.\\d/query/(01g[0-9A-Za-z]+)-(\\d+)$`).exec(path)
    if (/^\/services\/data\/v\d+\.\d\/query$/.test(path)) response = this.query(soql ?? "")
    else if (more) response = this.queryMore(more[1]!, Number(more[2]))
    else response = this.error(404, "NOT_FOUND", "The requested resource does not exist")
    if (injected?.kind === "malformed-json") return { ...response, status: 200, body: response.body.slice(0, Math.max(1, Math.floor(response.body.length / 2))) }
    return response
  }

  /** One write (or a query inside a composite request), answered as Salesforce answers it. */
  private resource(method: string, url: URL, body: string | undefined): SubResult {
    const path = url.pathname.replace(/\/+$/, "")
    if (method === "POST" && /^\/services\/data\/v\d+\.\d\/sobjects\/ContentVersion$/.test(path)) {
      let parsed: unknown
      try {
        parsed = JSON.parse(body ?? "")
      } catch {
        return { status: 400, body: [{ message: "Unexpected character in the request body", errorCode: "JSON_PARSER_ERROR" }] }
      }
      return this.files.insert(parsed)
    }
    const doc = /^\/services\/data\/v\d+\.\d\/sobjects\/ContentDocument\/([A-Za-z0-9]{15,18})$/.exec(path)
    if (method === "DELETE" && doc) {
      return this.files.removeDocument(doc[1]!) ? { status: 204, body: null } : { status: 404, body: [{ message: "entity is deleted", errorCode: "ENTITY_IS_DELETED" }] }
    }
    if (method === "GET" && /^\/services\/data\/v\d+\.\d\/query$/.test(path)) {
      const res = this.query(url.searchParams.get("q") ?? "")
      return { status: res.status, body: JSON.parse(res.body) as unknown }
    }
    return { status: 405, body: [{ message: `HTTP Method '${method}' not allowed on ${path}`, errorCode: "METHOD_NOT_ALLOWED" }] }
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
      const body = typeof init?.body === "string" ? init.body : undefined
      const res = api.handle({ method: init?.method ?? "GET", url, headers, ...(body !== undefined ? { body } : {}) })
      if (res.networkError) throw new TypeError("Failed to fetch")
      return new Response(res.status === 204 ? null : (res.bodyBytes ?? res.body), { status: res.status, headers: res.headers })
    } finally {
      stats.inFlight--
    }
  }
  return { fetch: fetchImpl as typeof fetch, stats }
}
