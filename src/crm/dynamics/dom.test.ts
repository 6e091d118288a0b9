// @vitest-environment happy-dom
import { readFileSync } from "node:fs"
import { resolve } from "node:path"
import { describe, expect, it } from "vitest"
import { looksLikeDynamics, readDynamicsRecord } from "./dom"

// Vitest runs from the repository root; happy-dom replaces URL, so no import.meta.url here.
const FIXTURES = resolve(process.cwd(), "tests/fixtures/dynamics")
const fixture = (name: string) => new DOMParser().parseFromString(readFileSync(resolve(FIXTURES, `${name}.html`), "utf8"), "text/html")
const parse = (html: string) => new DOMParser().parseFromString(html, "text/html")

describe("readDynamicsRecord on saved Unified Interface forms", () => {
  it("account: title without ' - Saved', text, phone, url, option sets, money, lookups, flip switch, header fields, sub-grid", () => {
    const record = readDynamicsRecord(fixture("account"))
    expect(record.objectType).toBe("account")
    expect(record.name).toBe("Globex Manufacturing")
    expect(record.fields.name).toEqual({ label: "Account Name", value: "Globex Manufacturing" })
    expect(record.fields.telephone1?.value).toBe("+1 555 0101 0000")
    expect(record.fields.websiteurl?.value).toBe("https://www.globex.example")
    expect(record.fields.industrycode).toEqual({ label: "Industry", value: "Manufacturing" })
    expect(record.fields.customertypecode?.value).toBe("Customer")
    expect(record.fields.revenue).toEqual({ label: "Annual Revenue", value: "$412,000,000.00" })
    expect(record.fields.transactioncurrencyid?.value).toBe("US Dollar")
    expect(record.fields.parentaccountid).toEqual({ label: "Parent Account", value: "" })
    expect(record.fields.donotemail).toEqual({ label: "Do not allow Emails", value: "Allow" })
    expect(record.fields.address1_country?.value).toBe("")
    // Header-only fields come from the header band; read-only header values are plain text.
    expect(record.fields.numberofemployees).toEqual({ label: "Number of Employees", value: "5,200" })
    expect(record.fields.ownerid).toEqual({ label: "Owner", value: "Rosa Diaz" })
    expect(record.subgrids?.Contacts).toHaveLength(3)
    expect(record.subgrids?.Contacts?.[0]).toEqual({ fullname: "Hank Scorpio", emailaddress1: "hank.scorpio@globex.example", telephone1: "+1 555 0101 1000" })
  })

  it("contact: title attribute, composite name parts, email, toggle label, Fluent choice", () => {
    const record = readDynamicsRecord(fixture("contact"))
    expect(record).toMatchObject({ objectType: "contact", name: "Hank Scorpio" })
    expect(record.fields.firstname?.value).toBe("Hank")
    expect(record.fields.lastname?.value).toBe("Scorpio")
    expect(record.fields.jobtitle).toEqual({ label: "Job Title", value: "VP Operations" })
    expect(record.fields.parentcustomerid).toEqual({ label: "Account Name", value: "Globex Manufacturing" })
    expect(record.fields.emailaddress1?.value).toBe("hank.scorpio@globex.example")
    expect(record.fields.donotphone).toEqual({ label: "Do not allow Phone Calls", value: "Allow" })
    expect(record.fields.preferredcontactmethodcode?.value).toBe("Email")
  })

  it("opportunity: dates, numbers, memo, status reason, ignores BPF copies and a Quick Create flyout", () => {
    const record = readDynamicsRecord(fixture("opportunity"))
    expect(record).toMatchObject({ objectType: "opportunity", name: "Press line lease extension 2026" })
    expect(record.fields.estimatedvalue).toEqual({ label: "Est. Revenue", value: "$204,750.00" })
    expect(record.fields.estimatedclosedate).toEqual({ label: "Est. Close Date", value: "12/20/2026" })
    expect(record.fields.closeprobability?.value).toBe("60")
    expect(record.fields.description?.value).toBe("Lease extension with uptime SLA")
    expect(record.fields.statuscode).toEqual({ label: "Status Reason", value: "In Progress" })
    expect(record.fields.purchasetimeframe?.value).toBe("This Quarter")
    expect(record.fields.isrevenuesystemcalculated?.value).toBe("System Calculated")
    expect(record.fields.parentaccountid?.value).toBe("Globex Manufacturing")
    expect(record.fields.name?.value).toBe("Press line lease extension 2026")
    expect(Object.keys(record.fields)).not.toContain("process_estimatedvalue")
  })

  it("quote: ' - Unsaved' suffix, date + time, quote products sub-grid", () => {
    const record = readDynamicsRecord(fixture("quote"))
    expect(record).toMatchObject({ objectType: "quote", name: "Press line lease extension 2026 — rev 1" })
    expect(record.fields.quotenumber?.value).toBe("QUO-01120-N4Q7")
    expect(record.fields.effectivefrom?.value).toBe("11/17/2026 9:00 AM")
    expect(record.fields.effectiveto?.value).toBe("")
    expect(record.fields.discountpercentage).toEqual({ label: "Quote Discount (%)", value: "1.45" })
    expect(record.fields.opportunityid?.value).toBe("Press line lease extension 2026")
    expect(record.fields.totalamount?.value).toBe("$204,750.00")
    const lines = record.subgrids?.quotedetailsGrid
    expect(lines).toEqual([
      { productname: "Press line lease extension", priceperunit: "$210,000.00", quantity: "1.00000", manualdiscountamount: "$5,250.00", extendedamount: "$204,750.00" },
      { productname: "On-site training (write-in)", priceperunit: "$1,500.00", quantity: "2.00000", manualdiscountamount: "$0.00", extendedamount: "$3,000.00" }
    ])
  })

  it("incident: right-to-left text, header option set, escalation toggle", () => {
    const record = readDynamicsRecord(fixture("incident"))
    expect(record).toMatchObject({ objectType: "incident", name: "تاخیر در تحویل" })
    expect(record.fields.casetypecode?.value).toBe("Problem")
    expect(record.fields.caseorigincode?.value).toBe("Phone")
    expect(record.fields.prioritycode).toEqual({ label: "Priority", value: "High" })
    expect(record.fields.isescalated).toEqual({ label: "Is Escalated", value: "Yes" })
    expect(record.fields.customerid?.value).toBe("شرکت پخش داریوش")
    expect(record.fields.statuscode?.value).toBe("Problem Solved")
  })

  it("reads a subtree (the form root alone)", () => {
    const form = fixture("account").querySelector('[data-id="editFormRoot"]')!
    const record = readDynamicsRecord(form)
    expect(record.objectType).toBe("account")
    expect(record.fields.name?.value).toBe("Globex Manufacturing")
  })

  it("takes the id from the document URL when the page has one", () => {
    const url = "https://northwind.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=%7B00000001-0000-4000-8000-0000000F4244%7D"
    const doc = fixture("account")
    Object.defineProperty(doc, "URL", { value: url })
    expect(readDynamicsRecord(doc)).toMatchObject({ objectType: "account", id: "00000001-0000-4000-8000-0000000f4244" })
  })

  it("returns empty fields for a page that is not a form, and never throws on hostile markup", () => {
    expect(readDynamicsRecord(parse("<p>hello</p>"))).toEqual({ fields: {} })
    const hostile = parse(
      `<div data-id="editFormRoot"><div data-id="__proto__-FieldSectionItemContainer"><input data-id="__proto__.fieldControl-text-box-text" value="x"></div>` +
        `<div data-id="-FieldSectionItemContainer"></div><div data-id="a b-FieldSectionItemContainer"></div>` +
        `<div data-id="x-FieldSectionItemContainer"><input data-id="x.fieldControl-text-box-text" value="${"v".repeat(10_000)}"></div></div>`
    )
    const record = readDynamicsRecord(hostile)
    expect(Object.keys(record.fields)).toEqual(["x"])
    expect(record.fields.x?.value).toHaveLength(4_000)
  })

  it("caps the number of fields", () => {
    const many = Array.from({ length: 400 }, (_, i) => `<div data-id="f${i}-FieldSectionItemContainer"><input data-id="f${i}.fieldControl-text-box-text" value="${i}"></div>`).join("")
    expect(Object.keys(readDynamicsRecord(parse(`<div data-id="editFormRoot">${many}</div>`)).fields)).toHaveLength(300)
  })
})

describe("looksLikeDynamics", () => {
  it("recognises the Unified Interface loader scripts and form root", () => {
    for (const name of ["account", "contact", "opportunity", "quote", "incident"]) expect(looksLikeDynamics(fixture(name)), name).toBe(true)
    expect(looksLikeDynamics(parse(`<script src="/_static/_common/scripts/PageLoader.js"></script>`))).toBe(true)
    expect(looksLikeDynamics(parse(`<script src="https://crm.contoso.local/Org/_static/_common/scripts/CrmInternalUtility.js?ver=123"></script>`))).toBe(true)
    expect(looksLikeDynamics(parse(`<div data-id="editFormRoot"></div>`))).toBe(true)
  })
  it("does not fire on ordinary pages", () => {
    expect(looksLikeDynamics(parse(`<script src="/static/app.js"></script><div data-id="form"></div>`))).toBe(false)
    expect(looksLikeDynamics(parse(`<p>uclient/scripts mentioned in text</p>`))).toBe(false)
  })
})
