/**
 * A small Dataverse Web API client for read-only sync, written against an injected `fetch` (the
 * org's own session cookie authenticates; Parley never holds a token).
 *
 * Service protection (powerapps-docs `api-limits.md`: per user, per web server, 300 s sliding
 * window: 6,000 requests, 20 min of execution time, 52 concurrent requests). Every request goes
 * through the org's request budget (src/crm/request-budget.ts, limits in plasmo.config.ts
 * `API_LIMITS.dynamics`):
 * - at most 4 requests in flight;
 * - a per-rep budget of 600 requests per 5 minutes per org, a tenth of Microsoft's limit, because
 *   the rep's own Unified Interface session spends from the same per-user allowance;
 * - `429` waits exactly `Retry-After` seconds, and the wait is the org's, not the client's: every
 *   request to that org (this sync, another account's sync, a share, a snapshot listing) holds
 *   until it has passed ("Service protection API limits": the Retry-After duration applies to
 *   the user's requests to the web server). Up to `maxRetryAfterS`; a longer demand stops the
 *   sync with a resumable "rate-limited" status and its `retryAt`, which the next visit honours
 *   without a request.
 *
 * Session: an answer that is a redirect (a login bounce to login.microsoftonline.com, or the
 * page relay's opaque redirect) or an HTML page is the sign-in page, not data: "session expired".
 */
import { API_LIMITS } from "../../../plasmo.config"
import { BudgetExhaustedError, orgBudget, realClock, type RequestBudget } from "../request-budget"
import { DYNAMICS_API_VERSION, dynamicsApiRoot } from "./org-url"

export { DYNAMICS_API_VERSION }
const MAX_RETRY_AFTER_WAIT_S = API_LIMITS.dynamics.maxRetryAfterS
const MAX_RETRIES = 5
/** 0x80040220 PrivilegeDenied: the rep may not read this table; other tables still sync. */
export const PRIVILEGE_DENIED = "0x80040220"
/**
 * 0x80048306 (-2147187962): the table privilege passed but the access check on one record failed
 * ("Troubleshoot Dataverse client errors"): the rep may not read that record. The session is fine.
 */
export const ACCESS_CHECK_FAILED = "0x80048306"

export interface HttpResponseLike {
  status: number
  headers: { get(name: string): string | null }
  text(): Promise<string>
}
export interface RequestInitLike {
  method: "GET" | "POST" | "PATCH" | "DELETE"
  headers: Record<string, string>
  /** Ignored by the page relay, which always sends the page's own cookies (`same-origin`). */
  credentials?: "include" | "same-origin"
  body?: string
}
/** How Dataverse is reached: in the extension, the CRM page's own origin (src/background/page-fetch.ts). */
export type FetchLike = (url: string, init: RequestInitLike) => Promise<HttpResponseLike>

export type Row = Record<string, unknown>

export class SessionExpiredError extends Error {
  override readonly name = "SessionExpiredError"
  constructor(readonly status: number) {
    super("Sign in to Dynamics again")
  }
}
/** No tab of the org is open to carry the request: nothing is lost, the cursors resume later. */
export class PageGoneError extends Error {
  override readonly name = "PageGoneError"
  constructor(message = "The Dynamics tab was closed; syncing resumes the next time the org is open") {
    super(message)
  }
}
export class ThrottledError extends Error {
  override readonly name = "ThrottledError"
  constructor(
    readonly retryAt: number,
    readonly reason: "service-protection" | "budget"
  ) {
    super(reason === "budget" ? "Parley's request budget for this org is used up for now" : "Dynamics asked Parley to slow down")
  }
}
export class DataverseError extends Error {
  override readonly name = "DataverseError"
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly url: string
  ) {
    super(message)
  }
}

export interface DataverseClientOptions {
  fetch: FetchLike
  /** The org URL (`https://org.crm4.dynamics.com`, on premises `https://host/Org`) or the Web API root. */
  baseUrl: string
  now?: () => number
  sleep?: (ms: number) => Promise<void>
  /**
   * The org's request budget (orgBudget("dynamics", org, …)). Without one, the client uses the
   * org's budget in worker memory, keyed by its API root.
   */
  budget?: RequestBudget
}

export interface Page {
  value: Row[]
  nextLink?: string
  /** Server time of the answer (`Date` header), when visible. */
  serverTime?: number
  /** `@odata.count`, when the query asked `$count=true` (at most 5,000 on standard tables). */
  count?: number
}

export interface RawAnswer {
  status: number
  headers: { get(name: string): string | null }
  text: string
}

/** A `$filter` naming rows by id (`a eq 1 or a eq 2`): how Parley asks for a set of known rows. */
export const anyOf = (column: string, ids: readonly string[]) => ids.map((id) => `${column} eq ${id}`).join(" or ")

/** `Retry-After` as seconds (delta-seconds or an HTTP date), or null when absent/invalid. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null
  if (/^\s*\d+\s*$/.test(value)) return Number(value)
  const at = Date.parse(value)
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000))
}

/** The Web API root of an org URL or root (src/crm/dynamics/org-url.ts owns the rules). */
export function apiRoot(baseUrl: string): string {
  return dynamicsApiRoot(baseUrl)
}

/** The sign-in page instead of data: a redirect, or HTML where JSON was asked for. */
export function isLoginAnswer(status: number, contentType: string | null): boolean {
  return (status >= 300 && status < 400) || (status < 500 && /text\/html/i.test(contentType ?? ""))
}

export class DataverseClient {
  readonly root: string
  calls = 0
  private readonly origin: string
  private readonly now: () => number
  readonly budget: RequestBudget
  /** Once set, every request fails fast: the session is gone, the tab closed, or the org asked us to stop. */
  private stopped: Error | null = null

  constructor(private readonly options: DataverseClientOptions) {
    this.root = apiRoot(options.baseUrl)
    this.origin = new URL(this.root).origin
    this.now = options.now ?? Date.now
    this.budget = options.budget ?? orgBudget("dynamics", this.root.toLowerCase(), { clock: { now: this.now, sleep: options.sleep ?? realClock.sleep } })
  }

  /** The URL of `path` below the Web API root (`accounts?$select=…`). */
  url(path: string): string {
    return `${this.root}/${path.replace(/^\/+/, "")}`
  }

  /**
   * One request with OData headers, through the org's budget (slots, window, Retry-After hold),
   * and the session checks. A `429` is retried after its wait (the service-protection limit
   * refuses a request before running it, so a write cannot be duplicated by the retry).
   */
  async send(method: RequestInitLike["method"], url: string, options: { body?: string; maxPageSize?: number; contentType?: string } = {}): Promise<RawAnswer> {
    // nextLinks are followed as is, but only on the org's own origin.
    if (new URL(url).origin !== this.origin) throw new DataverseError(0, "foreign-link", `Refused a link outside the org: ${new URL(url).origin}`, url)
    const headers: Record<string, string> = { Accept: "application/json", "OData-MaxVersion": "4.0", "OData-Version": "4.0" }
    if (method === "GET") {
      headers.Prefer = `odata.include-annotations="OData.Community.Display.V1.FormattedValue"${options.maxPageSize ? `,odata.maxpagesize=${options.maxPageSize}` : ""}`
    }
    if (options.body !== undefined) headers["Content-Type"] = options.contentType ?? "application/json; charset=utf-8"
    for (let attempt = 0; ; attempt++) {
      if (this.stopped) throw this.stopped
      let res: HttpResponseLike
      try {
        res = await this.budget.run(async () => {
          // Checked again once a slot and any hold are through: another request may have stopped the client meanwhile.
          if (this.stopped) throw this.stopped
          this.calls++
          try {
            return await this.options.fetch(url, { method, headers, credentials: "same-origin", ...(options.body !== undefined ? { body: options.body } : {}) })
          } catch (e) {
            if (e instanceof PageGoneError) throw this.stop(e)
            throw new DataverseError(0, "network", `Network error: ${(e as Error)?.message ?? e}`, url)
          }
        })
      } catch (e) {
        if (e instanceof BudgetExhaustedError) throw this.stop(new ThrottledError(e.freeAt, "budget"))
        throw e
      }
      const retryable = res.status === 429 || (method === "GET" && res.status === 503 && res.headers.get("Retry-After"))
      if (retryable) {
        const seconds = parseRetryAfter(res.headers.get("Retry-After"), this.now()) ?? 5
        if (seconds > MAX_RETRY_AFTER_WAIT_S || attempt >= MAX_RETRIES) throw this.stop(new ThrottledError(this.now() + seconds * 1000, "service-protection"))
        // The org's hold: this request's retry and every other request of the org wait it out.
        await this.budget.holdUntil(this.now() + seconds * 1000)
        continue
      }
      if (isLoginAnswer(res.status, res.headers.get("Content-Type"))) throw this.stop(new SessionExpiredError(res.status))
      return { status: res.status, headers: res.headers, text: await res.text() }
    }
  }

  /** One GET with OData headers and service-protection handling; returns the parsed JSON body. */
  async get(url: string, maxPageSize?: number): Promise<{ body: Row; serverTime?: number }> {
    const res = await this.send("GET", url, { maxPageSize })
    let body: Row = {}
    try {
      body = res.text ? (JSON.parse(res.text) as Row) : {}
    } catch {
      if (res.status < 400) throw new DataverseError(res.status, "bad-json", "The answer was not JSON", url)
    }
    const err = (body.error ?? {}) as { code?: unknown; message?: unknown }
    const code = typeof err.code === "string" ? err.code : ""
    if (res.status === 401 || (res.status === 403 && code !== PRIVILEGE_DENIED && code !== ACCESS_CHECK_FAILED)) throw this.stop(new SessionExpiredError(res.status))
    if (res.status >= 400) throw new DataverseError(res.status, code, typeof err.message === "string" ? err.message.slice(0, 500) : `HTTP ${res.status}`, url)
    const date = Date.parse(res.headers.get("Date") ?? "")
    return Number.isNaN(date) ? { body } : { body, serverTime: date }
  }

  /** One page of a collection query. */
  async page(url: string, maxPageSize: number): Promise<Page> {
    const { body, serverTime } = await this.get(url, maxPageSize)
    const value = Array.isArray(body.value) ? (body.value.filter((r) => r && typeof r === "object") as Row[]) : []
    const next = typeof body["@odata.nextLink"] === "string" ? body["@odata.nextLink"] : undefined
    const count = typeof body["@odata.count"] === "number" ? body["@odata.count"] : undefined
    return { value, nextLink: next, serverTime, ...(count !== undefined ? { count } : {}) }
  }

  /** Every row of a (small, dependent) query, following nextLinks to the end. */
  async all(url: string, maxPageSize: number): Promise<Row[]> {
    const rows: Row[] = []
    let next: string | undefined = url
    while (next) {
      const page = await this.page(next, maxPageSize)
      rows.push(...page.value)
      next = page.nextLink
    }
    return rows
  }

  private stop(error: Error): Error {
    this.stopped ??= error
    return error
  }
}
