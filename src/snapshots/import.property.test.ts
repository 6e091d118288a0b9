/**
 * Property tests of snapshot import (fast-check) on any file a rep could be handed: any text, any
 * JSON, and real snapshots with a value anywhere changed (re-sealed or not). Import never throws
 * and never hangs: it opens the file as a valid snapshot or refuses it with a reason and a message;
 * a snapshot changed after sealing is never opened.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { hostileJson, hostileText } from "../../tests/support/arbitraries"
import { sampleSnapshot } from "../../tests/support/snapshot-fixtures"
import { seal } from "./build"
import { parseSnapshotJson } from "./import"
import { SnapshotDocument } from "./payload"

const REASONS = ["too-large", "not-json", "not-a-snapshot", "newer-version", "malformed", "tampered"]

function expectAnswer(result: Awaited<ReturnType<typeof parseSnapshotJson>>) {
  if (result.ok) expect(SnapshotDocument.safeParse(result.snapshot).success).toBe(true)
  else {
    expect(REASONS).toContain(result.reason)
    expect(result.message.length).toBeGreaterThan(0)
  }
}

/** Every path to a value inside `value` (objects and arrays). */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((v, i) => paths(v, [...prefix, i]))]
  if (typeof value === "object" && value !== null) return [prefix, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k]))]
  return [prefix]
}
function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value
  const copy = structuredClone(root) as Record<string | number, unknown>
  let node = copy
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>
  node[path[path.length - 1]!] = value
  return copy
}

describe("snapshot import (property)", () => {
  it("answers any text: opened as a valid snapshot, or refused with a reason", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileText(200), fc.json(), hostileJson().map((v) => JSON.stringify(v) ?? "")), async (text) => {
        expectAnswer(await parseSnapshotJson(text))
      }),
      { numRuns: 300 }
    )
  })

  it("answers a deeply nested file without overflowing", async () => {
    const nest = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`
    for (const version of [1, 2]) {
      expectAnswer(await parseSnapshotJson(`{"payload":${nest(20_000)},"hash":"x","version":${version}}`))
      expectAnswer(await parseSnapshotJson(`{"payload":{},"hash":"x","version":${version},"extra":${nest(20_000)}}`))
    }
    const s = await sampleSnapshot()
    expectAnswer(await parseSnapshotJson(JSON.stringify({ ...s, extra: "__DEEP__" }).replace('"__DEEP__"', nest(20_000))))
  })

  it("never opens a snapshot changed after it was sealed; a re-sealed change opens only if it is still a valid snapshot", async () => {
    const original = await sampleSnapshot()
    const { hash: _hash, ...unsealed } = original
    const all = paths(unsealed).filter((p) => p.length > 0)
    const change = fc.tuple(fc.constantFrom(...all), fc.oneof(hostileJson(), hostileText()))
    await fc.assert(
      fc.asyncProperty(change, async ([path, value]) => {
        const changed = setAt(original, path, value) as Record<string, unknown>
        const same = JSON.stringify(changed) === JSON.stringify(original)
        const tampered = await parseSnapshotJson(JSON.stringify(changed))
        expectAnswer(tampered)
        if (!same) expect(tampered.ok).toBe(false)
        const { hash: _h, ...body } = changed
        let resealed: unknown
        try {
          resealed = await seal(body as never)
        } catch {
          return // not even serialisable canonically: nothing to re-seal
        }
        expectAnswer(await parseSnapshotJson(JSON.stringify(resealed)))
      }),
      { numRuns: 150 }
    )
  })
})
