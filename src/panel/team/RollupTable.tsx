/**
 * The roll-up table (issue 15): one row per account the team shared, windowed exactly as the Team
 * table is (fixed row height, visibleRange, spacers), so 5,000 accounts render as many rows as
 * fit. Rows arrive attention first; a header sorts by its column (aria-sort), a third click
 * returns to attention first. Pure over its props; the language comes as a prop (lazy chunk).
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type UIEvent } from "react"
import { formatDate } from "../../i18n/format"
import type { RollupRow } from "../../team/types"
import type { I18n, MessageKey } from "../i18n"
import { axisLabelWords, BY_ATTENTION, nextRollupSort, ROLLUP_COLUMNS, sortRollup, type RollupColumn, type RollupSort } from "./rollup-rows"
import { DEFAULT_VIEWPORT, OVERSCAN, ROW_HEIGHT } from "./TeamTable"
import { visibleRange } from "./windowing"

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
  const [scrollTop, setScrollTop] = useState(0)
  const [measured, setMeasured] = useState<number | null>(null)
  const scroller = useRef<HTMLDivElement>(null)
  const sorted = useMemo(() => sortRollup(rows, sort), [rows, sort])

  useLayoutEffect(() => {
    const el = scroller.current
    if (!el) return
    const measure = () => setMeasured(el.clientHeight || null)
    measure()
    if (typeof ResizeObserver === "undefined") return
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    return () => observer.disconnect()
  }, [])

  // A new sort or filter starts from the top: the rows under the old scroll position are unrelated.
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0
    setScrollTop(0)
  }, [sort, rows])

  const onScroll = useCallback((e: UIEvent<HTMLDivElement>) => setScrollTop(e.currentTarget.scrollTop), [])
  const range = visibleRange({ scrollTop, viewportHeight: measured ?? viewportHeight, rowHeight: ROW_HEIGHT, rowCount: sorted.length, overscan: OVERSCAN })
  const visible = sorted.slice(range.start, range.end)
  const label = (axis: "risk" | "dominance" | "valueTier", row: RollupRow) => axisLabelWords(t, axis, row.labels[axis])

  return (
    <div className="team-scroll" ref={scroller} onScroll={onScroll} style={{ blockSize: viewportHeight }} data-testid="team-rollup-table" data-rows={sorted.length}>
      <table className="team-table rollup-table" aria-rowcount={sorted.length + 1} aria-label={t("rollupTitle")}>
        <thead>
          <tr aria-rowindex={1}>
            {ROLLUP_COLUMNS.map((column) => (
              <th key={column} scope="col" aria-sort={sort.column === column ? sort.direction : "none"} className={`col-${column}`}>
                <button type="button" className="sort-button" onClick={() => setSort((s) => nextRollupSort(s, column))}>
                  {t(HEADERS[column])}
                  <span aria-hidden="true" className="sort-mark">
                    {sort.column === column ? (sort.direction === "ascending" ? " ▲" : " ▼") : ""}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {range.padTop > 0 ? (
            <tr aria-hidden="true" className="spacer" style={{ blockSize: range.padTop }}>
              <td colSpan={ROLLUP_COLUMNS.length} />
            </tr>
          ) : null}
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
          {range.padBottom > 0 ? (
            <tr aria-hidden="true" className="spacer" style={{ blockSize: range.padBottom }}>
              <td colSpan={ROLLUP_COLUMNS.length} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  )
}
