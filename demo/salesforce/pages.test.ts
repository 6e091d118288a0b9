import { readFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { DEMO_ACCOUNTS, sfIds } from "../org"
import { salesforceFixtures } from "./fixtures"
import { renderLightningRecordPage, renderSalesforcePage } from "./pages"

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "../../tests/fixtures/salesforce")
const [globex, initech] = DEMO_ACCOUNTS
const rendered = salesforceFixtures()

describe("saved fixtures", () => {
  it.each(Object.keys(rendered))("%s matches its renderer (run demo/salesforce/write-fixtures.ts)", (name) => {
    expect(readFileSync(join(FIXTURES, name), "utf8")).toBe(rendered[name])
  })
})

describe("renderSalesforcePage", () => {
  const ui = "https://northwind.lightning.force.com"
  it("serves a Lightning page for every demo record type the tour visits", () => {
    for (const [type, id] of [
      ["Account", sfIds.account(initech!)],
      ["Contact", sfIds.contact(initech!.contacts[0]!)],
      ["Opportunity", sfIds.deal(initech!.deals[0]!)],
      ["Quote", sfIds.quote(initech!.deals[0]!.quotes[0]!)],
      ["Case", sfIds.case(initech!.cases[0]!)],
      ["Contract", sfIds.contract(globex!.contracts[0]!)]
    ] as const) {
      const html = renderSalesforcePage(`${ui}/lightning/r/${type}/${id}/view`)
      expect(html, type).toContain(`data-demo-record-id="${id}"`)
      expect(html).toContain(`sfdc:RecordField.${type}.`)
      expect(html).toContain('class="windowViewMode-normal oneContent active lafPageHost"')
    }
  })
  it("accepts short, related-list and 15-character forms", () => {
    const id = sfIds.account(globex!)
    expect(renderSalesforcePage(`${ui}/lightning/r/${id}/view`)).toContain(globex!.name)
    expect(renderSalesforcePage(`${ui}/lightning/r/Account/${id}/related/Contacts/view`)).toContain(globex!.name)
    expect(renderSalesforcePage(`${ui}/lightning/r/Account/${id.slice(0, 15)}/view`)).toContain(globex!.name)
  })
  it("serves Classic pages on the My Domain host", () => {
    const html = renderSalesforcePage(`https://northwind.my.salesforce.com/${sfIds.account(globex!).slice(0, 15)}`)
    expect(html).toContain('class="detailList"')
    expect(html).toContain("sfdcBody")
  })
  it("returns null for anything else", () => {
    expect(renderSalesforcePage(`${ui}/lightning/page/home`)).toBeNull()
    expect(renderSalesforcePage(`${ui}/lightning/r/Account/001000000000999AAA/view`)).toBeNull()
    expect(renderSalesforcePage("https://example.com/")).toBeNull()
  })
})

describe("renderLightningRecordPage", () => {
  it("escapes CRM text and loads nothing external", () => {
    const html = renderLightningRecordPage(sfIds.account(DEMO_ACCOUNTS[3]!))
    expect(html).toContain("شرکت پخش داریوش")
    expect(html).not.toMatch(/<(link|img)[^>]+(src|href)="https?:/)
    expect(html).not.toMatch(/url\(["']?https?:/)
    expect(html).toContain("history.pushState")
  })
  it("keeps earlier pages hidden and inactive", () => {
    const html = renderLightningRecordPage(sfIds.deal(globex!.deals[0]!), { previous: [sfIds.account(globex!)] })
    expect(html.match(/class="windowViewMode-normal oneContent lafPageHost"/g)).toHaveLength(1)
    expect(html.match(/class="windowViewMode-normal oneContent active lafPageHost"/g)).toHaveLength(1)
  })
})
