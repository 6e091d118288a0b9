/**
 * What sharing a snapshot to the CRM takes and gives, the same for both CRMs: two files (the
 * snapshot JSON and the PDF briefing) attached to the account record, and links to what was
 * created. A ShareError says why nothing was written — or, in the one case where Parley could not
 * undo a half-done share, exactly which record is left over.
 */

export interface ShareFile {
  kind: "json" | "pdf"
  filename: string
  /** Human title of the file (Salesforce Title, Dynamics subject). */
  title: string
  mimeType: "application/json" | "application/pdf"
  base64: string
}

export interface SharedFile {
  kind: ShareFile["kind"]
  /** ContentVersion id (Salesforce) or annotation id (Dynamics). */
  id: string
  /** Where the rep opens it: the File (Salesforce) or the account whose timeline shows the note (Dynamics). */
  url: string
}

export type ShareErrorKind = "session-expired" | "rejected" | "network" | "budget-exhausted"

export class ShareError extends Error {
  override readonly name = "ShareError"
  constructor(
    readonly kind: ShareErrorKind,
    message: string,
    readonly code?: string
  ) {
    super(message)
  }
}

/** Snapshot files read back from the CRM (their content still to be validated). */
export interface CrmSnapshotFile {
  id: string
  filename: string
  createdAt: number | null
  content: unknown
}

/** Every snapshot file's title starts with this, in every language and CRM. */
export { SNAPSHOT_TITLE_PREFIX } from "./salesforce/snapshot-files"
