import { describe, expect, it } from "vitest"
import { createDynamicsMockApi, pageHeaders } from "../../../demo/dynamics/mock-api"
import { DEMO_ACCOUNTS, dynIds } from "../../../demo/org"
import { base64ToUtf8, utf8ToBase64 } from "../../snapshots/bytes"
import type { ShareFile } from "../share-types"
import { DataverseClient, PageGoneError } from "./api"
import { shareToDynamics, type WriteFetch } from "./share"
import { readDynamicsSnapshots } from "./snapshot-files"

const ACCOUNT = dynIds.account(DEMO_ACCOUNTS[0]!)
const json = JSON.stringify({ version: 1, payload: {}, hash: "ab" })
const FILES: ShareFile[] = [
  { kind: "json", filename: "parley-globex-2026-11-20-en.json", title: "Parley snapshot — Globex (JSON)", mimeType: "application/json", base64: utf8ToBase64(json) },
  { kind: "pdf", filename: "parley-globex-2026-11-20-en.pdf", title: "Parley snapshot — Globex (PDF)", mimeType: "application/pdf", base64: utf8ToBase64("%PDF-1.4") }
]

function setup() {
  const mock = createDynamicsMockApi()
  const deps = { fetch: mock.fetch as unknown as WriteFetch, baseUrl: mock.baseUrl, sleep: async () => undefined }
  const accountUrl = `${mock.baseUrl}/main.aspx?pagetype=entityrecord&etn=account&id=${ACCOUNT}`
  const share = (accountId = ACCOUNT) => shareToDynamics(deps, { accountId, accountUrl, files: FILES, notetext: "Relationship snapshot by Parley" })
  return { mock, share, accountUrl }
}

describe("shareToDynamics", () => {
  it("creates one note with attachment per file on the account and returns their ids", async () => {
    const { mock, share, accountUrl } = setup()
    const shared = await share()
    const notes = mock.notes.attachments()
    expect(notes.map((n) => [n.filename, n.mimetype, n._objectid_value])).toEqual(FILES.map((f) => [f.filename, f.mimeType, ACCOUNT]))
    expect(base64ToUtf8(String(notes[0]!.documentbody))).toBe(json)
    expect(shared).toEqual(notes.map((n, i) => ({ kind: FILES[i]!.kind, id: n.annotationid, url: accountUrl })))
    // Both notes in one change set of one $batch request.
    const posts = mock.stats.requests.filter((r) => r.method === "POST")
    expect(posts).toHaveLength(1)
    expect(posts[0]!.url).toMatch(/\/api\/data\/v9\.2\/\$batch$/)
    expect(posts[0]!.headers?.["Content-Type"]).toMatch(/^multipart\/mixed; boundary=batch_/)
    expect(posts[0]!.headers?.["OData-Version"]).toBe("4.0")
  })

  it("writes neither note when the PDF note fails: one transaction, nothing to clean up", async () => {
    const { mock, share } = setup()
    mock.inject({ status: 400, method: "POST", match: /annotations$/, bodyIncludes: "application/pdf", message: "The attachment is too large." })
    await expect(share()).rejects.toMatchObject({ kind: "rejected", message: expect.stringMatching(/PDF note.*too large/) })
    expect(mock.notes.attachments()).toEqual([])
    expect(mock.stats.requests.filter((r) => r.method === "DELETE")).toHaveLength(0)
  })

  it("leaves nothing behind when the connection drops, and a retry writes both notes once", async () => {
    const { mock, share } = setup()
    mock.inject({ status: "network", match: "$batch" })
    await expect(share()).rejects.toMatchObject({ kind: "network" })
    expect(mock.notes.attachments()).toEqual([])
    await share()
    expect(mock.notes.attachments().map((n) => n.filename)).toEqual(FILES.map((f) => f.filename))
  })

  it("refuses an account that does not exist and an expired session, writing nothing", async () => {
    const { mock, share } = setup()
    await expect(share("00000001-0000-4000-8000-0000000f4240")).rejects.toMatchObject({ kind: "rejected", code: "0x80040217" })
    mock.inject({ status: 401 })
    await expect(share()).rejects.toMatchObject({ kind: "session-expired" })
    expect(mock.notes.attachments()).toEqual([])
  })

  it("waits out a 429 and retries", async () => {
    const { mock, share } = setup()
    mock.inject({ status: 429, method: "POST", retryAfter: 2 })
    await share()
    expect(mock.notes.attachments()).toHaveLength(2)
  })
})

describe("shareToDynamics and the org's attachment limit (maxuploadfilesize)", () => {
  const limitTo = (mock: ReturnType<typeof createDynamicsMockApi>, bytes: number) => void (mock.tables.organizations![0]!.maxuploadfilesize = bytes)

  it("reads the limit before writing and leaves out a PDF over it, saying so", async () => {
    const { mock } = setup()
    const pdf = { ...FILES[1]!, base64: utf8ToBase64(`%PDF-1.4${"x".repeat(4_000)}%%EOF`) }
    limitTo(mock, pdf.base64.length - 1)
    const skipped: unknown[] = []
    const deps = { fetch: mock.fetch as unknown as WriteFetch, baseUrl: mock.baseUrl, sleep: async () => undefined, onSkipped: (s: unknown) => skipped.push(s) }
    const shared = await shareToDynamics(deps, { accountId: ACCOUNT, accountUrl: "https://x/", files: [FILES[0]!, pdf], notetext: "n" })
    expect(shared.map((f) => f.kind)).toEqual(["json"])
    expect(mock.notes.attachments().map((n) => n.mimetype)).toEqual(["application/json"])
    expect(String(mock.notes.attachments()[0]!.notetext)).toMatch(/^n The PDF is .* MB .*maxuploadfilesize.*left out/)
    expect(skipped).toEqual([expect.objectContaining({ kind: "pdf", reason: "too-large", size: pdf.base64.length, limit: pdf.base64.length - 1 })])
    expect(mock.stats.requests[0]!.url).toContain("organizations?$select=maxuploadfilesize")
  })

  it("refuses a snapshot JSON over the limit before writing anything", async () => {
    const { mock, share } = setup()
    limitTo(mock, FILES[0]!.base64.length - 1)
    await expect(share()).rejects.toMatchObject({ kind: "rejected", message: expect.stringMatching(/JSON.*at most.*maxuploadfilesize/) })
    expect(mock.stats.requests.filter((r) => r.method === "POST")).toEqual([])
  })

  it("the mock refuses an attachment over the limit as Dataverse does (AttachmentBlocked)", async () => {
    const mock = createDynamicsMockApi()
    limitTo(mock, 8)
    const res = mock.handle({ method: "POST", url: `${mock.baseUrl}/api/data/v9.2/annotations`, headers: pageHeaders(mock.host, "POST"), body: JSON.stringify({ filename: "a.json", documentbody: utf8ToBase64("0123456789"), "objectid_account@odata.bind": `/accounts(${ACCOUNT})` }) })
    expect(res.status).toBe(400)
    expect(JSON.parse(res.body).error.code).toBe("0x80043e09")
  })
})

describe("readDynamicsSnapshots", () => {
  it("reads back the account's snapshot JSON notes, decoded", async () => {
    const { mock, share } = setup()
    await share()
    const client = new DataverseClient({ fetch: mock.fetch, baseUrl: mock.baseUrl, sleep: async () => undefined })
    const files = await readDynamicsSnapshots(client, ACCOUNT)
    expect(files).toEqual([{ id: expect.any(String), filename: FILES[0]!.filename, createdAt: expect.any(Number), content: JSON.parse(json) }])
    expect(await readDynamicsSnapshots(client, dynIds.account(DEMO_ACCOUNTS[1]!))).toEqual([])
  })

  it("says to open the org in a tab when no tab can carry the request", async () => {
    const client = new DataverseClient({ fetch: async () => Promise.reject(new PageGoneError()), baseUrl: "https://northwind.crm4.dynamics.com", sleep: async () => undefined })
    await expect(readDynamicsSnapshots(client, ACCOUNT)).rejects.toMatchObject({ kind: "network", message: expect.stringMatching(/Open the account in Dynamics 365 in a tab/) })
  })
})
