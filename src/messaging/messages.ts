/**
 * Runtime messages, typed by direction (Dark Reader's pattern). Plain types only: content scripts
 * import this file, and zod would blow their 15 KiB budget; the background validates every
 * message against `schemas.ts`, whose inferred types must equal these (checked at compile time).
 */
import type { Crm } from "../model/schema"
import type { Settings } from "../model/settings"

/** What a content script saw: the record in view, or `record: null` on a CRM page that is not one. */
export interface PageObservation {
  crm: Crm
  host: string
  org: string
  url: string
  record: {
    objectType: string
    id: string
    name?: string
    fields: Record<string, { label: string; value: string; relatedId?: string }>
  } | null
}

/** Content script → background. Content scripts may only submit observations. */
export type ContentMessage =
  | { type: "observe"; page: PageObservation; focused: boolean }

/** Extension pages (side panel) → background: the only source of deletes, exports, settings. */
export type PanelMessage =
  | { type: "ping" }
  | { type: "sync-now"; recordKey: string }
  | { type: "forget-org"; crm: Crm; org: string }
  | { type: "prune"; retentionDays: number }
  | { type: "set-settings"; settings: Partial<Settings> }
  // Snapshots (src/snapshots): build and store one now; store an imported file (validated again
  // by the background); delete one; attach one to the CRM record; read back those attached.
  | { type: "save-snapshot"; accountKey: string }
  | { type: "import-snapshot"; json: string }
  | { type: "delete-snapshot"; key: string }
  | { type: "share-snapshot"; snapshotKey: string; redact: boolean; language: "en" | "fa"; pdfBase64: string }
  | { type: "list-crm-snapshots"; accountKey: string }

export type Reply<T = unknown> = { ok: true; data?: T } | { ok: false; error: string }
