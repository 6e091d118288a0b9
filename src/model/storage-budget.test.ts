/**
 * Storage budgets and a full browser, on fake-indexeddb (the real quota is filled in
 * tests/e2e/storage.e2e.ts): a tab that walks through record ids displaces its own oldest page
 * records and never synced history; a quota refusal on any write path is "storage full", with
 * nothing of the refused change kept.
 */
import Dexie from "dexie"
import { describe, expect, it } from "vitest"
import { PAGE_RECORD_BUDGET } from "../../plasmo.config"
import { handleObservation } from "../background/handlers/observe"
import { withStorageGuard } from "../background/storage-guard"
import { writeStreamPage } from "../crm/stream-runner"
import type { PageObservation } from "../messaging/messages"
import { openDatabase, SCHEMA_V2, type ParleyDB } from "./db"
import { guardQuota, isQuotaError, StorageFullError, writeBatch } from "./store"
import { readStorageStatus, STORAGE_STATUS_KEY } from "./sync-status"

const fresh = () => openDatabase(`budget-${Math.random().toString(36).slice(2)}`)
const ORG = "northwind"
const id = (i: number) => `001Z${String(i).padStart(14, "0")}`

/** An account page whose visible fields are large: the notes a rep keeps, in English and Persian. */
function bigPage(i: number, org = ORG): PageObservation {
  const fields: Record<string, { label: string; value: string }> = {}
  for (let f = 0; f < 60; f++) {
    fields[`Note_${f}__c`] = {
      label: f % 2 ? `یادداشت ${f}` : `Note ${f}`,
      value: (f % 2 ? "مشتری برای تمدید قرارداد تخفیف بیشتری خواست و گفت رقیب ارزان‌تر است. " : "Customer asked for a deeper renewal discount and said the rival is cheaper. ").repeat(40).slice(0, 3_900)
    }
  }
  return { crm: "salesforce", host: `${org}.lightning.force.com`, org, url: `https://${org}.lightning.force.com/lightning/r/Account/${id(i)}/view`, record: { objectType: "Account", id: id(i), name: `Globex ${i} — گلوبکس`, fields } }
}

const pageKeys = async (db: ParleyDB) => (await db.pageRecords.toCollection().primaryKeys()).sort()
const storedBytes = async (db: ParleyDB, where: (row: { tabId: number }) => boolean = () => true) => (await db.pageSizes.toArray()).filter(where).reduce((n, r) => n + r.bytes, 0)

const quotaError = () => Object.assign(new Error("Transaction aborted"), { name: "AbortError", inner: Object.assign(new Error("The quota has been exceeded."), { name: "QuotaExceededError" }) })

describe("storage budgets for page records", () => {
  it("a tab walking through 40 record ids keeps its newest records within its budget, and synced history stays", async () => {
    const db = fresh()
    const synced = { key: `salesforce:${ORG}:00T000000000000001`, crm: "salesforce" as const, org: ORG, id: "00T000000000000001", accountKey: `salesforce:${ORG}:${id(0)}`, channel: "call" as const, direction: "inbound" as const, at: 1, sourceObject: "Task", seenAt: 1, subject: "تماس پیگیری تمدید" }
    await writeBatch(db, { interactions: [synced] })
    const one = (await handleObservation(db, bigPage(0), true, 7, 1_000)).ok
    expect(one).toBe(true)
    const perRecord = await storedBytes(db)
    expect(perRecord).toBeGreaterThan(100_000)
    for (let i = 1; i < 40; i++) await handleObservation(db, bigPage(i), true, 7, 1_000 + i)

    expect(await storedBytes(db)).toBeLessThanOrEqual(PAGE_RECORD_BUDGET.perTabBytes)
    const kept = await pageKeys(db)
    const expected = Math.floor(PAGE_RECORD_BUDGET.perTabBytes / perRecord)
    expect(kept.length).toBeGreaterThanOrEqual(expected - 1)
    expect(kept.length).toBeLessThan(40)
    // Oldest first: what is kept is a run of the newest ids, the one in view among them.
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, k) => `salesforce:${ORG}:${id(40 - kept.length + k)}`))
    expect((await db.meta.get("focus"))?.value).toMatchObject({ recordKey: `salesforce:${ORG}:${id(39)}` })
    // The ledger and the records agree; synced history was never evicted.
    expect((await db.pageSizes.toCollection().primaryKeys()).sort()).toEqual(kept)
    expect(await db.interactions.get(synced.key)).toEqual(synced)
  })

  it("one tab's walk does not evict what other tabs stored; the org's budget bounds them all", async () => {
    const db = fresh()
    await handleObservation(db, bigPage(1_000), false, 1, 10)
    for (let i = 0; i < 30; i++) await handleObservation(db, bigPage(i), true, 2, 100 + i)
    expect(await db.pageRecords.get(`salesforce:${ORG}:${id(1_000)}`)).toBeDefined()
    expect(await storedBytes(db, (r) => r.tabId === 2)).toBeLessThanOrEqual(PAGE_RECORD_BUDGET.perTabBytes)

    // Many tabs, each within its own budget, still meet the org's.
    for (let tab = 3; tab < 12; tab++) for (let i = 0; i < 18; i++) await handleObservation(db, bigPage(tab * 100 + i), false, tab, 1_000 + tab * 100 + i)
    expect(await storedBytes(db)).toBeLessThanOrEqual(PAGE_RECORD_BUDGET.perOrgBytes)
    // The oldest went first: tab 1's record (seen first) is gone, the newest record is kept.
    expect(await db.pageRecords.get(`salesforce:${ORG}:${id(1_000)}`)).toBeUndefined()
    expect(await db.pageRecords.get(`salesforce:${ORG}:${id(11 * 100 + 17)}`)).toBeDefined()
  })

  it("another org's page records are not counted against this org", async () => {
    const db = fresh()
    await handleObservation(db, bigPage(1, "contoso"), false, 5, 1)
    for (let i = 0; i < 30; i++) await handleObservation(db, bigPage(i), true, 5, 10 + i)
    expect(await db.pageRecords.get(`salesforce:contoso:${id(1)}`)).toBeDefined()
  })

  it("measures the page records a v2 database already holds when it upgrades", async () => {
    const name = `budget-upgrade-${Math.random().toString(36).slice(2)}`
    const v2 = new Dexie(name)
    v2.version(2).stores(SCHEMA_V2)
    const page = { key: `salesforce:${ORG}:${id(1)}`, crm: "salesforce", org: ORG, id: id(1), objectType: "Account", url: "https://northwind.lightning.force.com/", fields: { Name: { label: "نام", value: "گلوبکس" } }, seenAt: 42 }
    await v2.table("pageRecords").put(page)
    v2.close()
    const db = openDatabase(name)
    expect(await db.pageSizes.get(page.key)).toMatchObject({ org: ORG, tabId: -1, seenAt: 42, bytes: expect.any(Number) })
    expect((await db.pageSizes.get(page.key))!.bytes).toBeGreaterThan(JSON.stringify(page).length)
  })
})

describe("a full browser", () => {
  it("recognises a quota refusal however it is wrapped", () => {
    expect(isQuotaError(Object.assign(new Error("q"), { name: "QuotaExceededError" }))).toBe(true)
    expect(isQuotaError(quotaError())).toBe(true)
    expect(isQuotaError({ name: "BulkError", failures: [new Error("x"), quotaError()] })).toBe(true)
    expect(isQuotaError({ name: "DatabaseClosedError", inner: { name: "AbortError", inner: { name: "QuotaExceededError" } } })).toBe(true)
    expect(isQuotaError(Object.assign(new Error("Transaction aborted"), { name: "AbortError" }))).toBe(false)
    expect(isQuotaError(new Error("ConstraintError"))).toBe(false)
    const cyclic: { name: string; inner?: unknown } = { name: "AbortError" }
    cyclic.inner = cyclic
    expect(isQuotaError(cyclic)).toBe(false)
  })

  it("an observation refused for lack of space leaves nothing of itself, and the reply is storage-full", async () => {
    const db = fresh()
    await handleObservation(db, bigPage(1), true, 3, 10)
    const before = { pages: await pageKeys(db), focus: (await db.meta.get("focus"))?.value, orgs: await db.orgs.toArray() }
    // The browser refuses the transaction at its last write, after the record itself went in.
    db.pageSizes.hook("creating", () => {
      throw quotaError()
    })
    const reply = await withStorageGuard(db, "observe", () => 99, () => handleObservation(db, bigPage(2), true, 3, 20))
    expect(reply).toMatchObject({ ok: false, code: "storage-full", error: expect.stringMatching(/storage for Parley is full/) })
    expect(await pageKeys(db)).toEqual(before.pages)
    expect((await db.meta.get("focus"))?.value).toEqual(before.focus)
    expect(await db.orgs.toArray()).toEqual(before.orgs)
    expect(await db.accounts.get(`salesforce:${ORG}:${id(2)}`)).toBeUndefined()
    expect(readStorageStatus((await db.meta.get(STORAGE_STATUS_KEY))?.value)).toEqual({ state: "full", at: 99, operation: "observe" })
  })

  it("a sync page refused for lack of space is StorageFullError, with neither rows nor cursor kept", async () => {
    const db = fresh()
    db.cursors.hook("creating", () => {
      throw quotaError()
    })
    const cursor = { key: `salesforce:${ORG}:Task:a`, crm: "salesforce" as const, org: ORG, object: "Task", scope: "a", watermark: 5, updatedAt: 5 }
    const interaction = { key: `salesforce:${ORG}:00T000000000000009`, crm: "salesforce" as const, org: ORG, id: "00T000000000000009", accountKey: `salesforce:${ORG}:${id(1)}`, channel: "email" as const, direction: "outbound" as const, at: 3, sourceObject: "Task", seenAt: 3 }
    await expect(writeStreamPage(db, { batch: { interactions: [interaction] }, cursors: [cursor, { ...cursor, key: `${cursor.key}2` }] })).rejects.toBeInstanceOf(StorageFullError)
    await expect(writeStreamPage(db, { batch: { interactions: [interaction] }, cursors: [cursor] })).rejects.toBeInstanceOf(StorageFullError)
    expect(await db.interactions.count()).toBe(0)
    expect(await db.cursors.count()).toBe(0)
    expect(readStorageStatus((await db.meta.get(STORAGE_STATUS_KEY))?.value)?.operation).toBe("sync")
  })

  it("a later observation that fits clears the state; other failures stay what they are", async () => {
    const db = fresh()
    await db.meta.put({ key: STORAGE_STATUS_KEY, value: { state: "full", at: 1, operation: "observe" } })
    await handleObservation(db, bigPage(3), true, 3, 30)
    expect(await db.meta.get(STORAGE_STATUS_KEY)).toBeUndefined()
    await expect(guardQuota(() => Promise.reject(new TypeError("not quota")))).rejects.toBeInstanceOf(TypeError)
    await expect(withStorageGuard(db, "observe", () => 1, () => Promise.reject(new TypeError("boom")))).rejects.toThrow("boom")
  })
})
