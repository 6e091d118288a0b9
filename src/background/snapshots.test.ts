import { describe, expect, it } from "vitest"
import { openDatabase, type ParleyDB } from "../model/db"
import { writeBatch } from "../model/store"
import { ACCOUNT_KEY, NOW } from "../../tests/support/panel-fixtures/history"
import { historyWithPeople } from "../../tests/support/snapshot-fixtures"
import { reclassifyAccount } from "./classify"
import { deleteSnapshot, importSnapshot, saveSnapshot } from "./snapshots"

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

  it("imports only valid snapshots, and deletes", async () => {
    const db = await seeded()
    await reclassifyAccount(db, ACCOUNT_KEY, NOW)
    const saved = await saveSnapshot(db, ACCOUNT_KEY, NOW)
    const snapshot = saved.ok ? saved.data! : null
    await db.snapshots.clear()
    expect(await importSnapshot(db, JSON.stringify(snapshot))).toEqual({ ok: true, data: { key: snapshot!.key, recordKey: ACCOUNT_KEY } })
    const tampered = { ...snapshot!, org: "elsewhere" }
    expect(await importSnapshot(db, JSON.stringify(tampered))).toMatchObject({ ok: false, error: expect.stringMatching(/does not match its hash/) })
    expect(await importSnapshot(db, JSON.stringify({ ...snapshot!, version: 9 }))).toMatchObject({ ok: false, error: expect.stringMatching(/version 9/) })
    expect(await db.snapshots.count()).toBe(1)
    await deleteSnapshot(db, snapshot!.key)
    expect(await db.snapshots.count()).toBe(0)
  })
})
