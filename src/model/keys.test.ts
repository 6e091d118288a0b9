import { describe, expect, it } from "vitest"
import { cursorKey, parseRecordKey, recordKey } from "./keys"

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
})
