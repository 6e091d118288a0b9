/**
 * The one Dexie database. The service worker writes; extension pages read (live queries see the
 * worker's writes across contexts). Content scripts never open it: they run on the CRM's origin.
 *
 * Schema history (keep every version that has an upgrade for as long as users may be on it):
 * - v1: the foundation tables.
 * - v2: `[org+seenAt]` on every history table (retention and "forget this org" become range
 *       deletes), `profiles` for stored classifications; the upgrade backfills `org` on page
 *       records written by v1, which keyed them only by `key`.
 * - v3: `pageSizes`, the size ledger of page records (bytes, tab, when seen) that the storage
 *       budgets evict by without loading the records themselves; the upgrade measures the page
 *       records already stored.
 * - v4: `teamFiles`, the cache of the snapshot files the team shared in the CRM (issue 15; rows
 *       of src/team/types.ts `TeamFileRow`), by org and by the account they are attached to.
 */
import Dexie, { type Table } from "dexie"
import { DATABASE_NAME } from "../../plasmo.config"
import type {
  Account,
  Case,
  Contact,
  Contract,
  Deal,
  Interaction,
  Org,
  PageRecord,
  Quote,
  QuoteLine,
  Snapshot,
  SyncCursor
} from "./schema"
import type { TeamFileRow } from "../team/types"

/** Small persisted state (which tab the panel follows, settings): explicit, one row per key. */
export interface MetaRow {
  key: string
  value: unknown
}

/** A stored classification: written by the background, read by the panel. */
export interface ProfileRow {
  accountKey: string
  org: string
  computedAt: number
  profile: unknown
}

export type ParleyDB = Dexie & {
  orgs: Table<Org, string>
  accounts: Table<Account, string>
  contacts: Table<Contact, string>
  interactions: Table<Interaction, string>
  deals: Table<Deal, string>
  quotes: Table<Quote, string>
  quoteLines: Table<QuoteLine, string>
  cases: Table<Case, string>
  contracts: Table<Contract, string>
  pageRecords: Table<PageRecord, string>
  cursors: Table<SyncCursor, string>
  snapshots: Table<Snapshot, string>
  profiles: Table<ProfileRow, string>
  meta: Table<MetaRow, string>
  pageSizes: Table<PageSizeRow, string>
  teamFiles: Table<TeamFileRow, string>
}

/** One page record's size, keyed like the record: what the per-tab and per-org budgets count. */
export interface PageSizeRow {
  key: string
  org: string
  /** The tab that stored it; -1 when unknown (records from before v3). */
  tabId: number
  seenAt: number
  bytes: number
}

/** A page record's stored size: its JSON in UTF-8 (close to what IndexedDB keeps of it). */
export function pageRecordBytes(row: unknown): number {
  return new TextEncoder().encode(JSON.stringify(row)).length
}

export const SCHEMA_V1 = {
  orgs: "key",
  accounts: "key, org, name",
  contacts: "key, accountKey",
  interactions: "key, [accountKey+at]",
  deals: "key, [accountKey+createdAt]",
  quotes: "key, [accountKey+createdAt], dealKey",
  quoteLines: "key, quoteKey, accountKey",
  cases: "key, [accountKey+openedAt]",
  contracts: "key, accountKey",
  pageRecords: "key, seenAt",
  cursors: "key",
  snapshots: "key, [recordKey+createdAt]",
  meta: "key"
} as const

const HISTORY_TABLES = ["accounts", "contacts", "interactions", "deals", "quotes", "quoteLines", "cases", "contracts"] as const

export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  accounts: "key, org, name, [org+seenAt]",
  contacts: "key, accountKey, [org+seenAt]",
  interactions: "key, [accountKey+at], [org+seenAt]",
  deals: "key, [accountKey+createdAt], [org+seenAt]",
  quotes: "key, [accountKey+createdAt], dealKey, [org+seenAt]",
  quoteLines: "key, quoteKey, accountKey, [org+seenAt]",
  cases: "key, [accountKey+openedAt], [org+seenAt]",
  contracts: "key, accountKey, [org+seenAt]",
  pageRecords: "key, seenAt, [org+seenAt]",
  profiles: "accountKey, org"
} as const

export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  pageSizes: "key, [org+seenAt]"
} as const

export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  teamFiles: "key, [crm+org], attachedTo"
} as const

/** Every schema in order: index i is Dexie version i + 1 (tests build old databases from it). */
export const SCHEMAS = [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4] as const

export const HISTORY_TABLE_NAMES = HISTORY_TABLES

export function openDatabase(name: string = DATABASE_NAME): ParleyDB {
  const db = new Dexie(name) as ParleyDB
  db.version(1).stores(SCHEMA_V1)
  db.version(2)
    .stores(SCHEMA_V2)
    .upgrade((tx) =>
      // v1 page records may lack `org`; derive it from the deterministic key.
      tx
        .table("pageRecords")
        .toCollection()
        .modify((row: { key: string; org?: string }) => {
          if (!row.org) row.org = row.key.split(":")[1] ?? "unknown"
        })
    )
  db.version(3)
    .stores(SCHEMA_V3)
    .upgrade(async (tx) => {
      const sizes: PageSizeRow[] = []
      await tx
        .table("pageRecords")
        .toCollection()
        .each((row: { key: string; org?: string; seenAt?: number }) => {
          sizes.push({ key: row.key, org: row.org ?? "unknown", tabId: -1, seenAt: row.seenAt ?? 0, bytes: pageRecordBytes(row) })
        })
      await tx.table("pageSizes").bulkPut(sizes)
    })
  // A new table only: nothing to move.
  db.version(4).stores(SCHEMA_V4)
  return db
}

let shared: ParleyDB | undefined
/** The process-wide connection (one per extension context). */
export function db(): ParleyDB {
  shared ??= openDatabase()
  return shared
}
