import { describe, expect, it } from "vitest"
import { openDatabase, type ParleyDB } from "../model/db"
import { writeBatch } from "../model/store"
import { ACCOUNT_KEY, NOW } from "../../tests/support/panel-fixtures/history"
import { historyWithPeople } from "../../tests/support/snapshot-fixtures"
import { reclassifyAccount } from "./classify"
import { deleteSnapshot, importSnapshot, saveSnapshot } from "./snapshots"
import { seal } from "../snapshots/build"
import { checkSnapshot } from "../snapshots/import"
import type { SnapshotDocument } from "../snapshots/payload"
import { cleanFileName, importedSnapshotKey, readStoredRow } from "../snapshots/stored"

async function seeded(): Promise<ParleyDB> {
  const db = openDatabase(`snap-${Math.random()}`)
  const h = historyWithPeople()
  await writeBatch(db, { accounts: [h.account], contacts: h.contacts, interactions: h.interactions, deals: h.deals, quotes: h.quotes, cases: h.cases })
  return db
}

describe("automatic snapshots on label change", () => {
  it("saves none on the first classification or when labels stay, one when a label changes", async () => {
    const db = await seeded()
    const profile = (await reclassifyAccount(db, ACCOUNT_KEY, NOW))!
    expect(await db.snapshots.count()).toBe(0)
    await reclassifyAccount(db, ACCOUNT_KEY, NOW + 1)
    expect(await db.snapshots.count()).toBe(0)
    // The stored profile said something else: the new classification changes the label.
    const row = (await db.profiles.get(ACCOUNT_KEY))!
    const other = profile.risk.label === "healthy" ? "at-risk" : "healthy"
    await db.profiles.put({ ...row, profile: { ...profile, risk: { ...profile.risk, label: other } } })
    await reclassifyAccount(db, ACCOUNT_KEY, NOW + 2)
    const snapshots = await db.snapshots.toArray()
    expect(snapshots).toHaveLength(1)
    expect(snapshots[0]!.createdAt).toBe(NOW + 2)
    expect((snapshots[0]!.payload as { trigger: unknown }).trigger).toEqual({ kind: "label-change", changes: [{ axis: "risk", from: other, to: profile.risk.label }] })
  })
})

describe("saving, importing and deleting snapshots", () => {
  it("saves a snapshot on demand, refuses an account without a classification", async () => {
    const db = await seeded()
    expect(await saveSnapshot(db, ACCOUNT_KEY, NOW)).toMatchObject({ ok: false, error: expect.stringMatching(/sync it first/) })
    await reclassifyAccount(db, ACCOUNT_KEY, NOW)
    const reply = await saveSnapshot(db, ACCOUNT_KEY, NOW + 5)
    expect(reply.ok).toBe(true)
    expect(await db.snapshots.get(reply.ok ? reply.data!.key : "")).toBeDefined()
  })

  it("imports only valid snapshots, as imported under their own key, and deletes", async () => {
    const db = await seeded()
    await reclassifyAccount(db, ACCOUNT_KEY, NOW)
    const saved = await saveSnapshot(db, ACCOUNT_KEY, NOW)
    const snapshot = saved.ok ? saved.data! : null
    await db.snapshots.clear()
    const key = importedSnapshotKey(snapshot!.hash)
    expect(await importSnapshot(db, JSON.stringify(snapshot), "globex.json", NOW + 1)).toEqual({ ok: true, data: { key, recordKey: ACCOUNT_KEY } })
    const tampered = { ...snapshot!, org: "elsewhere" }
    expect(await importSnapshot(db, JSON.stringify(tampered), "t.json", NOW)).toMatchObject({ ok: false, error: expect.stringMatching(/does not match its hash/) })
    expect(await importSnapshot(db, JSON.stringify({ ...snapshot!, version: 9 }), "v9.json", NOW)).toMatchObject({ ok: false, error: expect.stringMatching(/version 9/) })
    expect(await db.snapshots.count()).toBe(1)
    await deleteSnapshot(db, key)
    expect(await db.snapshots.count()).toBe(0)
  })
})

describe("imported snapshots live beside Parley's own", () => {
  // A forger edits Parley's own export and seals it again: same snapshot key, a valid new hash.
  async function forged(db: ParleyDB) {
    await reclassifyAccount(db, ACCOUNT_KEY, NOW)
    const own = (await saveSnapshot(db, ACCOUNT_KEY, NOW)) as { ok: true; data: SnapshotDocument }
    const edited = structuredClone(own.data)
    edited.payload.account.name = "گلوبکس (ویرایش‌شده) Globex edited"
    return { own: own.data, forgery: await seal(edited) }
  }

  it("never overwrites a local snapshot with a re-sealed file of the same key", async () => {
    const db = await seeded()
    const { own, forgery } = await forged(db)
    expect(forgery.key).toBe(own.key)
    const reply = await importSnapshot(db, JSON.stringify(forgery), "گزارش-globex.json", NOW + 9)
    expect(reply).toEqual({ ok: true, data: { key: importedSnapshotKey(forgery.hash), recordKey: ACCOUNT_KEY } })
    expect(await db.snapshots.get(own.key)).toEqual(own)
    const row = readStoredRow(await db.snapshots.get(importedSnapshotKey(forgery.hash)))!
    expect(row.imported).toEqual({ fileName: "گزارش-globex.json", importedAt: NOW + 9, key: own.key })
    // Read back, the imported document still checks against its own seal.
    expect(await checkSnapshot(row.document)).toMatchObject({ ok: true, snapshot: { hash: forgery.hash, payload: { account: { name: forgery.payload.account.name } } } })
    expect(await db.snapshots.count()).toBe(2)
  })

  it("stores the same file once, and a file identical to a local snapshot not at all", async () => {
    const db = await seeded()
    const { own, forgery } = await forged(db)
    await importSnapshot(db, JSON.stringify(forgery), "a.json", NOW + 1)
    await importSnapshot(db, JSON.stringify(forgery), "a (copy).json", NOW + 2)
    expect(await importSnapshot(db, JSON.stringify(own), "own-export.json", NOW + 3)).toEqual({ ok: true, data: { key: own.key, recordKey: ACCOUNT_KEY } })
    expect((await db.snapshots.toArray()).map((r) => r.key).sort()).toEqual([own.key, importedSnapshotKey(forgery.hash)].sort())
  })

  it("keeps a file name as text: controls and direction overrides dropped, bounded", () => {
    expect(cleanFileName("\u202Egnp.json\u0000")).toBe("gnp.json")
    expect(cleanFileName("  ")).toBe("snapshot.json")
    expect(cleanFileName("x".repeat(400))).toHaveLength(255)
  })
})
