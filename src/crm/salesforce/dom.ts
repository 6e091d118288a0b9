/**
 * Reads the record a Salesforce page shows, from its DOM. Runs in the content script on every
 * Salesforce page, so: pure (no chrome APIs), no zod, no framework, one walk for shadow roots.
 * It reads only the ACTIVE page: Lightning keeps earlier record pages in the DOM, hidden.
 */
import { deepQuery, deepQueryAll, deepText, openShadowRoots } from "./deep"
import { objectTypeFromId, toId18 } from "./ids"
import { CLASSIC_FIELD_IDS, SALESFORCE_SELECTORS as S } from "./selectors"
import { parseSalesforcePath, parseSalesforceUrl } from "./url"

export interface SalesforceFieldValue {
  label: string
  /** The value as the page shows it (locale-formatted); "true"/"false" for checkboxes. */
  value: string
  /** For lookups: the 18-character id of the related record. */
  relatedId?: string
}

export interface SalesforcePageRecord {
  objectType?: string
  id?: string
  name?: string
  /** Keyed by field API name; highlights-only fields (no API name in the DOM) by their label. */
  fields: Record<string, SalesforceFieldValue>
}

const MAX_LABEL = 256
const MAX_VALUE = 4_000

const cap = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text)

/**
 * The page host found last, per root: the content script asks on every scheduled tick after a
 * navigation, and the answer changes only with the URL or when Lightning deactivates the host.
 * (A whole-page query costs most in Firefox, where a content script's DOM calls cross a wrapper.)
 */
const lastScope = new WeakMap<ParentNode, { url: string | undefined; scope: Element }>()

const isShown = (page: Element) => !page.hasAttribute("hidden") && page.getAttribute("aria-hidden") !== "true"

/** The page to read, or null while Lightning shows no page (between two navigations). */
function activeScope(root: ParentNode): ParentNode | null {
  const url = documentUrl(root)
  const last = lastScope.get(root)
  if (last && last.url === url && last.scope.isConnected && last.scope.matches(S.activePage) && isShown(last.scope)) return last.scope
  const scope = findActiveScope(root)
  if (scope && scope !== root) lastScope.set(root, { url, scope: scope as Element })
  return scope
}

function findActiveScope(root: ParentNode): ParentNode | null {
  let pages = Array.from(root.querySelectorAll(S.activePage))
  if (!pages.length) pages = deepQueryAll(root, S.activePage)
  pages = pages.filter(isShown)
  // Prefer the innermost page host: a console subtab inside a workspace tab.
  const innermost = pages.filter((p) => !pages.some((q) => q !== p && p.contains(q)))
  if (innermost[0]) return innermost[0]
  if (root.querySelector(S.anyPage)) return null
  return root
}

function textOf(el: Element | null | undefined): string {
  return el ? deepText(el, S.notText) : ""
}

/** The id in a Lightning or Classic href (`/lightning/r/…/view`, `/001…`), or a `data-recordid`. */
function idFromLink(link: Element): string | undefined {
  const dataId = link.getAttribute("data-recordid")
  if (dataId) return toId18(dataId) ?? undefined
  const href = link.getAttribute("href") ?? ""
  const path = href.replace(/^https?:\/\/[^/]+/, "")
  const lightning = parseSalesforcePath(path)
  if (lightning) return lightning.id
  const classic = /^\/([a-zA-Z0-9]{15}|[a-zA-Z0-9]{18})(?:[/?#]|$)/.exec(path)
  return classic ? (toId18(classic[1]!) ?? undefined) : undefined
}

/** The value of one field item, in order of trust: checkbox, edit control, lookup, typed renderer, text. */
function readValue(item: Element, roots: ShadowRoot[], isValueElement = false): Omit<SalesforceFieldValue, "label"> {
  const box = deepQuery(item, S.checkbox, roots) as HTMLInputElement | null
  if (box) return { value: box.checked || box.hasAttribute("checked") ? "true" : "false" }
  const image = deepQuery(item, S.checkImage, roots)
  if (image) return { value: image.getAttribute("alt") === "Checked" ? "true" : "false" }

  const control = deepQuery(item, S.editControl, roots) as HTMLInputElement | HTMLTextAreaElement | null
  if (control) return { value: control.value ?? "" }

  const link = deepQuery(item, S.lookupLink, roots)
  if (link) {
    const relatedId = idFromLink(link)
    return relatedId ? { value: textOf(link), relatedId } : { value: textOf(link) }
  }

  const typed = deepQuery(item, S.typedValue, roots)
  if (typed) {
    if (typed.tagName === "LIGHTNING-FORMATTED-ADDRESS") {
      const lines = deepQueryAll(typed, S.addressLines, roots).filter((l) => !l.querySelector("div"))
      if (lines.length) return { value: lines.map((l) => textOf(l)).filter(Boolean).join(", ") }
    }
    return { value: textOf(typed) }
  }
  const container = deepQuery(item, S.fieldValue, roots)
  return { value: textOf(container ?? (isValueElement ? item : null)) }
}

function readLabel(item: Element, roots: ShadowRoot[]): string {
  return textOf(deepQuery(item, S.fieldLabel, roots) ?? deepQuery(item, S.fieldLabelFallback, roots))
}

function readLightningFields(scope: ParentNode, roots: ShadowRoot[], record: SalesforcePageRecord): void {
  for (const item of deepQueryAll(scope, S.field, roots)) {
    const [, objectType, apiName] = (item.getAttribute(S.fieldAttribute) ?? "").split(".")
    if (!apiName || record.fields[apiName]) continue
    record.objectType ??= objectType
    record.fields[apiName] = finish(readLabel(item, roots) || apiName, readValue(item, roots))
  }
  // Highlights (compact layout) items carry no API name: keep the ones the details did not show.
  const labels = new Set(Object.values(record.fields).map((f) => f.label))
  for (const item of deepQueryAll(scope, S.highlightsItem, roots)) {
    if (deepQuery(item, S.field, roots)) continue
    const labelEl = deepQuery(item, S.highlightsLabel, roots)
    const label = textOf(labelEl) || labelEl?.getAttribute("title") || ""
    if (!label || labels.has(label) || record.fields[label]) continue
    const valueEl = deepQuery(item, S.highlightsValue, roots)
    if (!valueEl) continue
    labels.add(label)
    record.fields[label] = finish(label, readValue(valueEl, roots, true))
  }
}

function finish(label: string, value: Omit<SalesforceFieldValue, "label">): SalesforceFieldValue {
  return { ...value, label: cap(label, MAX_LABEL), value: cap(value.value, MAX_VALUE) }
}

/** The record a Lightning page is about: its related-list links name it as their parent. */
function lightningRecordId(scope: ParentNode, roots: ShadowRoot[], objectType?: string): { id: string; objectType: string } | undefined {
  let fallback: { id: string; objectType: string } | undefined
  for (const link of deepQueryAll(scope, S.relatedListLink, roots)) {
    const found = parseSalesforcePath((link.getAttribute("href") ?? "").replace(/^https?:\/\/[^/]+/, ""))
    if (!found) continue
    if (!objectType || found.objectType === objectType) return found
    fallback ??= found
  }
  return fallback
}

function readClassic(scope: ParentNode, roots: ShadowRoot[], record: SalesforcePageRecord): void {
  const edit = deepQuery(scope, S.classicEditButton, roots)
  const match = /'\/([a-zA-Z0-9]{15}|[a-zA-Z0-9]{18})\/e\b/.exec(edit?.getAttribute("onclick") ?? "")
  const id = match ? toId18(match[1]!) : null
  if (id) {
    record.id = id
    record.objectType = objectTypeFromId(id)
  }
  const title = textOf(deepQuery(scope, S.classicTitle, roots))
  if (title) record.name = title
  for (const labelCell of deepQueryAll(scope, S.classicDetailRow, roots)) {
    const valueCell = labelCell.nextElementSibling
    if (!valueCell || !valueCell.classList.contains("dataCol")) continue
    const label = textOf(labelCell)
    if (!label) continue
    const inner = valueCell.querySelector(S.classicValueInner)
    const elementId = inner?.id.replace(/_ileinner$/, "")
    const key = (elementId && (CLASSIC_FIELD_IDS[elementId] ?? elementId)) || label
    if (record.fields[key]) continue
    const source = inner ?? valueCell
    const image = source.querySelector(S.checkImage)
    const link = source.querySelector(S.classicLink)
    const relatedId = link ? idFromLink(link) : undefined
    const value = image ? (image.getAttribute("alt") === "Checked" ? "true" : "false") : textOf(source)
    record.fields[key] = finish(label, relatedId ? { value, relatedId } : { value })
  }
}

function documentUrl(root: ParentNode): string | undefined {
  const doc = (root as Node).nodeType === 9 ? (root as Document) : (root as Node).ownerDocument
  return doc?.location?.href
}

/** The record visible in `root` (a document or any subtree): object, id, name and shown fields. */
export function readSalesforceRecord(root: ParentNode): SalesforcePageRecord {
  const record: SalesforcePageRecord = { fields: {} }
  const scope = activeScope(root)
  if (!scope) return record
  // Walking every element for open shadow roots costs more than the rest of the read on a real
  // Lightning page (thousands of nodes). Today's synthetic shadow keeps fields in the light DOM,
  // so walk only when the light DOM shows none (native shadow).
  const roots = scope.querySelector(S.field) ? [] : openShadowRoots(scope)

  if (deepQuery(scope, S.field, roots) || !deepQuery(scope, S.classicDetailRow, roots)) {
    readLightningFields(scope, roots, record)
    const name = textOf(deepQuery(scope, S.title, roots))
    if (name) record.name = cap(name, MAX_LABEL)
    const found = lightningRecordId(scope, roots, record.objectType)
    if (found) {
      record.id = found.id
      record.objectType ??= found.objectType || undefined
    }
  } else {
    readClassic(scope, roots, record)
  }

  if (!record.id) {
    const url = documentUrl(root)
    const fromUrl = url ? parseSalesforceUrl(url) : null
    if (fromUrl && (!record.objectType || !fromUrl.objectType || fromUrl.objectType === record.objectType)) {
      record.id = fromUrl.id
      record.objectType ??= fromUrl.objectType || undefined
    }
  }
  if (!record.objectType && record.id) record.objectType = objectTypeFromId(record.id)
  if (!record.objectType) delete record.objectType
  return record
}

/** Only the active record's title: the content script's cheap check on every SPA navigation. */
export function readSalesforceTitle(root: ParentNode): string | undefined {
  const scope = activeScope(root)
  if (!scope) return undefined
  const title =
    scope.querySelector(S.title) ??
    scope.querySelector(S.classicTitle) ??
    // As readSalesforceRecord: no walk for shadow roots while the light DOM shows fields.
    deepQuery(scope, `${S.title}, ${S.classicTitle}`, scope.querySelector(S.field) ? [] : undefined)
  const text = textOf(title)
  return text ? cap(text, MAX_LABEL) : undefined
}
