/**
 * Unified Interface record pages for the demo org, rendered from the same Dataverse rows as the
 * mock Web API (demo/dynamics/data.ts): app header, site map, command bar, form header with
 * header fields, tabs, sections of fields and sub-grids, all carrying the `data-id` / `data-lp-id`
 * markers of research/crm-formats.md §3.3; Fluent-like inline CSS; no external resources. The
 * inline page script (page-assets.ts) defines `window.Xrm` and in-app navigation.
 *
 * These pages are what `npm run demo` and the e2e tests show: route the org host with
 * `handleDynamicsRequest` (pages + Web API in one handler).
 */
import { DEMO_ACCOUNTS, DEMO_ORG, dynGuid, dynIds } from "../org"
import { parseDynamicsUrl } from "../../src/crm/dynamics/url"
import { ENTITY_SETS, FORMATTED, LOOKUP_TABLE, buildDynamicsTables, fmt, type Row } from "./data"
import { createDynamicsMockApi, type DynamicsMockApi, type MockRequest, type MockResponse } from "./mock-api"
import { FORMS, type FieldDef, type FormDef, type SubgridDef } from "./page-forms"
import { PAGE_CSS, PAGE_SCRIPT } from "./page-assets"

/** The Sales Hub app module id of the demo org. */
export const DEMO_APP_ID = dynGuid(16, 1)
export const DYNAMICS_PAGE_ENTITIES = Object.keys(FORMS)

const esc = (v: unknown) => String(v ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!)
/** JSON inside <script type="application/json">: "<" escaped so no text can close the element. */
const scriptJson = (v: unknown) => JSON.stringify(v).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029")

export function dynamicsRecordUrl(entity: string, id: string, host: string = DEMO_ORG.dynamicsHost): string {
  return `https://${host}/main.aspx?appid=${DEMO_APP_ID}&pagetype=entityrecord&etn=${entity}&id=${id}`
}

type Tables = Record<string, Row[]>
const setOf = (table: string) => Object.entries(ENTITY_SETS).find(([, v]) => v.table === table)?.[0]
const findRow = (tables: Tables, table: string, id: string) => {
  const set = setOf(table)
  return set ? tables[set]?.find((r) => r[ENTITY_SETS[set]!.key] === id) : undefined
}

/** What a column shows: the formatted value when there is one. */
function shown(row: Row, column: string): string {
  if (column === "productname") return String(row.productdescription ?? row[`_productid_value${FORMATTED}`] ?? "")
  const lookup = `_${column}_value`
  if (lookup in row) return String(row[lookup + FORMATTED] ?? "")
  const f = row[column + FORMATTED]
  if (typeof f === "string") return f
  if (typeof row[column] === "number" && column === "quantity") return fmt.number(row[column] as number, 5)
  return row[column] == null ? "" : String(row[column])
}

function recordLink(host: string, table: string, id: string, text: string, attrs = "") {
  return FORMS[table] ? `<a href="${esc(dynamicsRecordUrl(table, id, host))}" data-nav="1"${attrs}>${esc(text)}</a>` : `<span${attrs}>${esc(text)}</span>`
}

/* ---------------- field controls, with the markers Unified Interface renders ---------------- */

let seq = 0
const uid = (form: FormDef, f: string, suffix: string) => `id-${form.formId}-${++seq}-${f}${suffix}`

function control(form: FormDef, row: Row, field: FieldDef, host: string, header: boolean): string {
  const f = (header ? "header_" : "") + field.name
  const text = shown(row, field.name)
  const ro = field.readOnly || header ? ' readonly="" aria-readonly="true"' : ""
  const attr = header ? "" : ` data-attr="${field.name}"`
  if (header && field.kind !== "lookup" && field.kind !== "option" && field.kind !== "status") {
    return `<div data-id="${f}.fieldControl-text-box-container"><div class="ro" data-id="${f}.fieldControl-${field.kind === "money" ? "currency-text-input" : "text-box-text"}" data-attr="${field.name}" title="${esc(text)}">${esc(text)}</div></div>`
  }
  switch (field.kind) {
    case "lookup": {
      const id = row[`_${field.name}_value`]
      const target = String(row[`_${field.name}_value${LOOKUP_TABLE}`] ?? "")
      const tag =
        typeof id === "string"
          ? `<li data-id="${f}.fieldControl-LookupResultsDropdown_${f}_selected_tag" role="link" aria-label="${esc(text)}">${recordLink(host, target, id, text, ` data-id="${f}.fieldControl-LookupResultsDropdown_${f}_selected_tag_text" title="${esc(text)}"`)}</li>`
          : ""
      return `<div data-id="${f}.fieldControl-Lookup_${f}"><ul data-id="${f}.fieldControl-LookupResultsDropdown_${f}_SelectedRecordList">${tag}</ul></div>`
    }
    case "option": {
      const value = row[field.name]
      const options: Record<string, string> = { ...(field.options ?? {}), ...(typeof value === "number" ? { [value]: text } : {}) }
      const opts = Object.entries(options).map(([v, l]) => `<option value="${v}"${String(value) === v ? " selected" : ""}>${esc(l)}</option>`)
      return `<div data-id="${f}.fieldControl-option-set-container"><select data-id="${f}.fieldControl-option-set-select" aria-label="${esc(field.label)}"${attr}${field.readOnly || header ? " disabled" : ""}><option value="-1">---</option>${opts.join("")}</select></div>`
    }
    case "status":
      return `<div data-id="${f}.fieldControl-pickliststatus-comboBox"><span id="${f}.fieldControl-pickliststatus-comboBox_text-value">${esc(text)}</span></div>`
    case "boolean": {
      const on = row[field.name] === true
      const [off, yes] = field.booleanLabels ?? ["No", "Yes"]
      return `<div class="toggle flexbox" data-id="${f}.fieldControl-toggle-container"><input type="checkbox" role="switch" data-id="${f}.fieldControl-checkbox-toggle" aria-label="${esc(field.label)}" aria-checked="${on}"${on ? " checked" : ""}${attr}${field.readOnly ? " disabled" : ""}><label>${esc(on ? yes : off)}</label></div>`
    }
    case "memo":
      return `<textarea data-id="${f}.fieldControl-text-box-text" aria-label="${esc(field.label)}" rows="3" title="${esc(text)}"${attr}${ro}>${esc(text)}</textarea>`
    case "date":
    case "datetime":
      return `<input type="text" data-id="${f}.fieldControl-date-time-input" aria-label="Date of ${esc(field.label)}" value="${esc(text)}" title="${esc(text)}" placeholder="---"${attr}${ro}>`
    default: {
      const kind = { money: "currency-text-input", decimal: "decimal-number-text-input", integer: "whole-number-text-input", email: "mail-text-input", phone: "phone-text-input", url: "url-text-input" }[field.kind as string] ?? "text-box-text"
      const value = field.kind === "decimal" && typeof row[field.name] === "number" ? fmt.number(row[field.name] as number, 2) : text
      return `<input type="text" data-id="${f}.fieldControl-${kind}" aria-label="${esc(field.label)}" value="${esc(value)}" title="${esc(value)}" placeholder="---"${attr}${ro}>`
    }
  }
}

function fieldBlock(form: FormDef, row: Row, field: FieldDef, host: string, header = false): string {
  const f = (header ? "header_" : "") + field.name
  const lp = `MscrmControls.FieldControls.${field.kind === "lookup" ? "SimpleLookupControl" : field.kind === "option" ? "OptionSetControl" : "TextBoxControl"}|${f}.fieldControl|${form.entity}`
  return (
    `<div id="${uid(form, f, "-FieldSectionItemContainer")}" data-id="${f}-FieldSectionItemContainer" role="presentation">` +
    `<label id="${uid(form, f, "-field-label")}">${esc(field.label)}</label>` +
    `<div data-lp-id="${lp}">${control(form, row, field, host, header)}</div></div>`
  )
}

function subgrid(tables: Tables, grid: SubgridDef, entity: string, id: string, host: string): string {
  const rows = (tables[grid.set] ?? []).filter((r) => r[grid.parentColumn] === id)
  const key = ENTITY_SETS[grid.set]!.key
  const head = grid.columns.map((c, i) => `<div role="columnheader" col-id="${c.name}" aria-colindex="${i + 1}">${esc(c.label)}</div>`).join("")
  const body = rows
    .map((r, n) => {
      const cells = grid.columns.map((c, i) => {
        const text = shown(r, c.name)
        const inner = i === 0 ? recordLink(host, grid.target, String(r[key]), text) : esc(text)
        return `<div role="gridcell" col-id="${c.name}" aria-colindex="${i + 1}" title="${esc(text)}">${inner}</div>`
      })
      return `<div role="row" row-index="${n}" aria-rowindex="${n + 2}">${cells.join("")}</div>`
    })
    .join("")
  return (
    `<div data-id="${grid.name}-pcf_grid_control_container" data-lp-id="MscrmControls.Grid.PCFGridControl|${grid.name}|${entity}" class="flexbox">` +
    `<ul data-lp-id="commandbar-SubGridStandard:${grid.name}" role="menubar" class="flexbox"></ul>` +
    `<div role="grid" aria-label="${esc(grid.title)}" aria-rowcount="${rows.length + 1}" data-id="grid-container"><div role="row" aria-rowindex="1">${head}</div>${body || `<div class="empty" style="padding:8px;color:#605e5c">No data available.</div>`}</div></div>`
  )
}

function timeline(tables: Tables, id: string): string {
  const items = ["phonecalls", "emails", "appointments", "tasks"]
    .flatMap((set) => (tables[set] ?? []).filter((r) => r._regardingobjectid_value === id).map((r) => ({ set, r })))
    .sort((a, b) => String(b.r.createdon).localeCompare(String(a.r.createdon)))
    .slice(0, 8)
  const label: Record<string, string> = { phonecalls: "Phone Call", emails: "Email", appointments: "Appointment", tasks: "Task" }
  const li = items
    .map(({ set, r }) => {
      const dir = r[`directioncode${FORMATTED}`] ? ` (${r[`directioncode${FORMATTED}`]})` : ""
      return `<li data-id="timeline-record-${ENTITY_SETS[set]!.table}"><div>${esc(label[set])}${esc(dir)}: ${esc(r.subject)}</div><div class="when">${esc(r[`createdon${FORMATTED}`])}</div></li>`
    })
    .join("")
  return `<div class="timeline" data-lp-id="MscrmControls.TimelineWallControl.TimelineWall|notescontrol|account-record-0" data-id="notescontrol-pcf_container"><ul aria-label="Timeline">${li}</ul></div>`
}

/** Xrm attribute types and values for the page script, from the row. */
function attributes(form: FormDef, row: Row) {
  const fields = new Map<string, FieldDef>()
  for (const f of form.header) fields.set(f.name, f)
  for (const t of form.tabs) for (const s of t.sections) for (const f of s.fields ?? []) fields.set(f.name, f)
  const type = { text: "string", email: "string", phone: "string", url: "string", memo: "memo", money: "money", decimal: "decimal", integer: "integer", date: "datetime", datetime: "datetime", option: "optionset", status: "optionset", lookup: "lookup", boolean: "boolean" } as const
  return [...fields.values()].map((f) => {
    if (f.kind === "lookup") {
      const id = row[`_${f.name}_value`]
      return { name: f.name, type: "lookup", value: typeof id === "string" ? [{ id: `{${id.toUpperCase()}}`, name: shown(row, f.name), entityType: row[`_${f.name}_value${LOOKUP_TABLE}`] }] : null }
    }
    const value = row[f.name] ?? null
    const out: Record<string, unknown> = { name: f.name, type: type[f.kind], value }
    if (f.kind === "option" || f.kind === "status") out.options = { ...(f.options ?? {}), ...(typeof value === "number" ? { [value]: shown(row, f.name) } : {}) }
    return out
  })
}

function shell(title: string, host: string, active: string, main: string, data?: unknown): string {
  const nav = [
    ["account", "Accounts", "nav_accts"],
    ["contact", "Contacts", "nav_conts"],
    ["opportunity", "Opportunities", "nav_oppts"],
    ["quote", "Quotes", "nav_quotes"],
    ["incident", "Cases", "nav_cases"]
  ]
    .map(([e, l, id]) => `<li data-id="sitemap-entity-${id}" role="treeitem"${e === active ? ' class="active" aria-selected="true"' : ""}><a href="https://${host}/main.aspx?appid=${DEMO_APP_ID}&pagetype=entitylist&etn=${e}">${l}</a></li>`)
    .join("")
  return `<!DOCTYPE html>
<html lang="en-US" dir="ltr">
<head>
<meta charset="utf-8">
<title>${esc(title)}</title>
<style>${PAGE_CSS}</style>
<script src="/uclient/scripts/app.js?v=1.4.9417-2502.4" defer></script>
</head>
<body>
<div id="ApplicationShell" role="presentation">
<div id="topBar" data-id="topBar" role="banner" class="flexbox"><span class="waffle" aria-hidden="true"></span><a data-id="appBreadCrumb" href="https://${host}/main.aspx?appid=${DEMO_APP_ID}" title="Sales Hub">Dynamics 365 &nbsp;|&nbsp; Sales Hub</a><div class="search" id="searchLauncher" role="search">Search</div><button class="avatar" id="mectrl_main_trigger" aria-label="Account manager for Rosa Diaz" type="button">RD</button></div>
<div class="body">
<div data-id="navbar-container" role="navigation" aria-label="Site Map"><h3>Customers</h3><ul role="tree">${nav}</ul></div>
${main}
</div>
</div>
${data === undefined ? "" : `<script type="application/json" id="demo-record">${scriptJson(data)}</script>`}
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`
}

export interface DynamicsPageOptions {
  entity: string
  id: string
  host?: string
  /** The rows to render (the mock API's live tables, so touched records show); default: the demo org. */
  tables?: Tables
}

let defaultTables: Tables | undefined

/** A record's Unified Interface form page, or null when the table or the record is unknown. */
export function renderDynamicsRecordPage(options: DynamicsPageOptions): string | null {
  const form = FORMS[options.entity]
  const tables = options.tables ?? (defaultTables ??= buildDynamicsTables(DEMO_ACCOUNTS))
  const host = options.host ?? DEMO_ORG.dynamicsHost
  const id = options.id.toLowerCase()
  const row = form ? findRow(tables, form.entity, id) : undefined
  if (!form || !row) return null
  const name = shown(row, form.primary)
  const commands = [
    ["save", "Save", "Save (CTRL+S)", "Mscrm.SavePrimary"],
    ["saveclose", "Save &amp; Close", "Save &amp; Close", "Mscrm.SaveAndClosePrimary"],
    ["new", "New", "New", "Mscrm.NewRecordFromForm"],
    ["refresh", "Refresh", "Refresh", "Mscrm.Modern.refreshCommand"]
  ]
    .map(([cmd, text, aria, cid]) => `<li role="presentation"><button type="button" role="menuitem" aria-label="${aria}" data-command="${cmd}" data-id="${form.entity}|NoRelationship|Form|${cid}"><span class="symbol" aria-hidden="true"></span><span>${text}</span></button></li>`)
    .join("")
  const header = form.header.map((f) => fieldBlock(form, row, f, host, true)).join("")
  const tabs = form.tabs.map((t, i) => `<li role="tab" data-tab="${t.name}" aria-selected="${i === 0}" title="${esc(t.label)}" data-id="tablist-${t.name}">${esc(t.label)}</li>`).join("")
  const panels = form.tabs
    .map((t, i) => {
      const sections = t.sections
        .map((s) => {
          const fields = (s.fields ?? []).map((f) => fieldBlock(form, row, f, host)).join("")
          const grid = s.subgrid ? subgrid(tables, s.subgrid, form.entity, id, host) : ""
          const line = s.timeline ? timeline(tables, id) : ""
          return `<section class="card" data-id="${s.name}" aria-label="${esc(s.label)}"><h2>${esc(s.label)}</h2>${grid}${fields}${line}</section>`
        })
        .join("")
      return `<div role="tabpanel" data-tab="${t.name}" data-id="tabpanel-${t.name}"${i === 0 ? "" : " hidden"}>${sections}</div>`
    })
    .join("")
  const main = `<div id="mainContent" role="main">
<div data-id="editFormRoot" data-lp-id="form-${form.entity}-${form.formId}" role="form" aria-label="${esc(form.display)} Form" class="flexbox" style="flex-direction:column;min-height:100%">
<div data-id="commandBarWrapper"><ul role="menubar" data-id="CommandBar" data-lp-id="commandbar-Form:${form.entity}" aria-label="Commands" class="flexbox">${commands}</ul></div>
<div data-id="form-header"><div class="header-row"><div><h1 data-id="header_title" title="${esc(name)}">${esc(name)}<span class="status" data-id="header_saveStatus"> - Saved</span></h1>
<div class="entity-line flexbox"><span data-id="entity_name_span">${esc(form.display)}</span><span aria-hidden="true">·</span><span data-id="form-selector">${esc(form.display)}</span></div></div>
<div data-id="headerControlsList" class="flexbox">${header}</div></div>
<ul role="tablist" id="tablist_${form.formId}" class="flexbox">${tabs}</ul></div>
<div data-id="form-body" class="flexbox">${panels}</div>
</div>
</div>`
  const data = { entityName: form.entity, entityId: id, formId: form.formId, appId: DEMO_APP_ID, name, attributes: attributes(form, row) }
  return shell(`${form.display}: ${name} - Dynamics 365`, host, form.entity, main, data)
}

/** A plain entity list (a view), enough to start the demo and to show "not a record" pages. */
export function renderDynamicsListPage(entity: string, host: string = DEMO_ORG.dynamicsHost, tables?: Tables): string | null {
  const form = FORMS[entity]
  if (!form) return null
  const rows = (tables ?? (defaultTables ??= buildDynamicsTables(DEMO_ACCOUNTS)))[form.set] ?? []
  const key = ENTITY_SETS[form.set]!.key
  const body = rows.map((r) => `<tr><td>${recordLink(host, entity, String(r[key]), shown(r, form.primary))}</td><td>${esc(shown(r, "ownerid"))}</td><td>${esc(r[`modifiedon${FORMATTED}`])}</td></tr>`).join("")
  const main = `<div id="mainContent" role="main"><div class="list-page" data-id="data-set-body-container"><h1 style="font-size:20px">Active ${esc(form.display)}s</h1><table role="grid"><thead><tr><th>Name</th><th>Owner</th><th>Modified On</th></tr></thead><tbody>${body}</tbody></table></div></div>`
  return shell(`Active ${form.display}s - Dynamics 365`, host, entity, main)
}

const html = (status: number, body: string): MockResponse => ({ status, headers: { "Content-Type": "text/html; charset=utf-8" }, body })

/**
 * One handler for a demo org host: `main.aspx` pages (records, lists), the app's script stubs,
 * and the Web API (`/api/data/…`, answered by `api`). Unknown paths get 404.
 */
export function handleDynamicsRequest(request: MockRequest, api: DynamicsMockApi = sharedApi()): MockResponse {
  const url = new URL(request.url)
  if (url.pathname.startsWith("/api/data/")) return api.handle(request)
  if (url.pathname.startsWith("/uclient/scripts/")) return { status: 200, headers: { "Content-Type": "application/javascript" }, body: "/* Unified Interface client (demo stub) */\n" }
  if (/\/main\.aspx$/i.test(url.pathname)) {
    const ref = parseDynamicsUrl(request.url, { allowAnyHost: true })
    if (ref) return html(200, renderDynamicsRecordPage({ entity: ref.objectType, id: ref.id, host: url.host, tables: api.tables }) ?? notFound(url.host))
    const list = url.searchParams.get("pagetype") === "entitylist" ? url.searchParams.get("etn") : url.searchParams.has("pagetype") ? null : "account"
    const page = list ? renderDynamicsListPage(list, url.host, api.tables) : null
    if (page) return html(200, page)
  }
  return html(404, notFound(url.host))
}

function notFound(host: string) {
  return shell("Record Is Unavailable - Dynamics 365", host, "", `<div id="mainContent" role="main"><div role="alertdialog" class="list-page"><h1 style="font-size:20px">Record Is Unavailable</h1><p>The requested record was not found or you do not have sufficient permissions to view it.</p></div></div>`)
}

let shared: DynamicsMockApi | undefined
function sharedApi() {
  return (shared ??= createDynamicsMockApi())
}

/** The demo stops on Dynamics: one account, its open deal, a quote, a quote line, a contact, a case. */
export function dynamicsDemoTour(host: string = DEMO_ORG.dynamicsHost): { url: string; title: string; entity: string }[] {
  const globex = DEMO_ACCOUNTS[0]!
  const initech = DEMO_ACCOUNTS[1]!
  const dariush = DEMO_ACCOUNTS[3]!
  const deal = initech.deals[2]!
  const quote = deal.quotes.at(-1)!
  return [
    { entity: "account", url: dynamicsRecordUrl("account", dynIds.account(initech), host), title: initech.name },
    { entity: "opportunity", url: dynamicsRecordUrl("opportunity", dynIds.deal(deal), host), title: deal.name },
    { entity: "quote", url: dynamicsRecordUrl("quote", dynIds.quote(quote), host), title: quote.name },
    { entity: "quotedetail", url: dynamicsRecordUrl("quotedetail", dynIds.quoteLine(quote, 0), host), title: quote.lines[0]!.product },
    { entity: "contact", url: dynamicsRecordUrl("contact", dynIds.contact(globex.contacts[0]!), host), title: globex.contacts[0]!.name },
    { entity: "incident", url: dynamicsRecordUrl("incident", dynIds.case(dariush.cases[0]!), host), title: dariush.cases[0]!.subject }
  ]
}
