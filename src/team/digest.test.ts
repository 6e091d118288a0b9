import { describe, expect, it } from "vitest"
import { CANARY, sampleSnapshot } from "../../tests/support/snapshot-fixtures"
import { redactSnapshot } from "../snapshots/build"
import { AXES } from "../snapshots/axes"
import type { SnapshotDocument } from "../snapshots/payload"
import { digestOf, MAX_DIGEST_REASONS, TeamDigest } from "./digest"

describe("digestOf", () => {
  it("keeps every axis label, the scores, the dominance summary, the trigger and who the account is", async () => {
    const snapshot = await sampleSnapshot()
    const digest = digestOf(snapshot)
    const profile = snapshot.payload.profile
    expect(Object.keys(digest.labels)).toEqual([...AXES])
    for (const axis of AXES) expect(digest.labels[axis]).toBe(profile[axis].label)
    expect(digest).toMatchObject({
      snapshotKey: snapshot.key,
      hash: snapshot.hash,
      createdAt: snapshot.createdAt,
      recordKey: snapshot.recordKey,
      accountName: "Globex Corporation",
      accountOwner: `${CANARY} Owner`,
      redacted: false,
      riskScore: profile.risk.score,
      dominanceScore: profile.dominance.score,
      dominanceSummary: profile.dominance.summary,
      trigger: snapshot.payload.trigger
    })
    expect(TeamDigest.safeParse(digest).success).toBe(true)
  })

  it("keeps at most five risk reasons, as signal and descriptor, without their evidence", async () => {
    const snapshot = await sampleSnapshot()
    const reason = (n: number) => ({ signal: "gone-silent" as const, text: { id: "risk.silent", params: { days: n } }, evidence: [] })
    const risky: SnapshotDocument = {
      ...snapshot,
      payload: { ...snapshot.payload, profile: { ...snapshot.payload.profile, risk: { ...snapshot.payload.profile.risk, reasons: Array.from({ length: 7 }, (_, n) => reason(n)) } } }
    }
    const digest = digestOf(risky)
    expect(digest.riskReasons).toHaveLength(MAX_DIGEST_REASONS)
    expect(digest.riskReasons[4]).toEqual({ signal: "gone-silent", text: { id: "risk.silent", params: { days: 4 } } })
    expect(TeamDigest.safeParse(digest).success).toBe(true)
  })

  it("names no owner from a redacted snapshot and carries none of its people", async () => {
    const redacted = await redactSnapshot(await sampleSnapshot())
    const digest = digestOf(redacted)
    expect(digest.redacted).toBe(true)
    expect(digest.accountOwner).toBeUndefined()
    // The account's own name is kept by redaction (allowlist.ts): a company, not a person.
    expect(digest.accountName).toBe(redacted.payload.account.name)
    expect(JSON.stringify(digest)).not.toContain(CANARY)
    expect(TeamDigest.safeParse(digest).success).toBe(true)
  })

  it("refuses a stored digest that is not one, with the path of the problem", async () => {
    const digest = digestOf(await sampleSnapshot())
    const broken = TeamDigest.safeParse({ ...digest, hash: "not-a-hash", labels: { ...digest.labels, risk: 7 } })
    expect(broken.success).toBe(false)
    expect(broken.error?.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["hash", "labels.risk"]))
  })
})
