import * as z from "zod"
import { describe, expect, it } from "vitest"
import { applyAllowlist, fieldPaths, REDACTED_CLASSES, SNAPSHOT_FIELDS, TEAM_CSV_COLUMNS, teamCsvColumns } from "./allowlist"
import { SnapshotPayload } from "./payload"

/** Leaf paths a zod schema declares, in fieldPaths' notation. */
function schemaPaths(schema: z.ZodType, prefix = ""): string[] {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault) {
    return schemaPaths(schema.unwrap() as z.ZodType, prefix)
  }
  if (schema instanceof z.ZodArray) return schemaPaths(schema.element as z.ZodType, `${prefix}[]`)
  if (schema instanceof z.ZodObject) {
    return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([k, s]) => schemaPaths(s, prefix ? `${prefix}.${k}` : k))
  }
  return [prefix]
}

describe("the export allowlist", () => {
  it("names every field of the snapshot payload schema, and nothing else", () => {
    // A field added to the profile (or the payload) must be classified here before it can be exported.
    const allowed = fieldPaths(SNAPSHOT_FIELDS).map(([path]) => path).sort()
    expect(allowed).toEqual(schemaPaths(SnapshotPayload).sort())
  })

  it("removes exactly these fields when redacting (names, contact details, free text)", () => {
    const removed = fieldPaths(SNAPSHOT_FIELDS)
      .filter(([, cls]) => REDACTED_CLASSES.has(cls))
      .map(([path]) => path)
      .filter((p) => !p.endsWith("evidence[].reason")) // one rule for every evidence list
    expect(removed).toEqual([
      "account.ownerName",
      "contacts[].name",
      "contacts[].title",
      "contacts[].email",
      "contacts[].phone",
      "profile.concessions.deals[].name",
      "profile.competition.competitors[].name",
      "profile.competition.losses[].name",
      "profile.competition.losses[].lossReason",
      "profile.rejected[].reason",
      "pricing.openDeal.name"
    ])
    // The analysis' sentences are descriptors: redaction keeps them and blanks the CRM text inside.
    const messages = fieldPaths(SNAPSHOT_FIELDS)
      .filter(([, cls]) => cls === "message")
      .map(([path]) => path)
      .filter((p) => !p.endsWith("evidence[].reason") && !/regime\.(before|after)\[\]\.reason$/.test(p))
    expect(messages).toEqual([
      "profile.valueOrigin.summary",
      "profile.dominance.summary",
      "profile.dominance.factors[].reason",
      "profile.initiator.summary",
      "profile.decisionCriteria.summary",
      "profile.complaints.summary",
      "profile.dependence.summary",
      "profile.concessions.summary",
      "profile.crmStrategy.summary",
      "profile.valueTier.summary",
      "profile.risk.summary",
      "profile.risk.reasons[].text",
      "profile.dellTrap.summary",
      "profile.pushback.summary",
      "profile.engagement.summary",
      "profile.regime.changes[]",
      "profile.regime.summary",
      "hints[].messages.title",
      "hints[].messages.text"
    ])
    expect(fieldPaths(SNAPSHOT_FIELDS).filter(([p]) => p.endsWith("evidence[].reason")).every(([, cls]) => cls === "message")).toBe(true)
  })

  it("keeps what it names, drops what it does not, and blanks redacted strings", () => {
    const spec = { name: "person", score: "figure", list: [{ id: "id", note: "free-text" }], nested: { label: "label" } } as const
    const input = { name: "Ann", score: 0.5, secret: "x", list: [{ id: "1", note: "hi", extra: 1 }, "junk"], nested: { label: "a", more: {} } }
    expect(applyAllowlist(input, spec, false)).toEqual({ name: "Ann", score: 0.5, list: [{ id: "1", note: "hi" }], nested: { label: "a" } })
    expect(applyAllowlist(input, spec, true)).toEqual({ name: "", score: 0.5, list: [{ id: "1", note: "" }], nested: { label: "a" } })
    // A value of the wrong kind never passes through (an object where a figure is expected).
    expect(applyAllowlist({ score: { evil: "=cmd" } }, spec, false)).toEqual({})
  })

  it("lists the team CSV's columns, and redaction drops the person and free-text ones", () => {
    expect(TEAM_CSV_COLUMNS.map((c) => c.id)).toMatchInlineSnapshot(`
      [
        "account",
        "crm",
        "org",
        "accountId",
        "owner",
        "valueOrigin",
        "valueOriginConfidence",
        "dominance",
        "dominanceConfidence",
        "dominanceScore",
        "initiator",
        "initiatorConfidence",
        "criterion",
        "criterionConfidence",
        "priceWeight",
        "responsiveness",
        "casesTotal",
        "casesOpen",
        "dependence",
        "strategy",
        "tier",
        "tierPercentile",
        "risk",
        "riskConfidence",
        "dellTrap",
        "discountTrend",
        "lastFinalDiscount",
        "records",
        "lastActivity",
        "classifiedAt",
        "riskSummary",
      ]
    `)
    const redacted = teamCsvColumns(true).map((c) => c.id)
    expect(redacted).not.toContain("owner")
    expect(redacted).not.toContain("riskSummary")
    expect(redacted.length).toBe(TEAM_CSV_COLUMNS.length - 2)
  })
})
