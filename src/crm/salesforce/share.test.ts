import { describe, expect, it } from "vitest"
import { createMockSalesforceApi, mockFetch, type MockSalesforceOptions } from "../../../demo/salesforce/mock-api"
import { DEMO_SALESFORCE } from "../../../demo/salesforce/records"
import { DEMO_ACCOUNTS, sfIds } from "../../../demo/org"
import { openDatabase } from "../../model/db"
import { utf8ToBase64 } from "../../snapshots/bytes"
import { ShareError, type ShareFile } from "../share-types"
import { limitsFor, orgBudget } from "../request-budget"
import { SalesforceClient } from "./api"
import { shareToSalesforce } from "./share"
import { readSalesforceSnapshots } from "./snapshot-files"

const ACCOUNT = sfIds.account(DEMO_ACCOUNTS[0]!)
const snapshotJson = JSON.stringify({ version: 1, hash: "ab", payload: { kind: "account-briefing" } })
const FILES: ShareFile[] = [
  { kind: "json", filename: "parley-globex-2026-11-20-en.json", title: "Parley snapshot — Globex (JSON)", mimeType: "application/json", base64: utf8ToBase64(snapshotJson) },
  { kind: "pdf", filename: "parley-globex-2026-11-20-en.pdf", title: "Parley snapshot — Globex (PDF)", mimeType: "application/pdf", base64: utf8ToBase64("%PDF-1.4 fake") }
]

function setup(options: MockSalesforceOptions = {}, dailyCalls = 100) {
  const api = createMockSalesforceApi(options)
  const { fetch } = mockFetch(api)
  const db = openDatabase(`share-${Math.random()}`)
  const clock = { now: () => Date.UTC(2026, 10, 20), sleep: async () => undefined }
  const budget = orgBudget("salesforce", DEMO_SALESFORCE.org, { db, clock, limits: limitsFor("salesforce", { daily: dailyCalls }) })
  const deps = { fetch, session: { apiHost: DEMO_SALESFORCE.apiHost, sid: DEMO_SALESFORCE.sessionId }, uiHost: DEMO_SALESFORCE.uiHost, budget }
  return { api, deps, fetch, clock }
}
const share = (deps: ReturnType<typeof setup>["deps"], accountId = ACCOUNT) => shareToSalesforce(deps, { accountId, files: FILES, description: "Relationship snapshot by Parley" })

describe("shareToSalesforce", () => {
  it("attaches both files to the account in one composite request and links to the new Files", async () => {
    const { api, deps } = setup()
    const shared = await share(deps)
    expect(api.calls.filter((c) => c.method === "POST").map((c) => c.path)).toEqual(["/services/data/v62.0/composite"])
    const files = [...api.files.files.values()]
    expect(files.map((f) => f.record.PathOnClient)).toEqual(FILES.map((f) => f.filename))
    expect(files.every((f) => f.record.FirstPublishLocationId === ACCOUNT)).toBe(true)
    expect(new TextDecoder().decode(files[0]!.data)).toBe(snapshotJson)
    expect(shared).toEqual(
      files.map((f, i) => ({ kind: FILES[i]!.kind, id: f.record.Id, url: `https://${DEMO_SALESFORCE.uiHost}/lightning/r/ContentDocument/${f.record.ContentDocumentId}/view` }))
    )
  })

  it("leaves nothing behind when the PDF is refused (allOrNone rolls the JSON back) and says why", async () => {
    const { api, deps } = setup({ failures: [{ kind: "STORAGE_LIMIT_EXCEEDED", match: ".pdf\"" }] })
    const error = await share(deps).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ShareError)
    expect(error).toMatchObject({ kind: "rejected", code: "STORAGE_LIMIT_EXCEEDED", message: expect.stringMatching(/nothing was attached.*storage limit/) })
    expect(api.files.files.size).toBe(0)
  })

  it("refuses an unknown parent, an expired session and an empty budget", async () => {
    const bad = setup()
    await expect(share(bad.deps, "001000000000000AAA")).rejects.toMatchObject({ kind: "rejected", code: "INVALID_CROSS_REFERENCE_KEY" })
    expect(bad.api.files.files.size).toBe(0)
    const expired = setup({ sessionId: "00D!other" })
    await expect(share(expired.deps)).rejects.toMatchObject({ kind: "session-expired" })
    const broke = setup({}, 0)
    await expect(share(broke.deps)).rejects.toMatchObject({ kind: "budget-exhausted" })
    expect(broke.api.calls.length).toBe(0)
  })

  it("takes a redirect or a sign-in page as an ended session (nothing was written), not as an unknown outcome", async () => {
    for (const answer of [
      () => new Response(null, { status: 302, headers: { location: "https://login.salesforce.com/" } }),
      () => new Response("<html>Login</html>", { status: 200, headers: { "content-type": "text/html" } })
    ]) {
      const { deps } = setup()
      await expect(share({ ...deps, fetch: async () => answer() })).rejects.toMatchObject({ kind: "session-expired" })
    }
  })

  it("reports a network failure without claiming either outcome", async () => {
    const { deps } = setup({ failures: [{ kind: "network" }] })
    await expect(share(deps)).rejects.toMatchObject({ kind: "network", message: expect.stringMatching(/may or may not/) })
  })
})

describe("readSalesforceSnapshots", () => {
  it("reads back the JSON files attached to the account, newest first", async () => {
    const { deps, fetch, clock } = setup()
    await share(deps)
    await share(deps)
    const client = new SalesforceClient({ fetch, ...clock }, deps.session, deps.budget, { maxRetries: 0, backoffMs: 1 })
    const files = await readSalesforceSnapshots(client, ACCOUNT)
    expect(files.length).toBe(2)
    expect(files[0]!.createdAt! > files[1]!.createdAt!).toBe(true)
    expect(files[0]!.content).toEqual(JSON.parse(snapshotJson))
    expect(await readSalesforceSnapshots(client, sfIds.account(DEMO_ACCOUNTS[1]!))).toEqual([])
  })
})
