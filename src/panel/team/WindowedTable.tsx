/**
 * What the Team tab's two tables (this browser's accounts, and the roll-up of what the team
 * shared) have alike: a scroller that renders only the rows in view (fixed row height,
 * windowing.ts), spacer rows standing in for the rest, and headers that sort by their column
 * (aria-sort). Each table keeps its own columns, cells and sort order.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode, type RefObject, type UIEvent } from "react"
import type { SortDirection } from "../../team/sort"
import type { I18n, MessageKey } from "../i18n"
import { visibleRange, type WindowRange } from "./windowing"

/** Must match `.team-table tbody tr` height in panel.css. */
export const ROW_HEIGHT = 32
export const OVERSCAN = 8
export const DEFAULT_VIEWPORT = 420

export interface WindowedRows {
  scroller: RefObject<HTMLDivElement>
  onScroll: (e: UIEvent<HTMLDivElement>) => void
  range: WindowRange
}

/**
 * The rows of `rowCount` in view of the scroller. The viewport is measured once laid out
 * (`viewportHeight` until then); a change of `resetOn` (a new sort or filter) scrolls back to the
 * top, since the rows under the old position are unrelated.
 */
export function useWindowedRows(rowCount: number, viewportHeight: number, resetOn: readonly unknown[]): WindowedRows {
  const [scrollTop, setScrollTop] = useState(0)
  const [measured, setMeasured] = useState<number | null>(null)
  const scroller = useRef<HTMLDivElement>(null)

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

  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0
    setScrollTop(0)
    // The caller's reset keys are the dependencies by design.
  }, resetOn)

  const onScroll = useCallback((e: UIEvent<HTMLDivElement>) => setScrollTop(e.currentTarget.scrollTop), [])
  const range = visibleRange({ scrollTop, viewportHeight: measured ?? viewportHeight, rowHeight: ROW_HEIGHT, rowCount, overscan: OVERSCAN })
  return { scroller, onScroll, range }
}

export interface SortHeaderProps<C extends string> {
  columns: readonly C[]
  headers: Readonly<Record<C, MessageKey>>
  /** The column sorted by, if any of these, and its direction. */
  sort: { column: string; direction: SortDirection }
  onSort: (column: C) => void
  t: I18n["t"]
}

/** The header row: one sort button per column, the sorted one marked. */
export function SortHeader<C extends string>({ columns, headers, sort, onSort, t }: SortHeaderProps<C>) {
  return (
    <thead>
      <tr aria-rowindex={1}>
        {columns.map((column) => (
          <th key={column} scope="col" aria-sort={sort.column === column ? sort.direction : "none"} className={`col-${column}`}>
            <button type="button" className="sort-button" onClick={() => onSort(column)}>
              {t(headers[column])}
              <span aria-hidden="true" className="sort-mark">
                {sort.column === column ? (sort.direction === "ascending" ? " ▲" : " ▼") : ""}
              </span>
            </button>
          </th>
        ))}
      </tr>
    </thead>
  )
}

/** The rows in view between the spacers that stand in for the rows above and below them. */
export function WindowedBody({ range, columns, children }: { range: WindowRange; columns: number; children: ReactNode }) {
  return (
    <tbody>
      {range.padTop > 0 ? (
        <tr aria-hidden="true" className="spacer" style={{ blockSize: range.padTop }}>
          <td colSpan={columns} />
        </tr>
      ) : null}
      {children}
      {range.padBottom > 0 ? (
        <tr aria-hidden="true" className="spacer" style={{ blockSize: range.padBottom }}>
          <td colSpan={columns} />
        </tr>
      ) : null}
    </tbody>
  )
}
