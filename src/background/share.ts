/**
 * "Share to CRM": attaches a stored snapshot (JSON) and the panel's PDF briefing of it to the
 * account record, through the rep's own session — Salesforce's API `sid` (session.ts)
 * or Dynamics' same-origin cookies — and reads back the snapshots attached earlier for a compare.
 * Only extension pages reach this (router.ts); the snapshot is re-read from IndexedDB and
 * re-validated here rather than taken from the message.
 */
import { MAX_SHARE_PDF_BYTES } from "../../plasmo.config"
import type { OrgLocation } from "../crm/contract"
import { connectorFor } from "../crm/registry"
import { ShareError, SNAPSHOT_TITLE_PREFIX, type ShareFile } from "../crm/share-types"
import type { CrmSnapshots, PanelMessage, Reply, ShareReply } from "../messaging/messages"

export type { CrmSnapshots, ShareReply } from "../messaging/messages"
import type { ParleyDB } from "../model/db"
import { orgKey, parseRecordKey } from "../model/keys"
import type { Crm } from "../model/schema"
import { redactSnapshot } from "../snapshots/build"
import { base64ToBytes, utf8ToBase64 } from "../snapshots/bytes"
import { exportFilename, isoDay } from "../snapshots/filename"
import { checkSnapshot } from "../snapshots/import"
import { readStoredRow } from "../snapshots/stored"
import { isQuotaError } from "../model/store"
import { apiEnvironment, type SyncEnvironment } from "./sync"

export type ShareEnvironment = SyncEnvironment

type ShareMessage = Extract<PanelMessage, { type: "share-snapshot" }>

const errorReply = (error: unknown): Reply<never> => ({
  ok: false,
  error: error instanceof Error ? error.message : String(error),
  code: error instanceof ShareError ? error.kind : "failed"
})

async function orgOf(db: ParleyDB, crm: Crm, org: string): Promise<OrgLocation> {
  const row = await db.orgs.get(orgKey(crm, org))
  if (!row) throw new ShareError("rejected", "Parley does not know this org's address: open the account in the CRM first.")
  return { crm, org: row.org, host: row.host }
}

/** A PDF made by the panel: checked to be one, and not too large, before it goes to the CRM. */
function checkedPdf(base64: string): string {
  const bytes = base64ToBytes(base64)
  const head = String.fromCharCode(...bytes.subarray(0, 5))
  const tail = String.fromCharCode(...bytes.subarray(Math.max(0, bytes.length - 1024)))
  if (head !== "%PDF-" || !tail.includes("%%EOF")) throw new ShareError("rejected", "The briefing is not a PDF.")
  if (bytes.length > MAX_SHARE_PDF_BYTES) throw new ShareError("rejected", "The briefing PDF is too large to attach.")
  return base64
}

export async function shareSnapshot(env: ShareEnvironment, message: ShareMessage): Promise<Reply<ShareReply>> {
  try {
    const stored = readStoredRow(await env.db.snapshots.get(message.snapshotKey))
    if (!stored) return { ok: false, error: "That snapshot is no longer stored: save a new one.", code: "not-found" }
    const valid = await checkSnapshot(stored.document)
    if (!valid.ok) return { ok: false, error: `The stored snapshot cannot be shared: ${valid.message}`, code: "invalid" }
    const snapshot = message.redact ? await redactSnapshot(valid.snapshot) : valid.snapshot
    const record = parseRecordKey(snapshot.recordKey)
    if (!record) return { ok: false, error: "The snapshot names no CRM record.", code: "invalid" }
    const org = await orgOf(env.db, snapshot.crm, snapshot.org)
    const pdfBase64 = checkedPdf(message.pdfBase64)
    const name = snapshot.payload.account.name
    const day = isoDay(snapshot.createdAt)
    // An imported file is not this Parley's work: its name, title and note say so.
    const imported = stored.imported
    const file = (kind: ShareFile["kind"]): Omit<ShareFile, "base64"> => ({
      kind,
      filename: exportFilename({ account: name, at: snapshot.createdAt, language: message.language, kind, redacted: snapshot.payload.redacted }).replace(/\.(json|pdf)$/, imported ? "-imported.$1" : ".$1"),
      title: `${SNAPSHOT_TITLE_PREFIX} — ${name} — ${day}${snapshot.payload.redacted ? " (redacted)" : ""}${imported ? ` (imported from ${imported.fileName})` : ""} (${kind.toUpperCase()})`,
      mimeType: kind === "json" ? "application/json" : "application/pdf"
    })
    const files: ShareFile[] = [
      { ...file("json"), base64: utf8ToBase64(JSON.stringify(snapshot, null, 2)) },
      { ...file("pdf"), base64: pdfBase64 }
    ]
    const note = imported
      ? `Relationship snapshot of ${name}, ${day}, IMPORTED into Parley from the file “${imported.fileName}”: it was not made by this Parley, and its content is as that file had it (SHA-256 ${snapshot.hash.slice(0, 16)}…, written by Parley ${snapshot.parleyVersion}).`
      : `Relationship snapshot of ${name} by Parley ${snapshot.parleyVersion}, ${day} (SHA-256 ${snapshot.hash.slice(0, 16)}…).`
    const connector = connectorFor(snapshot.crm)
    const api = await apiEnvironment(env)
    // Idempotent: a share whose answer was lost (the worker stopped, the network dropped after the
    // CRM stored the files) already left this very snapshot there; it is not attached twice.
    const earlier = await alreadyAttached(connector, api, org, record.id, snapshot.hash)
    if (earlier) {
      const url = connector.recordUrl(org, connector.objectFor("Account") ?? "Account", record.id) ?? earlier.url
      return {
        ok: true,
        data: { crm: snapshot.crm, files: [{ kind: "json", id: earlier.id, url }], link: url, alreadyAttached: true, ...(imported ? { imported: { fileName: imported.fileName } } : {}) }
      }
    }
    const shared = await connector.share(api, org, { accountId: record.id, files, note })
    return {
      ok: true,
      data: { crm: snapshot.crm, files: shared, link: shared.find((f) => f.kind === "pdf")?.url ?? shared[0]!.url, ...(imported ? { imported: { fileName: imported.fileName } } : {}) }
    }
  } catch (error) {
    // A full browser is the storage guard's to report (src/background/storage-guard.ts).
    if (isQuotaError(error)) throw error
    return errorReply(error)
  }
}

/** The snapshot file with this seal already attached to the account, if any. */
async function alreadyAttached(connector: ReturnType<typeof connectorFor>, api: Awaited<ReturnType<typeof apiEnvironment>>, org: OrgLocation, accountId: string, hash: string): Promise<{ id: string; url: string } | null> {
  for (const file of await connector.listSnapshots(api, org, accountId)) {
    const content = file.content as { hash?: unknown } | null
    if (content && typeof content === "object" && content.hash === hash && (await checkSnapshot(content)).ok) return { id: file.id, url: "" }
  }
  return null
}

export async function listCrmSnapshots(env: ShareEnvironment, accountKey: string): Promise<Reply<CrmSnapshots>> {
  try {
    const record = parseRecordKey(accountKey)
    if (!record) return { ok: false, error: "Not a record key.", code: "invalid" }
    const org = await orgOf(env.db, record.crm, record.org)
    const files = await connectorFor(record.crm).listSnapshots(await apiEnvironment(env), org, record.id)
    const result: CrmSnapshots = { snapshots: [], refused: [] }
    for (const file of files) {
      const checked = await checkSnapshot(file.content)
      if (checked.ok) result.snapshots.push(checked.snapshot)
      else result.refused.push({ filename: file.filename, message: checked.message })
    }
    return { ok: true, data: result }
  } catch (error) {
    return errorReply(error)
  }
}
