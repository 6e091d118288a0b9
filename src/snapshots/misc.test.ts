import { describe, expect, it } from "vitest"
import { classifyRelationship } from "../analysis"
import { NOW, sampleHistory } from "../../tests/support/panel-fixtures/history"
import { exportFilename, slug } from "./filename"
import { labelChanges } from "./label-changes"

describe("export file names", () => {
  it("carry the account, the date and the language", () => {
    const at = Date.UTC(2026, 10, 20, 23, 59)
    expect(exportFilename({ account: "Globex Manufacturing", at, language: "en", kind: "pdf" })).toBe("parley-globex-manufacturing-2026-11-20-en.pdf")
    expect(exportFilename({ account: "شرکت پخش داریوش", at, language: "fa", kind: "json", redacted: true })).toBe("parley-شرکت-پخش-داریوش-2026-11-20-fa-redacted.json")
    expect(exportFilename({ account: null, at, language: "fa", kind: "csv" })).toBe("parley-team-2026-11-20-fa.csv")
  })
  it("drop path separators, reserved and bidi-override characters", () => {
    expect(slug("../../etc/passwd")).toBe("etc-passwd")
    expect(slug('A<b>:c"d|e?*')).toBe("a-b-c-d-e")
    expect(slug("evil\u202Egnp.exe")).toBe("evil-gnp-exe")
    expect(slug("   ")).toBe("account")
    expect([...slug("x".repeat(200))].length).toBeLessThanOrEqual(60)
  })
})

describe("labelChanges", () => {
  const profile = classifyRelationship(sampleHistory(), { now: NOW })
  it("is null without a previous profile, empty when nothing changed", () => {
    expect(labelChanges(undefined, profile)).toBeNull()
    expect(labelChanges(profile, profile)).toEqual([])
  })
  it("lists the axes whose label changed, ignoring axes an older profile lacks", () => {
    const previous = { ...structuredClone(profile), risk: { label: "at-risk-legacy" }, valueTier: undefined }
    expect(labelChanges(previous, profile)).toEqual([{ axis: "risk", from: "at-risk-legacy", to: profile.risk.label }])
  })
})
