import { describe, expect, it } from "vitest"
import { QUADRANT_CELLS, quadrantOf, quadrantPosition, wrapLabel } from "./quadrant-geometry"

describe("CRM strategy quadrant", () => {
  it("puts the usual path from bottom-left to top-right", () => {
    expect(quadrantOf(0.1, 0.1)).toBe("product-based-selling")
    expect(quadrantOf(0.9, 0.9)).toBe("individualised-crm")
    expect(QUADRANT_CELLS["product-based-selling"]).toEqual({ col: 0, row: 1 })
    expect(QUADRANT_CELLS["individualised-crm"]).toEqual({ col: 1, row: 0 })
  })

  it("keeps the off-diagonal cells consistent between geometry and classification", () => {
    for (const [info, individual] of [
      [0.8, 0.2],
      [0.2, 0.8]
    ] as const) {
      const q = quadrantOf(info, individual)
      const cell = QUADRANT_CELLS[q]
      expect(cell.col).toBe(individual >= 0.5 ? 1 : 0)
      expect(cell.row).toBe(info >= 0.5 ? 0 : 1)
    }
  })

  it("maps scores to SVG coordinates (y flipped) inside the padding, clamped", () => {
    expect(quadrantPosition(0, 0, 100, 10)).toEqual({ cx: 10, cy: 90, quadrant: "product-based-selling" })
    expect(quadrantPosition(1, 1, 100, 10)).toEqual({ cx: 90, cy: 10, quadrant: "individualised-crm" })
    expect(quadrantPosition(0.5, 0.25, 100, 10)).toMatchObject({ cx: 30, cy: 50 })
    expect(quadrantPosition(7, -3, 100, 10)).toMatchObject({ cx: 10, cy: 10 })
    expect(quadrantPosition(NaN, 0.5, 100, 10)).toBeNull()
  })
})

describe("quadrant labels", () => {
  it("wrap long labels into two balanced lines and keep short ones", () => {
    expect(wrapLabel("Customer marketing")).toEqual(["Customer", "marketing"])
    expect(wrapLabel("Service & support")).toEqual(["Service &", "support"])
    expect(wrapLabel("Individualised")).toEqual(["Individualised"])
    expect(wrapLabel("خدمات و پشتیبانی")).toEqual(["خدمات و", "پشتیبانی"])
  })
})
