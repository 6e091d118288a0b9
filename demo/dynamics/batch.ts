/**
 * `POST /api/data/v9.2/$batch` in the mock Web API, as "Execute batch operations using the Web
 * API" documents it, for what Parley sends: change sets of note writes. Operations in a change set
 * run in order and form one transaction: when one fails, the ones before it are rolled back and the
 * change set answers with that operation's error alone. The answer is `200` with a multipart/mixed
 * body (`batchresponse_…`, `changesetresponse_…`), one application/http part per operation.
 * Requests outside a change set are not used by Parley and are refused (400).
 */
import { boundaryOf, headersAndRest, multipartParts } from "../../src/crm/dynamics/batch"
import type { NoteResult } from "./notes"

export interface BatchDeps {
  host: string
  /** One write, as the single-request endpoint would run it. */
  run(method: string, path: string, body: string | undefined): NoteResult & { created?: string }
  /** Undoes a write of this change set (rollback). */
  undo(created: string): void
}

const CRLF = "\r\n"

function httpPart(result: NoteResult, contentId: number | null): string {
  const lines = ["Content-Type: application/http", "Content-Transfer-Encoding: binary", ...(contentId !== null ? [`Content-ID: ${contentId}`] : []), ""]
  const reason = result.status === 204 ? "No Content" : result.status === 404 ? "Not Found" : result.status < 300 ? "OK" : "Bad Request"
  lines.push(`HTTP/1.1 ${result.status} ${reason}`, "OData-Version: 4.0")
  for (const [k, v] of Object.entries(result.headers ?? {})) {
    lines.push(`${k}: ${v}`)
    if (k === "OData-EntityId") lines.push(`Location: ${v}`)
  }
  if (result.body !== undefined) lines.push("Content-Type: application/json; odata.metadata=minimal", "", JSON.stringify(result.body))
  else lines.push("", "")
  return lines.join(CRLF)
}

export function handleBatch(contentType: string | undefined, body: string | undefined, deps: BatchDeps, id: string): { status: number; headers: Record<string, string>; body: string } {
  const boundary = boundaryOf(contentType)
  const bad = (message: string) => ({ status: 400, headers: { "Content-Type": "application/json; odata.metadata=minimal" }, body: JSON.stringify({ error: { code: "0x80060888", message } }) })
  if (!boundary || !/^multipart\/mixed/i.test(contentType ?? "")) return bad("The batch request must have a multipart/mixed Content-Type with a boundary.")
  const out: string[] = []
  for (const part of multipartParts(body ?? "", boundary)) {
    const { headers, rest } = headersAndRest(part)
    const inner = boundaryOf(headers["content-type"])
    if (!inner) return bad("Only change sets are supported by this mock.")
    const created: string[] = []
    const answers: string[] = []
    let failed: string | null = null
    for (const [n, operation] of multipartParts(rest, inner).entries()) {
      const { headers: partHeaders, rest: http } = headersAndRest(operation)
      const line = /^(POST|PATCH|DELETE|PUT) (\S+) HTTP\/1\.1\r?\n/.exec(http)
      if (!line) return bad("Each change set operation must be an application/http request.")
      const request = headersAndRest(http.slice(line[0].length))
      const url = new URL(line[2]!, `https://${deps.host}`)
      if (url.host !== deps.host) return bad(`The operation's URL is not on this org: ${url.host}`)
      const result = deps.run(line[1]!, url.pathname, request.rest || undefined)
      const contentId = Number(partHeaders["content-id"] ?? n + 1)
      if (result.status >= 400) {
        // The transaction is rolled back: nothing of this change set stays.
        for (const c of created.reverse()) deps.undo(c)
        failed = httpPart(result, contentId)
        break
      }
      if (result.created) created.push(result.created)
      answers.push(httpPart(result, contentId))
    }
    if (failed !== null) {
      out.push(failed)
      continue
    }
    const changeset = `changesetresponse_${id}`
    out.push([`Content-Type: multipart/mixed; boundary=${changeset}`, "", ...answers.map((a) => `--${changeset}${CRLF}${a}`), `--${changeset}--`].join(CRLF))
  }
  const batch = `batchresponse_${id}`
  return {
    status: 200,
    headers: { "Content-Type": `multipart/mixed; boundary=${batch}`, "OData-Version": "4.0" },
    body: [...out.map((p) => `--${batch}${CRLF}${p}`), `--${batch}--`, ""].join(CRLF)
  }
}
