/**
 * Storage benchmarks, run inside a real Chromium page (bundled by scripts/bench.ts). Each
 * function measures Parley's path and its raw-IndexedDB baseline in the same page, alternating.
 */
import { openDatabase, SCHEMA_V2 } from "../../src/model/db"
import { readAccountHistory, writeBatch } from "../../src/model/store"
import type { Interaction } from "../../src/model/schema"

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

/** Raw IndexedDB with the same object store and indexes as Parley's `interactions` table. */
async function openRaw(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1)
    req.onupgradeneeded = () => {
      const store = req.result.createObjectStore("interactions", { keyPath: "key" })
      store.createIndex("[accountKey+at]", ["accountKey", "at"])
      store.createIndex("[org+seenAt]", ["org", "seenAt"])
    }
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error)
  })
}

const deleteDb = (name: string) =>
  new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase(name)
    req.onsuccess = req.onerror = req.onblocked = () => resolve()
  })

async function rawPutAll(records: Interaction[], name: string): Promise<number> {
  const db = await openRaw(name)
  const t0 = performance.now()
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction("interactions", "readwrite")
    const store = tx.objectStore("interactions")
    for (const r of records) store.put(r)
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error)
  })
  const ms = performance.now() - t0
  db.close()
  return ms
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
  const pairs: { raw: number; parley: number }[] = []
  const settle = () => new Promise((r) => setTimeout(r, 2_000)) // let LevelDB compact the last run's writes
  for (let t = 0; t < trials; t++) {
    await deleteDb("bench-raw")
    await deleteDb("bench-parley")
    await settle()
    // Alternate which goes first, so neither always inherits the other's background compaction.
    let raw: number
    let parley: number
    if (t % 2 === 0) {
      raw = await rawPutAll(records, "bench-raw")
      await settle()
      parley = await parleyIngest(records, "bench-parley")
    } else {
      parley = await parleyIngest(records, "bench-parley")
      await settle()
      raw = await rawPutAll(records, "bench-raw")
    }
    pairs.push({ raw, parley })
  }
  return pairs
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
