/**
 * The team roll-up's shapes (issue 15), types only: the cache rows the background keeps of the
 * snapshot files the team shared in the CRM, and the rows and nudges the panel shows. The zod
 * schema of a cached digest (digest.ts) is proved equal to `TeamDigest` at compile time.
 *
 * Flow: connector.listTeamSnapshots → readTeamSnapshots → checkSnapshot (zod, hash, version) →
 * digestOf(snapshot) → a `TeamFileRow` in IndexedDB (background/team-refresh.ts) → buildRollup
 * (pure, rollup.ts) → the Team tab's roll-up view.
 */
import type { Message } from "../i18n/message"
import type { Crm } from "../model/schema"
import type { AxisId } from "../snapshots/axes"
import type { LabelChange } from "../snapshots/payload"

/** The machine label of every axis a snapshot carries (FRAMEWORK.md §1). */
export type AxisLabels = Record<AxisId, string>

/** What the roll-up keeps of one valid snapshot: small, so 5,000 of them load in one read. */
export interface TeamDigest {
  snapshotKey: string
  /** SHA-256 seal of the snapshot (the same snapshot shared twice is one). */
  hash: string
  /** When the snapshot was made (its own createdAt), epoch ms. */
  createdAt: number
  recordKey: string
  /** The account's name; "" in a redacted snapshot. */
  accountName: string
  /** The account owner the snapshot names, when not redacted. */
  accountOwner?: string
  redacted: boolean
  parleyVersion: string
  labels: AxisLabels
  /** Risk 0-1 and dominance -1..1 (the profile's scores). */
  riskScore: number
  dominanceScore: number
  /** The risk reasons, as descriptors (rendered in the reader's language), at most 5. */
  riskReasons: { signal: string; text: Message }[]
  /** The dominance axis' one-sentence summary. */
  dominanceSummary: Message
  /** Why the snapshot was made (a manual save, or the labels that changed). */
  trigger: { kind: "manual" | "label-change"; changes: LabelChange[] }
}

/** Why a file in the CRM is not in the roll-up: the import refusals, plus a file whose content names another record than the one it is attached to. */
/** Why a file is left out; "unreadable": the CRM itself refused to hand over its body. */
export type TeamSkipReason = "too-large" | "not-json" | "not-a-snapshot" | "newer-version" | "malformed" | "tampered" | "wrong-record" | "unreadable"

/** One snapshot file of the org as the cache keeps it: valid (with its digest) or skipped (with the reason). */
export interface TeamFileRow {
  /** `team:<crm>:<org>:<fileId>` (parts encoded as record keys encode them). */
  key: string
  crm: Crm
  org: string
  fileId: string
  filename: string
  /** The account record the file is attached to in the CRM (record key), when it is an account. */
  attachedTo: string | null
  author: { id: string; name: string } | null
  /** When the file was created in the CRM (shared), epoch ms. */
  sharedAt: number | null
  /** The CRM's change stamp when read: a later stamp means the file changed and is read again. */
  modifiedAt: number
  /** When this browser read it. */
  readAt: number
  status: "ok" | "skipped"
  reason?: TeamSkipReason
  /** The reason in words (English, for the diagnostics list; the panel renders `reason`). */
  message?: string
  digest?: TeamDigest
}

/** Per-org refresh state (a `meta` row `team-refresh:<crm>:<org>`). */
export interface TeamRefreshState {
  crm: Crm
  org: string
  /** Highest change stamp fully processed: the next refresh lists from here. */
  watermark: number | null
  /** When the whole listing was last compared with the cache (files deleted or no longer readable dropped). */
  fullAt: number | null
  refreshedAt: number | null
  /** Files listed but not read yet (the API budget ran out): read first next time. */
  pending: number
  /** The last refresh's problem, if it stopped early. */
  error?: { code: string; message: string }
}

/** What a nudge tells the lead, with the evidence from the snapshot. */
export type Nudge =
  | { kind: "risk-rose"; from: string; to: string; reasons: Message[] }
  | { kind: "dominance-to-customer"; from: string; summary: Message }
  | { kind: "stale"; days: number }

/** One account of the roll-up: its latest snapshot, its history, and what needs attention. */
export interface RollupRow {
  accountKey: string
  crm: Crm
  org: string
  /** The latest non-empty name; the record id when every snapshot was redacted. */
  name: string
  /** The rep who shared the latest snapshot. */
  sharedBy: { id: string; name: string } | null
  /** The latest snapshot's createdAt. */
  latestAt: number
  labels: AxisLabels
  riskScore: number
  /** The labels of the snapshot before the latest, if any. */
  previous: AxisLabels | null
  /** What changed from the previous snapshot to the latest. */
  changes: LabelChange[]
  /** Every distinct snapshot, oldest first (the label-change chart). */
  history: { at: number; labels: AxisLabels; sharedBy: string | null }[]
  nudges: Nudge[]
  /** Higher first: the attention-first sort. */
  attention: number
}

export interface RollupFilters {
  /** Author id of the latest snapshot. */
  owner?: string
  risk?: string
  dominance?: string
  /** Only accounts whose labels changed between their last two snapshots. */
  changed?: boolean
}
