import { describe, expect, it } from "vitest"
import { parseSalesforcePath, parseSalesforceUrl } from "./url"

const ACC15 = "0015g00000AbCdE"
const ACC = "0015g00000AbCdEAAV"
const OPP = "0065g00000XyZ12AAF"
const CASE = "5005g000001AbCdAAK"
const QUOTE = "0Q05g000000KqRsCAK"
const CONTACT = "0035g00000LmNoPAAV"
const CUSTOM = "a0X5g000001ZzYyEAK"

type Row = [url: string, org: string, objectType: string, id: string]

describe("parseSalesforceUrl: record pages", () => {
  it.each<Row>([
    // Lightning, production My Domain
    [`https://northwind.lightning.force.com/lightning/r/Account/${ACC}/view`, "northwind", "Account", ACC],
    [`https://northwind.lightning.force.com/lightning/r/Account/${ACC15}/view`, "northwind", "Account", ACC],
    [`https://northwind.lightning.force.com/lightning/r/Opportunity/${OPP}/edit`, "northwind", "Opportunity", OPP],
    [`https://northwind.lightning.force.com/lightning/r/Quote/${QUOTE}/view?0.source=alohaHeader`, "northwind", "Quote", QUOTE],
    [`https://northwind.lightning.force.com/lightning/r/Contact/${CONTACT}/view#top`, "northwind", "Contact", CONTACT],
    [`https://northwind.lightning.force.com/lightning/r/Account/${ACC}`, "northwind", "Account", ACC],
    [`https://NorthWind.Lightning.Force.com/lightning/r/Account/${ACC}/view`, "northwind", "Account", ACC],
    // Object omitted: the key prefix names it (or nothing does, for custom objects)
    [`https://northwind.lightning.force.com/lightning/r/${OPP}/view`, "northwind", "Opportunity", OPP],
    [`https://northwind.lightning.force.com/lightning/r/${CUSTOM}/view`, "northwind", "", CUSTOM],
    [`https://northwind.lightning.force.com/lightning/r/Project__c/${CUSTOM}/view`, "northwind", "Project__c", CUSTOM],
    [`https://northwind.lightning.force.com/lightning/r/ns__Deal__c/${CUSTOM}/view`, "northwind", "ns__Deal__c", CUSTOM],
    // Related lists: the parent record is the record
    [`https://northwind.lightning.force.com/lightning/r/Opportunity/${OPP}/related/OpportunityLineItems/view`, "northwind", "Opportunity", OPP],
    [`https://northwind.lightning.force.com/lightning/r/Account/${ACC}/related/Product_Line_2__r/view`, "northwind", "Account", ACC],
    [`https://northwind.lightning.force.com/lightning/r/${OPP}/related/Home_Assessments__r/view`, "northwind", "Opportunity", OPP],
    // Console: the focused subtab is the path…
    [`https://northwind.lightning.force.com/lightning/r/Case/${CASE}/view?ws=%2Flightning%2Fr%2FAccount%2F${ACC}%2Fview`, "northwind", "Case", CASE],
    // …and the workspace tab when the path is not a record
    [`https://northwind.lightning.force.com/lightning/page/home?ws=%2Flightning%2Fr%2FAccount%2F${ACC}%2Fview`, "northwind", "Account", ACC],
    [`https://northwind.lightning.force.com/lightning/o/Case/list?ws=%2Flightning%2Fr%2FCase%2F${CASE}%2Fview`, "northwind", "Case", CASE],
    // Legacy one.app
    [`https://northwind.lightning.force.com/one/one.app#/sObject/${ACC}/view`, "northwind", "Account", ACC],
    [`https://northwind.my.salesforce.com/one/one.app#/sObject/${OPP}`, "northwind", "Opportunity", OPP],
    // Sandbox, Developer Edition, scratch, government, China, Defender for Cloud Apps
    [`https://acme--uat.sandbox.lightning.force.com/lightning/r/Account/${ACC}/view`, "acme--uat", "Account", ACC],
    [`https://acme-dev-ed.develop.lightning.force.com/lightning/r/Case/${CASE}/view`, "acme-dev-ed", "Case", CASE],
    [`https://velocity-ability-5196-dev-ed.scratch.lightning.force.com/lightning/r/Account/${ACC}/view`, "velocity-ability-5196-dev-ed", "Account", ACC],
    [`https://agency.lightning.force.mil/lightning/r/Account/${ACC}/view`, "agency.mil", "Account", ACC],
    [`https://acmecn.sfcrmapps.cn/lightning/r/Account/${ACC}/view`, "acmecn.cn", "Account", ACC],
    [`https://northwind.lightning.force.com.mcas.ms/lightning/r/Account/${ACC}/view`, "northwind", "Account", ACC],
    // Classic on the My Domain host
    [`https://northwind.my.salesforce.com/${ACC15}`, "northwind", "Account", ACC],
    [`https://northwind.my.salesforce.com/${ACC}`, "northwind", "Account", ACC],
    [`https://northwind.my.salesforce.com/${OPP}/e?retURL=%2F${OPP}`, "northwind", "Opportunity", OPP],
    [`https://acme--uat.sandbox.my.salesforce.com/${CASE}`, "acme--uat", "Case", CASE],
    [`https://northwind.my.salesforce.com.mcas.ms/${ACC15}`, "northwind", "Account", ACC],
    // Unknown key prefix accepted in Classic only when the id contains 0000 (Salesforce Inspector's rule)
    ["https://northwind.my.salesforce.com/a0Y000000012345", "northwind", "", "a0Y000000012345EAA"]
  ])("%s", (url, org, objectType, id) => {
    const host = new URL(url).hostname.toLowerCase()
    expect(parseSalesforceUrl(url)).toEqual({ crm: "salesforce", host, org, objectType, id })
  })
})

describe("parseSalesforceUrl: not a record page", () => {
  it.each([
    "https://northwind.lightning.force.com/lightning/page/home",
    "https://northwind.lightning.force.com/lightning/o/Account/home",
    "https://northwind.lightning.force.com/lightning/o/Account/list?filterName=__Recent",
    "https://northwind.lightning.force.com/lightning/o/Opportunity/new",
    "https://northwind.lightning.force.com/lightning/n/Custom_Tab",
    "https://northwind.lightning.force.com/lightning/cmp/c__Comp",
    "https://northwind.lightning.force.com/lightning/setup/SetupOneHome/home",
    `https://northwind.my.salesforce-setup.com/lightning/setup/ObjectManager/page?address=%2F${ACC}`,
    "https://northwind.lightning.force.com/lightning/r/Account/001NOTANID/view",
    "https://northwind.lightning.force.com/lightning/r/Account/0015g00000AbCdEAAA/view", // bad checksum
    `https://northwind.lightning.force.com/lightning/r/Account/${ACC}/somethingelse`,
    "https://northwind.lightning.force.com/lightning/r/Account/view",
    "https://northwind.lightning.force.com/",
    "https://northwind.my.salesforce.com/001", // Classic object home
    "https://northwind.my.salesforce.com/001/o",
    "https://northwind.my.salesforce.com/home/home.jsp",
    "https://northwind.my.salesforce.com/apex/SomePage",
    "https://northwind.my.salesforce.com/a0Y5g1AB01ZzYyQ", // unknown prefix, no 0000
    `https://northwind.lightning.force.com/${ACC}`, // Classic path on a Lightning host
    `https://northwind.my.salesforce.com/${ACC}/x/y`,
    `http://northwind.lightning.force.com/lightning/r/Account/${ACC}/view`,
    `https://evil.example.com/lightning/r/Account/${ACC}/view`,
    `https://northwind.lightning.force.com.evil.example/lightning/r/Account/${ACC}/view`,
    `https://lightning.force.com/lightning/r/Account/${ACC}/view`,
    `https://northwind.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=${ACC}`,
    `javascript:alert('/lightning/r/Account/${ACC}/view')`,
    "not a url",
    ""
  ])("%s → null", (url) => {
    expect(parseSalesforceUrl(url)).toBeNull()
  })
})

describe("parseSalesforcePath", () => {
  it("reads hrefs found inside a page", () => {
    expect(parseSalesforcePath(`/lightning/r/Account/${ACC}/related/Contacts/view`)).toEqual({ objectType: "Account", id: ACC })
    expect(parseSalesforcePath(`/lightning/r/${CONTACT}/view`)).toEqual({ objectType: "Contact", id: CONTACT })
    expect(parseSalesforcePath("/lightning/o/Account/home")).toBeNull()
  })
})
