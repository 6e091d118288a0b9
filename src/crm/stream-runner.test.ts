import { describe, expect, it } from "vitest"
import { cursorKey, recordKey } from "../model/keys"
import { openDatabase } from "../model/db"
import type { SyncCursor } from "../model/schema"
import type { SyncProgressReport, SyncState } from "../model/sync-status"
import { mapAccount } from "./dynamics/map"
import { PausedSignal, ProgressTally, shareRun, stopIfPaused, writeStreamPage, type AccountRuns } from "./stream-runner"

const ACCOUNT = "00000001-0000-4000-8000-000000000001"
const ORG = "northwind.crm4"
const cursor = (object: string, nextPage?: string): SyncCursor => ({ key: cursorKey("dynamics", ORG, object, ACCOUNT), crm: "dynamics", org: ORG, object, scope: ACCOUNT, watermark: 1_000, nextPage, updatedAt: 2_000 })
const account = (name: string) => mapAccount({ accountid: ACCOUNT, name, modifiedon: "2026-11-20T10:00:00Z" }, { org: ORG, accountId: ACCOUNT, seenAt: 3_000 })

describe("ProgressTally", () => {
  it("sums an object's streams and knows its total only once every registered stream reported one", () => {
    const reports: SyncProgressReport[] = []
    const tally = new ProgressTally((r) => reports.push(r))
    tally.register("email", "a")
    tally.register("email", "b")
    tally.add("email", 5, 12, "a")
    tally.add("email", 3, 4, "b")
    tally.add("email", 7, undefined, "a")
    expect(reports).toEqual([{ object: "email", done: 5 }, { object: "email", done: 8, total: 16 }, { object: "email", done: 15, total: 16 }])
    expect(tally.summary?.objects?.email).toMatchObject({ done: 15, total: 16 })
  })

  it("keeps counting when the progress hook throws", () => {
    const tally = new ProgressTally(() => {
      throw new Error("panel gone")
    })
    tally.add("Task", 2, undefined)
    tally.add("Task", 3, 10)
    expect(tally.summary?.objects?.Task).toMatchObject({ done: 5, total: 10 })
  })
})

describe("stopIfPaused", () => {
  it("stops only when the rep paused", async () => {
    await expect(stopIfPaused(undefined)).resolves.toBeUndefined()
    await expect(stopIfPaused(async () => false)).resolves.toBeUndefined()
    await expect(stopIfPaused(async () => true)).rejects.toBeInstanceOf(PausedSignal)
  })
})

describe("writeStreamPage", () => {
  it("writes the page, its removals and its cursors together", async () => {
    const db = openDatabase(`stream-runner-${Math.random()}`)
    await writeStreamPage(db, { batch: { accounts: [account("Northwind")] }, cursors: [cursor("account", "https://x/next")] })
    const key = recordKey("dynamics", ORG, ACCOUNT)
    expect(await db.accounts.get(key)).toMatchObject({ name: "Northwind" })
    expect((await db.cursors.get(cursor("account").key))?.nextPage).toBe("https://x/next")

    const result = await writeStreamPage(db, { batch: {}, removals: { accounts: [key] }, cursors: [cursor("account"), cursor("contact")] })
    expect(result.removed).toBe(1)
    expect(await db.accounts.get(key)).toBeUndefined()
    expect((await db.cursors.get(cursor("account").key))?.nextPage).toBeUndefined()
    expect(await db.cursors.get(cursor("contact").key)).toBeDefined()
    db.close()
  })

  it("leaves rows the CRM's comparison drops unwritten, and writes nothing when the transaction fails", async () => {
    const db = openDatabase(`stream-runner-${Math.random()}`)
    const written = await writeStreamPage(db, { batch: { accounts: [account("Northwind")] }, cursors: [cursor("account")] }, async () => ({}))
    expect(written.written).toBe(0)
    expect(await db.accounts.count()).toBe(0)
    await expect(
      writeStreamPage(db, { batch: { accounts: [account("Northwind")] }, cursors: [cursor("account", "https://x/2")] }, async (_db, batch) => {
        if (batch.accounts?.length) throw new Error("comparison failed")
        return batch
      })
    ).rejects.toThrow("comparison failed")
    expect(await db.cursors.get(cursor("account").key)).toMatchObject({ nextPage: undefined })
    db.close()
  })
})

describe("shareRun", () => {
  /** A run's result as the connectors give it: which run it was, and how it ended. */
  type Ran = { n: number; status: { state: SyncState } }
  /** Runs that say which they are, the first held until `finish` and ending `firstEnds`; `starts` has when each began. */
  function runner(firstEnds: SyncState = "synced") {
    const clock = { now: 1_000 }
    const starts: number[] = []
    let finish!: () => void
    const held = new Promise<void>((resolve) => (finish = resolve))
    const run = (n: number) => async (): Promise<Ran> => {
      starts.push(clock.now)
      if (n === 1) await held
      return { n, status: { state: n === 1 ? firstEnds : "synced" } }
    }
    return { runs: new Map() as AccountRuns<Ran>, clock, starts, finish, run, now: () => clock.now }
  }
  const which = async (runs: Promise<Ran>[]) => (await Promise.all(runs)).map((r) => r.n)

  it("shares a run that started at or after the call's notBefore, and runs after one that started before", async () => {
    const { runs, clock, starts, finish, run, now } = runner()
    const first = shareRun(runs, "a", { now }, run(1))
    expect(shareRun(runs, "a", { now, notBefore: 1_000 }, run(2))).toBe(first)
    clock.now = 2_000
    // The running one read the CRM before this call's moment: one more run follows it ...
    const next = shareRun(runs, "a", { now, notBefore: 2_000 }, run(3))
    expect(next).not.toBe(first)
    // ... and the calls that come before it starts share it.
    expect(shareRun(runs, "a", { now, notBefore: 2_000 }, run(4))).toBe(next)
    expect(shareRun(runs, "b", { now }, run(5))).not.toBe(first)
    clock.now = 3_000
    finish()
    expect(await which([first, next])).toEqual([1, 3])
    expect(starts).toEqual([1_000, 2_000, 3_000])
    expect(runs.size).toBe(0)
  })

  it("answers a forced call only with a forced run; an unforced call shares a forced one", async () => {
    const { runs, finish, run, now } = runner()
    const first = shareRun(runs, "a", { now }, run(1))
    const forced = shareRun(runs, "a", { now, forced: true }, run(2))
    expect(forced).not.toBe(first)
    expect(shareRun(runs, "a", { now }, run(3))).toBe(forced)
    finish()
    expect(await which([first, forced])).toEqual([1, 2])
  })

  it.each(["paused", "rate-limited", "session-expired", "offline"] as const)("starts no queued run after one that ended %s: its callers get that end", async (end) => {
    const { runs, clock, starts, finish, run, now } = runner(end)
    const first = shareRun(runs, "a", { now }, run(1))
    clock.now = 2_000
    const next = shareRun(runs, "a", { now, notBefore: 2_000 }, run(2))
    finish()
    expect((await next).status.state).toBe(end)
    expect(await which([first, next])).toEqual([1, 1])
    expect(starts).toEqual([1_000])
    expect(runs.size).toBe(0)
  })

  it("starts the queued run also when the one before it failed", async () => {
    const runs: AccountRuns<Ran> = new Map()
    const now = () => 1_000
    const failed = shareRun(runs, "a", { now }, async () => {
      throw new Error("IndexedDB closed")
    })
    const next = shareRun(runs, "a", { now, notBefore: 2_000 }, async (): Promise<Ran> => ({ n: 2, status: { state: "synced" } }))
    await expect(failed).rejects.toThrow("IndexedDB closed")
    expect((await next).n).toBe(2)
  })
})
