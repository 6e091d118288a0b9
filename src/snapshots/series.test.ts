import { describe, expect, it } from "vitest"
import type { LedgerEntry } from "../analysis/profile"
import { caseSeries, discountSeries, interactionsByMonth, monthStart, openDealEntry, revisionSeries, sortUnique } from "./series"

const at = (y: number, m: number, d = 15) => Date.UTC(y, m - 1, d)
const DAY = 86_400_000

const entry = (key: string, over: Partial<LedgerEntry> = {}): LedgerEntry => ({
  key,
  dealKey: key,
  name: key,
  currency: "USD",
  listPrice: 100,
  revisions: [],
  rounds: 0,
  finalDiscountPercent: null,
  maxDiscountPercent: null,
  movedLast: "none",
  outcome: "won",
  ...over
})

describe("chart series", () => {
  it("buckets interactions per UTC month by direction, zero-filling quiet months", () => {
    const b = interactionsByMonth([
      { at: at(2025, 1, 3), direction: "inbound" },
      { at: at(2025, 1, 30), direction: "outbound" },
      { at: at(2025, 1, 31), direction: "inbound" },
      { at: at(2025, 4, 1), direction: "outbound" },
      { at: at(2025, 2, 1), direction: "internal" }
    ])
    expect(b.inbound).toEqual([
      { x: at(2025, 1, 1), y: 2 },
      { x: at(2025, 2, 1), y: 0 },
      { x: at(2025, 3, 1), y: 0 },
      { x: at(2025, 4, 1), y: 0 }
    ])
    expect(b.outbound.map((p) => p.y)).toEqual([1, 0, 0, 1])
    expect(b.other).toBe(1)
    expect(interactionsByMonth([])).toEqual({ inbound: [], outbound: [], other: 0 })
  })

  it("crosses year ends", () => {
    expect(monthStart(at(2024, 12, 31))).toBe(at(2024, 12, 1))
    const b = interactionsByMonth([
      { at: at(2024, 12, 5), direction: "inbound" },
      { at: at(2025, 1, 5), direction: "inbound" }
    ])
    expect(b.inbound.map((p) => p.x)).toEqual([at(2024, 12, 1), at(2025, 1, 1)])
  })

  it("sorts and separates equal x values (normalized data needs unique indices)", () => {
    const s = sortUnique([
      { x: 5, y: 1 },
      { x: 3, y: 2 },
      { x: 5, y: 3 },
      { x: NaN, y: 1 }
    ])
    expect(s).toEqual([
      { x: 3, y: 2 },
      { x: 5, y: 1 },
      { x: 6, y: 3 }
    ])
  })

  it("plots each deal's final and deepest discount at its last revision", () => {
    const d = discountSeries([
      entry("b", { revisions: [{ quoteKey: "q2", revision: 1, at: 200, net: 90, discountPercent: 10 }], finalDiscountPercent: 10, maxDiscountPercent: 10 }),
      entry("a", {
        revisions: [
          { quoteKey: "q1", revision: 1, at: 50, net: 95, discountPercent: 5 },
          { quoteKey: "q1b", revision: 2, at: 100, net: 92, discountPercent: 8 }
        ],
        finalDiscountPercent: 8,
        maxDiscountPercent: 8
      }),
      entry("c")
    ])
    expect(d.final).toEqual([
      { x: 100, y: 8 },
      { x: 200, y: 10 }
    ])
    expect(d.deepest).toHaveLength(2)
  })

  it("finds the open deal by the record in view, else the latest open one", () => {
    const deals = [
      entry("d1", { outcome: "open", revisions: [{ quoteKey: "qa", revision: 1, at: 10, net: 100, discountPercent: 0 }] }),
      entry("d2", { outcome: "open", revisions: [{ quoteKey: "qb", revision: 1, at: 20, net: 100, discountPercent: 0 }] }),
      entry("d3", { outcome: "won", revisions: [{ quoteKey: "qc", revision: 1, at: 30, net: 100, discountPercent: 0 }] })
    ]
    expect(openDealEntry(deals, ["qa"])?.key).toBe("d1")
    expect(openDealEntry(deals, ["d3"])?.key).toBe("d3")
    expect(openDealEntry(deals)?.key).toBe("d2")
    expect(openDealEntry([entry("x")])).toBeNull()
  })

  it("gives net price per revision, skipping unknown nets", () => {
    expect(
      revisionSeries(
        entry("d", {
          revisions: [
            { quoteKey: "a", revision: 2, at: 2, net: 90, discountPercent: 10 },
            { quoteKey: "b", revision: 1, at: 1, net: 100, discountPercent: 0 },
            { quoteKey: "c", revision: 3, at: 3, net: null, discountPercent: null }
          ]
        })
      )
    ).toEqual([
      { x: 1, y: 100 },
      { x: 2, y: 90 }
    ])
    expect(revisionSeries(null)).toEqual([])
  })

  it("measures days to close per closed case and counts open ones", () => {
    const c = caseSeries([
      { openedAt: 0, closedAt: 3 * DAY, isClosed: true },
      { openedAt: DAY, isClosed: false },
      { openedAt: 2 * DAY, closedAt: 2.5 * DAY, isClosed: true }
    ])
    expect(c).toEqual({ daysToClose: [{ x: 0, y: 3 }, { x: 2 * DAY, y: 0.5 }], open: 1, closed: 2 })
  })
})
