/**
 * The team table: every account with its labels, sortable by column (aria-sort), windowed so
 * only the visible rows plus an overscan are in the DOM (fixed row height; windowing.ts). A
 * benchmark renders this component directly with 50 and with 5,000 rows.
 *
 * It is loaded lazily, so it takes the language as a prop instead of reading the panel's context
 * (a lazily loaded chunk may carry its own copy of the context module).
 */
import { useMemo, useState } from "react"
import { formatDate } from "../../i18n/format"
import { makeI18n, type I18n, type MessageKey } from "../i18n"
import { CRITERION_TEXT, DOMINANCE_TEXT, INITIATOR_TEXT, labelText, RISK_TEXT, TIER_TEXT, VALUE_ORIGIN_TEXT } from "../labels"
import { BY_NAME, nextSort, sortRows, TEAM_COLUMNS, type SortState, type TeamColumn, type TeamRow } from "./rows"
import { DEFAULT_VIEWPORT, SortHeader, useWindowedRows, WindowedBody } from "./WindowedTable"

const HEADERS: Record<TeamColumn, MessageKey> = {
  name: "colAccount",
  dominance: "axisDominance",
  valueOrigin: "axisValueOrigin",
  initiator: "axisInitiator",
  criterion: "colCriterion",
  risk: "axisRisk",
  tier: "axisTier",
  lastActivity: "colLastActivity"
}

const LABEL_TABLES: Partial<Record<TeamColumn, Record<string, MessageKey>>> = {
  dominance: DOMINANCE_TEXT,
  valueOrigin: VALUE_ORIGIN_TEXT,
  initiator: INITIATOR_TEXT,
  criterion: CRITERION_TEXT,
  risk: RISK_TEXT,
  tier: TIER_TEXT
}

export interface TeamTableProps {
  rows: readonly TeamRow[]
  /** The panel's language; English when omitted (benchmarks). */
  i18n?: I18n
  onSelect?: (accountKey: string) => void
  selectedKey?: string | null
  /** The order `rows` already arrive in (the Team tab reads them by name): no sort needed for it. */
  rowsSortedBy?: SortState
  /** Viewport height before layout can be measured (tests, benchmarks). */
  viewportHeight?: number
}

const ENGLISH = makeI18n("en")

export function TeamTable({ rows, i18n = ENGLISH, onSelect, selectedKey, rowsSortedBy, viewportHeight = DEFAULT_VIEWPORT }: TeamTableProps) {
  const { t, language } = i18n
  const [sort, setSort] = useState<SortState>(rowsSortedBy ?? BY_NAME)
  const sorted = useMemo(
    () => (rowsSortedBy && rowsSortedBy.column === sort.column && rowsSortedBy.direction === sort.direction ? rows : sortRows(rows, sort)),
    [rows, sort, rowsSortedBy]
  )

  const { scroller, onScroll, range } = useWindowedRows(sorted.length, viewportHeight, [sort])
  const visible = sorted.slice(range.start, range.end)

  const cell = (row: TeamRow, column: TeamColumn): string => {
    if (column === "name") return row.name
    if (column === "lastActivity") return row.lastActivity === null ? "—" : formatDate(row.lastActivity, language)
    const value = row[column]
    if (value === null) return "—"
    if (value === "unknown") return t("unknownShort")
    const key = labelText(LABEL_TABLES[column] ?? {}, value)
    return key ? t(key) : value
  }

  return (
    <div className="team-scroll" ref={scroller} onScroll={onScroll} style={{ blockSize: viewportHeight }} data-testid="team-table" data-rows={sorted.length}>
      <table className="team-table" aria-rowcount={sorted.length + 1} aria-label={t("teamTitle")}>
        <SortHeader columns={TEAM_COLUMNS} headers={HEADERS} sort={sort} onSort={(column) => setSort((s) => nextSort(s, column))} t={t} />
        <WindowedBody range={range} columns={TEAM_COLUMNS.length}>
          {visible.map((row, i) => (
            <tr
              key={row.accountKey}
              aria-rowindex={range.start + i + 2}
              aria-current={row.accountKey === selectedKey ? "true" : undefined}
              className={row.accountKey === selectedKey ? "selected" : undefined}
              onClick={() => onSelect?.(row.accountKey)}
              data-account-key={row.accountKey}
            >
              {TEAM_COLUMNS.map((column) => (
                <td key={column} className={`col-${column}`} title={column === "name" ? row.name : undefined}>
                  {column === "name" ? (
                    <button type="button" className="link-button" dir="auto" aria-label={t("showAccount", { name: row.name })}>
                      {row.name}
                    </button>
                  ) : (
                    cell(row, column)
                  )}
                </td>
              ))}
            </tr>
          ))}
        </WindowedBody>
      </table>
    </div>
  )
}

export default TeamTable
