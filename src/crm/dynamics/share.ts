/**
 * Attaches a snapshot to a Dynamics 365 account as notes with attachments: one
 * `POST /api/data/v9.2/annotations` per file (`objectid_account@odata.bind`, base64
 * `documentbody`), through the org's own session cookie like the sync's reads. Dataverse answers
 * `204` with the new note's URL in `OData-EntityId`.
 *
 * Two notes are two requests, so a failure of the second would leave the first behind: Parley
 * then deletes the note it created (`DELETE annotations(<id>)`) and reports the failure. Only
 * when that clean-up fails too is anything left over, and the error names the note. (A `$batch`
 * change set would make the pair atomic, at the price of a multipart writer; the compensating
 * delete keeps this small.) A `429` waits `Retry-After` (up to a minute) and tries again: the
 * service-protection limit rejects a request before running it, so the retry cannot duplicate.
 */
import { ShareError, type ShareFile, type SharedFile } from "../share-types"
import { apiRoot, parseRetryAfter, type HttpResponseLike } from "./api"

export type WriteFetch = (
  url: string,
  init: { method: "POST" | "DELETE"; headers: Record<string, string>; credentials: "include"; body?: string }
) => Promise<HttpResponseLike>

export interface DynamicsShareDeps {
  fetch: WriteFetch
  /** The org URL (`https://org.crm4.dynamics.com`). */
  baseUrl: string
  sleep?: (ms: number) => Promise<void>
  now?: () => number
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const HEADERS = { Accept: "application/json", "OData-MaxVersion": "4.0", "OData-Version": "4.0" }
const MAX_RETRY_AFTER_S = 60

async function send(deps: DynamicsShareDeps, url: string, method: "POST" | "DELETE", body?: string): Promise<HttpResponseLike> {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)))
  for (let attempt = 0; ; attempt++) {
    let res: HttpResponseLike
    try {
      res = await deps.fetch(url, {
        method,
        headers: body === undefined ? HEADERS : { ...HEADERS, "Content-Type": "application/json; charset=utf-8" },
        credentials: "include",
        ...(body === undefined ? {} : { body })
      })
    } catch (error) {
      throw new ShareError("network", `Dynamics 365 did not answer (${error instanceof Error ? error.message : String(error)}).`)
    }
    if (res.status === 429 && attempt < 2) {
      const seconds = parseRetryAfter(res.headers.get("Retry-After"), (deps.now ?? Date.now)()) ?? 5
      if (seconds <= MAX_RETRY_AFTER_S) {
        await sleep(seconds * 1000)
        continue
      }
    }
    return res
  }
}

async function failure(res: HttpResponseLike, what: string): Promise<ShareError> {
  let code: string | undefined
  let message = `HTTP ${res.status}`
  try {
    const body = JSON.parse(await res.text()) as { error?: { code?: unknown; message?: unknown } }
    if (typeof body.error?.code === "string") code = body.error.code
    if (typeof body.error?.message === "string") message = body.error.message.slice(0, 300)
  } catch {
    // An HTML error page or an empty body: the status says enough.
  }
  if (res.status === 401) return new ShareError("session-expired", "Your Dynamics 365 session has ended. Sign in again in its tab and share again.", code)
  return new ShareError("rejected", `Dynamics 365 refused ${what}: ${code ? `${code}: ` : ""}${message}`, code)
}

export async function shareToDynamics(
  deps: DynamicsShareDeps,
  input: { accountId: string; accountUrl: string; files: readonly ShareFile[]; notetext: string }
): Promise<SharedFile[]> {
  if (!GUID.test(input.accountId)) throw new ShareError("rejected", `Not a Dynamics record id: ${input.accountId}`)
  const root = apiRoot(deps.baseUrl)
  const created: SharedFile[] = []
  for (const file of input.files) {
    const body = JSON.stringify({
      subject: file.title,
      notetext: input.notetext,
      filename: file.filename,
      mimetype: file.mimeType,
      documentbody: file.base64,
      "objectid_account@odata.bind": `/accounts(${input.accountId})`
    })
    let error: ShareError | null = null
    let id: string | undefined
    try {
      const res = await send(deps, `${root}/annotations`, "POST", body)
      if (res.status >= 200 && res.status < 300) {
        id = /annotations\(([0-9a-f-]{36})\)/i.exec(res.headers.get("OData-EntityId") ?? "")?.[1]?.toLowerCase()
        if (!id) error = new ShareError("rejected", "Dynamics 365 did not say which note it created.")
      } else error = await failure(res, `the ${file.kind.toUpperCase()} note`)
    } catch (e) {
      error = e instanceof ShareError ? e : new ShareError("network", String(e))
    }
    if (error) {
      await undo(deps, root, created, error)
      throw error
    }
    created.push({ kind: file.kind, id: id!, url: input.accountUrl })
  }
  return created
}

/** Deletes the notes this share created; if that fails, the error says which note is left. */
async function undo(deps: DynamicsShareDeps, root: string, created: SharedFile[], cause: ShareError): Promise<void> {
  const left: string[] = []
  for (const note of [...created].reverse()) {
    try {
      const res = await send(deps, `${root}/annotations(${note.id})`, "DELETE")
      if (res.status >= 300 && res.status !== 404) left.push(note.id)
    } catch {
      left.push(note.id)
    }
  }
  if (left.length) {
    throw new ShareError(
      "left-over",
      `${cause.message} Parley could not remove the note it had already attached (${left.join(", ")}); delete it from the account's timeline.`,
      cause.code
    )
  }
}
