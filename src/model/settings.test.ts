import { describe, expect, it } from "vitest"
import { DEFAULT_SETTINGS, readSettings } from "./settings"

describe("readSettings", () => {
  it("returns defaults when nothing is stored", () => expect(readSettings(undefined)).toEqual(DEFAULT_SETTINGS))
  it("keeps valid stored fields and repairs invalid ones", () => {
    expect(readSettings({ language: "fa", retentionDays: -4 })).toEqual({ ...DEFAULT_SETTINGS, language: "fa" })
  })
  it("keeps a stale age the Team tab offers and repairs any other to 30 days", () => {
    expect(DEFAULT_SETTINGS.teamStaleDays).toBe(30)
    expect(readSettings({ teamStaleDays: 60 }).teamStaleDays).toBe(60)
    expect(readSettings({ teamStaleDays: 45, language: "fa" })).toEqual({ ...DEFAULT_SETTINGS, language: "fa" })
  })
})
