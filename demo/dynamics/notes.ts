/**
 * Notes with attachments in the mock Web API: `POST /annotations` and `DELETE /annotations(<id>)`,
 * validated as Dataverse validates them: a JSON object of known annotation columns, an
 * `objectid_account@odata.bind` that names an existing account (`/accounts(<guid>)`), base64
 * `documentbody`. Success is `204 No Content` with the new row's URL in `OData-EntityId`; the row
 * then answers queries (`_objectid_value`, `mimetype`, `documentbody`) like any other note.
 *
 * Size: a `documentbody` longer than the org's `maxuploadfilesize` (organization table; the limit
 * counts the Base64 text, "Annotation (note) table") is refused with `400` and AttachmentBlocked
 * `0x80043e09` "The attachment is either not a valid type or is too large. It cannot be uploaded or
 * downloaded." ("Web service error codes"; the same answer as a blocked file type).
 *
 * Who: a note is created by the signed-in user (`_createdby_value`, with its FormattedValue the
 * user's full name), who also owns it (`_ownerid_value`): the Annotation table is user-owned ("Note
 * (Annotation) table/entity reference": OwnershipType UserOwned). Attaching a note to an account
 * the user may not read is refused as Dataverse's access check refuses it: 403, code 0x80048306
 * (-2147187962), "Principal with ID … does not have AppendToAccess right(s) for record with ID …"
 * ("Troubleshoot Dataverse client errors").
 */
import { ACCESS_CHECK_FAILED } from "../../src/crm/dynamics/api"
import { dynGuid } from "../org"
import { FORMATTED, fmt, iso, lookup, type DemoUser, type Row } from "./data"

export interface NoteResult {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

/** Every column a note written here has (the demo org may have no note to learn them from). */
export const NOTE_FILE_COLUMNS = [
  "annotationid", "subject", "notetext", "filename", "mimetype", "documentbody", "filesize", "isdocument", "objecttypecode", "_objectid_value", "_createdby_value", "_modifiedby_value", "_ownerid_value", "createdon", "modifiedon"
] as const
const WRITABLE = new Set(["subject", "notetext", "filename", "mimetype", "documentbody", "isdocument", "objecttypecode"])
const BIND = /^objectid_([a-z_]+)@odata\.bind$/
const BIND_TARGET = /^(?:https:\/\/[^/]+\/api\/data\/v9\.\d)?\/([a-z]+)\(([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)$/i
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

const fail = (status: number, code: string, message: string): NoteResult => ({ status, body: { error: { code, message } } })

export interface NoteStoreDeps {
  host: string
  tables: Record<string, Row[]>
  clock: { now(): number; advance(ms: number): void }
}

/** Who writes: the signed-in user, and whether that user may attach a note to an account. */
export interface NoteAuthor {
  user: DemoUser
  mayAttachTo(accountId: string): boolean
}

export function createNoteStore(deps: NoteStoreDeps) {
  let serial = 0
  const notes = () => deps.tables.annotations!

  function create(bodyText: string | undefined, author: NoteAuthor): NoteResult {
    let body: unknown
    try {
      body = JSON.parse(bodyText ?? "")
    } catch {
      return fail(400, "0x80048d19", "Error identified in Payload provided by the user for Entity :'annotations'")
    }
    if (typeof body !== "object" || body === null || Array.isArray(body)) return fail(400, "0x80048d19", "Error identified in Payload provided by the user for Entity :'annotations'")
    const fields = body as Record<string, unknown>
    let parent: { table: string; id: string } | null = null
    for (const [name, value] of Object.entries(fields)) {
      const bind = BIND.exec(name)
      if (bind) {
        const target = typeof value === "string" ? BIND_TARGET.exec(value) : null
        if (!target || target[1] !== "accounts" || bind[1] !== "account") return fail(400, "0x80060888", `Invalid value '${String(value)}' for ${name}: expected /accounts(<guid>)`)
        parent = { table: "account", id: target[2]!.toLowerCase() }
        continue
      }
      if (!WRITABLE.has(name)) {
        return fail(400, "0x80060888", `The property '${name}' does not exist on type 'Microsoft.Dynamics.CRM.annotation'. Make sure to only use property names that are defined by the type.`)
      }
    }
    const account = parent ? deps.tables.accounts!.find((r) => r.accountid === parent!.id) : undefined
    if (parent && !account) return fail(404, "0x80040217", `account With Id = ${parent.id} Does Not Exist`)
    if (parent && !author.mayAttachTo(parent.id)) {
      return fail(403, ACCESS_CHECK_FAILED, `Principal with ID ${author.user.id} does not have AppendToAccess right(s) for record with ID ${parent.id} of entity account.`)
    }
    const document = fields.documentbody
    if (document !== undefined && (typeof document !== "string" || !BASE64.test(document) || document.length % 4 !== 0)) {
      return fail(400, "0x80040203", "The documentbody is not a valid base64 string.")
    }
    if (typeof document === "string" && typeof fields.filename !== "string") return fail(400, "0x80040203", "A note with an attachment needs a filename.")
    const limit = Number(deps.tables.organizations?.[0]?.maxuploadfilesize ?? Infinity)
    if (typeof document === "string" && document.length > limit) {
      return fail(400, "0x80043e09", "The attachment is either not a valid type or is too large. It cannot be uploaded or downloaded.")
    }
    const id = dynGuid(20, ++serial)
    const at = deps.clock.now()
    deps.clock.advance(1_000)
    const size = typeof document === "string" ? Buffer.from(document, "base64").length : 0
    notes().push({
      annotationid: id,
      subject: typeof fields.subject === "string" ? fields.subject : null,
      notetext: typeof fields.notetext === "string" ? fields.notetext : null,
      filename: typeof fields.filename === "string" ? fields.filename : null,
      mimetype: typeof fields.mimetype === "string" ? fields.mimetype : null,
      documentbody: typeof document === "string" ? document : null,
      filesize: size,
      isdocument: typeof document === "string",
      objecttypecode: parent ? "account" : null,
      ...lookup("objectid", "account", parent?.id ?? null, account ? String(account.name) : undefined),
      ...lookup("createdby", "systemuser", author.user.id, author.user.name),
      ...lookup("modifiedby", "systemuser", author.user.id, author.user.name),
      ...lookup("ownerid", "systemuser", author.user.id, author.user.name),
      createdon: iso(at),
      [`createdon${FORMATTED}`]: fmt.dateTime(at),
      modifiedon: iso(at),
      [`modifiedon${FORMATTED}`]: fmt.dateTime(at)
    })
    return { status: 204, headers: { "OData-EntityId": `https://${deps.host}/api/data/v9.2/annotations(${id})` } }
  }

  function remove(id: string): NoteResult {
    const index = notes().findIndex((r) => r.annotationid === id)
    if (index < 0) return fail(404, "0x80040217", `annotation With Id = ${id} Does Not Exist`)
    notes().splice(index, 1)
    return { status: 204 }
  }

  /** Notes with an attachment, as written (what tests and the e2e inspect). */
  const attachments = () => notes().filter((r) => r.isdocument === true)

  return { create, remove, attachments }
}
