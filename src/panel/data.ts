/**
 * Live queries the panel renders from: each re-runs when the background writes what it reads, so
 * the panel follows the focused tab and updates as sync and classification progress. The panel
 * never writes to Dexie; changes go to the background as messages.
 */
import { useLiveQuery } from "dexie-react-hooks"
import { useEffect, useState } from "react"
import { sessionArea } from "../platform/browser"
import type { AccountHistory } from "../model/schema"
import { readAccountHistory } from "../model/store"
import { buildTeamRows, BY_NAME, latestByAccount, sortRows, type TeamRow } from "./team/rows"
import { RelationshipProfile } from "../analysis/profile"
import { FOCUS_KEY, type Focus } from "../model/focus"
import { readStorageStatus, STORAGE_SESSION_KEY, STORAGE_STATUS_KEY, syncStatusKey, type StorageStatus } from "../model/sync-status"
import { db } from "../model/db"
import { orgKey, parseRecordKey } from "../model/keys"
import type { Account, PageRecord } from "../model/schema"
import { DEFAULT_SETTINGS, readSettings, SETTINGS_KEY, type Settings } from "../model/settings"
import { objectTypeFromUrl, type AccountResolution } from "../crm/account"
import { resolveAccount } from "../crm/resolve-account"
import type { CrmLocation } from "./links"
import { readSyncStatus, type SyncStatus } from "./sync"
import { buildRollup } from "../team/rollup"
import type { RollupRow, TeamFileRow, TeamRefreshState } from "../team/types"

export type { SyncStatus } from "./sync"

export interface AccountView {
  key: string
  resolution: AccountResolution["via"] | "selected"
  /** The synced account row, when there is one. */
  row: Account | undefined
  /** Best name known: the account row, else what the page's lookup field shows. */
  name: string | undefined
}

export type FocusView =
  | { kind: "loading" }
  | { kind: "no-crm-tab" }
  | { kind: "not-a-record"; focus: Focus }
  | { kind: "record"; focus: Focus; record: PageRecord | undefined; account: AccountView | null; sync: SyncStatus | undefined }

async function readSync(keys: (string | null | undefined)[]): Promise<SyncStatus | undefined> {
  // `sync:<accountKey>` is the contract; `sync:<recordKey>` is read too while the connectors and
  // the panel may disagree on which key a DOM-only record's status lives under.
  for (const key of keys) {
    if (!key) continue
    const status = readSyncStatus((await db().meta.get(syncStatusKey(key)))?.value)
    if (status) return status
  }
  return undefined
}

async function accountView(key: string, via: AccountView["resolution"], nameOnPage?: string): Promise<AccountView> {
  const row = await db().accounts.get(key)
  return { key, resolution: via, row, name: row?.name ?? nameOnPage }
}

export async function readFocusView(): Promise<FocusView> {
  const focus = (await db().meta.get(FOCUS_KEY))?.value as Focus | undefined
  if (!focus || typeof focus !== "object") return { kind: "no-crm-tab" }
  if (!focus.recordKey) return { kind: "not-a-record", focus }
  const record = await db().pageRecords.get(focus.recordKey)
  const parsed = parseRecordKey(focus.recordKey)
  const resolution = parsed
    ? await resolveAccount(db(), {
        key: focus.recordKey,
        crm: parsed.crm,
        org: parsed.org,
        objectType: record?.objectType ?? objectTypeFromUrl(parsed.crm, focus.url),
        fields: record?.fields
      })
    : null
  const account = resolution ? await accountView(resolution.accountKey, resolution.via, resolution.nameOnPage) : null
  const sync = await readSync([account?.key, focus.recordKey])
  return { kind: "record", focus, record, account, sync }
}

/**
 * The browser-wide storage state: the `meta` row, or its mirror in extension session storage
 * (written even when the database has no room for the row).
 */
export function useStorageStatus(): StorageStatus | undefined {
  const stored = useLiveQuery(async () => readStorageStatus((await db().meta.get(STORAGE_STATUS_KEY))?.value), [])
  const [mirror, setMirror] = useState<StorageStatus | undefined>(undefined)
  useEffect(() => {
    if (!sessionArea.available()) return
    let live = true
    void sessionArea.read(STORAGE_SESSION_KEY).then((value) => live && setMirror(readStorageStatus(value)), () => undefined)
    const unsubscribe = sessionArea.onChanged(STORAGE_SESSION_KEY, (value) => setMirror(readStorageStatus(value)))
    return () => {
      live = false
      unsubscribe()
    }
  }, [])
  return mirror ?? stored
}

export function useFocusView(): FocusView {
  return useLiveQuery(readFocusView) ?? { kind: "loading" }
}

/** An account chosen in the team view (not the one the CRM tab shows). */
export function useSelectedAccount(accountKey: string | null): { account: AccountView; sync: SyncStatus | undefined } | null | undefined {
  const result = useLiveQuery(async () => {
    if (!accountKey) return null
    const account = await accountView(accountKey, "selected")
    return { account, sync: await readSync([accountKey]) }
  }, [accountKey])
  return current(result, accountKey, (r) => r?.account.key ?? null)
}

/**
 * useLiveQuery keeps returning the previous result while the query for new deps runs; a result
 * that belongs to another key is "not loaded yet" (else the panel flashes the old account's data).
 */
function current<T>(result: T | undefined, key: string | null | undefined, keyOf: (r: T) => string | null | undefined): T | undefined {
  return result !== undefined && (keyOf(result) ?? null) === (key ?? null) ? result : undefined
}

export function useSettings(): Settings {
  return useLiveQuery(async () => readSettings((await db().meta.get(SETTINGS_KEY))?.value)) ?? DEFAULT_SETTINGS
}

export type ProfileState =
  | { state: "loading" }
  | { state: "missing"; accountKey: string | null }
  | { state: "invalid"; accountKey: string; error: string }
  | { state: "ready"; accountKey: string; profile: RelationshipProfile; computedAt: number }

/** The stored profile, validated: it crossed a context boundary and may come from an older build. */
export function useProfile(accountKey: string | null | undefined): ProfileState {
  const result = useLiveQuery(async (): Promise<ProfileState> => {
    if (!accountKey) return { state: "missing", accountKey: null }
    const row = await db().profiles.get(accountKey)
    if (!row) return { state: "missing", accountKey }
    const parsed = RelationshipProfile.safeParse(row.profile)
    if (!parsed.success) return { state: "invalid", accountKey, error: parsed.error.issues[0]?.message ?? "invalid profile" }
    return { state: "ready", accountKey, profile: parsed.data, computedAt: row.computedAt }
  }, [accountKey])
  return current(result, accountKey, (r) => (r.state === "loading" ? undefined : r.accountKey)) ?? { state: "loading" }
}

/**
 * Where evidence links of `accountKey` point: the focused tab's host for its own org, else the
 * host recorded for that org (team view), else nowhere (links are then left out).
 */
export function useCrmLocation(accountKey: string | null | undefined, focus: Focus | undefined): CrmLocation | null {
  const key = accountKey ? parseRecordKey(accountKey) : null
  const sameOrg = !key || (focus !== undefined && focus.crm === key.crm && focus.org === key.org)
  // Another org's host (team view) needs a read; links are left out until it arrives.
  const other = useLiveQuery(async () => (key && !sameOrg ? ((await db().orgs.get(orgKey(key.crm, key.org))) ?? null) : null), [key?.crm, key?.org, sameOrg])
  if (sameOrg) return focus ? { crm: focus.crm, org: focus.org, host: focus.host, url: focus.url } : null
  return other && key && other.key === orgKey(key.crm, key.org) ? { crm: key.crm, org: key.org, host: other.host } : null
}

/** One account's whole history (History tab); null when Parley has no account row for it. */
export function useAccountHistory(accountKey: string | null): AccountHistory | null | undefined {
  const result = useLiveQuery(async () => ({ accountKey, history: accountKey ? ((await readAccountHistory(db(), accountKey)) ?? null) : null }), [accountKey])
  return current(result, accountKey, (r) => r.accountKey)?.history
}

/** Every account with its stored labels, sorted by name here, off the table's render path. */
export function useTeamRows(): TeamRow[] | undefined {
  return useLiveQuery(async () => {
    const [accounts, profiles, activity] = await Promise.all([
      db().accounts.toArray(),
      db().profiles.toArray(),
      // Index keys only ([accountKey, at]): the latest activity per account without reading rows.
      db().interactions.orderBy("[accountKey+at]").keys()
    ])
    return sortRows(buildTeamRows(accounts, profiles, latestByAccount(activity)), BY_NAME)
  })
}

/** The `meta` rows of the team refresh (`team-refresh:<crm>:<org>`, src/team/keys.ts). */
const TEAM_REFRESH_PREFIX = "team-refresh:"

export interface TeamRollupData {
  /** One row per account, attention first (buildRollup). */
  rows: RollupRow[]
  /** Files the refresh kept out, with their reason. */
  skipped: TeamFileRow[]
  /** Each org's last refresh. */
  states: TeamRefreshState[]
  /** Cached files of any kind: the Team tab opens on the roll-up when there is one. */
  files: number
}

function readRefreshState(value: unknown): TeamRefreshState | null {
  if (typeof value !== "object" || value === null) return null
  const v = value as Partial<TeamRefreshState>
  return typeof v.crm === "string" && typeof v.org === "string" ? (v as TeamRefreshState) : null
}

/** The team roll-up from the cache the background fills (`teamFiles`), rebuilt when it changes or the stale age does. */
export function useTeamRollup(staleDays: number): TeamRollupData | undefined {
  return useLiveQuery(async () => {
    const [files, metas] = await Promise.all([db().teamFiles.toArray(), db().meta.where("key").startsWith(TEAM_REFRESH_PREFIX).toArray()])
    return {
      rows: buildRollup(files, { now: Date.now(), staleDays }),
      skipped: files.filter((f) => f.status === "skipped"),
      states: metas.map((m) => readRefreshState(m.value)).filter((s): s is TeamRefreshState => s !== null),
      files: files.length
    }
  }, [staleDays])
}
