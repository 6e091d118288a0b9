import { describe, expect, it } from "vitest"
import { classifyRelationship } from "../analysis"
import { NOW } from "../../tests/support/panel-fixtures/history"
import { buildSnapshot, expectedHash, redactSnapshot } from "./build"
import { CANARY, CANARY_EMAIL, CANARY_PHONE, historyWithPeople, sampleSnapshot } from "../../tests/support/snapshot-fixtures"
import { SnapshotDocument } from "./payload"

describe("buildSnapshot", () => {
  it("builds a valid, sealed snapshot of the profile, hints, pricing context and charts", async () => {
    const s = await sampleSnapshot()
    expect(SnapshotDocument.safeParse(s).success).toBe(true)
    expect(s).toMatchObject({ version: 2, crm: "salesforce", org: "acme", createdAt: NOW, parleyVersion: "0.1.0", key: `snapshot:${s.recordKey}:${NOW}` })
    expect(s.hash).toBe(await expectedHash(s))
    expect(s.payload.profile.dominance.label).toBeTypeOf("string")
    expect(s.payload.hints.length).toBeGreaterThan(0)
    expect(s.payload.charts.interactions.inbound.length).toBeGreaterThan(0)
    expect(s.payload.pricing.currency).toBe("USD")
    expect(s.payload.pricing.openDeal?.rounds).toBeGreaterThan(0)
    expect(s.payload.pricing.suggestion?.rules.length).toBeGreaterThan(0)
    expect(s.payload.contacts.map((c) => c.email)).toContain(CANARY_EMAIL)
  })

  it("is deterministic, and the hash covers the envelope as well as the content", async () => {
    const a = await sampleSnapshot()
    const b = await sampleSnapshot()
    expect(b.hash).toBe(a.hash)
    expect((await sampleSnapshot({ now: NOW + 1 })).hash).not.toBe(a.hash)
    expect(await expectedHash({ ...a, org: "other" })).not.toBe(a.hash)
  })

  it("takes only allowlisted fields: raw history, session-like and unknown fields never enter", async () => {
    const history = historyWithPeople()
    ;(history.account as Record<string, unknown>).sid = "00D!SECRET-SESSION"
    const profile = { ...classifyRelationship(history, { now: NOW }), internalDebug: "do not export" }
    const s = await buildSnapshot({ history, profile, now: NOW, parleyVersion: "0.1.0" })
    const json = JSON.stringify(s)
    expect(json).not.toContain("SECRET-SESSION")
    expect(json).not.toContain("internalDebug")
    expect(json).not.toContain("seenAt")
    // Interaction bodies are history, not profile: only quoted (cut) in evidence reasons.
    expect(json).not.toContain("says the price is too high")
  })
})

describe("redactSnapshot", () => {
  it("removes names, e-mails, phones and free text; keeps labels, figures and record types", async () => {
    const full = await sampleSnapshot()
    expect(JSON.stringify(full)).toContain(CANARY)
    const redacted = await redactSnapshot(full)
    const json = JSON.stringify(redacted)
    for (const secret of [CANARY, CANARY_EMAIL, CANARY_PHONE, "zed.canary"]) expect(json).not.toContain(secret)
    expect(redacted.payload.redacted).toBe(true)
    expect(redacted.key).toBe(`${full.key}:redacted`)
    expect(redacted.hash).toBe(await expectedHash(redacted))
    expect(SnapshotDocument.safeParse(redacted).success).toBe(true)
    expect(redacted.payload.account.name).toBe(full.payload.account.name)
    expect(redacted.payload.profile.dominance.label).toBe(full.payload.profile.dominance.label)
    expect(redacted.payload.profile.dominance.confidence).toBe(full.payload.profile.dominance.confidence)
    expect(redacted.payload.pricing.suggestion).toEqual(full.payload.pricing.suggestion)
    const types = (s: typeof full) => s.payload.profile.dominance.evidence.map((e) => e.recordType)
    expect(types(redacted)).toEqual(types(full))
    // Reasons keep their message and figures; the CRM text they quote is blanked.
    const crmText = (m: unknown): string[] => JSON.stringify(m).match(/"(?:text|quote)":"[^"]*"/g) ?? []
    expect(full.payload.profile.dominance.evidence.flatMap((e) => crmText(e.reason)).some((t) => !t.endsWith(':""'))).toBe(true)
    expect(redacted.payload.profile.dominance.evidence.flatMap((e) => crmText(e.reason)).every((t) => t.endsWith(':""'))).toBe(true)
    expect(redacted.payload.profile.dominance.evidence.map((e) => e.reason.id)).toEqual(full.payload.profile.dominance.evidence.map((e) => e.reason.id))
    expect(redacted.payload.hints.map((h) => h.id)).toEqual(full.payload.hints.map((h) => h.id))
  })
})
