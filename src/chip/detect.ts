/**
 * Is this focused element a CRM price field? Runs inside the main content scripts on every
 * `focusin` of a CRM page, so it is pure DOM reading with no imports (no zod, nothing from the
 * pricing engine): a few attribute reads and `closest()` walks. Each content script takes only its
 * own CRM's detector (the other is tree-shaken), so each pays ~1 KiB of its 15 KiB budget; the
 * chip itself loads lazily after a match (src/chip/lazy.ts).
 *
 * Salesforce (research/crm-formats.md §1.3):
 * - record fields in edit mode: an input under
 *   `[data-target-selection-name="sfdc:RecordField.<Quote|QuoteLineItem|OpportunityLineItem|Opportunity>.<UnitPrice|ListPrice|Discount|Amount>"]`;
 * - Classic and Visualforce edit pages: `input[name="UnitPrice"]`;
 * - the Aura "Add Products" / "Edit Products" multi-add/edit modal (`.forceMultiAddMultiEditHeader`
 *   above a table in `modal-container` / `.slds-modal__container`): an input in the "Sales Price",
 *   "List Price" or "Discount" column (the <thead> cell at its index, or the cell's `data-label`),
 *   or labelled so (aria-label, aria-labelledby, <label for>).
 * Column labels are matched in English; localised orgs still match through the record-field
 * marker, which carries API names.
 *
 * Dynamics 365 Unified Interface (§3.3): `input[data-id^="priceperunit.fieldControl"]`,
 * `manualdiscountamount`, `totalamount` (also `header_<field>`), and quotedetail editable-grid
 * cells of those columns (Power Apps grid: `[role=gridcell][col-id="priceperunit"]`).
 */

export type ChipCrm = "salesforce" | "dynamics"

/** The CRM's API name of the field: Salesforce `UnitPrice`…, Dynamics `priceperunit`…. */
export type PriceField = "UnitPrice" | "ListPrice" | "Discount" | "Amount" | "priceperunit" | "manualdiscountamount" | "totalamount"

export interface PriceInputMatch {
  crm: ChipCrm
  field: PriceField
}

export type PriceInputDetector = (el: Element) => PriceInputMatch | null

/** Inputs a rep types a price into (Lightning and UCI use text; some Visualforce pages number/tel). */
const TEXT_TYPES = /^(?:|text|number|tel|search)$/

function typable(el: Element): el is HTMLInputElement {
  return el.localName === "input" && TEXT_TYPES.test((el.getAttribute("type") ?? "").toLowerCase()) && !(el as HTMLInputElement).disabled
}

// ── Dynamics ────────────────────────────────────────────────────────────────────────────────

const DYN = /^(?:header_)?(priceperunit|manualdiscountamount|totalamount)(?:\.fieldControl|$)/

export function isDynamicsPriceInput(el: Element): PriceInputMatch | null {
  if (!typable(el)) return null
  const m = DYN.exec(el.getAttribute("data-id") ?? "") ?? DYN.exec(el.closest("[role=gridcell]")?.getAttribute("col-id") ?? "")
  return m ? { crm: "dynamics", field: m[1] as PriceField } : null
}

// ── Salesforce ──────────────────────────────────────────────────────────────────────────────

const SF_MARKER = /^sfdc:RecordField\.(?:Quote|QuoteLineItem|OpportunityLineItem|Opportunity)\.(UnitPrice|ListPrice|Discount|Amount)$/
const SF_LABEL = /\b(sales price|list price|discount)\b/i
const SF_FIELDS: Record<string, PriceField> = { "sales price": "UnitPrice", "list price": "ListPrice", discount: "Discount" }
// The modal container; its `.forceMultiAddMultiEditHeader` is a sibling of the table, the body is `.forceMultiAddMultiEdit`.
const SF_MODAL = "modal-container,.modal-container,.slds-modal__container,.forceMultiAddMultiEdit"

/** `closest()` that also climbs out of open shadow roots (LWC native shadow, DESIGN.md). */
function closestComposed(el: Element, selector: string): Element | null {
  for (let node: Element | null = el; node; ) {
    const hit = node.closest(selector)
    if (hit) return hit
    node = (node.getRootNode() as ShadowRoot).host ?? null
  }
  return null
}

function labelField(text: string | null | undefined): PriceField | null {
  const m = text ? SF_LABEL.exec(text.slice(0, 120)) : null
  return m ? (SF_FIELDS[(m[1] ?? "").toLowerCase()] ?? null) : null
}

/** The column's header text: the cell's `data-label`, else the last <thead> row's cell at its index. */
function columnLabel(cell: Element): string | null | undefined {
  const rows = cell.closest("table")?.tHead?.querySelectorAll("tr")
  const header = rows?.[rows.length - 1]
  const index = (cell as HTMLTableCellElement).cellIndex
  return cell.getAttribute("data-label") ?? (header && header !== cell.parentElement && index >= 0 ? header.children[index]?.textContent : null)
}

function ownLabel(input: HTMLInputElement): string | null | undefined {
  const ids = input.getAttribute("aria-labelledby")
  return (
    input.getAttribute("aria-label") ??
    (ids ? ids.split(/\s+/).map((id) => input.ownerDocument.getElementById(id)?.textContent ?? "").join(" ") : input.labels?.[0]?.textContent)
  )
}

export function isSalesforcePriceInput(el: Element): PriceInputMatch | null {
  if (!typable(el)) return null
  const marker = SF_MARKER.exec(closestComposed(el, "[data-target-selection-name]")?.getAttribute("data-target-selection-name") ?? "")
  let field = (marker?.[1] as PriceField | undefined) ?? (el.name === "UnitPrice" ? "UnitPrice" : null)
  if (!field && closestComposed(el, SF_MODAL)) {
    const cell = el.closest("td,th,[role=gridcell]")
    field = (cell && labelField(columnLabel(cell))) ?? labelField(ownLabel(el))
  }
  return field ? { crm: "salesforce", field } : null
}

/** Either CRM (tests, and callers that do not know which CRM the page is). */
export function isPriceInput(el: Element): PriceInputMatch | null {
  return isDynamicsPriceInput(el) ?? isSalesforcePriceInput(el)
}
