/**
 * Windowing math for long lists with a fixed row height: only the rows in view plus an overscan
 * margin are rendered, so 5,000 rows cost about as much as 50 (performance.md §4: an unwindowed
 * 5,000-row React list takes 257–553 ms to the next frame).
 */
export interface WindowInput {
  /** Pixels scrolled from the top of the first row. */
  scrollTop: number
  /** Height of the scrolling viewport in pixels. */
  viewportHeight: number
  rowHeight: number
  rowCount: number
  /** Extra rows rendered above and below the visible ones (keyboard and fast scrolls). */
  overscan: number
}

export interface WindowRange {
  /** First rendered row (inclusive). */
  start: number
  /** Last rendered row + 1 (exclusive). */
  end: number
  /** Height of the spacer above the rendered rows. */
  padTop: number
  /** Height of the spacer below the rendered rows. */
  padBottom: number
  totalHeight: number
}

const finite = (x: number, fallback = 0) => (Number.isFinite(x) ? x : fallback)

export function visibleRange(input: WindowInput): WindowRange {
  const rowHeight = Math.max(1, finite(input.rowHeight, 1))
  const rowCount = Math.max(0, Math.floor(finite(input.rowCount)))
  const overscan = Math.max(0, Math.floor(finite(input.overscan)))
  const viewport = Math.max(0, finite(input.viewportHeight))
  const totalHeight = rowCount * rowHeight
  // A scroll position past the end (rows removed while scrolled down) is clamped to the last page.
  const maxScroll = Math.max(0, totalHeight - viewport)
  const scrollTop = Math.min(Math.max(0, finite(input.scrollTop)), maxScroll)
  const firstVisible = Math.floor(scrollTop / rowHeight)
  const lastVisible = Math.ceil((scrollTop + viewport) / rowHeight)
  const start = Math.max(0, firstVisible - overscan)
  const end = Math.min(rowCount, lastVisible + overscan)
  return { start, end: Math.max(start, end), padTop: start * rowHeight, padBottom: (rowCount - Math.max(start, end)) * rowHeight, totalHeight }
}

/** The scrollTop that brings row `index` fully into view (keyboard navigation), or the current one. */
export function scrollToRow(index: number, scrollTop: number, viewportHeight: number, rowHeight: number): number {
  const top = index * rowHeight
  const bottom = top + rowHeight
  if (top < scrollTop) return top
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight)
  return scrollTop
}
