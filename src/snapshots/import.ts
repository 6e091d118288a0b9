/**
 * Reading a snapshot file someone hands Parley (an export, a CRM attachment). Refused, with a
 * reason the panel translates: too large, not JSON, not a snapshot, written by a newer Parley,
 * malformed (the first problems, with their paths), or tampered (the content does not match its
 * hash). The version is checked before the shape, because a newer snapshot may have any shape.
 *
 * Version 1 (before issue 12) stored the analysis' sentences as English prose. Such a file still
 * opens: its hash is checked as written, then each sentence becomes the descriptor `a.legacy`
 * holding the old text as it was (shown as written, in any export language: it was never stored
 * in another), hints keep that as their descriptors, and the upgraded document is sealed anew.
 */
import { canonicalJson, CanonicalJsonError, sha256Hex } from "./canonical"
import type { Message } from "../i18n/message"
import { SNAPSHOT_VERSION, SnapshotDocument } from "./payload"
import { parseRecordKey } from "../model/keys"

export const MAX_SNAPSHOT_BYTES = 4 * 1024 * 1024

/** `storage-full`: the file was fine, the browser had no room to store it (the background's reply). */
export type ImportFailure = "too-large" | "not-json" | "not-a-snapshot" | "newer-version" | "malformed" | "tampered" | "storage-full"
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

export async function checkSnapshot(input: unknown): Promise<ImportResult> {
  let raw = input
  if (typeof raw !== "object" || raw === null || Array.isArray(raw) || !("payload" in raw) || !("hash" in raw)) {
    return fail("not-a-snapshot", "The file is JSON but not a Parley snapshot (it has no payload and hash).")
  }
  const version = (raw as { version?: unknown }).version
  if (typeof version === "number" && Number.isInteger(version) && version > SNAPSHOT_VERSION) {
    return fail("newer-version", `The snapshot is version ${version}; this Parley reads versions up to ${SNAPSHOT_VERSION}. Update Parley to open it.`)
  }
  if (version === 1) {
    const { hash, ...rest } = raw as Record<string, unknown>
    let writtenHash: string
    try {
      writtenHash = await sha256Hex(canonicalJson(rest))
    } catch (error) {
      if (error instanceof CanonicalJsonError) return fail("malformed", `The snapshot is malformed: ${error.message}.`)
      throw error
    }
    if (writtenHash !== hash) return fail("tampered", "The snapshot's content does not match its hash: it was changed after Parley wrote it.")
    const upgraded = upgradeVersion1(rest)
    raw = { ...upgraded, hash: await sha256Hex(canonicalJson(upgraded)) }
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
  // A sealed file can still be forged as a whole: its parts must name one record, or a share
  // would take the record from one field and the org from another.
  const doc = parsed.data
  const record = parseRecordKey(doc.recordKey)
  if (!record || record.crm !== doc.crm || record.org !== doc.org || doc.payload.account.key !== doc.recordKey || !doc.key.startsWith(`snapshot:${doc.recordKey}:`)) {
    return fail("malformed", "The snapshot names different records in its key, its account and its CRM org.")
  }
  return { ok: true, snapshot: doc }
}

/** An English sentence of a version-1 file as a descriptor that shows it as written. */
export const legacyMessage = (text: string): Message => ({ id: "a.legacy", params: { text: { text } } })

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v)

/** Sentences of a version-1 profile: `summary`, `reason` (evidence, power factors) and risk reasons' `text`. */
function upgradeSentences(value: unknown, key: string | null, parent: string | null): unknown {
  if (typeof value === "string") {
    const sentence = key === "summary" || (key === "reason" && parent !== "rejected") || (key === "text" && parent === "reasons")
    return sentence ? legacyMessage(value) : value
  }
  if (Array.isArray(value)) return value.map((item) => upgradeSentences(item, null, key))
  if (!isObject(value)) return value
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) out[k] = upgradeSentences(v, k, key ?? parent)
  return out
}

/** A version-1 document (without its hash) as version 2. Anything unexpected is left for the schema to reject. */
function upgradeVersion1(document: Record<string, unknown>): Record<string, unknown> {
  const payload = document.payload
  if (!isObject(payload)) return { ...document, version: 2 }
  const profile = isObject(payload.profile) ? { ...(upgradeSentences(payload.profile, null, null) as Record<string, unknown>), version: 2 } : payload.profile
  const hints = Array.isArray(payload.hints)
    ? payload.hints.map((hint) => {
        if (!isObject(hint)) return hint
        const { title, text, evidence, ...rest } = hint
        return {
          ...rest,
          messages: { title: legacyMessage(typeof title === "string" ? title : ""), text: legacyMessage(typeof text === "string" ? text : "") },
          ...(evidence !== undefined ? { evidence: upgradeSentences(evidence, "evidence", null) } : {})
        }
      })
    : payload.hints
  return { ...document, version: 2, payload: { ...payload, profile, hints } }
}
