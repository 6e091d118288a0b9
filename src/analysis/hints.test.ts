/** Negotiation hints: chosen by the dominance label and refined by the rest of the profile. */
import { describe, expect, it } from "vitest"
import { generateHistory } from "./generate"
import { classifyRelationship, HINT_PRIORITIES, negotiationHints, NegotiationHint, type RelationshipProfile } from "./index"

const profile = classifyRelationship(generateHistory({ interactions: 800, seed: 9 }))
const withDominance = (label: RelationshipProfile["dominance"]["label"]): RelationshipProfile => ({ ...profile, dominance: { ...profile.dominance, label } })
const ids = (p: RelationshipProfile) => negotiationHints(p).map((h) => h.id)

describe("negotiation hints", () => {
  it.each([
    ["supplier", ["hold-price-lead-value", "do-not-exploit", "precise-anchor-rationale", "annual-commitment", "non-price-concessions", "preempt-second-sourcing"]],
    ["customer", ["build-dependence", "contingent-concessions", "equivalent-packages", "widen-alternatives"]],
    ["balanced-interdependent", ["co-create-value", "bolstering-range", "rationale-always", "round-close"]],
    ["balanced-independent", ["standard-competitive-quote", "precise-open-round-close"]],
    ["unknown", ["read-the-relationship-first", "rationale-always"]]
  ] as const)("gives the %s playbook", (label, expected) => {
    const got = ids(withDominance(label))
    expect(got).toEqual(expect.arrayContaining([...expected]))
    // No other playbook leaks in.
    const others = ["hold-price-lead-value", "build-dependence", "co-create-value", "standard-competitive-quote", "read-the-relationship-first"].filter((id) => !(expected as readonly string[]).includes(id))
    for (const id of others) expect(got).not.toContain(id)
  })

  it("lets a low-information rep have the buyer open, and an informed one anchor", () => {
    const low = { ...withDominance("customer"), crmStrategy: { ...profile.crmStrategy, informationCompleteness: 0.2 } }
    const high = { ...withDominance("customer"), crmStrategy: { ...profile.crmStrategy, informationCompleteness: 0.9 }, decisionCriteria: { ...profile.decisionCriteria, label: "quality" as const } }
    expect(ids(low)).toContain("buyer-names-first")
    expect(ids(high)).toContain("anchor-on-target")
    expect(negotiationHints(low).find((h) => h.id === "buyer-names-first")!.citation).toMatch(/2023/)
  })

  it("reads the pushback kind into the hint", () => {
    const hint = (label: RelationshipProfile["pushback"]["label"]) =>
      negotiationHints({ ...profile, pushback: { ...profile.pushback, label } }).find((h) => h.id === "pushback-reading")!
    expect(hint("constraint").text).toMatch(/their limit/)
    expect(hint("constraint").text).not.toMatch(/re-justify/)
    expect(hint("disparagement").text).toMatch(/re-justify/)
    expect(hint("disparagement").text).not.toMatch(/their limit/)
    expect(hint("none").priority).toBe("low")
    expect(hint("disparagement").rule).toBe("R10")
  })

  it("warns of a drift toward the Dell trap when two of three conditions hold", () => {
    const drifting = { ...profile, dellTrap: { ...profile.dellTrap, flagged: false, conditions: { priceDominant: true, customerDominant: true, deepeningDiscounts: false } } }
    expect(ids(drifting)).toContain("dell-trap-drift")
    expect(ids(drifting)).not.toContain("dell-trap")
  })

  it("orders hints by priority and gives each a citation", () => {
    const hints = negotiationHints(withDominance("customer"))
    const ranks = hints.map((h) => HINT_PRIORITIES.indexOf(h.priority))
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
    for (const h of hints) {
      expect(NegotiationHint.safeParse(h).success).toBe(true)
      expect(h.citation.length).toBeGreaterThan(3)
    }
    expect(new Set(hints.map((h) => h.id)).size).toBe(hints.length)
  })
})
