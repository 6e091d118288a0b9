// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { db } from "../../model/db"
import { I18nProvider, makeI18n } from "../components/I18n"
import { ACCOUNT_KEY, OPEN_DEAL_ID, ORG, sampleHistory, sampleProfile } from "../../../tests/support/panel-fixtures"
import { render, waitFor, type Rendered } from "../../../tests/support/panel-testing"
import { HistoryTab } from "./HistoryTab"

async function seed() {
  const h = sampleHistory()
  await db().accounts.put(h.account)
  await db().interactions.bulkPut(h.interactions)
  await db().deals.bulkPut(h.deals)
  await db().quotes.bulkPut(h.quotes)
  await db().cases.bulkPut(h.cases)
}

const show = (accountKey: string | null, language: "en" | "fa" = "en") =>
  render(
    <I18nProvider value={makeI18n(language)}>
      <HistoryTab accountKey={accountKey} profile={sampleProfile()} openKeys={[`salesforce:${ORG}:${OPEN_DEAL_ID}`]} defaultCurrency="USD" amountStyle="compact" />
    </I18nProvider>
  )

describe("History tab", () => {
  let r: Rendered | undefined
  beforeEach(async () => {
    await Promise.all(db().tables.map((t) => t.clear()))
  })
  afterEach(() => r?.unmount())

  it("draws four charts, each with a text alternative and a data table", async () => {
    await seed()
    r = show(ACCOUNT_KEY)
    const figures = await waitFor(() => {
      const f = [...r!.container.querySelectorAll("figure[data-chart]")]
      return f.length === 4 ? f : null
    })
    expect(figures.map((f) => f.getAttribute("data-chart"))).toEqual(["interactions", "discounts", "revisions", "cases"])
    for (const f of figures) {
      const canvas = f.querySelector("canvas")!
      expect(canvas.getAttribute("role")).toBe("img")
      expect(canvas.getAttribute("aria-label")?.length).toBeGreaterThan(10)
      expect(f.querySelector(".visually-hidden table tbody tr")).not.toBeNull()
    }
    const interactions = figures[0]!
    // 24 activities, alternating inbound and outbound: 12 each.
    expect(interactions.querySelector("figcaption")?.textContent).toContain("12 contacts from the customer and 12 from us")
    expect(figures[3]!.querySelector("figcaption")?.textContent).toContain("1 still open")
  })

  it("says 'no history yet' for an account without records", async () => {
    r = show("salesforce:acme:001Aa0000000777AAA")
    await waitFor(() => r!.container.querySelector('[data-testid="no-history"]'))
  })

  it("writes its tables in Persian with Persian digits", async () => {
    await seed()
    r = show(ACCOUNT_KEY, "fa")
    const table = await waitFor(() => r!.container.querySelector('figure[data-chart="interactions"] table'))
    expect(table.querySelector("th")?.textContent).toBe("ماه")
    expect(table.querySelector("tbody td")?.textContent).toMatch(/^[۰-۹]+$/)
  })
})
