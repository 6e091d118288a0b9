/**
 * Reads the Dynamics record visible in a DOM through Unified Interface `data-id` markers (the
 * fallback and live-value source beside the Web API and the Xrm bridge). Pure: no chrome APIs, no
 * zod (content-script size budget); the background validates what it receives.
 */
import * as S from "./selectors"
import { parseDynamicsUrl } from "./url"

export interface DynamicsFieldValue {
  label: string
  value: string
}

export interface DynamicsPageRecord {
  objectType?: string
  id?: string
  name?: string
  fields: Record<string, DynamicsFieldValue>
  /** Sub-grid rows keyed by column (e.g. the quote's products), at most MAX_GRID_ROWS each. */
  subgrids?: Record<string, Record<string, string>[]>
}

// Caps match the canonical PageRecord schema: a hostile page cannot make Parley carry more.
const MAX_FIELDS = 300
const MAX_VALUE = 4_000
const MAX_LABEL = 256
const MAX_GRID_ROWS = 100
const LOGICAL_NAME = /^[a-z][a-z0-9_]{0,127}$/
const SAVE_SUFFIX = /\s+-\s+(saved|unsaved|read[- ]only|saving(?:\.\.\.|…)?)\s*$/i

const clean = (text: string | null | undefined, max = MAX_VALUE) => (text ?? "").replace(/\s+/g, " ").trim().slice(0, max)

function textWithout(el: Element, skip: string): string {
  let out = ""
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) out += child.textContent ?? ""
      else if (child.nodeType === 1 && !(child as Element).matches(skip)) walk(child)
    }
  }
  walk(el)
  return out
}

function recordName(scope: ParentNode): string | undefined {
  const h1 = scope.querySelector(S.headerTitle)
  if (!h1) return undefined
  const name = clean(h1.getAttribute("title")) || clean(textWithout(h1, S.headerTitleStatus)).replace(SAVE_SUFFIX, "")
  return name ? name.slice(0, MAX_LABEL) : undefined
}

function logicalNameFromDom(root: ParentNode): string | undefined {
  const bar = root.querySelector(S.formCommandBar)?.getAttribute("data-lp-id")
  const fromBar = bar?.slice(S.formCommandBarPrefix.length).toLowerCase()
  if (fromBar && LOGICAL_NAME.test(fromBar)) return fromBar
  const lp = root.querySelector(S.fieldControlLpId)?.getAttribute("data-lp-id")?.split("|")[2]?.toLowerCase()
  return lp && LOGICAL_NAME.test(lp) ? lp : undefined
}

function inputValue(el: Element): string {
  const v = (el as HTMLInputElement).value ?? el.getAttribute("value")
  return clean(v || el.getAttribute("title"))
}

function selectText(el: Element): string {
  if (el.tagName === "SELECT") {
    // `:checked` is the live selection in browsers; the attribute is the one a saved page keeps.
    const option = (el.querySelector("option:checked") ?? el.querySelector("option[selected]")) as HTMLOptionElement | null
    // "---" / value -1 is Unified Interface's empty choice.
    return !option || option.value === "-1" ? "" : clean(option.textContent)
  }
  // Fluent comboboxes render the chosen label as text (or title) of a button.
  return clean(el.getAttribute("title") || el.textContent).replace(/^---$/, "")
}

function booleanValue(container: Element): string | undefined {
  const toggle = container.querySelector(S.booleanToggle)
  if (toggle) {
    const aria = toggle.getAttribute("aria-checked")
    const on = aria ? aria === "true" : (toggle as HTMLInputElement).checked || toggle.hasAttribute("checked")
    // The toggle's visible text is the option label ("Yes", "Allow", "Escalated").
    const label = Array.from(container.querySelectorAll("label")).find((l) => !l.id.endsWith("-field-label") && clean(l.textContent))
    return label ? clean(label.textContent) : on ? "Yes" : "No"
  }
  const select = container.querySelector(S.booleanSelect)
  if (select) return selectText(select)
  const radio = container.querySelector(S.booleanRadio)?.querySelector(S.checked)
  return radio ? clean(radio.getAttribute("title") || radio.textContent) : undefined
}

/** The value a field container shows, trying the specific controls before generic text. */
function fieldValue(container: Element): string {
  const tags = Array.from(container.querySelectorAll(S.lookupTagText))
  if (tags.length) return tags.map((t) => clean(t.getAttribute("title") || t.textContent)).filter(Boolean).join("; ").slice(0, MAX_VALUE)
  const option = container.querySelector(S.optionSet)
  if (option) return selectText(option)
  const status = container.querySelector(S.statusReason)
  if (status) return clean(status.textContent)
  const bool = booleanValue(container)
  if (bool !== undefined) return bool
  const date = container.querySelector(S.dateInput)
  if (date) {
    const time = container.querySelector(S.timeInput)
    return clean(`${inputValue(date)} ${time ? inputValue(time) : ""}`)
  }
  const text = container.querySelector(S.textInput)
  if (text) return inputValue(text)
  const any = container.querySelector(S.anyControl)
  if (!any) return ""
  if (any.matches("input, textarea")) return inputValue(any)
  return clean(any.getAttribute("title") || textWithout(any, "label")).replace(/^---$/, "")
}

function fieldLabel(container: Element, field: string): string {
  const label = container.querySelector(S.fieldLabel)
  const text = clean(label?.textContent, MAX_LABEL) || clean(container.querySelector("[aria-label]")?.getAttribute("aria-label"), MAX_LABEL)
  return text || field
}

function readFields(scopes: ParentNode[]): Record<string, DynamicsFieldValue> {
  const body: [string, Element][] = []
  const header: [string, Element][] = []
  for (const scope of scopes) {
    for (const el of Array.from(scope.querySelectorAll(S.fieldContainer))) {
      const dataId = el.getAttribute("data-id") ?? ""
      let name = dataId.slice(0, -S.fieldContainerSuffix.length).toLowerCase()
      if (name.startsWith(S.processPrefix)) continue
      const isHeader = name.startsWith(S.headerPrefix)
      if (isHeader) name = name.slice(S.headerPrefix.length)
      if (LOGICAL_NAME.test(name)) (isHeader ? header : body).push([name, el])
    }
  }
  // Body fields first: the header repeats some of them in a shorter form.
  const fields: Record<string, DynamicsFieldValue> = {}
  let count = 0
  for (const [name, el] of [...body, ...header]) {
    if (count >= MAX_FIELDS) break
    if (Object.prototype.hasOwnProperty.call(fields, name)) continue
    fields[name] = { label: fieldLabel(el, name), value: fieldValue(el) }
    count++
  }
  return fields
}

function readSubgrids(scope: ParentNode): Record<string, Record<string, string>[]> | undefined {
  const grids: Record<string, Record<string, string>[]> = {}
  let found = false
  for (const grid of Array.from(scope.querySelectorAll(S.subgrid))) {
    const name = (grid.getAttribute("data-id") ?? "").slice(0, -S.subgridSuffix.length)
    if (!name) continue
    const headers = Array.from(grid.querySelectorAll(S.gridColumnHeader))
    const columnKey = (cell: Element, index: number) =>
      cell.getAttribute("col-id") || clean(headers[index]?.getAttribute("col-id") || headers[index]?.textContent, 128) || `col${index}`
    const rows: Record<string, string>[] = []
    for (const row of Array.from(grid.querySelectorAll(S.gridRow))) {
      const cells = Array.from(row.querySelectorAll(S.gridCell))
      if (!cells.length) continue
      const out: Record<string, string> = {}
      cells.forEach((cell, i) => {
        const key = columnKey(cell, i)
        // Selection-checkbox columns have no key worth keeping.
        if (key && !/^(checkbox|select|col\d+)$|selection/i.test(key) && !(key in out)) out[key] = clean(cell.getAttribute("title") || cell.textContent)
      })
      if (Object.keys(out).length) rows.push(out)
      if (rows.length >= MAX_GRID_ROWS) break
    }
    grids[name] = rows
    found = true
  }
  return found ? grids : undefined
}

/** The record visible in `root` (a document, a form root or any subtree). */
export function readDynamicsRecord(root: ParentNode): DynamicsPageRecord {
  const doc = (root as Document).nodeType === 9 ? (root as Document) : undefined
  const fromUrl = doc?.URL?.startsWith("http") ? parseDynamicsUrl(doc.URL, { allowAnyHost: true }) : null
  const form = root.querySelector(S.formRoot)
  const header = root.querySelector(S.formHeader)
  const scopes: ParentNode[] = form ? (header && !form.contains(header) ? [form, header] : [form]) : [root]
  const record: DynamicsPageRecord = { fields: readFields(scopes) }
  const objectType = logicalNameFromDom(root) ?? fromUrl?.objectType
  if (objectType) record.objectType = objectType
  if (fromUrl && fromUrl.objectType === (objectType ?? fromUrl.objectType)) record.id = fromUrl.id
  const name = recordName(header ?? form ?? root) ?? recordName(root)
  if (name) record.name = name
  const grids = readSubgrids(form ?? root)
  if (grids) record.subgrids = grids
  return record
}

/**
 * True when the document is a Dynamics 365 / model-driven app page, on any host (on-premises
 * orgs): one of the app's script files, or a rendered form root.
 */
export function looksLikeDynamics(doc: Document): boolean {
  for (const script of Array.from(doc.querySelectorAll("script[src]"))) {
    const src = (script.getAttribute("src") ?? "").toLowerCase()
    if (S.appScripts.some((marker) => src.includes(marker))) return true
  }
  return !!doc.querySelector(S.formRoot)
}
