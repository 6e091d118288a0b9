import { describe, expect, it, vi } from "vitest"
import { MAX_CONTENT_INTAKE_BYTES, MAX_MESSAGE_BYTES } from "../../plasmo.config"
import { createRouter, type RouterOptions } from "./router"

const EXT = "abcdefghijklmnopabcdefghijklmnop"
const ORIGIN = `chrome-extension://${EXT}/`
const crmTab = { id: EXT, url: "https://northwind.lightning.force.com/lightning/r/Account/001000000000001AAA/view", tab: { id: 7 } }
const panel = { id: EXT, url: `${ORIGIN}sidepanel.html` }
const observe = {
  type: "observe",
  focused: true,
  page: {
    crm: "salesforce",
    host: "northwind.lightning.force.com",
    org: "northwind",
    url: crmTab.url,
    record: { objectType: "Account", id: "001000000000001AAA", name: "Globex", fields: {} }
  }
}

function setup() {
  const onContent = vi.fn<RouterOptions["onContent"]>(async () => ({ ok: true }))
  const onPanel = vi.fn<RouterOptions["onPanel"]>(async () => ({ ok: true, data: "pong" }))
  return { route: createRouter({ extensionId: EXT, extensionOrigin: ORIGIN, onContent, onPanel }), onContent, onPanel }
}

describe("background router", () => {
  it("accepts an observation from a CRM tab", async () => {
    const { route, onContent } = setup()
    expect(await route(observe, crmTab)).toEqual({ ok: true })
    expect(onContent).toHaveBeenCalledOnce()
  })
  it("rejects messages from other extensions", async () => {
    const { route, onContent } = setup()
    expect(await route(observe, { ...crmTab, id: "someone-else" })).toMatchObject({ ok: false, error: expect.stringMatching(/sender/) })
    expect(onContent).not.toHaveBeenCalled()
  })
  it("rejects a content script on a non-CRM page", async () => {
    const { route } = setup()
    expect(await route(observe, { ...crmTab, url: "https://evil.example/lightning/r/Account/x/view" })).toMatchObject({ ok: false })
  })
  it("never lets a content script ask for deletes or settings", async () => {
    const { route, onPanel } = setup()
    const reply = await route({ type: "forget-org", crm: "salesforce", org: "northwind" }, crmTab)
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/rejected/) })
    expect(onPanel).not.toHaveBeenCalled()
  })
  it("accepts panel requests only from the extension's own pages", async () => {
    const { route } = setup()
    expect(await route({ type: "ping" }, panel)).toEqual({ ok: true, data: "pong" })
    expect(await route({ type: "ping" }, { id: EXT, url: "https://northwind.lightning.force.com/" })).toMatchObject({ ok: false })
  })
  it("rejects malformed observations with the reason", async () => {
    const { route, onContent } = setup()
    const bad = { ...observe, page: { ...observe.page, record: { ...observe.page.record, id: "<script>" } } }
    const reply = await route(bad, crmTab)
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/id must be a record id/) })
    expect(onContent).not.toHaveBeenCalled()
  })
  it("rejects messages beyond the intake bound before parsing them", async () => {
    const { route, onContent } = setup()
    const huge = { ...observe, page: { ...observe.page, record: { ...observe.page.record, name: "x".repeat(MAX_CONTENT_INTAKE_BYTES) } } }
    expect(await route(huge, crmTab)).toMatchObject({ ok: false, error: expect.stringMatching(/too large/) })
    expect(onContent).not.toHaveBeenCalled()
  })
  it("cuts an observation over the stored budget to fit instead of refusing it", async () => {
    const { route, onContent } = setup()
    const fields = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`Notes_${i}`, { label: `Notes ${i}`, value: "یادداشت تماس ".repeat(300) }]))
    const big = { ...observe, page: { ...observe.page, record: { ...observe.page.record, fields } } }
    expect(JSON.stringify(big).length).toBeGreaterThan(MAX_MESSAGE_BYTES)
    expect(await route(big, crmTab)).toEqual({ ok: true })
    const received = onContent.mock.calls[0]![0]
    expect(new TextEncoder().encode(JSON.stringify({ ...received, cut: undefined })).length).toBeLessThanOrEqual(MAX_MESSAGE_BYTES)
    expect(received.cut).toMatchObject({ values: 100, droppedFields: 0 })
  })
  it("turns a throwing handler into an error reply instead of a hang", async () => {
    const onPanel = vi.fn(async () => {
      throw new Error("disk on fire")
    })
    const route = createRouter({ extensionId: EXT, extensionOrigin: ORIGIN, onContent: vi.fn(), onPanel })
    expect(await route({ type: "ping" }, panel)).toEqual({ ok: false, error: "disk on fire", code: "failed" })
  })
})
