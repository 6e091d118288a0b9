import { describe, expect, it } from "vitest"
import { DEFAULT_SETTINGS } from "../model/settings"
import { mergePending, stillPending } from "./settings-state"

describe("optimistic settings", () => {
  it("shows a pending edit over the stored settings", () => {
    expect(mergePending(DEFAULT_SETTINGS, { language: "fa" }).language).toBe("fa")
  })
  it("drops an edit once the stored row shows it, and keeps the others", () => {
    const live = { ...DEFAULT_SETTINGS, language: "fa" as const }
    expect(stillPending(live, { language: "fa", theme: "dark" })).toEqual({ theme: "dark" })
    expect(stillPending(DEFAULT_SETTINGS, {})).toEqual({})
  })
})
