/**
 * Property tests of the export writers over any text a CRM can hold (fast-check): a CSV cell
 * reads back as the text (with the OWASP apostrophe exactly when it could run as a formula) and
 * never starts with a formula trigger once a spreadsheet skips what it skips; a number stays a
 * number; a PDF string literal is printable ASCII that parses back to the WinAnsi bytes of the
 * text, and a PDF with it (and the text as its title) is always written.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { hostileText, longHostileText } from "../../tests/support/arbitraries"
import { parseCsvRow } from "../../tests/support/csv-parse"
import { parsePdfLiteral } from "../../tests/support/pdf-literal"
import { csvCell, csvRow, isFormulaLike } from "./csv"
import { canEncode, pdfLiteral, winAnsiBytes, winAnsiCode } from "./pdf/winansi"
import { pdfTextString, writePdf } from "./pdf/writer"

/** What a spreadsheet skips before it decides a cell is a formula (spelled independently of csv.ts). */
const SPREADSHEET_SKIPS = /^[\s\p{Cc}\p{Cf}\p{Z}"'`\u2018-\u201F\u2032\u2033\uFF02\uFF07]*/u
const startsWithTrigger = (cell: string) => /^[=+\-@|\u2212]/.test(cell.replace(SPREADSHEET_SKIPS, "").normalize("NFKC"))

describe("CSV cells (property)", () => {
  it("read back as the text, with an apostrophe exactly when the text could run as a formula", () => {
    fc.assert(
      fc.property(hostileText(), (text) => {
        const [cell, after] = parseCsvRow(csvRow([text, "after"]))
        expect(after).toBe("after")
        expect(cell).toBe(isFormulaLike(text) ? `'${text}` : text)
      }),
      { numRuns: 2_000 }
    )
  })

  it("never start with a formula trigger after what a spreadsheet skips, unless the apostrophe comes first", () => {
    fc.assert(
      fc.property(hostileText(), (text) => {
        const [cell] = parseCsvRow(csvRow([text]))
        expect(cell!.startsWith("'") || !startsWithTrigger(cell!)).toBe(true)
        expect(/^[\t\r\n]/.test(cell!)).toBe(false)
      }),
      { numRuns: 2_000 }
    )
  })

  it("keep every row's cells apart, whatever the cells hold", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(hostileText(), fc.double(), fc.boolean(), fc.constant(null)), { maxLength: 12 }), (values) => {
        expect(parseCsvRow(csvRow(values))).toHaveLength(Math.max(values.length, 1))
      })
    )
  })

  it("write Parley's numbers as numbers, negative ones included", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const cell = csvCell(n)
        expect(Number(cell)).toBe(n === 0 ? 0 : n)
        expect(cell.startsWith("'")).toBe(false)
      })
    )
  })
})

/** WinAnsi byte → character, from the encoder's own table. */
const WIN_ANSI_CHAR = new Map<number, string>()
for (let cp = 0; cp <= 0xffff; cp++) {
  const byte = winAnsiCode(String.fromCharCode(cp))
  if (byte !== null && cp < 0xd800) WIN_ANSI_CHAR.set(byte, String.fromCharCode(cp))
}

describe("PDF strings (property)", () => {
  it("a literal is printable ASCII that parses back to the text's WinAnsi bytes", () => {
    fc.assert(
      fc.property(longHostileText(), (text) => {
        const body = pdfLiteral(text)
        expect(body).toMatch(/^[\x20-\x7e]*$/)
        expect(parsePdfLiteral(body)).toEqual(winAnsiBytes(text))
      }),
      { numRuns: 1_000 }
    )
  })

  it("text the standard fonts can show comes back exactly", () => {
    const winAnsiText = fc.string({ unit: fc.constantFrom(...WIN_ANSI_CHAR.values()), maxLength: 80 })
    fc.assert(
      fc.property(winAnsiText, (text) => {
        expect(canEncode(text)).toBe(true)
        expect(parsePdfLiteral(pdfLiteral(text)).map((b) => WIN_ANSI_CHAR.get(b)).join("")).toBe(text)
      })
    )
  })

  it("a document with the text on its page and as its title is always written", () => {
    fc.assert(
      fc.property(hostileText(), (text) => {
        const bytes = writePdf({ pages: [{ width: 200, height: 100, content: `BT /F1 12 Tf 10 50 Td (${pdfLiteral(text)}) Tj ET`, images: [] }], images: new Map(), title: text, createdAt: 0 })
        expect(bytes.length).toBeGreaterThan(0)
        const hex = /^<FEFF((?:[0-9A-F]{4})*)>$/.exec(pdfTextString(text))
        expect(hex).not.toBeNull()
        const title = String.fromCharCode(...(hex![1]!.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)))
        expect(title).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/)
      }),
      { numRuns: 300 }
    )
  })
})
