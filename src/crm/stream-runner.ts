/**
 * What both CRM syncs do around each page of a stream, whatever the CRM (DESIGN.md
 * "src/crm/stream-runner.ts"): write the page with its cursors in one transaction, count its rows
 * into the sync's progress, and stop between pages when the rep paused. What a page is, how it is
 * fetched, mapped and where the next one starts stay with each CRM's sync (Salesforce pages
 * several streams per composite call and completes nested results; Dataverse follows one
 * nextLink per stream).
 */
import type { ParleyDB } from "../model/db"
import { HISTORY_TABLE_NAMES } from "../model/db"
import type { SyncCursor } from "../model/schema"
import { guardQuota, markStorageFull, removeRecords, StorageFullError, writeBatch, type HistoryBatch, type Rejected, type Removals } from "../model/store"
import { mergeProgress, type SyncProgress, type SyncProgressReport, type SyncState } from "../model/sync-status"
import type { SyncHooks } from "./contract"

/** Thrown between pages when the rep paused: every page read so far is written with its cursor. */
export class PausedSignal extends Error {
  override readonly name = "PausedSignal"
}

/** Between pages: stops the sync (PausedSignal) when the rep paused; its written cursors resume it. */
export async function stopIfPaused(isPaused: SyncHooks["isPaused"] | undefined): Promise<void> {
  if (await isPaused?.()) throw new PausedSignal("paused")
}

/**
 * Rows read in this run per object, and the total the CRM reported for it. An object may be read
 * by several streams (Dataverse activities: one per parent chunk, each its own scope): its total
 * is known once every stream registered for it has reported one.
 */
export class ProgressTally {
  private readonly objects = new Map<string, Map<string, { done: number; total?: number }>>()
  /** The counts as the panel's progress, kept on a paused status (what is known so far). */
  summary: SyncProgress | undefined

  constructor(private readonly onProgress?: SyncHooks["onProgress"]) {}

  /** Registers a stream before it runs, so its object's total waits for this stream's count. */
  register(object: string, scope: string = object): { done: number; total?: number } {
    let scopes = this.objects.get(object)
    if (!scopes) this.objects.set(object, (scopes = new Map()))
    let entry = scopes.get(scope)
    if (!entry) scopes.set(scope, (entry = { done: 0 }))
    return entry
  }

  /** Counts a written page's rows and tells the hook (a throwing hook never stops the sync). */
  add(object: string, rows: number, total: number | undefined, scope: string = object): void {
    const entry = this.register(object, scope)
    entry.done += rows
    if (total !== undefined) entry.total = total
    const all = [...this.objects.get(object)!.values()]
    const done = all.reduce((n, e) => n + e.done, 0)
    const sum = all.every((e) => e.total !== undefined) ? all.reduce((n, e) => n + e.total!, 0) : undefined
    const report: SyncProgressReport = { object, done, ...(sum !== undefined ? { total: sum } : {}) }
    this.summary = mergeProgress(this.summary, report)
    try {
      this.onProgress?.(report)
    } catch {
      // Progress is for the panel only: losing one report must not lose the page.
    }
  }
}

/** One mapped page of a stream and what moves with it. */
export interface StreamPage {
  batch: HistoryBatch
  /** Keys the CRM reported deleted on this page. */
  removals?: Removals
  /** The stream's cursor first; more when one page advances several streams (a Salesforce account tree). */
  cursors: SyncCursor[]
}

/**
 * Writes a page, its removals and its cursors in one transaction, so a worker stopped mid-sync
 * resumes at the stored cursor without a lost or doubled page. `keepChanged` drops rows whose
 * stored copy is the same (the CRM's own comparison), inside that transaction.
 */
export async function writeStreamPage(
  db: ParleyDB,
  page: StreamPage,
  keepChanged?: (db: ParleyDB, batch: HistoryBatch) => Promise<HistoryBatch>
): Promise<{ written: number; removed: number; rejected: Rejected[] }> {
  const [first, ...more] = page.cursors
  const removals = page.removals ?? {}
  const removes = HISTORY_TABLE_NAMES.some((t) => removals[t]?.length)
  try {
    // The plain case is writeBatch's own transaction (history tables and cursors).
    if (!keepChanged && !removes && !more.length) return { ...(await writeBatch(db, page.batch, first)), removed: 0 }
    const tables = [...HISTORY_TABLE_NAMES.map((t) => db.table(t)), db.cursors, db.profiles]
    return await guardQuota(() =>
      db.transaction("rw", tables, async () => {
        const batch = keepChanged ? await keepChanged(db, page.batch) : page.batch
        const r = await writeBatch(db, batch, first)
        if (more.length) await db.cursors.bulkPut(more)
        return { ...r, removed: await removeRecords(db, removals) }
      })
    )
  } catch (error) {
    // The page's transaction rolled back whole; the panel learns the browser is full.
    if (error instanceof StorageFullError) await markStorageFull(db, "sync", Date.now())
    throw error
  }
}

/** The ends of a run after which a queued run reads the CRM again: it answered. */
const FOLLOWED: ReadonlySet<SyncState> = new Set<SyncState>(["synced", "partial"])

/** One account's sync in this worker: when it started (undefined while it waits for the run
 * before it), whether it was forced, and its outcome. */
export interface AccountRun<T> {
  startedAt?: number
  forced: boolean
  done: Promise<T>
}

/** An account's latest run in this worker, by a key naming the database, org and account. */
export type AccountRuns<T> = Map<string, AccountRun<T>>

export interface RunRequest {
  now(): number
  /** Only a run that starts at or after this moment answers the call (SyncHooks.notBefore). */
  notBefore?: number
  /** Only a forced run answers the call (Dynamics' reconciliation runs only in a forced one). */
  forced?: boolean
}

/**
 * Runs an account's sync, or shares its latest run: a page reports its record several times while
 * it renders, and a second run beside the first doubles the requests (and a burst into a
 * Retry-After). A call shares the latest run when that run answers it: it has not started yet or
 * started at or after the call's `notBefore`, and is forced if the call is. Otherwise the call
 * runs after it, and the calls that come meanwhile share that next run. A run that started before
 * `notBefore` read the CRM before a change the rep may have just made (a record deleted): sharing
 * it would leave the change out until some later page view.
 */
export function shareRun<T extends { status: { state: SyncState } }>(runs: AccountRuns<T>, key: string, request: RunRequest, start: () => Promise<T>): Promise<T> {
  const latest = runs.get(key)
  const forced = request.forced === true
  const recentEnough = (run: AccountRun<T>) => run.startedAt === undefined || request.notBefore === undefined || run.startedAt >= request.notBefore
  if (latest && (latest.forced || !forced) && recentEnough(latest)) return latest.done
  // A run queued behind another starts when that one read the CRM to its end. After a pause the
  // rep asked for, or a failure the next run would meet at once (throttled, signed out, offline),
  // the run before answers the queued calls, as it did when they joined it.
  const after = (previous: T): T | Promise<T> => (FOLLOWED.has(previous.status.state) ? begin() : previous)
  const run: AccountRun<T> = latest ? { forced, done: latest.done.then(after, begin) } : { forced, startedAt: request.now(), done: start() }
  function begin(): Promise<T> {
    run.startedAt = request.now()
    return start()
  }
  run.done = run.done.finally(() => {
    if (runs.get(key) === run) runs.delete(key)
  })
  runs.set(key, run)
  return run.done
}
