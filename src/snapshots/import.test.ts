import { describe, expect, it } from "vitest"
import type { Message } from "../i18n/message"
import { renderMessage, withoutIsolates } from "../i18n/render"
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
    const newer = await seal({ ...s, version: 3 } as never)
    const result = await parseSnapshotJson(JSON.stringify({ ...newer, payload: { whatever: true } }))
    expect(result).toMatchObject({ ok: false, reason: "newer-version" })
    expect(!result.ok && result.message).toMatch(/version 3.*up to 2/)
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

/** A version-1 file as Parley wrote it before issue 12: English prose where descriptors now are. */
async function versionOne() {
  const s = await sampleSnapshot()
  const english = (m: Message) => withoutIsolates(renderMessage(m, "en"))
  const prose = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(prose)
    if (typeof value !== "object" || value === null) return value
    if ("id" in value && typeof (value as Message).id === "string" && (value as Message).id.startsWith("a.")) return english(value as Message)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, prose(v)]))
  }
  const { hash: _h, ...rest } = s
  const payload = {
    ...rest.payload,
    profile: { ...(prose(rest.payload.profile) as object), version: 1 },
    hints: rest.payload.hints.map(({ messages, evidence, ...h }) => ({ ...h, title: english(messages.title), text: english(messages.text), evidence: prose(evidence) }))
  }
  return { current: s, old: await seal({ ...rest, version: 1, payload } as never) }
}

describe("a version-1 snapshot", () => {
  it("still opens: its sentences become a.legacy descriptors that show the old text as written", async () => {
    const { current, old } = await versionOne()
    const result = await parseSnapshotJson(JSON.stringify(old))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const p = result.snapshot.payload.profile
    expect(result.snapshot.version).toBe(2)
    expect(p.version).toBe(2)
    expect(p.dominance.summary.id).toBe("a.legacy")
    expect(renderMessage(p.dominance.summary, "fa")).toBe(renderMessage({ id: "a.legacy", params: { text: { text: withoutIsolates(renderMessage(current.payload.profile.dominance.summary, "en")) } } }, "fa"))
    expect(result.snapshot.payload.hints.map((h) => withoutIsolates(renderMessage(h.messages.title, "en")))).toEqual(current.payload.hints.map((h) => withoutIsolates(renderMessage(h.messages.title, "en"))))
    // Rejected-record reasons were diagnostics and stay strings.
    expect(p.rejected.every((r) => typeof r.reason === "string")).toBe(true)
  })

  it("is refused as tampered when its content no longer matches the hash it was written with", async () => {
    const { old } = await versionOne()
    const edited = JSON.parse(JSON.stringify(old)) as { payload: { profile: { dominance: { summary: string } } } }
    edited.payload.profile.dominance.summary = "Edited after export."
    expect(await parseSnapshotJson(JSON.stringify(edited))).toMatchObject({ ok: false, reason: "tampered" })
  })

  it("refuses a re-sealed file whose key, account and org name different records", async () => {
    const s = await sampleSnapshot()
    const { hash: _hash, ...rest } = s
    const otherOrg = await seal({ ...rest, org: "someoneelse" })
    const otherRecord = await seal({ ...rest, recordKey: "dynamics:victim.crm4:11111111-2222-4333-8444-555555555555", crm: "dynamics" })
    for (const forged of [otherOrg, otherRecord]) {
      const result = await parseSnapshotJson(JSON.stringify(forged))
      expect(result).toMatchObject({ ok: false, reason: "malformed" })
    }
    expect(await parseSnapshotJson(JSON.stringify(await seal(rest)))).toMatchObject({ ok: true })
  })
})
