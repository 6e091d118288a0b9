import { describe, expect, it } from "vitest"

import { compileLexicons, withFinglish } from "./lexicon"

const TABLE = { g: { late: ["late", "دیر"], cost: ["price*", "قیمت*", "نمی توانیم*"] } } as const

describe("compileLexicons", () => {
  const matcher = compileLexicons(TABLE, { maxScanChars: 40 })

  it("gives one bit per cue and finds them in one pass", () => {
    expect(matcher.CUE).toEqual({ late: 1, cost: 2 })
    // An open term records the text it matched up to its end, not the whole word.
    expect(matcher.scan(["g"], "Prices came LATE")).toEqual({ cost: "Price", late: "LATE" })
    expect(matcher.scanMask(["g"], "ديروز")).toBe(0) // a closed Persian term needs a word end
  })

  it("reads each text only up to maxScanChars", () => {
    expect(matcher.scanMask(["g"], `${"x ".repeat(30)}late`)).toBe(0)
    expect(matcher.scanMask(["g"], "x", `${"x ".repeat(5)}late`)).toBe(1)
  })
})

describe("withFinglish", () => {
  it("adds Latin-script terms to the cues they name", () => {
    const matcher = compileLexicons(withFinglish(TABLE, { cost: ["gheymat*"] }), { maxScanChars: 100 })
    expect(matcher.scan(["g"], "Gheymate jadid")).toEqual({ cost: "Gheymat" })
  })

  it("rejects terms for a cue the table does not have", () => {
    expect(() => withFinglish(TABLE, { prize: ["gheymat"] })).toThrow(/prize/)
  })
})
