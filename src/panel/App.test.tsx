// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import { FOCUS_KEY, type Focus } from "../model/focus"
import { syncStatusKey } from "../model/sync-status"
import { db } from "../model/db"
import { readSettings, SETTINGS_KEY } from "../model/settings"
import type { PanelMessage, Reply } from "../messaging/messages"
import { App } from "./App"
import { ACCOUNT_ID, ACCOUNT_KEY, HOST, NOW, OPEN_DEAL_ID, ORG, sampleHistory, sampleProfile } from "../../tests/support/panel-fixtures"
import { click, render, selectOption, typeInto, waitFor, type Rendered } from "../../tests/support/panel-testing"

const DEAL_KEY = `salesforce:${ORG}:${OPEN_DEAL_ID}`
const focus = (recordKey: string | null): Focus => ({
  crm: "salesforce",
  org: ORG,
  host: HOST,
  url: `https://${HOST}/lightning/r/Opportunity/${OPEN_DEAL_ID}/view`,
  recordKey,
  at: NOW,
  tabId: 3
})

/** A stand-in for the background: applies settings like the real handler does. */
function fakeBackground() {
  return vi.fn(async (message: PanelMessage): Promise<Reply> => {
    if (message.type === "set-settings") {
      const current = readSettings((await db().meta.get(SETTINGS_KEY))?.value)
      await db().meta.put({ key: SETTINGS_KEY, value: { ...current, ...message.settings } })
    }
    return { ok: true }
  })
}

async function seed() {
  const h = sampleHistory()
  await db().accounts.put(h.account)
  await db().deals.bulkPut(h.deals)
  await db().quotes.bulkPut(h.quotes)
  await db().interactions.bulkPut(h.interactions)
  await db().cases.bulkPut(h.cases)
  await db().orgs.put({ key: `salesforce:${ORG}`, crm: "salesforce", org: ORG, host: HOST, seenAt: NOW })
  await db().pageRecords.put({
    key: DEAL_KEY,
    crm: "salesforce",
    org: ORG,
    id: OPEN_DEAL_ID,
    objectType: "Opportunity",
    name: "Order 9 — <b>renewal</b>",
    url: focus(DEAL_KEY).url,
    fields: { Amount: { label: "Amount", value: "$49,750.00" }, AccountId: { label: "Account Name", value: "Globex Corporation", relatedId: ACCOUNT_ID } },
    seenAt: NOW
  })
  await db().profiles.put({ accountKey: ACCOUNT_KEY, org: ORG, computedAt: NOW, profile: sampleProfile() })
  await db().meta.put({ key: syncStatusKey(ACCOUNT_KEY), value: { state: "synced", at: NOW } })
  await db().meta.put({ key: FOCUS_KEY, value: focus(DEAL_KEY) })
}

const q = (r: Rendered, testId: string) => r.container.querySelector(`[data-testid="${testId}"]`)
const tab = (r: Rendered, name: string) => [...r.container.querySelectorAll('[role="tab"]')].find((t) => t.textContent === name)

describe("side panel", () => {
  let r: Rendered | undefined
  beforeEach(async () => {
    await Promise.all(db().tables.map((t) => t.clear()))
  })
  afterEach(() => {
    r?.unmount()
    r = undefined
    delete document.documentElement.dataset.theme
  })

  it("says so when no CRM tab has been focused, and still offers Team and Settings", async () => {
    r = render(<App send={fakeBackground()} />)
    await waitFor(() => q(r!, "empty-state"))
    expect(q(r, "record-title")?.textContent).toBe("Parley")
    expect([...r.container.querySelectorAll('[role="tab"]')].map((t) => t.textContent)).toEqual(["Team", "Settings"])
  })

  it("says 'Not a CRM record' on a CRM page that is not a record", async () => {
    await db().meta.put({ key: FOCUS_KEY, value: focus(null) })
    r = render(<App send={fakeBackground()} />)
    await waitFor(() => q(r!, "record-title")?.textContent === "Not a CRM record")
  })

  it("shows the record in view, the account behind it, its sync state and its relationship", async () => {
    await seed()
    r = render(<App send={fakeBackground()} />)
    await waitFor(() => q(r!, "relationship-dominance"))
    expect(q(r, "record-title")?.textContent).toBe("Order 9 — <b>renewal</b>")
    expect(q(r, "record-account")?.textContent).toContain("Globex Corporation")
    expect(q(r, "sync-status")?.getAttribute("data-state")).toBe("synced")
    const p = sampleProfile()
    expect(q(r, "relationship-dominance")?.getAttribute("data-label")).toBe(p.dominance.label)
    expect(q(r, "decision-criteria")?.getAttribute("data-label")).toBe(p.decisionCriteria.label)
    expect(tab(r, "Relationship")?.getAttribute("aria-selected")).toBe("true")
  })

  it("follows the focus row and the sync status live", async () => {
    await seed()
    r = render(<App send={fakeBackground()} />)
    await waitFor(() => q(r!, "sync-status")?.getAttribute("data-state") === "synced")
    await db().meta.put({ key: syncStatusKey(ACCOUNT_KEY), value: { state: "session-expired" } })
    await waitFor(() => q(r!, "sync-status")?.getAttribute("data-state") === "session-expired")
    await db().meta.put({ key: FOCUS_KEY, value: focus(null) })
    await waitFor(() => q(r!, "record-title")?.textContent === "Not a CRM record")
  })

  it("lists negotiation hints most important first", async () => {
    await seed()
    r = render(<App send={fakeBackground()} />)
    await waitFor(() => tab(r!, "Negotiation"))
    click(tab(r, "Negotiation"))
    const hints = await waitFor(() => q(r!, "negotiation-hints"))
    const priorities = [...hints.querySelectorAll("[data-priority]")].map((h) => h.getAttribute("data-priority"))
    expect(priorities.length).toBeGreaterThan(0)
    const rank = { high: 0, medium: 1, low: 2 } as Record<string, number>
    expect(priorities.map((p) => rank[p!])).toEqual([...priorities.map((p) => rank[p!])].sort())
    expect(hints.querySelector("cite")?.textContent).toBeTruthy()
  })

  it("prefills the pricing playground from the page and suggests a price", async () => {
    await seed()
    r = render(<App send={fakeBackground()} />)
    await waitFor(() => tab(r!, "Pricing"))
    click(tab(r, "Pricing"))
    const input = await waitFor(() => q(r!, "pricing-input") as HTMLInputElement | null)
    expect(input.value).toBe("49750")
    const suggestion = await waitFor(() => (q(r!, "pricing-suggestion")?.getAttribute("data-state") === "ready" ? q(r!, "pricing-suggestion") : null), 5000)
    expect(suggestion.querySelector('[data-testid="pricing-display"]')?.textContent).toMatch(/\$/)
    expect(suggestion.querySelectorAll("[data-rule]").length).toBeGreaterThan(0)
    typeInto(input, "abc")
    await waitFor(() => q(r!, "pricing-suggestion")?.getAttribute("data-state") === "empty")
    expect(input.getAttribute("aria-invalid")).toBe("true")
  })

  it("switches to Persian, right to left, through the background", async () => {
    await seed()
    const send = fakeBackground()
    r = render(<App send={send} />)
    await waitFor(() => tab(r!, "Settings"))
    click(tab(r, "Settings"))
    const select = await waitFor(() => r!.container.querySelector<HTMLSelectElement>('[data-testid="settings"] select'))
    selectOption(select, "fa")
    expect(send).toHaveBeenCalledWith({ type: "set-settings", settings: { language: "fa" } })
    await waitFor(() => r!.container.querySelector("main")?.getAttribute("dir") === "rtl")
    expect(document.documentElement.dir).toBe("rtl")
    expect(tab(r, "تنظیمات")?.getAttribute("aria-selected")).toBe("true")
  })

  it("applies the theme setting over the system preference", async () => {
    await db().meta.put({ key: SETTINGS_KEY, value: { theme: "dark" } })
    r = render(<App send={fakeBackground()} />)
    await waitFor(() => document.documentElement.dataset.theme === "dark")
  })

  it("asks before forgetting an org", async () => {
    await seed()
    const send = fakeBackground()
    r = render(<App send={send} />)
    await waitFor(() => tab(r!, "Settings"))
    click(tab(r, "Settings"))
    click(await waitFor(() => q(r!, "forget-org")))
    expect(send).not.toHaveBeenCalledWith(expect.objectContaining({ type: "forget-org" }))
    click(q(r, "forget-org-confirm"))
    expect(send).toHaveBeenCalledWith({ type: "forget-org", crm: "salesforce", org: ORG })
  })

  it("shows an account picked in the team view, and returns to the record", async () => {
    await seed()
    const other = { ...sampleHistory().account, key: `salesforce:${ORG}:001Aa0000000002XXX`, id: "001Aa0000000002XXX", name: "Initech" }
    await db().accounts.put(other)
    r = render(<App send={fakeBackground()} />)
    await waitFor(() => tab(r!, "Team"))
    click(tab(r, "Team"))
    const row = await waitFor(() => r!.container.querySelector(`tr[data-account-key="${other.key}"]`))
    click(row.querySelector("button"))
    const banner = await waitFor(() => (q(r!, "selected-account")?.textContent?.includes("Initech") ? q(r!, "selected-account") : null))
    expect(tab(r, "Relationship")?.getAttribute("aria-selected")).toBe("true")
    expect(q(r, "no-history")).not.toBeNull() // Initech has no profile yet
    expect(q(r, "record-title")?.textContent).toBe("Order 9 — <b>renewal</b>") // the CRM record stays
    click(banner.querySelector("button"))
    await waitFor(() => !q(r!, "selected-account") && q(r!, "relationship-dominance")?.getAttribute("data-label") !== "unknown")
  })
})
