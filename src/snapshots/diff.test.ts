import { describe, expect, it } from "vitest"
import { seal } from "./build"
import { diffSnapshots } from "./diff"
import { sampleSnapshot } from "../../tests/support/snapshot-fixtures"
import type { SnapshotDocument } from "./payload"

async function variant(base: SnapshotDocument, edit: (s: SnapshotDocument) => void): Promise<SnapshotDocument> {
  const copy = structuredClone(base)
  edit(copy)
  copy.createdAt += 86_400_000
  return seal(copy)
}

describe("diffSnapshots", () => {
  it("reports no change between identical content", async () => {
    const a = await sampleSnapshot()
    const d = diffSnapshots(a, a)
    expect(d.changed).toBe(false)
    expect(d.sameAccount).toBe(true)
    expect(d.labels.every((l) => !l.changed)).toBe(true)
  })

  it("finds changed labels, confidence, hints and figures", async () => {
    const a = await sampleSnapshot()
    const b = await variant(a, (s) => {
      s.payload.profile.dominance.label = s.payload.profile.dominance.label === "customer" ? "supplier" : "customer"
      s.payload.profile.risk.confidence = Math.min(1, s.payload.profile.risk.confidence + 0.2)
      s.payload.profile.sampleSize.total += 7
      s.payload.profile.dellTrap.flagged = !s.payload.profile.dellTrap.flagged
      s.payload.hints = [
        { ...s.payload.hints[0]!, priority: s.payload.hints[0]!.priority === "high" ? "low" : "high" },
        { id: "new-hint", priority: "medium", messages: { title: { id: "a.hint.co-create-value.title" }, text: { id: "a.hint.co-create-value.text" } }, citation: "c", evidence: [] }
      ]
      s.payload.pricing.latestQuote = null
    })
    const d = diffSnapshots(a, b)
    expect(d.changed).toBe(true)
    expect(d.labels.find((l) => l.axis === "dominance")).toMatchObject({ changed: true, from: a.payload.profile.dominance.label, to: b.payload.profile.dominance.label })
    expect(d.labels.filter((l) => l.changed).map((l) => l.axis)).toEqual(["dominance"])
    expect(d.confidence.find((c) => c.axis === "risk")).toMatchObject({ changed: true })
    expect(d.confidence.find((c) => c.axis === "risk")!.delta).toBeCloseTo(b.payload.profile.risk.confidence - a.payload.profile.risk.confidence)
    expect(d.figures.find((f) => f.id === "records")).toMatchObject({ delta: 7, changed: true })
    expect(d.figures.find((f) => f.id === "latestQuoteTotal")).toMatchObject({ to: null, delta: null, changed: true })
    expect(d.dellTrap.changed).toBe(true)
    expect(d.hints.added.map((h) => h.id)).toEqual(["new-hint"])
    expect(d.hints.removed.length).toBe(a.payload.hints.length - 1)
    expect(d.hints.reprioritised.map((h) => h.id)).toEqual([a.payload.hints[0]!.id])
    expect(d.to.createdAt).toBeGreaterThan(d.from.createdAt)
  })

  it("ignores confidence moves below a percentage point and says when accounts differ", async () => {
    const a = await sampleSnapshot()
    const b = await variant(a, (s) => {
      s.payload.profile.initiator.confidence = Math.max(0, s.payload.profile.initiator.confidence - 0.004)
      s.recordKey = "salesforce:acme:001000000000099AAA"
    })
    const d = diffSnapshots(a, b)
    expect(d.confidence.find((c) => c.axis === "initiator")!.changed).toBe(false)
    expect(d.sameAccount).toBe(false)
  })
})
