// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest"
import { isSalesforcePriceInput, type PriceInputMatch } from "./detect"
import { installPricingChipLoader, type PricingChipModule } from "./lazy"

const PAGE = `<div data-target-selection-name="sfdc:RecordField.QuoteLineItem.UnitPrice"><input id="price" type="text"></div>
<div data-target-selection-name="sfdc:RecordField.QuoteLineItem.Description"><input id="description" type="text"></div>
<div data-target-selection-name="sfdc:RecordField.QuoteLineItem.Discount"><input id="discount" type="text"></div>`

let uninstall: (() => void) | undefined

function setup(load: () => Promise<PricingChipModule>) {
  const doc = new DOMParser().parseFromString(`<!doctype html><html><body>${PAGE}</body></html>`, "text/html")
  document.body.replaceChildren(...Array.from(doc.body.childNodes).map((n) => document.importNode(n, true)))
  uninstall = installPricingChipLoader(isSalesforcePriceInput, load)
  return (id: string) => document.getElementById(id) as HTMLInputElement
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

afterEach(() => {
  uninstall?.()
  uninstall = undefined
  document.body.replaceChildren()
})

describe("installPricingChipLoader", () => {
  it("loads nothing until a price field is focused, then loads the chip once and attaches it to each focused price field", async () => {
    const attachChip = vi.fn<(input: HTMLInputElement, context: PriceInputMatch) => unknown>()
    const load = vi.fn(async () => ({ attachChip }))
    const byId = setup(load)

    byId("description").focus()
    await flush()
    expect(load).not.toHaveBeenCalled()

    byId("price").focus()
    await flush()
    expect(load).toHaveBeenCalledTimes(1)
    expect(attachChip).toHaveBeenCalledWith(byId("price"), { crm: "salesforce", field: "UnitPrice" })

    byId("discount").focus()
    await flush()
    byId("price").focus()
    await flush()
    expect(load).toHaveBeenCalledTimes(1)
    expect(attachChip.mock.calls.map(([input, context]) => [input.id, context.field])).toEqual([
      ["price", "UnitPrice"],
      ["discount", "Discount"],
      ["price", "UnitPrice"]
    ])
  })

  it("does not attach to a field that left the page while the chip was loading", async () => {
    const attachChip = vi.fn()
    let resolve!: (m: PricingChipModule) => void
    const byId = setup(() => new Promise((r) => (resolve = r)))
    const price = byId("price")
    price.focus()
    price.closest("div")!.remove()
    resolve({ attachChip })
    await flush()
    expect(attachChip).not.toHaveBeenCalled()
  })

  it("stops trying after the chip failed to load (extension reloaded, bundle missing)", async () => {
    const debug = vi.spyOn(console, "debug").mockImplementation(() => undefined)
    const load = vi.fn(() => Promise.reject(new Error("Extension context invalidated.")))
    const byId = setup(load)
    byId("price").focus()
    await flush()
    byId("discount").focus()
    await flush()
    expect(load).toHaveBeenCalledTimes(1)
    expect(debug).toHaveBeenCalledTimes(1)
    debug.mockRestore()
  })

  it("finds a price input inside an open shadow root through the event's composed path", async () => {
    const attachChip = vi.fn()
    setup(async () => ({ attachChip }))
    const host = document.createElement("lightning-input")
    document.querySelector("[data-target-selection-name$='.UnitPrice']")!.append(host)
    const inner = document.createElement("input")
    inner.type = "text"
    host.attachShadow({ mode: "open" }).append(inner)
    inner.focus()
    await flush()
    expect(attachChip).toHaveBeenCalledWith(inner, { crm: "salesforce", field: "UnitPrice" })
  })

  it("is removed by the function it returns", async () => {
    const load = vi.fn(async () => ({ attachChip: vi.fn() }))
    const byId = setup(load)
    uninstall!()
    byId("price").focus()
    await flush()
    expect(load).not.toHaveBeenCalled()
  })
})
