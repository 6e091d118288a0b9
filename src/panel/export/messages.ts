/**
 * The export feature's words (the catalogues are src/i18n/{en,fa}/export.ts): the menu and
 * dialogs; the PDF briefing's words (snapshots/pdf/briefing.ts asks for them by key); the team
 * CSV's column titles. messages.test.ts checks both languages use the same placeholders.
 */
import type { TeamCsvColumnId } from "../../snapshots/allowlist"
import type { FigureId } from "../../snapshots/diff"
import type { ImportFailure } from "../../snapshots/import"
import type { BriefingKey } from "../../snapshots/pdf/briefing"
import { csvColumnsEn, exportEn, rollupCsvColumnsEn, type ExportKey } from "../../i18n/en/export"
import { csvColumnsFa, exportFa, rollupCsvColumnsFa } from "../../i18n/fa/export"
import type { RollupCsvColumnId } from "../../snapshots/rollup-csv"
import type { RollupBriefingKey } from "../../snapshots/pdf/rollup-briefing"
import { fill, type Language } from "../i18n"

export type { ExportKey }

const FIGURE_KEYS: Record<FigureId, ExportKey> = {
  records: "figRecords", interactions: "figInteractions", deals: "figDeals", quotes: "figQuotes", cases: "figCases",
  dominanceScore: "figDominanceScore", supplierPower: "figSupplierPower", customerPower: "figCustomerPower", priceWeight: "figPriceWeight",
  qualityWeight: "figQualityWeight", deliveryWeight: "figDeliveryWeight", supportWeight: "figSupportWeight", casesOpen: "figCasesOpen",
  casesEscalated: "figCasesEscalated", medianDaysToClose: "figMedianDays", tierValue: "figTierValue", tierPercentile: "figTierPercentile",
  riskScore: "figRiskScore", latestQuoteTotal: "prLatestQuote", latestDiscount: "prLatestDiscount", openDealRounds: "prRounds",
  openDealFinalDiscount: "prFinalDiscount", suggestedPrice: "prSuggested"
}

export const IMPORT_FAILURE_TEXT: Record<ImportFailure, ExportKey> = {
  "too-large": "importTooLarge",
  "not-json": "importNotJson",
  "not-a-snapshot": "importNotSnapshot",
  "newer-version": "importNewer",
  malformed: "importMalformed",
  tampered: "importTampered",
  "storage-full": "storageFull"
}

export const EXPORT_CATALOGUE: Record<Language, Record<ExportKey, string>> = { en: exportEn, fa: exportFa }

export type ExportTranslate = (key: ExportKey, params?: Readonly<Record<string, string | number>>) => string

export function exportText(language: Language): ExportTranslate {
  return (key, params) => (params ? fill(EXPORT_CATALOGUE[language][key], params, language) : EXPORT_CATALOGUE[language][key])
}

const CSV_COLUMNS: Record<Language, Record<TeamCsvColumnId, string>> = { en: csvColumnsEn, fa: csvColumnsFa }

export const csvColumnTitle = (language: Language, column: TeamCsvColumnId): string => CSV_COLUMNS[language][column]
const ROLLUP_CSV_COLUMNS: Record<Language, Record<RollupCsvColumnId, string>> = { en: rollupCsvColumnsEn, fa: rollupCsvColumnsFa }

export const rollupCsvColumnTitle = (language: Language, column: RollupCsvColumnId): string => ROLLUP_CSV_COLUMNS[language][column]
export const figureKey = (figure: FigureId): ExportKey => FIGURE_KEYS[figure]

/** Compile-time proof that every word the PDF briefing asks for is in this catalogue. */
type MissingBriefingKeys = Exclude<BriefingKey, ExportKey>
export const briefingKeysCovered: [MissingBriefingKeys] extends [never] ? true : MissingBriefingKeys = true

/** The same proof for the team briefing (issue 15). */
type MissingRollupKeys = Exclude<RollupBriefingKey, ExportKey>
export const rollupKeysCovered: [MissingRollupKeys] extends [never] ? true : MissingRollupKeys = true
