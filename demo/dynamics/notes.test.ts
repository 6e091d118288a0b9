import { describe, expect, it } from "vitest"
import { DEMO_ACCOUNTS, dynIds } from "../org"
import { createDynamicsMockApi, pageHeaders } from "./mock-api"

const API = "https://northwind.crm4.dynamics.com/api/data/v9.2"
const ACCOUNT = dynIds.account(DEMO_ACCOUNTS[0]!)
const note = { subject: "S", notetext: "N", filename: "f.json", mimetype: "application/json", documentbody: Buffer.from("{}").toString("base64"), "objectid_account@odata.bind": `/accounts(${ACCOUNT})` }
const post = (mock: ReturnType<typeof createDynamicsMockApi>, body: unknown) => {
  const res = mock.handle({ method: "POST", url: `${API}/annotations`, headers: pageHeaders(mock.host, "POST", { "Content-Type": "application/json" }), body: typeof body === "string" ? body : JSON.stringify(body) })
  return { ...res, json: res.body ? (JSON.parse(res.body) as { error: { code: string; message: string } }) : null }
}

describe("mock Dataverse notes", () => {
  it("creates a note with 204 and OData-EntityId, then serves and deletes it", () => {
    const mock = createDynamicsMockApi()
    const res = post(mock, note)
    expect(res.status).toBe(204)
    const id = /annotations\(([0-9a-f-]{36})\)$/.exec(res.headers["OData-EntityId"]!)![1]!
    const filter = encodeURIComponent(`_objectid_value eq ${ACCOUNT} and mimetype eq 'application/json'`)
    const read = mock.handle({ method: "GET", url: `${API}/annotations?$select=filename,documentbody&$filter=${filter}`, headers: pageHeaders(mock.host) })
    expect(JSON.parse(read.body).value).toEqual([expect.objectContaining({ annotationid: id, filename: "f.json", documentbody: note.documentbody })])
    expect(mock.handle({ method: "DELETE", url: `${API}/annotations(${id})`, headers: pageHeaders(mock.host, "DELETE") }).status).toBe(204)
    expect(mock.handle({ method: "DELETE", url: `${API}/annotations(${id})`, headers: pageHeaders(mock.host, "DELETE") }).status).toBe(404)
  })

  it("validates like Dataverse: JSON, known columns, an existing account, base64", () => {
    const mock = createDynamicsMockApi()
    expect(post(mock, "{oops").json!.error.code).toBe("0x80048d19")
    expect(post(mock, { ...note, colour: "red" }).json!.error.message).toMatch(/property 'colour' does not exist/)
    expect(post(mock, { ...note, "objectid_account@odata.bind": "accounts/1" }).status).toBe(400)
    expect(post(mock, { ...note, "objectid_account@odata.bind": "/accounts(00000001-0000-4000-8000-0000000f4240)" }).json!.error.code).toBe("0x80040217")
    expect(post(mock, { ...note, documentbody: "%%%" }).json!.error.message).toMatch(/base64/)
    expect(mock.notes.attachments()).toEqual([])
  })
})
