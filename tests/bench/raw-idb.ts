/**
 * The raw IndexedDB baseline the storage and sync benchmarks measure Parley against, in the same
 * page and run: a plain object store with the same key path and indexes as Parley's
 * `interactions` table, written with `put` and nothing else.
 */

export const deleteDb = (name: string) =>
  new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase(name)
    req.onsuccess = req.onerror = req.onblocked = () => resolve()
  })

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

/** Milliseconds to put every row, one readwrite transaction per batch (only the puts are timed). */
export async function rawPut(batches: readonly (readonly unknown[])[], name: string): Promise<number> {
  const db = await openRaw(name)
  const t0 = performance.now()
  for (const rows of batches) {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction("interactions", "readwrite")
      const store = tx.objectStore("interactions")
      for (const r of rows) store.put(r)
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(tx.error)
    })
  }
  const ms = performance.now() - t0
  db.close()
  return ms
}

/**
 * Times Parley's path and the raw baseline `trials` times on fresh databases, alternating which
 * goes first so neither always inherits the other's background compaction (a pause between runs
 * lets LevelDB settle).
 */
export async function alternatingPairs(options: {
  trials: number
  settleMs: number
  databases: string[]
  raw(): Promise<number>
  parley(): Promise<number>
}): Promise<{ raw: number; parley: number }[]> {
  const settle = () => new Promise((r) => setTimeout(r, options.settleMs))
  const pairs: { raw: number; parley: number }[] = []
  for (let t = 0; t < options.trials; t++) {
    for (const name of options.databases) await deleteDb(name)
    await settle()
    let raw: number
    let parley: number
    if (t % 2 === 0) {
      raw = await options.raw()
      await settle()
      parley = await options.parley()
    } else {
      parley = await options.parley()
      await settle()
      raw = await options.raw()
    }
    pairs.push({ raw, parley })
  }
  return pairs
}
