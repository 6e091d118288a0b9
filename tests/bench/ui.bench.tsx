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
 * The team roll-up (issue 15) of 5,000 accounts vs 50. As the Team tab's table does, the panel
 * builds the rows in its live query's callback (buildRollup, 5,500 cached files with the accounts
 * that have two snapshots) and renders them on a later task: the ratio is the render of the whole
 * "Shared in CRM" view (nudges, filters, windowed table) to the next frame, 5,000 ÷ 50; the build
 * is its own task, timed and reported beside it. A long task (≥ 50 ms) counts when it starts
 * inside either measured task, build or render, of either size.
 */
export async function benchTeamRollup(large: number, small: number, pairs: number) {
  const i18n = makeI18n("en")
  const longTasks: { start: number; duration: number }[] = []
  const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => ({ start: e.startTime, duration: e.duration }))))
  observer.observe({ type: "longtask" })
  const windows: [number, number, string][] = []
  const time = async (files: TeamFileRow[]) => {
    const host = document.createElement("div")
    document.body.append(host)
    const root = createRoot(host)
    const t0 = performance.now()
    const rows = buildRollup(files, { now: NOW, staleDays: 30 })
    const build = performance.now() - t0
    windows.push([t0, t0 + build, `build ${files.length}`])
    await new Promise((resolve) => setTimeout(resolve, 0))
    const t1 = performance.now()
    flushSync(() => root.render(<RollupView rows={rows} skipped={[]} states={[]} i18n={i18n} staleDays={30} viewportHeight={420} />))
    const render = performance.now() - t1
    await nextFrame()
    const ms = performance.now() - t1
    windows.push([t1, t1 + ms, `render ${files.length}`])
    const rendered = host.querySelectorAll('[data-testid="team-rollup-row"]').length
    root.unmount()
    host.remove()
    if (rendered === 0 || rows.length !== new Set(files.map((f) => f.digest?.recordKey)).size) throw new Error(`rendered ${rendered} rows of ${rows.length}`)
    return { ms, build, render }
  }
  const smallFiles = manyFiles(small)
  const largeFiles = manyFiles(large)
  await time(smallFiles) // warm up React
  windows.length = 0
  const out: { raw: number; parley: number; longest: number; build: number; render: number }[] = []
  for (let i = 0; i < pairs; i++) {
    const raw = await time(smallFiles)
    const parley = await time(largeFiles)
    out.push({ raw: raw.ms, parley: parley.ms, longest: 0, build: parley.build, render: parley.render })
  }
  await new Promise((resolve) => setTimeout(resolve, 200)) // let the observer deliver the last entries
  observer.disconnect()
  // Only tasks that started inside a measured task: generating the test data is not Parley's.
  const inside = longTasks.flatMap((task) => windows.filter(([from, to]) => task.start >= from - 1 && task.start <= to).map(([, , what]) => ({ ...task, what })))
  const worst = inside.sort((a, b) => b.duration - a.duration)[0]
  return out.map((trial) => ({ ...trial, longest: worst?.duration ?? 0, longestIn: worst?.what ?? "" }))
}
