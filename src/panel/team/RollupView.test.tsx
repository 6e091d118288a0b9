// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest"
import { buildRollup } from "../../team/rollup"
import { DAY, manyFiles, NOW, skippedFile, teamScenario } from "../../../tests/support/rollup-fixtures"
import { click, render, selectOption, waitFor, type Rendered } from "../../../tests/support/panel-testing"
import { makeI18n } from "../i18n"
import { MAX_SKIPPED_SHOWN, RollupView, type RollupViewProps } from "./RollupView"
import { DEFAULT_VIEWPORT, OVERSCAN, ROW_HEIGHT } from "./WindowedTable"

const EN = makeI18n("en")
const FA = makeI18n("fa")

const scenario = (staleDays = 30) => buildRollup(teamScenario(), { now: NOW, staleDays })
const props = (over: Partial<RollupViewProps> = {}): RollupViewProps => ({ rows: scenario(), skipped: [], states: [], i18n: EN, staleDays: 30, ...over })
const q = (r: Rendered, id: string) => r.container.querySelector(`[data-testid="${id}"]`)
const all = (r: Rendered, id: string) => [...r.container.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)]
const keys = (r: Rendered) => all(r, "team-rollup-row").map((tr) => tr.dataset.accountKey)

describe("team roll-up view", () => {
  let r: Rendered | undefined
  afterEach(() => r?.unmount())

  it("renders one row per account with owner, labels and the change from → to, attention first", () => {
    r = render(<RollupView {...props()} />)
    const rows = all(r, "team-rollup-row")
    expect(rows).toHaveLength(4)
    // Risk rose and power moved (urgent) come before the stale account, which comes before the calm one.
    expect(keys(r).slice(-2)).toEqual(["salesforce:00Dlead:001OLD", "dynamics:contoso:001CALM"])
    const rising = rows.find((tr) => tr.dataset.accountKey === "salesforce:00Dlead:001RISE")!
    expect(rising.dataset.risk).toBe("at-risk")
    expect(rising.dataset.dominance).toBe("supplier")
    expect(rising.querySelector('[data-testid="team-rollup-owner"]')?.textContent).toBe("Ava Rep")
    expect(rising.querySelector(".col-risk")?.textContent).toBe("At risk")
    expect(rising.querySelector(".col-changed")?.textContent).toBe("Watch → At risk")
    expect(rows.find((tr) => tr.dataset.accountKey === "dynamics:contoso:001CALM")?.querySelector(".col-changed")?.textContent).toBe("—")
  })

  it("lists nudges with the snapshot's evidence, CRM text isolated", () => {
    r = render(<RollupView {...props()} />)
    const nudges = all(r, "team-nudge")
    expect(nudges.map((n) => n.dataset.kind).sort()).toEqual(["dominance-to-customer", "risk-rose", "stale"])
    const rose = nudges.find((n) => n.dataset.kind === "risk-rose")!
    expect(rose.textContent).toContain("Risk rose from Watch to At risk")
    expect(rose.textContent).toContain("2 escalated cases still open.")
    expect([...rose.querySelectorAll("bdi")].map((b) => b.textContent)).toContain('=HYPERLINK("x") Acme')
    expect(nudges.find((n) => n.dataset.kind === "stale")?.textContent).toContain("No snapshot shared for 45 days")
    expect(nudges.find((n) => n.dataset.kind === "dominance-to-customer")?.textContent).toContain("1 sole-source mention against 4 competitor mentions.")
  })

  it("changes the stale age through its select", () => {
    const onStaleDays = vi.fn()
    r = render(<RollupView {...props({ onStaleDays })} />)
    selectOption(q(r, "team-rollup-stale") as HTMLSelectElement, "60")
    expect(onStaleDays).toHaveBeenCalledWith(60)
    // At 60 days the old account is no longer stale (buildRollup decides; the view shows it).
    r.rerender(<RollupView {...props({ rows: scenario(60), staleDays: 60 })} />)
    expect(all(r, "team-nudge").map((n) => n.dataset.kind)).not.toContain("stale")
  })

  it("filters by owner, risk, dominance and label change", () => {
    r = render(<RollupView {...props()} />)
    selectOption(q(r, "team-rollup-filter-owner") as HTMLSelectElement, "005B")
    expect(keys(r).sort()).toEqual(["salesforce:00Dlead:001DOM", "salesforce:00Dlead:001OLD"])
    selectOption(q(r, "team-rollup-filter-dominance") as HTMLSelectElement, "customer")
    expect(keys(r)).toEqual(["salesforce:00Dlead:001DOM"])
    selectOption(q(r, "team-rollup-filter-owner") as HTMLSelectElement, "")
    selectOption(q(r, "team-rollup-filter-dominance") as HTMLSelectElement, "")
    selectOption(q(r, "team-rollup-filter-risk") as HTMLSelectElement, "healthy")
    expect(keys(r).sort()).toEqual(["dynamics:contoso:001CALM", "salesforce:00Dlead:001DOM", "salesforce:00Dlead:001OLD"])
    selectOption(q(r, "team-rollup-filter-risk") as HTMLSelectElement, "")
    click(q(r, "team-rollup-filter-changed"))
    expect(keys(r).sort()).toEqual(["salesforce:00Dlead:001DOM", "salesforce:00Dlead:001RISE"])
    expect(q(r, "team-rollup-count")?.textContent).toBe("2 of 4 accounts")
  })

  it("sorts by a header, then back to attention first", () => {
    r = render(<RollupView {...props()} />)
    const header = r.container.querySelector("th.col-name")!
    click(header.querySelector("button"))
    expect(header.getAttribute("aria-sort")).toBe("ascending")
    expect(all(r, "team-rollup-row").map((tr) => tr.querySelector(".col-name")?.textContent)).toEqual(["Calm Co", "Old News Inc", "Rising Risk Ltd", "شرکت پارس"])
    click(header.querySelector("button"))
    expect(header.getAttribute("aria-sort")).toBe("descending")
    click(header.querySelector("button"))
    expect(header.getAttribute("aria-sort")).toBe("none")
    expect(keys(r).slice(-1)).toEqual(["dynamics:contoso:001CALM"])
  })

  it("keeps the DOM bounded: 5,000 accounts render no more rows than the viewport holds", () => {
    const rows = buildRollup(manyFiles(5000), { now: NOW, staleDays: 30 })
    expect(rows).toHaveLength(5000)
    r = render(<RollupView {...props({ rows })} />)
    expect(all(r, "team-rollup-row").length).toBeLessThanOrEqual(Math.ceil(DEFAULT_VIEWPORT / ROW_HEIGHT) + OVERSCAN)
    expect(all(r, "team-rollup-row").length).toBeGreaterThan(5)
    expect(r.container.querySelector(".rollup-table")?.getAttribute("aria-rowcount")).toBe("5001")
    // The nudges list is capped too; the rest are counted.
    expect(new Set(all(r, "team-nudge").map((n) => n.dataset.accountKey)).size).toBeLessThanOrEqual(12)
  })

  it("shows a selected account's label history with its changes and dates", () => {
    r = render(<RollupView {...props()} />)
    expect(q(r, "team-rollup-chart")).toBeNull()
    click(all(r, "team-rollup-row").find((tr) => tr.dataset.accountKey === "salesforce:00Dlead:001RISE"))
    const chart = q(r, "team-rollup-chart") as HTMLElement
    expect(chart.dataset.points).toBe("2")
    expect(chart.querySelectorAll("canvas")).toHaveLength(3)
    const changes = [...chart.querySelectorAll('[data-testid="team-rollup-changes"] li')]
    expect(changes).toHaveLength(1)
    expect(changes[0]?.textContent).toContain("Risk: Watch → At risk")
    expect(changes[0]?.querySelector("time")?.getAttribute("dateTime")).toBe(new Date(NOW - 2 * DAY).toISOString())
  })

  it("refreshes and says per org what the refresh did, or what to do", async () => {
    const onRefresh = vi.fn(async (full: boolean) => ({
      ok: true as const,
      data: {
        orgs: [
          { crm: "salesforce" as const, org: "00Dlead", listed: 12, read: 3, skipped: 1, unchanged: 8, removed: 0, calls: 4, pending: 0, status: "ok" as const },
          { crm: "dynamics" as const, org: "contoso", listed: 0, read: 0, skipped: 0, unchanged: 0, removed: 0, calls: 0, pending: 2, status: "failed" as const, error: "401", code: "session-expired" as const }
        ],
        at: NOW,
        full
      }
    }))
    r = render(<RollupView {...props({ onRefresh, skipped: [skippedFile("bad1", "tampered"), skippedFile("bad2", "newer-version")] })} />)
    click(q(r, "team-rollup-refresh"))
    const status = await waitFor(() => (q(r!, "team-rollup-status")?.textContent?.includes("listed") ? q(r!, "team-rollup-status") : null))
    expect(onRefresh).toHaveBeenCalledWith(false)
    expect(status.textContent).toContain("Salesforce · 00Dlead: 12 listed, 3 read, 1 left out, 8 unchanged, 4 API calls")
    expect(status.textContent).toContain("Dynamics 365 · contoso: not refreshed. Open Dynamics 365 in a tab and sign in, then refresh.")
    expect(status.textContent).toContain("2 files wait for the next refresh.")
    const skipped = q(r, "team-rollup-skipped")!
    expect([...skipped.querySelectorAll("li")].map((li) => li.getAttribute("data-reason"))).toEqual(["tampered", "newer-version"])
    expect(skipped.textContent).toContain("changed after Parley sealed it")
    expect(skipped.textContent).toContain("made by a newer version of Parley")
  })

  it("speaks Persian: labels, nudges, digits and skip reasons", () => {
    r = render(<RollupView {...props({ i18n: FA, skipped: [skippedFile("bad1", "wrong-record")] })} />)
    const rising = all(r, "team-rollup-row").find((tr) => tr.dataset.accountKey === "salesforce:00Dlead:001RISE")!
    expect(rising.querySelector(".col-risk")?.textContent).toBe(FA.t("riskAtRisk"))
    expect(rising.querySelector(".col-latestAt")?.textContent).toMatch(/[۰-۹]/)
    const stale = all(r, "team-nudge").find((n) => n.dataset.kind === "stale")!
    expect(stale.textContent).toContain("۴۵ روز است که اسنپ‌شاتی هم‌رسانی نشده")
    const rose = all(r, "team-nudge").find((n) => n.dataset.kind === "risk-rose")!
    expect(rose.textContent).toContain("پروندهٔ ارجاع‌شده هنوز باز است")
    expect(q(r, "team-rollup-skipped")?.textContent).toContain("دربارهٔ حسابی دیگر است")
    expect(q(r, "team-nudges")?.querySelector("h3")?.textContent).toBe("نیازمند توجه (۳)")
  })

  it("names at most MAX_SKIPPED_SHOWN skipped files and counts the rest", () => {
    const skipped = Array.from({ length: MAX_SKIPPED_SHOWN + 70 }, (_, i) => skippedFile(`junk${i}`, "not-a-snapshot"))
    r = render(<RollupView {...props({ skipped })} />)
    expect(q(r, "team-rollup-skipped")?.querySelectorAll("li[data-reason]")).toHaveLength(MAX_SKIPPED_SHOWN)
    expect(q(r, "team-rollup-skipped")?.textContent).toContain("70 more files left out")
    expect(q(r, "team-rollup-skipped")?.querySelector("summary")?.textContent).toContain(String(MAX_SKIPPED_SHOWN + 70))
  })
})
