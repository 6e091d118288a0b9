import { describe, expect, it } from "vitest"
import { dynamicsApiRoot, dynamicsOrgUrl, isPageOfOrg, isUnderApiRoot } from "./org-url"

describe("dynamicsApiRoot: one Web API root for every call", () => {
  it("online orgs own their host", () => {
    expect(dynamicsApiRoot({ org: "northwind.crm4", host: "northwind.crm4.dynamics.com" })).toBe("https://northwind.crm4.dynamics.com/api/data/v9.2")
    expect(dynamicsApiRoot({ org: "northwind.crm4", url: "https://northwind.crm4.dynamics.com/main.aspx?etn=account" })).toBe("https://northwind.crm4.dynamics.com/api/data/v9.2")
  })

  it("keeps an on-premises port and org path, in the server's own case", () => {
    const place = { org: "crm.contoso.local/sales", host: "crm.contoso.local", url: "https://crm.contoso.local:5555/Sales/main.aspx?etn=account&id=x" }
    expect(dynamicsOrgUrl(place)).toBe("https://crm.contoso.local:5555/Sales")
    expect(dynamicsApiRoot(place)).toBe("https://crm.contoso.local:5555/Sales/api/data/v9.2")
    // http deployments keep their scheme from the page.
    expect(dynamicsApiRoot({ org: "sv-vw-ejap/supportcenter", url: "http://sv-vw-ejap:5555/SupportCenter/main.aspx" })).toBe("http://sv-vw-ejap:5555/SupportCenter/api/data/v9.2")
  })

  it("keeps the port of a stored host when no page URL is known", () => {
    expect(dynamicsApiRoot({ org: "crm.contoso.local/sales", host: "crm.contoso.local:444" })).toBe("https://crm.contoso.local:444/sales/api/data/v9.2")
    expect(dynamicsApiRoot({ org: "crm.contoso.local", host: "crm.contoso.local:444" })).toBe("https://crm.contoso.local:444/api/data/v9.2")
  })

  it("takes an org URL or an existing root as a string", () => {
    expect(dynamicsApiRoot("https://crm.contoso.local:5555/Sales/")).toBe("https://crm.contoso.local:5555/Sales/api/data/v9.2")
    expect(dynamicsApiRoot("https://crm.contoso.local/Sales/api/data/v9.1")).toBe("https://crm.contoso.local/Sales/api/data/v9.1")
  })

  it("tells which tabs are pages of an org and which URLs are under a root", () => {
    expect(isPageOfOrg("https://northwind.crm4.dynamics.com/main.aspx", "northwind.crm4")).toBe(true)
    expect(isPageOfOrg("https://northwind.crm4.dynamics.com/main.aspx", "contoso.crm4")).toBe(false)
    expect(isPageOfOrg("https://crm.contoso.local:5555/Sales/main.aspx", "crm.contoso.local/sales")).toBe(true)
    expect(isPageOfOrg("https://crm.contoso.local:5555/Finance/main.aspx", "crm.contoso.local/sales")).toBe(false)
    const root = "https://crm.contoso.local:5555/Sales/api/data/v9.2"
    expect(isUnderApiRoot(`${root}/accounts`, root)).toBe(true)
    expect(isUnderApiRoot("https://crm.contoso.local/Sales/api/data/v9.2/accounts", root)).toBe(false)
    expect(isUnderApiRoot("https://crm.contoso.local:5555/Finance/api/data/v9.2/accounts", root)).toBe(false)
  })
})
