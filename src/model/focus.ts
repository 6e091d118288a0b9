/**
 * The record of the most recently focused CRM tab: what the side panel shows. Written by the
 * background (one `meta` row), read by the panel's live query.
 */
import type { Crm } from "./schema"

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
