/**
 * Attaches a snapshot to a Dynamics 365 account as notes with attachments: one note per file
 * (`objectid_account@odata.bind`, base64 `documentbody`), all in ONE change set of a `$batch`
 * request (batch.ts), through the CRM page's own origin like the sync's reads (the injected
 * `fetch` is the page relay in the extension). Dataverse answers each operation `204` with the new
 * note's URL in `OData-EntityId`.
 *
 * Size: Dataverse refuses an attachment whose Base64 text is longer than the org's
 * `maxuploadfilesize` (organization table, 5 MB by default; "Annotation (note) table"). The limit
 * is read first (`GET organizations?$select=maxuploadfilesize`); a PDF over it is left out (the
 * JSON is the snapshot; the PDF is only its printout) and reported in `skipped`; a JSON over it is
 * refused before anything is written, with the sizes in the message.
 *
 * Two notes, one transaction: a change set succeeds or fails as a group ("Execute batch
 * operations using the Web API"), so a refused PDF, a lost connection or a worker stopped in the
 * middle never leaves the JSON note alone on the account; a retry finds either both notes
 * (background/share.ts: already attached) or none. A `429` waits `Retry-After` (the org-wide wait
 * of api.ts) and tries again: the service-protection limit rejects a request before running it,
 * so the retry cannot duplicate.
 */
import type { RequestBudget } from "../request-budget"
import { ShareError, type ShareFile, type SharedFile } from "../share-types"
import { DataverseClient, DataverseError, PageGoneError, SessionExpiredError, ThrottledError, type FetchLike, type RawAnswer } from "./api"
import { changeSetRequest, parseBatchResponse, type ChangeRequest } from "./batch"

/** The share's transport: the same as the sync's (api.ts). */
export type WriteFetch = FetchLike

export interface DynamicsShareDeps {
  fetch: WriteFetch
  /** The org URL (`https://org.crm4.dynamics.com`) or its Web API root (org-url.ts). */
  baseUrl: string
  sleep?: (ms: number) => Promise<void>
  now?: () => number
  /** The org's request budget (src/crm/request-budget.ts), shared with its syncs. */
  budget?: RequestBudget
  /** Told which files were left out, and why (a PDF over the org's attachment limit). */
  onSkipped?: (skipped: SkippedFile) => void
}

export interface SkippedFile {
  kind: ShareFile["kind"]
  reason: "too-large"
  message: string
  /** Base64 length of the file and the org's limit, in bytes of Base64 text. */
  size: number
  limit: number
}

/** The documented default of `maxuploadfilesize` (5 MB), used when the org row cannot be read. */
export const DEFAULT_MAX_UPLOAD_FILE_SIZE = 5_242_880

/** A Dataverse id as Parley keeps it: a lower-case GUID without braces. */
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`

/** Every error of the client as the ShareError the panel shows. */
export function asShareError(error: unknown): ShareError {
  if (error instanceof ShareError) return error
  if (error instanceof SessionExpiredError) return new ShareError("session-expired", "Your Dynamics 365 session has ended. Sign in again in its tab and share again.")
  if (error instanceof PageGoneError) return new ShareError("network", "Open the account in Dynamics 365 in a tab: Parley reaches the org through its own page.")
  if (error instanceof ThrottledError) return new ShareError("budget-exhausted", `${error.message}. Share again after ${new Date(error.retryAt).toLocaleTimeString()}.`)
  if (error instanceof DataverseError) return new ShareError(error.code === "network" ? "network" : "rejected", `Dynamics 365 did not answer (${error.message}).`, error.code || undefined)
  return new ShareError("network", String(error instanceof Error ? error.message : error))
}

/** The org's attachment limit (Base64 bytes); the documented default when it cannot be read. */
export async function readMaxUploadFileSize(client: DataverseClient): Promise<number> {
  try {
    const { body } = await client.get(client.url("organizations?$select=maxuploadfilesize"))
    const value = Array.isArray(body.value) ? (body.value[0] as { maxuploadfilesize?: unknown } | undefined)?.maxuploadfilesize : undefined
    return typeof value === "number" && value > 0 ? value : DEFAULT_MAX_UPLOAD_FILE_SIZE
  } catch (error) {
    // A rep without read access to the organization row still gets the default check.
    if (error instanceof DataverseError && error.code !== "network") return DEFAULT_MAX_UPLOAD_FILE_SIZE
    throw error
  }
}

function failure(res: RawAnswer, what: string): ShareError {
  let code: string | undefined
  let message = `HTTP ${res.status}`
  try {
    const body = JSON.parse(res.text) as { error?: { code?: unknown; message?: unknown } }
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
  const client = new DataverseClient({ fetch: deps.fetch, baseUrl: deps.baseUrl, sleep: deps.sleep, now: deps.now, ...(deps.budget ? { budget: deps.budget } : {}) })
  const root = client.root
  let limit: number
  try {
    limit = await readMaxUploadFileSize(client)
  } catch (error) {
    throw asShareError(error)
  }
  const files: ShareFile[] = []
  const left: string[] = []
  for (const file of input.files) {
    if (file.base64.length <= limit) {
      files.push(file)
      continue
    }
    const message = `The ${file.kind.toUpperCase()} is ${mb(file.base64.length)} as an attachment; this org accepts at most ${mb(limit)} (maxuploadfilesize).`
    if (file.kind === "json") throw new ShareError("rejected", `${message} Redact or shorten the snapshot, or ask an administrator to raise the limit.`)
    const skipped: SkippedFile = { kind: file.kind, reason: "too-large", message: `${message} It was left out; the snapshot itself was attached.`, size: file.base64.length, limit }
    left.push(skipped.message)
    deps.onSkipped?.(skipped)
  }
  // Whoever opens the note in Dynamics learns why the briefing is missing, too.
  const notetext = left.length ? `${input.notetext} ${left.join(" ")}` : input.notetext
  // One change set: both notes are written, or neither (a worker stopped mid-share, a refused PDF).
  const requests: ChangeRequest[] = files.map((file) => ({
    method: "POST",
    url: `${root}/annotations`,
    body: JSON.stringify({
      subject: file.title,
      notetext,
      filename: file.filename,
      mimetype: file.mimeType,
      documentbody: file.base64,
      "objectid_account@odata.bind": `/accounts(${input.accountId})`
    })
  }))
  const batch = changeSetRequest(requests, randomId())
  let res: RawAnswer
  try {
    res = await client.send("POST", `${root}/$batch`, { body: batch.body, contentType: batch.contentType })
  } catch (e) {
    throw asShareError(e)
  }
  if (res.status < 200 || res.status >= 300) throw failure(res, "the notes")
  const answers = parseBatchResponse(res.headers.get("Content-Type"), res.text)
  const refused = answers.find((a) => a.status < 200 || a.status >= 300)
  if (refused) {
    // A failed change set answers with the failing operation alone, named by its Content-ID.
    const file = files[(refused.contentId ?? answers.indexOf(refused) + 1) - 1]
    const kind = file ? `${file.kind.toUpperCase()} note` : "notes"
    throw failure({ status: refused.status, headers: { get: (name) => refused.headers[name.toLowerCase()] ?? null }, text: refused.body }, `the ${kind}`)
  }
  if (answers.length !== files.length) throw new ShareError("rejected", "Dynamics 365 did not say which notes it created.")
  return answers.map((answer, n) => {
    const id = /annotations\(([0-9a-f-]{36})\)/i.exec(answer.headers["odata-entityid"] ?? answer.headers.location ?? "")?.[1]?.toLowerCase()
    if (!id) throw new ShareError("rejected", "Dynamics 365 did not say which note it created.")
    return { kind: files[n]!.kind, id, url: input.accountUrl }
  })
}

/** A boundary id: unique per request (it need not be a GUID). */
function randomId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, "0")).join("")
}

