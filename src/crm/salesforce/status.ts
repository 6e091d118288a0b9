/**
 * The sync status per account, kept in `meta` under `sync:<accountKey>` so the panel can
 * live-query it (`data-testid="sync-status"`). No zod, no Dexie import: the panel can use the types.
 */

export type SyncState =
  | "syncing"
  | "synced"
  /** Finished, but some pages could not be read (details in diagnostics). */
  | "partial"
  | "session-expired"
  /** The org closes its API to browser sessions: the panel works from what the page shows. */
  | "dom-only"
  | "budget-exhausted"
  | "rate-limited"
  | "offline"
  | "error"

export interface SyncStatus {
  state: SyncState
  /** What the panel shows the rep. */
  message?: string
  /** When this status was set (epoch ms). */
  at: number
  calls?: number
  written?: number
  rejected?: number
  /** The org's 24-hour API use, from `Sforce-Limit-Info`. */
  apiUsage?: { used: number; max: number }
}

export const SYNC_MESSAGES: Readonly<Partial<Record<SyncState, string>>> = {
  syncing: "Reading history from Salesforce…",
  partial: "Some Salesforce data could not be read; Parley will try again",
  "session-expired": "Reload Salesforce to reconnect",
  "dom-only": "This org closes its API to browser sessions: Parley reads what the page shows",
  "budget-exhausted": "Today's Salesforce API budget is used up: syncing resumes tomorrow",
  "rate-limited": "Salesforce's API limit is reached: Parley will try again later",
  offline: "Salesforce is unreachable: Parley will try again"
}

/** The `meta` key of an account's sync status. */
export function syncStatusKey(accountKey: string): string {
  return `sync:${accountKey}`
}
