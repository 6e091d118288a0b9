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

/**
 * One Parley snapshot file the signed-in user can read in the org, as the CRM lists it for the
 * team roll-up (issue 15). The CRM's own permissions decide what is listed: a file on an account
 * the user may not read is never in a listing. The body is read separately (`readTeamSnapshots`).
 */
export interface TeamSnapshotRef {
  /** The CRM's id of the file: ContentVersion id (Salesforce) or annotation id (Dynamics). */
  id: string
  /** The account the file is attached to (Salesforce 18-character id, Dynamics GUID); null when attached elsewhere. */
  accountId: string | null
  filename: string
  /** Title (Salesforce) or subject (Dynamics). */
  title: string
  /** Who shared it: the file's creator. */
  author: { id: string; name: string } | null
  createdAt: number | null
  /** The CRM's change stamp (SystemModstamp / modifiedon), epoch ms: the incremental refresh's watermark. */
  modifiedAt: number
  /** Size in bytes when the CRM says (a file larger than a snapshot can be is never read). */
  size: number | null
}

/** A listing of the team's snapshot files, all pages, with the requests it took. */
export interface TeamListing {
  files: TeamSnapshotRef[]
  calls: number
}

/** One file's body: the parsed JSON, or null when the body is not JSON (the caller refuses it with a reason). */
export interface TeamSnapshotBody {
  id: string
  content: unknown
}

/** What reading bodies gave: the bodies read (a file gone since the listing is left out), and the requests it took. */
export interface TeamBodies {
  bodies: TeamSnapshotBody[]
  calls: number
}
