/**
 * Salesforce account sync: one account's history from the REST API into the local model,
 * incrementally and resumably, within the API etiquette (src/crm/request-budget.ts, api.ts).
 *
 * The plan (soql.ts): one composite call with three QueryAll statements (the account tree, its
 * Tasks, its Events), then every result that was cut short pages on through its own
 * `nextRecordsUrl`, several streams per composite call. Every page is written together with its
 * cursors in one transaction; a stream's cursor keeps `nextPage` while it pages, so a killed
 * service worker resumes mid-pagination, and keys are deterministic (`salesforce:<org>:<id18>`),
 * so re-reading a page never duplicates. Rows that come back deleted (`IsDeleted`) are removed in
 * the same transaction.
 *
 * Runs with injected dependencies (fetch, session, database, clock) so tests need no browser.
 */
import type { ParleyDB } from "../../model/db"
import { HISTORY_TABLE_NAMES } from "../../model/db"
import { cursorKey, orgKey, parseRecordKey, recordKey } from "../../model/keys"
import type { SyncCursor } from "../../model/schema"
import { StorageFullError, type HistoryBatch, type Rejected } from "../../model/store"
import { limitsFor, orgBudget } from "../request-budget"
import { queryPath, SalesforceApiError, SalesforceClient, type ApiErrorKind, type RetryPolicy, type SalesforceSession } from "./api"
import { isSalesforceHost } from "./hosts"
import { withEachSession } from "./session"
import { toId18 } from "./ids"
import { childRecords, mapAccountTree, mapRecords, toMs, type MapContext, type MappedBatch, type RejectedRecord } from "./map"
import {
  ACCOUNT_RELATIONSHIPS,
  ACTIVITY_OBJECTS,
  buildAccountQuery,
  buildActivityQuery,
  optionalPartInError,
  STREAM_OBJECTS,
  type StreamObject,
  type Watermarks
} from "./soql"
import { SYNC_MESSAGES, syncStatusKey, type SyncState, type SyncStatus } from "./status"
import type { SyncHooks } from "../contract"
import { PausedSignal, ProgressTally, shareRun, stopIfPaused, writeStreamPage, type AccountRuns } from "../stream-runner"

export type { SalesforceSession } from "./api"

export interface SalesforceSyncDeps {
  fetch: typeof fetch
  /** The rep's session for the org's API host (the background reads the `sid` cookie). */
  getSession(): Promise<SalesforceSession | null>
  /**
   * Every candidate session for the org, best first (after a My Domain change the browser keeps
   * old `sid` cookies that Salesforce refuses with INVALID_SESSION_ID). When given, the sync tries
   * each before it reports the session expired; `getSession` is then not asked.
   */
  getSessions?(): Promise<SalesforceSession[]>
  db: ParleyDB
  now(): number
  /** Defaults: plasmo.config.ts API_LIMITS.salesforce (2 in flight, 100 calls a day), 3 retries from 1 s. */
  budget?: Partial<RetryPolicy & { maxInFlight: number; dailyCalls: number }>
  /** Back-off waits (tests pass an instant one). */
  sleep?(ms: number): Promise<void>
  /** After each written page: the object's records read in this run and Salesforce's `totalSize`. */
  onProgress?: SyncHooks["onProgress"]
  /** Asked between pages: true stops the sync with its cursors kept ("paused"). */
  isPaused?: SyncHooks["isPaused"]
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

/** Streams whose rows come in the account tree (Task and Event have their own queries). */
const TREE_OBJECTS: readonly StreamObject[] = STREAM_OBJECTS.filter((o) => !(ACTIVITY_OBJECTS as readonly string[]).includes(o))
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

const running: AccountRuns<SalesforceSyncResult> = new Map()
/** Fresh starts per sync when a query locator is lost mid-way (it expired, or the org released it). */
const MAX_STARTS = 3
/** Query operations one composite request may carry (REST API Developer Guide, "Composite"). */
const QUERIES_PER_CALL = 5

const capsKey = (org: string) => `salesforce:caps:${org}`

interface QueryResult {
  totalSize?: number
  done: boolean
  nextRecordsUrl?: string
  records: unknown[]
}

interface Stream {
  object: StreamObject
  url: string
}

function asQueryResult(value: unknown): QueryResult {
  if (value instanceof SalesforceApiError) throw value
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

/**
 * The watermark after a stream read to its end: just below its newest SystemModstamp, so the next
 * `SystemModstamp > <that second>` query reads that whole second again. SystemModstamp has whole
 * seconds, so another row can be stamped with the same second after this query read its rows (a
 * save committing while we paged, or right after); `> newest` would skip it until it changes
 * again. The re-read rows of that one second are dropped by the writer as unchanged.
 */
const justBelow = (stamp: number | undefined) => (stamp === undefined ? undefined : stamp - 1)

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
    // One key cursor over the page's keys rather than a get per key: on a first sync almost none
    // exist, and the cursor skips them in a few steps (the sync-ingest benchmark's largest cost).
    const stored = new Map(((await db.table(table).where(":id").anyOf(rows.map((r) => r.key)).toArray()) as typeof rows).map((r) => [r.key, r]))
    ;(out as Record<string, unknown[]>)[table] = rows.filter((row) => {
      const old = stored.get(row.key)
      if (!old || row.modifiedAt === undefined) return true
      if (old.sourceObject === "EmailMessage" && row.sourceObject === "Task") return false
      return old.modifiedAt !== row.modifiedAt || old.revision !== row.revision
    })
  }
  return out
}

/**
 * The sync path's own work for one mapped API page: compare with the stored rows (unchanged ones
 * are not rewritten), then upsert, remove what came back deleted, and move the cursors, all in one
 * transaction. Exported for the `sync-ingest` benchmark, which times exactly this path.
 */
export function writeMapped(db: ParleyDB, mapped: MappedBatch, cursors: SyncCursor[]): Promise<{ written: number; removed: number; rejected: Rejected[] }> {
  return writeStreamPage(db, { batch: mapped.batch(), removals: mapped.removals(), cursors }, dropUnchanged)
}

class AccountSync {
  readonly diagnostics: SyncDiagnostics = { rejected: [], errors: [], retries: 0, disabledParts: [] }
  written = 0
  private readonly cursors = new Map<StreamObject, SyncCursor>()
  /** Newest SystemModstamp read per stream in this run. */
  private readonly seen: Partial<Record<StreamObject, number>> = {}
  private disabled = new Set<string>()
  private ctx!: MapContext
  /** Records read per object in this run, and the total Salesforce reported for it. */
  readonly progress: ProgressTally

  constructor(
    private readonly deps: SalesforceSyncDeps,
    private readonly client: SalesforceClient,
    private readonly org: string,
    private readonly accountId: string
  ) {
    this.progress = new ProgressTally(deps.onProgress)
  }

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

    // A stream that was paging when the worker stopped continues from its cursor; a locator that
    // expired meanwhile only means the fresh queries below re-read from the watermark.
    const resumed = STREAM_OBJECTS.flatMap((object) => {
      const url = this.cursors.get(object)?.nextPage
      return url ? [{ object, url }] : []
    })
    await this.pageStreams(resumed)
    for (let start = 0; start < MAX_STARTS; start++) {
      await this.checkPause()
      let lost: boolean
      try {
        lost = await this.pageStreams(await this.start())
      } catch (error) {
        // A locator lost while completing the tree's nested results (opportunities, cases): nothing
        // of the tree was written yet, so a fresh start reads it again.
        if (!(error instanceof SalesforceApiError && error.kind === "query-locator")) throw error
        lost = true
      }
      if (!lost) return
    }
    // Not "synced": the streams keep their watermarks, and the next sync reads on from there.
    this.diagnostics.errors.push(`Salesforce released this sync's query cursors ${MAX_STARTS} times; the rest comes on the next sync`)
  }

  /** Counts a written page's records (Salesforce's `totalSize`, when the answer has one). */
  private report(object: string, count: number, total: number | undefined): void {
    this.progress.add(object, count, typeof total === "number" ? total : undefined)
  }

  /** Between pages: stop when the rep paused (the cursors written so far resume the next sync). */
  private checkPause(): Promise<void> {
    return stopIfPaused(this.deps.isPaused)
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

  /** One page, the rows it reports deleted, and its cursors, in one transaction. */
  private async write(mapped: MappedBatch, cursors: SyncCursor[]): Promise<void> {
    const result = await writeMapped(this.deps.db, mapped, cursors)
    this.written += result.written + result.removed
    for (const r of result.rejected) {
      this.diagnostics.rejected.push({ id: r.recordKey ? parseRecordKey(r.recordKey)?.id : undefined, object: r.table, reason: r.reason })
    }
  }

  /** True (and remembered for the org) when Salesforce refused an optional part this org lacks. */
  private async dropOptionalPart(error: unknown): Promise<boolean> {
    const part = error instanceof SalesforceApiError && error.kind === "bad-query" ? optionalPartInError(error.message) : undefined
    if (!part || this.disabled.has(part)) return false
    this.disabled.add(part)
    this.diagnostics.disabledParts.push(part)
    await this.deps.db.meta.put({ key: capsKey(this.org), value: [...this.disabled] })
    return true
  }

  /**
   * The account tree, its Tasks and its Events from their watermarks, in one composite call, each
   * written as it is mapped. Returns the streams cut short by the batch size.
   */
  private async start(): Promise<Stream[]> {
    for (;;) {
      const plan = { watermarks: this.watermarks(), disabled: this.disabled }
      const answers = await this.client.getMany([
        queryPath(buildAccountQuery(this.accountId, plan), "queryAll"),
        ...ACTIVITY_OBJECTS.map((object) => queryPath(buildActivityQuery(object, this.accountId, plan), "queryAll"))
      ])
      const failed = answers.find((a): a is SalesforceApiError => a instanceof SalesforceApiError)
      if (failed) {
        if (await this.dropOptionalPart(failed)) continue
        throw failed
      }
      const pending = await this.accountTree(asQueryResult(answers[0]))
      for (const [i, object] of ACTIVITY_OBJECTS.entries()) {
        const next = await this.streamPage(object, asQueryResult(answers[i + 1]))
        if (next) pending.push({ object, url: next })
      }
      return pending
    }
  }

  /**
   * Fetches the rest of a nested result in memory, batch by batch, completing the child results of
   * each batch before asking for the next: "A queryMore() call on a parent object invalidates all
   * child cursors in the previous result set. If you need the results from the child, you must use
   * queryMore() on those results before using queryMore() on the parent results" (SOAP API
   * Developer Guide, "QueryLocator"; REST `nextRecordsUrl` is the same server-side cursor).
   */
  private async completeResult(value: QueryResult): Promise<void> {
    let page: QueryResult = value
    for (;;) {
      const batch = page === value ? [...value.records] : page.records
      await settleAll(batch.map((child) => this.completeNested(child, false)))
      if (page.done || !page.nextRecordsUrl) break
      page = asQueryResult(await this.client.get(page.nextRecordsUrl))
      value.records.push(...page.records)
    }
    value.done = true
    delete value.nextRecordsUrl
  }

  /** Completes every nested result of a record (for the account row: all but its leaf streams). */
  private async completeNested(record: unknown, isAccount: boolean): Promise<void> {
    const results = Object.entries(record as Record<string, unknown>).filter(
      (entry): entry is [string, QueryResult] => isQueryResult(entry[1]) && !(isAccount && ACCOUNT_RELATIONSHIPS[entry[0]]?.leaf)
    )
    await settleAll(results.map(([, value]) => this.completeResult(value)))
  }

  /** Maps and writes the account tree with the tree streams' cursors; returns its leaves cut short. */
  private async accountTree(result: QueryResult): Promise<Stream[]> {
    const account = result.records[0]
    if (!account) throw new SalesforceApiError("http", "This account is not visible to you in Salesforce", 404)
    await this.completeNested(account, true)
    const mapped = mapAccountTree(account, this.ctx)
    this.note(mapped)
    const cut: Stream[] = []
    const cursors = TREE_OBJECTS.map((object) => {
      const relationship = LEAF_RELATIONSHIP[object]
      const nested = relationship ? (account as Record<string, unknown>)[relationship] : undefined
      const previous = this.cursors.get(object)?.watermark
      if (!isQueryResult(nested) || nested.done || !nested.nextRecordsUrl) return this.cursor(object, max(previous, justBelow(this.seen[object])))
      cut.push({ object, url: nested.nextRecordsUrl })
      // Rows are ordered by SystemModstamp: every row before the last one's stamp is stored.
      const last = lastStamp(nested.records)
      return this.cursor(object, last === undefined ? previous : max(previous, last - 1), nested.nextRecordsUrl)
    })
    await this.write(mapped, cursors)
    this.report("Account", 1, result.totalSize)
    for (const [relationship, { object }] of Object.entries(ACCOUNT_RELATIONSHIPS)) {
      const nested = (account as Record<string, unknown>)[relationship]
      if (isQueryResult(nested)) this.report(object, nested.records.length, nested.totalSize)
    }
    return cut
  }

  /** Maps and writes one page of a stream with its cursor; returns its next page, if any. */
  private async streamPage(object: StreamObject, page: QueryResult): Promise<string | undefined> {
    const mapped = mapRecords(page.records, this.ctx)
    this.note(mapped)
    const previous = this.cursors.get(object)?.watermark
    const next = page.done ? undefined : page.nextRecordsUrl
    const cursor = next ? this.cursor(object, max(previous, (lastStamp(page.records) ?? 0) - 1), next) : this.cursor(object, max(previous, justBelow(this.seen[object])))
    await this.write(mapped, [cursor])
    this.report(object, page.records.length, page.totalSize)
    return next
  }

  /**
   * Pages streams to their ends, the next page of up to five streams in one call. True if a query
   * locator was lost (the stream then starts again from its watermark).
   */
  private async pageStreams(streams: Stream[]): Promise<boolean> {
    let active = streams
    let lost = false
    while (active.length) {
      await this.checkPause()
      const now = active.slice(0, QUERIES_PER_CALL)
      const answers = await this.client.getMany(now.map((s) => s.url))
      const next: Stream[] = [...active.slice(QUERIES_PER_CALL)]
      for (const [i, stream] of now.entries()) {
        const answer = answers[i]
        if (answer instanceof SalesforceApiError) {
          if (FATAL[answer.kind]) throw answer
          await this.deps.db.cursors.put(this.cursor(stream.object, this.cursors.get(stream.object)?.watermark))
          if (answer.kind === "query-locator") lost = true
          else this.diagnostics.errors.push(`${stream.object}: ${answer.message}`)
          continue
        }
        const url = await this.streamPage(stream.object, asQueryResult(answer))
        if (url) next.push({ object: stream.object, url })
      }
      active = next
    }
    return lost
  }
}

async function setStatus(db: ParleyDB, accountKey: string, status: SyncStatus): Promise<void> {
  await db.meta.put({ key: syncStatusKey(accountKey), value: status })
}

async function syncOnce(deps: SalesforceSyncDeps, org: string, accountId: string): Promise<SalesforceSyncResult> {
  const { db, now } = deps
  const accountKey = recordKey("salesforce", org, accountId)
  const retry: RetryPolicy = { maxRetries: deps.budget?.maxRetries ?? 3, backoffMs: deps.budget?.backoffMs ?? 1_000 }
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  // The org's one budget: every account sync, share and listing of the org shares its slots,
  // its daily count and its Retry-After hold.
  const limits = limitsFor("salesforce", { maxInFlight: deps.budget?.maxInFlight, daily: deps.budget?.dailyCalls })
  const budget = orgBudget("salesforce", org, { db, clock: { now, sleep }, limits })
  await setStatus(db, accountKey, { state: "syncing", message: SYNC_MESSAGES.syncing, at: now() })

  let state: SyncState = "synced"
  let message: string | undefined
  let client: SalesforceClient | undefined
  let sync: AccountSync | undefined
  let calls = 0
  let retries = 0
  const candidates = ((deps.getSessions ? await deps.getSessions().catch(() => []) : [await deps.getSession().catch(() => null)]) as (SalesforceSession | null)[]).filter(
    (s): s is SalesforceSession => !!s?.sid && isSalesforceHost(s.apiHost)
  )
  if (!candidates.length) state = "session-expired"
  // A stale cookie (an old My Domain's) is refused as an invalid session: the next one may hold.
  else
    state = await withEachSession(
      `${db.name}|${org}`,
      candidates,
      async (session): Promise<SyncState> => {
        const attempt = new SalesforceClient({ fetch: deps.fetch, now, sleep }, session, budget, retry)
        client = attempt
        const current = (sync = new AccountSync(deps, attempt, org, accountId))
        message = undefined
        try {
          await current.run()
          return current.diagnostics.errors.length ? "partial" : "synced"
        } catch (error) {
          if (error instanceof PausedSignal) return "paused"
          const kind = error instanceof SalesforceApiError ? error.kind : undefined
          const failed: SyncState = error instanceof StorageFullError ? "storage-full" : ((kind && FATAL[kind]) ?? "error")
          if (failed === "error" || failed === "storage-full") message = error instanceof Error ? error.message : String(error)
          current.diagnostics.errors.push(error instanceof Error ? error.message : String(error))
          return failed
        } finally {
          calls += attempt.calls
          retries += attempt.retries
        }
      },
      (outcome) => {
        const result = "value" in outcome ? outcome.value : "error"
        return result === "session-expired" ? "stale" : result === "offline" || result === "paused" ? "unknown" : "held"
      }
    )

  const diagnostics: SyncDiagnostics = sync?.diagnostics ?? { rejected: [], errors: [], retries: 0, disabledParts: [] }
  diagnostics.retries = retries
  diagnostics.apiUsage = client?.apiUsage
  const written = sync?.written ?? 0
  const status: SyncStatus = {
    state,
    message: message ?? SYNC_MESSAGES[state],
    at: now(),
    calls,
    written,
    rejected: diagnostics.rejected.length,
    apiUsage: diagnostics.apiUsage,
    ...(state === "paused" && sync?.progress.summary ? { progress: sync.progress.summary } : {})
  }
  await setStatus(db, accountKey, status)
  return { status, calls, written, rejected: diagnostics.rejected.length, diagnostics }
}

/**
 * Syncs one account's history. Concurrent calls for the same account share one run, unless the
 * running one started before `notBefore` (SyncHooks.notBefore): the call then runs after it. Never
 * throws for Salesforce or network trouble: the outcome is in `status` (and in `meta` for the panel).
 */
export function syncSalesforceAccount(deps: SalesforceSyncDeps, options: { org: string; accountId: string; notBefore?: number }): Promise<SalesforceSyncResult> {
  const accountId = toId18(options.accountId)
  if (!accountId || !accountId.startsWith("001")) {
    const status: SyncStatus = { state: "error", message: `Not a Salesforce account id: ${String(options.accountId).slice(0, 40)}`, at: deps.now() }
    return Promise.resolve({ status, calls: 0, written: 0, rejected: 0, diagnostics: { rejected: [], errors: [status.message!], retries: 0, disabledParts: [] } })
  }
  const key = `${deps.db.name}|${options.org}|${accountId}`
  return shareRun(running, key, { now: deps.now, ...(options.notBefore !== undefined ? { notBefore: options.notBefore } : {}) }, () => syncOnce(deps, options.org, accountId))
}

/** Exported for tests and the benchmark: the child results a response nests under a record. */
export { childRecords }
