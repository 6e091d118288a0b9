/**
 * Salesforce Files in the mock REST API: `POST /sobjects/ContentVersion` (base64 `VersionData`,
 * `PathOnClient`, `Title`, `FirstPublishLocationId`), `GET …/ContentVersion/<id>/VersionData`,
 * `DELETE /sobjects/ContentDocument/<id>`, and `POST /composite` with `allOrNone` and `@{ref.field}`
 * references — each validated the way the REST API validates it (unknown field → INVALID_FIELD,
 * missing PathOnClient/VersionData → REQUIRED_FIELD_MISSING, bad base64 → JSON_PARSER_ERROR,
 * unknown parent → INVALID_CROSS_REFERENCE_KEY; a failed subrequest under allOrNone rolls the
 * others back and marks them PROCESSING_HALTED). Created versions become queryable records, with
 * the ContentDocument Salesforce creates for a first version and its ContentDocumentLinks: one to
 * the FirstPublishLocationId record and one to the owner ("FirstPublishLocationId … the file is
 * shared with this record", Object Reference, ContentVersion; the owner's own link is how a file is
 * in "their personal library"). The uploading user owns and created the file.
 */
import { toId18 } from "../../src/crm/salesforce/ids"
import { DEMO_NOW, sfId } from "../org"
import { API_VERSION, sfDateTime, type SObjectRecord } from "./records"

export interface SubResult {
  status: number
  body: unknown
  headers?: Record<string, string>
}

export interface StoredFile {
  record: SObjectRecord
  data: Uint8Array
}

const INSERTABLE = new Set(["Title", "PathOnClient", "VersionData", "FirstPublishLocationId", "Description", "ContentLocation", "ReasonForChange", "Origin", "SharingOption", "SharingPrivacy"])
const FILE_TYPES: Record<string, string> = { pdf: "PDF", json: "JSON", png: "PNG", csv: "CSV", txt: "TEXT" }
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/
const err = (status: number, errorCode: string, message: string, fields: string[] = []): SubResult => ({ status, body: [{ message, errorCode, fields }] })

interface Source {
  byId: Map<string, SObjectRecord>
  byType: Map<string, SObjectRecord[]>
}

export class MockFileStore {
  readonly files = new Map<string, StoredFile>()
  private serial = 0
  constructor(private readonly source: Source) {}

  /** Inserts a first version as `userId` (who then owns it). */
  insert(body: unknown, userId: string): SubResult {
    if (typeof body !== "object" || body === null || Array.isArray(body)) return err(400, "JSON_PARSER_ERROR", "The request body must be a JSON object")
    const fields = body as Record<string, unknown>
    const unknown = Object.keys(fields).find((f) => !INSERTABLE.has(f))
    if (unknown) return err(400, "INVALID_FIELD", `No such column '${unknown}' on sobject of type ContentVersion`, [unknown])
    const missing = ["PathOnClient", "VersionData"].filter((f) => typeof fields[f] !== "string" || !(fields[f] as string).length)
    if (missing.length) return err(400, "REQUIRED_FIELD_MISSING", `Required fields are missing: [${missing.join(", ")}]`, missing)
    const base64 = fields.VersionData as string
    if (!BASE64.test(base64) || base64.length % 4 !== 0) return err(400, "JSON_PARSER_ERROR", "Cannot deserialize instance of base64 from VALUE_STRING value: illegal base64 data")
    let parent: string | undefined
    if (fields.FirstPublishLocationId !== undefined) {
      const id = typeof fields.FirstPublishLocationId === "string" ? toId18(fields.FirstPublishLocationId) : null
      if (!id) return err(400, "MALFORMED_ID", `First Publish Location ID: id value of incorrect type: ${String(fields.FirstPublishLocationId)}`, ["FirstPublishLocationId"])
      if (!this.source.byId.has(id)) return err(400, "INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", ["FirstPublishLocationId"])
      parent = id
    }
    const data = new Uint8Array(Buffer.from(base64, "base64"))
    const n = ++this.serial
    const id = sfId("068", n)
    const path = fields.PathOnClient as string
    const extension = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase() ?? ""
    const at = sfDateTime(DEMO_NOW + n * 1_000)
    const documentId = sfId("069", n)
    const record: SObjectRecord = {
      attributes: { type: "ContentVersion", url: `/services/data/${API_VERSION}/sobjects/ContentVersion/${id}` },
      Id: id,
      ContentDocumentId: documentId,
      Title: typeof fields.Title === "string" ? fields.Title : path.replace(/\.[^.]*$/, ""),
      PathOnClient: path,
      FileExtension: extension,
      FileType: FILE_TYPES[extension] ?? "UNKNOWN",
      FirstPublishLocationId: parent ?? null,
      IsLatest: true,
      ContentSize: data.length,
      Description: typeof fields.Description === "string" ? fields.Description : null,
      VersionData: `/services/data/${API_VERSION}/sobjects/ContentVersion/${id}/VersionData`,
      OwnerId: userId,
      CreatedById: userId,
      CreatedDate: at,
      LastModifiedDate: at,
      SystemModstamp: at
    }
    const document: SObjectRecord = {
      attributes: { type: "ContentDocument", url: `/services/data/${API_VERSION}/sobjects/ContentDocument/${documentId}` },
      Id: documentId,
      Title: record.Title,
      FileExtension: extension,
      FileType: record.FileType,
      ContentSize: data.length,
      LatestPublishedVersionId: id,
      OwnerId: userId,
      CreatedById: userId,
      CreatedDate: at,
      LastModifiedDate: at,
      SystemModstamp: at,
      IsDeleted: false
    }
    const link = (serial: number, linked: string, shareType: "V" | "I"): SObjectRecord => ({
      attributes: { type: "ContentDocumentLink", url: `/services/data/${API_VERSION}/sobjects/ContentDocumentLink/${sfId("06A", serial)}` },
      Id: sfId("06A", serial),
      ContentDocumentId: documentId,
      LinkedEntityId: linked,
      ShareType: shareType,
      Visibility: "AllUsers",
      SystemModstamp: at,
      IsDeleted: false
    })
    const links = [link(2 * n - 1, userId, "I"), ...(parent ? [link(2 * n, parent, "V")] : [])]
    this.files.set(id, { record, data })
    for (const row of [record, document, ...links]) {
      this.source.byId.set(row.Id, row)
      // In place: a query copies what it selects, and thousands of seeded files stay linear.
      const rows = this.source.byType.get(row.attributes.type)
      if (rows) rows.push(row)
      else this.source.byType.set(row.attributes.type, [row])
    }
    return { status: 201, body: { id, success: true, errors: [] }, headers: { Location: record.attributes.url } }
  }

  /** Deletes the document and its versions (what DELETE /sobjects/ContentDocument/<id> does). */
  removeDocument(documentId: string): boolean {
    const doc = toId18(documentId)
    const ids = [...this.files.values()].filter((f) => f.record.ContentDocumentId === doc).map((f) => f.record.Id)
    for (const id of ids) this.remove(id)
    return ids.length > 0
  }

  /** Removes a version with its document and the document's links (a mock document has one version). */
  remove(versionId: string): void {
    const file = this.files.get(versionId)
    this.files.delete(versionId)
    const documentId = file?.record.ContentDocumentId
    const gone = (r: SObjectRecord) => r.Id === versionId || r.Id === documentId || (r.attributes.type === "ContentDocumentLink" && r.ContentDocumentId === documentId)
    for (const type of ["ContentVersion", "ContentDocument", "ContentDocumentLink"]) {
      const rows = this.source.byType.get(type) ?? []
      for (const row of rows) if (gone(row)) this.source.byId.delete(row.Id)
      this.source.byType.set(type, rows.filter((r) => !gone(r)))
    }
  }

  /** The stored file of a version id (15 or 18 characters). */
  file(id: string): StoredFile | undefined {
    const key = toId18(id)
    return key ? this.files.get(key) : undefined
  }

  /** The links of a document: where it is shared. */
  linksOf(documentId: string): SObjectRecord[] {
    return (this.source.byType.get("ContentDocumentLink") ?? []).filter((l) => l.ContentDocumentId === documentId)
  }
}

export interface CompositeSub {
  method: string
  url: string
  body?: unknown
  referenceId: string
}

const HALTED = { errorCode: "PROCESSING_HALTED", message: "The transaction was rolled back since another operation in the same transaction failed." }

/** Resolves `@{ref.path}` (e.g. `@{json.id}`, `@{q.records[0].Id}`) against earlier results. */
function resolve(text: string, results: Map<string, unknown>): string | { missing: string } {
  let missing: string | undefined
  const out = text.replace(/@\{([A-Za-z0-9_]+)((?:\.[A-Za-z0-9_]+|\[\d+\])*)\}/g, (whole, ref: string, path: string) => {
    let value: unknown = results.get(ref)
    for (const part of path.match(/[A-Za-z0-9_]+|\d+/g) ?? []) value = (value as Record<string, unknown> | undefined)?.[part]
    if (value === undefined || value === null || typeof value === "object") {
      missing ??= whole
      return whole
    }
    return String(value)
  })
  return missing ? { missing } : out
}

/**
 * Runs a composite request through `exec` (one subrequest as a normal call). Under allOrNone, a
 * failed subrequest makes `rollback` undo what the others created.
 */
export function runComposite(body: unknown, exec: (sub: CompositeSub) => SubResult, rollback: (created: string[]) => void): SubResult {
  const request = body as { allOrNone?: unknown; compositeRequest?: unknown } | null
  const subs = request?.compositeRequest
  if (!Array.isArray(subs) || subs.length === 0) return err(400, "JSON_PARSER_ERROR", "compositeRequest must be a non-empty array")
  if (subs.length > 25) return err(400, "LIMIT_EXCEEDED", "Composite requests can have at most 25 subrequests")
  const ids = new Set<string>()
  for (const sub of subs as CompositeSub[]) {
    if (typeof sub?.method !== "string" || typeof sub.url !== "string" || typeof sub.referenceId !== "string" || !/^[A-Za-z][A-Za-z0-9_]*$/.test(sub.referenceId)) {
      return err(400, "JSON_PARSER_ERROR", "Each subrequest needs method, url and an alphanumeric referenceId")
    }
    if (ids.has(sub.referenceId)) return err(400, "DUPLICATE_VALUE", `Duplicate referenceId: ${sub.referenceId}`)
    ids.add(sub.referenceId)
  }
  const allOrNone = request!.allOrNone === true
  const results = new Map<string, unknown>()
  const created: string[] = []
  const out: { body: unknown; httpHeaders: Record<string, string>; httpStatusCode: number; referenceId: string }[] = []
  let failedAt = -1
  for (const [i, sub] of (subs as CompositeSub[]).entries()) {
    if (failedAt >= 0 && allOrNone) {
      out.push({ body: [HALTED], httpHeaders: {}, httpStatusCode: 400, referenceId: sub.referenceId })
      continue
    }
    const url = resolve(sub.url, results)
    const bodyText = sub.body === undefined ? undefined : resolve(JSON.stringify(sub.body), results)
    let result: SubResult
    if (typeof url !== "string" || (bodyText !== undefined && typeof bodyText !== "string")) {
      const missing = typeof url !== "string" ? url.missing : (bodyText as { missing: string }).missing
      result = err(400, "INVALID_REFERENCE", `Invalid reference specified. No value for ${missing} found.`)
    } else {
      result = exec({ ...sub, url, body: bodyText === undefined ? undefined : JSON.parse(bodyText) })
    }
    results.set(sub.referenceId, result.body)
    const id = (result.body as { id?: unknown })?.id
    if (result.status === 201 && typeof id === "string") created.push(id)
    out.push({ body: result.body, httpHeaders: result.headers ?? {}, httpStatusCode: result.status, referenceId: sub.referenceId })
    if (result.status >= 400 && failedAt < 0) failedAt = i
  }
  if (failedAt >= 0 && allOrNone) {
    rollback(created)
    out.forEach((entry, i) => {
      if (i < failedAt) Object.assign(entry, { body: [HALTED], httpHeaders: {}, httpStatusCode: 400 })
    })
  }
  return { status: 200, body: { compositeResponse: out } }
}
