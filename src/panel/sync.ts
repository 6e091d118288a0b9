/**
 * The connection card's logic: which state the panel is in for the account in view, what it
 * means in words, and the one action that fixes it. Pure, so every state is tested.
 */
import type { Crm } from "../model/schema"
import { CRM_MESSAGES, type MessageKey } from "./i18n"

import { SYNC_STATES, type ObjectProgress, type SyncProgress, type SyncState, type SyncStatus as StoredSyncStatus } from "../model/sync-status"

export { SYNC_STATES }
export type { SyncState }

/** The stored shape (src/model/sync-status.ts) as the panel reads it: `at` may be missing. */
export type SyncStatus = Omit<StoredSyncStatus, "at"> & {
  at?: number
  /** In the storage-full state: what the browser refused to store (`observe`, `sync`, a message type). */
  refused?: string
}

/** What a refused write was, in the rep's words. */
export function refusedWriteKey(operation: string): MessageKey {
  if (operation === "observe") return "storageOpPage"
  if (operation === "sync" || operation === "sync-now") return "storageOpSync"
  if (operation === "save-snapshot" || operation === "import-snapshot") return "storageOpSnapshot"
  if (operation === "set-settings") return "storageOpSettings"
  return "storageOpOther"
}

/** No status row: Parley only has what the page showed. */
export type CardState = SyncState | "page-only"

/** The background may add fields or states later: keep what we understand, never throw. */
export function readSyncStatus(value: unknown): SyncStatus | undefined {
  if (typeof value !== "object" || value === null) return undefined
  const v = value as Record<string, unknown>
  const known = (SYNC_STATES as readonly unknown[]).includes(v.state)
  const status: SyncStatus = { state: known ? (v.state as SyncState) : "error" }
  if (typeof v.message === "string") status.message = v.message
  else if (!known && typeof v.state === "string") status.message = v.state
  const progress = readProgress(v.progress)
  if (progress) status.progress = progress
  if (typeof v.code === "string") status.code = v.code.slice(0, 64)
  if (typeof v.at === "number") status.at = v.at
  const usage = v.apiUsage as { used?: unknown; max?: unknown } | undefined
  if (usage && typeof usage.used === "number" && typeof usage.max === "number" && usage.max > 0) status.apiUsage = { used: usage.used, max: usage.max }
  for (const n of ["calls", "written", "rejected"] as const) if (typeof v[n] === "number" && Number.isFinite(v[n])) status[n] = v[n] as number
  if (v.diagnostics !== undefined) status.diagnostics = v.diagnostics
  if (Array.isArray(v.origins)) {
    const origins = v.origins.filter((o): o is string => typeof o === "string" && /^https:\/\/[^/]+\/\*$/.test(o))
    if (origins.length) status.origins = origins
  }
  return status
}

const count = (value: unknown): number | undefined => (typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : undefined)

/** `{done, total?}` with numbers the panel can show; objects likewise, at most 20 of them. */
function readProgress(value: unknown): SyncProgress | undefined {
  const p = value as { done?: unknown; total?: unknown; objects?: unknown } | undefined
  const done = count(p?.done)
  if (done === undefined) return undefined
  const total = count(p?.total)
  const progress: SyncProgress = total !== undefined && total > 0 ? { done, total } : { done }
  if (p?.objects && typeof p.objects === "object") {
    const objects: Record<string, ObjectProgress> = {}
    for (const [name, o] of Object.entries(p.objects as Record<string, { done?: unknown; total?: unknown }>).slice(0, 20)) {
      const d = count(o?.done)
      if (d === undefined || !/^[A-Za-z0-9_]{1,80}$/.test(name)) continue
      const t = count(o?.total)
      objects[name] = t !== undefined ? { done: d, total: t } : { done: d }
    }
    if (Object.keys(objects).length) progress.objects = objects
  }
  return progress
}

export type SyncAction = "sync" | "retry" | "reload" | "grant" | "settings" | "pause" | null

export interface SyncCard {
  state: CardState
  title: MessageKey
  hint: MessageKey | null
  action: SyncAction
  actionLabel: MessageKey | null
}

export function describeSync(status: SyncStatus | undefined, crm: Crm): SyncCard {
  const words = CRM_MESSAGES[crm]
  switch (status?.state) {
    case undefined:
      return { state: "page-only", title: "statusPageOnly", hint: "statusPageOnlyHint", action: "sync", actionLabel: "actionSyncNow" }
    case "syncing":
      return { state: "syncing", title: "statusSyncing", hint: null, action: "pause", actionLabel: "actionPause" }
    case "synced":
      return { state: "synced", title: "statusSynced", hint: null, action: "sync", actionLabel: "actionSyncAgain" }
    case "dom-only":
      return { state: "dom-only", title: "statusDomOnly", hint: "statusDomOnlyHint", action: "retry", actionLabel: "actionCheckAgain" }
    case "session-expired":
      return {
        state: "session-expired",
        title: "statusSessionExpired",
        hint: words.sessionHint,
        action: "reload",
        actionLabel: words.reloadAction
      }
    case "permission-needed":
      return { state: "permission-needed", title: "statusPermissionNeeded", hint: "permissionHint", action: "grant", actionLabel: "actionGrant" }
    case "budget-exhausted":
      return { state: "budget-exhausted", title: "statusBudget", hint: "budgetHint", action: "settings", actionLabel: "actionOpenSettings" }
    case "partial":
      return { state: "partial", title: "statusPartial", hint: "partialHint", action: "retry", actionLabel: "actionRetry" }
    case "rate-limited":
      return { state: "rate-limited", title: "statusRateLimited", hint: "rateLimitedHint", action: "retry", actionLabel: "actionRetry" }
    case "offline":
      return { state: "offline", title: "statusOffline", hint: "offlineHint", action: "retry", actionLabel: "actionRetry" }
    case "storage-full":
      return { state: "storage-full", title: "statusStorageFull", hint: "storageFullHint", action: "settings", actionLabel: "actionFreeSpace" }
    case "paused":
      return { state: "paused", title: "statusPaused", hint: "pausedHint", action: "sync", actionLabel: "actionResume" }
    case "error":
      return { state: "error", title: "statusError", hint: "errorHint", action: "retry", actionLabel: "actionRetry" }
  }
}

/** Origins to request for an on-premises host: the status' own list, else `https://<host>/*`. */
export function permissionOrigins(status: SyncStatus | undefined, host: string): string[] {
  if (status?.origins?.length) return status.origins
  const h = host.trim().toLowerCase()
  return /^[a-z0-9.-]+(:\d{1,5})?$/.test(h) ? [`https://${h}/*`] : []
}

/** Progress as a 0-100 share, or null when the total is unknown (an indeterminate bar). */
export function progressPercent(status: SyncStatus | undefined): number | null {
  const p = status?.progress
  if (!p || p.total === undefined) return null
  return Math.max(0, Math.min(100, Math.round((p.done / p.total) * 100)))
}
