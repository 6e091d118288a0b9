import { readdirSync, readFileSync, statSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { CATALOGUE, direction, fill, placeholders, type MessageKey } from "./i18n"

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
  it("uses the same placeholders in both languages", () => {
    for (const key of Object.keys(CATALOGUE.en) as MessageKey[]) {
      expect([key, placeholders(CATALOGUE.fa[key])]).toEqual([key, placeholders(CATALOGUE.en[key])])
    }
  })
  it("fills placeholders and leaves unknown ones visible", () => {
    expect(fill("{n} of {total}", { n: "۳", total: 9 })).toBe("۳ of 9")
    expect(fill("Open in {crm}", {})).toBe("Open in {crm}")
  })
  it("has a message for every key the panel's code asks for", () => {
    const files: string[] = []
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name)
        if (statSync(path).isDirectory()) walk(path)
        else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && name !== "i18n.ts") files.push(path)
      }
    }
    walk(new URL(".", import.meta.url).pathname)
    const used = new Set<string>()
    for (const file of files) for (const m of readFileSync(file, "utf8").matchAll(/\bt\("(\w+)"/g)) used.add(m[1]!)
    expect(used.size).toBeGreaterThan(50)
    for (const key of used) expect(CATALOGUE.en).toHaveProperty(key)
  })
})
