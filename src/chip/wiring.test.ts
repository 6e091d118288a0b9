/**
 * How the chip is wired into the extension: the bundle is web-accessible on the CRM hosts only,
 * with a dynamic URL; each main content script installs the lazy loader with its own detector;
 * the every-page code (detect.ts, lazy.ts) stays free of zod and of the pricing engine.
 */
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { CRM_HOST_PATTERNS } from "../../plasmo.config"

interface WebAccessibleResource {
  resources: string[]
  matches?: string[]
  use_dynamic_url?: boolean
}

const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { manifest: { web_accessible_resources?: WebAccessibleResource[] } }

describe("package.json manifest", () => {
  it("exposes pricing-chip.js to the CRM hosts only, through a dynamic URL", () => {
    const entries = (pkg.manifest.web_accessible_resources ?? []).filter((w) => w.resources.includes("pricing-chip.js"))
    expect(entries).toEqual([{ resources: ["pricing-chip.js"], matches: [...CRM_HOST_PATTERNS], use_dynamic_url: true }])
  })
})

describe("content scripts", () => {
  it.each([
    ["salesforce", "isSalesforcePriceInput"],
    ["dynamics", "isDynamicsPriceInput"]
  ])("%s.ts installs the lazy chip loader with its page connector's %s", (crm, detector) => {
    const source = readFileSync(`src/contents/${crm}.ts`, "utf8")
    expect(source).toContain(`installPricingChipLoader(${crm}Page.priceInputs)`)
    expect(readFileSync(`src/crm/${crm}/page.ts`, "utf8")).toContain(`priceInputs: ${detector}`)
    // Only the loader and the detector: the chip module itself must never be imported statically.
    expect(source).not.toMatch(/from "\.\.\/chip(?:\/(?:index|chip|context))?"/)
  })
})

describe("every-page code", () => {
  it.each(["src/chip/detect.ts", "src/chip/lazy.ts"])("%s imports neither zod nor the pricing engine", (file) => {
    const imports = Array.from(readFileSync(file, "utf8").matchAll(/^import[^"]*"([^"]+)"/gm), (m) => m[1])
    // The browser layer is allowed: it imports only types.
    expect(imports.filter((spec) => spec !== "./detect" && spec !== "../platform/browser")).toEqual([])
  })
})
