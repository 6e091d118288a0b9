/**
 * Reads back the snapshot JSON notes Parley attached to an account (share.ts), newest first,
 * through the sync's client (session cookie, budget, Retry-After). The attachment is base64 in
 * `documentbody`; it is decoded here and returned unvalidated for the caller to check.
 */
import { base64ToUtf8 } from "../../snapshots/bytes"
import type { CrmSnapshotFile } from "../share-types"
import type { DataverseClient } from "./api"
import { asShareError } from "./share"

export const MAX_CRM_SNAPSHOTS = 10

export async function readDynamicsSnapshots(client: DataverseClient, accountId: string): Promise<CrmSnapshotFile[]> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(accountId)) return []
  const filter = `_objectid_value eq ${accountId} and isdocument eq true and mimetype eq 'application/json'`
  const url = client.url(`annotations?$select=annotationid,filename,createdon,documentbody&$filter=${encodeURIComponent(filter)}&$orderby=createdon desc&$top=${MAX_CRM_SNAPSHOTS}`)
  // Errors as the panel shows a share's: a closed tab, an ended session, a throttled org.
  const { body } = await client.get(url).catch((error: unknown) => {
    throw asShareError(error)
  })
  const rows = Array.isArray(body.value) ? (body.value as Record<string, unknown>[]) : []
  return rows.flatMap((row) => {
    const filename = typeof row.filename === "string" ? row.filename : ""
    if (typeof row.annotationid !== "string" || !filename.startsWith("parley-") || typeof row.documentbody !== "string") return []
    let content: unknown
    try {
      content = JSON.parse(base64ToUtf8(row.documentbody))
    } catch {
      content = null // listed, and refused by the caller's validation with a reason
    }
    const created = typeof row.createdon === "string" ? Date.parse(row.createdon) : NaN
    return [{ id: row.annotationid, filename, createdAt: Number.isNaN(created) ? null : created, content }]
  })
}
