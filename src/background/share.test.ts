import { describe, expect, it } from "vitest"
import { createDynamicsMockApi } from "../../demo/dynamics/mock-api"
import { DEMO_ACCOUNTS, DEMO_ORG, dynIds, sfIds } from "../../demo/org"
import { createMockSalesforceApi, mockFetch } from "../../demo/salesforce/mock-api"
import { DEMO_SALESFORCE } from "../../demo/salesforce/records"
import { openDatabase } from "../model/db"
import type { Crm } from "../model/schema"
import { bytesToBase64 } from "../snapshots/bytes"
import { CANARY, sampleSnapshot, historyWithPeople } from "../../tests/support/snapshot-fixtures"
import { checkSnapshot } from "../snapshots/import"
import { writePdf } from "../snapshots/pdf/writer"
import { importedRow } from "../snapshots/stored"
import { listCrmSnapshots, shareSnapshot, type ShareEnvironment } from "./share"

const PDF = bytesToBase64(writePdf({ pages: [{ width: 100, height: 100, content: "", images: [] }], images: new Map(), title: "t", createdAt: 0 }))
const globex = DEMO_ACCOUNTS[0]!

const cookies = {
  get: async ({ url }: { url: string }) => (url.includes(DEMO_SALESFORCE.uiHost) ? { value: `${DEMO_SALESFORCE.orgId}!UiOnly`, domain: DEMO_SALESFORCE.uiHost } : null),
  getAll: async ({ domain }: { domain: string }) => (domain === "salesforce.com" ? [{ value: DEMO_SALESFORCE.sessionId, domain: DEMO_SALESFORCE.apiHost }] : [])
}

async function setup(crm: Crm, fetchImpl: typeof fetch) {
  const db = openDatabase(`bshare-${Math.random()}`)
  const org = crm === "salesforce" ? DEMO_SALESFORCE.org : "northwind.crm4"
  const host = crm === "salesforce" ? DEMO_SALESFORCE.uiHost : DEMO_ORG.dynamicsHost
  const id = crm === "salesforce" ? sfIds.account(globex) : dynIds.account(globex)
  await db.orgs.put({ key: `${crm}:${org}`, crm, org, host, seenAt: 1 })
  const history = historyWithPeople()
  history.account = { ...history.account, key: `${crm}:${org}:${id}`, id, crm, org }
  const snapshot = await sampleSnapshot({ history })
  await db.snapshots.put(snapshot)
  const env: ShareEnvironment = { db, fetch: fetchImpl, cookies, now: () => Date.UTC(2026, 10, 20) }
  return { env, snapshot, id }
}

describe("share-snapshot in the background", () => {
  it("attaches the redacted JSON and the PDF to the Salesforce account, and reads them back", async () => {
    const api = createMockSalesforceApi()
    const { env, snapshot, id } = await setup("salesforce", mockFetch(api).fetch)
    const reply = await shareSnapshot(env, { type: "share-snapshot", snapshotKey: snapshot.key, redact: true, language: "fa", pdfBase64: PDF })
    expect(reply).toMatchObject({ ok: true, data: { crm: "salesforce", link: expect.stringMatching(/^https:\/\/northwind\.lightning\.force\.com\/lightning\/r\/ContentDocument\/069\w+\/view$/) } })
    const files = [...api.files.files.values()]
    expect(files.map((f) => f.record.FirstPublishLocationId)).toEqual([id, id])
    expect(files.map((f) => f.record.PathOnClient)).toEqual([expect.stringMatching(/^parley-.*-fa-redacted\.json$/), expect.stringMatching(/-fa-redacted\.pdf$/)])
    const json = new TextDecoder().decode(files[0]!.data)
    expect(json).not.toContain(CANARY)
    expect(await checkSnapshot(JSON.parse(json))).toMatchObject({ ok: true, snapshot: { payload: { redacted: true } } })
    expect(String.fromCharCode(...files[1]!.data.subarray(0, 5))).toBe("%PDF-")

    const back = await listCrmSnapshots(env, snapshot.recordKey)
    expect(back).toMatchObject({ ok: true, data: { refused: [] } })
    expect(back.ok && back.data!.snapshots.map((s) => s.hash)).toEqual([JSON.parse(json).hash])
  })

  it("attaches both notes to the Dynamics account and reads the JSON back", async () => {
    const mock = createDynamicsMockApi()
    const { env: base, snapshot, id } = await setup("dynamics", fetch)
    // Dynamics is reached through a tab of the org (the page relay): here the mock stands in for it.
    const env: ShareEnvironment = { ...base, pageFetch: mock.fetch }
    const reply = await shareSnapshot(env, { type: "share-snapshot", snapshotKey: snapshot.key, redact: false, language: "en", pdfBase64: PDF })
    expect(reply).toMatchObject({ ok: true, data: { crm: "dynamics", link: `https://${DEMO_ORG.dynamicsHost}/main.aspx?pagetype=entityrecord&etn=account&id=${id}` } })
    expect(mock.notes.attachments().map((n) => [n.mimetype, n._objectid_value])).toEqual([["application/json", id], ["application/pdf", id]])
    const back = await listCrmSnapshots(env, snapshot.recordKey)
    expect(back.ok && back.data!.snapshots[0]!.hash).toBe(snapshot.hash)
  })

  it("refuses what is not a PDF, an unknown snapshot, and a missing session", async () => {
    const api = createMockSalesforceApi()
    const { env, snapshot } = await setup("salesforce", mockFetch(api).fetch)
    const share = (over: object) => shareSnapshot(env, { type: "share-snapshot", snapshotKey: snapshot.key, redact: false, language: "en", pdfBase64: PDF, ...over })
    expect(await share({ pdfBase64: bytesToBase64(new TextEncoder().encode("<html>")) })).toMatchObject({ ok: false, error: "The briefing is not a PDF." })
    expect(await share({ snapshotKey: "snapshot:nope" })).toMatchObject({ ok: false, error: expect.stringMatching(/no longer stored/) })
    const noSession = { ...env, cookies: { get: async () => null, getAll: async () => [] } }
    expect(await shareSnapshot(noSession, { type: "share-snapshot", snapshotKey: snapshot.key, redact: false, language: "en", pdfBase64: PDF })).toMatchObject({ ok: false, error: expect.stringMatching(/session/) })
    expect(api.files.files.size).toBe(0)
  })
})

describe("sharing twice, and sharing an imported snapshot", () => {
  it("does not attach a snapshot the CRM already holds (a share whose answer was lost), on either CRM", async () => {
    const api = createMockSalesforceApi()
    const { env, snapshot, id } = await setup("salesforce", mockFetch(api).fetch)
    const share = () => shareSnapshot(env, { type: "share-snapshot", snapshotKey: snapshot.key, redact: false, language: "en", pdfBase64: PDF })
    expect(await share()).toMatchObject({ ok: true })
    expect(await share()).toMatchObject({ ok: true, data: { alreadyAttached: true, link: `https://${DEMO_SALESFORCE.uiHost}/lightning/r/Account/${id}/view` } })
    expect(api.files.files.size).toBe(2)

    const mock = createDynamicsMockApi()
    const { env: base, snapshot: dyn } = await setup("dynamics", fetch)
    const denv: ShareEnvironment = { ...base, pageFetch: mock.fetch }
    const dshare = () => shareSnapshot(denv, { type: "share-snapshot", snapshotKey: dyn.key, redact: false, language: "fa", pdfBase64: PDF })
    expect(await dshare()).toMatchObject({ ok: true })
    expect(await dshare()).toMatchObject({ ok: true, data: { alreadyAttached: true } })
    expect(mock.notes.attachments()).toHaveLength(2)
  })

  it("says an imported snapshot is imported: file names, titles and the note", async () => {
    const api = createMockSalesforceApi()
    const { env, snapshot } = await setup("salesforce", mockFetch(api).fetch)
    await env.db.snapshots.clear()
    const row = importedRow(snapshot, "پرونده-گلوبکس.json", 7)
    await env.db.snapshots.put(row as never)
    const reply = await shareSnapshot(env, { type: "share-snapshot", snapshotKey: row.key, redact: false, language: "fa", pdfBase64: PDF })
    expect(reply).toMatchObject({ ok: true, data: { imported: { fileName: "پرونده-گلوبکس.json" } } })
    const files = [...api.files.files.values()].map((f) => f.record)
    expect(files.map((f) => f.PathOnClient)).toEqual([expect.stringMatching(/-fa-imported\.json$/), expect.stringMatching(/-fa-imported\.pdf$/)])
    for (const f of files) {
      expect(f.Title).toContain("(imported from پرونده-گلوبکس.json)")
      expect(f.Description).toMatch(/IMPORTED into Parley from the file “پرونده-گلوبکس\.json”/)
    }
    // What was attached is the document as the file had it: its own key and seal.
    const json = JSON.parse(new TextDecoder().decode([...api.files.files.values()][0]!.data))
    expect(json).toMatchObject({ key: snapshot.key, hash: snapshot.hash })
    expect(json.imported).toBeUndefined()
  })
})
