import { describe, expect, it } from "vitest"
import { scrollToRow, visibleRange } from "./windowing"

describe("windowing", () => {
  it("renders only the visible rows plus the overscan", () => {
    const r = visibleRange({ scrollTop: 0, viewportHeight: 320, rowHeight: 32, rowCount: 5000, overscan: 5 })
    expect(r).toEqual({ start: 0, end: 15, padTop: 0, padBottom: (5000 - 15) * 32, totalHeight: 160_000 })
  })

  it("keeps the window size constant in the middle of a long list", () => {
    const r = visibleRange({ scrollTop: 32 * 1000 + 10, viewportHeight: 320, rowHeight: 32, rowCount: 5000, overscan: 5 })
    expect(r.start).toBe(995)
    expect(r.end).toBe(1016)
    expect(r.padTop + (r.end - r.start) * 32 + r.padBottom).toBe(r.totalHeight)
  })

  it("clamps a scroll position past the end (rows removed while scrolled down)", () => {
    const r = visibleRange({ scrollTop: 1e9, viewportHeight: 320, rowHeight: 32, rowCount: 50, overscan: 5 })
    expect(r.end).toBe(50)
    expect(r.start).toBe(50 - 10 - 5)
    expect(r.padBottom).toBe(0)
  })

  it("handles short lists, empty lists and bad input", () => {
    expect(visibleRange({ scrollTop: 0, viewportHeight: 500, rowHeight: 32, rowCount: 3, overscan: 8 })).toMatchObject({ start: 0, end: 3, padTop: 0, padBottom: 0 })
    expect(visibleRange({ scrollTop: 0, viewportHeight: 500, rowHeight: 32, rowCount: 0, overscan: 8 })).toMatchObject({ start: 0, end: 0, totalHeight: 0 })
    expect(visibleRange({ scrollTop: NaN, viewportHeight: NaN, rowHeight: 0, rowCount: 10, overscan: -3 })).toMatchObject({ start: 0, end: 0 })
  })

  it("does not grow with the row count", () => {
    const small = visibleRange({ scrollTop: 0, viewportHeight: 420, rowHeight: 32, rowCount: 50, overscan: 8 })
    const large = visibleRange({ scrollTop: 0, viewportHeight: 420, rowHeight: 32, rowCount: 5000, overscan: 8 })
    expect(large.end - large.start).toBe(small.end - small.start)
  })

  it("scrolls just enough to show a row", () => {
    expect(scrollToRow(0, 100, 320, 32)).toBe(0)
    expect(scrollToRow(20, 0, 320, 32)).toBe(21 * 32 - 320)
    expect(scrollToRow(5, 100, 320, 32)).toBe(100)
  })
})
