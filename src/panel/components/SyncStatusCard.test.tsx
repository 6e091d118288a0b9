// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest"
import type { PanelMessage, Reply } from "../../messaging/messages"
import { makeI18n } from "../i18n"
import type { SyncStatus } from "../sync"
import { click, render, waitFor, type Rendered } from "../../../tests/support/panel-testing"
import { I18nProvider } from "./I18n"
import { SyncStatusCard } from "./SyncStatusCard"
import { db } from "../../model/db"
import { STORAGE_SESSION_KEY, STORAGE_STATUS_KEY } from "../../model/sync-status"

function show(status: SyncStatus | undefined, crm: "salesforce" | "dynamics" = "salesforce", extra: { onOpenSettings?: () => void; send?: (m: PanelMessage) => Promise<Reply> } = {}) {
  const send = vi.fn(extra.send ?? (async () => ({ ok: true }) as Reply))
  const onOpenSettings = vi.fn(extra.onOpenSettings ?? (() => undefined))
  const r = render(
    <I18nProvider value={makeI18n("en")}>
      <SyncStatusCard status={status} crm={crm} host="crm.contoso.local" tabId={7} syncKey="salesforce:acme:001" onOpenSettings={onOpenSettings} send={send} />
    </I18nProvider>
  )
  return { r, send, onOpenSettings, card: r.container.querySelector('[data-testid="sync-status"]')! }
}

describe("connection card", () => {
  let r: Rendered | undefined
  afterEach(() => {
    r?.unmount()
    vi.unstubAllGlobals()
  })

  it("says 'read from the page' without a status row, and syncs on request", async () => {
    const s = show(undefined)
    r = s.r
    expect(s.card.getAttribute("data-state")).toBe("page-only")
    expect(s.card.textContent).toContain("Read from the page")
    click(s.card.querySelector("button"))
    expect(s.send).toHaveBeenCalledWith({ type: "sync-now", recordKey: "salesforce:acme:001" })
    await waitFor(() => s.card.textContent?.includes("Sync requested."))
  })

  it("shows progress per object while syncing, and pauses on request", async () => {
    const s = show({ state: "syncing", progress: { done: 250, total: 1000, objects: { Task: { done: 200, total: 900 }, Opportunity: { done: 50, total: 100 } } } })
    r = s.r
    expect(s.card.getAttribute("data-state")).toBe("syncing")
    expect(s.card.querySelector('[role="progressbar"]')?.getAttribute("aria-valuenow")).toBe("25")
    expect(s.card.textContent).toContain("250 of 1,000 records")
    expect(s.card.querySelector('[data-object="Task"]')?.textContent).toBe("Task: 200 of 900 records")
    expect(s.card.querySelector('[data-object="Opportunity"]')?.textContent).toBe("Opportunity: 50 of 100 records")
    click(s.card.querySelector("button"))
    expect(s.send).toHaveBeenCalledWith({ type: "pause-sync", recordKey: "salesforce:acme:001" })
    await waitFor(() => s.card.textContent?.includes("Pausing after the current page."))
  })

  it("resumes a paused sync with Sync now, showing how far it got", async () => {
    const s = show({ state: "paused", progress: { done: 40, objects: { Task: { done: 40 } } } })
    r = s.r
    expect(s.card.getAttribute("data-state")).toBe("paused")
    expect(s.card.querySelector('[data-object="Task"]')?.textContent).toBe("Task: 40 records so far")
    const button = s.card.querySelector("button")
    expect(button?.textContent).toBe("Resume")
    click(button)
    expect(s.send).toHaveBeenCalledWith({ type: "sync-now", recordKey: "salesforce:acme:001" })
  })

  it("tells how to fix an expired session, per CRM", () => {
    let s = show({ state: "session-expired" }, "salesforce")
    expect(s.card.querySelector("button")?.textContent).toBe("Reload Salesforce")
    s.r.unmount()
    s = show({ state: "session-expired" }, "dynamics")
    r = s.r
    expect(s.card.querySelector("button")?.textContent).toBe("Sign in to Dynamics again")
    expect(s.card.textContent).toContain("Sign in to Dynamics 365 again")
  })

  it("asks for the on-premises host from the click itself, then syncs", async () => {
    const request = vi.fn(async () => true)
    vi.stubGlobal("chrome", { permissions: { request } })
    const s = show({ state: "permission-needed" }, "dynamics")
    r = s.r
    click(s.card.querySelector("button"))
    expect(request).toHaveBeenCalledWith({ origins: ["https://crm.contoso.local/*"] })
    await waitFor(() => s.send.mock.calls.length > 0)
    expect(s.send).toHaveBeenCalledWith({ type: "sync-now", recordKey: "salesforce:acme:001" })
  })

  it("reports a declined permission without syncing", async () => {
    vi.stubGlobal("chrome", { permissions: { request: async () => false } })
    const s = show({ state: "permission-needed" }, "dynamics")
    r = s.r
    click(s.card.querySelector("button"))
    await waitFor(() => s.card.textContent?.includes("Access was not granted"))
    expect(s.send).not.toHaveBeenCalled()
  })

  it("sends the rep to Settings when the API budget is used", () => {
    const s = show({ state: "budget-exhausted" })
    r = s.r
    click(s.card.querySelector("button"))
    expect(s.onOpenSettings).toHaveBeenCalled()
  })

  it("shows an error's message and diagnostics as text, and a failed retry's reason", async () => {
    const s = show({ state: "error", message: "HTTP 500 <b>boom</b>", diagnostics: { status: 500, api: "v62.0" } }, "salesforce", {
      send: async () => ({ ok: false, error: "no answer within 5000 ms" })
    })
    r = s.r
    expect(s.card.getAttribute("data-state")).toBe("error")
    expect(s.card.querySelector("b")).toBeNull()
    expect(s.card.textContent).toContain("HTTP 500 <b>boom</b>")
    expect(s.card.querySelector("details")?.textContent).toContain("v62.0")
    click(s.card.querySelector("button"))
    await waitFor(() => s.card.querySelector('[role="alert"]')?.textContent?.includes("no answer within 5000 ms"))
  })
})

describe("a full browser on the connection card", () => {
  let r: Rendered | undefined
  afterEach(async () => {
    r?.unmount()
    vi.unstubAllGlobals()
    await db().meta.delete(STORAGE_STATUS_KEY)
  })

  for (const [language, title, what] of [
    ["en", "Browser storage full", "your settings"],
    ["fa", "فضای ذخیره‌سازی مرورگر پر است", "تنظیمات شما"]
  ] as const) {
    it(`shows 'storage full' over the account's own status, with what was refused (${language})`, async () => {
      await db().meta.put({ key: STORAGE_STATUS_KEY, value: { state: "full", at: Date.UTC(2026, 10, 20, 9), operation: "set-settings" } })
      r = render(
        <I18nProvider value={makeI18n(language)}>
          <SyncStatusCard status={{ state: "synced", at: 1 }} crm="dynamics" host="crm.contoso.local" syncKey="dynamics:contoso:1" onOpenSettings={() => undefined} send={async () => ({ ok: true })} />
        </I18nProvider>
      )
      const card = r.container.querySelector('[data-testid="sync-status"]')!
      await waitFor(() => card.getAttribute("data-state") === "storage-full")
      expect(card.textContent).toContain(title)
      expect(r.container.querySelector('[data-testid="storage-refused"]')?.textContent).toContain(what)
    })
  }

  it("shows the mirror in extension session storage when the database had no room for the row", async () => {
    const listeners: ((changes: Record<string, { newValue?: unknown }>, area: string) => void)[] = []
    vi.stubGlobal("chrome", {
      storage: {
        session: { get: async () => ({ [STORAGE_SESSION_KEY]: { state: "full", at: 5, operation: "observe" } }) },
        onChanged: { addListener: (l: (typeof listeners)[number]) => listeners.push(l), removeListener: () => undefined }
      }
    })
    r = render(
      <I18nProvider value={makeI18n("en")}>
        <SyncStatusCard status={undefined} crm="salesforce" host="x" syncKey="salesforce:acme:001" onOpenSettings={() => undefined} send={async () => ({ ok: true })} />
      </I18nProvider>
    )
    const card = r.container.querySelector('[data-testid="sync-status"]')!
    await waitFor(() => card.getAttribute("data-state") === "storage-full")
    expect(r.container.querySelector('[data-testid="storage-refused"]')?.textContent).toContain("the record you opened")
    // Cleared (a prune): the card is back to the account's own status.
    for (const l of listeners) l({ [STORAGE_SESSION_KEY]: {} }, "session")
    await waitFor(() => card.getAttribute("data-state") === "page-only")
  })
})
