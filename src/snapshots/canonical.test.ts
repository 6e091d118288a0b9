import { createHash } from "node:crypto"
import { describe, expect, it } from "vitest"
import { canonicalJson, CanonicalJsonError, contentHash, sha256Hex } from "./canonical"

describe("canonicalJson", () => {
  it("sorts keys at every depth and drops undefined members", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"y":2,"z":1}]},"b":1}')
  })
  it("is independent of insertion order", () => {
    expect(canonicalJson({ x: 1, y: "2" })).toBe(canonicalJson({ y: "2", x: 1 }))
  })
  it("writes numbers and strings as JSON does (JCS)", () => {
    expect(canonicalJson([1e21, 0.1, -0, 5e-7, "é\u2028\"", "داریوش"])).toBe('[1e+21,0.1,0,5e-7,"é\u2028\\"","داریوش"]')
  })
  it("refuses values that do not survive JSON", () => {
    expect(() => canonicalJson({ a: NaN })).toThrow(CanonicalJsonError)
    expect(() => canonicalJson([undefined])).toThrow(/\$\[0\]/)
    expect(() => canonicalJson({ d: new Date(0) })).toThrow(/plain objects/)
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/function/)
  })
})

describe("sha256Hex", () => {
  it("matches Node's SHA-256 over UTF-8", async () => {
    const text = '{"name":"شرکت پخش داریوش"}'
    expect(await sha256Hex(text)).toBe(createHash("sha256").update(text, "utf8").digest("hex"))
    expect(await contentHash({ b: 2, a: 1 })).toBe(createHash("sha256").update('{"a":1,"b":2}').digest("hex"))
  })
})
