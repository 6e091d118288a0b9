import { describe, expect, it } from "vitest"
import { mergeXrmFields } from "./xrm-fields"

const ID = "00000001-0000-4000-8000-0000000f4244"
const dom = { objectType: "quote", name: "Q-1", fields: { totalamount: { label: "Total Amount", value: "$49,7…" } } }

describe("mergeXrmFields", () => {
  it("prefers Xrm's exact values and keeps the DOM's labels", () => {
    const merged = mergeXrmFields(dom, {
      entityName: "quote",
      entityId: ID,
      attributes: {
        totalamount: { type: "money", value: 49750 },
        customerid: { type: "lookup", value: [{ id: `{${ID.toUpperCase()}}`, name: "Globex", entityType: "account" }] },
        statecode: { type: "optionset", value: 1, text: "Active" }
      }
    }, ID)
    expect(merged.fields.totalamount).toEqual({ label: "Total Amount", value: "49750" })
    expect(merged.fields.customerid).toEqual({ label: "customerid", value: "Globex", relatedId: ID })
    expect(merged.fields.statecode?.value).toBe("Active")
  })
  it("ignores a bridge snapshot of another record", () => {
    expect(mergeXrmFields(dom, { entityName: "quote", entityId: "other", attributes: { totalamount: { type: "money", value: 1 } } }, ID)).toBe(dom)
  })
})
