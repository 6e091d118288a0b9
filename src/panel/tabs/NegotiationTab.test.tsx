// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest"
import type { NegotiationHint } from "../../analysis/profile"
import { I18nProvider, makeI18n } from "../components/I18n"
import { sampleProfile } from "../../../tests/support/panel-fixtures"
import { render, type Rendered } from "../../../tests/support/panel-testing"
import { NegotiationTab, orderHints } from "./NegotiationTab"

const hint = (id: string, priority: NegotiationHint["priority"]): NegotiationHint => ({
  id, priority, title: id, text: "", messages: { title: { id: "a.legacy", params: { text: { text: id } } }, text: { id: "a.legacy", params: { text: { text: "" } } } }, citation: "x", evidence: []
})

describe("negotiation hints", () => {
  let r: Rendered | undefined
  afterEach(() => r?.unmount())

  it("orders hints most important first, keeping the analysis' order within a priority", () => {
    expect(orderHints([hint("a", "low"), hint("b", "high"), hint("c", "medium"), hint("d", "high")]).map((h) => h.id)).toEqual(["b", "d", "c", "a"])
  })

  it("shows each hint with its citation, and an honest empty state without history", () => {
    r = render(
      <I18nProvider value={makeI18n("en")}>
        <NegotiationTab profile={sampleProfile()} />
      </I18nProvider>
    )
    const list = r.container.querySelector('[data-testid="negotiation-hints"]')!
    expect(Number(list.getAttribute("data-count"))).toBeGreaterThan(0)
    for (const item of list.querySelectorAll("[data-hint-id]")) expect(item.querySelector("cite")?.textContent?.trim()).toBeTruthy()
    r.unmount()
    r = render(
      <I18nProvider value={makeI18n("en")}>
        <NegotiationTab profile={null} />
      </I18nProvider>
    )
    expect(r.container.querySelector('[data-testid="negotiation-hints"]')?.getAttribute("data-count")).toBe("0")
    expect(r.container.textContent).toContain("No history yet")
  })
})
