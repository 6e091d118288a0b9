import { describe, expect, it } from "vitest"
import { DEMO_ACCOUNTS, sfIds } from "../org"
import { createMockSalesforceApi } from "./mock-api"
import { API_VERSION, DEMO_SALESFORCE } from "./records"

const BASE = `https://${DEMO_SALESFORCE.apiHost}/services/data/${API_VERSION}`
const AUTH = { Authorization: `Bearer ${DEMO_SALESFORCE.sessionId}`, "Content-Type": "application/json" }
const ACCOUNT = sfIds.account(DEMO_ACCOUNTS[0]!)
const post = (api: ReturnType<typeof createMockSalesforceApi>, path: string, body: unknown) => {
  const res = api.handle({ method: "POST", url: `${BASE}${path}`, headers: AUTH, body: JSON.stringify(body) })
  return { ...res, json: res.body ? (JSON.parse(res.body) as unknown) : null }
}
const version = { Title: "T", PathOnClient: "parley-x.json", VersionData: Buffer.from("{}").toString("base64"), FirstPublishLocationId: ACCOUNT }

describe("mock Salesforce Files", () => {
  it("inserts a ContentVersion like the REST API and serves its VersionData", () => {
    const api = createMockSalesforceApi()
    const res = post(api, "/sobjects/ContentVersion", version)
    expect(res.status).toBe(201)
    expect(res.json).toEqual({ id: expect.stringMatching(/^068/), success: true, errors: [] })
    const id = (res.json as { id: string }).id
    const data = api.handle({ method: "GET", url: `${BASE}/sobjects/ContentVersion/${id}/VersionData`, headers: AUTH })
    expect(Buffer.from(data.bodyBytes!).toString()).toBe("{}")
    const query = api.handle({ method: "GET", url: `${BASE}/query?q=${encodeURIComponent(`SELECT Id, ContentDocumentId, FileExtension FROM ContentVersion WHERE FirstPublishLocationId = '${ACCOUNT}'`)}`, headers: AUTH })
    expect(JSON.parse(query.body).records).toEqual([expect.objectContaining({ Id: id, ContentDocumentId: expect.stringMatching(/^069/), FileExtension: "json" })])
  })

  it("validates the body: unknown field, missing required fields, bad base64, unknown parent", () => {
    const api = createMockSalesforceApi()
    expect(post(api, "/sobjects/ContentVersion", { ...version, Body: "x" }).json).toEqual([expect.objectContaining({ errorCode: "INVALID_FIELD" })])
    expect(post(api, "/sobjects/ContentVersion", { Title: "x" }).json).toEqual([expect.objectContaining({ errorCode: "REQUIRED_FIELD_MISSING", fields: ["PathOnClient", "VersionData"] })])
    expect(post(api, "/sobjects/ContentVersion", { ...version, VersionData: "not base64!" }).json).toEqual([expect.objectContaining({ errorCode: "JSON_PARSER_ERROR" })])
    expect(post(api, "/sobjects/ContentVersion", { ...version, FirstPublishLocationId: "001000000000000AAA" }).json).toEqual([expect.objectContaining({ errorCode: "INVALID_CROSS_REFERENCE_KEY" })])
    expect(api.files.files.size).toBe(0)
  })

  it("runs composite requests with references, and rolls back under allOrNone", () => {
    const api = createMockSalesforceApi()
    const sub = (ref: string, body: unknown) => ({ method: "POST", url: `/services/data/${API_VERSION}/sobjects/ContentVersion`, referenceId: ref, body })
    const ok = post(api, "/composite", {
      allOrNone: true,
      compositeRequest: [sub("a", version), { method: "GET", url: `/services/data/${API_VERSION}/query?q=SELECT+ContentDocumentId+FROM+ContentVersion+WHERE+Id='@{a.id}'`, referenceId: "q" }]
    }).json as { compositeResponse: { httpStatusCode: number; body: { records?: unknown[] } }[] }
    expect(ok.compositeResponse.map((r) => r.httpStatusCode)).toEqual([201, 200])
    expect(ok.compositeResponse[1]!.body.records).toHaveLength(1)
    const failed = post(api, "/composite", { allOrNone: true, compositeRequest: [sub("a", version), sub("b", { ...version, Nope: 1 })] }).json as {
      compositeResponse: { httpStatusCode: number; body: { errorCode: string }[] }[]
    }
    expect(failed.compositeResponse.map((r) => r.body[0]!.errorCode)).toEqual(["PROCESSING_HALTED", "INVALID_FIELD"])
    expect(api.files.files.size).toBe(1) // only the first composite's file
  })
})
