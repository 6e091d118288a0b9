/**
 * Persisted background state, made explicit: the worker can be killed at any moment, so nothing
 * lives only in memory. Each entry is one row of the `meta` table.
 */

/** The record of the most recently focused CRM tab: src/model/focus.ts. */
export { FOCUS_KEY, type Focus } from "../model/focus"

/** Per-account sync status and pause flag, written by the connectors: src/model/sync-status.ts. */
export { syncPausedKey, syncStatusKey } from "../model/sync-status"
