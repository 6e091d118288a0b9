/**
 * Incremental Web API sync of one Dynamics account's history into the canonical model.
 *
 * Streams (one cursor each, `dynamics:<org>:<object>:<scope>`): account, contacts,
 * opportunities, quotes, cases, contracts (scope = the account id), then phone calls, emails,
 * appointments, tasks and notes regarding the account or its opportunities (scope = account id +
 * a hash of the parent chunk). Each stream asks `… and modifiedon gt <watermark>` ordered by
 * `modifiedon asc` and follows `@odata.nextLink` as is. Every page is written with its cursor
 * (watermark + the next page link) in ONE `writeBatch` transaction, so a worker killed mid-way
 * resumes at the stored page and never duplicates (keys are deterministic anyway).
 *
 * Dependent rows are fetched with the page they belong to, because a change to them changes the
 * parent's `modifiedon`: quote lines with their quote (line edits recalculate the quote totals),
 * opportunityclose with a closed opportunity, incidentresolution with a resolved case.
 *
 * The watermark after a complete query is the server time of its first answer minus 1 s (every
 * row modified before the query started has been seen, including the same second's), falling
 * back to the newest `modifiedon` seen. A re-visit therefore asks only `modifiedon gt` queries.
 *
 * Deletions: a deleted row never shows up in a `modifiedon gt` query. Dataverse change tracking
 * (`Prefer: odata.track-changes`, delta links with `$deletedEntity` entries) would report it, but
 * it is no fit here: it is enabled per table by an administrator and cannot be turned off again,
 * it refuses `$filter`, `$orderby`, `$expand` and `$top` (so a delta is the whole org's table, not
 * one account's rows), it needs organization-level read access, and its tokens expire after 7
 * days ("Use change tracking to synchronize data with external systems"). What holds on every org
 * is an id reconciliation: per stream, the same parent filter with `$select=<primary id>` only,
 * 5,000 ids a page, compared with the ids stored for that account; what Dataverse no longer
 * returns (deleted, or moved to another account) is removed locally (store.ts `removeRecords`),
 * with the quote lines of removed quotes; an account that is gone takes its whole history along.
 * It runs on a forced sync ("Sync now") and otherwise at most every RECONCILE_INTERVAL_MS per
 * account, so ordinary re-visits stay incremental; the first complete sync is the baseline. Quote
 * lines deleted from a quote that still exists go when the quote is re-read (its totals change).
 */
import Dexie from "dexie"
import type { ParleyDB } from "../../model/db"
import { cursorKey, orgKey, recordKey } from "../../model/keys"
import { Org, Quote, type SyncCursor } from "../../model/schema"
import { StorageFullError, removeRecords, type HistoryBatch, type HistoryTableName, type Rejected } from "../../model/store"
import { limitsFor, orgBudget } from "../request-budget"
import { DataverseClient, anyOf, DataverseError, PRIVILEGE_DENIED, PageGoneError, SessionExpiredError, ThrottledError, type FetchLike, type Row } from "./api"
import * as map from "./map"
import { syncStatusKey, type SyncStatus } from "../../model/sync-status"
import { PausedSignal, ProgressTally, shareRun, stopIfPaused, writeStreamPage, type AccountRuns } from "../stream-runner"
import type { SyncHooks } from "../contract"

export interface DynamicsSyncDeps {
  fetch: FetchLike
  /** The org URL (what Xrm's getClientUrl() returns) or the Web API root. */
  baseUrl: string
  db: ParleyDB
  now(): number
  sleep?: (ms: number) => Promise<void>
  /** `Prefer: odata.maxpagesize` (Dataverse allows up to 5000). */
  pageSize?: number
  /** The request window; default plasmo.config.ts API_LIMITS.dynamics.window. */
  budget?: { maxRequests: number; windowMs: number }
  /** Compare the account's ids with Dataverse now (a forced sync); otherwise every RECONCILE_INTERVAL_MS. */
  reconcile?: boolean
  /** The worker's running syncs (module state by default; a restarted worker starts empty). */
  running?: RunningSyncs
  /** A running sync of the account that started before this (epoch ms) does not answer the call. */
  notBefore?: SyncHooks["notBefore"]
  /** After each page: the object's rows read in this run and Dataverse's `@odata.count`. */
  onProgress?: SyncHooks["onProgress"]
  /** Asked between pages: true stops the sync with its cursors kept ("paused"). */
  isPaused?: SyncHooks["isPaused"]
}

/** The shared per-account status (src/model/sync-status.ts). */
export type DynamicsSyncStatus = SyncStatus

export interface SyncDiagnostic {
  object: string
  kind: "http" | "rejected" | "skipped" | "paging" | "error"
  message: string
  status?: number
  code?: string
  recordKey?: string
}

export interface DynamicsSyncResult {
  status: DynamicsSyncStatus
  /** HTTP requests made (429 answers included). */
  calls: number
  written: number
  rejected: number
  /** Local records removed because Dataverse no longer has them for this account. */
  deleted: number
  diagnostics: SyncDiagnostic[]
}

export const DEFAULT_PAGE_SIZE = 500
/** How often a re-visit compares the account's ids with Dataverse (deletions), besides "Sync now". */
export const RECONCILE_INTERVAL_MS = 6 * 3_600_000
/** Ids per page of a reconciliation query (Dataverse's maximum page size). */
const RECONCILE_PAGE_SIZE = 5_000
/** SyncCursor.nextPage is capped at this length; longer links are followed but not stored. */
const MAX_STORED_LINK = 2_048
/** Ids per `or` filter of a dependent query: URLs stay near 2 KB. */
const ID_CHUNK = 25
/** Parents (account + opportunities) per activity cursor; a new opportunity re-reads one chunk. */
const PARENT_CHUNK = 10
const MAX_DIAGNOSTICS = 100
const CURRENCY = "transactioncurrencyid($select=isocurrencycode)"

interface Stream {
  object: string
  scope: string
  set: string
  select: string[]
  expand?: string
  /** The parent condition; the watermark condition is added to it. */
  filter: string
  mapPage(rows: Row[]): Promise<HistoryBatch>
}

interface Run {
  org: string
  accountId: string
  db: ParleyDB
  client: DataverseClient
  now: () => number
  pageSize: number
  written: number
  rejected: number
  deleted: number
  diagnostics: SyncDiagnostic[]
  isPaused?: SyncHooks["isPaused"]
  /** Rows read in this run per object, per stream scope (activity objects have one per parent chunk). */
  progress: ProgressTally
}

const PAUSED_MESSAGE = "Paused: Sync now continues where it stopped"

const isoSeconds = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z")
const chunks = <T>(items: T[], size: number) => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size))

/** FNV-1a, 32 bit: a short stable name for a set of parent ids. */
function hash(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return (h >>> 0).toString(16).padStart(8, "0")
}

function diagnose(run: Run, d: SyncDiagnostic) {
  if (run.diagnostics.length < MAX_DIAGNOSTICS) run.diagnostics.push(d)
}

async function write(run: Run, object: string, batch: HistoryBatch, cursor: SyncCursor) {
  const { written, rejected } = await writeStreamPage(run.db, { batch, cursors: [cursor] })
  run.written += written
  run.rejected += rejected.length
  for (const r of rejected as Rejected[]) diagnose(run, { object, kind: "rejected", recordKey: r.recordKey, message: `${r.table}: ${r.reason}`.slice(0, 500) })
}

/** Rows of `set` whose `column` is one of `ids`, every page. */
async function byIds(run: Run, set: string, select: string, column: string, ids: string[]): Promise<Row[]> {
  const rows: Row[] = []
  for (const chunk of chunks(ids, ID_CHUNK)) {
    rows.push(...(await run.client.all(run.client.url(`${set}?$select=${select}&$filter=${encodeURIComponent(anyOf(column, chunk))}`), run.pageSize)))
  }
  return rows
}

/** Counts a page's rows: the object's sum, with a total once every stream of it has one. */
function report(run: Run, s: Stream, rows: number, count: number | undefined) {
  // At the 5,000 cap the count says "at least": the total is then unknown, not wrong.
  run.progress.add(s.object, rows, count !== undefined && count < 5_000 ? count : undefined, s.scope)
}

const sameCursor = (a: SyncCursor | undefined, b: SyncCursor) => !!a && a.watermark === b.watermark && a.nextPage === b.nextPage

async function runStream(run: Run, s: Stream): Promise<void> {
  const key = cursorKey("dynamics", run.org, s.object, s.scope)
  const cursor = await run.db.cursors.get(key)
  const fresh = () => {
    const filter = cursor?.watermark === undefined ? s.filter : `(${s.filter}) and modifiedon gt ${isoSeconds(cursor.watermark)}`
    const expand = s.expand ? `&$expand=${s.expand}` : ""
    // $count=true: Dataverse's own total for the progress; the nextLink keeps it.
    return run.client.url(`${s.set}?$count=true&$select=${s.select.join(",")}${expand}&$filter=${encodeURIComponent(filter)}&$orderby=${encodeURIComponent("modifiedon asc")}`)
  }
  let url = cursor?.nextPage ?? fresh()
  let resumed = !!cursor?.nextPage
  let startedAt: number | undefined
  let maxSeen: number | undefined
  let first = true
  for (;;) {
    let page
    try {
      page = await run.client.page(url, run.pageSize)
    } catch (e) {
      // A stored page link the server no longer accepts (expired paging cookie): query again.
      if (resumed && e instanceof DataverseError && e.status === 400) {
        diagnose(run, { object: s.object, kind: "paging", status: 400, code: e.code, message: "Stored page link refused; restarting the query from the watermark" })
        url = fresh()
        resumed = false
        continue
      }
      throw e
    }
    if (first && !resumed) startedAt = page.serverTime
    first = false
    for (const row of page.value) {
      const t = map.time(row.modifiedon)
      if (t !== undefined && !Number.isNaN(t)) maxSeen = Math.max(maxSeen ?? t, t)
    }
    const batch = await s.mapPage(page.value)
    const done = !page.nextLink
    if (page.nextLink && page.nextLink.length > MAX_STORED_LINK) {
      diagnose(run, { object: s.object, kind: "paging", message: "Page link too long to store; an interruption restarts this query" })
    }
    let watermark = cursor?.watermark
    if (done) {
      // Without the server's time, the newest modifiedon read minus 1 s: modifiedon has whole
      // seconds, and a row saved later in that same second must still match `modifiedon gt`.
      const newest = maxSeen === undefined ? undefined : maxSeen - 1_000
      const candidate = startedAt !== undefined ? startedAt - 1_000 : newest !== undefined && page.serverTime !== undefined ? Math.min(newest, page.serverTime - 1_000) : (newest ?? (page.serverTime !== undefined ? page.serverTime - 1_000 : undefined))
      if (candidate !== undefined) watermark = Math.max(watermark ?? 0, Math.floor(candidate / 1000) * 1000)
    }
    const next: SyncCursor = { key, crm: "dynamics", org: run.org, object: s.object, scope: s.scope, updatedAt: run.now() }
    if (watermark !== undefined) next.watermark = watermark
    if (!done && page.nextLink!.length <= MAX_STORED_LINK) next.nextPage = page.nextLink
    const hasRows = Object.values(batch).some((rows) => Array.isArray(rows) && rows.length)
    if (hasRows || !sameCursor(cursor, next)) await write(run, s.object, batch, next)
    report(run, s, page.value.length, page.count)
    if (done) return
    await stopIfPaused(run.isPaused)
    url = page.nextLink!
    resumed = false
  }
}

function accountStreams(run: Run): Stream[] {
  const { accountId } = run
  const ctx = (): map.MapContext => ({ org: run.org, accountId, seenAt: run.now() })
  return [
    {
      object: "account",
      scope: accountId,
      set: "accounts",
      select: ["accountid", "name", "industrycode", "customertypecode", "revenue", "_ownerid_value", "createdon", "modifiedon"],
      expand: CURRENCY,
      filter: `accountid eq ${accountId}`,
      mapPage: async (rows) => ({ accounts: rows.map((r) => map.mapAccount(r, ctx())) })
    },
    {
      object: "contact",
      scope: accountId,
      set: "contacts",
      select: ["contactid", "fullname", "firstname", "lastname", "jobtitle", "emailaddress1", "telephone1", "modifiedon"],
      filter: `_parentcustomerid_value eq ${accountId}`,
      mapPage: async (rows) => ({ contacts: rows.map((r) => map.mapContact(r, ctx())) })
    },
    {
      object: "opportunity",
      scope: accountId,
      set: "opportunities",
      select: ["opportunityid", "name", "estimatedvalue", "actualvalue", "estimatedclosedate", "actualclosedate", "statecode", "statuscode", "stepname", "description", "createdon", "modifiedon"],
      expand: CURRENCY,
      filter: `_parentaccountid_value eq ${accountId} or _customerid_value eq ${accountId}`,
      mapPage: async (rows) => {
        const closed = rows.filter((r) => r.statecode !== 0 && typeof r.opportunityid === "string").map((r) => r.opportunityid as string)
        const closes = map.closeInfo(closed.length ? await byIds(run, "opportunitycloses", "description,actualend,_opportunityid_value,_competitorid_value", "_opportunityid_value", closed) : [])
        return { deals: rows.map((r) => map.mapDeal(r, ctx(), closes.get(String(r.opportunityid).toLowerCase()))) }
      }
    },
    {
      object: "quote",
      scope: accountId,
      set: "quotes",
      select: ["quoteid", "name", "quotenumber", "_opportunityid_value", "statecode", "statuscode", "totalamount", "discountpercentage", "createdon", "modifiedon"],
      expand: CURRENCY,
      filter: `_customerid_value eq ${accountId}`,
      mapPage: async (rows) => {
        const quotes = rows.map((r) => map.mapQuote(r, ctx()))
        const ids = rows.map((r) => r.quoteid).filter((id): id is string => typeof id === "string")
        const lines = ids.length
          ? await byIds(run, "quotedetails", "quotedetailid,_quoteid_value,_productid_value,productdescription,isproductoverridden,quantity,priceperunit,baseamount,manualdiscountamount,volumediscountamount,modifiedon", "_quoteid_value", ids)
          : []
        const quoteLines = lines.map((r) => map.mapQuoteLine(r, ctx()))
        // A line deleted from a quote changes the quote's totals, so the quote is here again:
        // its stored lines that Dataverse no longer lists are gone.
        const fresh = new Set(quoteLines.map((l) => l.key))
        const stored = quotes.length ? ((await run.db.quoteLines.where("quoteKey").anyOf(quotes.map((q) => q.key)).primaryKeys()) as string[]) : []
        await remove(run, "quoteLines", stored.filter((k) => !fresh.has(k)))
        return { quotes: await renumber(run, quotes), quoteLines }
      }
    },
    {
      object: "incident",
      scope: accountId,
      set: "incidents",
      select: ["incidentid", "title", "ticketnumber", "description", "casetypecode", "caseorigincode", "prioritycode", "isescalated", "_subjectid_value", "statecode", "statuscode", "createdon", "modifiedon"],
      filter: `_customerid_value eq ${accountId}`,
      mapPage: async (rows) => {
        const resolved = rows.filter((r) => r.statecode === 1 && typeof r.incidentid === "string").map((r) => r.incidentid as string)
        const resolutions = resolved.length ? await byIds(run, "incidentresolutions", "actualend,createdon,_incidentid_value", "_incidentid_value", resolved) : []
        const resolvedAt = new Map<string, number>()
        for (const r of resolutions) {
          const at = map.time(r.actualend ?? r.createdon)
          const id = String(r._incidentid_value).toLowerCase()
          if (at !== undefined && !Number.isNaN(at)) resolvedAt.set(id, Math.max(resolvedAt.get(id) ?? at, at))
        }
        return { cases: rows.map((r) => map.mapCase(r, ctx(), resolvedAt.get(String(r.incidentid).toLowerCase()))) }
      }
    },
    {
      object: "contract",
      scope: accountId,
      set: "contracts",
      select: ["contractid", "title", "contractnumber", "activeon", "expireson", "totalprice", "contractlanguage", "statecode", "statuscode", "modifiedon"],
      filter: `_customerid_value eq ${accountId}`,
      mapPage: async (rows) => ({ contracts: rows.map((r) => map.mapContract(r, ctx())) })
    }
  ]
}

/** Page quotes get their revision among every stored quote of the same deal; shifted ones are re-put. */
async function renumber(run: Run, quotes: Quote[]): Promise<Quote[]> {
  const valid = quotes.filter((q) => Quote.safeParse(q).success)
  const dealKeys = [...new Set(valid.map((q) => q.dealKey).filter((k): k is string => !!k))]
  const stored = dealKeys.length ? await run.db.quotes.where("dealKey").anyOf(dealKeys).toArray() : []
  const all = new Map(stored.map((q) => [q.key, q]))
  for (const q of valid) all.set(q.key, q)
  const revisions = map.numberRevisions([...all.values()])
  const out = quotes.map((q) => ({ ...q, revision: revisions.get(q.key) ?? 1 }))
  const pageKeys = new Set(quotes.map((q) => q.key))
  for (const q of stored) {
    const revision = revisions.get(q.key)
    if (!pageKeys.has(q.key) && revision !== undefined && revision !== q.revision) out.push({ ...q, revision })
  }
  return out
}

const ACTIVITY_STREAMS: { table: map.ActivityTable; set: string; select: string[]; parent: string }[] = [
  { table: "phonecall", set: "phonecalls", select: ["activityid", "subject", "description", "directioncode", "actualend", "scheduledend", "createdon", "modifiedon", "_regardingobjectid_value", "isworkflowcreated"], parent: "_regardingobjectid_value" },
  { table: "email", set: "emails", select: ["activityid", "subject", "description", "directioncode", "senton", "actualend", "createdon", "modifiedon", "_regardingobjectid_value", "isworkflowcreated"], parent: "_regardingobjectid_value" },
  { table: "appointment", set: "appointments", select: ["activityid", "subject", "description", "actualstart", "scheduledstart", "createdon", "modifiedon", "_regardingobjectid_value", "isworkflowcreated"], parent: "_regardingobjectid_value" },
  { table: "task", set: "tasks", select: ["activityid", "subject", "description", "actualend", "scheduledend", "createdon", "modifiedon", "_regardingobjectid_value", "isworkflowcreated"], parent: "_regardingobjectid_value" },
  { table: "annotation", set: "annotations", select: ["annotationid", "subject", "notetext", "filename", "createdon", "modifiedon", "_objectid_value"], parent: "_objectid_value" }
]

/**
 * The records an activity of the account can be "regarding", in chunks (one cursor each): the
 * account and its opportunities (oldest first, so a new one appends a chunk), then its cases and
 * contacts. Dataverse sets `regardingobjectid` to the one record the activity was logged on; a
 * call about a support case, or an email tracked on a contact, is not regarding the account, and
 * the Unified Interface shows it on the account's timeline only through that record. Cases and
 * contacts get chunks of their own, so a new one does not re-read the deals' chunks; chunks stay at
 * PARENT_CHUNK ids so a page link (filter included) stays short enough to store as the cursor.
 * Shared with the id reconciliation, which must ask the same parents.
 */
async function activityParents(run: Run): Promise<{ parents: string[][]; dealIds: Set<string> }> {
  const accountKey = recordKey("dynamics", run.org, run.accountId)
  const idOf = (key: string) => key.slice(key.lastIndexOf(":") + 1)
  const deals = await run.db.deals.where("[accountKey+createdAt]").between([accountKey, Dexie.minKey], [accountKey, Dexie.maxKey]).toArray()
  const cases = (await byAccountRange(run, "cases", "[accountKey+openedAt]")()).map(idOf).sort()
  const contacts = (await byAccount(run, "contacts")()).map(idOf).sort()
  return {
    parents: [...chunks([run.accountId, ...deals.map((d) => d.id)], PARENT_CHUNK), ...chunks([...cases, ...contacts], PARENT_CHUNK)],
    dealIds: new Set(deals.map((d) => d.id))
  }
}

/** Activity streams over every parent chunk (activityParents). */
async function activityStreams(run: Run): Promise<{ streams: Stream[]; scopes: Map<string, Set<string>> }> {
  const { parents, dealIds } = await activityParents(run)
  const streams: Stream[] = []
  const scopes = new Map<string, Set<string>>()
  for (const spec of ACTIVITY_STREAMS) {
    const used = new Set<string>()
    scopes.set(spec.table, used)
    for (const chunk of parents) {
      const scope = `${run.accountId}~${hash(chunk.join(","))}`
      used.add(scope)
      streams.push({
        object: spec.table,
        scope,
        set: spec.set,
        select: spec.select,
        filter: anyOf(spec.parent, chunk),
        // Parley's own shared snapshots are notes too; they are not part of the relationship.
        mapPage: async (rows) => ({
          interactions: rows.filter((r) => !isParleySnapshotNote(r)).map((r) => map.mapActivity(spec.table, r, { org: run.org, accountId: run.accountId, seenAt: run.now(), dealIds }))
        })
      })
    }
  }
  return { streams, scopes }
}

/** Cursors of parent chunks that no longer exist (an opportunity was added): forget them. */
async function dropStaleCursors(run: Run, scopes: Map<string, Set<string>>) {
  for (const [object, used] of scopes) {
    const prefix = cursorKey("dynamics", run.org, object, `${run.accountId}~`)
    const stale = (await run.db.cursors.where("key").startsWith(prefix).primaryKeys()).filter((k) => !used.has(k.slice(k.lastIndexOf(":") + 1)))
    if (stale.length) await run.db.cursors.bulkDelete(stale)
  }
}

interface Outcome {
  expired?: SessionExpiredError
  gone?: PageGoneError
  throttled?: ThrottledError
  storageFull?: StorageFullError
  paused?: boolean
  failed: number
  ok: number
}

async function runAll(run: Run, streams: Stream[], outcome: Outcome) {
  for (const s of streams) run.progress.register(s.object, s.scope)
  const settled = await Promise.allSettled(streams.map((s) => runStream(run, s)))
  settled.forEach((result, i) => {
    const object = streams[i]!.object
    if (result.status === "fulfilled") {
      outcome.ok++
      return
    }
    const e = result.reason as Error
    if (e instanceof PausedSignal) outcome.paused = true
    else if (e instanceof StorageFullError) outcome.storageFull ??= e
    else if (e instanceof SessionExpiredError) outcome.expired ??= e
    else if (e instanceof PageGoneError) outcome.gone ??= e
    else if (e instanceof ThrottledError) outcome.throttled ??= e
    else if (e instanceof DataverseError && e.code === PRIVILEGE_DENIED) {
      outcome.ok++
      diagnose(run, { object, kind: "skipped", status: e.status, code: e.code, message: `No read access: ${e.message}` })
    } else if (e instanceof DataverseError) {
      outcome.failed++
      diagnose(run, { object, kind: "http", status: e.status, code: e.code, message: e.message })
    } else {
      outcome.failed++
      diagnose(run, { object, kind: "error", message: String(e?.message ?? e).slice(0, 500) })
    }
  })
}

/** What one stream's rows are stored as, for the id reconciliation. */
interface Reconciled {
  object: string
  set: string
  id: string
  filter: string
  table: HistoryTableName
  /** Keys stored for this account that this query is the authority for. */
  local(): Promise<string[]>
}

const byAccount = (run: Run, table: HistoryTableName) => () => run.db.table(table).where("accountKey").equals(recordKey("dynamics", run.org, run.accountId)).primaryKeys() as Promise<string[]>
const byAccountRange = (run: Run, table: HistoryTableName, index: string, keep: (row: { sourceObject?: string }) => boolean = () => true) => async () => {
  const accountKey = recordKey("dynamics", run.org, run.accountId)
  const rows = (await run.db.table(table).where(index).between([accountKey, Dexie.minKey], [accountKey, Dexie.maxKey]).toArray()) as { key: string; sourceObject?: string }[]
  return rows.filter(keep).map((r) => r.key)
}

/** Every primary id Dataverse returns for `filter`, 5,000 a page. */
async function remoteIds(run: Run, set: string, id: string, filter: string): Promise<Set<string>> {
  const rows = await run.client.all(run.client.url(`${set}?$select=${id}&$filter=${encodeURIComponent(filter)}`), RECONCILE_PAGE_SIZE)
  return new Set(rows.map((r) => String(r[id]).toLowerCase()))
}

async function reconcileIfDue(run: Run, forced: boolean, outcome: Outcome): Promise<void> {
  const key = cursorKey("dynamics", run.org, "reconcile", run.accountId)
  const last = await run.db.cursors.get(key)
  const mark = () => run.db.cursors.put({ key, crm: "dynamics", org: run.org, object: "reconcile", scope: run.accountId, updatedAt: run.now() })
  // The first complete sync read everything there is: it is the baseline, nothing to compare.
  if (!last) return void (await mark())
  if (!forced && run.now() - last.updatedAt < RECONCILE_INTERVAL_MS) return
  try {
    await reconcile(run)
    await mark()
  } catch (e) {
    if (e instanceof SessionExpiredError) outcome.expired ??= e
    else if (e instanceof PageGoneError) outcome.gone ??= e
    else if (e instanceof ThrottledError) outcome.throttled ??= e
    else if (e instanceof StorageFullError) outcome.storageFull ??= e
    else diagnose(run, { object: "reconcile", kind: e instanceof DataverseError ? "http" : "error", message: `Deleted records not checked: ${String((e as Error)?.message ?? e).slice(0, 300)}` })
  }
}

async function remove(run: Run, table: HistoryTableName, keys: string[]) {
  // Not `run.deleted += await …`: that reads the count before the await and loses parallel removals.
  const removed = await removeRecords(run.db, { [table]: keys })
  run.deleted += removed
}

async function reconcile(run: Run): Promise<void> {
  const { accountId } = run
  const accountKey = recordKey("dynamics", run.org, accountId)
  const account = await remoteIds(run, "accounts", "accountid", `accountid eq ${accountId}`)
  if (!account.has(accountId)) {
    // The account itself is gone: so is everything Parley kept about it.
    for (const table of ["contacts", "interactions", "deals", "quotes", "quoteLines", "cases", "contracts"] as const) {
      const index = table === "interactions" ? "[accountKey+at]" : table === "deals" || table === "quotes" ? "[accountKey+createdAt]" : table === "cases" ? "[accountKey+openedAt]" : null
      await remove(run, table, await (index ? byAccountRange(run, table, index)() : byAccount(run, table)()))
    }
    await remove(run, "accounts", [accountKey])
    return
  }
  const streams: Reconciled[] = [
    { object: "contact", set: "contacts", id: "contactid", filter: `_parentcustomerid_value eq ${accountId}`, table: "contacts", local: byAccount(run, "contacts") },
    { object: "opportunity", set: "opportunities", id: "opportunityid", filter: `_parentaccountid_value eq ${accountId} or _customerid_value eq ${accountId}`, table: "deals", local: byAccountRange(run, "deals", "[accountKey+createdAt]") },
    { object: "quote", set: "quotes", id: "quoteid", filter: `_customerid_value eq ${accountId}`, table: "quotes", local: byAccountRange(run, "quotes", "[accountKey+createdAt]") },
    { object: "incident", set: "incidents", id: "incidentid", filter: `_customerid_value eq ${accountId}`, table: "cases", local: byAccountRange(run, "cases", "[accountKey+openedAt]") },
    { object: "contract", set: "contracts", id: "contractid", filter: `_customerid_value eq ${accountId}`, table: "contracts", local: byAccount(run, "contracts") }
  ]
  // Activities: the same parent chunks as their streams (a parent's activities that Dataverse
  // deleted with it are then simply not returned).
  const { parents } = await activityParents(run)
  const activities = ACTIVITY_STREAMS.map((spec) => ({ spec, local: byAccountRange(run, "interactions", "[accountKey+at]", (r) => r.sourceObject === spec.table) }))
  const removedQuotes: string[] = []
  await Promise.all([
    ...streams.map(async (s) => {
      const remote = await remoteIds(run, s.set, s.id, s.filter)
      const gone = (await s.local()).filter((k) => !remote.has(k.slice(k.lastIndexOf(":") + 1)))
      if (s.table === "quotes") removedQuotes.push(...gone)
      await remove(run, s.table, gone)
    }),
    ...activities.map(async ({ spec, local }) => {
      const remote = new Set<string>()
      const id = spec.table === "annotation" ? "annotationid" : "activityid"
      for (const chunk of parents) for (const r of await remoteIds(run, spec.set, id, anyOf(spec.parent, chunk))) remote.add(r)
      await remove(run, "interactions", (await local()).filter((k) => !remote.has(k.slice(k.lastIndexOf(":") + 1))))
    })
  ])
  if (removedQuotes.length) await remove(run, "quoteLines", (await run.db.quoteLines.where("quoteKey").anyOf(removedQuotes).primaryKeys()) as string[])
}

/** Syncs running in this worker, by database, org and account. */
export type RunningSyncs = AccountRuns<DynamicsSyncResult>
const RUNNING: RunningSyncs = new Map()

/**
 * Syncs one account. A call for an account that is already syncing shares that run (shareRun):
 * unless it is forced ("Sync now" reconciles; only a forced run answers it) or the running one
 * started before `notBefore`, and then it runs after it.
 */
export function syncDynamicsAccount(deps: DynamicsSyncDeps, target: { org: string; accountId: string }): Promise<DynamicsSyncResult> {
  const key = `${deps.db.name}|${target.org}|${target.accountId.toLowerCase().replace(/^\{|\}$/g, "")}`
  const request = { now: deps.now, forced: deps.reconcile === true, ...(deps.notBefore !== undefined ? { notBefore: deps.notBefore } : {}) }
  return shareRun(deps.running ?? RUNNING, key, request, () => syncOnce(deps, target))
}

async function syncOnce(deps: DynamicsSyncDeps, target: { org: string; accountId: string }): Promise<DynamicsSyncResult> {
  const org = target.org
  const accountId = target.accountId.toLowerCase().replace(/^\{|\}$/g, "")
  const accountKey = recordKey("dynamics", org, accountId)
  // The org's one budget, persisted per request: a restarted worker keeps counting.
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  const budget = orgBudget("dynamics", org, { db: deps.db, clock: { now: deps.now, sleep }, limits: limitsFor("dynamics", deps.budget ? { window: deps.budget } : {}) })
  const client = new DataverseClient({ fetch: deps.fetch, baseUrl: deps.baseUrl, now: deps.now, sleep, budget })
  const run: Run = { org, accountId, db: deps.db, client, now: deps.now, pageSize: deps.pageSize ?? DEFAULT_PAGE_SIZE, written: 0, rejected: 0, deleted: 0, diagnostics: [], isPaused: deps.isPaused, progress: new ProgressTally(deps.onProgress) }
  const outcome: Outcome = { failed: 0, ok: 0 }

  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(accountId)) {
    return finish(run, { state: "error", message: "Not a Dynamics record id", at: deps.now() }, accountKey)
  }
  // Dynamics (or the request budget) asked for a pause that has not passed: no request now.
  const last = (await deps.db.meta.get(syncStatusKey(accountKey)))?.value as SyncStatus | undefined
  if (last?.state === "rate-limited" && typeof last.retryAt === "number" && last.retryAt > deps.now()) {
    return finish(run, { state: "rate-limited", message: last.message, retryAt: last.retryAt, at: deps.now() }, accountKey)
  }
  const orgRow = Org.safeParse({ key: orgKey("dynamics", org), crm: "dynamics", org, host: new URL(client.root).host, seenAt: deps.now() })
  if (orgRow.success) await deps.db.orgs.put(orgRow.data)

  const halted = () => !!(outcome.expired || outcome.throttled || outcome.gone || outcome.storageFull || outcome.paused)
  // Between phases too: a phase whose streams all fit one page never asks between its pages.
  const pauseHere = async () => {
    if (!halted() && (await deps.isPaused?.())) outcome.paused = true
  }
  // The account row alone first: an expired session, a closed tab or a throttled org then costs
  // one request instead of a burst of four, and its Retry-After holds every request after it.
  const [account, ...others] = accountStreams(run)
  await runAll(run, [account!], outcome)
  await pauseHere()
  if (!halted()) await runAll(run, others, outcome)
  await pauseHere()
  if (!halted()) {
    const { streams, scopes } = await activityStreams(run)
    const before = outcome.failed
    await runAll(run, streams, outcome)
    if (outcome.failed === before && !halted()) await dropStaleCursors(run, scopes)
  }
  await pauseHere()
  if (!halted() && !outcome.failed) await reconcileIfDue(run, deps.reconcile === true, outcome)

  const at = deps.now()
  const status: DynamicsSyncStatus = outcome.storageFull
    ? { state: "storage-full", message: outcome.storageFull.message, at }
    : outcome.expired
    ? { state: "session-expired", message: "Sign in to Dynamics again", at }
    : outcome.gone
    ? { state: "offline", message: outcome.gone.message, at }
    : outcome.throttled
      ? { state: "rate-limited", message: `${outcome.throttled.message}; syncing resumes after ${new Date(outcome.throttled.retryAt).toISOString()}`, retryAt: outcome.throttled.retryAt, at }
      : outcome.failed
        ? { state: outcome.ok ? "partial" : "error", message: `${outcome.failed} of ${outcome.failed + outcome.ok} parts failed; see diagnostics`, at }
        : { state: "synced", at }
  // A pause outranks the parts that failed before it (Sync now retries them), not a stop Dataverse caused.
  if (outcome.paused && !outcome.storageFull && !outcome.expired && !outcome.gone && !outcome.throttled) {
    return finish(run, { state: "paused", message: PAUSED_MESSAGE, at, ...(run.progress.summary ? { progress: run.progress.summary } : {}) }, accountKey)
  }
  return finish(run, status, accountKey)
}

async function finish(run: Run, status: DynamicsSyncStatus, accountKey: string): Promise<DynamicsSyncResult> {
  const result: DynamicsSyncResult = { status, calls: run.client.calls, written: run.written, rejected: run.rejected, deleted: run.deleted, diagnostics: run.diagnostics }
  const stored: SyncStatus = { ...status, calls: result.calls, written: result.written, rejected: result.rejected }
  await run.db.meta.put({ key: syncStatusKey(accountKey), value: stored })
  return result
}

/** A note Parley attached when a team lead shared a snapshot (src/snapshots/filename.ts). */
export function isParleySnapshotNote(row: Row): boolean {
  return typeof row.filename === "string" && row.filename.startsWith("parley-")
}
