// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import * as pricing from "../pricing"
import { chipFor, computeView, COPIED, DISCOUNT_NOTE, EMPTY_NOTE, mountChip, plainNumber, type ChipOptions, type MountedChip } from "./chip"

// Count the engine's work per keystroke (the real functions run; only calls are recorded).
vi.mock("../pricing", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../pricing")>()
  return { ...actual, suggestPricing: vi.fn(actual.suggestPricing), parseTypedAmount: vi.fn(actual.parseTypedAmount) }
})

const PAGE = `<!doctype html><html lang="en-US"><body>
<div class="modal-container slds-modal__container"><table><thead><tr><th>Product</th><th>Sales Price</th><th>Discount</th></tr></thead>
<tbody><tr><th>GenWatt</th><td id="cell"><input id="price" type="text" value="50,000.00"></td><td><input id="discount" type="text"></td></tr></tbody></table></div>
<p id="after">after</p></body></html>`

let chips: MountedChip[] = []
let clipboard: { writeText: ReturnType<typeof vi.fn<(text: string) => Promise<void>>> }

function load(html = PAGE) {
  const doc = new DOMParser().parseFromString(html, "text/html")
  document.documentElement.lang = doc.documentElement.lang
  document.body.replaceChildren(...Array.from(doc.body.childNodes).map((n) => document.importNode(n, true)))
}

const $ = (id: string) => document.getElementById(id) as HTMLInputElement

function mount(input: HTMLInputElement, options: Partial<ChipOptions> = {}): MountedChip {
  input.focus()
  const chip = mountChip(input, { crm: "salesforce", field: "UnitPrice", locale: "en-US", currency: "USD", clipboard, ...options })
  chips.push(chip)
  return chip
}

/** What the chip shows, read from its (closed) shadow root the way a rep sees it. */
function shown(chip: MountedChip) {
  const text = (selector: string) => chip.root.querySelector(selector)?.textContent ?? null
  const hidden = (selector: string) => (chip.root.querySelector(selector) as HTMLElement | null)?.hidden ?? true
  return { typed: text(".typed"), suggestion: hidden(".copy") ? null : text(".copy"), mode: hidden(".mode") ? null : text(".mode"), note: text(".note") }
}

function type(input: HTMLInputElement, text: string, msBetweenKeys = 30) {
  for (const ch of text) {
    input.value += ch
    input.dispatchEvent(new Event("input", { bubbles: true }))
    vi.advanceTimersByTime(msBetweenKeys)
  }
}

function click(chip: MountedChip, selector: string) {
  const button = chip.root.querySelector(selector) as HTMLButtonElement
  button.dispatchEvent(new MouseEvent("mousedown", { bubbles: true, cancelable: true, composed: true }))
  button.click()
}

beforeEach(() => {
  vi.useFakeTimers()
  load()
  clipboard = { writeText: vi.fn(async () => undefined) }
  vi.mocked(pricing.suggestPricing).mockClear()
  vi.mocked(pricing.parseTypedAmount).mockClear()
})

afterEach(() => {
  for (const chip of chips) chip.destroy()
  chips = []
  vi.useRealTimers()
})

describe("mounting", () => {
  it("puts a host right after the input, with a closed shadow root and `all: initial`, leaving the CRM's DOM and styles alone", () => {
    const input = $("price")
    const cellBefore = Array.from($("cell").childNodes)
    const chip = mount(input)
    expect(input.nextElementSibling).toBe(chip.host)
    expect(chip.host.shadowRoot).toBeNull() // closed: the page cannot reach in
    expect(chip.host.style.cssText).toMatch(/all: initial/)
    expect(chip.host.style.cssText).toMatch(/position: absolute/)
    expect(Array.from($("cell").childNodes)).toEqual([...cellBefore, chip.host])
    // All of the chip's styles live inside the shadow root: nothing was added to the page's <head>.
    expect(document.head.querySelectorAll("style, link").length).toBe(0)
  })

  it("shows the field's current value and the opening suggestion at once", () => {
    const chip = mount($("price"))
    expect(shown(chip)).toEqual({ typed: "$50K", suggestion: "$49,750", mode: "Opening", note: "" })
  })

  it("speaks the rep's language (Persian words and digits) while reading and copying in the page's locale", () => {
    const chip = mount($("price"), { language: "fa" })
    const view = shown(chip)
    expect(view.mode).toBe("آغازین")
    expect(view.typed).toMatch(/^[\u06F0-\u06F9]/)
    expect(view.suggestion).toMatch(/[\u06F0-\u06F9]/)
    expect(chip.root.querySelector(".brand")?.textContent).toBe("پارلی")
    expect(chip.view.copyText).toBe("49750")
    chip.setMode("closing")
    expect(shown(chip).mode).toBe("پایانی")
  })

  it("returns the same chip when the field is focused again", () => {
    const chip = mount($("price"))
    expect(mount($("price"))).toBe(chip)
    expect(document.querySelectorAll("parley-pricing-chip")).toHaveLength(1)
  })
})

describe("typing", () => {
  it("updates the compact form and the suggestion after the debounce, not per keystroke", () => {
    const input = $("price")
    const chip = mount(input)
    input.value = ""
    type(input, "48.5k")
    // 5 keystrokes 30 ms apart: nothing computed yet (the last one is 30 ms old).
    expect(shown(chip).typed).toBe("$50K")
    vi.advanceTimersByTime(150)
    expect(shown(chip)).toEqual({ typed: "$48,500", suggestion: "$48,250", mode: "Opening", note: "" })
  })

  it("does the engine's work once per debounce window, not once per keystroke", () => {
    const input = $("price")
    mount(input)
    const suggest = vi.mocked(pricing.suggestPricing)
    const parse = vi.mocked(pricing.parseTypedAmount)
    expect(suggest).toHaveBeenCalledTimes(1) // the value shown on mount
    suggest.mockClear()
    parse.mockClear()

    input.value = ""
    type(input, "1234567") // 7 keystrokes inside one window
    expect(suggest).not.toHaveBeenCalled()
    expect(parse).not.toHaveBeenCalled()
    vi.advanceTimersByTime(150)
    expect(suggest).toHaveBeenCalledTimes(1)
    expect(parse).toHaveBeenCalledTimes(1)

    type(input, "8", 200) // a pause longer than the window: one more computation
    type(input, "9", 200)
    expect(suggest).toHaveBeenCalledTimes(3)
    // Each computation is on one number: the latest text.
    expect(suggest.mock.calls.at(-1)?.[0]).toMatchObject({ amount: 123456789, currency: "USD", locale: "en-US", mode: "opening" })
  })

  it("reads no layout while typing", () => {
    const input = $("price")
    const chip = mount(input)
    vi.advanceTimersByTime(50) // the one placement, in an animation frame after mounting
    const inputRect = vi.spyOn(input, "getBoundingClientRect")
    const hostRect = vi.spyOn(chip.host, "getBoundingClientRect")
    input.value = ""
    type(input, "99000")
    vi.advanceTimersByTime(200)
    expect(shown(chip).typed).toBe("$99K")
    expect(inputRect).not.toHaveBeenCalled()
    expect(hostRect).not.toHaveBeenCalled()
  })

  it("shows '?' for text that is not one amount, and no figure to copy", () => {
    const input = $("price")
    const chip = mount(input)
    input.value = ""
    type(input, "call me")
    vi.advanceTimersByTime(150)
    expect(shown(chip)).toMatchObject({ typed: "?", suggestion: "—", note: "Type one amount, e.g. 49,750" })
    expect((chip.root.querySelector(".copy") as HTMLButtonElement).disabled).toBe(true)
    input.value = ""
    type(input, "-5")
    vi.advanceTimersByTime(150)
    expect(shown(chip)).toMatchObject({ typed: "?", suggestion: "—", note: "Type a positive amount" })
  })

  it("renders CRM text as text: markup typed or pasted into the field never becomes elements", () => {
    const input = $("price")
    const chip = mount(input)
    input.value = `<img src=x onerror="alert(1)"><b>5</b>`
    input.dispatchEvent(new Event("input"))
    vi.advanceTimersByTime(150)
    expect(chip.root.querySelectorAll("img, b, script")).toHaveLength(0)
    expect(shown(chip).typed).toBe("?")
  })
})

describe("copying", () => {
  it("copies the suggested figure on click, says Copied, and never writes into the field", async () => {
    const input = $("price")
    const chip = mount(input)
    const changes = vi.fn()
    input.addEventListener("change", changes)
    input.addEventListener("input", changes)
    input.value = ""
    type(input, "48500")
    vi.advanceTimersByTime(150)
    changes.mockClear()

    click(chip, ".copy")
    await vi.advanceTimersByTimeAsync(0)
    expect(clipboard.writeText).toHaveBeenCalledWith("48250")
    expect(chip.root.querySelector(".copy")?.textContent).toBe(COPIED)
    expect(input.value).toBe("48500")
    expect(changes).not.toHaveBeenCalled()
    expect(document.activeElement).toBe(input) // the click did not take focus from the CRM field

    await vi.advanceTimersByTimeAsync(1600)
    expect(shown(chip).suggestion).toBe("$48,250")
  })

  it("says so when the clipboard refuses", async () => {
    clipboard.writeText.mockRejectedValueOnce(new Error("denied"))
    const chip = mount($("price"))
    click(chip, ".copy")
    await vi.advanceTimersByTimeAsync(0)
    expect(chip.root.querySelector(".copy")?.textContent).toBe("Copy failed")
  })

  it("keeps clicks inside the chip from reaching the CRM's handlers", () => {
    const chip = mount($("price"))
    const crmClick = vi.fn()
    document.body.addEventListener("click", crmClick)
    document.body.addEventListener("mousedown", crmClick)
    click(chip, ".copy")
    expect(crmClick).not.toHaveBeenCalled()
  })
})

describe("opening / closing", () => {
  it("switches to a round closing figure and back, and reports the choice", () => {
    const onModeChange = vi.fn()
    const chip = mount($("price"), { onModeChange })
    click(chip, ".mode")
    expect(shown(chip)).toMatchObject({ suggestion: "$50K", mode: "Closing" })
    expect(chip.root.querySelector(".mode")?.getAttribute("aria-pressed")).toBe("true")
    expect(onModeChange).toHaveBeenCalledWith("closing")
    click(chip, ".mode")
    expect(shown(chip)).toMatchObject({ suggestion: "$49,750", mode: "Opening" })
  })

  it("starts in the mode it is given", () => {
    expect(shown(mount($("price"), { mode: "closing" }))).toMatchObject({ suggestion: "$50K", mode: "Closing" })
  })
})

describe("discount fields", () => {
  it("show the typed discount and the reason reminder (R1), with nothing to copy", () => {
    const input = $("discount")
    const chip = mount(input, { field: "Discount" })
    type(input, "12")
    vi.advanceTimersByTime(150)
    expect(shown(chip)).toEqual({ typed: "12%", suggestion: null, mode: null, note: DISCOUNT_NOTE })
    expect(vi.mocked(pricing.suggestPricing)).not.toHaveBeenCalled()
  })
})

describe("lifetime", () => {
  it("disappears when the input is removed from the page", () => {
    const input = $("price")
    const chip = mount(input)
    input.closest("table")!.remove()
    vi.advanceTimersByTime(600)
    expect(chip.host.isConnected).toBe(false)
    expect(chipFor(input)).toBeUndefined()
    expect(document.querySelector("parley-pricing-chip")).toBeNull()
  })

  it("disappears when the field loses focus", () => {
    const input = $("price")
    const chip = mount(input)
    $("discount").focus()
    vi.advanceTimersByTime(10)
    expect(chip.host.isConnected).toBe(false)
    expect(chipFor(input)).toBeUndefined()
  })

  it("comes back when a CRM re-render drops it while the field stays", () => {
    const input = $("price")
    const chip = mount(input)
    chip.host.remove()
    vi.advanceTimersByTime(600)
    expect(input.nextElementSibling).toBe(chip.host)
  })

  it("stops its timers when destroyed", () => {
    const input = $("price")
    const chip = mount(input)
    chip.destroy()
    expect(vi.getTimerCount()).toBe(0)
    type(input, "1")
    expect(vi.getTimerCount()).toBe(0)
  })
})

describe("computeView", () => {
  const base = { field: "UnitPrice" as const, locale: "en-US", currency: "USD", mode: "opening" as const }

  it("asks for a price in an empty price field", () => {
    expect(computeView("  ", base)).toEqual({ typed: "", suggestion: null, copyText: null, note: EMPTY_NOTE })
    expect(computeView("", { ...base, field: "Discount" }).note).toBeNull()
  })

  // Issue criterion: bad input gets a short clear message, never an exception.
  it.each([
    ["", /^Type a price$/],
    ["-5", /^Type a positive amount$/],
    ["0", /^Type a positive amount$/],
    ["NaN", /^Type one amount/],
    ["call me", /^Type one amount/],
    ["49,750 - 50,000", /^Type one amount/],
    ["100000000000000000000", /^Amount too large$/],
    ["1e20", /^Type one amount/]
  ])("bad input %j → %s, nothing to copy", (text, message) => {
    let view: ReturnType<typeof computeView> | undefined
    expect(() => (view = computeView(text, base))).not.toThrow()
    expect(view?.note).toMatch(message)
    expect(view?.suggestion).toBeNull()
    expect(view?.copyText).toBeNull()
  })

  it("an unknown currency gets the engine's message without its technical prefix", () => {
    const view = computeView("50000", { ...base, currency: "XYZ" })
    expect(view.note).toBe('currency: "XYZ" is not a known ISO 4217 currency code')
    expect(view.copyText).toBeNull()
  })

  it("presents IRR in toman and copies rials, the unit the CRM field holds", () => {
    const view = computeView("150,000,000", { ...base, locale: "fa-IR", currency: "IRR" })
    expect(view.typed).toContain("تومان")
    expect(view.suggestion).toContain("تومان")
    expect(view.copyText).toMatch(/^\d+$/)
    expect(Number(view.copyText)).toBeGreaterThan(140_000_000)
  })

  it("copies a number in the locale's own decimal notation", () => {
    expect(plainNumber(12.43, "de-DE")).toBe("12,43")
    expect(plainNumber(49750, "en-US")).toBe("49750")
  })

  it("shows the engine's message for amounts it refuses", () => {
    expect(computeView("1e30", base).suggestion).toBeNull()
    expect(computeView("9999999999999999999", base).note).toBe("Amount too large")
  })
})
