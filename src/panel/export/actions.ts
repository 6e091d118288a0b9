/**
 * The export work itself, loaded on first use (not on the panel's first-paint path): it pulls in
 * chart.js, the PDF writer and the canvas code. Data comes in as arguments (export/data.ts reads
 * IndexedDB in the main bundle); every function returns the file name it saved, or throws with a
 * reason the menu shows.
 */
import type { PanelSend } from "../messaging"
import type { Language } from "../i18n"
import { redactSnapshot } from "../../snapshots/build"
import { bytesToBase64 } from "../../snapshots/bytes"
import { exportFilename } from "../../snapshots/filename"
import { checkSnapshot, parseSnapshotJson, type ImportResult } from "../../snapshots/import"
import type { SnapshotDocument } from "../../snapshots/payload"
import { buildTeamCsv, type TeamPageReader } from "../../snapshots/team-csv"
import { briefingPdf, layoutBriefing } from "./briefing"
import { canvasBlob, downloadBlob } from "./download"
import { paintPages } from "./paint"
import { assertDrawn, capturePanel } from "./png"
import { teamCsvText, words } from "./words"

/** Asks the background to build and store a snapshot of the account now, and checks it. */
export async function freshSnapshot(send: PanelSend, accountKey: string): Promise<SnapshotDocument> {
  const reply = await send({ type: "save-snapshot", accountKey })
  if (!reply.ok) throw Object.assign(new Error(reply.error), { code: reply.code })
  const checked = await checkSnapshot(reply.data)
  if (!checked.ok) throw new Error(checked.message)
  return checked.snapshot
}

export const maybeRedact = (snapshot: SnapshotDocument, redact: boolean) => (redact ? redactSnapshot(snapshot) : Promise.resolve(snapshot))

const name = (snapshot: SnapshotDocument, language: Language, kind: "json" | "pdf" | "png") =>
  exportFilename({ account: snapshot.payload.account.name, at: snapshot.createdAt, language, kind, redacted: snapshot.payload.redacted })

export async function exportJson(snapshot: SnapshotDocument, language: Language): Promise<string> {
  const filename = name(snapshot, language, "json")
  downloadBlob(new Blob([JSON.stringify(snapshot, null, 2)], { type: "application/json" }), filename)
  return filename
}

export async function pdfBytes(snapshot: SnapshotDocument, language: Language): Promise<Uint8Array> {
  return briefingPdf(snapshot, words(language))
}

export async function exportPdf(snapshot: SnapshotDocument, language: Language): Promise<string> {
  const filename = name(snapshot, language, "pdf")
  downloadBlob(new Blob([await pdfBytes(snapshot, language)], { type: "application/pdf" }), filename)
  return filename
}

/** The panel as seen; a redacted image is the redacted briefing instead (the panel shows names). */
export async function exportPng(options: { root: HTMLElement; language: Language; accountName: string | null; now: number; redacted?: SnapshotDocument }): Promise<string> {
  let blob: Blob
  if (options.redacted) {
    const w = words(options.language)
    const { pages, charts } = await layoutBriefing(options.redacted, w)
    const canvas = paintPages(pages, new Map(charts.map((c) => [c.name, c.canvas])))
    assertDrawn(canvas)
    blob = await canvasBlob(canvas, "image/png")
  } else blob = await capturePanel(options.root)
  const filename = exportFilename({ account: options.accountName, at: options.now, language: options.language, kind: "png", redacted: !!options.redacted })
  downloadBlob(blob, filename)
  return filename
}

export async function exportTeamCsv(options: { read: TeamPageReader; redact: boolean; language: Language; now: number; onProgress(rows: number): void; signal?: AbortSignal }): Promise<{ filename: string; rows: number }> {
  const { parts, rows } = await buildTeamCsv(options.read, {
    redact: options.redact,
    text: teamCsvText(words(options.language)),
    onProgress: options.onProgress,
    ...(options.signal ? { signal: options.signal } : {})
  })
  const filename = exportFilename({ account: null, at: options.now, language: options.language, kind: "csv", redacted: options.redact })
  downloadBlob(new Blob(parts, { type: "text/csv;charset=utf-8" }), filename)
  return { filename, rows }
}

/** Reads and checks a file here (for a precise message), then hands it to the background, which checks it again. */
export async function importSnapshotFile(file: File, send: PanelSend): Promise<ImportResult> {
  const text = await file.text()
  const result = await parseSnapshotJson(text)
  if (!result.ok) return result
  // The file's name goes along: the snapshot is stored as imported from it.
  const reply = await send({ type: "import-snapshot", json: text, fileName: file.name })
  if (!reply.ok) return reply.code === "storage-full" ? { ok: false, reason: "storage-full", message: "" } : { ok: false, reason: "malformed", message: reply.error }
  return result
}

/** The PDF of exactly what the background will attach (it redacts the stored snapshot the same way). */
export async function sharePdf(snapshot: SnapshotDocument, redact: boolean, language: Language): Promise<string> {
  return bytesToBase64(await pdfBytes(await maybeRedact(snapshot, redact), language))
}

export { checkSnapshot, redactSnapshot }
