/**
 * Is this focused element a CRM price field? Runs inside the main content scripts on every
 * `focusin` of a CRM page, so it is pure DOM reading, has no imports (no zod, nothing from the
 * pricing engine) and does a handful of attribute reads and `closest()` walks per call; the
 * chip itself loads lazily only after a match (src/chip/lazy.ts).
 *
 * Salesforce (research/crm-formats.md §1.3):
 * - the Aura "Add Products" / "Edit Products" multi-add/edit modal (`.forceMultiAddMultiEditHeader`
 *   above a table inside `modal-container`/`.slds-modal__container`): an input whose cell sits in
 *   the "Sales Price", "List Price" or "Discount" column (header text, `data-label`, or the
 *   input's own label);
 * - record fields in edit mode: an input under
 *   `[data-target-selection-name="sfdc:RecordField.<Quote|QuoteLineItem|OpportunityLineItem|Opportunity>.<UnitPrice|ListPrice|Discount|Amount>"]`;
 * - Classic and Visualforce edit pages: `input[name="UnitPrice"]`.
 * Dynamics 365 Unified Interface (§3.3): `input[data-id^="priceperunit.fieldControl"]`,
 * `manualdiscountamount`, `totalamount` (also as `header_<field>`), and editable-grid cells of
 * those columns (`[role=gridcell][col-id]`, or the column header at the same `aria-colindex`).
 *
 * Column labels are matched in English: localised orgs still match through the record-field and
 * `data-id` markers, which carry API names.
 */

export type ChipCrm = "salesforce" | "dynamics"

/** The CRM's API name of the field: Salesforce `UnitPrice`…, Dynamics `priceperunit`…. */
export type PriceField = "UnitPrice" | "ListPrice" | "Discount" | "Amount" | "priceperunit" | "manualdiscountamount" | "totalamount"

export interface PriceInputMatch {
  crm: ChipCrm
  field: PriceField
}

/** Input types a rep types a price into (Lightning uses text; some Visualforce pages number/tel). */
const TEXT_TYPES = new Set(["", "text", "number", "tel", "search"])

const SF_RECORD_FIELD = /^sfdc:RecordField\.(?:Quote|QuoteLineItem|OpportunityLineItem|Opportunity)\.(UnitPrice|ListPrice|Discount|Amount)$/
const SF_LABELS: ReadonlyArray<readonly [RegExp, PriceField]> = [
  [/\bsales price\b/i, "UnitPrice"],
  [/\blist price\b/i, "ListPrice"],
  [/\bdiscount\b/i, "Discount"]
]

const DYN_FIELD = /^(?:header_)?(priceperunit|manualdiscountamount|totalamount)\.fieldControl/
const DYN_COLUMN = /^(priceperunit|manualdiscountamount|totalamount)$/
const DYN_LABELS: ReadonlyArray<readonly [RegExp, PriceField]> = [
  [/^price per unit$/i, "priceperunit"],
  [/^manual discount$/i, "manualdiscountamount"],
  [/^total amount$/i, "totalamount"]
]

/** Dynamics grids: the Power Apps grid / editable grid controls (never on a Salesforce page). */
const DYN_GRID = "[data-lp-id*='Grid'], [data-id$='pcf_grid_control_container'], [wj-part], .wj-flexgrid"

const MODAL = "modal-container, .modal-container, .slds-modal__container, .forceMultiAddMultiEdit, .forceMultiAddUsingLVM"
const CELL = "td, th, [role='gridcell'], [role='cell']"

/** `closest()` that also climbs out of open shadow roots (LWC native shadow, DESIGN.md). */
function closestComposed(el: Element, selector: string): Element | null {
  let node: Element | null = el
  while (node) {
    const hit = node.closest(selector)
    if (hit) return hit
    const root = node.getRootNode()
    node = root !== node && "host" in root ? (root as ShadowRoot).host : null
  }
  return null
}

function textOf(el: Element | null | undefined): string {
  if (!el) return ""
  const text = el.getAttribute("aria-label") || el.getAttribute("title") || el.textContent || ""
  // "*Sales Price", "Sales Price Sort", nested spans with line breaks: collapse and keep it short.
  return text.replace(/\s+/g, " ").trim().slice(0, 80)
}

function fieldFromLabel(text: string, labels: ReadonlyArray<readonly [RegExp, PriceField]>): PriceField | null {
  if (!text) return null
  for (const [pattern, field] of labels) if (pattern.test(text)) return field
  return null
}

/** The input's own accessible name: aria-label, aria-labelledby, or <label for>. */
function ownLabel(input: HTMLInputElement): string {
  const aria = input.getAttribute("aria-label")
  if (aria) return aria
  const doc = input.ownerDocument
  const labelledBy = input.getAttribute("aria-labelledby")
  if (labelledBy) {
    const parts = labelledBy.split(/\s+/).map((id) => textOf(doc.getElementById(id)))
    const joined = parts.join(" ").trim()
    if (joined) return joined
  }
  const labels = input.labels
  return labels && labels.length > 0 ? textOf(labels[0]) : ""
}

/** The header cell of `cell`'s column: <thead> by cellIndex, else ARIA column headers. */
function columnHeader(cell: Element): Element | null {
  const dataLabel = cell.getAttribute("data-label")
  if (dataLabel) return cell
  if ((cell.localName === "td" || cell.localName === "th") && "cellIndex" in cell) {
    const index = (cell as HTMLTableCellElement).cellIndex
    const table = cell.closest("table")
    const rows = table?.tHead?.rows
    const headerRow = rows && rows.length > 0 ? rows[rows.length - 1] : null
    if (headerRow && headerRow !== cell.parentElement) return headerRow.cells[index] ?? null
    return null
  }
  const colIndex = cell.getAttribute("aria-colindex")
  const grid = cell.closest("[role='grid'], [role='treegrid'], [role='table']")
  if (colIndex && /^\d{1,4}$/.test(colIndex) && grid) return grid.querySelector(`[role='columnheader'][aria-colindex='${colIndex}']`)
  return null
}

function salesforce(input: HTMLInputElement): PriceInputMatch | null {
  const marker = closestComposed(input, "[data-target-selection-name]")?.getAttribute("data-target-selection-name")
  if (marker) {
    const m = SF_RECORD_FIELD.exec(marker)
    if (m) return { crm: "salesforce", field: m[1] as PriceField }
  }
  if (input.getAttribute("name") === "UnitPrice") return { crm: "salesforce", field: "UnitPrice" }
  const modal = closestComposed(input, MODAL)
  if (!modal) return null
  const cell = closestComposed(input, CELL)
  if (cell) {
    const header = columnHeader(cell)
    const field = fieldFromLabel(header === cell ? cell.getAttribute("data-label") ?? "" : textOf(header), SF_LABELS)
    if (field) return { crm: "salesforce", field }
  }
  const field = fieldFromLabel(ownLabel(input), SF_LABELS)
  return field ? { crm: "salesforce", field } : null
}

function dynamics(input: HTMLInputElement): PriceInputMatch | null {
  const dataId = input.getAttribute("data-id")
  if (dataId) {
    const m = DYN_FIELD.exec(dataId)
    if (m) return { crm: "dynamics", field: m[1] as PriceField }
  }
  const cell = closestComposed(input, "[role='gridcell']")
  if (!cell || !cell.closest(DYN_GRID)) return null
  const colId = cell.getAttribute("col-id") ?? cell.getAttribute("data-col-id")
  if (colId) {
    const m = DYN_COLUMN.exec(colId)
    return m ? { crm: "dynamics", field: m[1] as PriceField } : null
  }
  const header = columnHeader(cell)
  if (!header || header === cell) return null
  const headerId = header.getAttribute("col-id") ?? header.getAttribute("data-id") ?? ""
  const m = DYN_COLUMN.exec(headerId)
  if (m) return { crm: "dynamics", field: m[1] as PriceField }
  const field = fieldFromLabel(textOf(header), DYN_LABELS)
  return field ? { crm: "dynamics", field } : null
}

/**
 * The CRM and field of a price input, or null. Cheap enough for every focus event: elements that
 * are not text inputs return after two property reads.
 */
export function isPriceInput(el: Element): PriceInputMatch | null {
  if (el.localName !== "input") return null
  const input = el as HTMLInputElement
  if (!TEXT_TYPES.has((input.getAttribute("type") ?? "").toLowerCase()) || input.disabled) return null
  return dynamics(input) ?? salesforce(input)
}
