/**
 * Reads back the snapshot JSON files Parley attached to an account (share.ts), newest first, so a
 * lead can compare a colleague's snapshot with their own. Through the sync's client: the same
 * session, budget and back-off. The content is returned unvalidated; the caller checks it.
 */
import type { CrmSnapshotFile } from "../share-types"
import { SalesforceApiError, type SalesforceClient } from "./api"
import { API_VERSION } from "./soql"

/** Every snapshot file's title starts with this (background/share.ts names them), in every language. */
export const SNAPSHOT_TITLE_PREFIX = "Parley snapshot"

export const MAX_CRM_SNAPSHOTS = 10

/**
 * Through the account's ContentDocumentLinks, not a ContentVersion query: a colleague's file
 * reached only through the account "won't be returned" by a ContentVersion query that names no
 * file id (Object Reference, ContentVersion; see team-files.ts), and comparing with a colleague's
 * snapshot is what this is for.
 */
export async function readSalesforceSnapshots(client: SalesforceClient, accountId: string): Promise<CrmSnapshotFile[]> {
  if (!/^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/.test(accountId)) return []
  const soql =
    `SELECT ContentDocument.LatestPublishedVersionId, ContentDocument.LatestPublishedVersion.PathOnClient, ContentDocument.CreatedDate FROM ContentDocumentLink ` +
    `WHERE LinkedEntityId = '${accountId}' AND ContentDocument.FileExtension = 'json' AND ContentDocument.Title LIKE '${SNAPSHOT_TITLE_PREFIX}%' ` +
    `ORDER BY ContentDocument.CreatedDate DESC LIMIT ${MAX_CRM_SNAPSHOTS}`
  const result = (await client.query(soql)) as { records?: { ContentDocument?: { LatestPublishedVersionId?: unknown; LatestPublishedVersion?: { PathOnClient?: unknown } | null; CreatedDate?: unknown } | null }[] }
  const files: CrmSnapshotFile[] = []
  for (const record of result.records ?? []) {
    const document = record.ContentDocument
    const id = document?.LatestPublishedVersionId
    if (typeof id !== "string" || !/^[A-Za-z0-9]{15,18}$/.test(id)) continue
    const created = typeof document!.CreatedDate === "string" ? Date.parse(document!.CreatedDate.replace(/\+0000$/, "Z")) : NaN
    const path = document!.LatestPublishedVersion?.PathOnClient
    let body: string
    try {
      body = await client.getText(`/services/data/${API_VERSION}/sobjects/ContentVersion/${id}/VersionData`)
    } catch (error) {
      // Deleted since the query: not a snapshot of the account any more.
      if (error instanceof SalesforceApiError && error.status === 404) continue
      throw error
    }
    files.push({
      id,
      filename: typeof path === "string" ? path : id,
      createdAt: Number.isNaN(created) ? null : created,
      // Not JSON: null, which the caller refuses with its reason (the other files still count).
      content: parseJsonOrNull(body)
    })
  }
  return files
}

export function parseJsonOrNull(body: string): unknown {
  try {
    return JSON.parse(body) as unknown
  } catch {
    return null
  }
}
