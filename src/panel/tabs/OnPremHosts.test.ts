import { describe, expect, it } from "vitest"
import { originPattern } from "./OnPremHosts"

describe("originPattern", () => {
  it.each([
    ["crm.contoso.local", "https://crm.contoso.local/*"],
    ["https://CRM.Contoso.local/Sales/main.aspx?etn=account", "https://crm.contoso.local/*"],
    ["  https://d365.fabrikam.com  ", "https://d365.fabrikam.com/*"]
  ])("%s → %s", (input, pattern) => expect(originPattern(input)).toBe(pattern))
  it.each(["", "http://crm.contoso.local", "javascript:alert(1)", "localhost", "https://*.contoso.com", "not a host"])("refuses %j", (input) => {
    expect(originPattern(input)).toBeNull()
  })
})
