/**
 * Dynamics 365's API connector (src/crm/contract.ts): its pure rules (rules.ts) plus adapters over
 * the Web API sync, the note upload and the snapshot reading in this folder.
 * Dataverse calls go out from the CRM page's own origin when the background hands a `pageFetch`
 * (the content script relays them); otherwise through the worker's fetch with the org's cookies.
 */
import type { ApiConnector, ApiEnvironment, SyncHooks, SyncResult } from "../contract"
import { ShareError } from "../share-types"
import { apiRoot, DataverseClient, type FetchLike } from "./api"
import { dynamicsBaseUrl, dynamicsRules } from "./rules"
import { shareToDynamics, type WriteFetch } from "./share"
import { readDynamicsSnapshots } from "./snapshot-files"
import { syncDynamicsAccount, type DynamicsSyncDeps } from "./sync"

function fetchFor(env: ApiEnvironment): FetchLike & WriteFetch {
  return (env.pageFetch ?? env.fetch) as unknown as FetchLike & WriteFetch
}

export const dynamicsConnector: ApiConnector = {
  ...dynamicsRules,

  apiRoot: (org) => apiRoot(dynamicsBaseUrl(org)),

  async sync(env, org, accountId, hooks?: SyncHooks): Promise<SyncResult> {
    // Built as a variable so hooks the sync does not read yet ride along (no excess-property check).
    const deps: DynamicsSyncDeps & SyncHooks = {
      fetch: fetchFor(env),
      baseUrl: dynamicsBaseUrl(org),
      db: env.db,
      now: () => env.now(),
      ...(env.sleep ? { sleep: env.sleep } : {}),
      ...hooks
    }
    const result = await syncDynamicsAccount(deps, { org: org.org, accountId })
    return { status: result.status, calls: result.calls, written: result.written, rejected: result.rejected, diagnostics: result.diagnostics }
  },

  async share(env, org, input) {
    const accountUrl = dynamicsRules.recordUrl(org, "account", input.accountId)
    if (!accountUrl) throw new ShareError("rejected", "Parley cannot build a safe link to this Dynamics account.")
    return shareToDynamics({ fetch: fetchFor(env), baseUrl: dynamicsBaseUrl(org), now: () => env.now() }, { accountId: input.accountId, accountUrl, files: input.files, notetext: input.note })
  },

  async listSnapshots(env, org, accountId) {
    const client = new DataverseClient({ fetch: fetchFor(env), baseUrl: dynamicsBaseUrl(org), now: () => env.now() })
    return readDynamicsSnapshots(client, accountId)
  }
}
