/**
 * The team roll-up as CSV (issue 15): one row per account the team shared in the CRM, with its
 * latest labels, when its latest snapshot was made, what changed and why it needs attention.
 * Redacted by default: no account or rep names, only keys and ids, labels and dates, so the file
 * can leave the team. Cells go through csv.ts (formula-safe: account and rep names are CRM text).
 * Built in time slices (chunk.ts) so 5,000 accounts never hold the panel for a long task.
 */
import { parseRecordKey } from "../model/keys"
import type { Nudge, RollupRow } from "../team/types"
import type { AxisId } from "./axes"
import { slicer, type SliceOptions } from "./chunk"
import { BOM, csvRow, type CsvValue } from "./csv"

export const ROLLUP_CSV_COLUMNS = [
  "accountKey", "crm", "org", "accountId", "account", "sharedById", "sharedBy", "snapshotAt", "snapshots", "risk", "riskScore", "dominance", "tier",
  "valueOrigin", "initiator", "criterion", "changed", "changes", "nudges"
] as const
export type RollupCsvColumnId = (typeof ROLLUP_CSV_COLUMNS)[number]

/** Columns that carry names (CRM text about people and accounts): only in a file with names. */
const NAME_COLUMNS: ReadonlySet<RollupCsvColumnId> = new Set(["account", "sharedBy"])

export function rollupCsvColumns(includeNames: boolean): RollupCsvColumnId[] {
  return ROLLUP_CSV_COLUMNS.filter((c) => includeNames || !NAME_COLUMNS.has(c))
}

export interface RollupCsvText {
  header(column: RollupCsvColumnId): string
  /** A machine label as words; `kind` is the axis, or "crm". */
  label(kind: AxisId | "crm", value: string): string
  /** A nudge as one sentence, without bidi isolates (a spreadsheet shows them as boxes). */
  nudge(nudge: Nudge): string
}

export const MACHINE_ROLLUP_TEXT: RollupCsvText = {
  header: (c) => c,
  label: (_k, v) => v,
  nudge: (n) => (n.kind === "risk-rose" ? `risk-rose:${n.from}>${n.to}` : n.kind === "dominance-to-customer" ? `dominance-to-customer:${n.from}` : `stale:${n.days}`)
}

const isoDate = (at: number) => (Number.isFinite(at) && Math.abs(at) <= 8.64e15 ? new Date(at).toISOString().slice(0, 10) : null)
const round = (v: number) => (Number.isFinite(v) ? Math.round(v * 1000) / 1000 : null)

export function rollupCsvValues(row: RollupRow, text: RollupCsvText = MACHINE_ROLLUP_TEXT): Record<RollupCsvColumnId, CsvValue> {
  const key = parseRecordKey(row.accountKey)
  const changes = row.changes.map((c) => `${text.label(c.axis as AxisId, c.from)} → ${text.label(c.axis as AxisId, c.to)}`).join("; ")
  return {
    accountKey: row.accountKey,
    crm: text.label("crm", row.crm),
    org: row.org,
    accountId: key?.id ?? null,
    account: row.name,
    sharedById: row.sharedBy?.id ?? null,
    sharedBy: row.sharedBy?.name ?? null,
    snapshotAt: isoDate(row.latestAt),
    snapshots: row.history.length,
    risk: text.label("risk", row.labels.risk),
    riskScore: round(row.riskScore),
    dominance: text.label("dominance", row.labels.dominance),
    tier: text.label("valueTier", row.labels.valueTier),
    valueOrigin: text.label("valueOrigin", row.labels.valueOrigin),
    initiator: text.label("initiator", row.labels.initiator),
    criterion: text.label("decisionCriteria", row.labels.decisionCriteria),
    changed: row.changes.length > 0,
    changes,
    nudges: row.nudges.map((n) => text.nudge(n)).join("; ")
  }
}

export interface RollupCsvOptions extends SliceOptions {
  /** Account and rep names in the file; off by default (the redacted file). */
  includeNames?: boolean
  text?: RollupCsvText
}

/** The CSV as string parts for one Blob (never one giant string), rows in the order given. */
export async function buildRollupCsv(rows: readonly RollupRow[], options: RollupCsvOptions = {}): Promise<string[]> {
  const text = options.text ?? MACHINE_ROLLUP_TEXT
  const columns = rollupCsvColumns(options.includeNames ?? false)
  const slice = slicer(options)
  const parts = [BOM, csvRow(columns.map((c) => text.header(c)))]
  for (const row of rows) {
    const values = rollupCsvValues(row, text)
    parts.push(csvRow(columns.map((c) => values[c])))
    if (slice.due()) await slice.pause()
  }
  return parts
}
