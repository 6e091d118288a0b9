import { describe, expect, it } from "vitest"
import { findSalesforceSession, type CookieReader } from "./salesforce-session"

function jar(cookies: { domain: string; value: string }[]): CookieReader {
  return {
    get: async ({ url }) => cookies.find((c) => new URL(url).hostname === c.domain.replace(/^\./, "")) ?? null,
    getAll: async ({ domain }) => cookies.filter((c) => c.domain.replace(/^\./, "").endsWith(domain))
  }
}

describe("findSalesforceSession", () => {
  it("picks the API host's sid of the same org as the Lightning tab", async () => {
    const cookies = jar([
      { domain: "northwind.lightning.force.com", value: "00D5g000004XyZa!ui-session" },
      { domain: "other.my.salesforce.com", value: "00D000000000001!other-org" },
      { domain: "northwind.my.salesforce.com", value: "00D5g000004XyZa!api-session" }
    ])
    expect(await findSalesforceSession(cookies, "northwind.lightning.force.com", "northwind.my.salesforce.com")).toEqual({
      apiHost: "northwind.my.salesforce.com",
      orgId: "00D5g000004XyZa",
      sid: "00D5g000004XyZa!api-session"
    })
  })
  it("never takes the UI-only Lightning session as the API session", async () => {
    const cookies = jar([{ domain: "northwind.lightning.force.com", value: "00D5g000004XyZa!ui-session" }])
    expect(await findSalesforceSession(cookies, "northwind.lightning.force.com", "northwind.my.salesforce.com")).toBeNull()
  })
  it("falls back to the derived API host when the UI cookie is unreadable", async () => {
    const cookies = jar([{ domain: "northwind.my.salesforce.com", value: "00D5g000004XyZa!api" }])
    expect((await findSalesforceSession(cookies, "northwind.lightning.force.com.mcas.ms", "northwind.my.salesforce.com"))?.sid).toBe("00D5g000004XyZa!api")
  })
})

describe("findSalesforceSession on foreign hosts", () => {
  it("never returns a session for a host that is not Salesforce's", async () => {
    const cookies = jar([{ domain: "evil.example", value: "00D5g000004XyZa!stolen" }])
    expect(await findSalesforceSession(cookies, "northwind.lightning.force.com", "evil.example")).toBeNull()
  })
})
