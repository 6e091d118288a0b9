/**
 * Writes and reads over the canonical model. Every write is one transaction: a page of API
 * results and the cursor that says it is stored commit together, so a killed service worker
 * either has the whole page and the moved cursor, or neither (then it re-fetches the page).
 */
import Dexie from "dexie"
import { PAGE_RECORD_BUDGET } from "../../plasmo.config"
import type { ParleyDB } from "./db"
import { HISTORY_TABLE_NAMES, pageRecordBytes } from "./db"
import { orgKey } from "./keys"
import { teamRefreshKey } from "../team/keys"
import {
  Account,
  AccountHistory,
  Case,
  Contact,
  Contract,
  type Crm,
  Deal,
  Interaction,
  type PageRecord,
  Quote,
  QuoteLine,
  type SyncCursor
} from "./schema"
import { STORAGE_STATUS_KEY, type StorageStatus } from "./sync-status"

/** One batch of canonical records, as a connector maps one API page. */
export interface HistoryBatch {
  accounts?: Account[]
  contacts?: Contact[]
  interactions?: Interaction[]
  deals?: Deal[]
  quotes?: Quote[]
  quoteLines?: QuoteLine[]
  cases?: Case[]
  contracts?: Contract[]
}

const SCHEMAS = {
  accounts: Account,
  contacts: Contact,
  interactions: Interaction,
  deals: Deal,
  quotes: Quote,
  quoteLines: QuoteLine,
  cases: Case,
  contracts: Contract
} as const

export interface Rejected {
  table: string
  recordKey?: string
  reason: string
}

/**
 * Validates every record of a batch with its zod schema. Invalid records are returned with a reason
 * (the rest of the batch still goes in): malformed CRM data never stops a sync.
 */
export function validateBatch(batch: HistoryBatch): { valid: HistoryBatch; rejected: Rejected[] } {
  const valid: HistoryBatch = {}
  const rejected: Rejected[] = []
  for (const table of HISTORY_TABLE_NAMES) {
    const rows = batch[table]
    if (!rows) continue
    const schema = SCHEMAS[table]
    const kept: unknown[] = []
    for (const row of rows) {
      const parsed = schema.safeParse(row)
      if (parsed.success) kept.push(parsed.data)
      else {
        const key = (row as { key?: unknown })?.key
        rejected.push({
          table,
          recordKey: typeof key === "string" ? key : undefined,
          reason: parsed.error.issues.map((i) => `${i.path.join(".") || "record"}: ${i.message}`).join("; ")
        })
      }
    }
    ;(valid as Record<string, unknown[]>)[table] = kept
  }
  return { valid, rejected }
}

export const STORAGE_FULL_MESSAGE = "The browser's storage for Parley is full: nothing of this change was kept. Free space by pruning history older than the retention window."

export class StorageFullError extends Error {
  override readonly name = "StorageFullError"
  constructor(cause: unknown) {
    super(STORAGE_FULL_MESSAGE)
    this.cause = cause
  }
}

/**
 * A quota refusal however it arrives: IndexedDB's QuotaExceededError (a DOMException, or Dexie's
 * own class of that name), Chrome's AbortError wrapping it (Dexie #514, in `inner`), a BulkError
 * whose failures hold it, or a StorageFullError already made from one. Nesting is followed a few
 * levels only: error objects can be cyclic.
 */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (depth > 4 || typeof error !== "object" || error === null) return false
  const e = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown; failuresByPos?: unknown }
  if (e.name === "QuotaExceededError" || e.name === "StorageFullError" || error instanceof StorageFullError) return true
  if (isQuotaError(e.inner, depth + 1) || isQuotaError(e.cause, depth + 1)) return true
  const failures = Array.isArray(e.failures) ? e.failures : e.failuresByPos && typeof e.failuresByPos === "object" ? Object.values(e.failuresByPos) : []
  return failures.slice(0, 20).some((f) => isQuotaError(f, depth + 1))
}

/** Runs a write; a quota refusal comes out as StorageFullError, never as Dexie's own error. */
export async function guardQuota<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write()
  } catch (error) {
    if (error instanceof StorageFullError) throw error
    if (isQuotaError(error)) throw new StorageFullError(error)
    throw error
  }
}

/** Told when the storage state changes (the background mirrors it where a full database cannot refuse it). */
export type StorageStateListener = (status: StorageStatus | null) => void
let storageListener: StorageStateListener | undefined
export function onStorageState(listener: StorageStateListener | undefined): void {
  storageListener = listener
}

/**
 * Records that the browser refused a write for lack of space (src/model/sync-status.ts). Best
 * effort: this small row may itself not fit (hence the listener), and the caller's own error still
 * says what failed.
 */
export async function markStorageFull(db: ParleyDB, operation: string, now: number): Promise<void> {
  const status: StorageStatus = { state: "full", at: now, operation }
  storageListener?.(status)
  await db.meta.put({ key: STORAGE_STATUS_KEY, value: status }).catch(() => undefined)
}

/** A write went through, or a prune freed space: the storage state is cleared. Any transaction that includes `meta`. */
export async function clearStorageFull(db: ParleyDB): Promise<void> {
  if (await db.meta.get(STORAGE_STATUS_KEY)) await db.meta.delete(STORAGE_STATUS_KEY)
  // Outside the caller's transaction: the listener's work is not IndexedDB's.
  const listener = storageListener
  if (listener) setTimeout(() => listener(null), 0)
}

/**
 * Stores a page record with its size, then evicts the oldest page records over the budgets: first
 * the tab's own (a page walking through ids only displaces what that tab stored), then the org's.
 * Only `pageRecords` (and their sizes) are touched: synced history is never evicted. Runs in the
 * caller's transaction, which must include `pageRecords` and `pageSizes`.
 */
export async function putPageRecord(db: ParleyDB, row: PageRecord, tabId: number | undefined, budget: { perTabBytes: number; perOrgBytes: number } = PAGE_RECORD_BUDGET): Promise<string[]> {
  const tab = tabId ?? -1
  await db.pageRecords.put(row)
  await db.pageSizes.put({ key: row.key, org: row.org, tabId: tab, seenAt: row.seenAt, bytes: pageRecordBytes(row) })
  const sizes = await db.pageSizes.where("[org+seenAt]").between([row.org, Dexie.minKey], [row.org, Dexie.maxKey]).toArray()
  let orgTotal = 0
  let tabTotal = 0
  for (const s of sizes) {
    orgTotal += s.bytes
    if (s.tabId === tab) tabTotal += s.bytes
  }
  const evicted: string[] = []
  // Oldest first (the index's order); the record just stored always stays.
  for (const s of sizes) {
    const overTab = tab >= 0 && tabTotal > budget.perTabBytes
    const overOrg = orgTotal > budget.perOrgBytes
    if (!overTab && !overOrg) break
    if (s.key === row.key || (!overOrg && s.tabId !== tab)) continue
    evicted.push(s.key)
    orgTotal -= s.bytes
    if (s.tabId === tab) tabTotal -= s.bytes
  }
  if (evicted.length) {
    await db.pageRecords.bulkDelete(evicted)
    await db.pageSizes.bulkDelete(evicted)
  }
  return evicted
}

/** Validates and upserts one batch, and moves the cursor, in a single transaction. */
export async function writeBatch(db: ParleyDB, batch: HistoryBatch, cursor?: SyncCursor): Promise<{ written: number; rejected: Rejected[] }> {
  const { valid, rejected } = validateBatch(batch)
  let written = 0
  const tables = HISTORY_TABLE_NAMES.filter((t) => valid[t]?.length).map((t) => db.table(t))
  try {
    await db.transaction("rw", [...tables, db.cursors], async () => {
      for (const name of HISTORY_TABLE_NAMES) {
        const rows = valid[name]
        if (!rows?.length) continue
        await db.table(name).bulkPut(rows)
        written += rows.length
      }
      if (cursor) await db.cursors.put(cursor)
    })
  } catch (error) {
    if (isQuotaError(error)) throw error instanceof StorageFullError ? error : new StorageFullError(error)
    throw error
  }
  return { written, rejected }
}

/** A table of the canonical history (`accounts`, `interactions`, …). */
export type HistoryTableName = (typeof HISTORY_TABLE_NAMES)[number]

/** Keys of canonical rows a CRM reports deleted, by table. */
export type Removals = Partial<Record<HistoryTableName, string[]>>

/**
 * Deletes rows a CRM reports deleted, and what is keyed off them: a deal's quotes and their lines,
 * a quote's lines, and for an account every history row of it and its stored profile. Runs in the
 * caller's transaction when there is one (it must include the history tables and `profiles`), so a
 * page's removals commit with its upserts and its cursor. Returns the number of rows removed.
 */
export async function removeRecords(db: ParleyDB, removals: Removals): Promise<number> {
  const has = HISTORY_TABLE_NAMES.some((t) => removals[t]?.length)
  if (!has) return 0
  return db.transaction("rw", [...HISTORY_TABLE_NAMES.map((t) => db.table(t)), db.profiles], async () => {
    let removed = 0
    const drop = async (table: HistoryTableName, keys: string[]) => {
      if (!keys.length) return
      const existing = (await db.table(table).bulkGet(keys)).filter(Boolean).length
      await db.table(table).bulkDelete(keys)
      removed += existing
    }
    const quoteKeys = [...(removals.quotes ?? [])]
    for (const dealKey of removals.deals ?? []) quoteKeys.push(...((await db.quotes.where("dealKey").equals(dealKey).primaryKeys()) as string[]))
    const lineKeys = [...(removals.quoteLines ?? [])]
    for (const quoteKey of quoteKeys) lineKeys.push(...((await db.quoteLines.where("quoteKey").equals(quoteKey).primaryKeys()) as string[]))
    for (const accountKey of removals.accounts ?? []) {
      for (const table of ["contacts", "quoteLines", "contracts"] as const) removed += await db.table(table).where("accountKey").equals(accountKey).delete()
      for (const [table, index] of [["interactions", "[accountKey+at]"], ["deals", "[accountKey+createdAt]"], ["quotes", "[accountKey+createdAt]"], ["cases", "[accountKey+openedAt]"]] as const) {
        removed += await db.table(table).where(index).between([accountKey, Dexie.minKey], [accountKey, Dexie.maxKey]).delete()
      }
      await db.profiles.delete(accountKey)
    }
    for (const table of HISTORY_TABLE_NAMES) {
      if (table === "quotes") await drop(table, [...new Set(quoteKeys)])
      else if (table === "quoteLines") await drop(table, [...new Set(lineKeys)])
      else await drop(table, removals[table] ?? [])
    }
    return removed
  })
}

/** One account's whole history, read through the `[accountKey+…]` indexes in one transaction. */
export async function readAccountHistory(db: ParleyDB, accountKey: string): Promise<AccountHistory | null> {
  const range = <T>(table: Dexie.Table<T, string>, index: string) =>
    table.where(index).between([accountKey, Dexie.minKey], [accountKey, Dexie.maxKey]).toArray()
  const tables = [db.accounts, db.interactions, db.deals, db.quotes, db.cases, db.contacts, db.quoteLines, db.contracts]
  return db.transaction("r", tables, async () => {
    const [account, interactions, deals, quotes, cases, contacts, quoteLines, contracts] = await Promise.all([
      db.accounts.get(accountKey),
      range(db.interactions, "[accountKey+at]"),
      range(db.deals, "[accountKey+createdAt]"),
      range(db.quotes, "[accountKey+createdAt]"),
      range(db.cases, "[accountKey+openedAt]"),
      db.contacts.where("accountKey").equals(accountKey).toArray(),
      db.quoteLines.where("accountKey").equals(accountKey).toArray(),
      db.contracts.where("accountKey").equals(accountKey).toArray()
    ])
    return account ? { account, contacts, interactions, deals, quotes, quoteLines, cases, contracts } : null
  })
}

/** Deletes everything older than the retention window (by `seenAt`), table by table. */
export async function pruneOlderThan(db: ParleyDB, org: string, cutoff: number): Promise<number> {
  let removed = 0
  for (const name of [...HISTORY_TABLE_NAMES, "pageRecords"] as const) {
    removed += await db
      .table(name)
      .where("[org+seenAt]")
      .between([org, Dexie.minKey], [org, cutoff], true, false)
      .delete()
  }
  // The size ledger follows its records (not counted: the records were).
  await db.pageSizes.where("[org+seenAt]").between([org, Dexie.minKey], [org, cutoff], true, false).delete()
  return removed
}

/**
 * `meta` rows that belong to one org: sync statuses and pauses (keyed by record key, whose org
 * part is encoded, so `acme` never matches `acme:1`'s rows), API budgets, remembered org capabilities,
 * the team roll-up's refresh state.
 */
function isOrgMetaKey(key: string, crm: Crm, org: string): boolean {
  const records = `${orgKey(crm, org)}:`
  return key.startsWith(`sync:${records}`) || key.startsWith(`sync-paused:${records}`) || key === `${crm}:budget:${org}` || key === `${crm}:caps:${org}` || key === teamRefreshKey(crm, org)
}

/** "Forget this org": every row Parley holds for it, in one transaction. */
export async function forgetOrg(db: ParleyDB, crm: Crm, org: string): Promise<void> {
  const names = [...HISTORY_TABLE_NAMES, "pageRecords"] as const
  await db.transaction("rw", [...names.map((n) => db.table(n)), db.cursors, db.profiles, db.orgs, db.snapshots, db.meta, db.pageSizes, db.teamFiles], async () => {
    for (const name of names) {
      await db
        .table(name)
        .where("[org+seenAt]")
        .between([org, Dexie.minKey], [org, Dexie.maxKey])
        .and((row: { crm?: string }) => row.crm === crm)
        .delete()
    }
    await db.pageSizes.where("[org+seenAt]").between([org, Dexie.minKey], [org, Dexie.maxKey]).and((p) => p.key.startsWith(`${crm}:`)).delete()
    await db.profiles.where("org").equals(org).and((p) => p.accountKey.startsWith(`${crm}:`)).delete()
    await db.cursors.filter((c) => c.crm === crm && c.org === org).delete()
    await db.snapshots.filter((s) => s.crm === crm && s.org === org).delete()
    await db.teamFiles.where("[crm+org]").equals([crm, org]).delete()
    await db.meta.filter((m) => isOrgMetaKey(m.key, crm, org)).delete()
    const focus = (await db.meta.get("focus"))?.value as { crm?: string; org?: string } | undefined
    if (focus?.crm === crm && focus.org === org) await db.meta.delete("focus")
    await db.orgs.delete(orgKey(crm, org))
  })
}

/**
 * After a retention prune: snapshots older than the window go too, and profiles of accounts
 * that no longer exist are dropped. Returns the accounts whose profile must be recomputed from
 * what is left (their evidence may quote pruned records).
 */
export async function pruneDerived(db: ParleyDB, org: string, cutoff: number): Promise<string[]> {
  await db.snapshots.filter((s) => s.org === org && s.createdAt < cutoff).delete()
  const profiles = await db.profiles.where("org").equals(org).toArray()
  const stale: string[] = []
  for (const profile of profiles) {
    if (await db.accounts.get(profile.accountKey)) stale.push(profile.accountKey)
    else await db.profiles.delete(profile.accountKey)
  }
  return stale
}
