import { describe, expect, it } from "vitest"
import { csvCell, csvRow, isFormulaLike } from "./csv"
import { HARMLESS_TEXT, hostileCells } from "../../tests/fixtures/csv/injection-payloads"
import { parseCsvRow } from "../../tests/support/csv-parse"
import { teamCsvHeader, teamCsvRow, teamCsvValues } from "./csv-team"
import { CANARY, sampleSnapshot } from "../../tests/support/snapshot-fixtures"

describe("csvCell", () => {
  it("neutralises formula starts in text (CSV injection)", () => {
    for (const evil of ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"]) {
      expect(csvCell(evil).replace(/^"/, "").startsWith("'")).toBe(true)
    }
    expect(csvCell("=1+1")).toBe(`"'=1+1"`)
    expect(csvCell("Globex")).toBe("Globex")
  })
  it("quotes separators, quotes and line breaks", () => {
    expect(csvCell('a,"b"\nc')).toBe('"a,""b""\nc"')
    expect(csvCell("\rx")).toBe(`"'\rx"`)
  })
  it("neutralises every payload of the list behind whitespace, invisible characters, quotes and full-width forms (OWASP: apostrophe, then quoted)", () => {
    const cells = hostileCells()
    expect(cells.length).toBeGreaterThan(1000)
    const missed = cells.filter((cell) => csvCell(cell) !== `"'${cell.replace(/"/g, '""')}"`)
    expect(missed.map((cell) => JSON.stringify(cell))).toEqual([])
    for (const cell of cells) expect(parseCsvRow(csvRow([cell, 1]))).toEqual([`'${cell}`, "1"])
  })
  it("leaves a rep's ordinary text as it is, in English and Persian", () => {
    for (const text of HARMLESS_TEXT) {
      expect(isFormulaLike(text)).toBe(false)
      expect(parseCsvRow(csvRow([text]))).toEqual([text])
    }
  })
  it("writes Parley's own numbers as numbers, even negative, and empty for missing", () => {
    expect(csvRow([-0.35, 2, null, undefined, NaN, true, "شرکت پخش داریوش"])).toBe("-0.35,2,,,,true,شرکت پخش داریوش\r\n")
  })
})

describe("team CSV rows", () => {
  it("reads labels and figures from a stored profile, tolerating a broken one", async () => {
    const s = await sampleSnapshot()
    const source = { account: { key: s.recordKey, name: "=Globex", ownerName: `${CANARY} Owner` }, profile: s.payload.profile, lastActivity: Date.UTC(2026, 10, 1) }
    const values = teamCsvValues(source)
    expect(values).toMatchObject({ crm: "salesforce", org: "acme", dominance: s.payload.profile.dominance.label, records: s.payload.profile.sampleSize.total, lastActivity: "2026-11-01" })
    expect(teamCsvRow(source, false)).toContain(`${CANARY} Owner`)
    expect(teamCsvRow(source, false).startsWith(`"'=Globex",`)).toBe(true)
    const redacted = teamCsvRow(source, true)
    expect(redacted).not.toContain(CANARY)
    expect(redacted.split(",").length).toBe(teamCsvHeader(true).split(",").length)
    expect(teamCsvRow({ account: { key: "bad", name: "X" }, profile: { dominance: "nonsense", sampleSize: null } }, true)).toMatch(/^X,,,,/)
  })
  it("neutralises a hidden formula in an account name while figures stay numbers", async () => {
    const s = await sampleSnapshot()
    const name = "\u00A0\u200B\uFF1Dcmd|' /C calc'!A0"
    const profile = { ...s.payload.profile, dominance: { ...s.payload.profile.dominance, score: -0.25 } }
    const values = teamCsvValues({ account: { key: s.recordKey, name }, profile })
    const header = parseCsvRow(teamCsvHeader(true))
    const cells = parseCsvRow(teamCsvRow({ account: { key: s.recordKey, name }, profile }, true))
    expect(cells[header.indexOf("account")]).toBe(`'${name}`)
    expect(cells[header.indexOf("dominanceScore")]).toBe("-0.25")
    expect(cells[header.indexOf("records")]).toBe(String(values.records))
    expect(typeof values.records).toBe("number")
  })
  it("translates header and labels through the caller's text", async () => {
    const s = await sampleSnapshot()
    const text = { header: (c: string) => `H:${c}`, label: (_c: string, v: string) => `L:${v}`, message: (m: { id: string }) => `M:${m.id}` }
    expect(teamCsvHeader(true, text).startsWith("H:account,H:crm")).toBe(true)
    expect(teamCsvRow({ account: { key: s.recordKey, name: "G" }, profile: s.payload.profile }, true, text)).toContain(`L:${s.payload.profile.risk.label}`)
  })
})
