/**
 * A mock Dataverse Web API (`/api/data/v9.x`) over the demo org, following the documented JSON:
 * `@odata.context`, `value`, `@odata.nextLink` with a `$skiptoken` paging cookie,
 * `Preference-Applied`, FormattedValue / lookuplogicalname annotations on request, `_x_value`
 * lookups, `{"error":{"code":"0x…","message":"…"}}` errors and 429 + Retry-After.
 *
 * `handle()` is pure request → response, so the same mock serves an injected fetch in vitest
 * (`mock.fetch`) and Playwright's `context.route` (`route.fulfill(mock.handle(...))`). It counts
 * calls, tracks requests in flight (through `fetch`), and injects failures and malformed records.
 * Writes: notes with attachments (`POST`/`DELETE` annotations, notes.ts).
 *
 * Only the org's own pages may use the browser session. Dataverse lets code inside the app call
 * the Web API with the signed-in session ("Authenticate … Web API": web resources and form
 * scripts "don't need to include any code for authentication"); any other origin must bring an
 * OAuth token through CORS ("Use OAuth with Cross-Origin Resource Sharing to connect a
 * Single-Page Application"). So a request that does not come from a page of the org is answered
 * like one without a session (401). How a request shows where it comes from, as measured in
 * Chromium 156 through Playwright's `route.request().allHeaders()` (the `Sec-Fetch-*` headers are
 * not visible there): a content-script fetch carries `Referer: <the page URL>` and, for a POST,
 * `Origin: https://<org host>`; the same GET from the extension's service worker carries neither
 * (only an `accept` header), and its writes carry `Origin: chrome-extension://…`. The rule below:
 * `Referer` on the org's origin, `Origin` (when sent) the org's origin, `Sec-Fetch-Site` (when
 * visible) `same-origin`. `mock.fetch` (in-process tests) sends what the page's own fetch sends.
 *
 * Deletions: `remove(set, id)` deletes a row as Dataverse does; the row then no longer answers any
 * query (without change tracking, which orgs enable per table, nothing reports it: the sync's id
 * reconciliation finds it missing).
 *
 * The signed-in user and what that user may read (issue 15, the team roll-up). The mock answers as
 * one user at a time (`actAs(userId)`; the demo owner by default; `WhoAmI` names them), and each
 * user reads the accounts `accountAccess` grants (default: all). Dataverse decides record access
 * in two steps, the table privilege, then the access check on the record ("How record access is
 * determined"); a query returns only the rows that pass, and a read of one record that fails
 * answers 403 with the access-check error 0x80048306 (-2147187962) "Principal with ID … does not
 * have ReadAccess right(s) for record with ID … of entity …" ("Troubleshoot Dataverse client
 * errors"). A note on an account inherits that account's access: the Account → Note relationship
 * (`Account_Annotation`) is parental, whose Share, Assign and Reparent actions cascade to every
 * child row ("Configure table relationship cascading behavior": parental = Cascade All; reparent
 * hands the parent's inherited read access to the child), so whoever reads the account reads its
 * notes; the note's own owner reads it as well (the table is user-owned). Only accounts and notes
 * are restricted here; the other tables answer every user as the owner.
 */
import { DEMO_ACCOUNTS, DEMO_NOW, DEMO_ORG, type DemoAccount } from "../org"
import { DEMO_USERS, ENTITY_SETS, FORMATTED, buildDynamicsTables, fmt, iso, type DemoUser, type Row } from "./data"
import { ACCESS_CHECK_FAILED } from "../../src/crm/dynamics/api"
import { NOTE_FILE_COLUMNS, createNoteStore, type NoteAuthor } from "./notes"
import { handleBatch } from "./batch"
import { ODataSyntaxError, matches, parseFilter } from "./odata-filter"

export interface MockRequest {
  method: string
  url: string
  headers?: Record<string, string>
  /** JSON text of a POST. */
  body?: string
}
export interface MockResponse {
  status: number
  headers: Record<string, string>
  body: string
}

export interface MockFailure {
  /**
   * HTTP status, or "network" for a connection that fails (fetch rejects; Playwright: route.abort).
   * 302 is an ended session as the browser meets it: a redirect to the Microsoft sign-in page.
   */
  status: 302 | 400 | 401 | 403 | 404 | 429 | 500 | 503 | "network"
  /** Which requests: a substring of the decoded URL, a RegExp, or a predicate. Default: any. */
  match?: string | RegExp | ((url: string) => boolean)
  /** Only requests with this method (GET, POST, DELETE). */
  method?: string
  /** Only requests whose body contains this text (one POST among several to the same URL). */
  bodyIncludes?: string
  /** How many matching requests fail (default 1). */
  times?: number
  retryAfter?: number
  code?: string
  message?: string
}

export interface DynamicsMockOptions {
  host?: string
  accounts?: readonly DemoAccount[]
  /** The server clock (Date header, modifiedon of touched rows). */
  now?: number
  /** Delay of each `fetch` answer, so concurrency is observable. */
  latencyMs?: number
  /** The signed-in user's `systemuserid` (default: the demo owner, DEMO_USERS.repA). */
  actingUser?: string
  /** Which accounts each user may read, by `systemuserid`: "all" or account ids. Unlisted users read all. */
  accountAccess?: Record<string, AccountAccess>
}

export type AccountAccess = "all" | readonly string[]

/** A Parley-like note with an attachment, as a test seeds it for a user (`seedNote`). */
export interface SeedNote {
  accountId: string
  subject: string
  filename: string
  /** The attachment's text (stored base64, as Dataverse keeps `documentbody`). */
  text: string
  mimetype?: string
  notetext?: string
}

/** The headers a page of the org adds to its own fetch (Chromium): what `mock.fetch` sends. */
export function pageHeaders(host: string, method = "GET", headers: Record<string, string> = {}): Record<string, string> {
  return { Referer: `https://${host}/main.aspx`, ...(method.toUpperCase() === "GET" ? {} : { Origin: `https://${host}` }), ...headers }
}

export class MockNetworkError extends TypeError {
  constructor() {
    super("Failed to fetch")
  }
}

const ERROR_TEXT: Record<number, [string, string]> = {
  400: ["0x80040203", "Invalid argument."],
  401: ["", "Authentication failed: the session has expired."],
  403: ["0x80072560", "The user is not a member of the organization."],
  404: ["0x80060888", "Resource not found for the segment."],
  429: ["0x80072322", "Number of requests exceeded the limit of 6000 over time window of 300 seconds."],
  500: ["0x80040216", "An unexpected error occurred."],
  503: ["0x80044151", "The server is busy. Try again later."]
}

const lower = (headers: Record<string, string> = {}) => Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))
const json = (status: number, body: unknown, headers: Record<string, string> = {}, now = DEMO_NOW): MockResponse => ({
  status,
  headers: { "Content-Type": "application/json; odata.metadata=minimal", "OData-Version": "4.0", Date: new Date(now).toUTCString(), ...headers },
  body: JSON.stringify(body)
})
const error = (status: number, code: string, message: string, headers: Record<string, string> = {}, now = DEMO_NOW) =>
  json(status, { error: { code, message } }, headers, now)

/** Splits on commas outside parentheses: `a,b($select=c,d)` → ["a", "b($select=c,d)"]. */
function splitTop(text: string): string[] {
  const out: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "(") depth++
    else if (text[i] === ")") depth--
    else if (text[i] === "," && depth === 0) {
      out.push(text.slice(start, i).trim())
      start = i + 1
    }
  }
  if (text.slice(start).trim()) out.push(text.slice(start).trim())
  return out
}

/** Which annotations a Prefer header asked for (`*`, exact names, or `Namespace.*`). */
function annotationFilter(prefer: string): (annotation: string) => boolean {
  const m = /odata\.include-annotations="([^"]*)"/.exec(prefer)
  const patterns = m ? m[1]!.split(",").map((p) => p.trim()) : []
  return (a) => patterns.some((p) => p === "*" || p === a || (p.endsWith(".*") && a.startsWith(p.slice(0, -1))))
}

export function createDynamicsMockApi(options: DynamicsMockOptions = {}) {
  const host = options.host ?? DEMO_ORG.dynamicsHost
  const tables = buildDynamicsTables(options.accounts ?? DEMO_ACCOUNTS)
  const columns = new Map(Object.entries(tables).map(([set, rows]) => [set, new Set(rows.flatMap((r) => Object.keys(r)).filter((k) => !k.includes("@")))]))
  for (const column of NOTE_FILE_COLUMNS) columns.get("annotations")!.add(column)
  const failures: (MockFailure & { left: number })[] = []
  const corruptions = new Map<string, Row>()
  /** `requests[i].at`: wall-clock arrival (ms), for measuring waits such as Retry-After. */
  const stats = { calls: 0, inFlight: 0, maxInFlight: 0, refused: 0, requests: [] as (MockRequest & { at?: number })[] }
  let now = options.now ?? DEMO_NOW + 3_600_000
  let actingUser = options.actingUser ?? DEMO_USERS.repA.id
  const accountAccess = new Map<string, AccountAccess>(Object.entries(options.accountAccess ?? {}))

  const keyOf = (set: string) => ENTITY_SETS[set]!.key
  const rowById = (set: string, id: string) => tables[set]?.find((r) => r[keyOf(set)] === id)
  const withCorruption = (set: string, row: Row) => {
    const patch = corruptions.get(`${set}:${row[keyOf(set)]}`)
    return patch ? { ...row, ...patch } : row
  }

  const userRow = (id: string) => tables.systemusers!.find((r) => r.systemuserid === id)
  function userOf(id: string): DemoUser {
    const row = userRow(id)
    if (!row) throw new Error(`systemusers(${id}) is not in the mock`)
    return { id, name: String(row.fullname) }
  }
  const mayReadAccount = (user: string, accountId: string) => {
    const access = accountAccess.get(user) ?? "all"
    return access === "all" || access.includes(accountId)
  }
  /** The access check of one row for the acting user (see the header comment). */
  function mayRead(set: string, row: Row, user = actingUser): boolean {
    if (set === "accounts") return mayReadAccount(user, String(row.accountid))
    if (set === "annotations") {
      if (row._ownerid_value === user) return true
      return row.objecttypecode !== "account" || typeof row._objectid_value !== "string" || mayReadAccount(user, row._objectid_value)
    }
    return true
  }
  const author = (): NoteAuthor => ({ user: userOf(actingUser), mayAttachTo: (accountId) => mayReadAccount(actingUser, accountId) })

  /** A row as the response shows it: selected columns, requested annotations, expansions. */
  function project(set: string, row: Row, select: string[] | null, expand: string[], keepAnnotation: (a: string) => boolean): Row {
    const key = keyOf(set)
    const out: Row = { "@odata.etag": `W/"${Math.floor(Date.parse(String(row.modifiedon)) / 1000) || 1}"` }
    for (const [k, v] of Object.entries(row)) {
      const [column, annotation] = k.split("@") as [string, string | undefined]
      if (select && column !== key && !select.includes(column)) continue
      if (annotation && !keepAnnotation(annotation)) continue
      out[k] = v
    }
    for (const item of expand) {
      const m = /^([a-z_]+)(?:\(\$select=([a-z0-9_,]+)\))?$/.exec(item)
      if (!m) throw new ODataSyntaxError(`Unsupported $expand '${item}'.`)
      const nav = m[1]!
      const target = row[`_${nav}_value@Microsoft.Dynamics.CRM.lookuplogicalname`]
      const targetSet = Object.entries(ENTITY_SETS).find(([, v]) => v.table === target)?.[0]
      const related = targetSet ? rowById(targetSet, String(row[`_${nav}_value`])) : undefined
      out[nav] = related ? project(targetSet!, related, m[2] ? m[2].split(",") : null, [], keepAnnotation) : null
    }
    return out
  }

  function query(url: URL, set: string, id: string | null, headers: Record<string, string>): MockResponse {
    const params = new URLSearchParams(url.search)
    const prefer = headers["prefer"] ?? ""
    const keep = annotationFilter(prefer)
    const select = params.get("$select")?.split(",").map((s) => s.trim()) ?? null
    const known = columns.get(set)!
    for (const column of select ?? []) {
      if (known.size && !known.has(column)) return error(400, "0x80060888", `Could not find a property named '${column}' on type 'Microsoft.Dynamics.CRM.${ENTITY_SETS[set]!.table}'.`, {}, now)
    }
    const expand = params.get("$expand") ? splitTop(params.get("$expand")!) : []
    const base = `https://${host}${url.pathname.replace(/\/[^/]*$/, "")}`
    const context = `${base}/$metadata#${set}${select ? `(${select.join(",")})` : ""}`

    if (id) {
      const row = rowById(set, id)
      if (!row) return error(404, "0x80040217", `${ENTITY_SETS[set]!.table} With Id = ${id} Does Not Exist`, {}, now)
      if (!mayRead(set, row)) return error(403, ACCESS_CHECK_FAILED, `Principal with ID ${actingUser} does not have ReadAccess right(s) for record with ID ${id} of entity ${ENTITY_SETS[set]!.table}.`, {}, now)
      return json(200, { "@odata.context": `${context}/$entity`, ...project(set, withCorruption(set, row), select, expand, keep) }, {}, now)
    }

    let rows = tables[set]!.filter((r) => mayRead(set, r))
    const filter = params.get("$filter")
    if (filter) {
      const tree = parseFilter(filter)
      rows = rows.filter((r) => matches(tree, r))
    }
    const key = keyOf(set)
    const order = (params.get("$orderby") ?? "").split(",").map((s) => s.trim().split(/\s+/)).filter((o) => o[0])
    rows = [...rows].sort((a, b) => {
      for (const [column, dir] of order) {
        const x = String(a[column!] ?? "")
        const y = String(b[column!] ?? "")
        if (x !== y) return (x < y ? -1 : 1) * (dir === "desc" ? -1 : 1)
      }
      return String(a[key]).localeCompare(String(b[key]))
    })
    const top = Number(params.get("$top") ?? Infinity)
    rows = rows.slice(0, top)

    const pageSizeMatch = /odata\.maxpagesize=(\d+)/.exec(prefer)
    const pageSize = Math.min(5_000, pageSizeMatch ? Number(pageSizeMatch[1]) : 5_000)
    let start = 0
    let pageNumber = 1
    const skiptoken = params.get("$skiptoken")
    if (skiptoken) {
      // <cookie pagenumber="2" pagingcookie="%253ccookie…last%253d%2522%257bGUID%257d…" istracking="False" />
      const cookie = decodeURIComponent(decodeURIComponent(/pagingcookie="([^"]*)"/.exec(skiptoken)?.[1] ?? ""))
      const last = /last="\{([0-9A-Fa-f-]{36})\}"/.exec(cookie)?.[1]?.toLowerCase()
      pageNumber = Number(/pagenumber="(\d+)"/.exec(skiptoken)?.[1] ?? "")
      const index = last ? rows.findIndex((r) => r[key] === last) : -1
      if (!pageNumber || !last) return error(400, "0x80060888", "The $skiptoken is invalid.", {}, now)
      start = index >= 0 ? index + 1 : (pageNumber - 1) * pageSize
    }
    const page = rows.slice(start, start + pageSize)
    const body: Row = { "@odata.context": context, value: page.map((r) => project(set, withCorruption(set, r), select, expand, keep)) }
    // "Use the $count=true query option to include a count of entities that match the filter
    // criteria, up to 5,000 for standard tables … irrespective of the page size requested"
    // (Dataverse Web API, "Query data using the Web API" / "Count rows using OData"). The nextLink
    // keeps the query options, so its pages carry the same count.
    if (params.get("$count") === "true") body["@odata.count"] = Math.min(rows.length, 5_000)
    if (start + pageSize < rows.length && page.length) {
      const first = String(page[0]![key]).toUpperCase()
      const last = String(page.at(-1)![key]).toUpperCase()
      const paging = encodeURIComponent(encodeURIComponent(`<cookie page="${pageNumber}"><${key} last="{${last}}" first="{${first}}" /></cookie>`))
      const token = encodeURIComponent(`<cookie pagenumber="${pageNumber + 1}" pagingcookie="${paging}" istracking="False" />`)
      const rest = url.search.slice(1).split("&").filter((p) => p && !p.startsWith("$skiptoken=") && !p.startsWith("%24skiptoken="))
      body["@odata.nextLink"] = `https://${host}${url.pathname}?${[...rest, `$skiptoken=${token}`].join("&")}`
    }
    const applied = [/odata\.include-annotations="[^"]*"/.exec(prefer)?.[0], pageSizeMatch ? `odata.maxpagesize=${pageSize}` : undefined].filter(Boolean)
    return json(200, body, applied.length ? { "Preference-Applied": applied.join(",") } : {}, now)
  }

  const clock = { now: () => now, advance: (ms: number) => void (now += ms) }
  const notes = createNoteStore({ host, tables, clock })
  let batches = 0
  const written = (result: { status: number; body?: unknown; headers?: Record<string, string> }): MockResponse =>
    result.body === undefined
      ? { status: result.status, headers: { "OData-Version": "4.0", Date: new Date(now).toUTCString(), ...result.headers }, body: "" }
      : json(result.status, result.body, result.headers, now)

  const orgOrigin = `https://${host}`
  /** True when the request comes from a page of this org (see the header comment). */
  function fromOrgPage(headers: Record<string, string>): boolean {
    const site = headers["sec-fetch-site"]
    if (site !== undefined && site !== "same-origin") return false
    if (headers.origin !== undefined && headers.origin !== orgOrigin) return false
    try {
      return new URL(headers.referer ?? "").origin === orgOrigin
    } catch {
      return false
    }
  }

  /** The first injected failure this request matches (consumed), or null. Change set operations
   * inside a $batch are matched too, by their own URL, method and body. */
  function injected(method: string, decoded: string, body: string | undefined): MockResponse | null {
    for (const f of failures) {
      if (f.left <= 0) continue
      const hit = !f.match || (typeof f.match === "string" ? decoded.includes(f.match) : f.match instanceof RegExp ? f.match.test(decoded) : f.match(decoded))
      if (!hit) continue
      if (f.method && f.method.toUpperCase() !== method.toUpperCase()) continue
      if (f.bodyIncludes && !(body ?? "").includes(f.bodyIncludes)) continue
      f.left--
      if (f.status === "network") throw new MockNetworkError()
      if (f.status === 302) {
        return { status: 302, headers: { Location: `https://login.microsoftonline.com/common/oauth2/authorize?client_id=00000007-0000-0000-c000-000000000000&resource=https%3A%2F%2F${host}`, Date: new Date(now).toUTCString() }, body: "" }
      }
      const [code, message] = ERROR_TEXT[f.status]!
      const headers: Record<string, string> = f.status === 429 ? { "Retry-After": String(f.retryAfter ?? 5) } : {}
      if (f.status === 401) {
        return { status: 401, headers: { "WWW-Authenticate": `Bearer authorization_uri=https://login.microsoftonline.com/common/oauth2/authorize, resource_id=https://${host}/`, Date: new Date(now).toUTCString() }, body: "" }
      }
      return error(f.status, f.code ?? code, f.message ?? message, headers, now)
    }
    return null
  }

  function handle(request: MockRequest): MockResponse {
    stats.calls++
    stats.requests.push({ method: request.method, url: request.url, headers: request.headers, at: Date.now(), ...(request.body !== undefined ? { body: request.body } : {}) })
    if (!fromOrgPage(lower(request.headers))) {
      stats.refused++
      return { status: 401, headers: { "WWW-Authenticate": `Bearer authorization_uri=https://login.microsoftonline.com/common/oauth2/authorize, resource_id=https://${host}/`, Date: new Date(now).toUTCString() }, body: "" }
    }
    let url: URL
    try {
      url = new URL(request.url)
    } catch {
      return error(400, "0x80060888", "Bad request URL.", {}, now)
    }
    const failed = injected(request.method, decodeURIComponent(url.href), request.body)
    if (failed) return failed

    if (/^\/api\/data\/v9\.[0-2]\/\$batch$/.test(url.pathname)) {
      if (request.method.toUpperCase() !== "POST") return error(405, "0x80060888", "The $batch resource only accepts POST.", {}, now)
      const answer = handleBatch(lower(request.headers)["content-type"], request.body, {
        host,
        run: (method, path, body) => {
          const failure = injected(method, decodeURIComponent(`https://${host}${path}`), body)
          if (failure) return { status: failure.status, ...(failure.body ? { body: JSON.parse(failure.body) as unknown } : {}) }
          const note = /^\/api\/data\/v9\.[0-2]\/annotations(?:\(([^)]*)\))?$/.exec(path)
          if (note && method === "POST" && note[1] === undefined) {
            const result = notes.create(body, author())
            return { ...result, ...(result.status < 300 ? { created: /annotations\(([^)]+)\)/.exec(result.headers?.["OData-EntityId"] ?? "")?.[1] } : {}) }
          }
          if (note && method === "DELETE" && note[1] !== undefined) return notes.remove(note[1].replace(/^\{|\}$/g, "").toLowerCase())
          return { status: 405, body: { error: { code: "0x80060888", message: `The mock runs note writes only in a change set, not ${method} ${path}.` } } }
        },
        undo: (id) => void notes.remove(id)
      }, String(++batches))
      return { ...answer, headers: { ...answer.headers, Date: new Date(now).toUTCString() } }
    }
    const m = /^\/api\/data\/v9\.[0-2]\/([A-Za-z]+)(?:\(([^)]*)\))?$/.exec(url.pathname)
    if (!m) return error(404, "0x80060888", `Resource not found for the segment '${url.pathname.split("/").pop()}'.`, {}, now)
    const method = request.method.toUpperCase()
    if (m[1] === "annotations" && method === "POST" && m[2] === undefined) return written(notes.create(request.body, author()))
    if (m[1] === "annotations" && method === "DELETE" && m[2] !== undefined) return written(notes.remove(m[2].replace(/^\{|\}$/g, "").toLowerCase()))
    if (method !== "GET") return error(405, "0x80060888", `The requested resource does not support http method '${request.method}'.`, {}, now)
    const [, set, key] = m
    if (set === "WhoAmI") {
      return json(200, { "@odata.context": `https://${host}/api/data/v9.2/$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse`, BusinessUnitId: "00000010-0000-4000-8000-000000000002", UserId: actingUser, OrganizationId: "00000010-0000-4000-8000-000000000003" }, {}, now)
    }
    if (!ENTITY_SETS[set!]) return error(404, "0x80060888", `Resource not found for the segment '${set}'.`, {}, now)
    const id = key === undefined ? null : key.replace(/^\{|\}$/g, "").toLowerCase()
    if (id !== null && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) {
      return error(400, "0x80060888", `Bad Request - Error in query syntax.`, {}, now)
    }
    try {
      return query(url, set!, id, lower(request.headers))
    } catch (e) {
      if (e instanceof ODataSyntaxError) return error(400, "0x80060888", e.message, {}, now)
      throw e
    }
  }

  /** `handle` as the org page's own fetch (what the page relay does in the browser). */
  async function fetchLike(input: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Response> {
    stats.inFlight++
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight)
    try {
      await new Promise((r) => setTimeout(r, options.latencyMs ?? 0))
      const res = handle({ method: init.method ?? "GET", url: input, headers: pageHeaders(host, init.method ?? "GET", init.headers), ...(init.body !== undefined ? { body: init.body } : {}) })
      return new Response(res.body || null, { status: res.status, headers: res.headers })
    } finally {
      stats.inFlight--
    }
  }

  return {
    host,
    tables,
    stats,
    handle,
    fetch: fetchLike,
    baseUrl: `https://${host}`,
    /** The next `times` requests matching `match` fail as described. */
    inject(failure: MockFailure) {
      failures.push({ ...failure, left: failure.times ?? 1 })
    },
    /** Serve this record with `patch` applied (a malformed record, as a buggy plug-in writes). */
    corrupt(set: string, id: string, patch: Row) {
      corruptions.set(`${set}:${id}`, patch)
    },
    /** Change a record now: its modifiedon moves to the server clock, which then ticks. */
    touch(set: string, id: string, changes: Row) {
      const row = rowById(set, id)
      if (!row) throw new Error(`${set}(${id}) is not in the mock`)
      Object.assign(row, changes, { modifiedon: iso(now), [`modifiedon${FORMATTED}`]: fmt.dateTime(now) })
      now += 1_000
    },
    /** Add a record (keys and stamps as the caller gives them). */
    add(set: string, row: Row) {
      tables[set]!.push({ ...row, modifiedon: row.modifiedon ?? iso(now) })
      now += 1_000
    },
    clock,
    /** Notes with attachments written through the API. */
    notes,
    /** Answer as this user from now on (a `systemuserid`; DEMO_USERS has the demo's people). */
    actAs(userId: string) {
      userOf(userId)
      actingUser = userId
    },
    /** The signed-in user's `systemuserid` (what WhoAmI answers). */
    actingUser: () => actingUser,
    /** Which accounts a user may read from now on ("all" or account ids). */
    setAccountAccess(userId: string, access: AccountAccess) {
      userOf(userId)
      accountAccess.set(userId, access)
    },
    /** May this user read this row (the check every query applies)? */
    mayRead(set: string, id: string, userId: string): boolean {
      const row = rowById(set, id)
      return !!row && mayRead(set, row, userId)
    },
    /**
     * Creates a note with an attachment as `userId` would through the API (the same validation,
     * author and owner, the same access check on the account), whoever is signed in; returns its id.
     */
    seedNote(userId: string, note: SeedNote): string {
      const was = actingUser
      actingUser = userOf(userId).id
      try {
        const body = {
          subject: note.subject,
          notetext: note.notetext ?? "Relationship snapshot by Parley",
          filename: note.filename,
          mimetype: note.mimetype ?? "application/json",
          documentbody: Buffer.from(note.text, "utf8").toString("base64"),
          "objectid_account@odata.bind": `/accounts(${note.accountId})`
        }
        const result = notes.create(JSON.stringify(body), author())
        const id = /annotations\(([^)]+)\)/.exec(result.headers?.["OData-EntityId"] ?? "")?.[1]
        if (!id) throw new Error(`The mock refused the note: ${JSON.stringify(result.body)}`)
        return id
      } finally {
        actingUser = was
      }
    },
    /** Delete a row (a record deleted in Dynamics). */
    remove(set: string, id: string) {
      const rows = tables[set]
      const index = rows?.findIndex((r) => r[keyOf(set)] === id) ?? -1
      if (index < 0) throw new Error(`${set}(${id}) is not in the mock`)
      rows!.splice(index, 1)
      now += 1_000
    },
    resetStats() {
      stats.refused = 0
      stats.calls = 0
      stats.maxInFlight = 0
      stats.requests = []
    }
  }
}

export type DynamicsMockApi = ReturnType<typeof createDynamicsMockApi>
