import { describe, expect, it } from "vitest"
import { formatDate, formatNumber, formatPercent } from "./format"

const NOV_20_2026 = Date.UTC(2026, 10, 20, 9)

describe("locale formatting", () => {
  it("writes Persian dates in the Solar Hijri calendar with Persian digits", () => {
    const fa = formatDate(NOV_20_2026, "fa", "date")
    expect(fa).toContain("۱۴۰۵")
    expect(fa).toContain("آبان")
    expect(formatDate(NOV_20_2026, "en", "date")).toBe("Nov 20, 2026")
  })

  it("uses Persian digits and separators for numbers and percentages", () => {
    expect(formatNumber(1234.5, "fa")).toBe("۱٬۲۳۴٫۵")
    expect(formatPercent(0.42, "fa")).toMatch(/^۴۲/)
    expect(formatPercent(0.42, "en")).toBe("42%")
  })

  it("gives an empty string for missing values instead of NaN or Invalid Date", () => {
    expect(formatDate(undefined, "en")).toBe("")
    expect(formatDate(NaN, "fa")).toBe("")
    expect(formatNumber(null, "en")).toBe("")
  })
})
