/**
 * Dynamics 365's API connector (src/crm/contract.ts): its pure rules (rules.ts) plus adapters over
 * the Web API sync, the note upload, the snapshot reading and the team's snapshot notes
 * (team-notes.ts) in this folder. Every Dataverse call
 * goes out from the CRM page's own origin: through a tab of the org (page-fetch.ts relays it to
 * the content script), never from the worker. The org URL and API root come from org-url.ts.
 */
import type { ApiConnector, ApiEnvironment, OrgLocation, SyncHooks, SyncResult } from "../contract"
import { orgBudget, realClock } from "../request-budget"
import { ShareError } from "../share-types"
import { DataverseClient, PageGoneError, type FetchLike } from "./api"
import { dynamicsApiRoot, dynamicsOrgUrl } from "./org-url"
import { dataverseAccess, type DataverseAccess } from "./page-fetch"
import { dynamicsRules } from "./rules"
import { shareToDynamics } from "./share"
import { readDynamicsSnapshots } from "./snapshot-files"
import { syncDynamicsAccount, type DynamicsSyncDeps } from "./sync"
import { listDynamicsTeamNotes, readDynamicsTeamNotes } from "./team-notes"

/** No tab to relay through: every request fails as a closed tab does (the cursors wait). */
const noTab: FetchLike = async () => {
  throw new PageGoneError()
}

/** The page-origin fetch and the org URL for this org (a test's injected fetch, or its tabs). */
async function access(env: ApiEnvironment, org: OrgLocation): Promise<DataverseAccess> {
  if (env.pageFetch) return { fetch: env.pageFetch as unknown as FetchLike, baseUrl: dynamicsOrgUrl(org) }
  if (env.tabs) return dataverseAccess(env.tabs, { ...org, ...(env.tabId !== undefined ? { tabId: env.tabId } : {}) })
  return { fetch: noTab, baseUrl: dynamicsOrgUrl(org) }
}

/** The org's one request budget: the same slots, window and Retry-After hold as its syncs. */
function budgetOf(env: ApiEnvironment, org: OrgLocation) {
  const sleep = env.sleep ?? realClock.sleep
  return orgBudget("dynamics", org.org, { db: env.db, clock: { now: () => env.now(), sleep } })
}

/** A read client of the org: its page-origin fetch and its one budget. */
async function clientOf(env: ApiEnvironment, org: OrgLocation): Promise<DataverseClient> {
  return new DataverseClient({ ...(await access(env, org)), now: () => env.now(), budget: budgetOf(env, org) })
}

export const dynamicsConnector: ApiConnector = {
  ...dynamicsRules,

  apiRoot: (org) => dynamicsApiRoot(org),

  async sync(env, org, accountId, hooks?: SyncHooks): Promise<SyncResult> {
    const { force, ...pageHooks } = hooks ?? {}
    const deps: DynamicsSyncDeps = {
      ...(await access(env, org)),
      db: env.db,
      now: () => env.now(),
      ...(force ? { reconcile: true } : {}),
      ...(env.sleep ? { sleep: env.sleep } : {}),
      ...pageHooks
    }
    const result = await syncDynamicsAccount(deps, { org: org.org, accountId })
    // Removals change the history as much as writes do: both call for a new classification.
    return { status: result.status, calls: result.calls, written: result.written + result.deleted, rejected: result.rejected, diagnostics: result.diagnostics }
  },

  async share(env, org, input) {
    const accountUrl = dynamicsRules.recordUrl(org, "account", input.accountId)
    if (!accountUrl) throw new ShareError("rejected", "Parley cannot build a safe link to this Dynamics account.")
    return shareToDynamics({ ...(await access(env, org)), now: () => env.now(), budget: budgetOf(env, org), ...(env.sleep ? { sleep: env.sleep } : {}) }, { accountId: input.accountId, accountUrl, files: input.files, notetext: input.note })
  },

  async listSnapshots(env, org, accountId) {
    return readDynamicsSnapshots(await clientOf(env, org), accountId)
  },

  async listTeamSnapshots(env, org, { since }) {
    return listDynamicsTeamNotes(await clientOf(env, org), { since })
  },

  async readTeamSnapshots(env, org, refs, onBody) {
    return readDynamicsTeamNotes(await clientOf(env, org), refs, onBody)
  }
}
