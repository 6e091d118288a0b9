/**
 * Dynamics 365's API connector (src/crm/contract.ts): an adapter over the Web API sync, the note
 * upload and the snapshot reading in this folder. `apiRoot` is the one place that turns an org
 * into its Web API root (online host, or on-premises host with its port and `/<org>` path).
 * Dataverse calls go out from the CRM page's own origin when the background hands a `pageFetch`
 * (the content script relays them); otherwise through the worker's fetch with the org's cookies.
 */
import { CRM_OBJECTS } from "../../model/crm-objects"
import type { AccountCandidate, ApiConnector, ApiEnvironment, OrgLocation, RecordLike, SyncHooks, SyncResult } from "../contract"
import { ShareError } from "../share-types"
import { apiRoot, DataverseClient, type FetchLike } from "./api"
import { shareToDynamics, type WriteFetch } from "./share"
import { readDynamicsSnapshots } from "./snapshot-files"
import { syncDynamicsAccount, type DynamicsSyncDeps } from "./sync"

/**
 * Lookups that can name the account. `customerid` and `parentcustomerid` may point at a contact,
 * so the account-only lookups come first; the resolver prefers a candidate already known as an
 * account (src/crm/account.ts).
 */
const ACCOUNT_LOOKUPS = ["parentaccountid", "accountid", "customerid", "parentcustomerid"]

const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i
const TABLE = /^[a-z][a-z0-9_]{0,63}$/
const SEGMENT = /^[A-Za-z0-9_.-]+$/

/**
 * The org's path on its host: "" online, "/<orgname>" on premises. The org key says which
 * (`crm.contoso.local/contoso`, lower-cased); a page URL of the org (`/Contoso/main.aspx`) gives
 * the path as the server spells it. Null when the key's path is not a plain segment.
 */
export function dynamicsBasePath(org: Pick<OrgLocation, "org" | "url">): string | null {
  const segment = org.org.split("/").slice(1).join("/")
  if (segment === "") return ""
  if (!SEGMENT.test(segment)) return null
  let fromUrl: string | undefined
  try {
    fromUrl = org.url ? /^\/([^/]+)\//.exec(new URL(org.url).pathname)?.[1] : undefined
  } catch {
    fromUrl = undefined
  }
  return `/${fromUrl && fromUrl.toLowerCase() === segment.toLowerCase() ? fromUrl : segment}`
}

/** The org URL (what Xrm's getClientUrl() returns): host with its port, plus the org path. */
export function dynamicsBaseUrl(org: Pick<OrgLocation, "host" | "org" | "url">): string {
  return `https://${org.host}${dynamicsBasePath(org) ?? ""}`
}

function fetchFor(env: ApiEnvironment): FetchLike & WriteFetch {
  return (env.pageFetch ?? env.fetch) as unknown as FetchLike & WriteFetch
}

export const dynamicsConnector: ApiConnector = {
  crm: "dynamics",
  label: "Dynamics 365",

  apiRoot: (org) => apiRoot(dynamicsBaseUrl(org)),

  objectFor: (recordType) => (CRM_OBJECTS as Readonly<Record<string, { dynamics: string }>>)[recordType]?.dynamics,

  accountOf(record: RecordLike): AccountCandidate[] {
    const fields = record.fields ?? {}
    const byLower = new Map(Object.keys(fields).map((name) => [name.toLowerCase(), name]))
    const out: AccountCandidate[] = []
    for (const wanted of ACCOUNT_LOOKUPS) {
      const name = byLower.get(wanted)
      const field = name === undefined ? undefined : fields[name]
      const id = field?.relatedId ? GUID.exec(field.relatedId.trim())?.[1]?.toLowerCase() : undefined
      if (!field || !id || out.some((c) => c.id === id)) continue
      const shown = field.value.trim()
      out.push(shown ? { id, nameOnPage: shown } : { id })
    }
    return out
  },

  recordUrl(org, object, id) {
    const table = object.toLowerCase()
    const base = dynamicsBasePath(org)
    if (base === null || !TABLE.test(table) || !GUID.test(id) || id.includes("{")) return null
    return `https://${org.host}${base}/main.aspx?pagetype=entityrecord&etn=${table}&id=${id.toLowerCase()}`
  },

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
    const accountUrl = dynamicsConnector.recordUrl(org, "account", input.accountId)
    if (!accountUrl) throw new ShareError("rejected", "Parley cannot build a safe link to this Dynamics account.")
    return shareToDynamics({ fetch: fetchFor(env), baseUrl: dynamicsBaseUrl(org), now: () => env.now() }, { accountId: input.accountId, accountUrl, files: input.files, notetext: input.note })
  },

  async listSnapshots(env, org, accountId) {
    const client = new DataverseClient({ fetch: fetchFor(env), baseUrl: dynamicsBaseUrl(org), now: () => env.now() })
    return readDynamicsSnapshots(client, accountId)
  }
}
