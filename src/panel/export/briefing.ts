/**
 * The PDF briefing of a snapshot, built in the panel: charts drawn by chart.js, Persian lines
 * drawn by the canvas, everything else written as PDF text by the pure writer (snapshots/pdf).
 * The same layout, painted on a canvas, is the redacted PNG (paint.ts).
 */
import type { SnapshotDocument } from "../../snapshots/payload"
import { briefingBlocks } from "../../snapshots/pdf/briefing"
import { layout, type LaidOutPage } from "../../snapshots/pdf/layout"
import { renderPdf } from "../../snapshots/pdf/render"
import { formatNumber } from "../../i18n/format"
import { renderSnapshotCharts, type ChartImage } from "./charts"
import { canvasMeasure, rasterizeLine } from "./raster"
import { briefingText, type Words } from "./words"

export interface Briefing {
  pages: LaidOutPage[]
  charts: ChartImage[]
}

export async function layoutBriefing(snapshot: SnapshotDocument, w: Words): Promise<Briefing> {
  const charts = await renderSnapshotCharts(snapshot, w)
  const blocks = briefingBlocks(snapshot, briefingText(w), Object.fromEntries(charts.map((c) => [c.id, { name: c.name, width: c.canvas.width, height: c.canvas.height }])))
  const pages = layout(blocks, {
    dir: w.dir,
    measure: canvasMeasure(),
    footer: (page, count) =>
      w.x("briefingFooter", { version: snapshot.parleyVersion, hash: snapshot.hash.slice(0, 12), page: formatNumber(page, w.language), pages: formatNumber(count, w.language) })
  })
  return { pages, charts }
}

export async function briefingPdf(snapshot: SnapshotDocument, w: Words, briefing?: Briefing): Promise<Uint8Array> {
  const { pages, charts } = briefing ?? (await layoutBriefing(snapshot, w))
  return renderPdf(pages, {
    images: new Map(charts.map((c) => [c.name, c.jpeg])),
    rasterize: rasterizeLine,
    title: `${w.x("briefingTitle")}: ${snapshot.payload.account.name}`,
    createdAt: snapshot.createdAt
  })
}
