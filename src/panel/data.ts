/** Live queries the panel renders from: each re-runs when the background writes what it reads. */
import { useLiveQuery } from "dexie-react-hooks"
import { FOCUS_KEY, syncStatusKey, type Focus } from "../background/state"
import { db } from "../model/db"
import type { PageRecord } from "../model/schema"

export interface SyncStatus {
  state: "syncing" | "synced" | "dom-only" | "session-expired" | "permission-needed" | "budget-exhausted" | "error"
  message?: string
  progress?: { done: number; total?: number }
  at?: number
}

export type FocusView =
  | { kind: "loading" }
  | { kind: "no-crm-tab" }
  | { kind: "not-a-record"; focus: Focus }
  | { kind: "record"; focus: Focus; record: PageRecord | undefined; sync: SyncStatus | undefined }

export function useFocusView(): FocusView {
  return (
    useLiveQuery(async (): Promise<FocusView> => {
      const row = await db().meta.get(FOCUS_KEY)
      const focus = row?.value as Focus | undefined
      if (!focus) return { kind: "no-crm-tab" }
      if (!focus.recordKey) return { kind: "not-a-record", focus }
      const [record, sync] = await Promise.all([
        db().pageRecords.get(focus.recordKey),
        db().meta.get(syncStatusKey(focus.recordKey))
      ])
      return { kind: "record", focus, record, sync: sync?.value as SyncStatus | undefined }
    }) ?? { kind: "loading" }
  )
}
