/**
 * A mock Salesforce REST API over the demo org, following the documented JSON: records with
 * `attributes {type,url}`, `totalSize` / `done` / `nextRecordsUrl` paging (batch size configurable,
 * 2,000 by default, child rows counted), errors as `[{message, errorCode}]`, and a
 * `Sforce-Limit-Info` header on every response. A pure handler, `handle(request)`, so vitest can
 * inject it as `fetch` and Playwright can serve it from `context.route`. Writes: Salesforce Files
 * (ContentVersion) and composite requests, in files.ts.
 *
 * Users and sharing (issue 15): every session belongs to a user (users.ts; `sessionFor`), writes
 * are owned by the calling user, and queries return what that user may read: accounts by
 * `accountAccess`, and files by Salesforce's file rules (`fileRowReadable`).
 */
import { MockFileStore, runComposite, type SubResult } from "./files"
import { DEMO_NOW } from "../org"
import { API_VERSION, buildSalesforceData, DEMO_SALESFORCE, sfDateTime, type SalesforceDemoData, type SObjectRecord } from "./records"
import { CHILD_RELATIONSHIPS, QueryError, runQuery, serialize, type RecordSource, type ResultSet } from "./query-engine"
import { parseSoql, SoqlError, type SoqlExpr, type SoqlQuery } from "./soql"
import { DEMO_USERS, type MockUser } from "./users"

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
  /** The bearer token of the default user (default: the demo `sid`). */
  sessionId?: string
  /** Users besides the demo ones (DEMO_USERS: the demo rep, a second rep, their lead). */
  users?: readonly MockUser[]
  /** Whom the default session (`sessionId`) acts as (default: the demo rep, DEMO_USERS.rep). */
  defaultUserId?: string
  /** The accounts each user may read, by user id: "all" (the default for a user not named) or
   * the account ids (15 or 18 characters). */
  accountAccess?: Readonly<Record<string, "all" | readonly string[]>>
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
  /** Every SOQL statement the call ran, composite subrequests included, with its resource. */
  queries: { resource: "query" | "queryAll"; soql: string }[]
}

/** Failures Salesforce answers for the whole request before running any subrequest of a composite. */
const WHOLE_REQUEST: ReadonlySet<MockFailureKind> = new Set(["network", "INVALID_SESSION_ID", "API_DISABLED_FOR_ORG", "REQUEST_LIMIT_EXCEEDED"])
const QUERY_PATH = /^\/services\/data\/v\d+\.\d\/(query|queryAll)(\/[^/]+)?$/

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
  /** Query locators: the result set, the result sets whose batches carried it (nearest first), and
   * whether it still answers. */
  private readonly locators = new Map<string, { set: ResultSet; ancestors: ResultSet[]; valid: boolean }>()
  private locatorSerial = 0
  /** Which result set each served batch came from, for the locators of its child results. */
  private readonly ancestry = new Map<ResultSet, ResultSet[]>()
  /** The org's clock for writes (deletes): after every demo SystemModstamp, one second a write. */
  private clock = DEMO_NOW
  private queriesOfCall: MockCall["queries"] = []
  private usage: { used: number; max: number }
  /** Files uploaded through the API (ContentVersion), by version id. */
  readonly files: MockFileStore
  /** Users by their bearer token. */
  private readonly sessions = new Map<string, string>()
  private readonly accountAccess = new Map<string, "all" | Set<string>>()
  readonly defaultUserId: string
  /** The user of the request being answered (handle() is synchronous: one request at a time). */
  private caller: string

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
    this.defaultUserId = options.defaultUserId ?? DEMO_USERS.rep.id
    this.caller = this.defaultUserId
    const defaultSid = options.sessionId ?? DEMO_SALESFORCE.sessionId
    // Every session id of the org starts with the org id (the `sid` cookie's `<org id>!…` form).
    const orgPrefix = defaultSid.split("!")[0]
    for (const user of [...Object.values(DEMO_USERS), ...(options.users ?? [])]) {
      if (!this.source.byId.has(user.id)) {
        const record: SObjectRecord = { attributes: { type: "User", url: `/services/data/${API_VERSION}/sobjects/User/${user.id}` }, Id: user.id, Name: user.name, Email: user.email, IsDeleted: false }
        this.source.byId.set(user.id, record)
        this.source.byType.set("User", [...(this.source.byType.get("User") ?? []), record])
      }
      this.sessions.set(user.id === this.defaultUserId ? defaultSid : `${orgPrefix}!AQ4AQDemoSession.${user.id}`, user.id)
    }
    for (const [userId, access] of Object.entries(options.accountAccess ?? {})) this.setAccountAccess(userId, access)
  }

  /** The `sid` a user's browser holds for this org (the bearer token the mock accepts as them). */
  sessionFor(userId: string): string {
    for (const [sid, user] of this.sessions) if (user === userId) return sid
    throw new Error(`The mock org has no user ${userId}`)
  }

  /** Which accounts a user may read from now on ("all", or the account ids). */
  setAccountAccess(userId: string, access: "all" | readonly string[]): void {
    this.accountAccess.set(userId, access === "all" ? "all" : new Set(access.map((id) => id.slice(0, 15))))
  }

  canReadAccount(userId: string, accountId: string): boolean {
    const access = this.accountAccess.get(userId) ?? "all"
    return access === "all" || access.has(accountId.slice(0, 15))
  }

  /**
   * Uploads a file as `userId`, as the REST insert of a ContentVersion does (files.ts): for tests
   * that seed files shared by someone else. Returns the ContentVersion id; throws on a refused insert.
   */
  uploadFile(userId: string, file: { title: string; pathOnClient: string; body: string | Uint8Array; accountId?: string }): string {
    const bytes = typeof file.body === "string" ? new TextEncoder().encode(file.body) : file.body
    const result = this.files.insert(
      { Title: file.title, PathOnClient: file.pathOnClient, VersionData: Buffer.from(bytes).toString("base64"), ...(file.accountId ? { FirstPublishLocationId: file.accountId } : {}) },
      userId
    )
    if (result.status !== 201) throw new Error(`upload refused: ${JSON.stringify(result.body)}`)
    return (result.body as { id: string }).id
  }

  /**
   * May `userId` open this file? Its owner may, and so may anyone who can read a record it is
   * shared with ("Salesforce Files they own, shared directly with them, …" and a file shared with a
   * record is visible to whoever can see the record: Object Reference, ContentVersion and
   * ContentDocumentLink, "Special Access Rules").
   */
  fileReadable(userId: string, documentId: string): boolean {
    const document = this.source.byId.get(documentId)
    if (!document) return false
    if (document.OwnerId === userId) return true
    return this.files.linksOf(documentId).some((link) => this.linkReadable(userId, link))
  }

  private linkReadable(userId: string, link: SObjectRecord): boolean {
    const linked = String(link.LinkedEntityId)
    const type = this.source.byId.get(linked)?.attributes.type
    if (type === "Account") return this.canReadAccount(userId, linked)
    if (type === "User") return linked === userId
    return true
  }

  /**
   * What a query by `userId` may return of a row. Accounts: by `accountAccess`. Files: "By default,
   * users (including users with the View All Data permission) can only query files they have access
   * to", and "queries on ContentDocument and ContentVersion without specifying an ID don't return all
   * files a user has access to. For example, if a user only has access to a file because they have
   * access to a record that the file is shared with, the file won't be returned in a query such as
   * SELECT Id FROM ContentDocument" (Object Reference, ContentVersion, "Special Access Rules"): a
   * ContentVersion or ContentDocument query returns the user's own files, and others' files only
   * when it names them by id. A ContentDocumentLink row shows where the user can read the record.
   */
  private fileRowReadable(userId: string, record: SObjectRecord, query: SoqlQuery): boolean {
    switch (record.attributes.type) {
      case "Account":
        return this.canReadAccount(userId, record.Id)
      case "ContentVersion":
      case "ContentDocument": {
        if (record.OwnerId === userId) return true
        const documentId = String(record.attributes.type === "ContentDocument" ? record.Id : record.ContentDocumentId)
        return filtersOn(query.where, ["Id", "ContentDocumentId"]) && this.fileReadable(userId, documentId)
      }
      case "ContentDocumentLink":
        return this.linkReadable(userId, record)
      default:
        return true
    }
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
    this.queriesOfCall = []
    const response = this.route(request, url, soql, n)
    this.calls.push({
      n,
      method: request.method,
      path: url.pathname,
      soql,
      status: response.networkError ? 0 : response.status,
      ...(request.body !== undefined ? { body: request.body } : {}),
      queries: this.queriesOfCall
    })
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
    const injected = this.failure(n, url, request.body, composite ? (kind) => WHOLE_REQUEST.has(kind) : undefined)
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
    const caller = auth?.startsWith("Bearer ") ? this.sessions.get(auth.slice("Bearer ".length)) : undefined
    if (!caller) return this.error(401, "INVALID_SESSION_ID", "Session expired or invalid")
    this.caller = caller
    if (!/^\/services\/data\/v\d+\.\d(\/|$)/.test(path)) return this.error(404, "NOT_FOUND", "The requested resource does not exist")
    if (composite) {
      let body: unknown
      try {
        body = JSON.parse(request.body ?? "")
      } catch {
        return this.error(400, "JSON_PARSER_ERROR", "Unexpected character in the request body")
      }
      // "Up to 5 of these subrequests can be … query operations, including Query and QueryAll
      // requests" and the requests that get a query's next batch (REST API Developer Guide, "Composite").
      const subs = (body as { compositeRequest?: { url?: unknown }[] } | null)?.compositeRequest
      const queryOps = Array.isArray(subs) ? subs.filter((sub) => typeof sub?.url === "string" && QUERY_PATH.test(new URL(sub.url, url.origin).pathname.replace(/\/+$/, ""))).length : 0
      if (queryOps > 5) return this.error(400, "LIMIT_EXCEEDED", "A composite request can have at most 5 query operations")
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
      const stored = this.files.file(file[1]!)
      // A file the caller may not open answers as one that does not exist: "404: Either the
      // specified resource was not found, or the resource has been deleted" (REST API Developer
      // Guide, "Status Codes and Error Responses"); nothing tells the caller it is there.
      if (!stored || !this.fileReadable(this.caller, String(stored.record.ContentDocumentId))) return this.error(404, "NOT_FOUND", "The requested resource does not exist")
      return { status: 200, headers: { ...this.headers(), "content-type": "application/octetstream" }, body: "", bodyBytes: stored.data }
    }
    let response: MockResponse
    const query = this.queryResource(path, url)
    if (query) response = this.json(query.status, query.body)
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
      return this.files.insert(parsed, this.caller)
    }
    const doc = /^\/services\/data\/v\d+\.\d\/sobjects\/ContentDocument\/([A-Za-z0-9]{15,18})$/.exec(path)
    if (method === "DELETE" && doc) {
      return this.files.removeDocument(doc[1]!) ? { status: 204, body: null } : { status: 404, body: [{ message: "entity is deleted", errorCode: "ENTITY_IS_DELETED" }] }
    }
    const record = /^\/services\/data\/v\d+\.\d\/sobjects\/([A-Za-z0-9_]+)\/([A-Za-z0-9]{15,18})$/.exec(path)
    if (method === "DELETE" && record && record[1] !== "ContentDocument") {
      const target = this.source.byId.get(record[2]!)
      if (!target || target.attributes.type !== record[1]) return { status: 404, body: [{ message: "The requested resource does not exist", errorCode: "NOT_FOUND" }] }
      if (target.IsDeleted === true) return { status: 404, body: [{ message: "entity is deleted", errorCode: "ENTITY_IS_DELETED" }] }
      this.deleteRecord(target.Id)
      return { status: 204, body: null }
    }
    if (method === "GET") {
      const query = this.queryResource(path, url)
      if (query) return query
    }
    return { status: 405, body: [{ message: `HTTP Method '${method}' not allowed on ${path}`, errorCode: "METHOD_NOT_ALLOWED" }] }
  }

  /** The Query, QueryAll and "next batch" resources (alone or as a composite subrequest). */
  private queryResource(path: string, url: URL): SubResult | undefined {
    const resource = /^\/services\/data\/v\d+\.\d\/(query|queryAll)$/.exec(path)?.[1] as "query" | "queryAll" | undefined
    if (resource) return this.query(url.searchParams.get("q") ?? "", resource)
    // "Although the nextRecordsUrl has query in the URL, it still provides remaining results from
    // the initial QueryAll request" (REST API Developer Guide, "QueryAll"): one form for both.
    const more = /^\/services\/data\/v\d+\.\d\/(?:query|queryAll)\/(01g[0-9A-Za-z]+)-(\d+)$/.exec(path)
    return more ? this.queryMore(more[1]!, Number(more[2])) : undefined
  }

  private locate = (set: ResultSet, offset: number, parent?: ResultSet): string => {
    const id = `01g${(++this.locatorSerial).toString(36).toUpperCase().padStart(15, "0")}`
    const ancestors = parent ? [parent, ...(this.ancestry.get(parent) ?? [])] : []
    this.ancestry.set(set, ancestors)
    this.locators.set(id, { set, ancestors, valid: true })
    return `/services/data/${API_VERSION}/query/${id}-${offset}`
  }

  private query(soql: string, resource: "query" | "queryAll"): SubResult {
    this.queriesOfCall.push({ resource, soql })
    try {
      const parsed = parseSoql(soql)
      // "In API versions 59.0 and later, turn on the Query All Files permission to query without a
      // filter on id, LinkedEntityId, and documentID fields" (Object Reference, ContentDocumentLink,
      // "Special Access Rules"); the users of this org do not have it.
      if (parsed.from === "ContentDocumentLink" && !filtersOn(parsed.where, ["Id", "LinkedEntityId", "ContentDocumentId"])) {
        return {
          status: 400,
          body: [{ message: "Implementation restriction: ContentDocumentLink requires a filter by a single Id on ContentDocumentId or LinkedEntityId using the equals operator or multiple Id's using the IN operator.", errorCode: "MALFORMED_QUERY" }]
        }
      }
      const caller = this.caller
      const asCaller: RecordSource = { ...this.source, readable: (record, query) => this.fileRowReadable(caller, record, query) }
      const set = runQuery(parsed, asCaller, undefined, undefined, resource === "queryAll")
      this.ancestry.set(set, [])
      return { status: 200, body: serialize(set, 0, { left: this.pageSize }, asCaller, this.locate) }
    } catch (error) {
      if (error instanceof SoqlError) return { status: 400, body: [{ message: error.message, errorCode: "MALFORMED_QUERY" }] }
      if (error instanceof QueryError) return { status: 400, body: [{ message: error.message, errorCode: error.errorCode }] }
      throw error
    }
  }

  /**
   * The next batch of a result. "A queryMore() call on a parent object invalidates all child cursors
   * in the previous result set. If you need the results from the child, you must use queryMore() on
   * those results before using queryMore() on the parent results" (SOAP API Developer Guide,
   * "QueryLocator"): every locator of a child result carried by an earlier batch of this set stops
   * answering, with INVALID_QUERY_LOCATOR as an expired one does.
   */
  private queryMore(locator: string, offset: number): SubResult {
    const entry = this.locators.get(locator)
    if (!entry || !entry.valid || offset > entry.set.rows.length) return { status: 400, body: [{ message: "invalid query locator", errorCode: "INVALID_QUERY_LOCATOR" }] }
    for (const other of this.locators.values()) if (other.ancestors.includes(entry.set)) other.valid = false
    return { status: 200, body: serialize(entry.set, offset, { left: this.pageSize }, this.source, (set, o, parent) => this.locate(set, o, parent ?? this.ancestry.get(entry.set)?.[0])) }
  }

  /**
   * Deletes a record the way the org's recycle bin keeps it: `IsDeleted = true` and a new
   * SystemModstamp, invisible to `query`, returned by `queryAll` until the bin is emptied (REST API
   * Developer Guide, "QueryAll"). Records that depend on it go with it (an opportunity's line items,
   * quotes and activities; an account's contacts, deals, cases and their activities).
   */
  deleteRecord(id: string): void {
    const record = this.source.byId.get(id)
    if (!record || record.IsDeleted === true) return
    this.clock += 1_000
    record.IsDeleted = true
    record.SystemModstamp = sfDateTime(this.clock)
    for (const [, rel] of Object.entries(CHILD_RELATIONSHIPS[record.attributes.type] ?? {})) {
      for (const child of this.source.byType.get(rel.type) ?? []) if (child[rel.field] === id) this.deleteRecord(child.Id)
    }
  }
}

/** Does the WHERE, through its top-level ANDs, pin one of these fields to ids (`=`, `IN`, or a
 * semi-join)? */
function filtersOn(where: SoqlExpr | undefined, fields: readonly string[]): boolean {
  if (!where) return false
  if (where.kind === "and") return filtersOn(where.left, fields) || filtersOn(where.right, fields)
  const named = (field: string) => fields.some((f) => f.toLowerCase() === field.toLowerCase())
  if (where.kind === "cmp") return where.op === "=" && named(where.field)
  if (where.kind === "in") return !where.negate && named(where.field)
  return false
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
