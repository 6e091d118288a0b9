/**
 * The Salesforce REST client the sync uses: the rep's session as a Bearer token on the org's API
 * host, every call sent through the org's request budget (src/crm/request-budget.ts: daily count,
 * at most N in flight, the org-wide Retry-After hold), exponential back-off on
 * REQUEST_LIMIT_EXCEEDED / network / 5xx, and Salesforce's error bodies turned into typed errors.
 */
import { API_LIMITS } from "../../../plasmo.config"
import { BudgetExhaustedError, type RequestBudget } from "../request-budget"
import { API_VERSION } from "./soql"

export interface SalesforceSession {
  /** `<mydomain>.my.salesforce.com` (never the Lightning host: its redirect drops the header). */
  apiHost: string
  /** The `sid` cookie value. Held in memory for the call, never stored. */
  sid: string
}

export type ApiErrorKind =
  | "session-expired"
  | "api-disabled"
  | "rate-limited"
  | "network"
  | "budget-exhausted"
  | "malformed"
  | "query-locator"
  | "bad-query"
  | "http"

export class SalesforceApiError extends Error {
  override readonly name = "SalesforceApiError"
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status?: number,
    readonly errorCode?: string
  ) {
    super(message)
  }
  /** The wait the server asked for (`Retry-After`), if it named one. */
  retryAfterMs?: number
}

export interface RetryPolicy {
  /** Retries after the first attempt, for rate limits, network errors, 5xx and torn JSON. */
  maxRetries: number
  /** First back-off delay; doubles each retry. */
  backoffMs: number
}

export interface ClientDeps {
  fetch: typeof fetch
  now(): number
  sleep(ms: number): Promise<void>
}

const DISABLED_CODES = new Set(["API_DISABLED_FOR_ORG", "API_CURRENTLY_DISABLED", "FUNCTIONALITY_NOT_ENABLED", "OAUTH_APP_BLOCKED"])
const BAD_QUERY_CODES = new Set(["INVALID_FIELD", "INVALID_TYPE", "MALFORMED_QUERY", "INVALID_QUERY_FILTER_OPERATOR"])

/** `api-usage=10018/100000` (the org's 24-hour API use) from `Sforce-Limit-Info`. */
export function parseLimitInfo(header: string | null): { used: number; max: number } | undefined {
  const match = header ? /api-usage=(\d+)\/(\d+)/.exec(header) : null
  return match ? { used: Number(match[1]), max: Number(match[2]) } : undefined
}

function firstError(text: string): { errorCode?: string; message?: string } {
  try {
    const body = JSON.parse(text) as unknown
    const first = Array.isArray(body) ? body[0] : body
    if (first && typeof first === "object") {
      const { errorCode, message, error, error_description } = first as Record<string, unknown>
      return {
        errorCode: typeof errorCode === "string" ? errorCode : typeof error === "string" ? error : undefined,
        message: typeof message === "string" ? message : typeof error_description === "string" ? error_description : undefined
      }
    }
  } catch {
    // A non-JSON error page (a proxy, a maintenance page): the status says enough.
  }
  return {}
}

function classify(status: number, text: string, isQueryMore: boolean): SalesforceApiError {
  const { errorCode = "", message = `HTTP ${status}` } = firstError(text)
  const error = (kind: ApiErrorKind) => new SalesforceApiError(kind, `${errorCode ? `${errorCode}: ` : ""}${message}`, status, errorCode || undefined)
  if (status === 401) return error(/not valid for use with the REST API/i.test(message) ? "api-disabled" : "session-expired")
  // 429: what a gateway or proxy in front of the org (and some Salesforce edges) answer when
  // throttling; treated like Salesforce's own REQUEST_LIMIT_EXCEEDED.
  if (errorCode === "REQUEST_LIMIT_EXCEEDED" || status === 429) return error("rate-limited")
  if (DISABLED_CODES.has(errorCode)) return error("api-disabled")
  if (errorCode === "INVALID_QUERY_LOCATOR" || (isQueryMore && status === 404)) return error("query-locator")
  if (BAD_QUERY_CODES.has(errorCode)) return error("bad-query")
  return error("http")
}

const API_PATH = /^\/services\/data\/v\d+\.\d\//
/** A query's next batch (`…/query/01g…-2000`); the QueryAll resource pages under `query/` too. */
const QUERY_MORE = /\/query(?:All)?\/[^?]+$/

export function queryPath(soql: string, resource: "query" | "queryAll"): string {
  return `/services/data/${API_VERSION}/${resource}?q=${encodeURIComponent(soql)}`
}

const RETRYABLE: ReadonlySet<ApiErrorKind> = new Set(["rate-limited", "network", "malformed"])
/** Longest Retry-After waited per retry (plasmo.config.ts); a longer demand still waits this long
 * per retry, then ends as rate-limited with the cursors kept. */
const MAX_RETRY_AFTER_MS = API_LIMITS.salesforce.maxRetryAfterS * 1000

/** `Retry-After` in ms: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(value: string | null, now: number): number | undefined {
  if (!value) return undefined
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000
  const at = Date.parse(value)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}
/** A query that ran too long or a server that was briefly unavailable: the same request may pass. */
const TRANSIENT_CODES = new Set(["QUERY_TIMEOUT", "REQUEST_RUNNING_TOO_LONG", "SERVER_UNAVAILABLE", "UNABLE_TO_LOCK_ROW"])
const isTransient = (error: SalesforceApiError) => error.kind === "rate-limited" || (error.status ?? 0) >= 500 || TRANSIENT_CODES.has(error.errorCode ?? "")

export class SalesforceClient {
  /** Requests sent (each retry is one), for the sync result and the call benchmark. */
  calls = 0
  retries = 0
  apiUsage?: { used: number; max: number }

  constructor(
    private readonly deps: ClientDeps,
    private readonly session: SalesforceSession,
    /** The org's budget (orgBudget("salesforce", org, …)): shared with every other client of the org. */
    private readonly budget: RequestBudget,
    private readonly limits: RetryPolicy
  ) {}

  query(soql: string): Promise<unknown> {
    return this.get(queryPath(soql, "query"))
  }

  /** The QueryAll resource: also archived activities and soft-deleted rows (REST API Developer
   * Guide, "QueryAll"). */
  queryAll(soql: string): Promise<unknown> {
    return this.get(queryPath(soql, "queryAll"))
  }

  /**
   * GETs several API paths as one composite request: one call against the org's limits and the
   * daily budget ("The entire series of requests counts as a single call toward your API limits",
   * REST API Developer Guide, "Composite"). At most 5 may be query operations (queries and their
   * next batches). Each answer comes back in order, a failed one as its typed error.
   */
  async getMany(paths: string[]): Promise<(unknown | SalesforceApiError)[]> {
    const answers = await this.getManyOnce(paths)
    // The composite answers 200 while a subrequest timed out or hit a transient server error
    // ("Composite Response Body": each subrequest has its own httpStatusCode): those subrequests
    // are asked again, with the same back-off as a failed request, before anyone sees them fail.
    for (let attempt = 0; attempt < this.limits.maxRetries; attempt++) {
      const again = answers.flatMap((answer, i) => (answer instanceof SalesforceApiError && isTransient(answer) ? [i] : []))
      if (!again.length) break
      this.retries++
      await this.deps.sleep(this.limits.backoffMs * 2 ** attempt)
      const retried = await this.getManyOnce(again.map((i) => paths[i]!))
      again.forEach((i, j) => (answers[i] = retried[j]))
    }
    return answers
  }

  private async getManyOnce(paths: string[]): Promise<(unknown | SalesforceApiError)[]> {
    if (paths.length === 1) return [await this.get(paths[0]!).catch((error: unknown) => (error instanceof SalesforceApiError ? error : Promise.reject(error)))]
    for (const path of paths) if (!API_PATH.test(path)) throw new SalesforceApiError("http", `refusing to call ${path.slice(0, 80)}`)
    const body = JSON.stringify({ allOrNone: false, compositeRequest: paths.map((url, i) => ({ method: "GET", url, referenceId: `r${i}` })) })
    const answer = (await this.send(`/services/data/${API_VERSION}/composite`, "POST", body, false)) as { compositeResponse?: { body?: unknown; httpStatusCode?: number; referenceId?: string }[] } | null
    const results = answer?.compositeResponse
    if (!Array.isArray(results) || results.length !== paths.length) throw new SalesforceApiError("malformed", "Salesforce returned an unexpected composite result")
    return paths.map((path, i) => {
      const sub = results.find((r) => r?.referenceId === `r${i}`)
      const status = typeof sub?.httpStatusCode === "number" ? sub.httpStatusCode : 500
      return status >= 200 && status < 300 ? sub!.body : classify(status, JSON.stringify(sub?.body ?? null), QUERY_MORE.test(path))
    })
  }

  /** GET a path on the API host. Absolute URLs are refused: the session never leaves the org. */
  async get(path: string): Promise<unknown> {
    if (!API_PATH.test(path)) throw new SalesforceApiError("http", `refusing to call ${path.slice(0, 80)}`)
    return this.send(path, "GET", undefined, QUERY_MORE.test(path))
  }

  /** GET a body as text, unparsed (a file's VersionData: whether it is JSON is the caller's question,
   * and a body that is not is an answer, not a torn response to ask again). */
  async getText(path: string): Promise<string> {
    if (!API_PATH.test(path)) throw new SalesforceApiError("http", `refusing to call ${path.slice(0, 80)}`)
    return this.send(path, "GET", undefined, false, true) as Promise<string>
  }

  private async send(path: string, method: "GET" | "POST", body: string | undefined, isQueryMore: boolean, raw = false): Promise<unknown> {
    const url = `https://${this.session.apiHost}${path}`
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.attempt(url, method, body, isQueryMore, raw)
      } catch (error) {
        const kind = error instanceof SalesforceApiError ? error.kind : "network"
        const retryable = RETRYABLE.has(kind) || (error instanceof SalesforceApiError && (error.status ?? 0) >= 500)
        if (!retryable || attempt >= this.limits.maxRetries) {
          throw error instanceof SalesforceApiError ? error : new SalesforceApiError("network", `Salesforce unreachable: ${String(error)}`)
        }
        this.retries++
        const backoff = this.limits.backoffMs * 2 ** attempt
        const asked = Math.min(error instanceof SalesforceApiError ? (error.retryAfterMs ?? 0) : 0, MAX_RETRY_AFTER_MS)
        // A Retry-After is the org's wait, not this request's: every request of the org holds
        // until it has passed (the retry included, through the budget).
        if (asked > backoff) await this.budget.holdUntil(this.deps.now() + asked)
        else await this.deps.sleep(backoff)
      }
    }
  }

  private async attempt(url: string, method: "GET" | "POST", body: string | undefined, isQueryMore: boolean, raw: boolean): Promise<unknown> {
    const sent = await this.budget
      .run(async () => {
        this.calls++
        const response = await this.deps.fetch(url, {
          method,
          headers: {
            Authorization: `Bearer ${this.session.sid}`,
            Accept: "application/json",
            "Sforce-Call-Options": "client=Parley",
            ...(body === undefined ? {} : { "Content-Type": "application/json" })
          },
          ...(body === undefined ? {} : { body }),
          credentials: "omit",
          // Not followed: the Authorization header would not survive it, and where an API host
          // redirects (an old My Domain, a login bounce, a proxy's sign-in) this session is not good
          // there. `redirect: "error"` made that a network error, retried and reported "offline".
          redirect: "manual"
        })
        return {
          status: response.status,
          ok: response.ok,
          redirected: response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400),
          html: /text\/html/i.test(response.headers.get("content-type") ?? ""),
          text: await response.text(),
          limit: response.headers.get("sforce-limit-info"),
          retryAfter: response.headers.get("retry-after")
        }
      })
      .catch((error: unknown) => {
        if (error instanceof BudgetExhaustedError) throw new SalesforceApiError("budget-exhausted", "Today's Salesforce API budget is used up")
        throw error
      })
    const { status, ok, redirected, html, text, limit, retryAfter } = sent
    this.apiUsage = parseLimitInfo(limit) ?? this.apiUsage
    // A sign-in page instead of JSON: this session does not hold here; the caller tries the next.
    if (redirected || (html && status < 500)) throw new SalesforceApiError("session-expired", `Salesforce answered with a ${redirected ? "redirect" : "web page"} instead of data (sign-in)`, status)
    if (!ok) {
      const error = classify(status, text, isQueryMore)
      error.retryAfterMs = retryAfterMs(retryAfter, this.deps.now())
      throw error
    }
    if (raw) return text
    try {
      return JSON.parse(text) as unknown
    } catch {
      throw new SalesforceApiError("malformed", "Salesforce returned malformed JSON", status)
    }
  }
}
