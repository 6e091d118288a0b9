/**
 * Salesforce's API connector (src/crm/contract.ts): its pure rules (rules.ts) plus adapters over
 * the sync, share and snapshot reading in this folder, so the background and the panel reach Salesforce only through the
 * registry. The session is the rep's own (`sid` cookie of the org's API host), found per call and
 * never stored.
 */
import type { ApiConnector, ApiEnvironment, OrgLocation, SyncDiagnostic, SyncHooks, SyncResult } from "../contract"
import { ShareError, type TeamSnapshotBody } from "../share-types"
import { limitsFor, orgBudget } from "../request-budget"
import { SalesforceApiError, SalesforceClient, type SalesforceSession } from "./api"
import { toApiHost } from "./hosts"
import { salesforceRules } from "./rules"
import { API_VERSION } from "./soql"
import { shareToSalesforce } from "./share"
import { findSalesforceSessions, withEachSession } from "./session"
import { readSalesforceSnapshots } from "./snapshot-files"
import { syncSalesforceAccount, type SalesforceSyncDeps, type SyncDiagnostics } from "./sync"
import { listSalesforceTeamFiles, readSalesforceTeamFiles } from "./team-files"

/** Every API session candidate of the org, best first, from the asking tab's cookie store. */
function sessions(env: ApiEnvironment, org: OrgLocation) {
  return findSalesforceSessions(env.cookies, org.host, toApiHost(org.host), env.tabId !== undefined ? { tabId: env.tabId } : {})
}

const sleepOf = (env: ApiEnvironment) => env.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))

/** The org's one request budget, with the rep's daily call budget. */
const budgetOf = (env: ApiEnvironment, org: OrgLocation) =>
  orgBudget("salesforce", org.org, { db: env.db, clock: { now: () => env.now(), sleep: sleepOf(env) }, limits: limitsFor("salesforce", { daily: env.settings.dailyCallBudget }) })

/**
 * Runs a share or a listing with each of the org's sessions until one is not refused as expired
 * (the sync does the same: a stale `sid` of an old My Domain beside the valid one).
 */
async function withSession<T>(env: ApiEnvironment, org: OrgLocation, attempt: (session: SalesforceSession) => Promise<T>, noSession: string): Promise<T> {
  const found = (await sessions(env, org)).map((s) => ({ apiHost: s.apiHost, sid: s.sid }))
  if (!found.length) throw new ShareError("session-expired", noSession)
  return withEachSession(`${env.db.name}|${org.org}`, found, attempt, (outcome) => {
    if ("value" in outcome) return "held"
    const { error } = outcome
    const kind = error instanceof ShareError || error instanceof SalesforceApiError ? error.kind : undefined
    return kind === "session-expired" ? "stale" : kind === "network" ? "unknown" : "held"
  })
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
    const { force: _force, notBefore, ...pageHooks } = hooks ?? {}
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
    const result = await syncSalesforceAccount(deps, { org: org.org, accountId, ...(notBefore !== undefined ? { notBefore } : {}) })
    return { status: result.status, calls: result.calls, written: result.written, rejected: result.rejected, diagnostics: salesforceDiagnostics(result.diagnostics) }
  },

  async share(env, org, input) {
    const budget = budgetOf(env, org)
    return withSession(
      env,
      org,
      (session) => shareToSalesforce({ fetch: env.fetch, session, uiHost: org.host, budget }, { accountId: input.accountId, files: input.files, description: input.note }),
      "No Salesforce API session: reload Salesforce (sign in if it asks) and share again."
    )
  },

  async listSnapshots(env, org, accountId) {
    return withSession(env, org, (session) => readSalesforceSnapshots(clientOf(env, org, session), accountId), "No Salesforce API session: reload Salesforce and try again.")
  },

  async listTeamSnapshots(env, org, options) {
    // Calls of every session tried count, a stale cookie's refused attempt included.
    let calls = 0
    const listing = await withSession(
      env,
      org,
      async (session) => {
        const client = clientOf(env, org, session)
        try {
          return await listSalesforceTeamFiles(client, options)
        } finally {
          calls += client.calls
        }
      },
      "No Salesforce API session: reload Salesforce and refresh again."
    )
    return { ...listing, calls }
  },

  async readTeamSnapshots(env, org, refs, onBody) {
    // A stale cookie fails on its first request and the next session goes on from the files not
    // read yet: no body reaches `onBody` twice.
    const bodies: TeamSnapshotBody[] = []
    const read = new Set<string>()
    let calls = 0
    await withSession(
      env,
      org,
      async (session) => {
        const client = clientOf(env, org, session)
        try {
          await readSalesforceTeamFiles(
            client,
            refs.filter((ref) => !read.has(ref.id)),
            (body) => {
              read.add(body.id)
              bodies.push(body)
              onBody?.(body)
            }
          )
        } finally {
          calls += client.calls
        }
      },
      "No Salesforce API session: reload Salesforce and refresh again."
    )
    return { bodies, calls }
  }
}

/** A REST client of the org for one session, through the org's budget (the sync's retry policy
 * for reads a rep waits on: two retries, from half a second). */
function clientOf(env: ApiEnvironment, org: OrgLocation, session: SalesforceSession): SalesforceClient {
  return new SalesforceClient({ fetch: env.fetch, now: () => env.now(), sleep: sleepOf(env) }, session, budgetOf(env, org), { maxRetries: 2, backoffMs: 500 })
}
