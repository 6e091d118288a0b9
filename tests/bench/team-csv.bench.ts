/**
 * The team CSV at scale, in a real Chromium page over real IndexedDB: the panel's own page reader
 * (readTeamPage) and CSV builder (buildTeamCsv, Persian words) over 5,000 accounts, against the
 * same export of 50 accounts in the same page. A PerformanceObserver collects every long task
 * (≥ 50 ms) while each export runs: the export must keep the panel responsive at any size.
 */
import { db } from "../../src/model/db"
import { sampleProfile } from "../support/panel-fixtures/profile"
import { readTeamPage } from "../../src/panel/export/data"
import { teamCsvText, words } from "../../src/panel/export/words"
import { buildTeamCsv } from "../../src/snapshots/team-csv"

async function seed(count: number): Promise<void> {
  const profile = sampleProfile()
  await db().transaction("rw", db().accounts, db().profiles, async () => {
    await db().accounts.clear()
    await db().profiles.clear()
    const ids = Array.from({ length: count }, (_, i) => `001Z${String(i).padStart(14, "0")}`)
    await db().accounts.bulkPut(ids.map((id, i) => ({ key: `salesforce:loadtest:${id}`, crm: "salesforce", org: "loadtest", id, name: `Load test account ${i}`, seenAt: 1 })))
    await db().profiles.bulkPut(ids.map((id) => ({ accountKey: `salesforce:loadtest:${id}`, org: "loadtest", computedAt: 1, profile })))
  })
  // Seeding clones ~85 MB of profiles: let its garbage collection finish outside the measured export.
  await new Promise((resolve) => setTimeout(resolve, 1_500))
}

async function exportOnce(): Promise<{ ms: number; rows: number; longTasks: number[] }> {
  const longTasks: number[] = []
  const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration)))
  observer.observe({ type: "longtask" })
  const t0 = performance.now()
  const { rows } = await buildTeamCsv(readTeamPage, { redact: true, text: teamCsvText(words("fa")) })
  const ms = performance.now() - t0
  await new Promise((resolve) => setTimeout(resolve, 100)) // let the observer deliver the last entries
  observer.disconnect()
  return { ms, rows, longTasks }
}

/** Per-row export time at `large` and `small` accounts, and the longest task seen at each size. */
export async function benchTeamCsv(large: number, small: number, trials: number) {
  const out: { raw: number; parley: number; longest: number; rows: number }[] = []
  for (let i = 0; i < trials; i++) {
    await seed(small)
    const s = await exportOnce()
    await seed(large)
    const l = await exportOnce()
    if (s.rows !== small || l.rows !== large) throw new Error(`exported ${s.rows}/${l.rows} rows of ${small}/${large}`)
    out.push({ raw: s.ms / small, parley: l.ms / large, longest: Math.max(0, ...s.longTasks, ...l.longTasks), rows: l.rows })
  }
  return out
}
