/**
 * The team CSV of every account, built without freezing the panel: accounts are read a page at a
 * time (each read is its own task), rows are written in time slices (chunk.ts), and the result
 * is a list of string parts for one Blob, never one giant string.
 */
import { BOM } from "./csv"
import { teamCsvHeader, teamCsvRow, type TeamCsvSource, type TeamCsvText } from "./csv-team"
import { slicer, type SliceOptions } from "./chunk"

/** One page of accounts after `afterKey` (null: from the start), in key order. */
export type TeamPageReader = (afterKey: string | null, limit: number) => Promise<TeamCsvSource[]>

export interface TeamCsvOptions extends SliceOptions {
  redact: boolean
  text?: TeamCsvText
  pageSize?: number
  onProgress?: (rows: number) => void
}

export async function buildTeamCsv(read: TeamPageReader, options: TeamCsvOptions): Promise<{ parts: string[]; rows: number }> {
  const pageSize = options.pageSize ?? 25
  const slice = slicer(options)
  const parts = [BOM, teamCsvHeader(options.redact, options.text)]
  let rows = 0
  let after: string | null = null
  for (;;) {
    const page = await read(after, pageSize)
    if (page.length === 0) break
    for (const source of page) {
      parts.push(teamCsvRow(source, options.redact, options.text))
      rows++
      if (slice.due()) await slice.pause()
    }
    options.onProgress?.(rows)
    after = page[page.length - 1]!.account.key
    if (page.length < pageSize) break
    await slice.pause()
  }
  return { parts, rows }
}
