/**
 * Invariants every profile keeps, over generated histories of several sizes: a label names its
 * records (and only records of this history), an unknown label claims nothing, the profile
 * passes its schema.
 */
import { describe, expect, it } from "vitest"
import { renderMessage } from "../i18n/render"
import { generateHistory } from "./generate"
import { classifyRelationship, RelationshipProfile, type Evidence } from "./index"

const AXES = ["valueOrigin", "dominance", "initiator", "decisionCriteria", "complaints", "dependence", "crmStrategy", "valueTier", "risk"] as const

describe.each([
  [40, 1],
  [300, 2],
  [1_500, 3],
  [4_000, 4]
])("a generated history of %i interactions (seed %i)", (interactions, seed) => {
  const h = generateHistory({ interactions, seed })
  const peers = seed % 2 === 0 ? [1, 2, 3, 4, 5, 6].map((i) => ({ accountKey: `salesforce:bench:P${i}`, value: i * 80_000 })) : undefined
  const profile = classifyRelationship(h, { peers })
  const keys = new Set([h.account, ...h.contacts, ...h.interactions, ...h.deals, ...h.quotes, ...h.quoteLines, ...h.cases, ...h.contracts].map((r) => r.key))
  const named = (items: readonly Evidence[]) => items.every((e) => keys.has(e.recordKey) && /[.!?]$/.test(renderMessage(e.reason, "en")) && renderMessage(e.reason, "en").length < 400)

  it("passes its schema", () => {
    expect(RelationshipProfile.safeParse(profile).success).toBe(true)
  })

  it.each(AXES)("%s: a label has evidence from this history; unknown has none", (axis) => {
    const a = profile[axis]
    if (a.label === "unknown") {
      expect(a.evidence).toEqual([])
      expect(a.confidence).toBeLessThanOrEqual(0.25)
      expect(a.score).toBe(0)
    } else {
      expect(a.evidence.length).toBeGreaterThan(0)
      expect(named(a.evidence)).toBe(true)
    }
    expect(renderMessage(a.summary, "en").length).toBeGreaterThan(10)
  })

  it("names only records of this history everywhere else too", () => {
    expect(named(profile.concessions.evidence)).toBe(true)
    expect(named(profile.dellTrap.evidence)).toBe(true)
    expect(named(profile.pushback.evidence)).toBe(true)
    expect(profile.risk.reasons.every((r) => named(r.evidence))).toBe(true)
  })
})
