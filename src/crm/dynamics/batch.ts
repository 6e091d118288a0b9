/**
 * One Dataverse change set: several writes in one `POST [org]/api/data/v9.2/$batch` that
 * succeed or fail as a group ("Execute batch operations using the Web API", Change sets: "if any
 * operation fails, any completed operations will be rolled back"). The request and answer are
 * multipart/mixed documents (OData 4.01 §11.7, multipart format); only what Parley sends and
 * reads is written and parsed here: one change set of JSON requests, and per operation its status,
 * headers and body.
 */

export interface ChangeRequest {
  method: "POST" | "PATCH" | "DELETE"
  /** Absolute URL on the org (the API root + the entity set). */
  url: string
  body?: string
}

export interface ChangeAnswer {
  /** The request's Content-ID (its place in the change set, from 1), when the part says it. */
  contentId: number | null
  status: number
  headers: Record<string, string>
  body: string
}

/** The $batch body and its Content-Type for one change set holding `requests`, in order. */
export function changeSetRequest(requests: readonly ChangeRequest[], id: string): { contentType: string; body: string } {
  const batch = `batch_${id}`
  const changeset = `changeset_${id}`
  const parts = requests.map((r, n) =>
    [
      `--${changeset}`,
      "Content-Type: application/http",
      "Content-Transfer-Encoding: binary",
      `Content-ID: ${n + 1}`,
      "",
      `${r.method} ${r.url} HTTP/1.1`,
      ...(r.body !== undefined ? ["Content-Type: application/json; type=entry", "", r.body] : [""])
    ].join("\r\n")
  )
  const body = [`--${batch}`, `Content-Type: multipart/mixed; boundary=${changeset}`, "", ...parts, `--${changeset}--`, `--${batch}--`, ""].join("\r\n")
  return { contentType: `multipart/mixed; boundary=${batch}`, body }
}

/** The boundary parameter of a multipart Content-Type, or null. */
export function boundaryOf(contentType: string | null | undefined): string | null {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? "")
  return m ? (m[1] ?? m[2] ?? null) : null
}

/** The parts of a multipart body (each part's text, headers included). */
export function multipartParts(body: string, boundary: string): string[] {
  // A delimiter is a whole line (RFC 2046 §5.1.1): "--boundary" inside a line is content.
  const escaped = boundary.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
  const delimiter = new RegExp(`(?:^|\\r?\\n)--${escaped}(--)?[ \\t]*(?=\\r?\\n|$)`, "g")
  const parts: string[] = []
  let start = -1
  for (const m of body.matchAll(delimiter)) {
    if (start >= 0) parts.push(body.slice(start, m.index).replace(/^\r?\n/, ""))
    if (m[1] === "--") return parts
    start = m.index + m[0].length
  }
  return parts
}

/** Splits "headers, blank line, rest": header names lower-cased. */
export function headersAndRest(text: string): { headers: Record<string, string>; rest: string } {
  const m = /\r?\n\r?\n/.exec(text)
  const head = m ? text.slice(0, m.index) : text
  const rest = m ? text.slice(m.index + m[0].length) : ""
  const headers: Record<string, string> = {}
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(":")
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  return { headers, rest }
}

/**
 * The operations' answers of a $batch response, in order. A change set that failed comes back as
 * one answer (the failing operation's status and error), with nothing of it written.
 */
export function parseBatchResponse(contentType: string | null, body: string): ChangeAnswer[] {
  const boundary = boundaryOf(contentType)
  if (!boundary) return []
  const answers: ChangeAnswer[] = []
  const visit = (text: string, within: string) => {
    for (const part of multipartParts(text, within)) {
      const { headers, rest } = headersAndRest(part)
      const inner = boundaryOf(headers["content-type"])
      if (inner && /^multipart\/mixed/i.test(headers["content-type"] ?? "")) {
        visit(rest, inner)
        continue
      }
      // application/http: a status line, headers, a blank line, the body.
      const statusLine = /^HTTP\/1\.1 (\d{3})[^\r\n]*\r?\n?/.exec(rest)
      if (!statusLine) continue
      const response = headersAndRest(rest.slice(statusLine[0].length))
      const contentId = Number(headers["content-id"])
      answers.push({ contentId: Number.isInteger(contentId) ? contentId : null, status: Number(statusLine[1]), headers: response.headers, body: response.rest.trim() })
    }
  }
  visit(body, boundary)
  return answers
}
