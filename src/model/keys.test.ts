import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { cursorKey, KEY_PART, keyPart, orgKey, parseRecordKey, recordKey } from "./keys"
import { RecordKey } from "./schema"

describe("record keys", () => {
  it("round-trips crm:org:id", () => {
    const key = recordKey("salesforce", "acme", "001000000000001AAA")
    expect(key).toBe("salesforce:acme:001000000000001AAA")
    expect(parseRecordKey(key)).toEqual({ crm: "salesforce", org: "acme", id: "001000000000001AAA" })
  })
  it("rejects keys that are not crm:org:id", () => {
    expect(parseRecordKey("hubspot:acme:1")).toBeNull()
    expect(parseRecordKey("salesforce:acme")).toBeNull()
  })
  it("scopes cursors by object and account", () => {
    expect(cursorKey("dynamics", "contoso.crm4", "email", "a1")).toBe("dynamics:contoso.crm4:email:a1")
  })
  it("keeps an org with a port apart from its neighbours: the org part is encoded, and parses back", () => {
    const onPrem = recordKey("dynamics", "crm.contoso.local:5555", "8f2c0000-0000-0000-0000-000000000001")
    expect(onPrem).toBe("dynamics:crm.contoso.local%3A5555:8f2c0000-0000-0000-0000-000000000001")
    expect(parseRecordKey(onPrem)).toEqual({ crm: "dynamics", org: "crm.contoso.local:5555", id: "8f2c0000-0000-0000-0000-000000000001" })
    expect(recordKey("salesforce", "acme:1", "X")).not.toBe(recordKey("salesforce", "acme", "1:X"))
    expect(parseRecordKey(recordKey("salesforce", "acme", "1:X"))).toEqual({ crm: "salesforce", org: "acme", id: "1:X" })
    expect(parseRecordKey(recordKey("salesforce", "50%:off", "%3A"))).toEqual({ crm: "salesforce", org: "50%:off", id: "%3A" })
    expect(orgKey("dynamics", "crm.contoso.local:5555")).toBe("dynamics:crm.contoso.local%3A5555")
    expect(cursorKey("dynamics", "crm.contoso.local:5555", "email", "*")).toBe("dynamics:crm.contoso.local%3A5555:email:*")
    expect(RecordKey.safeParse(onPrem).success).toBe(true)
  })
  it("leaves the keys of every org a connector derives unchanged, so stored rows keep their keys", () => {
    for (const org of ["acme", "acme.mil", "contoso.crm4", "crm.contoso.local/contoso", "sales_ops-2"]) {
      expect(recordKey("salesforce", org, "001000000000001AAA")).toBe(`salesforce:${org}:001000000000001AAA`)
    }
  })
  it("refuses a key with a raw extra colon or a stray percent sign", () => {
    expect(parseRecordKey("salesforce:acme:1:X")).toBeNull()
    expect(parseRecordKey("salesforce:50%:X")).toBeNull()
    expect(RecordKey.safeParse("salesforce:acme:1:X").success).toBe(false)
  })
  it("KEY_PART accepts exactly the components of its definition, one or more of: a character other than ':' and '%', '%25', '%3A'", () => {
    const defined = /^(?:[^:%]|%25|%3A)+$/
    const part = new RegExp(`^${KEY_PART}$`)
    const key = new RegExp(`^(salesforce|dynamics):${KEY_PART}:${KEY_PART}$`)
    // Built from the pieces that matter: escapes, broken escapes, raw separators, lower case hex.
    const piece = fc.constantFrom("a", "Z", "0", "2", "5", "3", "A", "%", ":", "%25", "%3A", "%2", "%3", "%3a", "%%", "%253A", "\n", " ", "é")
    const text = fc.array(piece, { maxLength: 12 }).map((p) => p.join(""))
    fc.assert(fc.property(text, (s) => {
      expect(part.test(s)).toBe(defined.test(s))
    }), { numRuns: 5000 })
    fc.assert(fc.property(fc.string({ maxLength: 10 }), (s) => {
      expect(part.test(s)).toBe(defined.test(s))
    }), { numRuns: 2000 })
    // Whole keys: the two components split at the only raw colons, and what keyPart writes passes.
    fc.assert(fc.property(fc.constantFrom("salesforce", "dynamics", "hubspot"), text, text, (crm, org, id) => {
      const s = `${crm}:${org}:${id}`
      const expected = (crm === "salesforce" || crm === "dynamics") && defined.test(org) && defined.test(id)
      expect(key.test(s)).toBe(expected)
      expect(parseRecordKey(s) !== null).toBe(expected)
      if (org !== "" && id !== "") expect(part.test(keyPart(org)) && part.test(keyPart(id))).toBe(true)
    }), { numRuns: 3000 })
  })
})
