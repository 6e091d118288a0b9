/**
 * The team roll-up's cache (issue 15): for every org Parley knows, list the Parley snapshot files
 * the signed-in user can read in the CRM, download only the new or changed ones, validate each as
 * an import is validated (checkSnapshot: version, shape, hash), and keep a digest of each valid one
 * (or the reason it is left out) in `teamFiles`. Which CRM it is does not matter here: the
 * connector lists and reads, with the CRM's own permissions deciding what the user sees.
 *
 * Incremental by the CRM's change stamp: the listing starts at the org's watermark, which only
 * moves over files actually processed, so a read stopped by the API budget or an ended session
 * resumes where it stopped. Once a day (or on request) the whole listing is compared with the
 * cache, and files no longer listed — deleted, or no longer readable by this user — are dropped.
 * A file that is not a valid snapshot becomes a skipped row with its reason: it never stops the
 * refresh or breaks the view.
 */
import type { ApiConnector, ApiEnvironment, OrgLocation } from "../crm/contract"
import { connectorFor as registryConnector } from "../crm/registry"
import { ShareError, type TeamSnapshotRef } from "../crm/share-types"
import type { ReplyErrorCode, TeamOrgRefresh, TeamRefreshReport } from "../messaging/messages"
import { orgKey, parseRecordKey, recordKey } from "../model/keys"
import type { Crm, Org } from "../model/schema"
import { guardQuota, isQuotaError } from "../model/store"
import { checkSnapshot, MAX_SNAPSHOT_BYTES, type ImportFailure } from "../snapshots/import"
import { digestOf } from "../team/digest"
import { teamFileKey, teamRefreshKey } from "../team/keys"
import type { TeamFileRow, TeamRefreshState, TeamSkipReason } from "../team/types"
import { apiEnvironment, type SyncEnvironment } from "./sync"

export type { TeamOrgRefresh, TeamRefreshReport } from "../messaging/messages"

export interface TeamRefreshEnvironment extends SyncEnvironment {
  /** The connector of a CRM: the registry's, unless a test hands its own (only its team half is used). */
  connectorFor?: (crm: Crm) => Pick<ApiConnector, "listTeamSnapshots" | "readTeamSnapshots">
}

/** A listing older than this is compared whole with the cache (deleted and unreadable files go). */
export const TEAM_FULL_LISTING_MS = 24 * 3_600_000
/** Bodies asked for per read, and cache rows written per transaction: what a stop can lose at most. */
export const TEAM_READ_BATCH = 50

let running: Promise<TeamRefreshReport> | null = null

/**
 * Brings the team cache up to date for every org. One refresh at a time per browser: a request
 * while one runs gets that one's report (it is reading the same files with the same budget).
 */
export function refreshTeam(env: TeamRefreshEnvironment, options: { full?: boolean } = {}): Promise<TeamRefreshReport> {
  if (running) return running
  const run = refreshAll(env, options).finally(() => {
    if (running === run) running = null
  })
  running = run
  return run
}

async function refreshAll(env: TeamRefreshEnvironment, options: { full?: boolean }): Promise<TeamRefreshReport> {
  const api = await apiEnvironment(env)
  const reports: TeamOrgRefresh[] = []
  // One org after another: each has its own budget, and a failing one does not stop the others.
  for (const org of await env.db.orgs.toArray()) reports.push(await refreshOrg(env, api, org, !!options.full))
  return { orgs: reports, at: env.now() }
}

function readState(value: unknown, crm: Crm, org: string): TeamRefreshState {
  const stored = (typeof value === "object" && value !== null ? value : {}) as Partial<Record<keyof TeamRefreshState, unknown>>
  const stamp = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null)
  return { crm, org, watermark: stamp(stored.watermark), fullAt: stamp(stored.fullAt), refreshedAt: stamp(stored.refreshedAt), pending: stamp(stored.pending) ?? 0 }
}

function problem(error: unknown): { code: ReplyErrorCode; message: string } {
  return { code: error instanceof ShareError ? error.kind : "failed", message: error instanceof Error ? error.message : String(error) }
}

/** Thrown inside a write transaction (which it aborts) when the org is no longer known. */
class OrgForgotten extends Error {
  constructor() {
    super("The org was forgotten during the refresh: nothing of it was kept.")
  }
}

async function refreshOrg(env: TeamRefreshEnvironment, api: ApiEnvironment, org: Org, forceFull: boolean): Promise<TeamOrgRefresh> {
  try {
    return await refreshKnownOrg(env, api, org, forceFull)
  } catch (error) {
    if (!(error instanceof OrgForgotten)) throw error
    return { crm: org.crm, org: org.org, listed: 0, read: 0, skipped: 0, unchanged: 0, removed: 0, calls: 0, pending: 0, status: "failed", error: error.message, code: "not-found" }
  }
}

async function refreshKnownOrg(env: TeamRefreshEnvironment, api: ApiEnvironment, org: Org, forceFull: boolean): Promise<TeamOrgRefresh> {
  const { db } = env
  const { crm } = org
  const connector = (env.connectorFor ?? registryConnector)(crm)
  const location: OrgLocation = { crm, org: org.org, host: org.host }
  const stateKey = teamRefreshKey(crm, org.org)
  const report: TeamOrgRefresh = { crm, org: org.org, listed: 0, read: 0, skipped: 0, unchanged: 0, removed: 0, calls: 0, pending: 0, status: "ok" }
  let state = readState((await db.meta.get(stateKey))?.value, crm, org.org)
  const started = env.now()
  const full = forceFull || state.fullAt === null || started - state.fullAt >= TEAM_FULL_LISTING_MS

  const write = async (rows: TeamFileRow[], removals: string[], next: TeamRefreshState) => {
    await guardQuota(() =>
      db.transaction("rw", db.teamFiles, db.meta, db.orgs, async () => {
        // "Forget this org" may have run since the refresh began: nothing of the org comes back.
        if (!(await db.orgs.get(orgKey(crm, org.org)))) throw new OrgForgotten()
        if (removals.length > 0) await db.teamFiles.bulkDelete(removals)
        if (rows.length > 0) await db.teamFiles.bulkPut(rows)
        await db.meta.put({ key: stateKey, value: next })
      })
    )
    state = next
    for (const row of rows) report[row.status === "ok" ? "read" : "skipped"]++
    report.removed += removals.length
  }

  const stop = async (error: unknown): Promise<TeamOrgRefresh> => {
    if (isQuotaError(error)) throw error
    const { code, message } = problem(error)
    await write([], [], { ...state, error: { code, message } })
    return { ...report, pending: state.pending, status: report.read + report.skipped + report.removed > 0 ? "partial" : "failed", error: message, code }
  }

  let refs: TeamSnapshotRef[]
  try {
    const listing = await connector.listTeamSnapshots(api, location, { since: full ? null : state.watermark })
    report.calls += listing.calls
    // Oldest change first, each file once (its latest stamp), whatever order the pages came in.
    const byId = new Map<string, TeamSnapshotRef>()
    for (const ref of listing.files) if ((byId.get(ref.id)?.modifiedAt ?? -Infinity) <= ref.modifiedAt) byId.set(ref.id, ref)
    refs = [...byId.values()].sort((a, b) => a.modifiedAt - b.modifiedAt)
  } catch (error) {
    return stop(error)
  }
  report.listed = refs.length

  const cached = new Map((await db.teamFiles.where("[crm+org]").equals([crm, org.org]).toArray()).map((row) => [row.key, row]))
  const toRead: TeamSnapshotRef[] = []
  const refusedUnread: TeamFileRow[] = []
  for (const ref of refs) {
    const row = cached.get(teamFileKey(crm, org.org, ref.id))
    // A file this Parley was too old to read, or the CRM refused, is read again on a full listing:
    // Parley may have been updated, or the refusal lifted, since.
    if (row && row.modifiedAt === ref.modifiedAt && !(full && (row.reason === "newer-version" || row.reason === "unreadable"))) report.unchanged++
    else if (ref.size !== null && ref.size > MAX_SNAPSHOT_BYTES) refusedUnread.push(skippedRow(base(location, ref, started), "too-large", `The file is larger than ${MAX_SNAPSHOT_BYTES / 1024 / 1024} MB; a Parley snapshot is much smaller.`))
    else toRead.push(ref)
  }
  const listedKeys = new Set(refs.map((ref) => teamFileKey(crm, org.org, ref.id)))
  const dropped = full ? [...cached.keys()].filter((key) => !listedKeys.has(key)) : []
  // Whatever stays to read is listed again next time: the watermark stops at the oldest of it
  // (listings include their `since` stamp, so files sharing it are listed again, found unchanged).
  const highest = refs.reduce((max, ref) => Math.max(max, ref.modifiedAt), state.watermark ?? -Infinity)
  const watermarkBefore = (unread: readonly TeamSnapshotRef[]) => (unread.length > 0 ? Math.min(...unread.map((ref) => ref.modifiedAt)) : Number.isFinite(highest) ? highest : null)

  const { error: _lastError, ...cleared } = state
  await write(refusedUnread, dropped, { ...cleared, ...(full ? { fullAt: started } : {}), watermark: watermarkBefore(toRead), pending: toRead.length })

  for (let start = 0; start < toRead.length; start += TEAM_READ_BATCH) {
    const batch = toRead.slice(start, start + TEAM_READ_BATCH)
    const bodies = new Map<string, unknown>()
    let failure: unknown = null
    try {
      const result = await connector.readTeamSnapshots(api, location, batch, (body) => bodies.set(body.id, body.content))
      for (const body of result.bodies) bodies.set(body.id, body.content)
      report.calls += result.calls
    } catch (error) {
      if (isQuotaError(error)) throw error
      failure = error
    }
    // The CRM refused something in the batch (not the session, the budget or the network): the
    // rest is read one file at a time, so a file it refuses is kept as unreadable rather than
    // stopping this org's every refresh at the same place.
    const refused = new Map<string, string>()
    if (isRefusal(failure)) {
      failure = null
      for (const ref of batch) {
        if (bodies.has(ref.id)) continue
        try {
          const one = await connector.readTeamSnapshots(api, location, [ref], (body) => bodies.set(body.id, body.content))
          for (const body of one.bodies) bodies.set(body.id, body.content)
          report.calls += one.calls
        } catch (error) {
          if (isQuotaError(error)) throw error
          if (!isRefusal(error)) {
            failure = error
            break
          }
          refused.set(ref.id, error.message)
        }
      }
    }
    const rows: TeamFileRow[] = []
    const gone: string[] = []
    const unread: TeamSnapshotRef[] = []
    for (const ref of batch) {
      if (bodies.has(ref.id)) rows.push(await rowFor(location, ref, bodies.get(ref.id), env.now()))
      else if (refused.has(ref.id)) rows.push(skippedRow(base(location, ref, env.now()), "unreadable", refused.get(ref.id)!))
      // A completed read leaves out a file deleted since the listing; a stopped one, the files it did not reach.
      else if (failure) unread.push(ref)
      else if (cached.has(teamFileKey(crm, org.org, ref.id))) gone.push(teamFileKey(crm, org.org, ref.id))
    }
    unread.push(...toRead.slice(start + TEAM_READ_BATCH))
    await write(rows, gone, { ...state, watermark: watermarkBefore(unread), pending: unread.length })
    if (failure) return stop(failure)
  }
  await write([], [], { ...state, refreshedAt: env.now(), pending: 0 })
  return report
}

function base(org: OrgLocation, ref: TeamSnapshotRef, now: number): Omit<TeamFileRow, "status"> {
  return {
    key: teamFileKey(org.crm, org.org, ref.id),
    crm: org.crm,
    org: org.org,
    fileId: ref.id,
    filename: ref.filename,
    attachedTo: ref.accountId ? recordKey(org.crm, org.org, ref.accountId) : null,
    author: ref.author,
    sharedAt: ref.createdAt,
    modifiedAt: ref.modifiedAt,
    readAt: now
  }
}

const isRefusal = (error: unknown): error is ShareError => error instanceof ShareError && error.kind === "rejected"

const skippedRow = (row: Omit<TeamFileRow, "status">, reason: TeamSkipReason, message: string): TeamFileRow => ({ ...row, status: "skipped", reason, message })

/** The reasons an import gives that a file in the CRM can have (a full browser is not the file's). */
const skipReason = (reason: Exclude<ImportFailure, "storage-full">): TeamSkipReason => reason

/** One downloaded body as a cache row: its digest, or the reason it stays out of the roll-up. */
async function rowFor(org: OrgLocation, ref: TeamSnapshotRef, content: unknown, now: number): Promise<TeamFileRow> {
  const row = base(org, ref, now)
  if (content === null || content === undefined) return skippedRow(row, "not-json", "The file is not JSON.")
  let checked: Awaited<ReturnType<typeof checkSnapshot>>
  try {
    checked = await checkSnapshot(content)
  } catch (error) {
    return skippedRow(row, "malformed", `The snapshot could not be read: ${error instanceof Error ? error.message : String(error)}`)
  }
  if (!checked.ok) return skippedRow(row, checked.reason === "storage-full" ? "malformed" : skipReason(checked.reason), checked.message)
  const snapshot = checked.snapshot
  // A sealed snapshot of one account attached to another (or copied into another org) would put
  // its labels on the wrong row: what the CRM says the file is attached to decides.
  const named = parseRecordKey(snapshot.recordKey)
  if (!named || named.crm !== org.crm || named.org !== org.org || named.id !== ref.accountId) {
    return skippedRow(row, "wrong-record", `The snapshot is of ${snapshot.recordKey}, but the file is attached to ${row.attachedTo ?? "no account"}.`)
  }
  // Every cached digest is loaded whenever the roll-up redraws: one stuffed with long messages
  // (valid, within the snapshot's own limits) must not weigh on the lead's panel.
  const digest = digestOf(snapshot)
  if (JSON.stringify(digest).length > MAX_DIGEST_CHARS) return skippedRow(row, "too-large", `The snapshot's labels and reasons take more than ${MAX_DIGEST_CHARS / 1024} KB; Parley's own are far smaller.`)
  return { ...row, status: "ok", digest }
}

/** A digest's JSON above this is refused: Parley's own are a few KB (5 reasons, one summary). */
export const MAX_DIGEST_CHARS = 32 * 1024
