import { describe, expect, it } from "vitest"
import { SALESFORCE_HOST_PATTERNS } from "../../../plasmo.config"
import { isSalesforceHost, orgFromHost, toApiHost } from "./hosts"

/** A Chrome match pattern host `*.x.y` matches `x.y` and any sub-domain of it. */
function matchesPattern(host: string): boolean {
  return SALESFORCE_HOST_PATTERNS.some((p) => {
    const suffix = p.replace(/^https:\/\/\*/, "").replace(/\/\*$/, "")
    return host.endsWith(suffix)
  })
}

describe("toApiHost", () => {
  it.each([
    ["northwind.lightning.force.com", "northwind.my.salesforce.com"],
    ["northwind.my.salesforce.com", "northwind.my.salesforce.com"],
    ["northwind.my.salesforce-setup.com", "northwind.my.salesforce.com"],
    ["acme--uat.sandbox.lightning.force.com", "acme--uat.sandbox.my.salesforce.com"],
    ["acme-dev-ed.develop.lightning.force.com", "acme-dev-ed.develop.my.salesforce.com"],
    ["velocity-ability-5196-dev-ed.scratch.lightning.force.com", "velocity-ability-5196-dev-ed.scratch.my.salesforce.com"],
    ["northwind.lightning.force.com.mcas.ms", "northwind.my.salesforce.com"],
    ["northwind.my.salesforce.com.mcas.ms", "northwind.my.salesforce.com"],
    ["Northwind.Lightning.Force.com", "northwind.my.salesforce.com"],
    ["agency.lightning.force.mil", "agency.my.salesforce.mil"],
    ["agency.lightning.crmforce.mil", "agency.my.salesforce.mil"],
    ["acmecn.lightning.sfcrmapps.cn", "acmecn.my.sfcrmproducts.cn"],
    ["northwind--c.vf.force.com", "northwind.my.salesforce.com"],
    ["acme--uat--c.sandbox.vf.force.com", "acme--uat.sandbox.my.salesforce.com"]
  ])("%s → %s", (ui, api) => {
    expect(toApiHost(ui)).toBe(api)
  })
})

describe("isSalesforceHost", () => {
  const hosts = [
    "northwind.lightning.force.com",
    "northwind.my.salesforce.com",
    "northwind.my.salesforce-setup.com",
    "acme--uat.sandbox.lightning.force.com",
    "acme-dev-ed.develop.my.salesforce.com",
    "northwind--c.vf.force.com",
    "northwind--c.visualforce.com",
    "agency.lightning.force.mil",
    "agency.my.salesforce.mil",
    "agency.crmforce.mil",
    "acmecn.sfcrmapps.cn",
    "acmecn.my.sfcrmproducts.cn",
    "northwind.lightning.force.com.mcas.ms",
    "northwind.my.salesforce.com.mcas.ms",
    "lightning.force.com",
    "force.com",
    "salesforce.com",
    "help.salesforce.com",
    "northwind.crm4.dynamics.com",
    "northwind.lightning.force.com.evil.example",
    "evil-lightning.force.com",
    "example.com"
  ]
  it.each(hosts)("%s agrees with SALESFORCE_HOST_PATTERNS", (host) => {
    const expected = matchesPattern(host) && !SALESFORCE_HOST_PATTERNS.some((p) => p === `https://*.${host}/*`)
    expect(isSalesforceHost(host)).toBe(expected)
  })
  it("accepts the org hosts and rejects the rest", () => {
    expect(isSalesforceHost("northwind.lightning.force.com")).toBe(true)
    expect(isSalesforceHost("help.salesforce.com")).toBe(false)
    expect(isSalesforceHost("evil-lightning.force.com")).toBe(false)
    expect(isSalesforceHost("northwind.lightning.force.com.evil.example")).toBe(false)
  })
})

describe("orgFromHost", () => {
  it.each([
    ["northwind.lightning.force.com", "northwind"],
    ["northwind.my.salesforce.com", "northwind"],
    ["acme--uat.sandbox.lightning.force.com", "acme--uat"],
    ["acme-dev-ed.develop.lightning.force.com", "acme-dev-ed"],
    ["northwind.lightning.force.com.mcas.ms", "northwind"],
    ["northwind--c.vf.force.com", "northwind"],
    ["acme--uat--c.sandbox.vf.force.com", "acme--uat"],
    ["acme.lightning.force.com", "acme"],
    ["acme.my.salesforce.com.mcas.ms", "acme"],
    ["acme.lightning.force.mil", "acme.mil"],
    ["acme.my.salesforce.mil", "acme.mil"],
    ["acme.lightning.crmforce.mil", "acme.mil"],
    ["acme.crmforce.mil", "acme.mil"],
    ["acme--uat.sandbox.lightning.force.mil", "acme--uat.mil"],
    ["acme.lightning.sfcrmapps.cn", "acme.cn"],
    ["acme.my.sfcrmproducts.cn", "acme.cn"],
    ["Acme.Lightning.Force.Mil.", "acme.mil"],
    ["example.com", null]
  ])("%s → %s", (host, org) => {
    expect(orgFromHost(host)).toBe(org)
  })
})

describe("org identity across clouds", () => {
  it("gives each cloud its own org, never with the key separator, and a proxy the org it fronts", () => {
    const hosts = ["acme.lightning.force.com", "acme.lightning.force.mil", "acme.lightning.sfcrmapps.cn"]
    const orgs = hosts.map(orgFromHost)
    expect(new Set(orgs).size).toBe(3)
    for (const org of orgs) expect(org).not.toContain(":")
    for (const host of hosts) {
      expect(orgFromHost(`${host}.mcas.ms`)).toBe(isSalesforceHost(`${host}.mcas.ms`) ? orgFromHost(host) : null)
      expect(toApiHost(`${host}.mcas.ms`)).toBe(toApiHost(host))
    }
    expect(orgFromHost("acme.lightning.force.com.mcas.ms")).toBe("acme")
    // Each org's API calls go to its own cloud's API host.
    expect(hosts.map(toApiHost)).toEqual(["acme.my.salesforce.com", "acme.my.salesforce.mil", "acme.my.sfcrmproducts.cn"])
  })
})
