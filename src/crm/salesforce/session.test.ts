import { describe, expect, it } from "vitest"
import { findSalesforceSession, findSalesforceSessions, type CookieReader } from "./session"

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

describe("findSalesforceSessions", () => {
  const ORG = "00D5g000004XyZa"
  it("returns every sid of the org, the tab's own API host first, never another org's", async () => {
    const cookies = jar([
      { domain: "northwind.lightning.force.com", value: `${ORG}!ui-session` },
      { domain: "northwind-old.my.salesforce.com", value: `${ORG}!stale-old-domain` },
      { domain: "other.my.salesforce.com", value: "00D000000000001!other-org" },
      { domain: "northwind.my.salesforce.com", value: `${ORG}!api-session` }
    ])
    const sessions = await findSalesforceSessions(cookies, "northwind.lightning.force.com", "northwind.my.salesforce.com")
    expect(sessions.map((s) => [s.apiHost, s.sid])).toEqual([
      ["northwind.my.salesforce.com", `${ORG}!api-session`],
      ["northwind-old.my.salesforce.com", `${ORG}!stale-old-domain`]
    ])
    expect((await findSalesforceSession(cookies, "northwind.lightning.force.com", "northwind.my.salesforce.com"))?.sid).toBe(`${ORG}!api-session`)
  })

  it("keeps two cookies of the same host (a stale one beside the valid one)", async () => {
    const cookies = jar([
      { domain: "northwind.lightning.force.com", value: `${ORG}!ui` },
      { domain: ".northwind.my.salesforce.com", value: `${ORG}!stale` },
      { domain: "northwind.my.salesforce.com", value: `${ORG}!valid` }
    ])
    const sessions = await findSalesforceSessions(cookies, "northwind.lightning.force.com", "northwind.my.salesforce.com")
    expect(sessions.map((s) => s.sid)).toEqual([`${ORG}!stale`, `${ORG}!valid`])
  })

  it("reads the tab's own cookie store (an incognito window has its own)", async () => {
    const regular = jar([
      { domain: "northwind.lightning.force.com", value: `${ORG}!ui` },
      { domain: "northwind.my.salesforce.com", value: `${ORG}!regular` }
    ])
    const incognito = jar([
      { domain: "northwind.lightning.force.com", value: `${ORG}!ui-incognito` },
      { domain: "northwind.my.salesforce.com", value: `${ORG}!incognito` }
    ])
    const seen: (string | undefined)[] = []
    const cookies: CookieReader = {
      get: async (d) => (seen.push(d.storeId), (d.storeId === "1" ? incognito : regular).get(d)),
      getAll: async (d) => (seen.push(d.storeId), (d.storeId === "1" ? incognito : regular).getAll(d)),
      getAllCookieStores: async () => [
        { id: "0", tabIds: [3, 4] },
        { id: "1", tabIds: [9] }
      ]
    }
    const inTab = (tabId?: number) => findSalesforceSessions(cookies, "northwind.lightning.force.com", "northwind.my.salesforce.com", { tabId })
    expect((await inTab(9)).map((s) => s.sid)).toEqual([`${ORG}!incognito`])
    expect(seen.every((id) => id === "1")).toBe(true)
    expect((await inTab(3)).map((s) => s.sid)).toEqual([`${ORG}!regular`])
    expect((await inTab()).map((s) => s.sid)).toEqual([`${ORG}!regular`])
  })
})
