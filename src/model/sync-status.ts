/**
 * The sync status per account, one shape for every CRM, kept in `meta` under
 * `sync:<accountKey>` so the panel can live-query it (`data-testid="sync-status"`).
 * Plain types only: the panel and content-side code can import it without zod or Dexie.
 */

export type SyncState =
  | "syncing"
  | "synced"
  /** Finished, but some pages could not be read (details in diagnostics). */
  | "partial"
  | "session-expired"
  /** The org closes its API to browser sessions: the panel works from what the page shows. */
  | "dom-only"
  | "permission-needed"
  | "budget-exhausted"
  /** The CRM's own limit answered (REQUEST_LIMIT_EXCEEDED, 429): the cursors resume later. */
  | "rate-limited"
  | "offline"
  /** IndexedDB refused the write (quota): nothing of the page was kept; pruning frees space. */
  | "storage-full"
  | "error"

export interface SyncStatus {
  state: SyncState
  /** What the panel shows the rep. */
  message?: string
  /** When this status was set (epoch ms). */
  at: number
  /** When a rate-limited sync may run again (epoch ms). */
  retryAt?: number
  calls?: number
  written?: number
  rejected?: number
  /** The org's 24-hour API use, from `Sforce-Limit-Info`. */
  apiUsage?: { used: number; max: number }
}

/** The `meta` key of an account's sync status. */
export function syncStatusKey(accountKey: string): string {
  return `sync:${accountKey}`
}
