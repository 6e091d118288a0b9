// @vitest-environment happy-dom
import { describe, expect, it } from "vitest"
import { CRMS } from "../model/schema"
import { observe } from "../lib/page-watcher"
import { pageConnectors } from "./page-registry"
import { connectors } from "./registry"
import { toId18 } from "./salesforce/ids"

const GUID = "5f1c2d3e-4a5b-6c7d-8e9f-0a1b2c3d4e5f"

describe("the registries", () => {
  it("have one connector per CRM, each for its own CRM", () => {
    for (const crm of CRMS) {
      expect(connectors[crm].crm).toBe(crm)
      expect(pageConnectors[crm].crm).toBe(crm)
    }
  })
})

describe("apiRoot: the one place an org becomes its API root", () => {
  it("keeps the on-premises org path and port of Dynamics", () => {
    const d = connectors.dynamics
    expect(d.apiRoot({ crm: "dynamics", org: "northwind.crm4", host: "northwind.crm4.dynamics.com" })).toBe("https://northwind.crm4.dynamics.com/api/data/v9.2")
    expect(d.apiRoot({ crm: "dynamics", org: "crm.contoso.local/sales", host: "crm.contoso.local" })).toBe("https://crm.contoso.local/sales/api/data/v9.2")
    expect(d.apiRoot({ crm: "dynamics", org: "crm.contoso.local/sales", host: "crm.contoso.local:8443", url: "https://crm.contoso.local:8443/Sales/main.aspx" })).toBe(
      "https://crm.contoso.local:8443/Sales/api/data/v9.2"
    )
  })
  it("calls the Salesforce API host, never the Lightning host", () => {
    expect(connectors.salesforce.apiRoot({ crm: "salesforce", org: "acme", host: "acme.lightning.force.com" })).toBe("https://acme.my.salesforce.com/services/data/v62.0")
  })
})

describe("recordUrl", () => {
  it("builds each CRM's own record address and refuses unsafe parts", () => {
    const sf = { crm: "salesforce" as const, org: "acme", host: "acme.lightning.force.com" }
    expect(connectors.salesforce.recordUrl(sf, "Account", "001Aa00000AbCdEAAA")).toBe("https://acme.lightning.force.com/lightning/r/Account/001Aa00000AbCdEAAA/view")
    expect(connectors.salesforce.recordUrl({ ...sf, host: "evil.example" }, "Account", "001Aa00000AbCdEAAA")).toBeNull()
    expect(connectors.salesforce.recordUrl(sf, "Account/../x", "001Aa00000AbCdEAAA")).toBeNull()
    const dyn = { crm: "dynamics" as const, org: "crm.contoso.local/sales", host: "crm.contoso.local" }
    expect(connectors.dynamics.recordUrl(dyn, "Account", GUID)).toBe(`https://crm.contoso.local/sales/main.aspx?pagetype=entityrecord&etn=account&id=${GUID}`)
    expect(connectors.dynamics.recordUrl({ ...dyn, org: "crm.contoso.local/a b" }, "account", GUID)).toBeNull()
    expect(connectors.dynamics.recordUrl(dyn, "account", "123")).toBeNull()
  })
})

describe("page connectors", () => {
  it("accept an on-premises Dynamics org only on a granted host, Salesforce orgs only on Salesforce hosts", () => {
    const d = pageConnectors.dynamics
    expect(d.orgOf("northwind.crm4.dynamics.com")).toBe("northwind.crm4")
    expect(d.orgOf("crm.contoso.local", { orgPath: "Sales" })).toBeNull()
    expect(d.orgOf("crm.contoso.local", { orgPath: "Sales", granted: true })).toBe("crm.contoso.local/sales")
    expect(d.orgOf("crm.contoso.local", { orgPath: "main.aspx", granted: true })).toBe("crm.contoso.local")
    expect(d.orgOf("crm.contoso.local", { orgPath: "a b", granted: true })).toBe("crm.contoso.local")
    const s = pageConnectors.salesforce
    expect(s.orgOf("acme.lightning.force.com")).toBe("acme")
    expect(s.orgOf("crm.contoso.local", { granted: true })).toBeNull()
  })

  it("give the page watcher the org of any page and the record of a record page", () => {
    const home = observe(pageConnectors.salesforce, "https://acme.lightning.force.com/lightning/page/home", document)
    expect(home).toEqual({ crm: "salesforce", host: "acme.lightning.force.com", org: "acme", url: "https://acme.lightning.force.com/lightning/page/home", record: null })
    const record = observe(pageConnectors.salesforce, "https://acme.lightning.force.com/lightning/r/Account/001Aa00000AbCdE/view", document)
    expect(record?.record).toMatchObject({ objectType: "Account", id: toId18("001Aa00000AbCdE") })
    // An ungranted host, or one whose page does not look like Dynamics, is nobody's org.
    expect(observe(pageConnectors.dynamics, "https://crm.contoso.local/sales/main.aspx", document)).toBeNull()
  })

})
