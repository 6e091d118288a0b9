/**
 * The sync status per account, one shape for every CRM, kept in `meta` under
 * `sync:<accountKey>` so the panel can live-query it (`data-testid="sync-status"`).
 * Plain types and pure helpers only: the panel and content-side code can import it without zod
 * or Dexie. The state is the machine code the panel branches on; `message` is for the rep only
 * and is never matched.
 */

/** Every state a connector writes; the panel's card handles each (src/panel/sync.ts). */
export const SYNC_STATES = [
  "syncing",
  "synced",
  /** Finished, but some pages could not be read (details in diagnostics). */
  "partial",
  /** The org closes its API to browser sessions: the panel works from what the page shows. */
  "dom-only",
  "session-expired",
  "permission-needed",
  "budget-exhausted",
  /** The CRM's own limit answered (REQUEST_LIMIT_EXCEEDED, 429): the cursors resume later. */
  "rate-limited",
  "offline",
  /** IndexedDB refused the write (quota): nothing of the page was kept; pruning frees space. */
  "storage-full",
  /** The rep paused a long sync: the cursors are kept, "Sync now" resumes from them. */
  "paused",
  "error"
] as const

export type SyncState = (typeof SYNC_STATES)[number]

/** Records so far of the total the CRM reported for one object (`totalSize`, `@odata.count`). */
export interface ObjectProgress {
  done: number
  /** Absent while the CRM has not said (a Dataverse query without `$count`). */
  total?: number
}

export interface SyncProgress {
  /** Sums over the objects (total only when every object's total is known). */
  done: number
  total?: number
  /** Per CRM object (`Task`, `phonecall`, …). */
  objects?: Record<string, ObjectProgress>
}

/** What a connector reports after a page: the object's running count and the CRM's total. */
export interface SyncProgressReport {
  object: string
  done: number
  total?: number
}

export interface SyncStatus {
  state: SyncState
  /** What the panel shows the rep (never parsed: branch on `state` and `code`). */
  message?: string
  /** The CRM's own error code when there is one (`INVALID_SESSION_ID`, `0x80040220`). */
  code?: string
  /** When this status was set (epoch ms). */
  at: number
  /** When a rate-limited sync may run again (epoch ms). */
  retryAt?: number
  calls?: number
  written?: number
  rejected?: number
  /** The org's 24-hour API use, from `Sforce-Limit-Info`. */
  apiUsage?: { used: number; max: number }
  /** A long sync's progress, per object. */
  progress?: SyncProgress
  /** Origins to ask for when `state` is permission-needed. */
  origins?: string[]
  /** Connector details shown as text (API version, last HTTP status, …). */
  diagnostics?: unknown
}

/** The `meta` key of an account's sync status. */
export function syncStatusKey(accountKey: string): string {
  return `sync:${accountKey}`
}

/** The `meta` key of an account's "paused" flag: the sync checks it between pages. */
export function syncPausedKey(accountKey: string): string {
  return `sync-paused:${accountKey}`
}

/** Adds one report to the progress so far (pure: a new object; counts never go backwards). */
export function mergeProgress(progress: SyncProgress | undefined, report: SyncProgressReport): SyncProgress {
  const done = Number.isFinite(report.done) ? Math.max(0, Math.floor(report.done)) : 0
  const total = report.total !== undefined && Number.isFinite(report.total) && report.total >= 0 ? Math.floor(report.total) : undefined
  const previous = progress?.objects?.[report.object]
  const entry: ObjectProgress = { done: Math.max(done, previous?.done ?? 0) }
  const knownTotal = total ?? previous?.total
  if (knownTotal !== undefined) entry.total = Math.max(knownTotal, entry.done)
  const objects = { ...progress?.objects, [report.object]: entry }
  const all = Object.values(objects)
  const sum: SyncProgress = { done: all.reduce((n, o) => n + o.done, 0), objects }
  if (all.every((o) => o.total !== undefined)) sum.total = all.reduce((n, o) => n + (o.total ?? 0), 0)
  return sum
}

/**
 * The `meta` key of the browser-wide storage state: set when IndexedDB refused a write for lack of
 * space (on any path: an observation, a sync page, a snapshot, the settings), cleared when a
 * write goes through again or a prune frees space. The panel's connection card shows it over the
 * account's own sync status, since no account can be stored while it lasts.
 */
export const STORAGE_STATUS_KEY = "storage"

/** Its mirror in `chrome.storage.session` (memory, beyond IndexedDB's quota). */
export const STORAGE_SESSION_KEY = "parley-storage"

export interface StorageStatus {
  state: "full"
  at: number
  /** What was being written (`observe`, `save-snapshot`, `sync`, …): a detail for an admin. */
  operation: string
}

export function readStorageStatus(value: unknown): StorageStatus | undefined {
  const v = value as Partial<StorageStatus> | null | undefined
  if (!v || v.state !== "full" || typeof v.at !== "number") return undefined
  return { state: "full", at: v.at, operation: typeof v.operation === "string" ? v.operation.slice(0, 64) : "write" }
}
