/**
 * The only module that loads chart.js code. Tree-shaken: exactly the parts createChartConfig uses
 * are registered (never `chart.js/auto`, which would pull every controller and scale into the
 * lazily loaded History chunk).
 */
import { Chart, Decimation, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from "chart.js"
import type { LineConfig } from "./config"
import type { ChartPoint } from "../../snapshots/series"

let registered = false

export function registerChartParts(): void {
  if (registered) return
  Chart.register(LineController, LineElement, PointElement, LinearScale, Decimation, Legend, Tooltip)
  registered = true
}

/** Draws `config` on `canvas`; the caller destroys the returned chart when it unmounts. */
export function renderChart(canvas: HTMLCanvasElement, config: LineConfig): Chart<"line", ChartPoint[]> {
  registerChartParts()
  return new Chart(canvas, config)
}
