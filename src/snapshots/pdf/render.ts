/**
 * Laid-out pages → PDF bytes. Text the standard fonts can show is written as text (selectable,
 * searchable). A line they cannot show — Persian, or any script beyond WinAnsi — is drawn by
 * `rasterize` (the panel renders it with a canvas and the system's fonts, which shape Persian and
 * order mixed-direction text correctly) and placed as an image exactly where the text would be.
 * Decision: per-line images rather than embedding a Persian font, because Parley ships no font
 * file and a TrueType subset + ToUnicode writer is far more code than the exports need; the cost
 * is that Persian lines are not selectable or searchable in the PDF.
 */
import type { LaidOutPage, Rgb } from "./layout"
import { A4 } from "./layout"
import { pdfLiteral } from "./winansi"
import { FONT_BOLD, FONT_REGULAR, writePdf, type PdfImage, type PdfPageSpec } from "./writer"

export interface RasterLine {
  text: string
  size: number
  bold: boolean
  color: Rgb
  dir: "ltr" | "rtl"
  /** Box in points: the text starts at its left edge (ltr) or ends at its right edge (rtl). */
  width: number
  height: number
  /** Baseline from the box's top, in points. */
  baseline: number
}
export type Rasterize = (line: RasterLine) => Promise<PdfImage>

/** The raster box around a line, in ems of the font size (room for Persian ascenders and dots). */
export const RASTER_ASCENT = 1.15
export const RASTER_HEIGHT = 1.6
const RASTER_PAD = 0.3

export interface RenderOptions {
  images: ReadonlyMap<string, PdfImage>
  rasterize?: Rasterize
  title: string
  createdAt: number
  pageWidth?: number
  pageHeight?: number
}

const f = (n: number) => n.toFixed(2)
const rgb = (c: Rgb) => c.map((v) => v.toFixed(3)).join(" ")

export async function renderPdf(pages: readonly LaidOutPage[], options: RenderOptions): Promise<Uint8Array> {
  const width = options.pageWidth ?? A4.width
  const height = options.pageHeight ?? A4.height
  const images = new Map(options.images)
  const rasters = new Map<string, string>()
  let serial = 0

  const rasterName = async (line: RasterLine): Promise<string> => {
    const id = JSON.stringify([line.text, line.size, line.bold, line.color, line.dir, Math.round(line.width)])
    let name = rasters.get(id)
    if (!name) {
      if (!options.rasterize) throw new Error(`PDF: no rasteriser for text the standard fonts cannot show (${line.text.slice(0, 20)}…)`)
      name = `T${serial++}`
      images.set(name, await options.rasterize(line))
      rasters.set(id, name)
    }
    return name
  }

  const specs: PdfPageSpec[] = []
  for (const page of pages) {
    const ops: string[] = []
    const used: string[] = []
    for (const item of page.items) {
      if (item.kind === "rule") {
        ops.push(`${rgb(item.color)} RG 0.5 w ${f(item.x)} ${f(height - item.y)} m ${f(item.x + item.width)} ${f(height - item.y)} l S`)
      } else if (item.kind === "image") {
        if (!images.has(item.name)) throw new Error(`PDF: missing image ${item.name}`)
        used.push(item.name)
        ops.push(`q ${f(item.width)} 0 0 ${f(item.height)} ${f(item.x)} ${f(height - item.y - item.height)} cm /${item.name} Do Q`)
      } else if (!item.raster) {
        ops.push(`BT /${item.bold ? FONT_BOLD : FONT_REGULAR} ${f(item.size)} Tf ${rgb(item.color)} rg ${f(item.x)} ${f(height - item.y)} Td (${pdfLiteral(item.text)}) Tj ET`)
      } else {
        const pad = item.size * RASTER_PAD
        const box = { width: item.width + pad, height: item.size * RASTER_HEIGHT, baseline: item.size * RASTER_ASCENT }
        const name = await rasterName({ text: item.text, size: item.size, bold: item.bold, color: item.color, dir: item.dir, ...box })
        used.push(name)
        const left = item.dir === "rtl" ? item.x - pad : item.x
        const top = item.y - box.baseline
        ops.push(`q ${f(box.width)} 0 0 ${f(box.height)} ${f(left)} ${f(height - top - box.height)} cm /${name} Do Q`)
      }
    }
    specs.push({ width, height, content: ops.join("\n"), images: used })
  }
  return writePdf({ pages: specs, images, title: options.title, createdAt: options.createdAt })
}
