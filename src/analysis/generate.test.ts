import { describe, expect, it } from "vitest"
import { AccountHistory } from "../model/schema"
import { generateHistory } from "./generate"
import { classifyRelationship } from "./index"

describe("synthetic history generator", () => {
  it("is deterministic per seed", () => {
    expect(generateHistory({ interactions: 300, seed: 4 })).toEqual(generateHistory({ interactions: 300, seed: 4 }))
    expect(generateHistory({ interactions: 300, seed: 4 })).not.toEqual(generateHistory({ interactions: 300, seed: 5 }))
  })

  it("produces valid canonical records in a realistic mix", () => {
    const h = generateHistory({ interactions: 3_000, seed: 2 })
    expect(AccountHistory.safeParse(h).success).toBe(true)
    expect(h.interactions).toHaveLength(3_000)
    const channels = new Set(h.interactions.map((i) => i.channel))
    const directions = new Set(h.interactions.map((i) => i.direction))
    expect(channels.size).toBe(5)
    expect(directions.size).toBe(4)
    expect(h.quotes.some((q) => q.revision > 1)).toBe(true)
    expect(h.quoteLines.some((l) => l.isCustom)).toBe(true)
    expect(h.deals.some((d) => d.isClosed && !d.isWon)).toBe(true)
    expect(h.cases.length).toBeGreaterThan(0)
    expect(h.contracts.length).toBeGreaterThan(0)
    // Sorted by time, as Dexie's "history by time" index returns it.
    expect(h.interactions.every((i, n) => n === 0 || h.interactions[n - 1]!.at <= i.at)).toBe(true)
    const profile = classifyRelationship(h)
    expect(profile.rejected).toEqual([])
    expect(profile.sampleSize.interactions).toBe(3_000)
    const weights = Object.values(profile.decisionCriteria.weights)
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10)
  })
})
