import { describe, expect, it } from "vitest"
import { classifyRelationship } from "../analysis"
import { generateHistory } from "../analysis/generate"
import { openDatabase } from "../model/db"
import { readAccountHistory, writeBatch } from "../model/store"
import { hasCurrentProfile, reclassifyAccount } from "./classify"

describe("reclassifyAccount", () => {
  it("stores the same profile as a fresh classification, before and after a new record", async () => {
    const db = openDatabase(`classify-${Math.random()}`)
    const history = generateHistory({ interactions: 300, seed: 3 })
    await writeBatch(db, { ...history, accounts: [history.account] })
    const key = history.account.key
    const now = Date.UTC(2025, 6, 1)
    const first = await reclassifyAccount(db, key, now)
    expect(first).toEqual(classifyRelationship((await readAccountHistory(db, key))!, { now, peers: [] }))
    expect((await db.profiles.get(key))?.profile).toEqual(first)

    const extra = { ...history.interactions[0]!, key: `${key}-x`, id: "extra", at: now - 1_000, subject: "Can you give us a discount? Budget is tight" }
    await writeBatch(db, { interactions: [extra] })
    const second = await reclassifyAccount(db, key, now)
    expect(second?.sampleSize.interactions).toBe(first!.sampleSize.interactions + 1)
    expect(second).toEqual(classifyRelationship((await readAccountHistory(db, key))!, { now, peers: [] }))
  })

  it("returns null for an account Parley has not stored", async () => {
    expect(await reclassifyAccount(openDatabase(`classify-${Math.random()}`), "salesforce:x:001000000000001AAA", 1)).toBeNull()
  })
})

describe("hasCurrentProfile", () => {
  it("counts a stored profile of an older version as none, so the caller recomputes it", async () => {
    const db = openDatabase(`classify-${Math.random()}`)
    const history = generateHistory({ interactions: 60, seed: 5 })
    await writeBatch(db, { ...history, accounts: [history.account] })
    const key = history.account.key
    expect(await hasCurrentProfile(db, key)).toBe(false)
    const current = await reclassifyAccount(db, key, Date.UTC(2025, 6, 1))
    expect(await hasCurrentProfile(db, key)).toBe(true)
    // A version-1 row, as an older Parley stored it: English prose where descriptors now are.
    await db.profiles.put({ accountKey: key, org: history.account.org, computedAt: 1, profile: { ...current, version: 1, risk: { ...current!.risk, summary: "No risk signal." } } })
    expect(await hasCurrentProfile(db, key)).toBe(false)
    await reclassifyAccount(db, key, Date.UTC(2025, 6, 1))
    expect(await hasCurrentProfile(db, key)).toBe(true)
  })
})
