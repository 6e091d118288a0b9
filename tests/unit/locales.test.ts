/**
 * The extension's own words (name, store description, toolbar title) in `locales/{en,fa}`, which
 * Plasmo copies to `_locales` and the manifest names as `__MSG_key__`.
 */
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"

type Messages = Record<string, { message: string; description?: string }>

const read = <T>(path: string): T => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), "utf8")) as T
const en = read<Messages>("locales/en/messages.json")
const fa = read<Messages>("locales/fa/messages.json")
const manifest = read<{ manifest: Record<string, unknown> }>("package.json").manifest

// Product names Persian text keeps in Latin script, as the store listing and the CRMs write them.
const PRODUCT_NAMES = /Salesforce|Dynamics 365/g

describe("extension locales", () => {
  it("has the same messages in English and Persian", () => {
    expect(Object.keys(fa).sort()).toEqual(Object.keys(en).sort())
    for (const messages of [en, fa]) for (const entry of Object.values(messages)) expect(entry.message.trim()).not.toBe("")
  })

  it("writes the Persian messages in Persian", () => {
    for (const [key, { message }] of Object.entries(fa)) {
      const rest = message.replace(PRODUCT_NAMES, "")
      expect(rest, key).not.toMatch(/[A-Za-z]/)
      expect(rest, key).toMatch(/[\u0600-\u06FF]/)
      expect(rest, key).not.toMatch(/[يك]/) // Arabic yeh and kaf: Persian writes ی and ک
    }
  })

  it("keeps within the Chrome Web Store limits", () => {
    for (const messages of [en, fa]) {
      expect(messages.extensionName!.message.length).toBeLessThanOrEqual(75)
      expect(messages.extensionDescription!.message.length).toBeLessThanOrEqual(132)
    }
  })

  it("is what the manifest names, with English as the default", () => {
    expect(manifest.default_locale).toBe("en")
    const used = JSON.stringify(manifest).match(/__MSG_(\w+)__/g)?.map((m) => m.slice(6, -2)) ?? []
    expect(used.sort()).toEqual(Object.keys(en).sort())
    expect(manifest.name).toBe("__MSG_extensionName__")
    expect((manifest.action as { default_title: string }).default_title).toBe("__MSG_actionTitle__")
  })
})
