// @vitest-environment happy-dom
import { describe, expect, it } from "vitest"
import { pageLocale, recordCurrency } from "./context"

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, "text/html")
}

const input = (doc: Document, id = "price") => doc.getElementById(id) as HTMLInputElement

describe("pageLocale", () => {
  it("takes <html lang>, normalising Salesforce's underscores", () => {
    expect(pageLocale(parse(`<html lang="de-DE"><body></body></html>`))).toBe("de-DE")
    expect(pageLocale(parse(`<html lang="fa_IR"><body></body></html>`))).toBe("fa-IR")
  })

  it("falls back to the browser's language, then en-US, for a missing or invalid tag", () => {
    const expected = navigator.language || "en-US"
    expect(pageLocale(parse(`<html><body></body></html>`))).toBe(expected)
    expect(pageLocale(parse(`<html lang="not a tag!"><body></body></html>`))).toBe(expected)
  })
})

describe("recordCurrency: Salesforce", () => {
  it("reads an ISO-prefixed amount in the line's row (multi-currency orgs)", () => {
    const doc = parse(`<table><tr><th>ALL-in-one Bundle</th><td>EUR 1,200.00</td><td><input id="price"></td></tr></table>`)
    expect(recordCurrency(input(doc), "salesforce")).toBe("EUR")
  })

  it("reads the record's CurrencyIsoCode field on the active page", () => {
    const doc = parse(`<div class="oneContent active"><div data-target-selection-name="sfdc:RecordField.Quote.CurrencyIsoCode"><span>GBP - British Pound</span></div>
      <div data-target-selection-name="sfdc:RecordField.Quote.Discount"><input id="price"></div></div>
      <div class="oneContent"><div data-target-selection-name="sfdc:RecordField.Quote.CurrencyIsoCode"><span>JPY - Japanese Yen</span></div></div>`)
    expect(recordCurrency(input(doc), "salesforce")).toBe("GBP")
  })

  it("does not take product names or abbreviations for currencies, and defaults to USD", () => {
    const doc = parse(`<table><tr><th>ALL CUP SLA 2024</th><td><input id="price" value="1,200.00"></td></tr></table>`)
    expect(recordCurrency(input(doc), "salesforce")).toBe("USD")
  })

  it("reads a currency typed or shown in the field itself", () => {
    const doc = parse(`<input id="price" value="CHF 12'500.00"><input id="euro" value="€ 9.000">`)
    expect(recordCurrency(input(doc), "salesforce")).toBe("CHF")
    expect(recordCurrency(input(doc, "euro"), "salesforce")).toBe("EUR")
  })
})

describe("recordCurrency: Dynamics", () => {
  it("maps the transaction currency lookup's name", () => {
    const doc = parse(`<ul><li data-id="transactioncurrencyid.fieldControl-LookupResultsDropdown_transactioncurrencyid_selected_tag">
      <div data-id="transactioncurrencyid.fieldControl-LookupResultsDropdown_transactioncurrencyid_selected_tag_text" title="Euro">Euro</div></li></ul>
      <input id="price" data-id="priceperunit.fieldControl-currency-text-input" value="1.000,00">`)
    expect(recordCurrency(input(doc), "dynamics")).toBe("EUR")
  })

  it("falls back to the symbol in the money field, then USD", () => {
    expect(recordCurrency(input(parse(`<input id="price" value="£1,000.00">`)), "dynamics")).toBe("GBP")
    expect(recordCurrency(input(parse(`<input id="price" value="1,000.00">`)), "dynamics")).toBe("USD")
  })
})
