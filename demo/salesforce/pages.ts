/**
 * The demo org's Salesforce pages: a full Lightning record page for any demo record (what
 * `npm run demo` and the e2e tests show), a Classic detail page, and the router that serves
 * them by URL. Everything renders from demo/org.ts through records.ts.
 */
import { parseSalesforceUrl } from "../../src/crm/salesforce/url"
import type { DemoAccount } from "../org"
import { classicDocument } from "./classic-page"
import { h, frag, type Html } from "./html"
import { lightningDocument, pageHost, recordPageContent, type Generation, type RenderContext } from "./lightning-page"
import { buildSalesforceData, type SalesforceDemoData, type SObjectRecord } from "./records"

export interface SalesforcePageOptions {
  accounts?: readonly DemoAccount[]
  /** The records to render from (default: built from `accounts` or the demo org). */
  data?: SalesforceDemoData
}

export interface LightningPageOptions extends SalesforcePageOptions {
  /** `records`: records-record-layout-* (current); `force`: force-record-layout-* (older releases). */
  generation?: Generation
  /** Dynamic Forms (record_flexipage-record-field); default on for Opportunity pages of the current generation. */
  dynamicForms?: boolean
  /** Records viewed before, which Lightning keeps in the DOM, hidden and inactive. */
  previous?: string[]
  /** The Service Console layout: workspace tab with subtabs (`windowViewMode-maximized`). */
  console?: boolean
  /** Component internals in open shadow roots (declarative shadow DOM), as native shadow renders them. */
  shadow?: boolean
  /** Include the SPA navigation script (default true). */
  script?: boolean
}

const cache = new WeakMap<object, SalesforceDemoData>()
const DEFAULT_KEY = {}

function dataFor(options: SalesforcePageOptions): SalesforceDemoData {
  if (options.data) return options.data
  const key = options.accounts ?? DEFAULT_KEY
  let data = cache.get(key)
  if (!data) cache.set(key, (data = buildSalesforceData({ accounts: options.accounts })))
  return data
}

function find(data: SalesforceDemoData, id: string): SObjectRecord {
  const record = data.byId.get(id)
  if (!record) throw new Error(`No demo Salesforce record ${id}`)
  return record
}

function consoleStage(ctx: RenderContext, active: SObjectRecord, previous: SObjectRecord[]): Html {
  const tabs = [...previous, active]
  return h(
    "div",
    { class: "oneConsoleTabset navexConsoleTabset" },
    h("div", { class: "tabBar slds-context-bar__secondary" }, tabs.map((r) => h("div", { class: `tabItem${r === active ? " active" : ""}` }, h("a", { class: "tabHeader", href: `/lightning/r/${r.attributes.type}/${r.Id}/view` }, String(r.Name ?? r.CaseNumber ?? r.Id))))),
    h("div", { class: "tabContent oneConsoleTab active" }, tabs.map((r) => pageHost(ctx, r, r === active, "maximized")))
  )
}

/** A full Lightning record page (document) for a demo Account, Contact, Opportunity, Quote, Case… */
export function renderLightningRecordPage(id: string, options: LightningPageOptions = {}): string {
  const data = dataFor(options)
  const record = find(data, id)
  const generation = options.generation ?? "records"
  const ctx: RenderContext = {
    data,
    generation,
    shadow: options.shadow ?? false,
    dynamicForms: options.dynamicForms ?? (generation === "records" && record.attributes.type === "Opportunity")
  }
  const previous = (options.previous ?? []).map((p) => find(data, p))
  const stage = options.console ? consoleStage(ctx, record, previous) : frag(...previous.map((p) => pageHost({ ...ctx, dynamicForms: false }, p, false)), pageHost(ctx, record, true))
  return lightningDocument(record, stage, { script: options.script ?? !options.console })
}

/** A Classic detail page (document) for a demo record. */
export function renderClassicRecordPage(id: string, options: SalesforcePageOptions = {}): string {
  const data = dataFor(options)
  return classicDocument(data, find(data, id))
}

/** The content of one record page only (for tests that assemble their own DOM). */
export function renderRecordPageContent(id: string, options: LightningPageOptions = {}): string {
  const data = dataFor(options)
  const record = find(data, id)
  const generation = options.generation ?? "records"
  return recordPageContent({ data, generation, shadow: options.shadow ?? false, dynamicForms: options.dynamicForms ?? false }, record).value
}

/**
 * The page a demo Salesforce URL shows, or null (404) when it is not a demo record's page.
 * Lightning hosts get Lightning pages (related-list URLs show the parent record); My Domain hosts
 * get Classic pages for Classic record paths.
 */
export function renderSalesforcePage(url: string, options: SalesforcePageOptions = {}): string | null {
  const ref = parseSalesforceUrl(url)
  if (!ref) return null
  const data = dataFor(options)
  if (!data.byId.has(ref.id)) return null
  if (/\.my\.salesforce\.com$/.test(ref.host) && !new URL(url).pathname.startsWith("/lightning/")) return renderClassicRecordPage(ref.id, { data })
  return renderLightningRecordPage(ref.id, { data })
}
