/** Malformed input: invalid records are dropped and reported, duplicates resolved, nothing throws. */
import { describe, expect, it } from "vitest"
import { classifyRelationship, RelationshipProfile } from "./index"
import { at, keysOf, kit } from "../../tests/support/analysis-kit"

const k = kit({ org: "bad" })
const good = (id: string, day: number, subject: string) => k.interaction(id, { at: at(day), subject })

describe("malformed histories", () => {
  it("drops invalid records, reports each one, and classifies the rest", () => {
    const noDate: Record<string, unknown> = { ...good("I2", 2, "Price too high") }
    delete noDate.at
    const history = {
      account: k.account({ name: "Messy Co" }),
      interactions: [
        good("I1", 1, "Discount request"),
        noDate,
        { ...good("I3", 3, "Price"), channel: "sms" },
        null,
        "not a record",
        { ...good("I4", 4, "Budget"), key: "I4" },
        good("I5", 5, "Cheaper offer from a competitor"),
        good("I6", 6, "Pricing question")
      ],
      deals: [
        k.deal("D1", { createdAt: at(1), amount: -5 }),
        k.deal("D2", { createdAt: at(2), isClosed: true, isWon: false, closeDate: at(9), lossReason: "Price" })
      ],
      quotes: "not a list",
      cases: [{ ...k.kase("K1", { openedAt: at(1) }), openedAt: undefined }],
      contracts: [k.contract("C1", { startDate: at(1), termMonths: -12 })]
    }
    let profile!: ReturnType<typeof classifyRelationship>
    expect(() => (profile = classifyRelationship(history))).not.toThrow()
    const reason = (key: string) => profile.rejected.find((r) => r.recordKey === key)?.reason ?? ""
    expect(reason(k.key("I2"))).toMatch(/\bat\b/)
    expect(reason(k.key("I3"))).toMatch(/channel/)
    expect(reason("I4")).toMatch(/key/)
    expect(reason(k.key("D1"))).toMatch(/amount/)
    expect(reason(k.key("K1"))).toMatch(/openedAt/)
    expect(reason(k.key("C1"))).toMatch(/termMonths/)
    const unkeyed = profile.rejected.filter((r) => r.recordKey === undefined).map((r) => r.reason)
    expect(unkeyed).toEqual(expect.arrayContaining([
      expect.stringMatching(/^interactions\[3\]/), expect.stringMatching(/^interactions\[4\]/), expect.stringMatching(/^quotes: expected a list/)
    ]))
    expect(profile.sampleSize).toMatchObject({ interactions: 3, deals: 1, quotes: 0, cases: 0, contracts: 0 })
    // The valid rest is still classified.
    expect(profile.decisionCriteria.label).toBe("price")
    expect(keysOf(profile.decisionCriteria.evidence)).toEqual(expect.arrayContaining([k.key("D2"), k.key("I1"), k.key("I5"), k.key("I6")]))
    expect(RelationshipProfile.safeParse(profile).success).toBe(true)
  })

  it("rejects records of another account", () => {
    const other = kit({ org: "bad", accountId: "001OTHER" })
    const profile = classifyRelationship(k.history(k.account(), { interactions: [good("I1", 1, "Hello"), other.interaction("I2", { at: at(2), subject: "Price" })] }))
    expect(profile.sampleSize.interactions).toBe(1)
    expect(profile.rejected).toEqual([{ recordKey: other.key("I2"), reason: expect.stringContaining("belongs to account") }])
  })

  it.each([
    ["undefined", undefined],
    ["null", null],
    ["a number", 42],
    ["a string", "history"],
    ["a list", [1, 2, 3]],
    ["no account", { interactions: [] }],
    ["garbage collections", { account: { key: 7 }, interactions: [1, [2], { key: {} }], deals: {}, cases: null }]
  ])("never throws on %s, and claims nothing", (_name, input) => {
    const profile = classifyRelationship(input)
    expect(profile.rejected.length).toBeGreaterThan(0)
    expect(profile.dominance.label).toBe("unknown")
    expect(profile.decisionCriteria.label).toBe("unknown")
    expect(RelationshipProfile.safeParse(profile).success).toBe(true)
  })

  it("ignores invalid options instead of throwing", () => {
    const profile = classifyRelationship(k.history(k.account(), {}), { now: -1, peers: "x" } as never)
    expect(profile.rejected.some((r) => r.reason.startsWith("options ignored"))).toBe(true)
  })
})

describe("de-duplication by key", () => {
  const older = { ...good("I1", 1, "Quality defect on batch 7"), modifiedAt: at(1) }
  const newer = { ...good("I1", 1, "Price too high"), modifiedAt: at(2) }
  const filler = [good("I2", 2, "Discount request"), good("I3", 3, "Budget review")]

  it.each([
    ["older first", [older, ...filler, newer]],
    ["newer first", [newer, ...filler, older]]
  ])("keeps the newer version (%s) and reports the other", (_name, interactions) => {
    const profile = classifyRelationship(k.history(k.account(), { interactions }))
    expect(profile.sampleSize.interactions).toBe(3)
    expect(profile.decisionCriteria.weights.quality).toBe(0)
    expect(profile.decisionCriteria.label).toBe("price")
    expect(profile.rejected).toEqual([{ recordKey: k.key("I1"), reason: expect.stringContaining("duplicate key") }])
  })

  it("keeps the first of two identical versions", () => {
    const profile = classifyRelationship(k.history(k.account(), { interactions: [older, { ...older }] }))
    expect(profile.sampleSize.interactions).toBe(1)
    expect(profile.rejected).toHaveLength(1)
  })

  it("keeps the older valid version when the newer duplicate is invalid", () => {
    const broken = { ...older, modifiedAt: at(5), channel: "fax" }
    const profile = classifyRelationship({ account: k.account(), interactions: [older, broken] })
    expect(profile.sampleSize.interactions).toBe(1)
    expect(profile.decisionCriteria.weights.quality).toBeGreaterThan(0)
    expect(profile.rejected[0]!.reason).toMatch(/newer duplicate is invalid/)
  })
})
