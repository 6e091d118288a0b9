import { describe, expect, it } from "vitest"
import { TEAM_CSV_COLUMNS } from "../../snapshots/allowlist"
import { FIGURES } from "../../snapshots/diff"
import { BRIEFING_KEYS } from "../../snapshots/pdf/briefing"
import { placeholders } from "../i18n"
import { csvColumnTitle, EXPORT_CATALOGUE, figureKey, type ExportKey } from "./messages"

describe("export messages", () => {
  it("has every key in Persian with the same placeholders as in English", () => {
    for (const key of Object.keys(EXPORT_CATALOGUE.en) as ExportKey[]) {
      expect(EXPORT_CATALOGUE.fa[key], key).toBeTruthy()
      expect(placeholders(EXPORT_CATALOGUE.fa[key]), key).toEqual(placeholders(EXPORT_CATALOGUE.en[key]))
    }
  })
  it("names every briefing word, CSV column and compared figure in both languages", () => {
    for (const key of BRIEFING_KEYS) expect(EXPORT_CATALOGUE.fa[key]).toBeTruthy()
    for (const { id } of TEAM_CSV_COLUMNS) {
      expect(csvColumnTitle("en", id)).toBeTruthy()
      expect(csvColumnTitle("fa", id)).toBeTruthy()
    }
    const figureNames = Object.keys(FIGURES).map((f) => figureKey(f as keyof typeof FIGURES))
    expect(new Set(figureNames).size).toBe(figureNames.length)
  })
})
