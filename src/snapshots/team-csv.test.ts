import { describe, expect, it } from "vitest"
import { slicer } from "./chunk"
import { BOM } from "./csv"
import { sampleSnapshot } from "../../tests/support/snapshot-fixtures"
import { buildTeamCsv, type TeamPageReader } from "./team-csv"

describe("buildTeamCsv", () => {
  it("writes 5,000 accounts one row each, with a BOM, yielding whenever a slice's budget is spent", async () => {
    const s = await sampleSnapshot()
    const keys = Array.from({ length: 5_000 }, (_, i) => `salesforce:acme:001${String(i).padStart(15, "0")}`)
    const read: TeamPageReader = async (after, limit) => {
      const start = after === null ? 0 : keys.indexOf(after) + 1
      return keys.slice(start, start + limit).map((key, i) => ({ account: { key, name: `Account ${start + i}` }, profile: s.payload.profile, lastActivity: null }))
    }
    // A clock where every look costs 1 ms: the builder must yield at least every 8 looks. (How long
    // real slices take in the panel is team-csv-5k in `npm run bench`.)
    let clock = 0
    let yields = 0
    const yieldFn = async () => {
      yields++
    }
    const { parts, rows } = await buildTeamCsv(read, { redact: true, yieldFn, budgetMs: 8, now: () => ++clock })
    expect(yields).toBeGreaterThanOrEqual(Math.floor(clock / 9))
    expect(rows).toBe(5_000)
    expect(parts[0]).toBe(BOM)
    const text = parts.join("")
    expect(text.split("\r\n").length).toBe(5_000 + 2) // header, rows, trailing empty
  })

  it("stops at the first pause after being cancelled", async () => {
    const controller = new AbortController()
    const slice = slicer({ signal: controller.signal, yieldFn: async () => undefined })
    controller.abort()
    await expect(slice.pause()).rejects.toThrow(/cancelled/)
  })
})

describe("a corrupt stored row", () => {
  it("writes its row with empty dates instead of losing the whole export", async () => {
    const { teamCsvRow } = await import("./csv-team")
    const s = await sampleSnapshot()
    const profile = { ...s.payload.profile, computedAt: 1e20 }
    const row = teamCsvRow({ account: { key: "salesforce:acme:001", name: "Acme" }, profile, lastActivity: 8.64e15 + 1 }, true)
    expect(row).toContain("Acme")
    const deals = Array.from({ length: 200_000 }, (_, n) => ({ revision: n + 1, at: n, net: 1, discountPercent: 1, quoteKey: "q" }))
    const huge = { ...s.payload.profile, concessions: { ...s.payload.profile.concessions, deals: [{ ...s.payload.profile.concessions.deals[0], finalDiscountPercent: 12, revisions: deals }] } }
    expect(() => teamCsvRow({ account: { key: "salesforce:acme:002", name: "Acme 2" }, profile: huge }, true)).not.toThrow()
  })
})
