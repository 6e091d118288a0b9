/**
 * "Share to CRM": attaches a stored snapshot (JSON) and the panel's PDF briefing of it to the
 * account record, through the rep's own session — Salesforce's API `sid` (salesforce-session.ts)
 * or Dynamics' same-origin cookies — and reads back the snapshots attached earlier for a compare.
 * Only extension pages reach this (router.ts); the snapshot is re-read from IndexedDB and
 * re-validated here rather than taken from the message.
 */
import { API_LIMITS, MAX_SHARE_PDF_BYTES } from "../../plasmo.config"
import { DataverseClient } from "../crm/dynamics/api"
import { shareToDynamics } from "../crm/dynamics/share"
import { readDynamicsSnapshots } from "../crm/dynamics/snapshot-files"
import { SalesforceClient } from "../crm/salesforce/api"
import { Semaphore } from "../crm/salesforce/budget"
import { toApiHost } from "../crm/salesforce/hosts"
import { shareToSalesforce } from "../crm/salesforce/share"
import { readSalesforceSnapshots, SNAPSHOT_TITLE_PREFIX } from "../crm/salesforce/snapshot-files"
import { ShareError, type CrmSnapshotFile, type ShareFile, type SharedFile } from "../crm/share-types"
import type { PanelMessage, Reply } from "../messaging/messages"
import type { ParleyDB } from "../model/db"
import { orgKey, parseRecordKey } from "../model/keys"
import type { Crm, Org } from "../model/schema"
import { readSettings, SETTINGS_KEY } from "../model/settings"
import { buildRecordLink } from "../panel/links"
import { redactSnapshot } from "../snapshots/build"
import { base64ToBytes, utf8ToBase64 } from "../snapshots/bytes"
import { exportFilename, isoDay } from "../snapshots/filename"
import { checkSnapshot } from "../snapshots/import"
import type { SnapshotDocument } from "../snapshots/payload"
import { dataverseAccess, type DataverseAccessFor } from "./page-fetch"
import { findSalesforceSession, type CookieReader } from "./salesforce-session"

export interface ShareEnvironment {
  db: ParleyDB
  fetch: typeof fetch
  cookies: CookieReader
  now(): number
  /** How Dynamics is reached: through a tab of the org (page-fetch.ts); tests inject the mock. */
  dataverse?: DataverseAccessFor
}

export interface ShareReply {
  crm: Crm
  files: SharedFile[]
  /** The PDF's link: what the panel shows after sharing. */
  link: string
}

export interface CrmSnapshots {
  snapshots: SnapshotDocument[]
  /** Files that are not valid snapshots, with the reason (shown, never compared). */
  refused: { filename: string; message: string }[]
}

type ShareMessage = Extract<PanelMessage, { type: "share-snapshot" }>

const errorReply = (error: unknown): Reply<never> => ({ ok: false, error: error instanceof Error ? error.message : String(error) })

async function orgOf(db: ParleyDB, crm: Crm, org: string): Promise<Org> {
  const row = await db.orgs.get(orgKey(crm, org))
  if (!row) throw new ShareError("rejected", "Parley does not know this org's address: open the account in the CRM first.")
  return row
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
    const stored = await env.db.snapshots.get(message.snapshotKey)
    if (!stored) return { ok: false, error: "That snapshot is no longer stored: save a new one." }
    const valid = await checkSnapshot(stored)
    if (!valid.ok) return { ok: false, error: `The stored snapshot cannot be shared: ${valid.message}` }
    const snapshot = message.redact ? await redactSnapshot(valid.snapshot) : valid.snapshot
    const record = parseRecordKey(snapshot.recordKey)
    if (!record) return { ok: false, error: "The snapshot names no CRM record." }
    const org = await orgOf(env.db, snapshot.crm, snapshot.org)
    const pdfBase64 = checkedPdf(message.pdfBase64)
    const name = snapshot.payload.account.name
    const day = isoDay(snapshot.createdAt)
    const file = (kind: ShareFile["kind"]): Omit<ShareFile, "base64"> => ({
      kind,
      filename: exportFilename({ account: name, at: snapshot.createdAt, language: message.language, kind, redacted: snapshot.payload.redacted }),
      title: `${SNAPSHOT_TITLE_PREFIX} — ${name} — ${day}${snapshot.payload.redacted ? " (redacted)" : ""} (${kind.toUpperCase()})`,
      mimeType: kind === "json" ? "application/json" : "application/pdf"
    })
    const files: ShareFile[] = [
      { ...file("json"), base64: utf8ToBase64(JSON.stringify(snapshot, null, 2)) },
      { ...file("pdf"), base64: pdfBase64 }
    ]
    const note = `Relationship snapshot of ${name} by Parley ${snapshot.parleyVersion}, ${day} (SHA-256 ${snapshot.hash.slice(0, 16)}…).`
    let shared: SharedFile[]
    if (snapshot.crm === "salesforce") {
      const session = await findSalesforceSession(env.cookies, org.host, toApiHost(org.host))
      if (!session) throw new ShareError("session-expired", "No Salesforce API session: reload Salesforce (sign in if it asks) and share again.")
      const settings = readSettings((await env.db.meta.get(SETTINGS_KEY))?.value)
      shared = await shareToSalesforce(
        { fetch: env.fetch, session, uiHost: org.host, db: env.db, now: env.now, dailyCalls: settings.dailyCallBudget },
        { accountId: record.id, files, description: note }
      )
    } else {
      const accountUrl = buildRecordLink({ crm: "dynamics", org: org.org, host: org.host }, { recordKey: snapshot.recordKey, recordType: "Account" })
      if (!accountUrl) throw new ShareError("rejected", "Parley cannot build a safe link to this Dynamics account.")
      shared = await shareToDynamics(
        { ...(await (env.dataverse ?? dataverseAccess)({ org: org.org, host: org.host })), now: env.now },
        { accountId: record.id, accountUrl, files, notetext: note }
      )
    }
    return { ok: true, data: { crm: snapshot.crm, files: shared, link: shared.find((f) => f.kind === "pdf")?.url ?? shared[0]!.url } }
  } catch (error) {
    return errorReply(error)
  }
}

export async function listCrmSnapshots(env: ShareEnvironment, accountKey: string): Promise<Reply<CrmSnapshots>> {
  try {
    const record = parseRecordKey(accountKey)
    if (!record) return { ok: false, error: "Not a record key." }
    const org = await orgOf(env.db, record.crm, record.org)
    let files: CrmSnapshotFile[]
    if (record.crm === "salesforce") {
      const session = await findSalesforceSession(env.cookies, org.host, toApiHost(org.host))
      if (!session) throw new ShareError("session-expired", "No Salesforce API session: reload Salesforce and try again.")
      const settings = readSettings((await env.db.meta.get(SETTINGS_KEY))?.value)
      const client = new SalesforceClient(
        { fetch: env.fetch, db: env.db, now: env.now, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) },
        { apiHost: session.apiHost, sid: session.sid },
        new Semaphore(API_LIMITS.salesforce.maxInFlight),
        { maxInFlight: API_LIMITS.salesforce.maxInFlight, dailyCalls: settings.dailyCallBudget, maxRetries: 2, backoffMs: 500 }
      )
      files = await readSalesforceSnapshots(client, record.id)
    } else {
      const client = new DataverseClient({ ...(await (env.dataverse ?? dataverseAccess)({ org: org.org, host: org.host })), now: env.now })
      files = await readDynamicsSnapshots(client, record.id)
    }
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
