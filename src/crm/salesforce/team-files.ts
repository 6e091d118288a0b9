/**
 * The team roll-up's side of Salesforce (issue 15): every Parley snapshot file the signed-in user
 * may read in the org, and their bodies. Pure over a SalesforceClient (its session, budget and
 * back-off), as snapshot-files.ts is.
 *
 * Why the listing asks ContentDocumentLink and not ContentVersion: "queries on ContentDocument and
 * ContentVersion without specifying an ID don't return all files a user has access to. For
 * example, if a user only has access to a file because they have access to a record that the file
 * is shared with, the file won't be returned" (Object Reference, ContentVersion). That is exactly
 * how a lead reaches a rep's snapshot: through the account it is attached to. A link query filtered
 * by a semi-join on the accounts the user can read is the documented way in ("turn on the Query All
 * Files permission to query without a filter on id, LinkedEntityId, and documentID fields",
 * Object Reference, ContentDocumentLink: with the filter no such permission is needed), and the
 * CRM's own sharing decides which accounts, hence which files, come back. Everything else the roll-up
 * needs is a parent field of the link (the document, its latest version, its creator), so the
 * listing is one query, every page followed.
 */
import { MAX_SNAPSHOT_BYTES } from "../../snapshots/import"
import { ShareError, type TeamBodies, type TeamListing, type TeamSnapshotBody, type TeamSnapshotRef } from "../share-types"
import { SalesforceApiError, type SalesforceClient } from "./api"
import { parseJsonOrNull, SNAPSHOT_TITLE_PREFIX } from "./snapshot-files"
import { API_VERSION, soqlDateTime, soqlString } from "./soql"

/** At most this many bodies in flight (the org's budget caps it too: DESIGN.md, 2 for Salesforce). */
const BODIES_IN_FLIGHT = 2

const RECORD_ID = /^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/
const ACCOUNT_KEY_PREFIX = "001"

/**
 * The listing query. `since` is compared with `>=`: the literal has whole seconds (soqlDateTime)
 * and a file saved in the watermark's own second must come again; the caller drops what it has by
 * id and stamp. Oldest change first, then link id, so a page boundary never reorders.
 */
export function teamListingQuery(since: number | null): string {
  const conditions = [
    "LinkedEntityId IN (SELECT Id FROM Account)",
    "ContentDocument.FileExtension = 'json'",
    `ContentDocument.Title LIKE ${soqlString(`${SNAPSHOT_TITLE_PREFIX}%`)}`,
    ...(since === null ? [] : [`ContentDocument.SystemModstamp >= ${soqlDateTime(since)}`])
  ]
  const fields = [
    "Id",
    "LinkedEntityId",
    "ContentDocumentId",
    "ContentDocument.Title",
    "ContentDocument.ContentSize",
    "ContentDocument.CreatedDate",
    "ContentDocument.SystemModstamp",
    "ContentDocument.LatestPublishedVersionId",
    "ContentDocument.LatestPublishedVersion.PathOnClient",
    // Who wrote the content read, and when: anyone who may edit the account can upload a new
    // version of a file, so the document's creator would vouch for a teammate's snapshot.
    "ContentDocument.LatestPublishedVersion.CreatedById",
    "ContentDocument.LatestPublishedVersion.CreatedBy.Name",
    "ContentDocument.LatestPublishedVersion.CreatedDate"
  ]
  return `SELECT ${fields.join(", ")} FROM ContentDocumentLink WHERE ${conditions.join(" AND ")} ORDER BY ContentDocument.SystemModstamp ASC, Id ASC`
}

/** Salesforce's datetime (`2026-11-20T09:00:00.000+0000`) as epoch ms, or null. */
function stamp(value: unknown): number | null {
  if (typeof value !== "string") return null
  const ms = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"))
  return Number.isNaN(ms) ? null : ms
}

const text = (value: unknown): string | undefined => (typeof value === "string" && value.length ? value : undefined)
const record = (value: unknown): Record<string, unknown> | undefined => (value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined)

/** One link row as a file reference; null for a row Parley cannot use (no valid version id, no stamp). */
export function teamRefOf(row: unknown): TeamSnapshotRef | null {
  const link = record(row)
  const document = record(link?.ContentDocument)
  const versionId = text(document?.LatestPublishedVersionId)
  const modifiedAt = stamp(document?.SystemModstamp)
  if (!link || !document || !versionId || !RECORD_ID.test(versionId) || modifiedAt === null) return null
  const linked = text(link.LinkedEntityId)
  const version = record(document.LatestPublishedVersion)
  const authorId = text(version?.CreatedById)
  const title = text(document.Title) ?? ""
  const size = typeof document.ContentSize === "number" && Number.isFinite(document.ContentSize) ? document.ContentSize : null
  return {
    id: versionId,
    accountId: linked && RECORD_ID.test(linked) && linked.startsWith(ACCOUNT_KEY_PREFIX) ? linked : null,
    filename: text(version?.PathOnClient) ?? `${title || versionId}.json`,
    title,
    author: authorId ? { id: authorId, name: text(record(version?.CreatedBy)?.Name) ?? authorId } : null,
    createdAt: stamp(version?.CreatedDate),
    modifiedAt,
    size
  }
}

/** A client error as the contract's ShareError, its kind saying whether a later try may pass. */
export function teamShareError(error: unknown): ShareError {
  if (error instanceof ShareError) return error
  if (!(error instanceof SalesforceApiError)) return new ShareError("network", `Salesforce could not be read: ${String(error)}`)
  switch (error.kind) {
    case "session-expired":
      return new ShareError("session-expired", "Your Salesforce session has ended. Reload Salesforce and refresh again.", error.errorCode ?? "INVALID_SESSION_ID")
    case "budget-exhausted":
      return new ShareError("budget-exhausted", "Today's Salesforce API budget is used up; the rest is read on a later refresh.")
    case "network":
    case "rate-limited":
    case "malformed":
      return new ShareError("network", `Salesforce could not be read just now: ${error.message}`, error.errorCode)
    default:
      return new ShareError("rejected", `Salesforce refused to list the team's snapshots: ${error.message}`, error.errorCode)
  }
}

/** Every snapshot file the user may read, changed at or after `since`, every page. */
export async function listSalesforceTeamFiles(client: SalesforceClient, options: { since: number | null }): Promise<TeamListing> {
  const before = client.calls
  const files: TeamSnapshotRef[] = []
  // A document shared with two accounts the user can read comes once per link: one file.
  const seen = new Set<string>()
  try {
    let page = record(await client.query(teamListingQuery(options.since)))
    for (;;) {
      const rows = page?.records
      if (!Array.isArray(rows)) throw new ShareError("rejected", "Salesforce answered the listing with something Parley does not understand.")
      for (const row of rows) {
        const ref = teamRefOf(row)
        if (!ref || seen.has(ref.id.slice(0, 15))) continue
        seen.add(ref.id.slice(0, 15))
        files.push(ref)
      }
      const next = page!.done === true ? undefined : text(page!.nextRecordsUrl)
      if (!next) break
      page = record(await client.get(next))
    }
  } catch (error) {
    throw teamShareError(error)
  }
  return { files, calls: client.calls - before }
}

const versionDataPath = (id: string) => `/services/data/${API_VERSION}/sobjects/ContentVersion/${id}/VersionData`

/** A file that is not there for this user any more (deleted, or no longer shared with them). */
const isGone = (error: unknown) => error instanceof SalesforceApiError && (error.status === 404 || error.errorCode === "NOT_FOUND" || error.errorCode === "ENTITY_IS_DELETED" || error.errorCode === "INSUFFICIENT_ACCESS")

/**
 * The bodies of listed files, one request each: the Composite API cannot carry them ("sObject Blob
 * Get" is not among the resources "Send Multiple Requests Using Composite" supports, and Composite
 * Batch excludes sObject Blob Retrieve), so one GET per file is the fewest calls. At most two in
 * flight, each through the org's budget; `onBody` hears each body as it arrives.
 *
 * A body that is not JSON, and a file larger than a snapshot can be (MAX_SNAPSHOT_BYTES; by the
 * listed size it is never downloaded), come back with content null: the caller refuses them with a
 * reason. A file gone since the listing is left out. Budget used up, session ended, or any other
 * trouble: the bodies already read have reached `onBody` (and requests in flight are let finish),
 * then a ShareError is thrown.
 */
export async function readSalesforceTeamFiles(client: SalesforceClient, refs: readonly TeamSnapshotRef[], onBody?: (body: TeamSnapshotBody) => void): Promise<TeamBodies> {
  const before = client.calls
  const bodies: TeamSnapshotBody[] = []
  const give = (body: TeamSnapshotBody) => {
    bodies.push(body)
    onBody?.(body)
  }
  let next = 0
  let failure: unknown
  const worker = async () => {
    while (failure === undefined && next < refs.length) {
      const ref = refs[next++]!
      if (!RECORD_ID.test(ref.id)) continue
      if (ref.size !== null && ref.size > MAX_SNAPSHOT_BYTES) {
        give({ id: ref.id, content: null })
        continue
      }
      let body: string
      try {
        body = await client.getText(versionDataPath(ref.id))
      } catch (error) {
        if (isGone(error)) continue
        failure ??= error
        return
      }
      give({ id: ref.id, content: body.length > MAX_SNAPSHOT_BYTES ? null : parseJsonOrNull(body) })
    }
  }
  await Promise.all(Array.from({ length: Math.min(BODIES_IN_FLIGHT, refs.length) }, worker))
  if (failure !== undefined) throw teamShareError(failure)
  return { bodies, calls: client.calls - before }
}
