/** Panel rendering benchmarks (chart, team table), run in a real Chromium page. */
import { Chart, registerables } from "chart.js"
import { flushSync } from "react-dom"
import { createRoot } from "react-dom/client"
import { createChartConfig } from "../../src/panel/charts/config"
import { renderChart } from "../../src/panel/charts/render"
import { TeamTable } from "../../src/panel/team/TeamTable"
import { BY_NAME, type TeamRow } from "../../src/panel/team/rows"

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
