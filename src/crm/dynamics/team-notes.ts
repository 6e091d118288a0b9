/**
 * The team roll-up's side of Dynamics 365 (issue 15): every Parley snapshot note the signed-in user
 * can read in the org, and their bodies, through the sync's client (api.ts: the CRM page's own
 * origin, the org's budget, Retry-After) like snapshot-files.ts.
 *
 * Which notes: the marker Parley writes when it shares (share.ts, background/share.ts): a note
 * with an attachment (`isdocument`), `mimetype` application/json, a subject starting with
 * SNAPSHOT_TITLE_PREFIX and a filename starting with `parley-`, regarding an account. Dataverse
 * itself decides what the user may read: a query returns only the notes that pass its access check,
 * and a note inherits its account's access (parental relationship), so a note on an account the
 * lead may not read is never listed.
 *
 * Listing: one query without the bodies, `modifiedon` and then `annotationid` ascending (a stable
 * order across pages), `Prefer: odata.maxpagesize` and every `@odata.nextLink`. `since` asks only
 * for notes changed at or after it (`ge`: a note changed in the same second as the last refresh
 * is listed again rather than missed; the caller compares change stamps).
 *
 * Bodies: `documentbody` of up to GROUP_SIZE notes per request, named by id (the sync's
 * `annotationid eq … or …` form), and no more than GROUP_BYTES of attachments per answer (the page
 * relay carries each answer as one message). A note larger than a snapshot can be
 * (MAX_SNAPSHOT_BYTES by `filesize`) is not downloaded. A note deleted since the listing is simply
 * not in the answer, and is left out.
 */
import { base64ToUtf8 } from "../../snapshots/bytes"
import { MAX_SNAPSHOT_BYTES } from "../../snapshots/import"
import { SNAPSHOT_TITLE_PREFIX, type TeamBodies, type TeamListing, type TeamSnapshotBody, type TeamSnapshotRef } from "../share-types"
import { anyOf, type DataverseClient, type Row } from "./api"
import { asShareError, GUID } from "./share"

/** Rows per listing page: the listing carries no bodies, so a page is small. */
export const TEAM_PAGE_SIZE = 1_000
/** Notes per body request. */
export const GROUP_SIZE = 20
/** Attachment bytes per body request (about 21 MiB as Base64, far below the relay's cap). */
export const GROUP_BYTES = 16 * 1024 * 1024

const FORMATTED = "@OData.Community.Display.V1.FormattedValue"
const LIST_COLUMNS = ["annotationid", "subject", "filename", "filesize", "createdon", "modifiedon", "_objectid_value", "_createdby_value", "_modifiedby_value", "objecttypecode"]

/** OData string literal: a quote inside is doubled. */
const quoted = (text: string) => `'${text.replace(/'/g, "''")}'`
const time = (value: unknown): number | null => {
  const ms = typeof value === "string" ? Date.parse(value) : NaN
  return Number.isNaN(ms) ? null : ms
}

function teamNotesUrl(client: DataverseClient, since: number | null): string {
  const conditions = [
    "isdocument eq true",
    "mimetype eq 'application/json'",
    `startswith(subject,${quoted(SNAPSHOT_TITLE_PREFIX)})`,
    "startswith(filename,'parley-')",
    "objecttypecode eq 'account'",
    ...(since !== null ? [`modifiedon ge ${new Date(since).toISOString()}`] : [])
  ]
  const orderby = "modifiedon asc,annotationid asc"
  return client.url(`annotations?$select=${LIST_COLUMNS.join(",")}&$filter=${encodeURIComponent(conditions.join(" and "))}&$orderby=${encodeURIComponent(orderby)}`)
}

/** One listed note as the roll-up's reference, or null for a row that is not a usable listing. */
function teamRef(row: Row): TeamSnapshotRef | null {
  const modifiedAt = time(row.modifiedon)
  if (typeof row.annotationid !== "string" || !GUID.test(row.annotationid.toLowerCase()) || modifiedAt === null) return null
  const parent = typeof row._objectid_value === "string" ? row._objectid_value.toLowerCase() : ""
  // Whoever last changed the note wrote the attachment read (anyone with write access on the note
  // can replace its documentbody): the creator would vouch for a teammate's snapshot.
  const by = typeof row._modifiedby_value === "string" ? "_modifiedby_value" : "_createdby_value"
  const author = typeof row[by] === "string" ? (row[by] as string).toLowerCase() : ""
  const authorName = row[`${by}${FORMATTED}`]
  return {
    id: row.annotationid.toLowerCase(),
    accountId: row.objecttypecode === "account" && GUID.test(parent) ? parent : null,
    filename: typeof row.filename === "string" ? row.filename : "",
    title: typeof row.subject === "string" ? row.subject : "",
    // The id alone when the name was not formatted: the roll-up still groups by author.
    author: GUID.test(author) ? { id: author, name: typeof authorName === "string" ? authorName : author } : null,
    createdAt: time(row.createdon),
    modifiedAt,
    size: typeof row.filesize === "number" && row.filesize >= 0 ? row.filesize : null
  }
}

export async function listDynamicsTeamNotes(client: DataverseClient, options: { since: number | null; pageSize?: number }): Promise<TeamListing> {
  const before = client.calls
  const files: TeamSnapshotRef[] = []
  let next: string | undefined = teamNotesUrl(client, options.since)
  try {
    while (next) {
      const page = await client.page(next, options.pageSize ?? TEAM_PAGE_SIZE)
      for (const row of page.value) {
        const ref = teamRef(row)
        if (ref) files.push(ref)
      }
      next = page.nextLink
    }
  } catch (error) {
    throw asShareError(error)
  }
  return { files, calls: client.calls - before }
}

/** The parsed JSON of a Base64 attachment, or null when it is not UTF-8 JSON. */
function parseBody(documentbody: unknown): unknown {
  if (typeof documentbody !== "string") return null
  try {
    return JSON.parse(base64ToUtf8(documentbody)) as unknown
  } catch {
    return null
  }
}

/** Ids in request groups: at most `size` notes and `bytes` of attachments each (a single larger note goes alone). */
export function bodyGroups(refs: readonly TeamSnapshotRef[], size = GROUP_SIZE, bytes = GROUP_BYTES): string[][] {
  const groups: string[][] = []
  let group: string[] = []
  let load = 0
  for (const ref of refs) {
    const weight = ref.size ?? MAX_SNAPSHOT_BYTES
    if (group.length && (group.length >= size || load + weight > bytes)) {
      groups.push(group)
      group = []
      load = 0
    }
    group.push(ref.id)
    load += weight
  }
  if (group.length) groups.push(group)
  return groups
}

export async function readDynamicsTeamNotes(
  client: DataverseClient,
  refs: readonly TeamSnapshotRef[],
  onBody?: (body: TeamSnapshotBody) => void,
  options: { groupSize?: number; groupBytes?: number } = {}
): Promise<TeamBodies> {
  const before = client.calls
  const bodies: TeamSnapshotBody[] = []
  const deliver = (body: TeamSnapshotBody) => {
    bodies.push(body)
    onBody?.(body)
  }
  const wanted = new Map<string, TeamSnapshotRef>()
  for (const ref of refs) if (GUID.test(ref.id)) wanted.set(ref.id, ref)
  const toRead: TeamSnapshotRef[] = []
  for (const ref of wanted.values()) {
    // Larger than any snapshot: never downloaded; the caller refuses it with its reason.
    if (ref.size !== null && ref.size > MAX_SNAPSHOT_BYTES) deliver({ id: ref.id, content: null })
    else toRead.push(ref)
  }
  try {
    for (const ids of bodyGroups(toRead, options.groupSize, options.groupBytes)) {
      const url = client.url(`annotations?$select=annotationid,documentbody&$filter=${encodeURIComponent(anyOf("annotationid", ids))}`)
      for (const row of await client.all(url, ids.length)) {
        const id = typeof row.annotationid === "string" ? row.annotationid.toLowerCase() : ""
        if (!wanted.has(id)) continue
        wanted.delete(id) // once, whatever the answer repeats
        deliver({ id, content: parseBody(row.documentbody) })
      }
    }
  } catch (error) {
    // What was read has reached onBody; the rest waits for the next refresh.
    throw asShareError(error)
  }
  return { bodies, calls: client.calls - before }
}
