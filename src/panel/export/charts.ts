/**
 * The snapshot's charts as images for the PDF (and the redacted PNG): drawn by chart.js with the
 * panel's own chart configuration (createChartConfig), in the light palette whatever the panel's
 * theme (a briefing is printed on white), on a canvas outside the view, then flattened onto white
 * and encoded as JPEG for a DCTDecode image. chart.js comes from its lazily loaded chunk.
 */
import { createChartConfig, DEFAULT_PALETTE, type ChartInput } from "../charts/config"
import type { SnapshotDocument } from "../../snapshots/payload"
import type { ChartImageId } from "../../snapshots/pdf/briefing"
import type { PdfImage } from "../../snapshots/pdf/writer"
import { makeI18n } from "../i18n"
import { blobBytes, canvasBlob } from "./download"
import type { Words } from "./words"

export interface ChartImage {
  id: ChartImageId
  name: string
  /** The chart on white, for drawing on another canvas. */
  canvas: HTMLCanvasElement
  jpeg: PdfImage
}

const WIDTH = 640
const HEIGHT = 300
const PIXEL_RATIO = 2

function inputs(snapshot: SnapshotDocument, w: Words): [ChartImageId, ChartInput][] {
  const t = makeI18n(w.language).t
  const c = snapshot.payload.charts
  const all: [ChartImageId, ChartInput][] = [
    ["interactions", { series: [{ label: t("seriesInbound"), points: c.interactions.inbound }, { label: t("seriesOutbound"), points: c.interactions.outbound }], xTitle: t("axisMonth"), yTitle: t("axisInteractions") }],
    ["discounts", { series: [{ label: t("seriesFinalDiscount"), points: c.discounts.final }, { label: t("seriesDeepestDiscount"), points: c.discounts.deepest }], xTitle: t("axisDate"), yTitle: t("axisDiscount") }],
    ["revisions", { series: [{ label: t("seriesNetPrice"), points: c.revisions.points }], xTitle: t("axisRevision"), yTitle: t("axisNetPrice"), ...(c.revisions.currency ? { currency: c.revisions.currency } : {}) }],
    ["cases", { series: [{ label: t("seriesDaysToClose"), points: c.cases.daysToClose }], xTitle: t("axisOpened"), yTitle: t("axisDaysToClose") }]
  ]
  // One point draws no line (and a one-value axis); the briefing's tables carry that number.
  return all.filter(([, input]) => input.series.some((s) => s.points.length > 1))
}

export async function renderSnapshotCharts(snapshot: SnapshotDocument, w: Words): Promise<ChartImage[]> {
  const specs = inputs(snapshot, w)
  if (specs.length === 0) return []
  const { renderChart } = await import("../charts/render")
  // chart.js measures its canvas' container: give it one, out of sight.
  const host = document.createElement("div")
  host.setAttribute("aria-hidden", "true")
  host.style.cssText = `position:fixed;left:-100000px;top:0;width:${WIDTH}px;height:${HEIGHT}px;pointer-events:none`
  document.body.append(host)
  const out: ChartImage[] = []
  try {
    for (const [kind, input] of specs) {
      const canvas = document.createElement("canvas")
      canvas.width = WIDTH
      canvas.height = HEIGHT
      host.replaceChildren(canvas)
      const config = createChartConfig(kind, { ...input, locale: w.locale, palette: DEFAULT_PALETTE })
      config.options = { ...config.options, responsive: false, devicePixelRatio: PIXEL_RATIO }
      const chart = renderChart(canvas, config)
      const flat = document.createElement("canvas")
      flat.width = canvas.width
      flat.height = canvas.height
      const ctx = flat.getContext("2d")!
      ctx.fillStyle = "#ffffff"
      ctx.fillRect(0, 0, flat.width, flat.height)
      ctx.drawImage(canvas, 0, 0)
      chart.destroy()
      const jpeg = await blobBytes(await canvasBlob(flat, "image/jpeg", 0.9))
      out.push({ id: kind, name: `Chart${out.length}`, canvas: flat, jpeg: { width: flat.width, height: flat.height, filter: "DCTDecode", bytes: jpeg } })
    }
  } finally {
    host.remove()
  }
  return out
}
