import { describe, expect, it } from "vitest"
import { createMockSalesforceApi, mockFetch, type MockSalesforceApi, type MockSalesforceOptions } from "../../../demo/salesforce/mock-api"
import { DEMO_SALESFORCE } from "../../../demo/salesforce/records"
import { DEMO_USERS } from "../../../demo/salesforce/users"
import { DEMO_ACCOUNTS, sfIds } from "../../../demo/org"
import { openDatabase } from "../../model/db"
import { DEFAULT_SETTINGS } from "../../model/settings"
import { MAX_SNAPSHOT_BYTES } from "../../snapshots/import"
import { utf8ToBase64 } from "../../snapshots/bytes"
import type { ApiEnvironment, CookieReader, OrgLocation } from "../contract"
import { limitsFor, orgBudget } from "../request-budget"
import { ShareError, type TeamSnapshotBody } from "../share-types"
import { SalesforceClient } from "./api"
import { salesforceConnector } from "./connector"
import { shareToSalesforce } from "./share"
import { readSalesforceSnapshots } from "./snapshot-files"
import { listSalesforceTeamFiles, readSalesforceTeamFiles, teamListingQuery, teamRefOf } from "./team-files"

const [A, B, C] = DEMO_ACCOUNTS.map((a) => sfIds.account(a))
const { rep, secondRep, lead } = DEMO_USERS
const ORG: OrgLocation = { crm: "salesforce", org: DEMO_SALESFORCE.org, host: DEMO_SALESFORCE.uiHost }
const snapshot = (account: string, n = 1) => JSON.stringify({ version: 1, hash: `h${n}`, payload: { kind: "account-briefing", account } })
const VERSION_DATA = /\/sobjects\/ContentVersion\/[A-Za-z0-9]+\/VersionData$/

/** A client of the mock acting as `userId`, with its own budget (`daily` calls). */
function clientAs(api: MockSalesforceApi, userId: string, daily = 1_000) {
  const db = openDatabase(`team-files-${Math.random()}`)
  const clock = { now: () => Date.UTC(2026, 10, 20, 12), sleep: async () => undefined }
  const budget = orgBudget("salesforce", DEMO_SALESFORCE.org, { db, clock, limits: limitsFor("salesforce", { daily }) })
  return new SalesforceClient({ fetch: mockFetch(api).fetch, ...clock }, { apiHost: DEMO_SALESFORCE.apiHost, sid: api.sessionFor(userId) }, budget, { maxRetries: 2, backoffMs: 1 })
}

/** Rep A shares A through Parley's own share (JSON and PDF); rep B shares B and C; the lead may
 * read A and B only. Besides: a JSON file that is not a Parley snapshot. */
async function teamOrg(options: MockSalesforceOptions = {}) {
  const api = createMockSalesforceApi({ accountAccess: { [lead.id]: [A!, B!] }, ...options })
  const shareAs = async (userId: string, accountId: string, n: number) => {
    const db = openDatabase(`team-share-${Math.random()}`)
    const budget = orgBudget("salesforce", DEMO_SALESFORCE.org, { db, clock: { now: () => Date.UTC(2026, 10, 20), sleep: async () => undefined } })
    const files = [
      { kind: "json" as const, filename: `parley-${n}.json`, title: `Parley snapshot — ${n} (JSON)`, mimeType: "application/json" as const, base64: utf8ToBase64(snapshot(accountId, n)) },
      { kind: "pdf" as const, filename: `parley-${n}.pdf`, title: `Parley snapshot — ${n} (PDF)`, mimeType: "application/pdf" as const, base64: utf8ToBase64("%PDF-1.4 fake") }
    ]
    const shared = await shareToSalesforce({ fetch: mockFetch(api).fetch, session: { apiHost: DEMO_SALESFORCE.apiHost, sid: api.sessionFor(userId) }, uiHost: DEMO_SALESFORCE.uiHost, budget }, { accountId, files, description: "x" })
    return shared.find((f) => f.kind === "json")!.id
  }
  const onA = await shareAs(rep.id, A!, 1)
  const onB = await shareAs(secondRep.id, B!, 2)
  const onC = await shareAs(secondRep.id, C!, 3)
  api.uploadFile(secondRep.id, { title: "Quarterly notes", pathOnClient: "notes.json", body: "{}", accountId: B })
  return { api, onA, onB, onC }
}

describe("listSalesforceTeamFiles", () => {
  it("lists the Parley JSON files the lead may read, with author, account and stamps, and not a file on an account the lead may not read", async () => {
    const { api, onA, onB } = await teamOrg()
    const listing = await listSalesforceTeamFiles(clientAs(api, lead.id), { since: null })
    expect(listing.files.map((f) => f.id)).toEqual([onA, onB])
    expect(listing.files.map((f) => [f.accountId, f.author?.name, f.filename])).toEqual([
      [A, rep.name, "parley-1.json"],
      [B, secondRep.name, "parley-2.json"]
    ])
    expect(listing.files.map((f) => f.author?.id)).toEqual([rep.id, secondRep.id])
    expect(listing.files[0]).toMatchObject({ title: "Parley snapshot — 1 (JSON)", size: snapshot(A!, 1).length, createdAt: expect.any(Number) })
    expect(listing.files[0]!.modifiedAt).toBeLessThan(listing.files[1]!.modifiedAt)
    expect(listing.calls).toBe(1)
  })

  it("lists a rep's own file on an account another user may read, and every file for a user who reads every account", async () => {
    const { api, onA, onB, onC } = await teamOrg()
    expect((await listSalesforceTeamFiles(clientAs(api, rep.id), { since: null })).files.map((f) => f.id)).toEqual([onA, onB, onC])
  })

  it("follows nextRecordsUrl across every page and counts each call", async () => {
    const { api, onA, onB, onC } = await teamOrg({ pageSize: 2 })
    const more = [0, 1, 2].map((i) => api.uploadFile(rep.id, { title: `Parley snapshot — more ${i}`, pathOnClient: `m${i}.json`, body: snapshot(A!, 10 + i), accountId: A }))
    const before = api.callCount
    const listing = await listSalesforceTeamFiles(clientAs(api, rep.id), { since: null })
    expect(listing.files.map((f) => f.id)).toEqual([onA, onB, onC, ...more])
    expect(listing.calls).toBe(3)
    expect(api.callCount - before).toBe(3)
    expect(api.calls.slice(before).map((c) => c.path)).toEqual([expect.stringMatching(/\/query$/), expect.stringMatching(/\/query\/01g/), expect.stringMatching(/\/query\/01g/)])
  })

  it("since a watermark lists only files changed at or after it", async () => {
    const { api, onB } = await teamOrg()
    const first = await listSalesforceTeamFiles(clientAs(api, lead.id), { since: null })
    const watermark = Math.max(...first.files.map((f) => f.modifiedAt))
    const later = api.uploadFile(rep.id, { title: "Parley snapshot — later", pathOnClient: "later.json", body: snapshot(A!, 9), accountId: A })
    const again = await listSalesforceTeamFiles(clientAs(api, lead.id), { since: watermark })
    // The file of the watermark's own second comes again (>=); the caller drops it by id and stamp.
    expect(again.files.map((f) => f.id)).toEqual([onB, later])
    expect(api.calls.at(-1)!.soql).toContain("ContentDocument.SystemModstamp >= ")
  })

  it("says why as a ShareError when the session has ended", async () => {
    const { api } = await teamOrg()
    const client = new SalesforceClient({ fetch: mockFetch(api).fetch, now: () => 0, sleep: async () => undefined }, { apiHost: DEMO_SALESFORCE.apiHost, sid: `${DEMO_SALESFORCE.orgId}!ended` }, orgBudget("salesforce", "x", { clock: { now: () => 0, sleep: async () => undefined } }), { maxRetries: 0, backoffMs: 1 })
    await expect(listSalesforceTeamFiles(client, { since: null })).rejects.toMatchObject({ name: "ShareError", kind: "session-expired" })
  })

  it("writes the listing as one query over links, with the datetime literal the documentation gives", () => {
    expect(teamListingQuery(Date.UTC(2026, 10, 20, 9, 0, 0, 999))).toContain("ContentDocument.SystemModstamp >= 2026-11-20T09:00:00Z")
    expect(teamListingQuery(null)).not.toContain("SystemModstamp >=")
  })
})

describe("readSalesforceTeamFiles", () => {
  it("reads each body once, giving it to onBody as it arrives", async () => {
    const { api, onA, onB } = await teamOrg()
    const client = clientAs(api, lead.id)
    const { files } = await listSalesforceTeamFiles(client, { since: null })
    const heard: TeamSnapshotBody[] = []
    const before = api.callCount
    const read = await readSalesforceTeamFiles(client, files, (body) => heard.push(body))
    expect(Object.fromEntries(read.bodies.map((b) => [b.id, b.content]))).toEqual({ [onA]: JSON.parse(snapshot(A!, 1)), [onB]: JSON.parse(snapshot(B!, 2)) })
    expect(heard).toEqual(read.bodies)
    expect(read.calls).toBe(2)
    expect(api.calls.slice(before).every((c) => VERSION_DATA.test(c.path))).toBe(true)
  })

  it("gives null for a body that is not JSON and for a file too large to be a snapshot, which it does not download", async () => {
    const { api } = await teamOrg()
    const notJson = api.uploadFile(rep.id, { title: "Parley snapshot — torn", pathOnClient: "torn.json", body: "{ not json", accountId: A })
    const huge = api.uploadFile(rep.id, { title: "Parley snapshot — huge", pathOnClient: "huge.json", body: "x".repeat(MAX_SNAPSHOT_BYTES + 1), accountId: A })
    const client = clientAs(api, lead.id)
    const refs = (await listSalesforceTeamFiles(client, { since: null })).files.filter((f) => f.id === notJson || f.id === huge)
    expect(refs.map((f) => f.size)).toEqual([10, MAX_SNAPSHOT_BYTES + 1])
    const before = api.callCount
    const read = await readSalesforceTeamFiles(client, refs)
    expect(Object.fromEntries(read.bodies.map((b) => [b.id, b.content]))).toEqual({ [notJson]: null, [huge]: null })
    expect(api.calls.slice(before).map((c) => c.path)).toEqual([expect.stringContaining(notJson)])
  })

  it("leaves out a file deleted between the listing and the read, and one the user may no longer open", async () => {
    const { api, onA, onB } = await teamOrg()
    const client = clientAs(api, lead.id)
    const { files } = await listSalesforceTeamFiles(client, { since: null })
    api.files.removeDocument(api.files.file(onA)!.record.ContentDocumentId as string)
    const read = await readSalesforceTeamFiles(client, files)
    expect(read.bodies.map((b) => b.id)).toEqual([onB])
    api.setAccountAccess(lead.id, [A!])
    expect((await readSalesforceTeamFiles(client, files)).bodies).toEqual([])
  })

  it("keeps the bodies read before the budget ran out, then throws budget-exhausted", async () => {
    const { api } = await teamOrg()
    for (const i of [0, 1, 2]) api.uploadFile(rep.id, { title: `Parley snapshot — more ${i}`, pathOnClient: `m${i}.json`, body: snapshot(A!, 10 + i), accountId: A })
    const { files } = await listSalesforceTeamFiles(clientAs(api, lead.id), { since: null })
    expect(files.length).toBe(5)
    const heard: TeamSnapshotBody[] = []
    const error = await readSalesforceTeamFiles(clientAs(api, lead.id, 3), files, (body) => heard.push(body)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ShareError)
    expect((error as ShareError).kind).toBe("budget-exhausted")
    expect(heard).toHaveLength(3)
    expect(heard.every((b) => b.content !== null && typeof b.content === "object")).toBe(true)
  })
})

describe("readSalesforceSnapshots for a lead", () => {
  it("reads a colleague's snapshots of an account the lead may read, and none of one the lead may not", async () => {
    const { api, onB } = await teamOrg()
    const client = clientAs(api, lead.id)
    const onB2 = api.uploadFile(secondRep.id, { title: "Parley snapshot — torn", pathOnClient: "torn.json", body: "{ not json", accountId: B })
    const files = await readSalesforceSnapshots(client, B!)
    expect(files.map((f) => [f.id, f.filename, f.content])).toEqual([
      [onB2, "torn.json", null],
      [onB, "parley-2.json", JSON.parse(snapshot(B!, 2))]
    ])
    expect(await readSalesforceSnapshots(client, C!)).toEqual([])
  })
})

describe("Salesforce connector team methods", () => {
  function jar(sid: string): CookieReader {
    const cookies = [{ domain: DEMO_SALESFORCE.apiHost, value: sid }]
    return { get: async ({ url }) => cookies.find((c) => new URL(url).hostname === c.domain) ?? null, getAll: async ({ domain }) => cookies.filter((c) => c.domain.endsWith(domain)) }
  }
  const envAs = (api: MockSalesforceApi, userId: string): ApiEnvironment => ({
    db: openDatabase(`team-connector-${Math.random()}`),
    fetch: mockFetch(api).fetch,
    cookies: jar(api.sessionFor(userId)),
    now: () => Date.UTC(2026, 10, 20, 12),
    settings: DEFAULT_SETTINGS,
    sleep: async () => undefined
  })

  it("lists and reads the team's files with the lead's own session", async () => {
    const { api, onA, onB } = await teamOrg()
    const env = envAs(api, lead.id)
    const listing = await salesforceConnector.listTeamSnapshots(env, ORG, { since: null })
    expect(listing.files.map((f) => f.id)).toEqual([onA, onB])
    expect(listing.calls).toBe(1)
    const heard: string[] = []
    const read = await salesforceConnector.readTeamSnapshots(env, ORG, listing.files, (body) => heard.push(body.id))
    expect(read.bodies.map((b) => b.id).sort()).toEqual([onA, onB].sort())
    expect(heard.sort()).toEqual([onA, onB].sort())
    expect(read.calls).toBe(2)
  })

  it("throws session-expired when the browser holds no valid session", async () => {
    const { api } = await teamOrg()
    const env = { ...envAs(api, lead.id), cookies: jar(`${DEMO_SALESFORCE.orgId}!ended`) }
    await expect(salesforceConnector.listTeamSnapshots(env, ORG, { since: null })).rejects.toMatchObject({ name: "ShareError", kind: "session-expired" })
  })
})

describe("who a listed file is credited to", () => {
  it("is whoever uploaded the version read, not the document's creator (a teammate's new version is theirs)", async () => {
    const versionId = "068000000000009AAA"
    const ref = teamRefOf({
      LinkedEntityId: "001000000000001AAA",
      ContentDocument: {
        Title: "Parley snapshot — Globex",
        SystemModstamp: "2026-11-20T09:00:00.000+0000",
        CreatedById: "005000000000001AAA",
        CreatedBy: { Name: "Rosa Diaz" },
        CreatedDate: "2026-11-01T09:00:00.000+0000",
        LatestPublishedVersionId: versionId,
        LatestPublishedVersion: { PathOnClient: "parley-globex.json", CreatedById: "005000000000002AAA", CreatedBy: { Name: "Omid Rahimi" }, CreatedDate: "2026-11-20T09:00:00.000+0000" }
      }
    })
    expect(ref?.id).toBe(versionId)
    expect(ref?.author).toEqual({ id: "005000000000002AAA", name: "Omid Rahimi" })
    expect(ref?.createdAt).toBe(Date.UTC(2026, 10, 20, 9))
  })
})
