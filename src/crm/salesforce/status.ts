/**
 * The sync status per account, kept in `meta` under `sync:<accountKey>` so the panel can
 * live-query it (`data-testid="sync-status"`). No zod, no Dexie import: the panel can use the types.
 */

export type { SyncState, SyncStatus } from "../../model/sync-status"
export { syncStatusKey } from "../../model/sync-status"
import type { SyncState } from "../../model/sync-status"

export const SYNC_MESSAGES: Readonly<Partial<Record<SyncState, string>>> = {
  syncing: "Reading history from Salesforce…",
  partial: "Some Salesforce data could not be read; Parley will try again",
  "session-expired": "Reload Salesforce to reconnect",
  "dom-only": "This org closes its API to browser sessions: Parley reads what the page shows",
  "budget-exhausted": "Today's Salesforce API budget is used up: syncing resumes tomorrow",
  "rate-limited": "Salesforce's API limit is reached: Parley will try again later",
  offline: "Salesforce is unreachable: Parley will try again",
  paused: "Paused: Sync now continues where it stopped"
}

