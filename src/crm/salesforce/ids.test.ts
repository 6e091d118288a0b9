import { describe, expect, it } from "vitest"
import { objectTypeFromId, toId18 } from "./ids"

describe("toId18", () => {
  it.each([
    // Known pairs from Salesforce documentation and public orgs.
    ["001000000000001", "001000000000001AAA"],
    ["0064F000006lAKh", "0064F000006lAKhQAM"],
    ["01td0000000n9XV", "01td0000000n9XVAAY"]
  ])("converts %s to %s", (id15, id18) => {
    expect(toId18(id15)).toBe(id18)
    expect(toId18(id18)).toBe(id18)
  })
  it("accepts an 18-char id whose suffix is lower-cased", () => {
    expect(toId18("0064F000006lAKhqam")).toBe("0064F000006lAKhQAM")
  })
  it("rejects a wrong checksum and non-ids", () => {
    expect(toId18("0064F000006lAKhQAA")).toBeNull()
    expect(toId18("home")).toBeNull()
    expect(toId18("0064F000006lAK")).toBeNull()
  })
  it("names the object from the key prefix", () => {
    expect(objectTypeFromId("0064F000006lAKhQAM")).toBe("Opportunity")
    expect(objectTypeFromId("zzz000000000000")).toBeUndefined()
  })
})
