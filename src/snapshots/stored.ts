/**
 * How snapshots sit in the local store. Parley's own (saved, label-change) are stored as their
 * document, under the document's key. An imported file is stored beside them, never over them:
 * under `imported:<its hash>` (its own namespace: a file with the same snapshot key as a local
 * one, edited and sealed again, cannot replace it; the same file imported twice is one row), with
 * where it came from in `imported`. The document itself is kept as the file had it (its key
 * restored on reading), so its seal still checks.
 *
 * Pure: read by the background and by the panel.
 */
import type { SnapshotDocument } from "./payload"

export const IMPORTED_KEY_PREFIX = "imported:"

/** Where an imported snapshot came from. */
export interface ImportOrigin {
  /** The file's name as the rep picked it (display only). */
  fileName: string
  importedAt: number
  /** The document's own key, as written in the file. */
  key: string
}

/** A row of the `snapshots` table: a document, or an imported one under its own key. */
export type StoredSnapshotRow = SnapshotDocument | (Omit<SnapshotDocument, "key"> & { key: string; imported: ImportOrigin })

export const MAX_IMPORT_FILE_NAME = 255

export const importedSnapshotKey = (hash: string): string => `${IMPORTED_KEY_PREFIX}${hash}`

export const isImportedKey = (key: string): boolean => key.startsWith(IMPORTED_KEY_PREFIX)

/** A file name as shown: control and bidi-override characters dropped, trimmed, bounded. */
export function cleanFileName(name: string | undefined): string {
  const cleaned = (name ?? "").replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "").trim()
  return cleaned.slice(0, MAX_IMPORT_FILE_NAME) || "snapshot.json"
}

export function importedRow(document: SnapshotDocument, fileName: string | undefined, importedAt: number): StoredSnapshotRow {
  return { ...document, key: importedSnapshotKey(document.hash), imported: { fileName: cleanFileName(fileName), importedAt, key: document.key } }
}

/** A stored row as its document (to check and use) and, for an import, where it came from. */
export function readStoredRow(row: unknown): { storeKey: string; document: unknown; imported?: ImportOrigin } | null {
  if (typeof row !== "object" || row === null || typeof (row as { key?: unknown }).key !== "string") return null
  const { imported, ...rest } = row as Record<string, unknown> & { key: string; imported?: unknown }
  if (!isImportedKey(rest.key)) return imported === undefined ? { storeKey: rest.key, document: rest } : null
  const origin = imported as Partial<ImportOrigin> | undefined
  if (!origin || typeof origin.key !== "string" || typeof origin.fileName !== "string" || typeof origin.importedAt !== "number") return null
  return { storeKey: rest.key, document: { ...rest, key: origin.key }, imported: { fileName: origin.fileName, importedAt: origin.importedAt, key: origin.key } }
}
