import { describe, expect, it } from "vitest"
import { DEMO_ACCOUNTS, sfIds } from "../org"
import { createMockSalesforceApi, type MockSalesforceApi } from "./mock-api"
import { API_VERSION, DEMO_SALESFORCE } from "./records"
import { DEMO_USERS } from "./users"

const BASE = `https://${DEMO_SALESFORCE.apiHost}/services/data/${API_VERSION}`
const [A, B, C] = DEMO_ACCOUNTS.map((a) => sfIds.account(a))
const { rep, secondRep, lead } = DEMO_USERS

type Rows = { records: Record<string, unknown>[] }

function as(api: MockSalesforceApi, userId: string) {
  const headers = { Authorization: `Bearer ${api.sessionFor(userId)}`, "Content-Type": "application/json" }
  return {
    query(soql: string) {
      const res = api.handle({ method: "GET", url: `${BASE}/query?q=${encodeURIComponent(soql)}`, headers })
      return { status: res.status, json: JSON.parse(res.body) as Rows & { errorCode?: string }[] }
    },
    versionData(id: string) {
      return api.handle({ method: "GET", url: `${BASE}/sobjects/ContentVersion/${id}/VersionData`, headers })
    },
    post(path: string, body: unknown) {
      const res = api.handle({ method: "POST", url: `${BASE}${path}`, headers, body: JSON.stringify(body) })
      return { status: res.status, json: JSON.parse(res.body) as { id: string } }
    }
  }
}

/** Two reps' files on three accounts; the lead may read A and B only. */
function org() {
  const api = createMockSalesforceApi({ accountAccess: { [lead.id]: [A!, B!] } })
  const onA = api.uploadFile(rep.id, { title: "Parley snapshot — A", pathOnClient: "a.json", body: "{}", accountId: A })
  const onC = api.uploadFile(secondRep.id, { title: "Parley snapshot — C", pathOnClient: "c.json", body: "{}", accountId: C })
  const docOf = (id: string) => api.files.file(id)!.record.ContentDocumentId as string
  return { api, onA, onC, docOf }
}

describe("mock Salesforce users and sharing", () => {
  it("gives every user a session of their own and refuses a token it does not know", () => {
    const api = createMockSalesforceApi()
    const sids = [rep, secondRep, lead].map((u) => api.sessionFor(u.id))
    expect(new Set(sids).size).toBe(3)
    expect(sids[0]).toBe(DEMO_SALESFORCE.sessionId)
    expect(sids.every((sid) => sid.startsWith(`${DEMO_SALESFORCE.orgId}!`))).toBe(true)
    const res = api.handle({ method: "GET", url: `${BASE}/query?q=SELECT+Id+FROM+Account`, headers: { Authorization: `Bearer ${DEMO_SALESFORCE.orgId}!nobody` } })
    expect(res.status).toBe(401)
  })

  it("makes the calling user the owner and creator of an uploaded file", () => {
    const api = createMockSalesforceApi()
    const created = as(api, secondRep.id).post("/sobjects/ContentVersion", { Title: "Parley snapshot — B", PathOnClient: "b.json", VersionData: Buffer.from("{}").toString("base64"), FirstPublishLocationId: B })
    expect(created.status).toBe(201)
    const rows = as(api, secondRep.id).query(`SELECT Id, OwnerId, CreatedById, CreatedBy.Name FROM ContentVersion WHERE Id = '${created.json.id}'`).json.records
    expect(rows).toEqual([expect.objectContaining({ OwnerId: secondRep.id, CreatedById: secondRep.id, CreatedBy: expect.objectContaining({ Name: secondRep.name }) })])
  })

  it("returns only the accounts a user may read", () => {
    const { api } = org()
    const ids = (userId: string) => as(api, userId).query("SELECT Id FROM Account").json.records.map((r) => r.Id)
    expect(ids(lead.id)).toEqual([A, B])
    expect(ids(rep.id)).toHaveLength(DEMO_ACCOUNTS.length)
  })

  it("answers a file query without ids with the user's own files only, as Salesforce documents", () => {
    const { api, onA } = org()
    const all = "SELECT Id FROM ContentVersion WHERE FileExtension = 'json'"
    expect(as(api, rep.id).query(all).json.records.map((r) => r.Id)).toEqual([onA])
    // The lead can read account A, and still a query that names no id leaves its file out.
    expect(as(api, lead.id).query(all).json.records).toEqual([])
    expect(as(api, lead.id).query(`SELECT Id FROM ContentVersion WHERE Id = '${onA}'`).json.records.map((r) => r.Id)).toEqual([onA])
  })

  it("never gives a user a file on an account they may not read, by id, by link or by download", () => {
    const { api, onA, onC, docOf } = org()
    const lead$ = as(api, lead.id)
    expect(lead$.query(`SELECT Id FROM ContentVersion WHERE Id IN ('${onA}', '${onC}')`).json.records.map((r) => r.Id)).toEqual([onA])
    const links = lead$.query("SELECT ContentDocumentId, LinkedEntityId FROM ContentDocumentLink WHERE LinkedEntityId IN (SELECT Id FROM Account)").json.records
    expect(links).toEqual([expect.objectContaining({ ContentDocumentId: docOf(onA), LinkedEntityId: A })])
    expect(lead$.versionData(onA).status).toBe(200)
    const refused = lead$.versionData(onC)
    expect(refused.status).toBe(404)
    expect(JSON.parse(refused.body)).toEqual([expect.objectContaining({ errorCode: "NOT_FOUND" })])
    // Once the lead may read account C, its file opens.
    api.setAccountAccess(lead.id, "all")
    expect(lead$.versionData(onC).status).toBe(200)
  })

  it("refuses a ContentDocumentLink query with no id filter, as the API does without Query All Files", () => {
    const { api } = org()
    const res = as(api, lead.id).query("SELECT Id FROM ContentDocumentLink WHERE ShareType = 'V'")
    expect(res.status).toBe(400)
    expect(res.json).toEqual([expect.objectContaining({ errorCode: "MALFORMED_QUERY", message: expect.stringContaining("ContentDocumentLink requires a filter") })])
  })

  it("nests parent fields at any depth and filters and sorts on them", () => {
    const { api } = org()
    api.uploadFile(secondRep.id, { title: "Parley snapshot — B", pathOnClient: "b.json", body: "{}", accountId: B })
    const soql =
      "SELECT Id, ContentDocument.CreatedBy.Name, ContentDocument.LatestPublishedVersion.PathOnClient FROM ContentDocumentLink " +
      "WHERE LinkedEntityId IN (SELECT Id FROM Account) AND ContentDocument.SystemModstamp >= 2000-01-01T00:00:00Z ORDER BY ContentDocument.SystemModstamp DESC"
    const rows = as(api, lead.id).query(soql).json.records
    expect(rows.map((r) => r.ContentDocument)).toEqual([
      expect.objectContaining({ CreatedBy: expect.objectContaining({ Name: secondRep.name }), LatestPublishedVersion: expect.objectContaining({ PathOnClient: "b.json" }) }),
      expect.objectContaining({ CreatedBy: expect.objectContaining({ Name: rep.name }), LatestPublishedVersion: expect.objectContaining({ PathOnClient: "a.json" }) })
    ])
  })
})
