/**
 * A Salesforce Classic detail page (research/crm-formats.md §1.4): `body.sfdcBody`, `h1.pageType`,
 * `h2.pageDescription`, `table.detailList` rows of `td.labelCol` + `td.dataCol` with
 * `div#<fieldId>_ileinner` values, 15-character ids in links, and related lists as `table.list`.
 */
import { h, trusted, type Html } from "./html"
import { fieldValue, formatValue, lookupName, recordTitle, type FieldSpec } from "./layouts"
import { layoutOf } from "./lightning-page"
import { LIGHTNING_CSS } from "./page-style"
import type { SalesforceDemoData, SObjectRecord } from "./records"

/** Classic element ids of standard fields (`acc2` = Account Name, `opp3` = Opportunity Name…);
 * custom fields use their 15-character field id. */
const CLASSIC_IDS: Record<string, Record<string, string>> = {
  Account: { OwnerId: "acc1", Name: "acc2", Type: "acc6", Industry: "acc7", AnnualRevenue: "acc8", AccountSource: "acc24", Phone: "acc10", Website: "acc12", BillingAddress: "acc17", Description: "acc20" },
  Opportunity: {
    OwnerId: "opp1",
    Name: "opp3",
    AccountId: "opp4",
    Type: "opp5",
    LeadSource: "opp6",
    Amount: "opp7",
    CloseDate: "opp9",
    StageName: "opp11",
    Probability: "opp12",
    Description: "opp14",
    Loss_Reason__c: "00N5g00000LsRsn"
  }
}

const id15 = (id: string) => id.slice(0, 15)

function value(data: SalesforceDemoData, spec: FieldSpec, record: SObjectRecord): Html | string {
  const raw = fieldValue(record, spec.api)
  if (spec.kind === "lookup") return typeof raw === "string" && raw ? h("a", { href: `/${id15(raw)}`, id: `lookup${id15(raw)}${spec.api}` }, lookupName(data, raw)) : ""
  if (spec.kind === "checkbox") return h("img", { class: "checkImg", alt: raw ? "Checked" : "Not Checked", title: raw ? "Checked" : "Not Checked", width: 21, height: 16 })
  if (spec.kind === "address") return Array.isArray(raw) ? raw.join(", ") : ""
  if (spec.kind === "url" && typeof raw === "string") return h("a", { href: raw, target: "_blank" }, raw)
  return formatValue(spec.kind, raw)
}

function detailTable(data: SalesforceDemoData, record: SObjectRecord, fields: FieldSpec[]): Html {
  const ids = CLASSIC_IDS[record.attributes.type] ?? {}
  const cells = (spec: FieldSpec | undefined, last: boolean) => {
    if (!spec) return [h("td", { class: "labelCol empty" }, " "), h("td", { class: `dataCol${last ? " last" : ""} empty` }, " ")]
    const fieldId = ids[spec.api] ?? spec.api
    return [h("td", { class: "labelCol" }, spec.label), h("td", { class: `dataCol${last ? " last" : " col02"}` }, h("div", { id: `${fieldId}_ileinner` }, value(data, spec, record)))]
  }
  const rows: Html[] = []
  for (let i = 0; i < fields.length; i += 2) rows.push(h("tr", {}, ...cells(fields[i], false), ...cells(fields[i + 1], true)))
  return h("table", { class: "detailList", border: 0, cellpadding: 0, cellspacing: 0 }, h("tbody", {}, rows))
}

export function classicDocument(data: SalesforceDemoData, record: SObjectRecord): string {
  const layout = layoutOf(record.attributes.type)
  const id = id15(record.Id)
  const sections = layout.sections.map((section, i) =>
    h("div", { class: "pbSubsection" }, i ? h("div", { class: "pbSubheader brandTertiaryBgr tertiaryPalette" }, h("h3", {}, section.title)) : null, detailTable(data, record, section.fields))
  )
  const related = layout.related.map((spec) => {
    const rows = (data.byType.get(spec.type) ?? []).filter((r) => r[spec.field] === record.Id)
    return h(
      "div",
      { class: "bRelatedList" },
      h(
        "div",
        { class: "listRelatedObject" },
        h("div", { class: "pbHeader" }, h("h3", {}, spec.title)),
        h(
          "table",
          { class: "list", border: 0, cellspacing: 0, cellpadding: 0 },
          h("tr", { class: "headerRow" }, spec.columns.map((c) => h("th", { scope: "col" }, c.label))),
          rows.map((row) =>
            h(
              "tr",
              { class: "dataRow" },
              spec.columns.map((c, k) => {
                const text = c.kind === "lookup" ? lookupName(data, row[c.api]) : formatValue(c.kind, row[c.api])
                return k === 0 ? h("th", { scope: "row", class: "dataCell" }, h("a", { href: `/${id15(row.Id)}` }, text)) : h("td", { class: "dataCell" }, text)
              })
            )
          )
        )
      )
    )
  })
  const editUrl = `/${id}/e?retURL=%2F${id}`
  const buttons = h(
    "td",
    { class: "pbButton", id: "topButtonRow" },
    h("input", { value: " Edit ", class: "btn", title: "Edit", name: "edit", type: "button", onclick: `navigateToUrl('${editUrl}','DETAIL','edit');` }),
    h("input", { value: "Delete", class: "btn", title: "Delete", name: "del", type: "button" }),
    h("input", { value: "Sharing", class: "btn", title: "Sharing", name: "share", type: "button" })
  )
  return (
    "<!DOCTYPE html>\n" +
    h(
      "html",
      { lang: "en" },
      h("head", {}, h("meta", { charset: "utf-8" }), h("title", {}, `${layout.label}: ${recordTitle(record)} ~ Salesforce - Enterprise Edition`), h("style", {}, trusted(LIGHTNING_CSS))),
      h(
        "body",
        { class: `hasMotif ${layout.object.toLowerCase()}Tab detailPage sfdcBody brandQuaternaryBgr classic` },
        h(
          "div",
          { id: "contentWrapper" },
          h(
            "table",
            { class: "outer", id: "bodyTable", border: 0, cellspacing: 0, cellpadding: 0 },
            h(
              "tr",
              {},
              h(
                "td",
                { class: "oRight", id: "bodyCell" },
                h("div", { class: "bPageTitle" }, h("div", { class: "ptBody" }, h("div", { class: "content" }, h("h1", { class: "pageType" }, layout.label, h("span", { class: "titleSeparatingColon" }, ":")), h("h2", { class: "pageDescription" }, ` ${recordTitle(record)}`)))),
                h(
                  "div",
                  { class: "bPageBlock brandSecondaryBrd bDetailBlock secondaryPalette", id: "ep" },
                  h("div", { class: "pbHeader" }, h("table", { border: 0, cellpadding: 0, cellspacing: 0 }, h("tr", {}, h("td", { class: "pbTitle" }, h("h2", { class: "mainTitle" }, `${layout.label} Detail`)), buttons))),
                  h("div", { class: "pbBody" }, sections)
                ),
                related
              )
            )
          )
        )
      )
    ).value
  )
}
