/**
 * Salesforce account sync: one account's history from the REST API into the local model,
 * incrementally and resumably, within the API etiquette (budget.ts, api.ts).
 *
 * The plan (soql.ts) is one query whose leaf streams (Contracts, Tasks, Events, Emails) page on
 * their own. Every page is written together with its cursors in one transaction; a leaf stream's
 * cursor keeps `nextPage` while it pages, so a killed service worker resumes mid-pagination, and
 * keys are deterministic (`salesforce:<org>:<id18>`), so re-reading a page never duplicates.
 *
 * Runs with injected dependencies (fetch, session, database, clock) so tests need no browser.
 */
import { API_LIMITS } from "../../../plasmo.config"
import type { ParleyDB } from "../../model/db"
import { HISTORY_TABLE_NAMES } from "../../model/db"
import { cursorKey, orgKey, parseRecordKey, recordKey } from "../../model/keys"
import type { SyncCursor } from "../../model/schema"
import { StorageFullError, writeBatch, type HistoryBatch } from "../../model/store"
import { SalesforceApiError, SalesforceClient, type ApiErrorKind, type ApiLimits, type SalesforceSession } from "./api"
import { Semaphore } from "./budget"
import { isSalesforceHost } from "./hosts"
import { toId18 } from "./ids"
import { childRecords, mapAccountTree, mapRecords, toMs, type MapContext, type MappedBatch, type RejectedRecord } from "./map"
import { ACCOUNT_RELATIONSHIPS, buildAccountQuery, optionalPartInError, STREAM_OBJECTS, type StreamObject, type Watermarks } from "./soql"
import { SYNC_MESSAGES, syncStatusKey, type SyncState, type SyncStatus } from "./status"

export type { SalesforceSession } from "./api"

export interface SalesforceSyncDeps {
  fetch: typeof fetch
  /** The rep's session for the org's API host (the background reads the `sid` cookie). */
  getSession(): Promise<SalesforceSession | null>
  db: ParleyDB
  now(): number
  /** Defaults: API_LIMITS.salesforce (2 in flight, 100 calls a day), 3 retries from 1 s. */
  budget?: Partial<ApiLimits>
  /** Back-off waits (tests pass an instant one). */
  sleep?(ms: number): Promise<void>
}

export interface SyncDiagnostics {
  apiUsage?: { used: number; max: number }
  /** Records left out, with their Salesforce id where the record had one. */
  rejected: RejectedRecord[]
  /** Pages or streams that failed without stopping the sync. */
  errors: string[]
  retries: number
  /** Optional parts this org lacks (remembered per org). */
  disabledParts: string[]
}

export interface SalesforceSyncResult {
  status: SyncStatus
  calls: number
  written: number
  rejected: number
  diagnostics: SyncDiagnostics
}

const LEAF_RELATIONSHIP: Partial<Record<StreamObject, string>> = Object.fromEntries(
  Object.entries(ACCOUNT_RELATIONSHIPS)
    .filter(([, v]) => v.leaf)
    .map(([name, v]) => [v.object, name])
)

const FATAL: Readonly<Partial<Record<ApiErrorKind, SyncState>>> = {
  "session-expired": "session-expired",
  "api-disabled": "dom-only",
  "budget-exhausted": "budget-exhausted",
  "rate-limited": "rate-limited",
  network: "offline"
}

const semaphores = new Map<number, Semaphore>()
/** One semaphore per worker: every account sync shares the "N in flight" limit. */
function sharedSemaphore(limit: number): Semaphore {
  let semaphore = semaphores.get(limit)
  if (!semaphore) semaphores.set(limit, (semaphore = new Semaphore(limit)))
  return semaphore
}

const running = new Map<string, Promise<SalesforceSyncResult>>()
/** Account queries per sync at most (the last one follows its locators to the end); the daily
 * budget caps calls anyway. */
const MAX_ROUNDS = 25

const capsKey = (org: string) => `salesforce:caps:${org}`

interface QueryResult {
  totalSize?: number
  done: boolean
  nextRecordsUrl?: string
  records: unknown[]
}

function asQueryResult(value: unknown): QueryResult {
  const r = value as Partial<QueryResult> | null
  if (!r || typeof r !== "object" || !Array.isArray(r.records) || typeof r.done !== "boolean") {
    throw new SalesforceApiError("malformed", "Salesforce returned an unexpected query result")
  }
  return r as QueryResult
}

const isQueryResult = (value: unknown): value is QueryResult =>
  !!value && typeof value === "object" && Array.isArray((value as QueryResult).records) && typeof (value as QueryResult).done === "boolean"

function lastStamp(records: unknown[]): number | undefined {
  const stamp = (records.at(-1) as { SystemModstamp?: unknown } | undefined)?.SystemModstamp
  return typeof stamp === "string" ? toMs(stamp) : undefined
}

const max = (a: number | undefined, b: number | undefined) => (a === undefined ? b : b === undefined ? a : Math.max(a, b))

/** Waits for every task, then throws the first failure (no stray request outlives a failed sync). */
async function settleAll<T>(tasks: Promise<T>[]): Promise<T[]> {
  const results = await Promise.allSettled(tasks)
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected")
  if (failed) throw failed.reason
  return results.map((r) => (r as PromiseFulfilledResult<T>).value)
}

/** Drops rows whose stored copy has the same SystemModstamp: an unchanged record is not rewritten. */
async function dropUnchanged(db: ParleyDB, batch: HistoryBatch): Promise<HistoryBatch> {
  const out: HistoryBatch = {}
  for (const table of HISTORY_TABLE_NAMES) {
    const rows = batch[table] as { key: string; modifiedAt?: number; revision?: number; sourceObject?: string }[] | undefined
    if (!rows?.length) continue
    const stored = (await db.table(table).bulkGet(rows.map((r) => r.key))) as (typeof rows[number] | undefined)[]
    ;(out as Record<string, unknown[]>)[table] = rows.filter((row, i) => {
      const old = stored[i]
      if (!old || row.modifiedAt === undefined) return true
      if (old.sourceObject === "EmailMessage" && row.sourceObject === "Task") return false
      return old.modifiedAt !== row.modifiedAt || old.revision !== row.revision
    })
  }
  return out
}

class AccountSync {
  readonly diagnostics: SyncDiagnostics = { rejected: [], errors: [], retries: 0, disabledParts: [] }
  written = 0
  private readonly cursors = new Map<StreamObject, SyncCursor>()
  /** Newest SystemModstamp read per stream in this run. */
  private readonly seen: Partial<Record<StreamObject, number>> = {}
  private disabled = new Set<string>()
  private ctx!: MapContext

  constructor(
    private readonly deps: SalesforceSyncDeps,
    private readonly client: SalesforceClient,
    private readonly org: string,
    private readonly accountId: string
  ) {}

  async run(): Promise<void> {
    const { db } = this.deps
    const [cursors, caps, orgRow] = await Promise.all([
      db.cursors.bulkGet(STREAM_OBJECTS.map((o) => cursorKey("salesforce", this.org, o, this.accountId))),
      db.meta.get(capsKey(this.org)),
      db.orgs.get(orgKey("salesforce", this.org))
    ])
    for (const cursor of cursors) if (cursor) this.cursors.set(cursor.object as StreamObject, cursor)
    this.disabled = new Set((caps?.value as string[] | undefined) ?? [])
    this.ctx = { org: this.org, accountId: this.accountId, now: this.deps.now(), currency: orgRow?.currency }

    // A stream that was paging on its own when the worker stopped continues from its cursor; a
    // locator that expired meanwhile only means the account query below re-reads from the watermark.
    const resumed = STREAM_OBJECTS.filter((o) => this.cursors.get(o)?.nextPage)
    await this.pageLeaves(resumed.map((o) => ({ object: o, url: this.cursors.get(o)!.nextPage! })))
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const { pending, follow } = await this.accountQuery(round === MAX_ROUNDS - 1)
      if (!pending.length) return
      // One stream cut short: its own locator is the cheapest way on. Several: one more account
      // query (watermarks moved) brings them all on at once, instead of a call per locator.
      if (follow && !(await this.pageLeaves(pending))) return
    }
  }

  private cursor(object: StreamObject, watermark: number | undefined, nextPage?: string): SyncCursor {
    const cursor: SyncCursor = {
      key: cursorKey("salesforce", this.org, object, this.accountId),
      crm: "salesforce",
      org: this.org,
      object,
      scope: this.accountId,
      watermark,
      nextPage,
      updatedAt: this.deps.now()
    }
    this.cursors.set(object, cursor)
    return cursor
  }

  private watermarks(): Watermarks {
    const out: Watermarks = {}
    for (const [object, cursor] of this.cursors) if (cursor.watermark !== undefined) out[object] = cursor.watermark
    return out
  }

  private note(mapped: MappedBatch): void {
    for (const [object, stamp] of Object.entries(mapped.stamps) as [StreamObject, number][]) this.seen[object] = max(this.seen[object], stamp)
    this.diagnostics.rejected.push(...mapped.rejected)
  }

  /** One page and its cursors, in one transaction. */
  private async write(mapped: MappedBatch, cursors: SyncCursor[]): Promise<void> {
    const { db } = this.deps
    const batch = await dropUnchanged(db, mapped.batch())
    const tables = [...HISTORY_TABLE_NAMES.map((t) => db.table(t)), db.cursors]
    const result = await db.transaction("rw", tables, async () => {
      const r = await writeBatch(db, batch, cursors[0])
      if (cursors.length > 1) await db.cursors.bulkPut(cursors.slice(1))
      return r
    })
    this.written += result.written
    for (const r of result.rejected) {
      this.diagnostics.rejected.push({ id: r.recordKey ? parseRecordKey(r.recordKey)?.id : undefined, object: r.table, reason: r.reason })
    }
  }

  /** The account query; drops an optional part the org lacks and asks again. */
  private async queryAccount(): Promise<QueryResult> {
    for (;;) {
      try {
        return asQueryResult(await this.client.query(buildAccountQuery(this.accountId, { watermarks: this.watermarks(), disabled: this.disabled })))
      } catch (error) {
        const part = error instanceof SalesforceApiError && error.kind === "bad-query" ? optionalPartInError(error.message) : undefined
        if (!part || this.disabled.has(part)) throw error
        this.disabled.add(part)
        this.diagnostics.disabledParts.push(part)
        await this.deps.db.meta.put({ key: capsKey(this.org), value: [...this.disabled] })
      }
    }
  }

  /** Fetches the rest of every nested result in memory (all but the account's leaf streams). */
  private async completeNested(record: unknown, isAccount: boolean): Promise<void> {
    const tasks: Promise<void>[] = []
    for (const [name, value] of Object.entries(record as Record<string, unknown>)) {
      if (!isQueryResult(value) || (isAccount && ACCOUNT_RELATIONSHIPS[name]?.leaf)) continue
      tasks.push(
        (async () => {
          let page: QueryResult = value
          while (!page.done && page.nextRecordsUrl) {
            page = asQueryResult(await this.client.get(page.nextRecordsUrl))
            value.records.push(...page.records)
          }
          value.done = true
          delete value.nextRecordsUrl
          await settleAll(value.records.map((child) => this.completeNested(child, false)))
        })()
      )
    }
    await settleAll(tasks)
  }

  /**
   * Runs the account query and writes it with every cursor. Returns the leaf streams cut short by
   * the batch size, and whether to follow their locators (one stream, or no stream moved on:
   * another account query would not get further) rather than query the account again.
   */
  private async accountQuery(lastRound: boolean): Promise<{ pending: { object: StreamObject; url: string }[]; follow: boolean }> {
    const result = await this.queryAccount()
    const account = result.records[0]
    if (!account) throw new SalesforceApiError("http", "This account is not visible to you in Salesforce", 404)
    await this.completeNested(account, true)
    const mapped = mapAccountTree(account, this.ctx)
    this.note(mapped)

    const cut = STREAM_OBJECTS.flatMap((object) => {
      const relationship = LEAF_RELATIONSHIP[object]
      const nested = relationship ? (account as Record<string, unknown>)[relationship] : undefined
      return isQueryResult(nested) && !nested.done && nested.nextRecordsUrl ? [{ object, url: nested.nextRecordsUrl, records: nested.records }] : []
    })
    // Rows are ordered by SystemModstamp: every row before the last one's stamp is stored.
    const midway = (c: (typeof cut)[number]) => {
      const previous = this.cursors.get(c.object)?.watermark
      const last = lastStamp(c.records)
      return { previous, next: last === undefined ? previous : max(previous, last - 1) }
    }
    // Another account query only helps if some watermark moves past a second (the literal's
    // precision); thousands of rows sharing one SystemModstamp need their locators.
    const second = (ms: number | undefined) => (ms === undefined ? -1 : Math.floor(ms / 1000))
    const moves = cut.some((c) => {
      const { previous, next } = midway(c)
      return second(next) > second(previous)
    })
    const follow = cut.length === 1 || (cut.length > 1 && (!moves || lastRound))
    const cursors = STREAM_OBJECTS.map((object) => {
      const stream = cut.find((c) => c.object === object)
      if (!stream) return this.cursor(object, max(this.cursors.get(object)?.watermark, this.seen[object]))
      return this.cursor(object, midway(stream).next, follow ? stream.url : undefined)
    })
    await this.write(mapped, cursors)
    return { pending: cut.map(({ object, url }) => ({ object, url })), follow }
  }

  /** Pages each leaf stream to its end, streams in parallel. True if a query locator was lost. */
  private async pageLeaves(streams: { object: StreamObject; url: string }[]): Promise<boolean> {
    const lost = await settleAll(streams.map((s) => this.pageLeaf(s.object, s.url)))
    return lost.some(Boolean)
  }

  private async pageLeaf(object: StreamObject, first: string): Promise<boolean> {
    let url: string | undefined = first
    while (url) {
      let page: QueryResult
      try {
        page = asQueryResult(await this.client.get(url))
      } catch (error) {
        if (!(error instanceof SalesforceApiError) || FATAL[error.kind]) throw error
        const watermark = this.cursors.get(object)?.watermark
        await this.deps.db.cursors.put(this.cursor(object, watermark))
        if (error.kind === "query-locator") return true
        this.diagnostics.errors.push(`${object}: ${error.message}`)
        return false
      }
      const mapped = mapRecords(page.records, this.ctx)
      this.note(mapped)
      const previous = this.cursors.get(object)?.watermark
      const next = page.done ? undefined : page.nextRecordsUrl
      const cursor = next ? this.cursor(object, max(previous, (lastStamp(page.records) ?? 0) - 1), next) : this.cursor(object, max(previous, this.seen[object]))
      await this.write(mapped, [cursor])
      url = next
    }
    return false
  }
}

async function setStatus(db: ParleyDB, accountKey: string, status: SyncStatus): Promise<void> {
  await db.meta.put({ key: syncStatusKey(accountKey), value: status })
}

async function syncOnce(deps: SalesforceSyncDeps, org: string, accountId: string): Promise<SalesforceSyncResult> {
  const { db, now } = deps
  const accountKey = recordKey("salesforce", org, accountId)
  const limits: ApiLimits = {
    maxInFlight: API_LIMITS.salesforce.maxInFlight,
    dailyCalls: API_LIMITS.salesforce.dailyCallBudget,
    maxRetries: 3,
    backoffMs: 1_000,
    ...deps.budget
  }
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  await setStatus(db, accountKey, { state: "syncing", message: SYNC_MESSAGES.syncing, at: now() })

  let state: SyncState = "synced"
  let message: string | undefined
  let client: SalesforceClient | undefined
  let sync: AccountSync | undefined
  const session = await deps.getSession().catch(() => null)
  if (!session?.sid || !isSalesforceHost(session.apiHost)) {
    state = "session-expired"
  } else {
    client = new SalesforceClient({ fetch: deps.fetch, db, now, sleep }, session, sharedSemaphore(limits.maxInFlight), limits)
    sync = new AccountSync(deps, client, org, accountId)
    try {
      await sync.run()
      if (sync.diagnostics.errors.length) state = "partial"
    } catch (error) {
      const kind = error instanceof SalesforceApiError ? error.kind : undefined
      state = error instanceof StorageFullError ? "storage-full" : ((kind && FATAL[kind]) ?? "error")
      message = state === "error" || state === "storage-full" ? (error instanceof Error ? error.message : String(error)) : undefined
      sync.diagnostics.errors.push(error instanceof Error ? error.message : String(error))
    }
  }

  const diagnostics: SyncDiagnostics = sync?.diagnostics ?? { rejected: [], errors: [], retries: 0, disabledParts: [] }
  diagnostics.retries = client?.retries ?? 0
  diagnostics.apiUsage = client?.apiUsage
  const calls = client?.calls ?? 0
  const written = sync?.written ?? 0
  const status: SyncStatus = {
    state,
    message: message ?? SYNC_MESSAGES[state],
    at: now(),
    calls,
    written,
    rejected: diagnostics.rejected.length,
    apiUsage: diagnostics.apiUsage
  }
  await setStatus(db, accountKey, status)
  return { status, calls, written, rejected: diagnostics.rejected.length, diagnostics }
}

/**
 * Syncs one account's history. Concurrent calls for the same account share one run. Never throws
 * for Salesforce or network trouble: the outcome is in `status` (and in `meta` for the panel).
 */
export function syncSalesforceAccount(deps: SalesforceSyncDeps, options: { org: string; accountId: string }): Promise<SalesforceSyncResult> {
  const accountId = toId18(options.accountId)
  if (!accountId || !accountId.startsWith("001")) {
    const status: SyncStatus = { state: "error", message: `Not a Salesforce account id: ${String(options.accountId).slice(0, 40)}`, at: deps.now() }
    return Promise.resolve({ status, calls: 0, written: 0, rejected: 0, diagnostics: { rejected: [], errors: [status.message!], retries: 0, disabledParts: [] } })
  }
  const key = `${deps.db.name}|${options.org}|${accountId}`
  const existing = running.get(key)
  if (existing) return existing
  const promise = syncOnce(deps, options.org, accountId).finally(() => running.delete(key))
  running.set(key, promise)
  return promise
}

/** Exported for tests and the benchmark: the child results a response nests under a record. */
export { childRecords }
