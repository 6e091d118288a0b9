/**
 * Merges what the MAIN-world bridge read from `Xrm` (typed values, option labels, lookup ids)
 * over what the DOM shows: Xrm's values are exact where the DOM shows formatted, truncated or
 * virtualised text, and the DOM supplies labels. Pure; no zod (content-script budget).
 */
import type { BridgeAttribute } from "./bridge-protocol"
import type { DynamicsPageRecord } from "./dom"

export interface XrmSnapshot {
  entityName: string
  entityId: string | null
  attributes: Record<string, BridgeAttribute>
}

const MAX_VALUE = 4_000

function display(attribute: BridgeAttribute): { value: string; relatedId?: string } | null {
  const v = attribute.value
  if (v === null || v === undefined) return null
  if (Array.isArray(v)) {
    const first = v[0]
    if (first && typeof first === "object") return { value: (first.name ?? "").slice(0, MAX_VALUE), relatedId: first.id.replace(/[{}]/g, "").toLowerCase() }
    return { value: (attribute.text ?? v.join(", ")).slice(0, MAX_VALUE) }
  }
  return { value: String(attribute.text ?? v).slice(0, MAX_VALUE) }
}

export function mergeXrmFields(dom: DynamicsPageRecord, xrm: XrmSnapshot | null, recordId: string): DynamicsPageRecord {
  // The bridge may still hold the previous record's form while the new one loads.
  if (!xrm || xrm.entityId?.toLowerCase() !== recordId.toLowerCase()) return dom
  const fields = { ...dom.fields }
  for (const [name, attribute] of Object.entries(xrm.attributes)) {
    const shown = display(attribute)
    if (!shown) continue
    fields[name] = { label: dom.fields[name]?.label ?? name, ...shown }
  }
  return { ...dom, fields }
}
