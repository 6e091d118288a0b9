/**
 * Lays a briefing out on A4 pages: titles, headings, wrapped paragraphs, tables (header row
 * repeated after a page break), images scaled to the text width, and a footer on every page.
 * Pure and synchronous; widths come from the standard font's metrics for text it can show, and
 * from `measure` for text it cannot (Persian), which render.ts turns into images of the line.
 * Right-to-left documents align text to the right edge and order table columns from the right.
 */
import { canEncode, textWidth } from "./winansi"

export type Rgb = readonly [number, number, number]

export type Block =
  | { kind: "title"; text: string }
  | { kind: "heading"; text: string }
  | { kind: "text"; text: string; size?: number; bold?: boolean; muted?: boolean }
  | { kind: "table"; columns: readonly { title: string; weight: number }[]; rows: readonly (readonly string[])[]; size?: number }
  /** An image of `width`×`height` pixels, drawn at most `maxWidth` points wide (default: the text
   * width), with an optional bold caption above it that is never separated from it by a page break. */
  | { kind: "image"; name: string; width: number; height: number; maxWidth?: number; caption?: string }
  | { kind: "gap"; height: number }

export interface TextItem {
  kind: "text"
  /** Left edge of the line and its baseline, in points from the page's top-left corner. */
  x: number
  y: number
  text: string
  size: number
  bold: boolean
  color: Rgb
  width: number
  /** The standard fonts cannot show it: render.ts draws it as an image of the line. */
  raster: boolean
  dir: "ltr" | "rtl"
}
export interface ImageItem {
  kind: "image"
  name: string
  /** Top-left corner, from the page's top-left. */
  x: number
  y: number
  width: number
  height: number
}
export interface RuleItem {
  kind: "rule"
  x: number
  y: number
  width: number
  color: Rgb
}
export type Item = TextItem | ImageItem | RuleItem
export interface LaidOutPage {
  items: Item[]
}

export interface LayoutOptions {
  dir: "ltr" | "rtl"
  /** Width of text the standard fonts cannot show (canvas measureText in the panel). */
  measure?: (text: string, size: number, bold: boolean) => number
  footer?: (page: number, pages: number) => string
  pageWidth?: number
  pageHeight?: number
  margin?: number
}

export const A4 = { width: 595.28, height: 841.89 } as const
export const LINE_HEIGHT = 1.45
const TEXT: Rgb = [0.09, 0.09, 0.09]
const MUTED: Rgb = [0.36, 0.38, 0.42]
const LINE: Rgb = [0.8, 0.83, 0.87]
const SIZES = { title: 18, heading: 12.5, text: 9.5, table: 8.5, footer: 7.5 } as const
const CELL_PAD = 4

/** A rough width for unshowable text when no measurer is given (tests): half an em per character. */
const roughMeasure = (text: string, size: number) => [...text].length * size * 0.5

export function layout(blocks: readonly Block[], options: LayoutOptions): LaidOutPage[] {
  const pageWidth = options.pageWidth ?? A4.width
  const pageHeight = options.pageHeight ?? A4.height
  const margin = options.margin ?? 44
  const rtl = options.dir === "rtl"
  const contentWidth = pageWidth - 2 * margin
  const bottom = pageHeight - margin - SIZES.footer * 3
  const measureRaw = options.measure ?? roughMeasure
  const measure = (text: string, size: number, bold: boolean) => (canEncode(text) ? textWidth(text, size, bold) : measureRaw(text, size, bold))

  const pages: LaidOutPage[] = [{ items: [] }]
  let y = margin
  const page = () => pages[pages.length - 1]!
  const newPage = () => {
    pages.push({ items: [] })
    y = margin
  }
  const ensure = (height: number) => {
    if (y + height > bottom && y > margin) newPage()
  }

  /** Lines of `text` no wider than `width` (words kept whole unless one alone is too wide). */
  const wrap = (text: string, size: number, bold: boolean, width: number): string[] => {
    const lines: string[] = []
    for (const paragraph of text.split(/\r?\n/)) {
      let line = ""
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        const candidate = line ? `${line} ${word}` : word
        if (measure(candidate, size, bold) <= width) {
          line = candidate
          continue
        }
        if (line) lines.push(line)
        line = word
        while (measure(line, size, bold) > width && [...line].length > 1) {
          const chars = [...line]
          let cut = chars.length - 1
          while (cut > 1 && measure(chars.slice(0, cut).join(""), size, bold) > width) cut--
          lines.push(chars.slice(0, cut).join(""))
          line = chars.slice(cut).join("")
        }
      }
      lines.push(line)
    }
    return lines
  }

  /** One line at `y` (its top), aligned to the start edge of the box [left, left + width]. */
  const line = (text: string, size: number, bold: boolean, color: Rgb, left: number, width: number) => {
    if (!text) return
    const w = measure(text, size, bold)
    const x = rtl ? left + width - w : left
    page().items.push({ kind: "text", x, y: y + size, text, size, bold, color, width: w, raster: !canEncode(text), dir: rtl ? "rtl" : "ltr" })
  }

  const paragraph = (text: string, size: number, bold: boolean, color: Rgb, gapAfter: number) => {
    for (const l of wrap(text, size, bold, contentWidth)) {
      ensure(size * LINE_HEIGHT)
      line(l, size, bold, color, margin, contentWidth)
      y += size * LINE_HEIGHT
    }
    y += gapAfter
  }

  const table = (block: Extract<Block, { kind: "table" }>) => {
    const size = block.size ?? SIZES.table
    const total = block.columns.reduce((s, c) => s + c.weight, 0) || 1
    const widths = block.columns.map((c) => (c.weight / total) * contentWidth)
    // Column i starts at `lefts[i]`; right to left, the first column is the rightmost.
    const lefts: number[] = []
    let acc = 0
    for (const w of widths) {
      lefts.push(rtl ? margin + contentWidth - acc - w : margin + acc)
      acc += w
    }
    const rowLines = (cells: readonly string[], bold: boolean) => cells.map((cell, i) => wrap(cell ?? "", size, bold, widths[i]! - 2 * CELL_PAD))
    const drawRow = (lines: string[][], bold: boolean, color: Rgb) => {
      const height = Math.max(1, ...lines.map((l) => l.length)) * size * LINE_HEIGHT + CELL_PAD
      const top = y
      lines.forEach((cellLines, i) => {
        y = top + CELL_PAD / 2
        for (const l of cellLines) {
          line(l, size, bold, color, lefts[i]! + CELL_PAD, widths[i]! - 2 * CELL_PAD)
          y += size * LINE_HEIGHT
        }
      })
      y = top + height
      page().items.push({ kind: "rule", x: margin, y, width: contentWidth, color: LINE })
    }
    const header = rowLines(block.columns.map((c) => c.title), true)
    const headerHeight = Math.max(1, ...header.map((l) => l.length)) * size * LINE_HEIGHT + CELL_PAD
    ensure(headerHeight + size * LINE_HEIGHT * 2)
    drawRow(header, true, MUTED)
    for (const row of block.rows) {
      const lines = rowLines(row, false)
      const height = Math.max(1, ...lines.map((l) => l.length)) * size * LINE_HEIGHT + CELL_PAD
      if (y + height > bottom) {
        newPage()
        drawRow(header, true, MUTED)
      }
      drawRow(lines, false, TEXT)
    }
    y += 8
  }

  for (const block of blocks) {
    switch (block.kind) {
      case "title":
        paragraph(block.text, SIZES.title, true, TEXT, 4)
        break
      case "heading":
        ensure(SIZES.heading * LINE_HEIGHT * 3)
        y += 6
        paragraph(block.text, SIZES.heading, true, TEXT, 2)
        break
      case "text":
        paragraph(block.text, block.size ?? SIZES.text, block.bold ?? false, block.muted ? MUTED : TEXT, 3)
        break
      case "table":
        table(block)
        break
      case "image": {
        const maxWidth = Math.min(block.maxWidth ?? contentWidth, contentWidth)
        const width = Math.min(maxWidth, block.width)
        const height = (block.height / block.width) * width
        const captionLines = block.caption ? wrap(block.caption, SIZES.text, true, contentWidth) : []
        ensure(captionLines.length * SIZES.text * LINE_HEIGHT + height + 4)
        for (const l of captionLines) {
          line(l, SIZES.text, true, TEXT, margin, contentWidth)
          y += SIZES.text * LINE_HEIGHT
        }
        page().items.push({ kind: "image", name: block.name, x: rtl ? margin + contentWidth - width : margin, y, width, height })
        y += height + 6
        break
      }
      case "gap":
        y += block.height
        break
    }
  }

  if (options.footer) {
    pages.forEach((p, i) => {
      const text = options.footer!(i + 1, pages.length)
      const w = measure(text, SIZES.footer, false)
      const fy = pageHeight - margin + SIZES.footer
      p.items.push({ kind: "rule", x: margin, y: fy - SIZES.footer * 1.6, width: contentWidth, color: LINE })
      p.items.push({ kind: "text", x: rtl ? margin + contentWidth - w : margin, y: fy, text, size: SIZES.footer, bold: false, color: MUTED, width: w, raster: !canEncode(text), dir: rtl ? "rtl" : "ltr" })
    })
  }
  return pages
}
