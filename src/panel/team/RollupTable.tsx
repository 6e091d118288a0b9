/**
 * The roll-up table (issue 15): one row per account the team shared, windowed as the Team table
 * is (WindowedTable.tsx), so 5,000 accounts render as many rows as fit. Rows arrive attention
 * first; a header sorts by its column (aria-sort), a third click returns to attention first. Pure over its props; the language comes as a prop (lazy chunk).
 */
import { useMemo, useState } from "react"
import { formatDate } from "../../i18n/format"
import type { RollupRow } from "../../team/types"
import type { I18n, MessageKey } from "../i18n"
import { axisLabelWords, BY_ATTENTION, nextRollupSort, ROLLUP_COLUMNS, sortRollup, type RollupColumn, type RollupSort } from "./rollup-rows"
import { DEFAULT_VIEWPORT, SortHeader, useWindowedRows, WindowedBody } from "./WindowedTable"

const HEADERS: Record<RollupColumn, MessageKey> = {
  name: "colAccount",
  sharedBy: "colSharedBy",
  risk: "axisRisk",
  dominance: "axisDominance",
  tier: "axisTier",
  latestAt: "colSnapshotAt",
  changed: "colChanged"
}

export interface RollupTableProps {
  rows: readonly RollupRow[]
  i18n: I18n
  selectedKey?: string | null
  onSelect?: (accountKey: string) => void
  viewportHeight?: number
}

export function RollupTable({ rows, i18n, selectedKey, onSelect, viewportHeight = DEFAULT_VIEWPORT }: RollupTableProps) {
  const { t, language } = i18n
  const [sort, setSort] = useState<RollupSort>(BY_ATTENTION)
  const sorted = useMemo(() => sortRollup(rows, sort), [rows, sort])

  // A new sort or filter starts from the top.
  const { scroller, onScroll, range } = useWindowedRows(sorted.length, viewportHeight, [sort, rows])
  const visible = sorted.slice(range.start, range.end)
  const label = (axis: "risk" | "dominance" | "valueTier", row: RollupRow) => axisLabelWords(t, axis, row.labels[axis])

  return (
    <div className="team-scroll" ref={scroller} onScroll={onScroll} style={{ blockSize: viewportHeight }} data-testid="team-rollup-table" data-rows={sorted.length}>
      <table className="team-table rollup-table" aria-rowcount={sorted.length + 1} aria-label={t("rollupTitle")}>
        <SortHeader columns={ROLLUP_COLUMNS} headers={HEADERS} sort={sort} onSort={(column) => setSort((s) => nextRollupSort(s, column))} t={t} />
        <WindowedBody range={range} columns={ROLLUP_COLUMNS.length}>
          {visible.map((row, i) => (
            <tr
              key={row.accountKey}
              aria-rowindex={range.start + i + 2}
              aria-selected={row.accountKey === selectedKey}
              className={[row.accountKey === selectedKey ? "selected" : "", row.nudges.length ? "attention" : ""].join(" ").trim() || undefined}
              onClick={() => onSelect?.(row.accountKey)}
              data-testid="team-rollup-row"
              data-account-key={row.accountKey}
              data-risk={row.labels.risk}
              data-dominance={row.labels.dominance}
              data-changed={row.changes.length > 0 ? "true" : "false"}
            >
              <td className="col-name" title={row.name}>
                <button type="button" className="link-button" dir="auto">
                  {row.name}
                </button>
              </td>
              <td className="col-sharedBy" data-testid="team-rollup-owner" dir="auto">
                {row.sharedBy?.name || "—"}
              </td>
              <td className="col-risk">{label("risk", row)}</td>
              <td className="col-dominance">{label("dominance", row)}</td>
              <td className="col-tier">{label("valueTier", row)}</td>
              <td className="col-latestAt">{formatDate(row.latestAt, language)}</td>
              <td className="col-changed" data-changed={row.changes.length > 0 ? "true" : "false"}>
                {row.changes.length ? row.changes.map((c) => `${axisLabelWords(t, c.axis, c.from)} → ${axisLabelWords(t, c.axis, c.to)}`).join("; ") : "—"}
              </td>
            </tr>
          ))}
        </WindowedBody>
      </table>
    </div>
  )
}
