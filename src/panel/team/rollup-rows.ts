/**
 * The roll-up table's columns and sort orders (issue 15), pure. Rows arrive from buildRollup
 * attention first; that order is the default and costs nothing. A header click sorts by its
 * column the way the Team table does (labels in their declared order, missing last, ties by name).
 */
import type { AxisLabels, RollupRow } from "../../team/types"
import type { AxisId } from "../../snapshots/axes"
import type { I18n } from "../i18n"
import { AXIS_LABEL_TEXT, DOMINANCE_TEXT, labelOrder, labelText, RISK_TEXT, TIER_TEXT } from "../labels"
import { sortByRank, type SortDirection } from "../../team/sort"

/** A machine label as the panel's words; "unknown" is short, a label this build does not know stays as written. */
export function axisLabelWords(t: I18n["t"], axis: string, value: string): string {
  if (value === "unknown") return t("unknownShort")
  const table = Object.prototype.hasOwnProperty.call(AXIS_LABEL_TEXT, axis) ? AXIS_LABEL_TEXT[axis as AxisId] : {}
  const key = labelText(table, value)
  return key ? t(key) : value
}

export const ROLLUP_COLUMNS = ["name", "sharedBy", "risk", "dominance", "tier", "latestAt", "changed"] as const
export type RollupColumn = (typeof ROLLUP_COLUMNS)[number]
export type RollupSortColumn = RollupColumn | "attention"
export interface RollupSort {
  column: RollupSortColumn
  direction: SortDirection
}

/** buildRollup's own order. */
export const BY_ATTENTION: RollupSort = { column: "attention", direction: "descending" }

/** The axis each label column shows. */
export const COLUMN_AXIS: Partial<Record<RollupColumn, AxisId>> = { risk: "risk", dominance: "dominance", tier: "valueTier" }

const ORDERS: Partial<Record<RollupColumn, readonly string[]>> = {
  risk: labelOrder(RISK_TEXT),
  dominance: labelOrder(DOMINANCE_TEXT),
  tier: labelOrder(TIER_TEXT)
}

function rank(row: RollupRow, column: RollupSortColumn): number | string | null {
  switch (column) {
    case "attention":
      return row.attention
    case "name":
      return row.name.toLocaleLowerCase()
    case "sharedBy":
      return row.sharedBy?.name.toLocaleLowerCase() ?? null
    case "latestAt":
      return row.latestAt
    case "changed":
      return row.changes.length > 0 ? 0 : null
    default: {
      const value = row.labels[COLUMN_AXIS[column]!]
      if (!value || value === "unknown") return null
      const i = ORDERS[column]!.indexOf(value)
      return i >= 0 ? i : value
    }
  }
}

/** A new sorted array; missing values last in both directions; ties by name, then key (stable). */
export function sortRollup(rows: readonly RollupRow[], sort: RollupSort): readonly RollupRow[] {
  if (sort.column === BY_ATTENTION.column && sort.direction === BY_ATTENTION.direction) return rows
  return sortByRank(rows, (row) => rank(row, sort.column), sort.direction)
}

/** A new column sorts ascending (dates: newest first); the same column flips; a third click returns to attention first. */
export function nextRollupSort(current: RollupSort, column: RollupColumn): RollupSort {
  if (current.column !== column) return { column, direction: column === "latestAt" ? "descending" : "ascending" }
  const first = column === "latestAt" ? "descending" : "ascending"
  return current.direction === first ? { column, direction: first === "ascending" ? "descending" : "ascending" } : BY_ATTENTION
}

/** One axis over the successive snapshots as ordinal steps: y is the label's place in `ticks`; an unknown label is a gap. */
export function labelSeries(history: RollupRow["history"], axis: AxisId, order: readonly string[]): { ticks: string[]; points: { x: number; y: number }[] } {
  const ticks = order.filter((label) => label !== "unknown")
  const points: { x: number; y: number }[] = []
  for (const snapshot of history) {
    const label = (snapshot.labels as AxisLabels)[axis]
    let y = ticks.indexOf(label)
    if (y < 0 && label && label !== "unknown") {
      // A label this build does not know (a newer Parley shared it) still gets a step of its own.
      ticks.push(label)
      y = ticks.length - 1
    }
    if (y >= 0) points.push({ x: snapshot.at, y })
  }
  return { ticks, points }
}

/** Every label change of an account's history, newest first, with the snapshot that made it. */
export function historyChanges(history: RollupRow["history"], axes: readonly AxisId[]): { at: number; axis: AxisId; from: string; to: string; sharedBy: string | null }[] {
  const out: { at: number; axis: AxisId; from: string; to: string; sharedBy: string | null }[] = []
  for (let i = history.length - 1; i > 0; i--) {
    const before = history[i - 1]!
    const after = history[i]!
    for (const axis of axes) if (before.labels[axis] !== after.labels[axis]) out.push({ at: after.at, axis, from: before.labels[axis], to: after.labels[axis], sharedBy: after.sharedBy })
  }
  return out
}
