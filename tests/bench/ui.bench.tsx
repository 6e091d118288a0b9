/** Panel rendering benchmarks (chart, team table, team roll-up), run in a real Chromium page. */
import { Chart, registerables } from "chart.js"
import { flushSync } from "react-dom"
import { createRoot } from "react-dom/client"
import { createChartConfig } from "../../src/panel/charts/config"
import { renderChart } from "../../src/panel/charts/render"
import { TeamTable } from "../../src/panel/team/TeamTable"
import { BY_NAME, type TeamRow } from "../../src/panel/team/rows"
import { RollupView } from "../../src/panel/team/RollupView"
import { makeI18n } from "../../src/panel/i18n"
import { buildRollup } from "../../src/team/rollup"
import type { TeamFileRow } from "../../src/team/types"
import { manyFiles, NOW } from "../support/rollup-fixtures"

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))

function canvas(): HTMLCanvasElement {
  const c = document.createElement("canvas")
  c.width = 380
  c.height = 220
  c.style.width = "380px"
  c.style.height = "220px"
  document.body.append(c)
  return c
}

function points(n: number) {
  const start = Date.UTC(2020, 0, 1)
  return Array.from({ length: n }, (_, i) => ({ x: start + i * 3_600_000, y: Math.round(50 + 40 * Math.sin(i / 40) + (i % 7)) }))
}

/** Parley's chart config vs chart.js defaults (everything registered, animation on), same data. */
export async function benchChart(n: number, pairs: number) {
  const data = points(n)
  const out: { raw: number; parley: number }[] = []
  for (let i = 0; i < pairs; i++) {
    let c = canvas()
    let t0 = performance.now()
    Chart.register(...registerables)
    const baseline = new Chart(c, { type: "line", data: { datasets: [{ label: "Interactions", data: data.map((p) => ({ ...p })) }] }, options: { scales: { x: { type: "linear" } } } })
    await nextFrame()
    const raw = performance.now() - t0
    baseline.destroy()
    c.remove()
    c = canvas()
    t0 = performance.now()
    const chart = renderChart(c, createChartConfig("interactions", { series: [{ label: "Interactions", points: data.map((p) => ({ ...p })) }], xTitle: "Month", yTitle: "Interactions" }))
    await nextFrame()
    out.push({ raw, parley: performance.now() - t0 })
    chart.destroy()
    c.remove()
  }
  return out
}

function rows(n: number): TeamRow[] {
  const labels = ["supplier", "customer", "balanced-interdependent", "balanced-independent", "unknown"]
  return Array.from({ length: n }, (_, i) => ({
    accountKey: `salesforce:bench:001${String(i).padStart(12, "0")}`,
    name: `Account ${String(i).padStart(5, "0")}`,
    org: "bench",
    dominance: labels[i % 5]!,
    valueOrigin: "co-created",
    initiator: i % 2 ? "customer" : "supplier",
    criterion: "price",
    risk: "healthy",
    tier: "medium",
    lastActivity: Date.UTC(2026, 0, 1) - i * 86_400_000
  }))
}

/** The team table with 5,000 rows vs 50 rows: render to the next frame. */
export async function benchTeamTable(large: number, small: number, pairs: number) {
  const out: { raw: number; parley: number }[] = []
  const time = async (data: TeamRow[]) => {
    const host = document.createElement("div")
    document.body.append(host)
    const root = createRoot(host)
    const t0 = performance.now()
    // The Team tab reads accounts by name, so rows arrive sorted (as generated here).
    flushSync(() => root.render(<TeamTable rows={data} viewportHeight={420} rowsSortedBy={BY_NAME} />))
    await nextFrame()
    const ms = performance.now() - t0
    root.unmount()
    host.remove()
    return ms
  }
  const smallRows = rows(small)
  const largeRows = rows(large)
  await time(smallRows) // warm up React
  for (let i = 0; i < pairs; i++) out.push({ raw: await time(smallRows), parley: await time(largeRows) })
  return out
}

/**
 * The team roll-up (issue 15) of 5,000 accounts vs 50: from the cached files (5,500 with the
 * accounts that have two snapshots) through buildRollup and the whole "Shared in CRM" view
 * (nudges, filters, windowed table) to the next frame. The panel builds the roll-up in its live
 * query's callback and renders on a later task, so the two are separate tasks here too. Every
 * long task (≥ 50 ms) seen while either size renders is reported, and how the time splits.
 */
export async function benchTeamRollup(large: number, small: number, pairs: number) {
  const i18n = makeI18n("en")
  const longTasks: number[] = []
  const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration)))
  observer.observe({ type: "longtask" })
  const time = async (files: TeamFileRow[]) => {
    const host = document.createElement("div")
    document.body.append(host)
    const root = createRoot(host)
    const t0 = performance.now()
    const rows = buildRollup(files, { now: NOW, staleDays: 30 })
    const build = performance.now() - t0
    await new Promise((resolve) => setTimeout(resolve, 0))
    const t1 = performance.now()
    flushSync(() => root.render(<RollupView rows={rows} skipped={[]} states={[]} i18n={i18n} staleDays={30} viewportHeight={420} />))
    const render = performance.now() - t1
    await nextFrame()
    const ms = performance.now() - t0
    const rendered = host.querySelectorAll('[data-testid="team-rollup-row"]').length
    root.unmount()
    host.remove()
    if (rendered === 0 || rows.length !== new Set(files.map((f) => f.digest?.recordKey)).size) throw new Error(`rendered ${rendered} rows of ${rows.length}`)
    return { ms, build, render }
  }
  const smallFiles = manyFiles(small)
  const largeFiles = manyFiles(large)
  await time(smallFiles) // warm up React
  const out: { raw: number; parley: number; longest: number; build: number; render: number }[] = []
  for (let i = 0; i < pairs; i++) {
    longTasks.length = 0
    const raw = await time(smallFiles)
    const parley = await time(largeFiles)
    await new Promise((resolve) => setTimeout(resolve, 100)) // let the observer deliver the last entries
    out.push({ raw: raw.ms, parley: parley.ms, longest: Math.max(0, ...longTasks), build: parley.build, render: parley.render })
  }
  observer.disconnect()
  return out
}
