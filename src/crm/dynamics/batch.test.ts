import { describe, expect, it } from "vitest"
import { handleBatch } from "../../../demo/dynamics/batch"
import { changeSetRequest, multipartParts, parseBatchResponse } from "./batch"

describe("Dataverse change sets ($batch)", () => {
  it("reads a response in the documented shape: one part per operation, with its status and new record", () => {
    // Shape of "Execute batch operations using the Web API" (change set response), CRLF line ends.
    const body = [
      "--batchresponse_c1bd45c1-dd81-470d-b897-e965846aad2f",
      "Content-Type: multipart/mixed; boundary=changesetresponse_ff83b4f1-ab48-430c-b81c-926a2c596abc",
      "",
      "--changesetresponse_ff83b4f1-ab48-430c-b81c-926a2c596abc",
      "Content-Type: application/http",
      "Content-Transfer-Encoding: binary",
      "Content-ID: 1",
      "",
      "HTTP/1.1 204 No Content",
      "OData-Version: 4.0",
      "Location: https://org.crm.dynamics.com/api/data/v9.2/annotations(a59c24e6-1234-4a5b-8c9d-000000000001)",
      "OData-EntityId: https://org.crm.dynamics.com/api/data/v9.2/annotations(a59c24e6-1234-4a5b-8c9d-000000000001)",
      "",
      "",
      "--changesetresponse_ff83b4f1-ab48-430c-b81c-926a2c596abc",
      "Content-Type: application/http",
      "Content-Transfer-Encoding: binary",
      "Content-ID: 2",
      "",
      "HTTP/1.1 204 No Content",
      "OData-Version: 4.0",
      "OData-EntityId: https://org.crm.dynamics.com/api/data/v9.2/annotations(a59c24e6-1234-4a5b-8c9d-000000000002)",
      "",
      "",
      "--changesetresponse_ff83b4f1-ab48-430c-b81c-926a2c596abc--",
      "--batchresponse_c1bd45c1-dd81-470d-b897-e965846aad2f--",
      ""
    ].join("\r\n")
    const answers = parseBatchResponse("multipart/mixed; boundary=batchresponse_c1bd45c1-dd81-470d-b897-e965846aad2f", body)
    expect(answers.map((a) => [a.contentId, a.status, a.headers["odata-entityid"]?.slice(-38)])).toEqual([
      [1, 204, "annotations(a59c24e6-1234-4a5b-8c9d-000000000001)".slice(-38)],
      [2, 204, "annotations(a59c24e6-1234-4a5b-8c9d-000000000002)".slice(-38)]
    ])
  })

  it("writes a change set the mock runs as one transaction: a failing second write undoes the first", () => {
    const written: string[] = []
    const request = changeSetRequest([
      { method: "POST", url: "https://org.crm.dynamics.com/api/data/v9.2/annotations", body: '{"subject":"یادداشت ۱"}' },
      { method: "POST", url: "https://org.crm.dynamics.com/api/data/v9.2/annotations", body: '{"subject":"two"}' }
    ], "t1")
    const answer = handleBatch(request.contentType, request.body, {
      host: "org.crm.dynamics.com",
      run: (_method, _path, body) => {
        if (body?.includes("two")) return { status: 400, body: { error: { code: "0x80043e09", message: "too large" } } }
        written.push(body!)
        return { status: 204, headers: { "OData-EntityId": "https://org.crm.dynamics.com/api/data/v9.2/annotations(x)" }, created: String(written.length - 1) }
      },
      undo: (id) => void written.splice(Number(id), 1)
    }, "r1")
    expect(written).toEqual([])
    const answers = parseBatchResponse(answer.headers["Content-Type"]!, answer.body)
    expect(answers).toHaveLength(1)
    expect(answers[0]).toMatchObject({ contentId: 2, status: 400 })
    expect(JSON.parse(answers[0]!.body)).toEqual({ error: { code: "0x80043e09", message: "too large" } })
  })

  it("keeps the request bodies intact, Persian included, in order", () => {
    const request = changeSetRequest([{ method: "POST", url: "https://o/api/data/v9.2/annotations", body: '{"notetext":"خلاصهٔ رابطه"}' }], "t2")
    const seen: Array<string | undefined> = []
    handleBatch(request.contentType, request.body, { host: "o", run: (method, path, body) => (seen.push(`${method} ${path} ${body}`), { status: 204 }), undo: () => undefined }, "r2")
    expect(seen).toEqual(['POST /api/data/v9.2/annotations {"notetext":"خلاصهٔ رابطه"}'])
  })
})

describe("multipart delimiters", () => {
  it("splits only at whole delimiter lines: '--boundary' inside a line is content", () => {
    expect(multipartParts("--b\r\nA: 1\r\n\r\nfoo--bar\r\n--b--", "b")).toEqual(["A: 1\r\n\r\nfoo--bar"])
    expect(multipartParts("--b\r\nA: 1\r\n\r\nx\r\n--b\r\nB: 2\r\n\r\ny\r\n--b--\r\n", "b")).toEqual(["A: 1\r\n\r\nx", "B: 2\r\n\r\ny"])
  })
})
