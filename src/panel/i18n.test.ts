import { describe, expect, it } from "vitest"
import { CATALOGUE, direction } from "./i18n"

describe("message catalogue", () => {
  it("has every English key in Persian, none empty", () => {
    const keys = Object.keys(CATALOGUE.en)
    expect(Object.keys(CATALOGUE.fa).sort()).toEqual(keys.sort())
    for (const key of keys) expect(CATALOGUE.fa[key as keyof typeof CATALOGUE.fa].trim()).not.toBe("")
  })
  it("lays Persian out right to left", () => {
    expect(direction("fa")).toBe("rtl")
    expect(direction("en")).toBe("ltr")
  })
})
