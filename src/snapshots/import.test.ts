import { describe, expect, it } from "vitest"
import { redactSnapshot, seal } from "./build"
import { canonicalJson } from "./canonical"
import { sampleSnapshot } from "../../tests/support/snapshot-fixtures"
import { MAX_SNAPSHOT_BYTES, parseSnapshotJson } from "./import"

describe("parseSnapshotJson", () => {
  it("accepts an exported snapshot (and its redacted copy) unchanged", async () => {
    const s = await sampleSnapshot()
    const result = await parseSnapshotJson(JSON.stringify(s, null, 2))
    expect(result).toEqual({ ok: true, snapshot: s })
    const r = await redactSnapshot(s)
    expect(await parseSnapshotJson(`\uFEFF${canonicalJson(r)}`)).toMatchObject({ ok: true })
  })

  it("refuses what is not JSON, not a snapshot, or too large", async () => {
    expect(await parseSnapshotJson("{ nope")).toMatchObject({ ok: false, reason: "not-json" })
    expect(await parseSnapshotJson("[1,2]")).toMatchObject({ ok: false, reason: "not-a-snapshot" })
    expect(await parseSnapshotJson('{"name":"x"}')).toMatchObject({ ok: false, reason: "not-a-snapshot" })
    expect(await parseSnapshotJson(" ".repeat(MAX_SNAPSHOT_BYTES + 1))).toMatchObject({ ok: false, reason: "too-large" })
  })

  it("refuses a snapshot from a newer Parley before looking at its shape", async () => {
    const s = await sampleSnapshot()
    const newer = await seal({ ...s, version: 2 } as never)
    const result = await parseSnapshotJson(JSON.stringify({ ...newer, payload: { whatever: true } }))
    expect(result).toMatchObject({ ok: false, reason: "newer-version" })
    expect(!result.ok && result.message).toMatch(/version 2.*up to 1/)
  })

  it("refuses a malformed snapshot and says where", async () => {
    const s = await sampleSnapshot()
    const bad = structuredClone(s) as unknown as { payload: { profile: { dominance: { label: string } } } }
    bad.payload.profile.dominance.label = "overlord"
    const result = await parseSnapshotJson(JSON.stringify(bad))
    expect(result).toMatchObject({ ok: false, reason: "malformed" })
    expect(!result.ok && result.message).toContain("payload.profile.dominance.label")
    expect(await parseSnapshotJson(JSON.stringify({ ...s, hash: "abc" }))).toMatchObject({ ok: false, reason: "malformed" })
  })

  it("refuses a tampered snapshot: any edit, in the content or the envelope, breaks the hash", async () => {
    const s = await sampleSnapshot()
    const edited = structuredClone(s)
    edited.payload.profile.risk.label = edited.payload.profile.risk.label === "healthy" ? "at-risk" : "healthy"
    expect(await parseSnapshotJson(JSON.stringify(edited))).toMatchObject({ ok: false, reason: "tampered" })
    expect(await parseSnapshotJson(JSON.stringify({ ...s, createdAt: s.createdAt + 1 }))).toMatchObject({ ok: false, reason: "tampered" })
  })

  it("refuses fields this version does not know even when the hash was recomputed", async () => {
    const s = await sampleSnapshot()
    const { hash: _h, ...rest } = s
    const extended = await seal({ ...rest, payload: { ...rest.payload, extra: "smuggled" } } as never)
    expect(await parseSnapshotJson(JSON.stringify(extended))).toMatchObject({ ok: false, reason: "malformed" })
  })
})
