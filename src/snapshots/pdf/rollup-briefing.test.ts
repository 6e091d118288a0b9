import { deflateSync } from "node:zlib"
import { describe, expect, it } from "vitest"
import { rollupBriefingText } from "../../panel/export/rollup"
import { words } from "../../panel/export/words"
import { buildRollup } from "../../team/rollup"
import { NOW, teamScenario } from "../../../tests/support/rollup-fixtures"
import { parsePdfLiteral } from "../../../tests/support/pdf-literal"
import { layout } from "./layout"
import { renderPdf, type Rasterize } from "./render"
import { rollupBriefingBlocks } from "./rollup-briefing"
import type { Block } from "./layout"

/** A stand-in for the panel's canvas: a blank image of the line's size, and a record of what it drew. */
function recorder() {
  const lines: { text: string; dir: string }[] = []
  const rasterize: Rasterize = async (line) => {
    lines.push({ text: line.text, dir: line.dir })
    const width = Math.max(1, Math.round(line.width))
    const height = Math.max(1, Math.round(line.height))
    return { width, height, filter: "FlateDecode", bytes: new Uint8Array(deflateSync(Buffer.alloc(width * height * 3, 255))) }
  }
  return { lines, rasterize }
}

const rows = () => buildRollup(teamScenario(), { now: NOW, staleDays: 30 })
const texts = (blocks: Block[]) =>
  blocks.flatMap((b) => (b.kind === "table" ? [...b.columns.map((c) => c.title), ...b.rows.flat()] : "text" in b ? [b.text] : []))

/** Every text the PDF writes as text (`(…) Tj`), decoded. */
function pdfTexts(bytes: Uint8Array): string[] {
  const text = Buffer.from(bytes).toString("latin1")
  return [...text.matchAll(/\(((?:\\.|[^\\()])*)\) Tj/g)].map((m) => Buffer.from(parsePdfLiteral(m[1]!)).toString("latin1"))
}

describe("team briefing PDF", () => {
  it("puts what needs attention first, with the evidence, then every account", () => {
    const blocks = rollupBriefingBlocks(rows(), rollupBriefingText(words("en")), { includeNames: true, now: NOW })
    const headings = blocks.filter((b) => b.kind === "heading").map((b) => (b as { text: string }).text)
    expect(headings).toEqual(["Needs attention", "Accounts"])
    const nudges = blocks.find((b) => b.kind === "table")! as Extract<Block, { kind: "table" }>
    const rose = nudges.rows.find((r) => r[0] === "Rising Risk Ltd")!
    expect(rose[1]).toBe("Risk rose from Watch to At risk")
    expect(rose[2]).toContain("2 escalated cases still open.")
    const table = blocks.filter((b) => b.kind === "table")[1] as Extract<Block, { kind: "table" }>
    expect(table.rows).toHaveLength(4)
    expect(table.rows.find((r) => r[0] === "Rising Risk Ltd")).toContain("Ava Rep")
  })

  it("leaves names out unless asked: accounts are their record ids", () => {
    const all = texts(rollupBriefingBlocks(rows(), rollupBriefingText(words("en")), { includeNames: false, now: NOW })).join("\n")
    for (const name of ["Rising Risk Ltd", "شرکت پارس", "Ava Rep", "بیژن فروشنده"]) expect(all).not.toContain(name)
    expect(all).toContain("001RISE")
    expect(all).toContain("Redacted: account and rep names are left out.")
  })

  it("writes an English briefing as PDF text that reads back", async () => {
    const w = words("en")
    const pages = layout(rollupBriefingBlocks(rows(), rollupBriefingText(w), { includeNames: false, now: NOW }), { dir: "ltr", footer: (p, n) => `${p}/${n}` })
    const { rasterize } = recorder()
    const bytes = await renderPdf(pages, { images: new Map(), rasterize, title: "Team briefing", createdAt: NOW })
    const written = pdfTexts(bytes)
    expect(written).toContain("Team briefing")
    expect(written).toContain("Needs attention")
    expect(written.indexOf("Needs attention")).toBeLessThan(written.indexOf("Accounts"))
    expect(written).toContain("No snapshot shared for 45 days")
  })

  it("draws a Persian briefing right to left, its lines rasterised", async () => {
    const w = words("fa")
    const { lines, rasterize } = recorder()
    const pages = layout(rollupBriefingBlocks(rows(), rollupBriefingText(w), { includeNames: true, now: NOW }), { dir: "rtl", measure: (text, size) => text.length * size * 0.5 })
    const bytes = await renderPdf(pages, { images: new Map(), rasterize, title: w.x("rollupPdfTitle"), createdAt: NOW })
    expect(Buffer.from(bytes).toString("latin1").startsWith("%PDF-")).toBe(true)
    expect(lines.map((l) => l.text)).toContain("خلاصهٔ تیم")
    expect(lines.some((l) => l.text.includes("۴۵ روز است"))).toBe(true)
    expect(lines.some((l) => l.text.includes("شرکت پارس"))).toBe(true)
    expect(lines.every((l) => l.dir === "rtl")).toBe(true)
  })
})
