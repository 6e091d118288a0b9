// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import { isDynamicsPriceInput } from "./detect"
import { attachChip, type MountedChip } from "./index"

const FORM = `<!doctype html><html lang="de-DE"><body>
<ul><li data-id="transactioncurrencyid.fieldControl-LookupResultsDropdown_transactioncurrencyid_selected_tag">
<div data-id="transactioncurrencyid.fieldControl-LookupResultsDropdown_transactioncurrencyid_selected_tag_text" title="Euro">Euro</div></li></ul>
<input id="ppu" type="text" data-id="priceperunit.fieldControl-currency-text-input" value="50.000,00 €">
<input id="total" type="text" data-id="totalamount.fieldControl-currency-text-input" value="120.000,00 €">
</body></html>`

const chips: MountedChip[] = []

beforeEach(() => {
  vi.useFakeTimers()
  const doc = new DOMParser().parseFromString(FORM, "text/html")
  document.documentElement.lang = doc.documentElement.lang
  document.body.replaceChildren(...Array.from(doc.body.childNodes).map((n) => document.importNode(n, true)))
})

afterEach(() => {
  for (const chip of chips.splice(0)) chip.destroy()
  vi.useRealTimers()
})

function attach(id: string): MountedChip | null {
  const input = document.getElementById(id) as HTMLInputElement
  input.focus()
  const chip = attachChip(input, isDynamicsPriceInput(input)!)
  if (chip) chips.push(chip)
  return chip
}

describe("attachChip", () => {
  it("uses the page's locale and the record's currency", () => {
    const chip = attach("ppu")!
    expect(chip.view.typed).toMatch(/50\.000\s€/)
    expect(chip.view.suggestion).toMatch(/49\.750\s€/)
    expect(chip.view.copyText).toBe("49750")
  })

  it("keeps the rep's opening/closing choice for the next field", () => {
    attach("ppu")!.setMode("closing")
    const total = attach("total")!
    expect(total.mode).toBe("closing")
    total.setMode("opening")
  })

  it("does nothing for a field the rep already left while the chip was loading", () => {
    const input = document.getElementById("ppu") as HTMLInputElement
    expect(attachChip(input, { crm: "dynamics", field: "priceperunit" })).toBeNull()
    expect(document.querySelector("parley-pricing-chip")).toBeNull()
  })
})
