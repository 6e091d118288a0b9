// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest"
import { makeI18n } from "../i18n"
import { click, render, waitFor, type Rendered } from "../../../tests/support/panel-testing"
import type { TeamRow } from "./rows"
import { TeamTable } from "./TeamTable"
import { DEFAULT_VIEWPORT, OVERSCAN, ROW_HEIGHT } from "./WindowedTable"

const RISKS = ["healthy", "watch", "at-risk", null] as const
const rows = (n: number): TeamRow[] =>
  Array.from({ length: n }, (_, i) => ({
    accountKey: `salesforce:o:${String(i).padStart(5, "0")}`,
    name: `Account ${String(i).padStart(5, "0")}`,
    org: "o",
    dominance: i % 2 ? "customer" : "supplier",
    valueOrigin: "unknown",
    initiator: null,
    criterion: "price",
    risk: RISKS[i % 4]!,
    tier: "medium",
    lastActivity: Date.UTC(2026, 0, 1) + i * 86_400_000
  }))

const bodyRows = (r: Rendered) => [...r.container.querySelectorAll("tbody tr:not(.spacer)")]

describe("team table", () => {
  let r: Rendered | undefined
  afterEach(() => r?.unmount())

  it("keeps the DOM bounded: 5,000 rows render as many row elements as 50 would fill", () => {
    const maxRows = Math.ceil(DEFAULT_VIEWPORT / ROW_HEIGHT) + OVERSCAN
    r = render(<TeamTable rows={rows(5000)} />)
    expect(bodyRows(r).length).toBeLessThanOrEqual(maxRows)
    expect(r.container.querySelector("table")?.getAttribute("aria-rowcount")).toBe("5001")
    // The spacers stand in for the rest, so the scrollbar is right.
    const spacers = [...r.container.querySelectorAll<HTMLElement>("tr.spacer")]
    expect(spacers.reduce((h, s) => h + parseFloat(s.style.blockSize), 0) + bodyRows(r).length * ROW_HEIGHT).toBe(5000 * ROW_HEIGHT)
    r.unmount()
    r = render(<TeamTable rows={rows(50)} />)
    expect(bodyRows(r).length).toBe(Math.min(50, maxRows))
  })

  it("renders the rows under the scroll position", async () => {
    r = render(<TeamTable rows={rows(5000)} />)
    const scroller = r.container.querySelector<HTMLElement>('[data-testid="team-table"]')!
    scroller.scrollTop = 1000 * ROW_HEIGHT
    scroller.dispatchEvent(new Event("scroll", { bubbles: true }))
    const names = await waitFor(() => {
      const list = bodyRows(r!).map((tr) => tr.querySelector(".col-name")?.textContent)
      return list.includes("Account 01000") ? list : null
    })
    expect(names).not.toContain("Account 00000")
    expect(names.length).toBeLessThanOrEqual(Math.ceil(DEFAULT_VIEWPORT / ROW_HEIGHT) + 2 * OVERSCAN)
  })

  it("sorts by a column header and says so with aria-sort", () => {
    r = render(<TeamTable rows={rows(40)} rowsSortedBy={{ column: "name", direction: "ascending" }} />)
    const riskHeader = r.container.querySelector("th.col-risk")!
    expect(riskHeader.getAttribute("aria-sort")).toBe("none")
    expect(r.container.querySelector("th.col-name")?.getAttribute("aria-sort")).toBe("ascending")
    click(riskHeader.querySelector("button"))
    expect(riskHeader.getAttribute("aria-sort")).toBe("ascending")
    expect(bodyRows(r)[0]?.querySelector(".col-risk")?.textContent).toBe("At risk")
    click(riskHeader.querySelector("button"))
    expect(riskHeader.getAttribute("aria-sort")).toBe("descending")
    expect(bodyRows(r)[0]?.querySelector(".col-risk")?.textContent).toBe("Healthy")
  })

  it("shows human labels, 'Unknown' and '—' for missing ones, in the panel's language", () => {
    r = render(<TeamTable rows={rows(1)} i18n={makeI18n("fa")} />)
    const row = bodyRows(r)[0]!
    expect(row.querySelector(".col-dominance")?.textContent).toBe("دست بالا با ماست")
    expect(row.querySelector(".col-valueOrigin")?.textContent).toBe("نامعلوم")
    expect(row.querySelector(".col-initiator")?.textContent).toBe("—")
    expect(row.querySelector(".col-lastActivity")?.textContent).toMatch(/[۰-۹]/)
  })

  it("selects an account on click without navigating", () => {
    const onSelect = vi.fn()
    r = render(<TeamTable rows={rows(3)} onSelect={onSelect} />)
    click(bodyRows(r)[1]?.querySelector("button"))
    expect(onSelect).toHaveBeenCalledWith("salesforce:o:00001")
    expect(r.container.querySelector("a")).toBeNull()
  })
})
