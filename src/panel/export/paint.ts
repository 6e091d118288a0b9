/**
 * Paints laid-out briefing pages on one canvas, page under page: the redacted PNG, which cannot
 * be a picture of the panel (the panel shows names and CRM text) and so is drawn from the
 * redacted snapshot's briefing. Standard-font lines are drawn in Arial/Liberation Sans, which
 * share Helvetica's metrics, so the layout's widths hold.
 */
import type { LaidOutPage } from "../../snapshots/pdf/layout"
import { A4 } from "../../snapshots/pdf/layout"
import { cssColor, font } from "./raster"

const SCALE = 1.5
const GAP = 12
const LATIN = 'Helvetica, Arial, "Liberation Sans", sans-serif'

export function paintPages(pages: readonly LaidOutPage[], sources: ReadonlyMap<string, CanvasImageSource>): HTMLCanvasElement {
  const canvas = document.createElement("canvas")
  canvas.width = Math.ceil(A4.width * SCALE)
  canvas.height = Math.ceil((A4.height * pages.length + GAP * (pages.length - 1)) * SCALE)
  const ctx = canvas.getContext("2d")!
  ctx.fillStyle = "#d0d6e0"
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  ctx.scale(SCALE, SCALE)
  pages.forEach((page, i) => {
    const top = i * (A4.height + GAP)
    ctx.fillStyle = "#ffffff"
    ctx.fillRect(0, top, A4.width, A4.height)
    for (const item of page.items) {
      if (item.kind === "rule") {
        ctx.strokeStyle = cssColor(item.color)
        ctx.lineWidth = 0.5
        ctx.beginPath()
        ctx.moveTo(item.x, top + item.y)
        ctx.lineTo(item.x + item.width, top + item.y)
        ctx.stroke()
      } else if (item.kind === "image") {
        const source = sources.get(item.name)
        if (source) ctx.drawImage(source, item.x, top + item.y, item.width, item.height)
      } else {
        ctx.font = font(item.size, item.bold, item.raster ? undefined : LATIN)
        ctx.fillStyle = cssColor(item.color)
        ctx.direction = item.dir
        ctx.textAlign = item.dir === "rtl" ? "right" : "left"
        ctx.fillText(item.text, item.dir === "rtl" ? item.x + item.width : item.x, top + item.y)
      }
    }
  })
  return canvas
}
