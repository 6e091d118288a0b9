// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import type { PanelMessage, Reply } from "../../messaging/messages"
import { db } from "../../model/db"
import { NOW, skippedFile, teamScenario } from "../../../tests/support/rollup-fixtures"
import { click, render, selectOption, waitFor, type Rendered } from "../../../tests/support/panel-testing"
import { I18nProvider } from "../components/I18n"
import { makeI18n } from "../i18n"
import { TeamTab } from "./TeamTab"

function show(extra: { send?: (m: PanelMessage) => Promise<Reply>; onStaleDays?: (d: number) => void } = {}) {
  const send = vi.fn(extra.send ?? (async () => ({ ok: true, data: { orgs: [], at: NOW } }) as Reply))
  const r = render(
    <I18nProvider value={makeI18n("en")}>
      <TeamTab selectedKey={null} onSelect={() => undefined} send={send} staleDays={30} {...(extra.onStaleDays ? { onStaleDays: extra.onStaleDays } : {})} />
    </I18nProvider>
  )
  return { r, send }
}

describe("Team tab views", () => {
  let r: Rendered | undefined
  beforeEach(async () => {
    await db().teamFiles.clear()
    await db().accounts.clear()
    await db().meta.clear()
  })
  afterEach(() => r?.unmount())

  it("opens on the roll-up when the cache holds team files, built from IndexedDB", async () => {
    await db().teamFiles.bulkPut([...teamScenario(), skippedFile("bad1", "tampered")])
    await db().meta.put({ key: "team-refresh:salesforce:00Dlead", value: { crm: "salesforce", org: "00Dlead", watermark: 1, fullAt: null, refreshedAt: NOW, pending: 3 } })
    const s = show()
    r = s.r
    const rows = await waitFor(() => {
      const found = r!.container.querySelectorAll('[data-testid="team-rollup-row"]')
      return found.length ? found : null
    })
    expect(rows).toHaveLength(4)
    expect(r.container.querySelector('[data-testid="team-view-crm"]')?.getAttribute("aria-checked")).toBe("true")
    expect(r.container.querySelector('[data-testid="team-rollup-skipped"] li')?.getAttribute("data-reason")).toBe("tampered")
    expect(r.container.querySelector('[data-testid="team-rollup-status"]')?.textContent).toContain("3 files wait for the next refresh.")
  })

  it("opens on this browser's accounts without team files, and refreshes through the background", async () => {
    await db().accounts.put({ key: "salesforce:o:001A", crm: "salesforce", org: "o", id: "001A", name: "Local Account", seenAt: 1 })
    const s = show()
    r = s.r
    await waitFor(() => r!.container.querySelector('[data-testid="team-table"]'))
    expect(r.container.querySelector('[data-testid="team-rollup"]')).toBeNull()
    click(r.container.querySelector('[data-testid="team-view-crm"]'))
    const refresh = await waitFor(() => r!.container.querySelector('[data-testid="team-rollup-refresh"]'))
    click(refresh)
    expect(s.send).toHaveBeenCalledWith({ type: "refresh-team" })
    await waitFor(() => r!.container.querySelector('[data-testid="team-rollup-status"]')?.textContent?.includes("No CRM org to read yet"))
    click(r.container.querySelector('[data-testid="team-rollup-refresh-full"]'))
    expect(s.send).toHaveBeenLastCalledWith({ type: "refresh-team", full: true })
  })

  it("hands the chosen stale age to the settings", async () => {
    await db().teamFiles.bulkPut(teamScenario())
    const onStaleDays = vi.fn()
    const s = show({ onStaleDays })
    r = s.r
    const select = await waitFor(() => r!.container.querySelector<HTMLSelectElement>('[data-testid="team-rollup-stale"]'))
    selectOption(select, "90")
    expect(onStaleDays).toHaveBeenCalledWith(90)
  })
})
