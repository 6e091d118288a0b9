import { describe, expect, it } from "vitest"
import { buildTeamRows, latestByAccount, nextSort, sortRows, type TeamRow } from "./rows"

const row = (name: string, over: Partial<TeamRow> = {}): TeamRow => ({
  accountKey: `salesforce:o:${name}`,
  name,
  org: "o",
  dominance: null,
  valueOrigin: null,
  initiator: null,
  criterion: null,
  risk: null,
  tier: null,
  lastActivity: null,
  ...over
})

describe("team rows", () => {
  it("builds rows from accounts and stored profiles", () => {
    const rows = buildTeamRows(
      [
        { key: "a", name: "Acme", org: "o" },
        { key: "b", name: "Beta", org: "o" }
      ],
      [{ accountKey: "a", profile: { dominance: { label: "customer" }, risk: { label: "at-risk" }, decisionCriteria: { label: "price" }, valueTier: { label: "top" } } }],
      new Map([["a", 42]])
    )
    expect(rows[0]).toMatchObject({ accountKey: "a", dominance: "customer", risk: "at-risk", criterion: "price", tier: "top", lastActivity: 42, initiator: null })
    expect(rows[1]).toMatchObject({ accountKey: "b", dominance: null, lastActivity: null })
  })

  it("sorts label columns in the labels' declared order, missing and unknown last in both directions", () => {
    const rows = [row("a", { risk: "healthy" }), row("b", { risk: null }), row("c", { risk: "at-risk" }), row("d", { risk: "unknown" }), row("e", { risk: "watch" })]
    expect(sortRows(rows, { column: "risk", direction: "ascending" }).map((r) => r.name)).toEqual(["c", "e", "a", "b", "d"])
    expect(sortRows(rows, { column: "risk", direction: "descending" }).map((r) => r.name)).toEqual(["a", "e", "c", "b", "d"])
  })

  it("sorts names case-insensitively and dates newest first when descending; ties by name", () => {
    const rows = [row("beta", { lastActivity: 5 }), row("Alpha", { lastActivity: 9 }), row("gamma", { lastActivity: 5 }), row("delta")]
    expect(sortRows(rows, { column: "name", direction: "ascending" }).map((r) => r.name)).toEqual(["Alpha", "beta", "delta", "gamma"])
    expect(sortRows(rows, { column: "lastActivity", direction: "descending" }).map((r) => r.name)).toEqual(["Alpha", "beta", "gamma", "delta"])
  })

  it("does not mutate its input", () => {
    const rows = [row("b"), row("a")]
    sortRows(rows, { column: "name", direction: "ascending" })
    expect(rows.map((r) => r.name)).toEqual(["b", "a"])
  })

  it("cycles header clicks", () => {
    expect(nextSort({ column: "name", direction: "ascending" }, "name")).toEqual({ column: "name", direction: "descending" })
    expect(nextSort({ column: "name", direction: "descending" }, "risk")).toEqual({ column: "risk", direction: "ascending" })
    expect(nextSort({ column: "name", direction: "ascending" }, "lastActivity")).toEqual({ column: "lastActivity", direction: "descending" })
  })

  it("finds the latest activity per account from index keys", () => {
    const map = latestByAccount([["a", 1], ["a", 7], ["b", 3], "junk", [1, 2]])
    expect([...map]).toEqual([
      ["a", 7],
      ["b", 3]
    ])
  })
})
