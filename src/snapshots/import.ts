/**
 * Reading a snapshot file someone hands Parley (an export, a CRM attachment). Refused, with a
 * reason the panel translates: too large, not JSON, not a snapshot, written by a newer Parley,
 * malformed (the first problems, with their paths), or tampered (the content does not match its
 * hash). The version is checked before the shape, because a newer snapshot may have any shape.
 */
import { canonicalJson, CanonicalJsonError, sha256Hex } from "./canonical"
import { SNAPSHOT_VERSION, SnapshotDocument } from "./payload"

export const MAX_SNAPSHOT_BYTES = 4 * 1024 * 1024

export type ImportFailure = "too-large" | "not-json" | "not-a-snapshot" | "newer-version" | "malformed" | "tampered"
export type ImportResult = { ok: true; snapshot: SnapshotDocument } | { ok: false; reason: ImportFailure; message: string }

const fail = (reason: ImportFailure, message: string): ImportResult => ({ ok: false, reason, message })

export async function parseSnapshotJson(text: string): Promise<ImportResult> {
  if (text.length > MAX_SNAPSHOT_BYTES) return fail("too-large", `The file is larger than ${MAX_SNAPSHOT_BYTES / 1024 / 1024} MB; a Parley snapshot is much smaller.`)
  let raw: unknown
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ""))
  } catch (error) {
    return fail("not-json", `The file is not JSON (${error instanceof Error ? error.message : String(error)}).`)
  }
  return checkSnapshot(raw)
}

export async function checkSnapshot(raw: unknown): Promise<ImportResult> {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw) || !("payload" in raw) || !("hash" in raw)) {
    return fail("not-a-snapshot", "The file is JSON but not a Parley snapshot (it has no payload and hash).")
  }
  const version = (raw as { version?: unknown }).version
  if (typeof version === "number" && Number.isInteger(version) && version > SNAPSHOT_VERSION) {
    return fail("newer-version", `The snapshot is version ${version}; this Parley reads versions up to ${SNAPSHOT_VERSION}. Update Parley to open it.`)
  }
  const parsed = SnapshotDocument.safeParse(raw)
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "snapshot"}: ${i.message}`)
    return fail("malformed", `The snapshot is malformed: ${issues.join("; ")}${parsed.error.issues.length > 3 ? ` (and ${parsed.error.issues.length - 3} more)` : ""}.`)
  }
  const { hash, ...rawRest } = raw as Record<string, unknown>
  let rawHash: string
  try {
    rawHash = await sha256Hex(canonicalJson(rawRest))
  } catch (error) {
    if (error instanceof CanonicalJsonError) return fail("malformed", `The snapshot is malformed: ${error.message}.`)
    throw error
  }
  if (rawHash !== hash) return fail("tampered", "The snapshot's content does not match its hash: it was changed after Parley wrote it.")
  // Fields this version does not know were hashed but would be dropped on storing: refuse them
  // rather than keep a document whose stored form no longer matches its hash.
  const { hash: _hash, ...parsedRest } = parsed.data
  if ((await sha256Hex(canonicalJson(parsedRest))) !== hash) {
    return fail("malformed", "The snapshot has fields this version of Parley does not know.")
  }
  return { ok: true, snapshot: parsed.data }
}
