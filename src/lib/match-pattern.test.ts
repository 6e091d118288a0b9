import { describe, expect, it } from "vitest"
import { CRM_HOST_PATTERNS } from "../../plasmo.config"
import { matchesAny, matchesPattern } from "./match-pattern"

describe("matchesPattern", () => {
  it.each([
    ["https://northwind.lightning.force.com/lightning/r/Account/001000000000001AAA/view", true],
    ["https://acme--uat.sandbox.lightning.force.com/lightning/page/home", true],
    ["https://name-dev-ed.develop.my.salesforce.com/001000000000001", true],
    ["https://contoso.crm4.dynamics.com/main.aspx?etn=account", true],
    ["https://contoso.crm.dynamics.cn/main.aspx", true],
    ["http://northwind.lightning.force.com/", false],
    ["https://lightning.force.com.evil.example/", false],
    ["https://evil-lightning.force.com/", false],
    ["https://contoso.crm10.dynamics.com/", false],
    ["chrome-extension://abc/sidepanel.html", false],
    ["not a url", false]
  ])("%s → %s", (url, expected) => {
    expect(matchesAny(url, CRM_HOST_PATTERNS)).toBe(expected)
  })
  it("matches the bare domain of a *. pattern, as Chrome does", () => {
    expect(matchesPattern("https://force.com/x", "https://*.force.com/*")).toBe(true)
  })
  it("honours the path part", () => {
    expect(matchesPattern("https://a.example/lightning/x", "https://*.example/lightning/*")).toBe(true)
    expect(matchesPattern("https://a.example/other", "https://*.example/lightning/*")).toBe(false)
  })
})
