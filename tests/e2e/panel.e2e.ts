/**
 * The briefing a rep sees, on the demo org, in real Chromium: each account's relationship labels
 * come from its synced CRM history (the seeds' cases: GE-like Globex, Dell-like Initech, a
 * Persian-language distributor, a brand-new account), with evidence, hints, pricing, Persian
 * right-to-left layout and the team view.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Page } from "playwright-core"
import { launchBrowser, openPanel, type ExtensionBrowser } from "../../demo/browser"
import { DEMO_ACCOUNTS, sfIds } from "../../demo/org"
import { installDemoOrg, salesforceRecordUrl } from "../../demo/routes"

const [globex, initech, , dariush, hooli] = DEMO_ACCOUNTS as (typeof DEMO_ACCOUNTS)[number][]

let browser: ExtensionBrowser
let crm: Page
let panel: Page

async function show(account: (typeof DEMO_ACCOUNTS)[number]) {
  await crm.goto(salesforceRecordUrl("Account", sfIds.account(account!)))
  await expect.poll(() => panel.getByTestId("record-title").textContent(), { timeout: 15_000 }).toBe(account!.name)
  await expect.poll(() => panel.getByTestId("sync-status").getAttribute("data-state"), { timeout: 30_000 }).toBe("synced")
}

const label = (testId: string) => panel.getByTestId(testId).first().getAttribute("data-label")
const tab = (name: string | RegExp) => panel.getByRole("tab", { name }).click()

beforeAll(async () => {
  browser = await launchBrowser()
  await installDemoOrg(browser.context)
  crm = await browser.context.newPage()
  await crm.goto(salesforceRecordUrl("Account", sfIds.account(globex!)))
  panel = await openPanel(browser)
})
afterAll(async () => {
  await browser?.close()
})

describe("relationship briefing", () => {
  it("reads a GE-like leasing customer as supplier-dominant, with evidence naming its records", async () => {
    await show(globex!)
    await expect.poll(() => label("relationship-dominance"), { timeout: 15_000 }).toBe("supplier")
    expect(await label("relationship-initiator")).toBe("supplier")
    const card = panel.getByTestId("relationship-dominance")
    await card.getByText(/evidence/i).first().click()
    const links = await card.locator("a[href^='https://northwind.lightning.force.com/lightning/r/']").count()
    expect(links).toBeGreaterThan(0)
  })

  it("reads a Dell-like price buyer as customer-dominant and warns of the Dell trap", async () => {
    await show(initech!)
    await expect.poll(() => label("relationship-dominance"), { timeout: 15_000 }).toBe("customer")
    expect(await label("decision-criteria")).toBe("price")
    await expect.poll(() => panel.getByTestId("dell-trap").count()).toBeGreaterThan(0)
    await tab("Negotiation")
    const hints = panel.getByTestId("negotiation-hints")
    await expect.poll(() => hints.textContent()).toMatch(/Dell trap/i)
    // Advice about this account (issue 13): its own discount paths and loss, and a next move with a number.
    const dell = panel.locator("[data-testid='hint'][data-hint-id='dell-trap'] [data-testid='hint-text']")
    const text = ((await dell.textContent()) ?? "").replace(/[\u2068\u2069]/g, "")
    expect(text).toContain("5 → 9 → 12 % off list, won")
    expect(text).toContain("8 → 14 → 18 % off list, lost")
    expect(text).toContain("10 → 16 → 21 % off list so far, still open")
    expect(text).toContain("Price — lost to a cheaper competitor")
    expect(text).toMatch(/Competitors they name: .*ShelfCo/)
    // The deepest discount at which they still bought (12 %, the 2024 shelving RFQ), as the open deal's net.
    expect(text).toMatch(/Next move: hold at 12 % off list, a net of 45,760 on the list 52,000 for “Checkout counters RFQ 2026”/)
    expect(text).toContain("Line for the quote")
    await tab("Relationship")
  })

  it("reads decision criteria from a Persian-language history", async () => {
    await show(dariush!)
    await expect.poll(() => label("decision-criteria"), { timeout: 15_000 }).toMatch(/^(price|delivery|quality)$/)
    expect(await label("relationship-initiator")).toBe("customer")
  })

  it("says 'not enough evidence' for a brand-new account instead of guessing", async () => {
    await show(hooli!)
    for (const id of ["relationship-value-origin", "relationship-dominance", "decision-criteria"]) {
      await expect.poll(() => label(id), { timeout: 15_000 }).toBe("unknown")
    }
  })
})

describe("pricing, team view and Persian", () => {
  it("coaches a precise opening price for an amount typed in the Pricing tab", async () => {
    await show(initech!)
    await tab("Pricing")
    const input = panel.getByTestId("pricing-input")
    await input.fill("50000")
    await expect.poll(() => panel.getByTestId("pricing-suggestion").textContent(), { timeout: 10_000 }).toMatch(/49,750/)
    await expect.poll(() => panel.getByTestId("pricing-suggestion").textContent()).toMatch(/R3/)
  })

  it("answers bad amounts with a clear message, never an exception", async () => {
    const errors: string[] = []
    panel.on("pageerror", (e) => errors.push(e.message))
    const input = panel.getByTestId("pricing-input")
    for (const bad of ["-5", "1e20", "abc"]) {
      await input.fill(bad)
      await panel.waitForTimeout(400)
      const state = await panel.getByTestId("pricing-suggestion").getAttribute("data-state").catch(() => null)
      const hint = await panel.locator(".error-text").count()
      expect(state === "error" || hint > 0, `no message for ${bad}`).toBe(true)
    }
    expect(errors).toEqual([])
  })

  it("lists every account Parley knows in the team view, sortable", async () => {
    await tab("Team")
    const table = panel.getByTestId("team-table")
    for (const account of [globex!, initech!, dariush!, hooli!]) await expect.poll(() => table.textContent(), { timeout: 10_000 }).toContain(account.name)
    const header = table.getByRole("columnheader").first()
    await header.click()
    await expect.poll(() => header.getAttribute("aria-sort")).toMatch(/ascending|descending/)
  })

  it("switches to Persian: right-to-left, Persian labels", async () => {
    await tab("Settings")
    await panel.getByTestId("language-select").selectOption("fa")
    await expect.poll(() => panel.locator("main").first().getAttribute("dir"), { timeout: 10_000 }).toBe("rtl")
    await expect.poll(() => panel.getByRole("tab").first().textContent()).toMatch(/[\u0600-\u06FF]/)
  })
})
