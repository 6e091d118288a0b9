/**
 * Canvas work for the PDF: measuring and drawing the lines the standard PDF fonts cannot show
 * (Persian and other scripts) with the system's fonts, which shape them and order mixed-direction
 * text. A line becomes a FlateDecode RGB image (lossless, crisp text) at 3× (about 216 dpi).
 */
import type { Rgb } from "../../snapshots/pdf/layout"
import type { Rasterize } from "../../snapshots/pdf/render"
import type { PdfImage } from "../../snapshots/pdf/writer"

/** The panel's own font stack (panel.css), so Persian in the PDF looks like Persian in the panel. */
export const FONT_STACK = 'system-ui, "Segoe UI", "Vazirmatn", Tahoma, "DejaVu Sans", sans-serif'
const SCALE = 3

export const font = (px: number, bold: boolean, family = FONT_STACK) => `${bold ? "bold " : ""}${px}px ${family}`

function context(width: number, height: number): CanvasRenderingContext2D {
  const canvas = document.createElement("canvas")
  canvas.width = width
  canvas.height = height
  const ctx = canvas.getContext("2d")
  if (!ctx) throw new Error("no 2D canvas")
  return ctx
}

/** Width in points of text drawn with the panel's fonts at `size` (1 px = 1 pt here). */
export function canvasMeasure(): (text: string, size: number, bold: boolean) => number {
  const ctx = context(1, 1)
  return (text, size, bold) => {
    ctx.font = font(size, bold)
    return ctx.measureText(text).width
  }
}

export const cssColor = (c: Rgb) => `rgb(${c.map((v) => Math.round(v * 255)).join(",")})`

export async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  // "deflate" is zlib (RFC 1950), exactly what a PDF FlateDecode filter reads.
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate"))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

/** The canvas' pixels as a PDF image (alpha dropped: the canvas is painted white first). */
export async function flateImage(ctx: CanvasRenderingContext2D): Promise<PdfImage> {
  const { width, height } = ctx.canvas
  const rgba = ctx.getImageData(0, 0, width, height).data
  const rgb = new Uint8Array(width * height * 3)
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    rgb[j] = rgba[i]!
    rgb[j + 1] = rgba[i + 1]!
    rgb[j + 2] = rgba[i + 2]!
  }
  return { width, height, filter: "FlateDecode", bytes: await deflate(rgb) }
}

export const rasterizeLine: Rasterize = async (line) => {
  const ctx = context(Math.max(1, Math.ceil(line.width * SCALE)), Math.max(1, Math.ceil(line.height * SCALE)))
  ctx.fillStyle = "#ffffff"
  ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height)
  ctx.font = font(line.size * SCALE, line.bold)
  ctx.fillStyle = cssColor(line.color)
  ctx.direction = line.dir
  ctx.textAlign = line.dir === "rtl" ? "right" : "left"
  ctx.textBaseline = "alphabetic"
  ctx.fillText(line.text, line.dir === "rtl" ? ctx.canvas.width : 0, line.baseline * SCALE)
  return flateImage(ctx)
}
