import { describe, expect, it, vi } from "vitest"
import { MAX_PANEL_MESSAGE_BYTES } from "../../plasmo.config"
import { createRouter, type RouterOptions } from "./router"

const EXT = "abcdefghijklmnopabcdefghijklmnop"
const ORIGIN = `chrome-extension://${EXT}/`
const panel = { id: EXT, url: `${ORIGIN}sidepanel.html` }
const crmTab = { id: EXT, url: "https://northwind.lightning.force.com/lightning/r/Account/001000000000001AAA/view", tab: { id: 7 } }

function setup() {
  const onPanel = vi.fn<RouterOptions["onPanel"]>(async () => ({ ok: true }))
  return { route: createRouter({ extensionId: EXT, extensionOrigin: ORIGIN, onContent: vi.fn(), onPanel }), onPanel }
}
const share = (pdfBase64: string) => ({ type: "share-snapshot", snapshotKey: "snapshot:k", redact: true, language: "fa", pdfBase64 })

describe("snapshot messages", () => {
  it("accepts a share with a PDF of a few megabytes from the panel", async () => {
    const { route, onPanel } = setup()
    expect(await route(share("A".repeat(3_000_000)), panel)).toEqual({ ok: true })
    expect(onPanel).toHaveBeenCalledOnce()
  })
  it("still refuses a panel message above the panel's cap", async () => {
    const { route, onPanel } = setup()
    expect(await route(share("A".repeat(MAX_PANEL_MESSAGE_BYTES)), panel)).toMatchObject({ ok: false, error: expect.stringMatching(/too large/) })
    expect(onPanel).not.toHaveBeenCalled()
  })
  it("never lets a content script save, import, delete or share snapshots", async () => {
    const { route, onPanel } = setup()
    for (const message of [share("AAAA"), { type: "save-snapshot", accountKey: "k" }, { type: "import-snapshot", json: "{}" }, { type: "delete-snapshot", key: "k" }, { type: "list-crm-snapshots", accountKey: "k" }]) {
      expect(await route(message, crmTab)).toMatchObject({ ok: false })
    }
    expect(onPanel).not.toHaveBeenCalled()
  })
  it("validates snapshot messages", async () => {
    const { route } = setup()
    expect(await route({ ...share("not base64!"), redact: true }, panel)).toMatchObject({ ok: false, error: expect.stringMatching(/base64/) })
    expect(await route({ ...share("AAAA"), language: "de" }, panel)).toMatchObject({ ok: false })
    expect(await route({ ...share("AAAA"), extra: 1 }, panel)).toMatchObject({ ok: false })
  })
})
