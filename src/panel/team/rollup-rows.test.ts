import { describe, expect, it } from "vitest"
import { CALM } from "../../../tests/support/rollup-fixtures"
import { makeI18n } from "../i18n"
import { axisLabelWords, BY_ATTENTION, historyChanges, labelSeries, nextRollupSort } from "./rollup-rows"

const at = (day: number, risk: string, dominance = "supplier") => ({ at: day * 86_400_000, labels: { ...CALM, risk, dominance }, sharedBy: `rep${day}` })

describe("roll-up rows helpers", () => {
  it("turns an axis' history into ordinal steps: unknown is a gap, a label this build does not know gets its own step", () => {
    const series = labelSeries([at(1, "healthy"), at(2, "unknown"), at(3, "at-risk"), at(4, "critical")], "risk", ["at-risk", "watch", "healthy", "unknown"])
    expect(series.ticks).toEqual(["at-risk", "watch", "healthy", "critical"])
    expect(series.points).toEqual([{ x: 86_400_000, y: 2 }, { x: 3 * 86_400_000, y: 0 }, { x: 4 * 86_400_000, y: 3 }])
  })

  it("lists every change newest first, with who shared the snapshot that made it", () => {
    const changes = historyChanges([at(1, "healthy"), at(2, "watch", "customer"), at(3, "watch", "customer")], ["dominance", "risk"])
    expect(changes).toEqual([
      { at: 2 * 86_400_000, axis: "dominance", from: "supplier", to: "customer", sharedBy: "rep2" },
      { at: 2 * 86_400_000, axis: "risk", from: "healthy", to: "watch", sharedBy: "rep2" }
    ])
  })

  it("cycles a header: ascending, descending, back to attention first (dates start newest first)", () => {
    const a = nextRollupSort(BY_ATTENTION, "risk")
    expect(a).toEqual({ column: "risk", direction: "ascending" })
    const b = nextRollupSort(a, "risk")
    expect(b).toEqual({ column: "risk", direction: "descending" })
    expect(nextRollupSort(b, "risk")).toEqual(BY_ATTENTION)
    expect(nextRollupSort(BY_ATTENTION, "latestAt")).toEqual({ column: "latestAt", direction: "descending" })
  })

  it("says labels in the panel's words, keeping one it does not know", () => {
    const fa = makeI18n("fa")
    expect(axisLabelWords(fa.t, "risk", "at-risk")).toBe(fa.t("riskAtRisk"))
    expect(axisLabelWords(fa.t, "risk", "unknown")).toBe(fa.t("unknownShort"))
    expect(axisLabelWords(fa.t, "risk", "critical")).toBe("critical")
  })
})
