/**
 * After a content script reports a record: find the account behind it, sync that account's
 * history through the rep's own session, and re-classify it. Each step is idempotent (keys,
 * cursors), so a worker killed halfway simply does the rest on the next observation. Which CRM
 * it is does not matter here: the registry's connector does the CRM's part.
 */
import type { ApiEnvironment, CookieReader, OrgLocation, PageFetch, SyncHooks, TabMessenger } from "../crm/contract"
import { connectorFor } from "../crm/registry"
import { resolveAccount } from "../crm/resolve-account"
import type { PageObservation } from "../messaging/messages"
import type { ParleyDB } from "../model/db"
import { parseRecordKey, recordKey } from "../model/keys"
import { readSettings, SETTINGS_KEY } from "../model/settings"
import { mergeProgress, syncPausedKey, syncStatusKey, type SyncProgressReport, type SyncStatus } from "../model/sync-status"
import { hasCurrentProfile, reclassifyAccount } from "./classify"

export interface SyncEnvironment {
  db: ParleyDB
  fetch: typeof fetch
  cookies: CookieReader
  now(): number
  /** The browser's tabs: calls that must go out from a CRM page are relayed through one. */
  tabs?: TabMessenger
  /** A ready page-origin fetch instead of tabs (tests hand the CRM mock here). */
  pageFetch?: PageFetch
}

/** What a connector call gets: the worker's capabilities plus the rep's current settings, and
 * the CRM tab that asked (its cookie store, its page first for relayed calls). */
export async function apiEnvironment(env: SyncEnvironment, tabId?: number): Promise<ApiEnvironment> {
  const settings = readSettings((await env.db.meta.get(SETTINGS_KEY))?.value)
  return {
    db: env.db,
    fetch: env.fetch,
    cookies: env.cookies,
    now: () => env.now(),
    settings,
    ...(env.tabs ? { tabs: env.tabs } : {}),
    ...(env.pageFetch ? { pageFetch: env.pageFetch } : {}),
    ...(tabId !== undefined ? { tabId } : {})
  }
}

/** The account a record belongs to (src/crm/account.ts, the panel's answer too), as its id. */
export async function accountIdFor(db: ParleyDB, page: PageObservation): Promise<string | null> {
  const record = page.record
  if (!record) return null
  const resolved = await resolveAccount(db, { key: recordKey(page.crm, page.org, record.id), crm: page.crm, org: page.org, objectType: record.objectType, fields: record.fields })
  return resolved ? (parseRecordKey(resolved.accountKey)?.id ?? null) : null
}

/** True when the account's last sync finished recently enough that a page view needs no new one.
 * A DOM-only org refused the API a moment ago: asking again on every page view only spends calls. */
export function isFresh(status: SyncStatus | undefined, now: number, minIntervalMinutes: number): boolean {
  return !!status && (status.state === "synced" || status.state === "dom-only") && now - status.at < minIntervalMinutes * 60_000
}

const inFlight = new Map<string, Set<Promise<void>>>()

/** Syncs of one org still running in this worker ("forget this org" waits for them). */
export function syncsInFlight(crm: string, org: string): Promise<void>[] {
  return [...(inFlight.get(`${crm}:${org}`) ?? [])]
}

/** `tabId`: the CRM tab the page is in (its cookie store holds the session; it relays page-origin calls). */
export function syncAndClassify(env: SyncEnvironment, page: PageObservation, options: { force?: boolean; tabId?: number } = {}): Promise<void> {
  const key = `${page.crm}:${page.org}`
  const running = syncAndClassifyOnce(env, page, options)
  const set = inFlight.get(key) ?? new Set()
  set.add(running)
  inFlight.set(key, set)
  return running.finally(() => set.delete(running))
}

/**
 * The hooks a connector calls between pages: progress goes into the account's status row while
 * it still says "syncing" (read and written in one transaction, so a late report never
 * overwrites the final status), and the pause flag is read from `meta`.
 */
export function syncHooks(db: ParleyDB, accountKey: string): SyncHooks & { settled(): Promise<unknown> } {
  let chain: Promise<unknown> = Promise.resolve()
  return {
    /** Resolves once every progress report so far is written (or found too late to write). */
    settled: () => chain,
    onProgress(report: SyncProgressReport) {
      chain = chain
        .then(() =>
          db.transaction("rw", db.meta, async () => {
            const row = (await db.meta.get(syncStatusKey(accountKey)))?.value as SyncStatus | undefined
            if (row?.state !== "syncing") return
            await db.meta.put({ key: syncStatusKey(accountKey), value: { ...row, progress: mergeProgress(row.progress, report) } })
          })
        )
        .catch((e) => console.error("Parley: progress not recorded", e))
    },
    isPaused: async () => (await db.meta.get(syncPausedKey(accountKey)))?.value === true
  }
}

async function syncAndClassifyOnce(env: SyncEnvironment, page: PageObservation, options: { force?: boolean; tabId?: number }): Promise<void> {
  const accountId = await accountIdFor(env.db, page)
  if (!accountId) return
  const accountKey = recordKey(page.crm, page.org, accountId)
  const hooks = syncHooks(env.db, accountKey)
  if (options.force) await env.db.meta.delete(syncPausedKey(accountKey))
  else if (await hooks.isPaused!()) return // the rep paused it: only "Sync now" resumes
  const org: OrgLocation = { crm: page.crm, org: page.org, host: page.host, url: page.url }
  const api = await apiEnvironment(env, options.tabId)
  const last = (await env.db.meta.get(syncStatusKey(accountKey)))?.value as SyncStatus | undefined
  if (!options.force && isFresh(last, env.now(), api.settings.minSyncIntervalMinutes)) {
    if (!(await hasCurrentProfile(env.db, accountKey))) await reclassifyAccount(env.db, accountKey, env.now())
    return
  }
  // The sync must have read the CRM after the moment this call would still take as fresh: a
  // running one that started before it (before the rep's latest change, perhaps) is not enough.
  const notBefore = options.force ? env.now() : env.now() - api.settings.minSyncIntervalMinutes * 60_000
  const result = await connectorFor(page.crm).sync(api, org, accountId, { ...hooks, notBefore, ...(options.force ? { force: true } : {}) })
  await hooks.settled()
  // A pause is for the running sync: one that finished anyway (the pause came after its last
  // page) leaves no flag behind to stop the next page view's sync.
  if (result.status.state !== "paused") await env.db.meta.delete(syncPausedKey(accountKey))
  if (result.written > 0 || !(await hasCurrentProfile(env.db, accountKey))) await reclassifyAccount(env.db, accountKey, env.now())
}

/** Rebuilds the observation of a stored page record, for "sync now" from the panel. */
export async function observationFor(db: ParleyDB, key: string): Promise<PageObservation | null> {
  const page = await db.pageRecords.get(key)
  const org = page && (await db.orgs.get(`${page.crm}:${page.org}`))
  if (!page || !org) return null
  return {
    crm: page.crm,
    host: org.host,
    org: page.org,
    url: page.url,
    record: { objectType: page.objectType, id: page.id, ...(page.name ? { name: page.name } : {}), fields: page.fields }
  }
}
