/**
 * plasmo.config.ts is the single source of truth for hosts and permissions. Plasmo cannot import
 * it (content-script `matches` must be literals; the manifest comes from package.json), so this
 * test fails whenever either copy drifts from it.
 */
import { readFileSync, readdirSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { CRM_HOST_PATTERNS, DYNAMICS_HOST_PATTERNS, OPTIONAL_HOST_PATTERNS, PERMISSIONS, SALESFORCE_HOST_PATTERNS } from "../../plasmo.config"
import { contentScriptMatches } from "./content-script-config"

const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { manifest: Record<string, unknown> }

describe("package.json manifest", () => {
  it("grants exactly the CRM hosts of plasmo.config.ts", () => {
    expect(pkg.manifest.host_permissions).toEqual([...CRM_HOST_PATTERNS])
  })
  it("asks for broader hosts only at run time", () => {
    expect(pkg.manifest.optional_host_permissions).toEqual([...OPTIONAL_HOST_PATTERNS])
  })
  it("requests only the permissions of plasmo.config.ts, and never tabs or <all_urls>", () => {
    expect(pkg.manifest.permissions).toEqual([...PERMISSIONS])
    expect(JSON.stringify(pkg.manifest)).not.toMatch(/<all_urls>|"tabs"/)
  })
  it("lets no other extension or page message Parley", () => {
    expect(pkg.manifest.externally_connectable).toEqual({ ids: [] })
  })
})

describe("content scripts", () => {
  const files = readdirSync("src/contents").filter((f) => /\.tsx?$/.test(f))
  const expectedByFile: Record<string, readonly string[]> = {
    "salesforce.ts": SALESFORCE_HOST_PATTERNS,
    "dynamics.ts": DYNAMICS_HOST_PATTERNS,
    "dynamics-bridge.ts": DYNAMICS_HOST_PATTERNS
  }
  it("exist", () => expect(files.length).toBeGreaterThan(0))
  it.each(files)("%s declares literal matches equal to plasmo.config.ts", (file) => {
    const matches = contentScriptMatches(readFileSync(`src/contents/${file}`, "utf8"))
    const expected = expectedByFile[file] ?? CRM_HOST_PATTERNS
    expect(matches).toEqual([...expected])
  })
})
