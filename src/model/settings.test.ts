import { describe, expect, it } from "vitest"
import { DEFAULT_SETTINGS, readSettings } from "./settings"

describe("readSettings", () => {
  it("returns defaults when nothing is stored", () => expect(readSettings(undefined)).toEqual(DEFAULT_SETTINGS))
  it("keeps valid stored fields and repairs invalid ones", () => {
    expect(readSettings({ language: "fa", retentionDays: -4 })).toEqual({ ...DEFAULT_SETTINGS, language: "fa" })
  })
})
