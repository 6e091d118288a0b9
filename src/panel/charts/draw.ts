/**
 * The lazily loaded drawing chunk: chart.js, its registration and the config builder. ChartFigure
 * imports it dynamically, so chart.js is fetched only when a chart is first shown.
 */
import { createChartConfig, type ChartInput, type ChartKind } from "./config"
import { renderChart } from "./render"

export function drawChart(canvas: HTMLCanvasElement, kind: ChartKind, input: ChartInput): { destroy(): void } {
  return renderChart(canvas, createChartConfig(kind, input))
}
