import { describe, expect, it } from "vitest"
import { DYNAMICS_HOST_PATTERNS } from "../../../plasmo.config"
import { DYNAMICS_HOST_SUFFIXES, dynamicsOrgName, isDynamicsHost } from "./hosts"
import { normalizeGuid, parseDynamicsUrl } from "./url"

const G = "91330924-802a-4b0d-a900-34fd9d790829"
const GU = G.toUpperCase()
const APP = "appid=12fd1cf3-e06e-e911-a95f-000d3a13c42a"

describe("parseDynamicsUrl: record pages", () => {
  const cases: [string, string, Partial<ReturnType<typeof parseDynamicsUrl>>][] = [
    ["UCI with appid", `https://northwind.crm4.dynamics.com/main.aspx?${APP}&pagetype=entityrecord&etn=account&id=${G}`, { org: "northwind.crm4", objectType: "account" }],
    ["braces encoded, upper case", `https://northwind.crm4.dynamics.com/main.aspx?${APP}&pagetype=entityrecord&etn=opportunity&id=%7B${GU}%7D`, { objectType: "opportunity" }],
    ["braces raw", `https://northwind.crm4.dynamics.com/main.aspx?etn=quote&pagetype=entityrecord&id={${GU}}`, { objectType: "quote" }],
    ["lower-case %7b", `https://northwind.crm.dynamics.com/main.aspx?etn=incident&pagetype=entityrecord&id=%7b${GU}%7d`, { org: "northwind.crm" }],
    ["docs example without appid", `https://myorg.crm.dynamics.com/main.aspx?etn=account&pagetype=entityrecord&id=%7B91330924-802A-4B0D-A900-34FD9D790829%7D`, { org: "myorg.crm" }],
    ["appname + forceUCI", `https://contoso.crm11.dynamics.com/main.aspx?appname=msdyn_SalesHub&forceUCI=1&pagetype=entityrecord&etn=contact&id=${G}`, { org: "contoso.crm11", objectType: "contact" }],
    ["param names in other case", `https://contoso.crm.dynamics.com/main.aspx?AppId=x&PageType=EntityRecord&ETN=Account&ID=${GU}`, { objectType: "account" }],
    ["navbar/cmdbar/formid extras", `https://contoso.crm5.dynamics.com/main.aspx?${APP}&navbar=off&cmdbar=false&pagetype=entityrecord&etn=quotedetail&id=${G}&formid=6009c1fe-ae99-4a41-a59f-a6f1cf8b9daf`, { objectType: "quotedetail" }],
    ["custom table", `https://contoso.crm.dynamics.com/main.aspx?${APP}&pagetype=entityrecord&etn=new_projectsite&id=${G}`, { objectType: "new_projectsite" }],
    ["legacy Send a Link with etc", `https://spevo15.crm4.dynamics.com/main.aspx?etc=1&extraqs=formid%3d8448b78f-8f42-454e-8e2a-f8196b0419af&id=%7b${GU}%7d&pagetype=entityrecord`, { objectType: "account" }],
    ["legacy link with histKey, newWindow, hash counter", `https://sra-qa3.crm11.dynamics.com/main.aspx?etc=1&extraqs=&histKey=656489862&id=%7b${GU}%7d&newWindow=true&pagetype=entityrecord&sitemappath=SFA%7cCustomers%7cnav_accts#585507393`, { objectType: "account" }],
    ["id and etc only inside double-encoded extraqs", `https://contoso.crm.dynamics.com/main.aspx?etc=112&extraqs=%3f_gridType%3d112%26etc%3d112%26id%3d%257b${GU}%257d%26pagemode%3diframe&pagetype=entityrecord`, { objectType: "incident" }],
    ["China", `https://contoso.crm.dynamics.cn/main.aspx?${APP}&pagetype=entityrecord&etn=account&id=${G}`, { org: "contoso.crm.cn" }],
    ["GCC High", `https://contoso.crm.microsoftdynamics.us/main.aspx?pagetype=entityrecord&etn=account&id=${G}`, { org: "contoso.crm.gcchigh" }],
    ["DoD", `https://contoso.crm.appsplatform.us/main.aspx?pagetype=entityrecord&etn=account&id=${G}`, { org: "contoso.crm.dod" }],
    ["GCC (crm9)", `https://agency.crm9.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=${G}`, { org: "agency.crm9" }]
  ]
  it.each(cases)("%s", (_name, url, expected) => {
    const ref = parseDynamicsUrl(url)
    expect(ref).not.toBeNull()
    expect(ref).toMatchObject({ crm: "dynamics", id: G, ...expected })
  })

  it("returns host and clientUrl", () => {
    expect(parseDynamicsUrl(`https://Northwind.CRM4.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=${G}`)).toEqual({
      crm: "dynamics",
      host: "northwind.crm4.dynamics.com",
      org: "northwind.crm4",
      objectType: "account",
      id: G,
      clientUrl: "https://northwind.crm4.dynamics.com"
    })
  })
})

describe("parseDynamicsUrl: on-premises (allowAnyHost)", () => {
  it("takes the org from the path and drops the port from the org", () => {
    const url = `http://sv-vw-ejap:5555/SupportCenter/main.aspx?etc=112&extraqs=%3fetc%3d112%26id%3d%257b${GU}%257d&newWindow=true&pagetype=entityrecord`
    expect(parseDynamicsUrl(url)).toBeNull()
    expect(parseDynamicsUrl(url, { allowAnyHost: true })).toEqual({
      crm: "dynamics",
      host: "sv-vw-ejap:5555",
      org: "sv-vw-ejap/supportcenter",
      objectType: "incident",
      id: G,
      clientUrl: "http://sv-vw-ejap:5555/SupportCenter"
    })
  })
  it("accepts an IFD host without org segment", () => {
    expect(parseDynamicsUrl(`https://contoso.crm.contoso.local/main.aspx?etn=account&pagetype=entityrecord&id=${G}`, { allowAnyHost: true })).toMatchObject({
      org: "contoso.crm.contoso.local",
      clientUrl: "https://contoso.crm.contoso.local"
    })
  })
  it("accepts the Defender for Cloud Apps proxy of an online org", () => {
    expect(parseDynamicsUrl(`https://northwind.crm4.dynamics.com.mcas.ms/main.aspx?etn=account&pagetype=entityrecord&id=${G}`, { allowAnyHost: true })).toMatchObject({ org: "northwind.crm4" })
  })
  it("keeps the org segment's case in clientUrl (on-premises paths are case-insensitive, keys are not)", () => {
    expect(parseDynamicsUrl(`https://crm.contoso.local/Contoso/main.aspx?etn=account&pagetype=entityrecord&id=${G}`, { allowAnyHost: true })).toMatchObject({
      org: "crm.contoso.local/contoso",
      clientUrl: "https://crm.contoso.local/Contoso"
    })
  })
})

describe("parseDynamicsUrl: not a record (null)", () => {
  const nulls: [string, string, boolean?][] = [
    ["list", `https://myorg.crm.dynamics.com/main.aspx?etn=opportunity&pagetype=entitylist&viewid=%7b00000000-0000-0000-00AA-000010003006%7d&viewtype=1039`],
    ["list with braces viewid", `https://myorg.crm.dynamics.com/main.aspx?etn=contact&pagetype=entitylist&viewid={00000000-0000-0000-00AA-000010001004}&viewtype=1039&navbar=off&cmdbar=false`],
    ["dashboard", `https://myorg.crm.dynamics.com/main.aspx?${APP}&pagetype=dashboard&id=${G}`],
    ["app landing", `https://myorg.crm.dynamics.com/main.aspx?${APP}`],
    ["new record form (no id)", `https://myorg.crm.dynamics.com/main.aspx?${APP}&pagetype=entityrecord&etn=account`],
    ["on-prem new record", `http://mycrm/myOrg/main.aspx?etn=account&pagetype=entityrecord`, true],
    ["invalid GUID", `https://myorg.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=91330924-802A-4B0D-A900-34FD9D79082`],
    ["GUID with junk", `https://myorg.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=%7Bnot-a-guid%7D`],
    ["null GUID", `https://myorg.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=00000000-0000-0000-0000-000000000000`],
    ["no etn and no known etc", `https://myorg.crm.dynamics.com/main.aspx?pagetype=entityrecord&etc=10166&id=${G}`],
    ["invalid logical name", `https://myorg.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=acc%20ount&id=${G}`],
    ["no pagetype", `https://myorg.crm.dynamics.com/main.aspx?etn=account&id=${G}`],
    ["form designer preview", `https://myorg.crm4.dynamics.com/uclient/main.htm?cmdbar=false&flags=DisableFormHandlers&etn=account&pagetype=entityrecord&id=${G}`],
    ["legacy inner frame", `https://myorg.crm.dynamics.com/sfa/accts/edit.aspx?id=%7B${GU}%7D`],
    ["org segment on an online host", `https://myorg.crm.dynamics.com/myorg/main.aspx?etn=account&pagetype=entityrecord&id=${G}`],
    ["http online", `http://myorg.crm.dynamics.com/main.aspx?etn=account&pagetype=entityrecord&id=${G}`],
    ["Web API URL", `https://myorg.crm.dynamics.com/api/data/v9.2/accounts(${G})`],
    ["non-Dynamics host", `https://example.com/main.aspx?etn=account&pagetype=entityrecord&id=${G}`],
    ["look-alike host", `https://myorg.crm.dynamics.com.evil.example/main.aspx?etn=account&pagetype=entityrecord&id=${G}`],
    ["region not in the patterns", `https://myorg.crm10.dynamics.com/main.aspx?etn=account&pagetype=entityrecord&id=${G}`],
    ["F&O host", `https://contoso.operations.dynamics.com/main.aspx?etn=account&pagetype=entityrecord&id=${G}`],
    ["Salesforce", `https://acme.lightning.force.com/lightning/r/Account/001000000000001AAA/view`],
    ["not a URL", `main.aspx?etn=account&pagetype=entityrecord&id=${G}`],
    ["empty", ``]
  ]
  it.each(nulls)("%s", (_name, url, allowAnyHost) => {
    expect(parseDynamicsUrl(url, { allowAnyHost: !!allowAnyHost })).toBeNull()
  })
})

describe("normalizeGuid", () => {
  it.each([
    [G, G],
    [`{${GU}}`, G],
    [`%7B${GU}%7D`, G],
    [`%257B${GU}%257D`, G],
    [` ${G} `, G],
    ["nope", null],
    ["", null],
    [undefined, null]
  ])("%s → %s", (input, expected) => expect(normalizeGuid(input)).toBe(expected))
})

describe("isDynamicsHost", () => {
  it("has exactly one suffix per host pattern of plasmo.config.ts", () => {
    expect(DYNAMICS_HOST_PATTERNS.map((p) => p.replace(/^https:\/\/\*/, "").replace(/\/\*$/, ""))).toEqual([...DYNAMICS_HOST_SUFFIXES])
  })
  it("accepts an org on every host pattern", () => {
    for (const pattern of DYNAMICS_HOST_PATTERNS) {
      const host = pattern.replace("https://*", "someorg").replace("/*", "")
      expect(isDynamicsHost(host), host).toBe(true)
    }
  })
  it.each(["crm.dynamics.com", "dynamics.com", "example.com", "x.crm10.dynamics.com", "x.crm.dynamics.com.evil.example", "x.operations.dynamics.com", "x.crm4.dynamics.com.mcas.ms"])(
    "refuses %s",
    (host) => expect(isDynamicsHost(host)).toBe(false)
  )
  it("ignores case and port", () => expect(isDynamicsHost("Org.CRM4.Dynamics.com:443")).toBe(true))
})

describe("dynamicsOrgName", () => {
  it.each([
    ["northwind.crm4.dynamics.com", undefined, "northwind.crm4"],
    ["northwind.crm.dynamics.com", undefined, "northwind.crm"],
    ["contoso.crm.dynamics.cn", undefined, "contoso.crm.cn"],
    ["contoso.crm.microsoftdynamics.us", undefined, "contoso.crm.gcchigh"],
    ["contoso.crm.appsplatform.us", undefined, "contoso.crm.dod"],
    ["crm.contoso.local:5555", "Contoso", "crm.contoso.local/contoso"],
    ["CRM.contoso.local", undefined, "crm.contoso.local"]
  ])("%s %s → %s", (host, path, expected) => {
    expect(dynamicsOrgName(host, path)).toBe(expected)
    expect(expected).not.toContain(":")
  })
})
