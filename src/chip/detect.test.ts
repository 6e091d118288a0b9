// @vitest-environment happy-dom
import { describe, expect, it } from "vitest"
import { DEMO_ACCOUNTS, dynIds } from "../../demo/org"
import { renderDynamicsRecordPage } from "../../demo/dynamics/pages"
import { isDynamicsPriceInput, isPriceInput, isSalesforcePriceInput } from "./detect"

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, "text/html")
}

function input(doc: Document, selector: string): HTMLInputElement {
  const el = doc.querySelector<HTMLInputElement>(selector)
  if (!el) throw new Error(`no ${selector}`)
  return el
}

// The Aura "Edit Products" modal (research/crm-formats.md §1.3): header component above a table
// inside the modal container; header cells carry nested spans and a required-field marker.
const SALESFORCE_MODAL = `<!doctype html><html lang="en-US"><body>
<div class="modal-container slds-modal__container">
  <div class="title forceMultiAddMultiEditHeader"><h2 class="slds-text-heading_medium">Edit Quote Line Items</h2></div>
  <div class="forceMultiAddMultiEdit">
    <table class="slds-table slds-table_bordered">
      <thead><tr>
        <th scope="col"><span class="slds-truncate" title="Product">Product</span></th>
        <th scope="col"><abbr class="slds-required" title="required">*</abbr><span class="slds-truncate" title="Quantity">Quantity</span></th>
        <th scope="col"><abbr class="slds-required" title="required">*</abbr><span class="slds-truncate" title="Sales Price">Sales Price</span></th>
        <th scope="col"><span class="slds-truncate" title="List Price">List Price</span></th>
        <th scope="col"><span class="slds-truncate" title="Date">Date</span></th>
        <th scope="col"><span class="slds-truncate" title="Line Description">Line Description</span></th>
        <th scope="col"><span class="slds-truncate" title="Discount">Discount</span></th>
        <th scope="col"><span class="slds-truncate" title="Include">Include</span></th>
      </tr></thead>
      <tbody><tr>
        <th scope="row">GenWatt Diesel 1000kW</th>
        <td><input id="qty" type="text" value="1"></td>
        <td><input id="price" type="text" value="100,000.00"></td>
        <td><input id="list" type="text" value="100,000.00" readonly></td>
        <td><input id="date" type="text"></td>
        <td><input id="desc" type="text"></td>
        <td><input id="discount" type="text"></td>
        <td><input id="include" type="checkbox"></td>
      </tr></tbody>
    </table>
    <div class="slds-form-element">
      <label class="slds-form-element__label" for="bulk-price">Sales Price</label>
      <input id="bulk-price" type="text">
    </div>
    <div role="gridcell" data-label="Sales Price"><input id="labelled-cell" type="text"></div>
    <span id="lbl">Discount</span><input id="aria-labelled" type="text" aria-labelledby="lbl">
  </div>
</div>
<table class="list"><thead><tr><th>Sales Price</th></tr></thead><tbody><tr><td><input id="outside-modal" type="text"></td></tr></tbody></table>
</body></html>`

const SALESFORCE_RECORD_EDIT = `<!doctype html><html><body><div class="oneContent active">
<records-record-layout-item field-label="Sales Price"><div data-target-selection-name="sfdc:RecordField.QuoteLineItem.UnitPrice">
  <lightning-input><div class="slds-form-element__control"><input id="qli-price" class="slds-input" type="text" inputmode="decimal"></div></lightning-input></div></records-record-layout-item>
<div data-target-selection-name="sfdc:RecordField.OpportunityLineItem.Discount"><input id="oli-discount" type="text"></div>
<div data-target-selection-name="sfdc:RecordField.Opportunity.Amount"><input id="opp-amount" type="text"></div>
<div data-target-selection-name="sfdc:RecordField.OpportunityLineItem.ListPrice"><input id="oli-list" type="text"></div>
<div data-target-selection-name="sfdc:RecordField.Opportunity.Name"><input id="opp-name" type="text"></div>
<div data-target-selection-name="sfdc:RecordField.Account.AnnualRevenue"><input id="acc-revenue" type="text"></div>
<div data-target-selection-name="sfdc:RecordField.Quote.Discount"><input id="quote-discount" type="text" disabled></div>
<form name="editPage"><table class="detailList"><tr><td class="labelCol">Sales Price</td><td class="dataCol"><input id="classic" name="UnitPrice" type="text"></td></tr>
<tr><td class="labelCol">Sales Price</td><td class="dataCol"><input id="classic-hidden" name="UnitPrice" type="hidden"></td></tr></table></form>
<textarea id="notes" name="UnitPrice"></textarea>
</div></body></html>`

const DYNAMICS_FORM = `<!doctype html><html lang="en-US"><body>
<div data-id="editFormRoot">
  <div data-id="header_totalamount.fieldControl-currency-text-input-container"><input id="header-total" type="text" data-id="header_totalamount.fieldControl-currency-text-input" value="$12,345.00" readonly></div>
  <div data-id="priceperunit-FieldSectionItemContainer"><input id="ppu" type="text" data-id="priceperunit.fieldControl-currency-text-input" value="$1,000.00"></div>
  <div data-id="manualdiscountamount-FieldSectionItemContainer"><input id="discount" type="text" data-id="manualdiscountamount.fieldControl-currency-text-input"></div>
  <div data-id="totalamount-FieldSectionItemContainer"><input id="total" type="text" data-id="totalamount.fieldControl-currency-text-input"></div>
  <div data-id="quantity-FieldSectionItemContainer"><input id="qty" type="text" data-id="quantity.fieldControl-decimal-number-text-input"></div>
  <div data-id="baseamount-FieldSectionItemContainer"><input id="base" type="text" data-id="baseamount.fieldControl-currency-text-input"></div>
  <div data-id="quotedetailsGrid-pcf_grid_control_container" data-lp-id="MscrmControls.Grid.PCFGridControl|quotedetailsGrid|quote">
    <div role="grid"><div role="row">
      <div role="gridcell" col-id="productid"><input id="grid-product" type="text"></div>
      <div role="gridcell" col-id="priceperunit"><div class="editor"><input id="grid-price" type="text"></div></div>
      <div role="gridcell" col-id="quantity"><input id="grid-qty" type="text"></div>
      <div role="gridcell" col-id="manualdiscountamount"><input id="grid-discount" type="text"></div>
    </div></div>
  </div>
</div></body></html>`

describe("Salesforce: the Add/Edit Products modal", () => {
  const doc = parse(SALESFORCE_MODAL)

  it.each([
    ["#price", "UnitPrice"],
    ["#list", "ListPrice"],
    ["#discount", "Discount"],
    ["#bulk-price", "UnitPrice"],
    ["#labelled-cell", "UnitPrice"],
    ["#aria-labelled", "Discount"]
  ])("%s is the %s field", (selector, field) => {
    expect(isSalesforcePriceInput(input(doc, selector))).toEqual({ crm: "salesforce", field })
    expect(isPriceInput(input(doc, selector))).toEqual({ crm: "salesforce", field })
  })

  it.each(["#qty", "#date", "#desc", "#include", "#outside-modal"])("%s is not a price field", (selector) => {
    expect(isSalesforcePriceInput(input(doc, selector))).toBeNull()
  })

  it("ignores the table header row and non-inputs", () => {
    expect(isSalesforcePriceInput(doc.querySelector("th span[title='Sales Price']")!)).toBeNull()
    expect(isSalesforcePriceInput(doc.querySelector(".forceMultiAddMultiEditHeader")!)).toBeNull()
  })
})

describe("Salesforce: record fields in edit mode and Classic", () => {
  const doc = parse(SALESFORCE_RECORD_EDIT)

  it.each([
    ["#qli-price", "UnitPrice"],
    ["#oli-discount", "Discount"],
    ["#opp-amount", "Amount"],
    ["#oli-list", "ListPrice"],
    ["#classic", "UnitPrice"]
  ])("%s is the %s field", (selector, field) => {
    expect(isSalesforcePriceInput(input(doc, selector))).toEqual({ crm: "salesforce", field })
  })

  it("ignores other fields, other objects, disabled, hidden inputs and textareas", () => {
    for (const selector of ["#opp-name", "#acc-revenue", "#quote-discount", "#classic-hidden"]) {
      expect(isSalesforcePriceInput(input(doc, selector)), selector).toBeNull()
    }
    expect(isSalesforcePriceInput(doc.querySelector("#notes")!)).toBeNull()
  })

  it("finds a record-field input inside an open shadow root (LWC native shadow)", () => {
    const host = doc.createElement("lightning-input")
    doc.querySelector("[data-target-selection-name$='QuoteLineItem.UnitPrice']")!.append(host)
    const shadow = host.attachShadow({ mode: "open" })
    const inner = doc.createElement("input")
    inner.type = "text"
    shadow.append(inner)
    expect(isSalesforcePriceInput(inner)).toEqual({ crm: "salesforce", field: "UnitPrice" })
  })

  it("does not take Dynamics markers for Salesforce ones", () => {
    expect(isSalesforcePriceInput(input(parse(DYNAMICS_FORM), "#ppu"))).toBeNull()
  })
})

describe("Dynamics 365: quote and quote line forms", () => {
  const doc = parse(DYNAMICS_FORM)

  it.each([
    ["#ppu", "priceperunit"],
    ["#discount", "manualdiscountamount"],
    ["#total", "totalamount"],
    ["#header-total", "totalamount"],
    ["#grid-price", "priceperunit"],
    ["#grid-discount", "manualdiscountamount"]
  ])("%s is the %s field", (selector, field) => {
    expect(isDynamicsPriceInput(input(doc, selector))).toEqual({ crm: "dynamics", field })
    expect(isPriceInput(input(doc, selector))).toEqual({ crm: "dynamics", field })
  })

  it.each(["#qty", "#base", "#grid-product", "#grid-qty"])("%s is not a price field", (selector) => {
    expect(isDynamicsPriceInput(input(doc, selector))).toBeNull()
  })

  it("does not take Salesforce markers for Dynamics ones", () => {
    expect(isDynamicsPriceInput(input(parse(SALESFORCE_MODAL), "#price"))).toBeNull()
    expect(isDynamicsPriceInput(input(parse(SALESFORCE_RECORD_EDIT), "#qli-price"))).toBeNull()
  })

  it("finds the editable price fields on the demo org's quote line form", () => {
    const quote = DEMO_ACCOUNTS[1]!.deals[2]!.quotes.at(-1)!
    const html = renderDynamicsRecordPage({ entity: "quotedetail", id: dynIds.quoteLine(quote, 0) })
    expect(html).toBeTruthy()
    const page = parse(html!)
    const found = Array.from(page.querySelectorAll("input"))
      .map((el) => isDynamicsPriceInput(el)?.field)
      .filter(Boolean)
    expect(found).toEqual(expect.arrayContaining(["priceperunit", "manualdiscountamount"]))
  })
})

describe("anything else", () => {
  it("is not a price input", () => {
    const doc = parse(`<body><input id="search" type="search" placeholder="Search Salesforce"><input id="cb" type="checkbox" name="UnitPrice"><div id="div"></div></body>`)
    expect(isPriceInput(input(doc, "#search"))).toBeNull()
    expect(isPriceInput(input(doc, "#cb"))).toBeNull()
    expect(isPriceInput(doc.querySelector("#div")!)).toBeNull()
    expect(isPriceInput(doc.body)).toBeNull()
  })
})
