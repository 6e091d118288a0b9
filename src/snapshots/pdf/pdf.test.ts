import { renderMessage } from "../../i18n/render"
import { execFileSync, spawnSync } from "node:child_process"
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { deflateSync } from "node:zlib"
import { describe, expect, it } from "vitest"
import { redactSnapshot } from "../build"
import { CANARY, sampleSnapshot } from "../../../tests/support/snapshot-fixtures"
import { briefingBlocks, type BriefingText } from "./briefing"
import { layout, type TextItem } from "./layout"
import { renderPdf, type Rasterize } from "./render"
import { canEncode, pdfLiteral, textWidth, winAnsiBytes } from "./winansi"
import { parsePdfLiteral } from "../../../tests/support/pdf-literal"
import { writePdf, type PdfImage } from "./writer"

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString("latin1")

/** Checks the cross-reference table: every in-use entry points at its `n 0 obj`. */
function checkStructure(bytes: Uint8Array): number {
  const text = latin1(bytes)
  expect(text.startsWith("%PDF-1.4\n")).toBe(true)
  expect(text.trimEnd().endsWith("%%EOF")).toBe(true)
  const startxref = Number(/startxref\n(\d+)\n%%EOF\s*$/.exec(text)![1])
  expect(text.slice(startxref, startxref + 4)).toBe("xref")
  const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(text.slice(startxref))!
  const entries = text.slice(startxref).split("\n").slice(2, 2 + Number(count))
  entries.forEach((entry, i) => {
    const n = Number(first) + i
    if (entry.endsWith("f ")) return
    const offset = Number(entry.slice(0, 10))
    expect(text.slice(offset, offset + `${n} 0 obj`.length)).toBe(`${n} 0 obj`)
  })
  // Every stream's /Length matches its data.
  for (const m of text.matchAll(/\/Length (\d+)>>\nstream\n/g)) {
    const start = m.index! + m[0].length
    expect(text.slice(start + Number(m[1]), start + Number(m[1]) + 10)).toBe("\nendstream")
  }
  return Number(count)
}

function flateImage(width: number, height: number, rgb: [number, number, number]): PdfImage {
  const pixels = Buffer.alloc(width * height * 3)
  for (let i = 0; i < width * height; i++) pixels.set(rgb, i * 3)
  return { width, height, filter: "FlateDecode", bytes: new Uint8Array(deflateSync(pixels)) }
}

const hasPoppler = spawnSync("pdftoppm", ["-v"]).status === 0

const EN: BriefingText = {
  dir: "ltr",
  t: (key, params) => `${key}${params ? ` ${Object.values(params).join(" ")}` : ""}`,
  label: (_kind, value) => value,
  axisName: (axis) => axis,
  message: (m) => renderMessage(m, "en"),
  number: (n) => String(n),
  percent: (s) => `${Math.round(s * 100)}%`,
  date: (at) => new Date(at).toISOString().slice(0, 10),
  money: (n, c) => `${c ?? ""} ${n}`
}

describe("winansi", () => {
  it("knows which text the standard fonts can show, and escapes it", () => {
    expect(canEncode("Café – “quoted” €5")).toBe(true)
    expect(canEncode("شرکت")).toBe(false)
    expect(pdfLiteral("a(b)\\c é")).toBe("a\\(b\\)\\\\c \\351")
    expect(textWidth("Hello", 10)).toBeCloseTo(((722 + 556 + 222 + 222 + 556) * 10) / 1000)
  })
  it("never writes a character it cannot encode: hostile strings come out as printable ASCII that parses back", () => {
    const hostile = [
      "((unbalanced", "close))", "\\", "\\(", "a\\)b", "end\\",
      "tab\there", "line\nbreak\r\n", "\u0000nul\u0007bell\u001b[0m", "\u007f\u0085",
      "lone \uD800 high", "lone \uDC00 low", "\uDFFF\uD800", "emoji 😀 ok",
      "شرکت پخش داریوش", "中文", "Ελληνικά", "Привет", "\u200B\u200F\u202E\uFEFF", "\u2028\u3000",
      "Café – “quoted” €5", ") Tj ET BT (", "%%EOF\nendstream"
    ]
    for (const text of hostile) {
      const body = pdfLiteral(text)
      expect(body).toMatch(/^[\x20-\x7e]*$/)
      expect(parsePdfLiteral(body)).toEqual(winAnsiBytes(text))
    }
  })
  it("maps what WinAnsi lacks: whitespace to a space, invisible marks to nothing, a minus sign to a hyphen, the rest to ?", () => {
    expect(pdfLiteral("a\tb\nc\u3000d")).toBe("a b c d")
    expect(pdfLiteral("\u200Bx\u202Ey\uFEFF")).toBe("xy")
    expect(pdfLiteral("5 \u2212 3")).toBe("5 - 3")
    expect(pdfLiteral("ok \uD800 شر 😀")).toBe("ok ? ?? ?")
    expect(textWidth("a\u200Bb", 10)).toBeCloseTo(textWidth("ab", 10))
  })
})

describe("writePdf", () => {
  it("writes a file whose cross-reference table and stream lengths are exact", () => {
    const bytes = writePdf({
      pages: [
        { width: 200, height: 100, content: "BT /F1 12 Tf 10 50 Td (Hello) Tj ET\nq 20 0 0 20 150 40 cm /Im0 Do Q", images: ["Im0"] },
        { width: 200, height: 100, content: "BT /F2 12 Tf 10 50 Td (Page 2) Tj ET", images: [] }
      ],
      images: new Map([["Im0", flateImage(4, 4, [200, 30, 30])]]),
      title: "Briefing شرکت",
      createdAt: Date.UTC(2026, 10, 20)
    })
    expect(checkStructure(bytes)).toBe(6 + 1 + 2 * 2)
    expect(latin1(bytes)).toContain("/Title <FEFF")
    expect(() => writePdf({ pages: [{ width: 1, height: 1, content: "(ش)", images: [] }], images: new Map(), title: "", createdAt: 0 })).toThrow(/ASCII/)
  })
})

describe("layout", () => {
  it("wraps long text inside the margins and breaks tables across pages with their header", () => {
    const rows = Array.from({ length: 120 }, (_, i) => [`Row ${i}`, "word ".repeat(30)])
    const pages = layout([{ kind: "title", text: "T" }, { kind: "table", columns: [{ title: "Head A", weight: 1 }, { title: "Head B", weight: 3 }], rows }], { dir: "ltr" })
    expect(pages.length).toBeGreaterThan(1)
    for (const page of pages) {
      const texts = page.items.filter((i): i is TextItem => i.kind === "text")
      expect(texts.every((t) => t.x >= 44 - 0.01 && t.x + t.width <= 595.28 - 44 + 0.01)).toBe(true)
      expect(texts.some((t) => t.text === "Head A")).toBe(true)
    }
  })
  it("aligns right-to-left text to the right edge and marks unshowable lines for rasterising", () => {
    const [page] = layout([{ kind: "text", text: "شرکت پخش داریوش" }, { kind: "text", text: "Globex" }], { dir: "rtl" })
    const [fa, en] = page!.items as TextItem[]
    expect(fa!.raster).toBe(true)
    expect(en!.raster).toBe(false)
    expect(fa!.x + fa!.width).toBeCloseTo(595.28 - 44)
    expect(en!.x + en!.width).toBeCloseTo(595.28 - 44)
  })
})

describe("the briefing PDF", () => {
  const rasterize: Rasterize = async (line) => flateImage(Math.max(1, Math.round(line.width)), Math.max(1, Math.round(line.height)), [20, 20, 20])
  const chart = flateImage(60, 30, [11, 92, 171])

  async function briefing(redacted = false, dir: "ltr" | "rtl" = "ltr") {
    const full = await sampleSnapshot()
    const snapshot = redacted ? await redactSnapshot(full) : full
    const blocks = briefingBlocks(snapshot, { ...EN, dir }, { interactions: { name: "Chart0", width: 600, height: 300 } })
    const pages = layout(blocks, { dir, footer: (p, n) => `Parley ${snapshot.parleyVersion} · ${snapshot.hash.slice(0, 12)} · ${p}/${n}` })
    const bytes = await renderPdf(pages, { images: new Map([["Chart0", chart]]), rasterize, title: snapshot.payload.account.name, createdAt: snapshot.createdAt })
    return { bytes, snapshot, pages }
  }

  it("lays out every section, with the evidence as a table and the chart as an image", async () => {
    const { bytes, snapshot, pages } = await briefing()
    checkStructure(bytes)
    const text = latin1(bytes)
    expect(text).toContain(`(${pdfLiteral(`briefingTitle: ${snapshot.payload.account.name}`)})`)
    for (const heading of ["sectionLabels", "sectionFigures", "sectionHints", "sectionPricing", "sectionCharts", "sectionContacts", "sectionEvidence", "colReason"]) {
      expect(text, heading).toContain(`(${heading})`)
    }
    expect(text).toContain("/Chart0 Do")
    expect(text).toContain(CANARY)
    expect(pages.length).toBeGreaterThanOrEqual(2)
  })

  it("leaves names and free text out of a redacted briefing", async () => {
    const { bytes } = await briefing(true)
    const text = latin1(bytes)
    expect(text).not.toContain(CANARY)
    expect(text).not.toContain("(sectionContacts)")
    expect(text).toContain("(briefingRedacted)")
  })

  // CI installs poppler-utils (.ci/run); without it the structural checks above still stand.
  it("renders every page with poppler (pdftoppm) and its text reads back (pdftotext)", async () => {
    const { bytes, pages } = await briefing(false, "rtl")
    checkStructure(bytes)
    if (!hasPoppler) return
    const dir = mkdtempSync(join(tmpdir(), "parley-pdf-"))
    writeFileSync(join(dir, "b.pdf"), bytes)
    const run = spawnSync("pdftoppm", ["-r", "40", "-png", join(dir, "b.pdf"), join(dir, "page")], { encoding: "utf8" })
    expect(run.stderr).toBe("")
    expect(run.status).toBe(0)
    const rendered = readdirSync(dir).filter((f) => f.startsWith("page") && f.endsWith(".png"))
    expect(rendered.length).toBe(pages.length)
    expect(readFileSync(join(dir, rendered[0]!)).subarray(1, 4).toString()).toBe("PNG")
    const text = execFileSync("pdftotext", [join(dir, "b.pdf"), "-"], { encoding: "utf8" })
    expect(text).toContain("sectionEvidence")
    expect(text).toContain("Globex Corporation")
  })
})
