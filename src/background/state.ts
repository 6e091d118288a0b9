/**
 * Persisted background state, made explicit: the worker can be killed at any moment, so nothing
 * lives only in memory. Each entry is one row of the `meta` table.
 */
import type { Crm } from "../model/schema"

/** The record of the most recently focused CRM tab: what the side panel shows. */
export const FOCUS_KEY = "focus"
export interface Focus {
  tabId?: number
  crm: Crm
  org: string
  host: string
  url: string
  /** null on a CRM page that is not a record (home, lists, setup). */
  recordKey: string | null
  at: number
}

/** Per-account sync status, written by the connectors: src/model/sync-status.ts. */
export { syncStatusKey } from "../model/sync-status"
