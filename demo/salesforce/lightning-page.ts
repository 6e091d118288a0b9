/**
 * A Lightning Experience record page for any demo record, structured after the real hierarchy
 * (research/crm-formats.md §1.3): one-record-home-flexipage2 → flexipage components → the
 * highlights panel, the detail panel (records-record-layout-* or the older force-record-layout-*,
 * or Dynamic Forms' record_flexipage-record-field) and the related lists, with SLDS classes,
 * `lwc-*` scoping attributes and `data-target-selection-name` field markers.
 */
import { h, frag, trusted, type Child, type Html } from "./html"
import { fieldValue, formatValue, LAYOUTS, lookupName, recordTitle, type FieldSpec, type Layout, type RelatedSpec } from "./layouts"
import { LIGHTNING_CSS } from "./page-style"
import type { SalesforceDemoData, SObjectRecord } from "./records"
import { SOBJECT_FIELDS } from "./records"
import { SPA_SCRIPT } from "./spa-script"

export type Generation = "records" | "force"

export interface RenderContext {
  data: SalesforceDemoData
  generation: Generation
  dynamicForms: boolean
  /** Put component internals in open shadow roots (declarative `<template shadowrootmode>`). */
  shadow: boolean
}

const LWC = { item: "lwc-2qpe2t0sbck", section: "lwc-6pdkl2d3d1q", panel: "lwc-1ebrp2t4ifo" }
const lwc = (scope: string) => ({ [scope]: "" })
const lwcHost = (scope: string) => ({ [`${scope}-host`]: "" })

/** Internals of a component: in a shadow root when asked, in the light DOM (synthetic shadow) otherwise. */
function inside(ctx: RenderContext, ...content: Child[]): Child {
  return ctx.shadow ? h("template", { shadowrootmode: "open" }, ...content) : frag(...content)
}

/** A layout for objects the demo has no page design for (users, products): name and fields. */
function genericLayout(type: string): Layout {
  const fields = (SOBJECT_FIELDS[type] ?? ["Name"]).filter((f) => f !== "Id" && f !== "IsDeleted" && f !== "IsArchived").map((api) => ({ api, label: api, kind: "text" as const }))
  return { object: type, label: type, plural: `${type}s`, tab: "", icon: { color: "#706e6b", glyph: type[0] ?? "?" }, title: "Name", highlights: [], sections: [{ title: "Information", fields }], related: [] }
}

export function layoutOf(type: string): Layout {
  return LAYOUTS[type] ?? genericLayout(type)
}

const recordPath = (record: SObjectRecord) => `/lightning/r/${record.attributes.type}/${record.Id}/view`

function lookupLink(ctx: RenderContext, id: string, name: string): Html {
  if (ctx.generation === "force") {
    return h(
      "force-lookup",
      { "data-output-element-id": "output-field", slot: "outputField" },
      h("force-hoverable-link", {}, h("a", { class: "textUnderline outputLookupLink slds-truncate forceOutputLookup", "data-recordid": id, href: `/lightning/r/${id}/view`, title: name }, name))
    )
  }
  return h(
    "force-lookup",
    { "data-output-element-id": "output-field", slot: "outputField" },
    h("div", { class: "slds-grid" }, h("records-hoverable-link", { class: "rlql-relatedLink" }, h("a", { href: `/lightning/r/${id}/view`, target: "_self", class: "flex-wrap-ie11" }, h("slot", {}, h("span", { class: "slds-truncate" }, name)))))
  )
}

/** The shown value of one field, with the renderer Lightning uses for its type. */
export function renderValue(ctx: RenderContext, spec: FieldSpec, record: SObjectRecord): Child {
  const raw = fieldValue(record, spec.api)
  const out = { "data-output-element-id": "output-field", slot: "outputField" }
  if (spec.kind === "lookup") return typeof raw === "string" && raw ? lookupLink(ctx, raw, lookupName(ctx.data, raw)) : null
  if (spec.kind === "checkbox") {
    return h("lightning-input", { ...out, class: "slds-form-element" }, h("span", { class: "slds-checkbox slds-checkbox_standalone" }, h("input", { type: "checkbox", disabled: true, checked: raw === true }), h("span", { class: "slds-checkbox_faux" })))
  }
  const text = formatValue(spec.kind, raw)
  if (spec.kind === "address") {
    const lines = Array.isArray(raw) ? (raw as string[]) : []
    if (!lines.length) return null
    return h("lightning-formatted-address", out, inside(ctx, h("div", { class: "slds-truncate" }, lines[0]), ...lines.slice(1).map((l) => h("div", { class: "slds-truncate" }, l))))
  }
  if (!text) return null
  if (ctx.generation === "force") {
    const aura = spec.kind === "currency" || spec.kind === "number" || spec.kind === "percent" ? "uiOutputNumber" : spec.kind === "date" ? "uiOutputDate" : spec.kind === "datetime" ? "uiOutputDateTime" : spec.kind === "textarea" ? "uiOutputTextArea" : spec.kind === "phone" ? "uiOutputPhone" : "uiOutputText"
    if (spec.kind === "email") return h("a", { class: "emailuiFormattedEmail", href: `mailto:${text}` }, text)
    if (spec.kind === "url") return h("a", { class: "uiOutputURL", href: text, target: "_blank", rel: "noopener" }, text.replace(/^https?:\/\//, ""))
    return h("span", { class: aura, "data-aura-class": aura }, text)
  }
  switch (spec.kind) {
    case "currency":
    case "number":
    case "percent":
      return h("lightning-formatted-number", out, inside(ctx, text))
    case "date":
    case "datetime":
      return h("lightning-formatted-date-time", out, inside(ctx, text))
    case "phone":
      return h("lightning-formatted-phone", out, inside(ctx, h("a", { href: `tel:${text}` }, text)))
    case "email":
      return h("lightning-formatted-email", out, inside(ctx, h("a", { href: `mailto:${text}` }, text)))
    case "url":
      return h("lightning-formatted-url", out, inside(ctx, h("a", { href: text, target: "_blank", rel: "noopener" }, text.replace(/^https?:\/\//, ""))))
    case "name":
      return h("lightning-formatted-name", out, inside(ctx, text))
    case "picklist":
      return h("records-formula-output", out, h("lightning-formatted-text", {}, inside(ctx, text)))
    default:
      return h("lightning-formatted-text", out, inside(ctx, text))
  }
}

function editButton(label: string): Html {
  return h("button", { class: "slds-button test-id__inline-edit-trigger slds-button_icon-bare", title: `Edit ${label}`, type: "button" }, "✎", h("span", { class: "slds-assistive-text" }, `Edit ${label}`))
}

/** The inner markup every layout generation shares: label, value, pencil. */
function fieldBody(ctx: RenderContext, object: string, spec: FieldSpec, record: SObjectRecord): Html {
  const marker = { "data-target-selection-name": `sfdc:RecordField.${object}.${spec.api}` }
  const value = renderValue(ctx, spec, record)
  if (ctx.generation === "force") {
    return h(
      "div",
      { class: "slds-form-element slds-form-element_readonly slds-form-element_edit slds-grow slds-hint-parent override--slds-form-element", ...marker },
      h(
        "dl",
        {},
        h("dt", { class: "test-id__field-label-container slds-form-element__label" }, h("span", { class: "test-id__field-label" }, spec.label)),
        h("dd", { class: "slds-form-element__control slds-grid itemBody" }, h("span", { class: "test-id__field-value slds-form-element__static slds-grow" }, value), editButton(spec.label))
      )
    )
  }
  return h(
    "div",
    { class: "slds-grid slds-size_1-of-1 label-stacked", ...marker, role: "listitem", ...lwc(LWC.item) },
    h(
      "div",
      { class: "slds-form-element slds-hint-parent test-id__output-root slds-form-element_edit slds-form-element_readonly is-stacked is-stacked-not-editing", ...lwc(LWC.item) },
      h("div", { class: "test-id__field-label-container slds-form-element__label no-utility-icon", ...lwc(LWC.item) }, h("span", { class: "test-id__field-label", ...lwc(LWC.item) }, spec.label)),
      h(
        "div",
        { class: "slds-form-element__control", ...lwc(LWC.item) },
        h("span", { class: "test-id__field-value slds-form-element__static slds-grow word-break-ie11", ...lwc(LWC.item) }, h("slot", { name: "outputField" }, value)),
        editButton(spec.label)
      )
    )
  )
}

function layoutItem(ctx: RenderContext, object: string, spec: FieldSpec, record: SObjectRecord, side: "left" | "right"): Html {
  const tag = ctx.generation === "force" ? "force-record-layout-item" : "records-record-layout-item"
  const attrs = ctx.generation === "force" ? { class: "slds-form__item slds-no-space slds-size_1-of-2" } : { class: `slds-form__item slds-no-space slds-size_1-of-2 item-${side}`, "field-label": spec.label, ...lwcHost(LWC.item) }
  return h(tag, attrs, fieldBody(ctx, object, spec, record))
}

function pairs<T>(list: T[]): T[][] {
  const out: T[][] = []
  for (let i = 0; i < list.length; i += 2) out.push(list.slice(i, i + 2))
  return out
}

function sectionHeader(title: string): Html {
  return h("h3", { class: "slds-section__title test-id__section-header-container" }, h("button", { class: "slds-button slds-section__title-action", type: "button", "aria-expanded": "true" }, h("span", { class: "test-id__section-header-title slds-truncate" }, title)))
}

/** The detail panel in records-record-layout-* / force-record-layout-* markup. */
function recordLayout(ctx: RenderContext, layout: Layout, record: SObjectRecord): Html {
  const g = ctx.generation
  const generated = `forcegenerated-detailpanel_${layout.object.toLowerCase()}___012000000000000aaa___full___view___recordlayout2`
  const sections = layout.sections.map((section) =>
    h(
      `${g}-record-layout-section`,
      g === "records" ? { ...lwcHost(LWC.section) } : {},
      h(
        "div",
        { class: "slds-section slds-is-open" },
        sectionHeader(section.title),
        h(
          "div",
          { class: "slds-section__content section__content" },
          h(
            "div",
            { class: "slds-form", role: "list" },
            h("slot", {}, pairs(section.fields).map(([left, right]) => h(`${g}-record-layout-row`, { class: "slds-form__row" }, h("slot", {}, layoutItem(ctx, layout.object, left!, record, "left"), right ? layoutItem(ctx, layout.object, right, record, "right") : null))))
          )
        )
      )
    )
  )
  return h(
    "records-lwc-detail-panel",
    {},
    inside(ctx, h("records-base-record-form", {}, h("div", { class: "record-layout-container" }, h("records-lwc-record-layout", {}, h(generated, {}, h(`${g}-record-layout-block`, { class: "slds-form" }, h("slot", {}, sections)))))))
  )
}

/** The same fields in Dynamic Forms markup (record_flexipage-record-field). */
function dynamicForms(ctx: RenderContext, layout: Layout, record: SObjectRecord): Html {
  return frag(
    layout.sections.map((section, i) =>
      h(
        "flexipage-component2",
        { "data-component-id": `flexipage_fieldSection${i ? i + 1 : ""}` },
        h(
          "flexipage-field-section2",
          {},
          h(
            "div",
            { class: "slds-card slds-card_boundary" },
            h(
              "div",
              { class: "slds-section slds-is-open" },
              sectionHeader(section.title),
              h(
                "div",
                { class: "slds-section__content slds-grid slds-wrap" },
                [0, 1].map((col) =>
                  h(
                    "flexipage-column2",
                    { class: "column slds-size_1-of-2" },
                    h("div", { class: "slds-form" }, h("slot", {}, section.fields.filter((_, k) => k % 2 === col).map((spec) => h("flexipage-field", { class: "slds-form__item" }, h("slot", {}, h("record_flexipage-record-field", {}, fieldBody(ctx, layout.object, spec, record)))))))
                  )
                )
              )
            )
          )
        )
      )
    )
  )
}

function highlights(ctx: RenderContext, layout: Layout, record: SObjectRecord): Html {
  const title = recordTitle(record)
  const actions = h("ul", { class: "slds-button-group-list slds-button-group" }, ["Follow", "Edit", "Clone", "Delete"].map((a) => h("li", {}, h("button", { class: "slds-button slds-button_neutral", type: "button" }, a))))
  const icon = h("div", { class: "slds-media__figure" }, h("span", { class: "slds-icon_container", style: `background:${layout.icon.color}`, title: layout.label }, layout.icon.glyph))
  const force = ctx.generation === "force"
  const titleText = force ? h("span", { class: "uiOutputText", "data-aura-class": "uiOutputText" }, title) : h("slot", { name: "primaryField" }, h("lightning-formatted-text", {}, inside(ctx, title)))
  const item = force ? "force-highlights-details-item" : "records-highlights-details-item"
  const details = layout.highlights.map((spec) =>
    h(
      item,
      { class: "slds-page-header__detail-block" },
      h("div", {}, h("p", { class: "slds-text-title slds-truncate", title: spec.label }, spec.label), h("p", { class: "fieldComponent slds-text-body--regular slds-show_medium" }, h("slot", {}, renderValue(ctx, spec, record))))
    )
  )
  const header = h(
    "div",
    { class: "highlights slds-clearfix slds-page-header slds-page-header_record-home" },
    h(
      "div",
      { class: "slds-page-header__row" },
      h("div", { class: "slds-page-header__col-title" }, h("div", { class: "slds-media" }, icon, h("div", { class: "slds-media__body" }, h("h1", {}, h("div", { class: "entityNameTitle slds-line-height_reset" }, layout.label), h("div", { class: "slds-page-header__title slds-m-right--small slds-align-middle fade-text" }, titleText))))),
      h("div", { class: "slds-page-header__col-actions" }, actions)
    ),
    details.length ? h("div", { class: "slds-page-header__detail-row" }, details) : null
  )
  if (force) return h("force-highlights2", {}, header)
  const generated = `forcegenerated-highlightspanel_${layout.object.toLowerCase()}___012000000000000aaa___compact___view___recordlayout2`
  return h("records-lwc-highlights-panel", {}, inside(ctx, h("records-lwc-record-layout", {}, h(generated, {}, h("records-highlights2", {}, header)))))
}

function stagePath(layout: Layout, record: SObjectRecord): Child {
  if (!layout.path) return null
  const stage = String(record.StageName ?? "")
  const index = layout.path.findIndex((s) => stage.startsWith(s))
  return h(
    "flexipage-component2",
    { "data-component-id": "runtime_sales_pathassistant" },
    h(
      "ul",
      { class: "slds-path", role: "listbox" },
      layout.path.map((s, i) => {
        const state = s === "Closed" && stage === "Closed Lost" ? "slds-is-lost" : i < index ? "slds-is-complete" : i === index ? "slds-is-current" : "slds-is-incomplete"
        return h("li", { class: `slds-path__item ${state}`, role: "presentation" }, s === "Closed" && stage.startsWith("Closed") ? stage : s)
      })
    )
  )
}

function relatedRows(ctx: RenderContext, spec: RelatedSpec, record: SObjectRecord): SObjectRecord[] {
  const rows = (ctx.data.byType.get(spec.type) ?? []).filter((r) => r[spec.field] === record.Id)
  if (spec.newestFirst) rows.sort((a, b) => String(b[spec.newestFirst!]).localeCompare(String(a[spec.newestFirst!])))
  return rows
}

function relatedList(ctx: RenderContext, spec: RelatedSpec, record: SObjectRecord): Html {
  const rows = relatedRows(ctx, spec, record)
  const related = `/lightning/r/${record.attributes.type}/${record.Id}/related/${spec.relationship}/view`
  const child = layoutOf(spec.type)
  const cell = (col: FieldSpec, row: SObjectRecord, first: boolean): Html => {
    const raw = row[col.api]
    const text = col.kind === "lookup" ? lookupName(ctx.data, raw) : formatValue(col.kind, raw)
    if (first && LAYOUTS[spec.type]) return h("th", { scope: "row" }, h("a", { href: `/lightning/r/${row.Id}/view`, "data-recordid": row.Id, title: text }, text))
    return h(first ? "th" : "td", first ? { scope: "row" } : {}, text)
  }
  const table = h(
    "table",
    { class: "slds-table slds-table_bordered slds-table_cell-buffer", "aria-label": spec.title },
    h("thead", {}, h("tr", {}, spec.columns.map((c) => h("th", { scope: "col" }, c.label)))),
    h("tbody", {}, rows.slice(0, 6).map((row) => h("tr", {}, spec.columns.map((c, i) => cell(c, row, i === 0)))))
  )
  const card = h(
    "article",
    { class: "slds-card slds-card_boundary", "aria-label": spec.title },
    h(
      "div",
      { class: "slds-card__header slds-grid" },
      h(
        "header",
        { class: "slds-media slds-media_center slds-has-flexi-truncate" },
        h("div", { class: "slds-media__figure" }, h("span", { class: "slds-icon_container", style: `background:${child.icon.color};width:24px;height:24px;font-size:12px` }, child.icon.glyph)),
        h("div", { class: "slds-media__body" }, h("h2", { class: "slds-card__header-title" }, h("a", { class: "slds-card__header-link baseCard__header-title-container", href: related }, h("span", { class: "slds-truncate slds-m-right--xx-small", title: spec.title }, spec.title), h("span", { class: "slds-shrink-none slds-m-right--xx-small countText", title: `(${rows.length})` }, `(${rows.length})`))))
      )
    ),
    h("div", { class: "slds-card__body" }, rows.length ? table : null),
    rows.length ? h("a", { class: "slds-card__footer", href: related }, h("span", { class: "view-all-label" }, "View All")) : null
  )
  const editable = spec.type === "OpportunityLineItem" && rows.length ? editProductsModal(ctx, rows) : null
  if (editable) {
    return h("div", {}, h("div", { class: "slds-card__header-actions" }, h("button", { class: "slds-button slds-button_neutral", type: "button", "data-demo-action": "edit-products" }, "Edit Products")), card, editable)
  }
  if (ctx.generation === "force") {
    return h("lst-related-list-single-aura-wrapper", {}, h("div", { class: "forceRelatedListSingleContainer" }, h("div", { class: "forceRelatedListPreviewAdvancedGrid" }, card)))
  }
  return h("lst-related-list-single-container", {}, h("laf-progressive-container", {}, h("lst-related-list-single-app-builder-mapper", {}, h("lst-related-list-view-manager", {}, card))))
}

/**
 * Salesforce's Aura multi-edit modal for opportunity products (crm-formats.md §1.3): a
 * `.forceMultiAddMultiEditHeader` title above a table of inputs (Quantity, Sales Price, Date,
 * Line Description, Discount) in a `modal-container`. Values typed here are not saved until Save.
 */
function editProductsModal(ctx: RenderContext, rows: SObjectRecord[]): Html {
  const input = (label: string, value: unknown) =>
    h("td", { "data-label": label }, h("div", { class: "slds-form-element" }, h("input", { class: "slds-input", type: "text", "aria-label": label, value: value == null ? "" : String(value) })))
  return h(
    "div",
    { class: "modal-container slds-modal__container", role: "dialog", "aria-label": "Edit Products", "data-demo-modal": "edit-products", hidden: true },
    h("div", { class: "modal-header slds-modal__header" }, h("div", { class: "title forceMultiAddMultiEditHeader" }, h("h2", {}, "Edit Products"))),
    h(
      "div",
      { class: "modal-body forceMultiAddMultiEdit" },
      h(
        "table",
        { class: "slds-table slds-table_bordered" },
        h("thead", {}, h("tr", {}, ["Product", "Quantity", "Sales Price", "Date", "Line Description", "Discount"].map((c) => h("th", { scope: "col" }, c)))),
        h(
          "tbody",
          {},
          rows.map((row) =>
            h("tr", {}, h("th", { scope: "row" }, lookupName(ctx.data, row.Product2Id)), input("Quantity", row.Quantity), input("Sales Price", row.UnitPrice), input("Date", ""), input("Line Description", ""), input("Discount", row.Discount))
          )
        )
      )
    ),
    h("div", { class: "modal-footer slds-modal__footer" }, h("button", { class: "slds-button slds-button_neutral", type: "button", "data-demo-action": "close-modal" }, "Cancel"), h("button", { class: "slds-button slds-button_brand", type: "button", "data-demo-action": "close-modal" }, "Save"))
  )
}

const ACTIVITY_ICON: Record<string, [string, string]> = { Task: ["#4bc076", "T"], call: ["#48c3cc", "☏"], Event: ["#eb7092", "M"], EmailMessage: ["#939393", "@"] }

function activityCard(ctx: RenderContext, record: SObjectRecord): Html {
  const id = record.Id
  const about = (r: SObjectRecord) => [r.AccountId, r.WhatId, r.WhoId, r.RelatedToId, r.ParentId].includes(id)
  const items = ["Task", "Event", "EmailMessage"]
    .flatMap((t) => ctx.data.byType.get(t) ?? [])
    .filter(about)
    .map((r) => ({ r, at: String(r.CompletedDateTime ?? r.StartDateTime ?? r.MessageDate ?? r.CreatedDate) }))
    .sort((a, b) => b.at.localeCompare(a.at))
    .slice(0, 8)
  const label = (r: SObjectRecord) =>
    r.attributes.type === "EmailMessage" ? (r.Incoming ? "Email received" : "Email sent") : r.attributes.type === "Event" ? "Meeting" : r.TaskSubtype === "Call" ? `${r.CallType ?? ""} call`.trim() : "Task"
  return h(
    "article",
    { class: "slds-card", "aria-label": "Activity" },
    h("div", { class: "slds-card__header" }, h("h2", { class: "slds-card__header-title" }, "Activity")),
    h(
      "div",
      { class: "slds-card__body" },
      h(
        "ul",
        { class: "slds-timeline" },
        items.map(({ r, at }) => {
          const [color, glyph] = ACTIVITY_ICON[r.TaskSubtype === "Call" ? "call" : r.attributes.type] ?? ["#706e6b", "•"]
          return h("li", { class: "slds-timeline__item" }, h("span", { class: "slds-timeline__icon", style: `background:${color}` }, glyph), h("div", {}, h("span", {}, String(r.Subject ?? "")), h("span", { class: "slds-badge" }, label(r))), h("span", { class: "slds-timeline__date" }, formatValue("date", at.slice(0, 10))))
        })
      ),
      items.length ? null : h("p", {}, "No activities to show.")
    )
  )
}

/** One record page: the content of a page host (`.oneContent`). */
export function recordPageContent(ctx: RenderContext, record: SObjectRecord): Html {
  const layout = layoutOf(record.attributes.type)
  const object = layout.object.toLowerCase()
  const details = ctx.dynamicForms ? dynamicForms(ctx, layout, record) : h("flexipage-component2", { "data-component-id": "force_detailPanel" }, recordLayout(ctx, layout, record))
  const tabs = h(
    "flexipage-component2",
    { "data-component-id": "flexipage_tabset" },
    h(
      "flexipage-tabset2",
      {},
      h(
        "lightning-tabset",
        { class: "slds-card" },
        h("div", { class: "slds-tabs_default" }, h("ul", { class: "slds-tabs_default__nav", role: "tablist" }, h("li", { class: "slds-tabs_default__item slds-is-active", role: "presentation", title: "Details" }, "Details"), h("li", { class: "slds-tabs_default__item", role: "presentation", title: "Related" }, "Related"), h("li", { class: "slds-tabs_default__item", role: "presentation", title: "News" }, "News"))),
        h("section", { class: "slds-tabs_default__content slds-show", role: "tabpanel" }, h("flexipage-tab2", {}, h("slot", {}, details)))
      )
    )
  )
  return h(
    "one-record-home-flexipage2",
    {},
    h(
      `forcegenerated-flexipage_${object}_rec_l_${object}__view_js`,
      {},
      h(
        "record_flexipage-desktop-record-page-decorator",
        {},
        h(
          "div",
          { class: "record-page-decorator" },
          h(
            "records-record-layout-event-broker",
            {},
            h(
              "slot",
              {},
              h(
                "flexipage-record-home-template-desktop2",
                {},
                h(
                  "div",
                  { class: "slds-grid slds-wrap" },
                  h("div", { class: "header slds-col slds-size_1-of-1" }, h("slot", { name: "header" }, h("flexipage-component2", { "data-component-id": "force_highlightsPanel" }, highlights(ctx, layout, record)))),
                  h("div", { class: "main-region slds-col slds-size_2-of-3", style: "padding-right:12px" }, stagePath(layout, record), tabs),
                  h(
                    "div",
                    { class: "sidebar-region slds-col slds-size_1-of-3" },
                    activityCard(ctx, record),
                    h("flexipage-component2", { "data-component-id": "force_relatedListContainer" }, h("lst-related-list-container", {}, h("div", { class: "container" }, layout.related.map((spec) => relatedList(ctx, spec, record)))))
                  )
                )
              )
            )
          )
        )
      )
    )
  )
}

const NAV = ["Home", "Accounts", "Contacts", "Opportunities", "Quotes", "Cases", "Contracts", "Reports"]
const NAV_PATH: Record<string, string> = { Home: "/lightning/page/home", Reports: "/lightning/o/Report/home" }

function globalHeader(): Html {
  return h(
    "header",
    { id: "oneHeader", class: "slds-global-header_container oneHeader" },
    h(
      "div",
      { class: "slds-global-header slds-grid slds-grid_align-spread" },
      h("div", { class: "slds-global-header__item" }, h("div", { class: "slds-global-header__logo", title: "Salesforce" }, "NW")),
      h("div", { class: "slds-global-header__item slds-global-header__item_search" }, h("div", { class: "forceSearchDesktopHeader" }, h("button", { class: "slds-button search-button", type: "button", "aria-label": "Search" }, "Search..."))),
      h("div", { class: "slds-global-header__item" }, h("ul", { class: "slds-global-actions" }, ["☆", "+", "?", "⚙", "◔"].map((g) => h("li", { class: "slds-global-actions__item" }, g)), h("li", { class: "slds-global-actions__item avatar", title: "Rosa Diaz" }, "RD")))
    )
  )
}

function navigationBar(active: string): Html {
  return h(
    "div",
    { class: "slds-context-bar oneAppNavContainer" },
    h("div", { class: "slds-context-bar__primary" }, h("div", { class: "appLauncher", title: "App Launcher" }, Array.from({ length: 9 }, () => h("i", {}))), h("span", { class: "slds-context-bar__label-action slds-context-bar__app-name appName" }, h("span", { title: "Sales" }, "Sales"))),
    h(
      "nav",
      { class: "slds-context-bar__secondary", role: "navigation" },
      h(
        "one-app-nav-bar",
        {},
        h(
          "ul",
          { role: "list" },
          NAV.map((tab) => {
            const object = tab === "Opportunities" ? "Opportunity" : tab.replace(/s$/, "")
            const href = NAV_PATH[tab] ?? `/lightning/o/${object}/home`
            return h("li", { class: `slds-context-bar__item${tab === active ? " slds-is-active" : ""}`, "data-tab": tab }, h("one-app-nav-bar-item-root", {}, h("a", { href, class: "slds-context-bar__label-action", title: tab }, h("span", { class: "slds-truncate" }, tab))))
          })
        )
      )
    )
  )
}

/** A page host; `active` marks the one on screen. */
export function pageHost(ctx: RenderContext, record: SObjectRecord, active: boolean, mode: "normal" | "maximized" = "normal"): Html {
  const layout = layoutOf(record.attributes.type)
  return h(
    "div",
    {
      class: `windowViewMode-${mode} ${mode === "normal" ? "oneContent " : ""}${active ? "active " : ""}lafPageHost`,
      "data-demo-record-id": record.Id,
      "data-demo-title": `${recordTitle(record)} | ${layout.label} | Salesforce`,
      "data-demo-tab": layout.tab,
      "data-demo-path": recordPath(record)
    },
    recordPageContent(ctx, record)
  )
}

/** The whole document: header, navigation, the page hosts, and the SPA script. */
export function lightningDocument(active: SObjectRecord, stage: Html, options: { script: boolean }): string {
  const layout = layoutOf(active.attributes.type)
  return (
    "<!DOCTYPE html>\n" +
    h(
      "html",
      { lang: "en" },
      h("head", {}, h("meta", { charset: "utf-8" }), h("title", {}, `${recordTitle(active)} | ${layout.label} | Salesforce`), h("style", {}, trusted(LIGHTNING_CSS))),
      h(
        "body",
        { class: "desktop" },
        h("div", { id: "auraLoadingBox", class: "auraLoadingBox oneLoadingBox", style: "display:none" }),
        h(
          "div",
          { class: "desktop container forceStyle oneOne navexDesktopLayoutContainer lafAppLayoutHost forceAccess" },
          h("div", { class: "viewport" }, globalHeader(), navigationBar(layout.tab), h("div", { class: "center oneCenterStage lafSinglePaneWindowManager" }, stage))
        ),
        options.script ? h("script", {}, trusted(SPA_SCRIPT)) : null
      )
    ).value
  )
}
