/**
 * Salesforce's API connector (src/crm/contract.ts): its pure rules (rules.ts) plus adapters over
 * the sync, share and snapshot reading in this folder, so the background and the panel reach Salesforce only through the
 * registry. The session is the rep's own (`sid` cookie of the org's API host), found per call and
 * never stored.
 */
import { API_LIMITS } from "../../../plasmo.config"
import type { ApiConnector, ApiEnvironment, OrgLocation, SyncDiagnostic, SyncHooks, SyncResult } from "../contract"
import { ShareError } from "../share-types"
import { SalesforceClient } from "./api"
import { Semaphore } from "./budget"
import { toApiHost } from "./hosts"
import { salesforceRules } from "./rules"
import { API_VERSION } from "./soql"
import { shareToSalesforce } from "./share"
import { findSalesforceSessions } from "./session"
import { readSalesforceSnapshots } from "./snapshot-files"
import { syncSalesforceAccount, type SalesforceSyncDeps, type SyncDiagnostics } from "./sync"

/** Every API session candidate of the org, best first, from the asking tab's cookie store. */
function sessions(env: ApiEnvironment, org: OrgLocation) {
  return findSalesforceSessions(env.cookies, org.host, toApiHost(org.host), env.tabId !== undefined ? { tabId: env.tabId } : {})
}

async function session(env: ApiEnvironment, org: OrgLocation) {
  return (await sessions(env, org))[0] ?? null
}

/** The Salesforce diagnostics object, in the contract's one list shape. */
export function salesforceDiagnostics(d: SyncDiagnostics): SyncDiagnostic[] {
  return [
    ...d.errors.map((message): SyncDiagnostic => ({ kind: "error", message })),
    ...d.disabledParts.map((part): SyncDiagnostic => ({ kind: "disabled-part", object: part, message: `The org lacks ${part}; it is left out` })),
    ...d.rejected.map((r): SyncDiagnostic => ({ kind: "rejected", object: r.object, message: r.reason, ...(r.id ? { recordKey: r.id } : {}) }))
  ]
}

export const salesforceConnector: ApiConnector = {
  ...salesforceRules,

  apiRoot: (org) => `https://${toApiHost(org.host)}/services/data/${API_VERSION}`,

  async sync(env, org, accountId, hooks?: SyncHooks): Promise<SyncResult> {
    const found = await sessions(env, org)
    const { force: _force, ...pageHooks } = hooks ?? {}
    const deps: SalesforceSyncDeps = {
      fetch: env.fetch,
      // No API session cookie: the sync reports "session expired" with the fix for the rep. A
      // stale cookie (an old My Domain) is passed over for the next candidate.
      getSession: async () => (found[0] ? { apiHost: found[0].apiHost, sid: found[0].sid } : null),
      getSessions: async () => found.map((s) => ({ apiHost: s.apiHost, sid: s.sid })),
      db: env.db,
      now: () => env.now(),
      budget: { dailyCalls: env.settings.dailyCallBudget },
      ...(env.sleep ? { sleep: env.sleep } : {}),
      ...pageHooks
    }
    const result = await syncSalesforceAccount(deps, { org: org.org, accountId })
    return { status: result.status, calls: result.calls, written: result.written, rejected: result.rejected, diagnostics: salesforceDiagnostics(result.diagnostics) }
  },

  async share(env, org, input) {
    const found = await session(env, org)
    if (!found) throw new ShareError("session-expired", "No Salesforce API session: reload Salesforce (sign in if it asks) and share again.")
    return shareToSalesforce(
      { fetch: env.fetch, session: found, uiHost: org.host, db: env.db, now: () => env.now(), dailyCalls: env.settings.dailyCallBudget },
      { accountId: input.accountId, files: input.files, description: input.note }
    )
  },

  async listSnapshots(env, org, accountId) {
    const found = await session(env, org)
    if (!found) throw new ShareError("session-expired", "No Salesforce API session: reload Salesforce and try again.")
    const limits = API_LIMITS.salesforce
    const client = new SalesforceClient(
      { fetch: env.fetch, db: env.db, now: () => env.now(), sleep: env.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))) },
      { apiHost: found.apiHost, sid: found.sid },
      new Semaphore(limits.maxInFlight),
      { maxInFlight: limits.maxInFlight, dailyCalls: env.settings.dailyCallBudget, maxRetries: 2, backoffMs: 500 }
    )
    return readSalesforceSnapshots(client, accountId)
  }
}
