/**
 * Reads back the snapshot JSON files Parley attached to an account (share.ts), newest first, so a
 * lead can compare a colleague's snapshot with their own. Through the sync's client: the same
 * session, budget and back-off. The content is returned unvalidated; the caller checks it.
 */
import type { CrmSnapshotFile } from "../share-types"
import type { SalesforceClient } from "./api"
import { API_VERSION } from "./soql"

/** Every snapshot file's title starts with this (background/share.ts names them), in every language. */
export const SNAPSHOT_TITLE_PREFIX = "Parley snapshot"

export const MAX_CRM_SNAPSHOTS = 10

export async function readSalesforceSnapshots(client: SalesforceClient, accountId: string): Promise<CrmSnapshotFile[]> {
  if (!/^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/.test(accountId)) return []
  const soql =
    `SELECT Id, PathOnClient, CreatedDate FROM ContentVersion WHERE FirstPublishLocationId = '${accountId}' ` +
    `AND FileExtension = 'json' AND IsLatest = true AND Title LIKE '${SNAPSHOT_TITLE_PREFIX}%' ORDER BY CreatedDate DESC LIMIT ${MAX_CRM_SNAPSHOTS}`
  const result = (await client.query(soql)) as { records?: { Id?: unknown; PathOnClient?: unknown; CreatedDate?: unknown }[] }
  const files: CrmSnapshotFile[] = []
  for (const record of result.records ?? []) {
    if (typeof record.Id !== "string" || !/^[A-Za-z0-9]{15,18}$/.test(record.Id)) continue
    const created = typeof record.CreatedDate === "string" ? Date.parse(record.CreatedDate.replace(/\+0000$/, "Z")) : NaN
    files.push({
      id: record.Id,
      filename: typeof record.PathOnClient === "string" ? record.PathOnClient : record.Id,
      createdAt: Number.isNaN(created) ? null : created,
      // A snapshot file is JSON, so the client's JSON parse reads its body.
      content: await client.get(`/services/data/${API_VERSION}/sobjects/ContentVersion/${record.Id}/VersionData`)
    })
  }
  return files
}
