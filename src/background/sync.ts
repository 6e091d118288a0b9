/**
 * After a content script reports a record: find the account behind it, sync that account's
 * history through the rep's own session, and re-classify it. Each step is idempotent (keys,
 * cursors), so a worker killed halfway simply does the rest on the next observation.
 */
import { dynamicsOrgUrl } from "../crm/dynamics/org-url"
import { syncDynamicsAccount } from "../crm/dynamics/sync"
import { toApiHost } from "../crm/salesforce/hosts"
import { syncSalesforceAccount } from "../crm/salesforce/sync"
import type { ParleyDB } from "../model/db"
import { recordKey } from "../model/keys"
import { readSettings, SETTINGS_KEY } from "../model/settings"
import type { PageObservation } from "../messaging/messages"
import { syncStatusKey, type SyncStatus } from "../model/sync-status"
import { reclassifyAccount } from "./classify"
import { dataverseAccess, type DataverseAccessFor } from "./page-fetch"
import { findSalesforceSessions, type CookieReader } from "./salesforce-session"

export interface SyncEnvironment {
  db: ParleyDB
  fetch: typeof fetch
  cookies: CookieReader
  now(): number
  /** How Dynamics is reached: through a tab of the org (page-fetch.ts); tests inject the mock. */
  dataverse?: DataverseAccessFor
}

/** Lookup fields that name the account behind a non-account record, per CRM. */
const ACCOUNT_LOOKUPS = ["AccountId", "parentaccountid", "customerid", "accountid", "parentcustomerid"]
/** Canonical tables whose rows carry `accountKey`, by CRM object name (both CRMs, lower-cased). */
const TABLE_BY_OBJECT: Record<string, "deals" | "quotes" | "cases" | "contacts" | "contracts"> = {
  opportunity: "deals",
  quote: "quotes",
  case: "cases",
  incident: "cases",
  contact: "contacts",
  contract: "contracts"
}

/** The account a record belongs to: itself, its synced canonical row, or its account lookup. */
export async function accountIdFor(db: ParleyDB, page: PageObservation): Promise<string | null> {
  const record = page.record
  if (!record) return null
  if (/^account$/i.test(record.objectType)) return record.id
  const table = TABLE_BY_OBJECT[record.objectType.toLowerCase()]
  if (table) {
    const row = await db.table(table).get(recordKey(page.crm, page.org, record.id))
    const accountKey = (row as { accountKey?: string } | undefined)?.accountKey
    if (accountKey) return accountKey.split(":")[2] ?? null
  }
  for (const field of ACCOUNT_LOOKUPS) {
    const related = record.fields[field]?.relatedId
    if (related) return related
  }
  return null
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

/** `tabId`: the CRM tab the page is in, so the session is read from that tab's cookie store. */
export function syncAndClassify(env: SyncEnvironment, page: PageObservation, options: { force?: boolean; tabId?: number } = {}): Promise<void> {
  const key = `${page.crm}:${page.org}`
  const running = syncAndClassifyOnce(env, page, options)
  const set = inFlight.get(key) ?? new Set()
  set.add(running)
  inFlight.set(key, set)
  return running.finally(() => set.delete(running))
}

async function syncAndClassifyOnce(env: SyncEnvironment, page: PageObservation, options: { force?: boolean; tabId?: number }): Promise<void> {
  const accountId = await accountIdFor(env.db, page)
  if (!accountId) return
  const settings = readSettings((await env.db.meta.get(SETTINGS_KEY))?.value)
  const accountKey = recordKey(page.crm, page.org, accountId)
  const last = (await env.db.meta.get(syncStatusKey(accountKey)))?.value as SyncStatus | undefined
  if (!options.force && isFresh(last, env.now(), settings.minSyncIntervalMinutes)) {
    if (!(await env.db.profiles.get(accountKey))) await reclassifyAccount(env.db, accountKey, env.now())
    return
  }
  let written = 0
  if (page.crm === "salesforce") {
    const sessions = await findSalesforceSessions(env.cookies, page.host, toApiHost(page.host), { tabId: options.tabId })
    const result = await syncSalesforceAccount(
      {
        fetch: env.fetch,
        // No API session cookie: the sync reports "session expired" with the fix for the rep.
        getSession: async () => (sessions[0] ? { apiHost: sessions[0].apiHost, sid: sessions[0].sid } : null),
        getSessions: async () => sessions.map((s) => ({ apiHost: s.apiHost, sid: s.sid })),
        db: env.db,
        now: env.now,
        budget: { dailyCalls: settings.dailyCallBudget }
      },
      { org: page.org, accountId }
    )
    written = result.written
  } else {
    const result = await syncDynamicsAccount({ ...(await (env.dataverse ?? dataverseAccess)(page)), db: env.db, now: env.now, reconcile: options.force }, { org: page.org, accountId })
    written = result.written + result.deleted
  }
  if (written > 0 || !(await env.db.profiles.get(accountKey))) await reclassifyAccount(env.db, accountKey, env.now())
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

/** The Dynamics org URL (src/crm/dynamics/org-url.ts owns the rule). */
export function dynamicsBaseUrl(page: Pick<PageObservation, "host" | "org"> & { url?: string }): string {
  return dynamicsOrgUrl(page)
}
