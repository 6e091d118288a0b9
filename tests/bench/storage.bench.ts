/**
 * Storage benchmarks, run inside a real Chromium page (bundled by scripts/bench.ts). Each
 * function measures Parley's path and its raw-IndexedDB baseline in the same page, alternating.
 */
import { openDatabase, SCHEMA_V2 } from "../../src/model/db"
import { readAccountHistory, writeBatch } from "../../src/model/store"
import type { Interaction } from "../../src/model/schema"
import { alternatingPairs, deleteDb, rawPut } from "./raw-idb"

const ORG = "bench"
const ACCOUNTS = 200

export function makeInteractions(count: number, seed = 7): Interaction[] {
  let s = seed
  const rand = () => ((s = (s * 1_103_515_245 + 12_345) & 0x7fffffff) / 0x7fffffff)
  const channels = ["call", "meeting", "email", "task", "note"] as const
  const directions = ["inbound", "outbound"] as const
  const start = Date.UTC(2022, 0, 1)
  return Array.from({ length: count }, (_, i) => {
    const account = Math.floor(rand() * ACCOUNTS)
    const id = `00T${i.toString(36).padStart(12, "0")}`
    return {
      key: `salesforce:${ORG}:${id}`,
      crm: "salesforce",
      org: ORG,
      id,
      accountKey: `salesforce:${ORG}:001${account.toString(36).padStart(12, "0")}`,
      channel: channels[Math.floor(rand() * 5)]!,
      direction: directions[Math.floor(rand() * 2)]!,
      at: start + Math.floor(rand() * 1_000 * 86_400_000),
      subject: `Follow-up ${i} on order and delivery`,
      sourceObject: "Task",
      seenAt: Date.UTC(2026, 10, 20)
    }
  })
}

/** Parley's ingest: API-page-sized batches, each validated and written with its cursor. */
async function parleyIngest(records: Interaction[], name: string, pageSize = 2_000): Promise<number> {
  const db = openDatabase(name)
  await db.open()
  const t0 = performance.now()
  for (let i = 0; i < records.length; i += pageSize) {
    const page = records.slice(i, i + pageSize)
    await writeBatch(db, { interactions: page }, {
      key: `salesforce:${ORG}:Task:*`,
      crm: "salesforce",
      org: ORG,
      object: "Task",
      scope: "*",
      watermark: i,
      updatedAt: 0
    })
  }
  const ms = performance.now() - t0
  db.close()
  return ms
}

export async function benchIngest(count: number, trials: number) {
  const records = makeInteractions(count)
  // The baseline puts everything in one transaction; Parley writes API-page-sized batches.
  return alternatingPairs({
    trials,
    settleMs: 2_000,
    databases: ["bench-raw", "bench-parley"],
    raw: () => rawPut([records], "bench-raw"),
    parley: () => parleyIngest(records, "bench-parley")
  })
}

export async function benchAccountRead(count: number, reads: number) {
  const records = makeInteractions(count)
  await deleteDb("bench-read")
  const db = openDatabase("bench-read")
  await db.open()
  await db.interactions.bulkPut(records)
  const accountKeys = [...new Set(records.map((r) => r.accountKey))]
  for (const key of accountKeys) await db.accounts.put({ key, crm: "salesforce", org: ORG, id: key.split(":")[2]!, name: key, seenAt: 0 })
  const raw = db.backendDB()
  // The baseline reads the same stores and index ranges as Parley, in one raw transaction.
  const indexes: [string, string | null][] = [
    ["accounts", null],
    ["interactions", "[accountKey+at]"],
    ["deals", "[accountKey+createdAt]"],
    ["quotes", "[accountKey+createdAt]"],
    ["cases", "[accountKey+openedAt]"],
    ["contacts", "accountKey"],
    ["quoteLines", "accountKey"],
    ["contracts", "accountKey"]
  ]
  const rawRead = (accountKey: string) =>
    new Promise<number>((resolve) => {
      const t0 = performance.now()
      const tx = raw.transaction(indexes.map(([store]) => store), "readonly")
      for (const [store, index] of indexes) {
        const os = tx.objectStore(store)
        if (!index) os.get(accountKey)
        else if (index === "accountKey") os.index(index).getAll(accountKey)
        else os.index(index).getAll(IDBKeyRange.bound([accountKey, -Infinity], [accountKey, Infinity]))
      }
      tx.oncomplete = () => resolve(performance.now() - t0)
    })
  const pairs: { raw: number; parley: number }[] = []
  for (let i = 0; i < reads; i++) {
    const key = accountKeys[i % accountKeys.length]!
    const rawMs = await rawRead(key)
    const t0 = performance.now()
    await readAccountHistory(db, key)
    pairs.push({ raw: rawMs, parley: performance.now() - t0 })
  }
  db.close()
  return pairs
}

export const schemaTables = Object.keys(SCHEMA_V2)
