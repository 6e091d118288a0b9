// @vitest-environment happy-dom
import { readFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { attachDeclarativeShadowRoots } from "../../../tests/support/declarative-shadow"
import { readSalesforceRecord, readSalesforceTitle } from "./dom"

const HERE = dirname(fileURLToPath(import.meta.url))
const FIXTURES = join(HERE, "../../../tests/fixtures/salesforce")

function load(name: string): Document {
  const doc = new DOMParser().parseFromString(readFileSync(join(FIXTURES, name), "utf8"), "text/html")
  attachDeclarativeShadowRoots(doc)
  return doc
}

const OWNER = "005000000000001AAA"
const INITECH = "001000000000002AAA"

describe.each(["", "-force"])("Lightning Account page%s", (generation) => {
  const record = readSalesforceRecord(load(`lightning-account${generation}.html`))
  it("names the record from the active page", () => {
    expect(record.objectType).toBe("Account")
    expect(record.id).toBe(INITECH)
    expect(record.name).toBe("Initech Retail Supply")
  })
  it("keys fields by API name with the label and the shown value", () => {
    expect(record.fields.Name).toEqual({ label: "Account Name", value: "Initech Retail Supply" })
    expect(record.fields.AnnualRevenue).toEqual({ label: "Annual Revenue", value: "$88,000,000.00" })
    expect(record.fields.Industry?.value).toBe("Retail")
    expect(record.fields.AccountSource?.value).toBe("Web")
    expect(record.fields.Phone?.value).toBe("+1 555 0102 0000")
    expect(record.fields.Website?.value).toBe("www.initech.example")
    expect(record.fields.BillingAddress?.value).toBe("Austin")
  })
  it("gives lookups the related record's id and never reads the edit pencil", () => {
    expect(record.fields.OwnerId).toEqual({ label: "Account Owner", value: "Rosa Diaz", relatedId: OWNER })
    expect(Object.values(record.fields).some((f) => f.value.includes("Edit"))).toBe(false)
  })
  it("reads the title cheaply", () => {
    expect(readSalesforceTitle(load(`lightning-account${generation}.html`))).toBe("Initech Retail Supply")
  })
})

describe.each(["", "-force"])("Lightning Opportunity page%s", (generation) => {
  const record = readSalesforceRecord(load(`lightning-opportunity${generation}.html`))
  it("reads a lost deal, Dynamic Forms included", () => {
    expect(record).toMatchObject({ objectType: "Opportunity", id: "00600000000000LAAQ", name: "Store refit 2025" })
    expect(record.fields.Amount?.value).toBe("$61,500.00")
    expect(record.fields.StageName?.value).toBe("Closed Lost")
    expect(record.fields.Probability?.value).toBe("0%")
    expect(record.fields.Loss_Reason__c).toEqual({ label: "Loss Reason", value: "Price — lost to a cheaper competitor" })
    expect(record.fields.AccountId).toEqual({ label: "Account Name", value: "Initech Retail Supply", relatedId: INITECH })
    expect(record.fields.CloseDate?.value).toMatch(/^\d{1,2}\/\d{1,2}\/2025$/)
  })
})

describe.each(["", "-force"])("Lightning Quote page%s", (generation) => {
  const record = readSalesforceRecord(load(`lightning-quote${generation}.html`))
  it("reads the quote and both lookups", () => {
    expect(record).toMatchObject({ objectType: "Quote", id: "0Q0000000000066CAA", name: "Checkout counters RFQ 2026 — rev 3" })
    expect(record.fields.GrandTotal?.value).toBe("$41,080.00")
    expect(record.fields.Status?.value).toBe("Presented")
    expect(record.fields.QuoteNumber?.value).toBe("00000222")
    expect(record.fields.OpportunityId?.relatedId).toBe("00600000000000MAAQ")
    expect(record.fields.AccountId?.relatedId).toBe(INITECH)
  })
})

describe.each(["", "-force"])("Lightning Case page%s", (generation) => {
  const record = readSalesforceRecord(load(`lightning-case${generation}.html`))
  it("reads a Persian escalated complaint", () => {
    expect(record).toMatchObject({ objectType: "Case", id: "5000000000000B4AAI", name: "00001400" })
    expect(record.fields.Subject?.value).toBe("تاخیر در تحویل")
    expect(record.fields.IsEscalated).toEqual({ label: "Escalated", value: "true" })
    expect(record.fields.Priority?.value).toBe("High")
    expect(record.fields.AccountId).toEqual({ label: "Account Name", value: "شرکت پخش داریوش", relatedId: "001000000000004AAA" })
    expect(record.fields.ContactId?.relatedId).toBe("0030000000000B4AAI")
  })
})

describe.each(["", "-force"])("Lightning Contact page%s", (generation) => {
  const record = readSalesforceRecord(load(`lightning-contact${generation}.html`))
  it("reads the contact", () => {
    expect(record).toMatchObject({ objectType: "Contact", id: "00300000000002SAAQ", name: "Hank Scorpio" })
    expect(record.fields.Name?.value).toBe("Hank Scorpio")
    expect(record.fields.Title?.value).toBe("VP Operations")
    expect(record.fields.Email?.value).toBe("hank.scorpio@globex.example")
    expect(record.fields.AccountId?.relatedId).toBe("001000000000001AAA")
  })
})

describe("pages Lightning keeps in the DOM", () => {
  it("reads only the active page, not the hidden one before it", () => {
    const doc = load("lightning-two-pages.html")
    expect(doc.querySelectorAll('[data-target-selection-name="sfdc:RecordField.Account.AnnualRevenue"]').length).toBe(1)
    const record = readSalesforceRecord(doc)
    expect(record).toMatchObject({ objectType: "Opportunity", id: "00600000000000CAAQ", name: "Press line lease extension 2026" })
    expect(record.fields.AnnualRevenue).toBeUndefined()
    expect(record.fields.AccountId?.relatedId).toBe("001000000000001AAA")
    expect(readSalesforceTitle(doc)).toBe("Press line lease extension 2026")
  })
  it("reads the focused console subtab", () => {
    const doc = load("lightning-console.html")
    const record = readSalesforceRecord(doc)
    expect(record).toMatchObject({ objectType: "Account", id: INITECH, name: "Initech Retail Supply" })
    expect(record.fields.Subject).toBeUndefined()
  })
  it("reads nothing while no page is active (mid-navigation)", () => {
    const doc = load("lightning-two-pages.html")
    doc.querySelector(".oneContent.active")!.classList.remove("active")
    expect(readSalesforceRecord(doc)).toEqual({ fields: {} })
    expect(readSalesforceTitle(doc)).toBeUndefined()
  })
})

describe("open shadow roots", () => {
  it("finds fields, values and the title behind component boundaries", () => {
    const doc = load("lightning-shadow.html")
    expect(doc.querySelectorAll("[data-target-selection-name]").length).toBe(0)
    const record = readSalesforceRecord(doc)
    expect(record).toMatchObject({ objectType: "Account", name: "Initech Retail Supply" })
    expect(record.fields.AnnualRevenue?.value).toBe("$88,000,000.00")
    expect(record.fields.Industry?.value).toBe("Retail")
    expect(record.fields.OwnerId?.relatedId).toBe(OWNER)
    expect(readSalesforceTitle(doc)).toBe("Initech Retail Supply")
  })
  it("reads a shadow root built by script", () => {
    const doc = new DOMParser().parseFromString('<div class="windowViewMode-normal oneContent active lafPageHost"><x-panel></x-panel></div>', "text/html")
    const shadow = doc.querySelector("x-panel")!.attachShadow({ mode: "open" })
    const item = doc.createElement("div")
    item.setAttribute("data-target-selection-name", "sfdc:RecordField.Account.Industry")
    const label = doc.createElement("span")
    label.className = "test-id__field-label"
    label.textContent = "Industry"
    const value = doc.createElement("lightning-formatted-text")
    value.attachShadow({ mode: "open" }).textContent = "Healthcare"
    item.append(label, value)
    shadow.append(item)
    expect(readSalesforceRecord(doc).fields.Industry).toEqual({ label: "Industry", value: "Healthcare" })
  })
})

describe("highlights panel", () => {
  it("keys compact-layout fields by label when the Details tab is not rendered yet", () => {
    const doc = load("lightning-account.html")
    doc.querySelector('flexipage-component2[data-component-id="force_detailPanel"]')!.remove()
    const record = readSalesforceRecord(doc)
    expect(record.fields.Type).toEqual({ label: "Type", value: "Customer" })
    expect(record.fields["Account Owner"]).toEqual({ label: "Account Owner", value: "Rosa Diaz", relatedId: OWNER })
    expect(record.fields.AnnualRevenue).toBeUndefined()
  })
})

describe("Salesforce Classic", () => {
  it("reads an Account detail page", () => {
    const record = readSalesforceRecord(load("classic-account.html"))
    expect(record).toMatchObject({ objectType: "Account", id: INITECH, name: "Initech Retail Supply" })
    expect(record.fields.Name).toEqual({ label: "Account Name", value: "Initech Retail Supply" })
    expect(record.fields.acc1).toEqual({ label: "Account Owner", value: "Rosa Diaz", relatedId: OWNER })
    expect(record.fields.acc8?.value).toBe("$88,000,000.00")
    expect(readSalesforceTitle(load("classic-account.html"))).toBe("Initech Retail Supply")
  })
  it("reads an Opportunity detail page with 15-character links", () => {
    const record = readSalesforceRecord(load("classic-opportunity.html"))
    expect(record).toMatchObject({ objectType: "Opportunity", id: "00600000000000LAAQ", name: "Store refit 2025" })
    expect(record.fields.AccountId).toEqual({ label: "Account Name", value: "Initech Retail Supply", relatedId: INITECH })
    expect(record.fields.Amount?.value).toBe("$61,500.00")
    expect(record.fields.StageName?.value).toBe("Closed Lost")
    expect(record.fields["00N5g00000LsRsn"]?.value).toBe("Price — lost to a cheaper competitor")
  })
})

describe("a real capture", () => {
  it("reads the lookup field of the DevTools capture", () => {
    const record = readSalesforceRecord(load("lightning-capture-lookup.html"))
    expect(record.objectType).toBe("Lead")
    expect(record.fields.SolucionCandidatos__c).toEqual({ label: "Solución", value: "SALUD FAMILIAR", relatedId: "01td0000000n9XVAAY" })
  })
})

describe("content-script constraints", () => {
  it("imports neither zod nor chrome APIs", () => {
    for (const file of ["dom.ts", "deep.ts", "selectors.ts", "url.ts", "hosts.ts", "ids.ts", "index.ts"]) {
      const source = readFileSync(join(HERE, file), "utf8")
      expect(source, file).not.toMatch(/from "zod"|chrome\.|from "dexie"|\.\/(sync|map|api|soql)"/)
    }
  })
})
