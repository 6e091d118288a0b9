import { describe, expect, it } from "vitest"
import { openDatabase } from "./db"
import { removeRecords, writeBatch } from "./store"

const K = (id: string) => `salesforce:northwind:${id}`
const base = (id: string) => ({ key: K(id), crm: "salesforce" as const, org: "northwind", id, seenAt: 1 })
const ACC = "001000000000001AAA"
const OTHER = "001000000000002AAA"

async function seeded() {
  const db = openDatabase(`store-remove-${Math.random()}`)
  const deal = (id: string, account: string) => ({ ...base(id), accountKey: K(account), name: id, stage: "Prospecting", createdAt: 1, isClosed: false, isWon: false, stageHistory: [] })
  const quote = (id: string, dealId: string, account: string) => ({ ...base(id), accountKey: K(account), dealKey: K(dealId), name: id, revision: 1, createdAt: 1 })
  const line = (id: string, quoteId: string, account: string) => ({ ...base(id), accountKey: K(account), quoteKey: K(quoteId), product: "P", quantity: 1, unitPrice: 1, isCustom: false })
  const call = (id: string, account: string) => ({ ...base(id), accountKey: K(account), channel: "call" as const, direction: "inbound" as const, at: 1, sourceObject: "Task" })
  await writeBatch(db, {
    accounts: [{ ...base(ACC), name: "A" }, { ...base(OTHER), name: "B" }],
    deals: [deal("006000000000001AAA", ACC), deal("006000000000002AAA", ACC), deal("006000000000003AAA", OTHER)],
    quotes: [quote("0Q0000000000001AAA", "006000000000001AAA", ACC), quote("0Q0000000000002AAA", "006000000000002AAA", ACC), quote("0Q0000000000003AAA", "006000000000003AAA", OTHER)],
    quoteLines: [line("0QL000000000001AAA", "0Q0000000000001AAA", ACC), line("0QL000000000002AAA", "0Q0000000000002AAA", ACC), line("0QL000000000003AAA", "0Q0000000000003AAA", OTHER)],
    interactions: [call("00T000000000001AAA", ACC), call("00T000000000002AAA", ACC), call("00T000000000003AAA", OTHER)]
  })
  await db.profiles.put({ accountKey: K(ACC), org: "northwind", computedAt: 1, profile: {} })
  return db
}

describe("removeRecords", () => {
  it("removes a deleted deal with its quotes and their lines, and a deleted activity, nothing else", async () => {
    const db = await seeded()
    const removed = await removeRecords(db, { deals: [K("006000000000001AAA")], interactions: [K("00T000000000001AAA"), K("00T00000000000XAAA")] })
    expect(removed).toBe(4)
    expect((await db.deals.toArray()).map((d) => d.id).sort()).toEqual(["006000000000002AAA", "006000000000003AAA"])
    expect((await db.quotes.toArray()).map((q) => q.id).sort()).toEqual(["0Q0000000000002AAA", "0Q0000000000003AAA"])
    expect((await db.quoteLines.toArray()).map((l) => l.id).sort()).toEqual(["0QL000000000002AAA", "0QL000000000003AAA"])
    expect(await db.interactions.count()).toBe(2)
  })

  it("removes a deleted account's whole history and its profile, other accounts untouched", async () => {
    const db = await seeded()
    await removeRecords(db, { accounts: [K(ACC)] })
    expect((await db.accounts.toArray()).map((a) => a.id)).toEqual([OTHER])
    for (const table of ["deals", "quotes", "quoteLines", "interactions"] as const) {
      expect((await db.table(table).toArray()).every((r: { accountKey: string }) => r.accountKey === K(OTHER)), table).toBe(true)
      expect(await db.table(table).count(), table).toBe(1)
    }
    expect(await db.profiles.get(K(ACC))).toBeUndefined()
  })

  it("commits with the caller's transaction: a failure after it leaves everything in place", async () => {
    const db = await seeded()
    const tables = [db.deals, db.quotes, db.quoteLines, db.accounts, db.contacts, db.interactions, db.cases, db.contracts, db.profiles]
    await expect(
      db.transaction("rw", tables, async () => {
        await removeRecords(db, { deals: [K("006000000000001AAA")] })
        throw new Error("page write failed")
      })
    ).rejects.toThrow("page write failed")
    expect(await db.deals.count()).toBe(3)
    expect(await db.quoteLines.count()).toBe(3)
  })
})
