/**
 * The Salesforce sync path's own cost per API page, run inside a real Chromium page (bundled by
 * scripts/bench.ts): mapping 2,000 Task rows as the REST API returns them, comparing them with the
 * stored rows and writing them with the cursor (`writeMapped`, the code the sync runs), against a
 * raw IndexedDB put of the same canonical rows into a store with the same indexes, same page.
 */
import { DEMO_ACCOUNTS, sfIds } from "../../demo/org"
import { generateActivities } from "../../demo/salesforce/records"
import { mapRecords } from "../../src/crm/salesforce/map"
import { FIELDS } from "../../src/crm/salesforce/soql"
import { writeMapped } from "../../src/crm/salesforce/sync"
import { openDatabase } from "../../src/model/db"
import type { SyncCursor } from "../../src/model/schema"
import { alternatingPairs, rawPut } from "./raw-idb"

const PAGE = 2_000
const account = DEMO_ACCOUNTS[0]!
const ctx = { org: "bench", accountId: sfIds.account(account), now: Date.UTC(2026, 10, 20) }

/** API pages as the sync receives them: the selected Task fields, parsed from JSON. */
function apiPages(pages: number): unknown[][] {
  const rows = generateActivities({ account, count: pages * PAGE }).map((r) => {
    const out: Record<string, unknown> = { attributes: r.attributes }
    for (const field of FIELDS.Task) out[field] = field === "IsDeleted" ? false : (r[field] ?? null)
    return out
  })
  return Array.from({ length: pages }, (_, i) => JSON.parse(JSON.stringify(rows.slice(i * PAGE, (i + 1) * PAGE))) as unknown[])
}

/** The baseline writes what the sync writes, mapped beforehand: only the put is timed. */
const rawPages = (pages: unknown[][], name: string) => rawPut(pages.map((page) => mapRecords(page, ctx).batch().interactions ?? []), name)

async function syncPages(pages: unknown[][], name: string): Promise<number> {
  const db = openDatabase(name)
  await db.open()
  const t0 = performance.now()
  for (const [i, page] of pages.entries()) {
    const cursor: SyncCursor = { key: `salesforce:bench:Task:${ctx.accountId}`, crm: "salesforce", org: "bench", object: "Task", scope: ctx.accountId, watermark: i, nextPage: `/services/data/v62.0/query/01g-${i}`, updatedAt: 0 }
    const result = await writeMapped(db, mapRecords(page, ctx), [cursor])
    if (result.written !== page.length) throw new Error(`page ${i}: wrote ${result.written} of ${page.length}`)
  }
  const ms = performance.now() - t0
  db.close()
  return ms
}

/** Milliseconds per 2,000-row page, sync path and raw put, alternating which goes first. */
export async function benchSyncIngest(pageCount: number, trials: number) {
  const pages = apiPages(pageCount)
  const pairs = await alternatingPairs({
    trials,
    settleMs: 1_000,
    databases: ["bench-sync-raw", "bench-sync-parley"],
    raw: () => rawPages(pages, "bench-sync-raw"),
    parley: () => syncPages(pages, "bench-sync-parley")
  })
  return pairs.map((p) => ({ raw: p.raw / pageCount, parley: p.parley / pageCount }))
}
