import { describe, expect, it } from "vitest"
import { buildRecordLink, type CrmLocation } from "./links"

const SF: CrmLocation = { crm: "salesforce", org: "acme", host: "acme.lightning.force.com", url: "https://acme.lightning.force.com/lightning/r/Account/001Aa00000AbCdEAAA/view" }
const D365: CrmLocation = { crm: "dynamics", org: "northwind.crm4", host: "northwind.crm4.dynamics.com", url: "https://northwind.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=x" }
const GUID = "5f1c2d3e-4a5b-6c7d-8e9f-0a1b2c3d4e5f"

describe("evidence links", () => {
  it("builds a Lightning record link from the evidence's source object", () => {
    expect(buildRecordLink(SF, { recordKey: "salesforce:acme:00TAa00000TaskAAAA", recordType: "Interaction", sourceObject: "Task" })).toBe(
      "https://acme.lightning.force.com/lightning/r/Task/00TAa00000TaskAAAA/view"
    )
  })

  it("maps the record type to the CRM object when the source object is missing", () => {
    expect(buildRecordLink(SF, { recordKey: "salesforce:acme:006Aa00000OppAAAAA", recordType: "Deal" })).toBe("https://acme.lightning.force.com/lightning/r/Opportunity/006Aa00000OppAAAAA/view")
    expect(buildRecordLink(D365, { recordKey: `dynamics:northwind.crm4:${GUID}`, recordType: "Case" })).toBe(
      `https://northwind.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=incident&id=${GUID}`
    )
    // An interaction could be any activity table: without its source object there is no link.
    expect(buildRecordLink(SF, { recordKey: "salesforce:acme:00TAa00000TaskAAAA", recordType: "Interaction" })).toBeNull()
  })

  it("keeps the on-premises org path of Dynamics", () => {
    const onPrem: CrmLocation = { crm: "dynamics", org: "crm.contoso.local/contoso", host: "crm.contoso.local", url: "https://crm.contoso.local/Contoso/main.aspx?etn=account" }
    expect(buildRecordLink(onPrem, { recordKey: `dynamics:crm.contoso.local/contoso:${GUID}`, sourceObject: "phonecall" })).toBe(
      `https://crm.contoso.local/Contoso/main.aspx?pagetype=entityrecord&etn=phonecall&id=${GUID}`
    )
    const fromOrgName: CrmLocation = { crm: "dynamics", org: "crm.contoso.local/contoso", host: "crm.contoso.local" }
    expect(buildRecordLink(fromOrgName, { recordKey: `dynamics:crm.contoso.local/contoso:${GUID}`, sourceObject: "email" })).toBe(
      `https://crm.contoso.local/contoso/main.aspx?pagetype=entityrecord&etn=email&id=${GUID}`
    )
  })

  it("refuses a page that is not https", () => {
    expect(buildRecordLink({ ...D365, url: "http://northwind.crm4.dynamics.com/main.aspx" }, { recordKey: `dynamics:northwind.crm4:${GUID}`, sourceObject: "account" })).toBeNull()
  })

  it("refuses records of another org or CRM (a link would open a foreign host)", () => {
    expect(buildRecordLink(SF, { recordKey: "salesforce:evil:00TAa00000TaskAAAA", sourceObject: "Task" })).toBeNull()
    expect(buildRecordLink(SF, { recordKey: `dynamics:acme:${GUID}`, sourceObject: "task" })).toBeNull()
  })

  it("refuses hosts and parts that could escape the CRM host", () => {
    for (const host of ["evil.com/@acme.lightning.force.com", "acme.lightning.force.com@evil.com", "javascript:alert(1)", "", "a b.com"]) {
      expect(buildRecordLink({ ...SF, host }, { recordKey: "salesforce:acme:00TAa00000TaskAAAA", sourceObject: "Task" })).toBeNull()
    }
    expect(buildRecordLink(SF, { recordKey: "salesforce:acme:00TAa00000TaskAAAA", sourceObject: "../../evil" })).toBeNull()
    expect(buildRecordLink(SF, { recordKey: "salesforce:acme:not-an-id", sourceObject: "Task" })).toBeNull()
    expect(buildRecordLink(D365, { recordKey: "dynamics:northwind.crm4:123", sourceObject: "account" })).toBeNull()
    expect(buildRecordLink(D365, { recordKey: `dynamics:northwind.crm4:${GUID}`, sourceObject: "account&id=evil" })).toBeNull()
  })

  it("accepts an explicit default port and drops it", () => {
    expect(buildRecordLink({ ...SF, host: "acme.lightning.force.com:443", url: undefined }, { recordKey: "salesforce:acme:00TAa00000TaskAAAA", sourceObject: "Task" })).toBe(
      "https://acme.lightning.force.com/lightning/r/Task/00TAa00000TaskAAAA/view"
    )
  })
})
