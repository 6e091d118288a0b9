/**
 * Runtime messages, typed by direction (Dark Reader's pattern). Plain types only: content scripts
 * import this file, and zod would blow their 15 KiB budget; the background validates every
 * message against `schemas.ts`, whose inferred types must equal these (checked at compile time).
 */
import type { SharedFile } from "../crm/share-types"
import type { Crm } from "../model/schema"
import type { Settings } from "../model/settings"
import type { SnapshotDocument } from "../snapshots/payload"

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

/**
 * What the background's intake cut from an observation to fit the stored caps (fit-observation.ts):
 * how many field keys, labels and values it shortened (each ending in "…"), related ids it dropped,
 * whether it shortened the name, how many fields it dropped, and the size before and after.
 */
export interface ObservationCut {
  keys: number
  labels: number
  values: number
  relatedIds: number
  name: boolean
  droppedFields: number
  bytesReceived: number
  bytesStored: number
}

/**
 * Content script → background. Content scripts may only submit observations. `cut` is set by the
 * background's intake when it cut the observation to fit; the intake refuses it from a content script.
 */
export type ContentMessage =
  | { type: "observe"; page: PageObservation; focused: boolean; cut?: ObservationCut }

/** Extension pages (side panel) → background: the only source of deletes, exports, settings. */
export type PanelMessage =
  | { type: "ping" }
  | { type: "sync-now"; recordKey: string }
  // A long sync stops after its current page, cursors kept; "sync-now" resumes it.
  | { type: "pause-sync"; recordKey: string }
  | { type: "forget-org"; crm: Crm; org: string }
  | { type: "prune"; retentionDays: number }
  | { type: "set-settings"; settings: Partial<Settings> }
  // Snapshots (src/snapshots): build and store one now; store an imported file (validated again
  // by the background); delete one; attach one to the CRM record; read back those attached.
  | { type: "save-snapshot"; accountKey: string }
  | { type: "import-snapshot"; json: string; fileName?: string }
  | { type: "delete-snapshot"; key: string }
  | { type: "share-snapshot"; snapshotKey: string; redact: boolean; language: "en" | "fa"; pdfBase64: string }
  | { type: "list-crm-snapshots"; accountKey: string }
  // The team roll-up (issue 15): bring the cache of the team's shared snapshots up to date, every
  // known org; `full` compares the whole listing with the cache (otherwise only changes are listed).
  | { type: "refresh-team"; full?: boolean }

/**
 * Why a request failed, as a code the caller branches on (the `error` text is for people and is
 * never matched): the router refused it (`rejected`), no answer came (`timeout`), the worker is
 * gone (`unavailable`), the answer was not a reply (`malformed`), the thing asked about is not
 * stored (`not-found`) or not valid (`invalid`), the CRM said why (`session-expired`,
 * `budget-exhausted`, `network`: see ShareErrorKind), the browser's storage is full
 * (`storage-full`), or anything else (`failed`).
 */
export type ReplyErrorCode =
  | "rejected"
  | "timeout"
  | "unavailable"
  | "malformed"
  | "not-found"
  | "invalid"
  | "session-expired"
  | "budget-exhausted"
  | "network"
  /** The browser refused to store it for lack of space: nothing of the change was kept. */
  | "storage-full"
  | "failed"

export type Reply<T = unknown> = { ok: true; data?: T } | { ok: false; error: string; code?: ReplyErrorCode }

export interface ShareReply {
  crm: Crm
  files: SharedFile[]
  /** The PDF's link: what the panel shows after sharing. */
  link: string
  /** The CRM already held this very snapshot (an earlier share whose answer was lost): nothing was attached again. */
  alreadyAttached?: boolean
  /** Set when the shared snapshot was imported from a file, not made by this Parley. */
  imported?: { fileName: string }
}

export interface CrmSnapshots {
  snapshots: SnapshotDocument[]
  /** Files that are not valid snapshots, with the reason (shown, never compared). */
  refused: { filename: string; message: string }[]
}

/** One org's part of a team refresh: what the CRM listed and what became of it. */
export interface TeamOrgRefresh {
  crm: Crm
  org: string
  /** Files the listing named (changed since the last refresh, or all on a full listing). */
  listed: number
  /** Bodies downloaded that are valid snapshots, now in the roll-up. */
  read: number
  /** Files kept out of the roll-up with a reason (too large, not JSON, tampered, newer, another record...). */
  skipped: number
  /** Listed files the cache already held as they are: not downloaded again. */
  unchanged: number
  /** Cached files dropped: deleted in the CRM or no longer readable by this user. */
  removed: number
  /** Requests the connector reported (a read stopped by an error reports none of its own). */
  calls: number
  /** Files listed but not read yet (the budget or the session ran out): read first next time. */
  pending: number
  /** "partial": stopped early, keeping what was read; "failed": nothing of this org was brought up to date. */
  status: "ok" | "partial" | "failed"
  error?: string
  code?: ReplyErrorCode
}

export interface TeamRefreshReport {
  orgs: TeamOrgRefresh[]
  /** When the refresh finished (epoch ms). */
  at: number
}

/** What each panel message answers with (`data` of an ok reply): one handler per entry. */
export interface PanelReplies {
  ping: "pong"
  "sync-now": undefined
  "pause-sync": undefined
  "forget-org": undefined
  prune: { removed: number }
  "set-settings": undefined
  "save-snapshot": SnapshotDocument
  "import-snapshot": { key: string; recordKey: string }
  "delete-snapshot": undefined
  "share-snapshot": ShareReply
  "list-crm-snapshots": CrmSnapshots
  "refresh-team": TeamRefreshReport
}

export type PanelMessageType = PanelMessage["type"]
export type PanelMessageOf<T extends PanelMessageType> = Extract<PanelMessage, { type: T }>
export type PanelReplyOf<M extends { type: PanelMessageType }> = PanelReplies[M["type"]]

/** The reply type of a content message. */
export interface ContentReplies {
  /** `cut`: what the intake cut to fit, when it cut anything. */
  observe: { recordKey: string | null; cut?: ObservationCut }
}
