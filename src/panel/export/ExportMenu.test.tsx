// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest"
import type { PanelMessage, Reply } from "../../messaging/messages"
import { CANARY, sampleSnapshot } from "../../../tests/support/snapshot-fixtures"
import { I18nProvider } from "../components/I18n"
import { makeI18n, type Language } from "../i18n"
import { click, render, waitFor, type Rendered } from "../../../tests/support/panel-testing"
import { ExportMenu } from "./ExportMenu"
import { EXPORT_CATALOGUE } from "./messages"

const ACCOUNT = "salesforce:acme:001Aa0000000001IAA"

function mount(language: Language, accountKey: string | null, send: (m: PanelMessage) => Promise<Reply>) {
  return render(
    <I18nProvider value={makeI18n(language)}>
      <ExportMenu accountKey={accountKey} send={send} />
    </I18nProvider>
  )
}
const byTestId = (r: Rendered, id: string) => r.container.querySelector<HTMLElement>(`[data-testid="${id}"]`)

describe("ExportMenu", () => {
  let r: Rendered | undefined
  afterEach(() => {
    r?.unmount()
    vi.restoreAllMocks()
  })

  it("offers only the team CSV and import without an account, in the panel's language", () => {
    r = mount("fa", null, vi.fn())
    expect(byTestId(r, "export-menu")).not.toBeNull()
    expect(byTestId(r, "export-toggle")!.textContent).toBe(EXPORT_CATALOGUE.fa.exportButton)
    click(byTestId(r, "export-toggle"))
    expect(byTestId(r, "export-csv")).not.toBeNull()
    expect(byTestId(r, "export-import")).not.toBeNull()
    expect(byTestId(r, "export-pdf")).toBeNull()
    expect((byTestId(r, "export-csv-redact") as HTMLInputElement).checked).toBe(true)
  })

  it("exports the (redacted) snapshot JSON with a file name carrying account, date and language", async () => {
    const snapshot = await sampleSnapshot()
    const send = vi.fn(async (m: PanelMessage): Promise<Reply> => (m.type === "save-snapshot" ? { ok: true, data: snapshot } : { ok: false, error: "unexpected" }))
    const saved: { name: string; blob: Blob }[] = []
    let lastBlob: Blob | undefined
    vi.spyOn(URL, "createObjectURL").mockImplementation((b) => ((lastBlob = b as Blob), "blob:x"))
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ name: this.download, blob: lastBlob! })
    })
    r = mount("en", ACCOUNT, send)
    click(byTestId(r, "export-toggle"))
    click(byTestId(r, "export-redact"))
    click(byTestId(r, "export-json"))
    await waitFor(() => saved.length > 0, 5000)
    expect(send).toHaveBeenCalledWith({ type: "save-snapshot", accountKey: ACCOUNT })
    expect(saved[0]!.name).toBe("parley-globex-corporation-2026-11-20-en-redacted.json")
    const text = await saved[0]!.blob.text()
    expect(text).not.toContain(CANARY)
    expect(JSON.parse(text).payload.redacted).toBe(true)
    await waitFor(() => byTestId(r!, "export-status")!.dataset.state === "done")
  })

  it("refuses a tampered import with the reason in the panel's language", async () => {
    const snapshot = await sampleSnapshot()
    const send = vi.fn(async (): Promise<Reply> => ({ ok: true }))
    r = mount("fa", ACCOUNT, send)
    click(byTestId(r, "export-toggle"))
    const input = byTestId(r, "export-import") as HTMLInputElement
    const file = new File([JSON.stringify({ ...snapshot, createdAt: snapshot.createdAt + 1 })], "x.json", { type: "application/json" })
    Object.defineProperty(input, "files", { value: [file], configurable: true })
    input.dispatchEvent(new Event("change", { bubbles: true }))
    const status = await waitFor(() => (byTestId(r!, "export-status")!.dataset.state === "error" ? byTestId(r!, "export-status") : null), 5000)
    expect(status!.textContent).toContain(EXPORT_CATALOGUE.fa.importTampered)
    expect(send).not.toHaveBeenCalled()
  })

  it("asks before sharing and says what will be attached", async () => {
    const send = vi.fn(async (): Promise<Reply> => ({ ok: true }))
    r = mount("en", ACCOUNT, send)
    click(byTestId(r, "export-toggle"))
    click(byTestId(r, "export-share"))
    expect(byTestId(r, "share-dialog")!.textContent).toContain("Attach this snapshot to the account in Salesforce?")
    expect(byTestId(r, "share-redaction")!.textContent).toBe(EXPORT_CATALOGUE.en.shareFull)
    expect(send).not.toHaveBeenCalled()
    click(byTestId(r, "share-close"))
    expect(byTestId(r, "share-dialog")).toBeNull()
  })
})
