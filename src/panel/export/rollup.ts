/**
 * The team roll-up's files (issue 15), loaded on first use: the CSV (redacted unless names are
 * asked for) and the team briefing PDF, both in the panel's language. The builders are pure
 * (snapshots/rollup-csv.ts, snapshots/pdf/rollup-briefing.ts); here they get the panel's words,
 * the canvas for Persian lines, and a download.
 */
import { formatDate, formatNumber } from "../../i18n/format"
import { renderMessage, withoutIsolates } from "../../i18n/render"
import { exportFilename } from "../../snapshots/filename"
import { layout, type LaidOutPage } from "../../snapshots/pdf/layout"
import { renderPdf } from "../../snapshots/pdf/render"
import { nudgeSentence, rollupBriefingBlocks, type RollupBriefingText } from "../../snapshots/pdf/rollup-briefing"
import { buildRollupCsv, type RollupCsvText } from "../../snapshots/rollup-csv"
import type { Nudge, RollupRow } from "../../team/types"
import type { Language } from "../i18n"
import { downloadBlob } from "./download"
import { rollupCsvColumnTitle } from "./messages"
import { canvasMeasure, rasterizeLine } from "./raster"
import { words, type Words } from "./words"

export function rollupBriefingText(w: Words): RollupBriefingText {
  return {
    dir: w.dir,
    t: (key, params) => w.x(key, params),
    label: (axis, value) => w.label(axis, value),
    axisName: w.axisName,
    message: (m) => renderMessage(m, w.language),
    number: (n) => formatNumber(n, w.language, 2),
    date: (at) => formatDate(at, w.language)
  }
}

export function rollupCsvText(w: Words): RollupCsvText {
  const briefing = rollupBriefingText(w)
  return {
    header: (column) => rollupCsvColumnTitle(w.language, column),
    label: (kind, value) => w.label(kind, value),
    nudge: (nudge: Nudge) => withoutIsolates(nudgeSentence(nudge, briefing))
  }
}

export async function exportRollupCsv(rows: readonly RollupRow[], options: { includeNames: boolean; language: Language; now: number }): Promise<string> {
  const parts = await buildRollupCsv(rows, { includeNames: options.includeNames, text: rollupCsvText(words(options.language)) })
  const filename = exportFilename({ account: null, at: options.now, language: options.language, kind: "csv", redacted: !options.includeNames })
  downloadBlob(new Blob(parts, { type: "text/csv;charset=utf-8" }), filename)
  return filename
}

export function layoutRollupBriefing(rows: readonly RollupRow[], w: Words, options: { includeNames: boolean; now: number }): LaidOutPage[] {
  const text = rollupBriefingText(w)
  return layout(rollupBriefingBlocks(rows, text, options), {
    dir: w.dir,
    measure: canvasMeasure(),
    footer: (page, count) => w.x("rollupPdfFooter", { date: text.date(options.now), page: formatNumber(page, w.language), pages: formatNumber(count, w.language) })
  })
}

export async function rollupPdfBytes(rows: readonly RollupRow[], options: { includeNames: boolean; language: Language; now: number }): Promise<Uint8Array> {
  const w = words(options.language)
  return renderPdf(layoutRollupBriefing(rows, w, options), { images: new Map(), rasterize: rasterizeLine, title: w.x("rollupPdfTitle"), createdAt: options.now })
}

export async function exportRollupPdf(rows: readonly RollupRow[], options: { includeNames: boolean; language: Language; now: number }): Promise<string> {
  const filename = exportFilename({ account: null, at: options.now, language: options.language, kind: "pdf", redacted: !options.includeNames })
  downloadBlob(new Blob([await rollupPdfBytes(rows, options)], { type: "application/pdf" }), filename)
  return filename
}
