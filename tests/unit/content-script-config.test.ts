import { describe, expect, it } from "vitest"
import { contentScriptMatches } from "./content-script-config"

describe("contentScriptMatches", () => {
  it("reads a literal array", () => {
    expect(contentScriptMatches(`export const config = { matches: ["https://*.a.com/*"] }`)).toEqual(["https://*.a.com/*"])
  })
  it("reads a same-file const, as Plasmo does", () => {
    expect(contentScriptMatches(`const M = ["https://*.a.com/*"]\nexport const config = { matches: M }`)).toEqual(["https://*.a.com/*"])
  })
  it("returns null for an imported constant or a missing config (Plasmo would emit <all_urls>)", () => {
    expect(contentScriptMatches(`import { M } from "./x"\nexport const config = { matches: M }`)).toBeNull()
    expect(contentScriptMatches(`console.log(1)`)).toBeNull()
    expect(contentScriptMatches("export const config = { matches: [`https://${h}/*`] }")).toBeNull()
  })
})
