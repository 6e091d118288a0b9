// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest"
import { CrmLocationProvider } from "../components/EvidenceList"
import { I18nProvider, makeI18n } from "../components/I18n"
import { HOST, ORG, sampleProfile } from "../../../tests/support/panel-fixtures"
import { render, type Rendered } from "../../../tests/support/panel-testing"
import { RelationshipTab } from "./RelationshipTab"
import type { RelationshipProfile } from "../../analysis/profile"
import { renderMessage, withoutIsolates } from "../../i18n/render"

const LOCATION = { crm: "salesforce" as const, org: ORG, host: HOST, url: `https://${HOST}/lightning/r/Account/x/view` }

function show(profile: RelationshipProfile | null, language: "en" | "fa" = "en") {
  return render(
    <I18nProvider value={makeI18n(language)}>
      <CrmLocationProvider value={LOCATION}>
        <RelationshipTab profile={profile} />
      </CrmLocationProvider>
    </I18nProvider>
  )
}

describe("Relationship tab", () => {
  let r: Rendered | undefined
  afterEach(() => r?.unmount())

  it("shows each axis with its machine label, a confidence meter and its summary", () => {
    const p = sampleProfile()
    r = show(p)
    const axes = [
      ["relationship-value-origin", p.valueOrigin],
      ["relationship-dominance", p.dominance],
      ["relationship-initiator", p.initiator],
      ["decision-criteria", p.decisionCriteria]
    ] as const
    for (const [testId, axis] of axes) {
      const card = r.container.querySelector(`[data-testid="${testId}"]`)!
      expect(card.getAttribute("data-label")).toBe(axis.label)
      const meter = card.querySelector('[role="meter"]')!
      expect(meter.getAttribute("aria-valuenow")).toBe(String(Math.round(axis.confidence * 100)))
      // The summary in the panel's words, CRM text in <bdi> (textContent has no isolates).
      expect(card.querySelector('[data-testid="axis-summary"]')!.textContent).toBe(withoutIsolates(renderMessage(axis.summary, "en")))
    }
  })

  it("says 'not enough evidence' for an unknown label", () => {
    const p = sampleProfile()
    p.valueOrigin = { ...p.valueOrigin, label: "unknown" }
    r = show(p)
    const card = r.container.querySelector('[data-testid="relationship-value-origin"]')!
    expect(card.getAttribute("data-label")).toBe("unknown")
    expect(card.querySelector(".pill")?.textContent).toBe("Not enough evidence")
  })

  it("draws the four criterion weights as meters", () => {
    const p = sampleProfile()
    r = show(p)
    const meters = [...r.container.querySelectorAll('[data-testid="decision-criteria"] .weights [role="meter"]')]
    expect(meters.map((m) => m.getAttribute("aria-label"))).toEqual(["Price", "Quality", "Delivery", "Support"])
    expect(meters.map((m) => Number(m.getAttribute("aria-valuenow")))).toEqual(
      (["price", "quality", "delivery", "support"] as const).map((c) => Math.round(p.decisionCriteria.weights[c] * 100))
    )
  })

  it("links evidence only to https pages on the CRM host, opened safely", () => {
    r = show(sampleProfile())
    const links = [...r.container.querySelectorAll<HTMLAnchorElement>(".evidence a")]
    expect(links.length).toBeGreaterThan(0)
    for (const a of links) {
      expect(a.getAttribute("href")).toMatch(new RegExp(`^https://${HOST.replace(/\./g, "\\.")}/lightning/r/[A-Za-z]+/[A-Za-z0-9]{18}/view$`))
      expect(a.getAttribute("rel")).toBe("noreferrer noopener")
      expect(a.getAttribute("target")).toBe("_blank")
    }
  })

  it("renders CRM text as text, never as markup", () => {
    const p = sampleProfile()
    p.dominance = { ...p.dominance, summary: { id: "a.legacy", params: { text: { text: '<img src=x onerror="alert(1)">' } } } }
    r = show(p)
    expect(r.container.querySelector("img")).toBeNull()
    expect(r.container.textContent).toContain('<img src=x onerror="alert(1)">')
  })

  it("warns about the Dell trap only when flagged", () => {
    const p = sampleProfile()
    r = show({ ...p, dellTrap: { ...p.dellTrap, flagged: false } })
    expect(r.container.querySelector('[data-testid="dell-trap"]')).toBeNull()
    r.unmount()
    r = show({ ...p, dellTrap: { ...p.dellTrap, flagged: true } })
    expect(r.container.querySelector('[data-testid="dell-trap"]')?.textContent).toContain("Dell trap")
  })

  it("places the account in the strategy quadrant with a text alternative", () => {
    const p = sampleProfile()
    r = show(p)
    const svg = r.container.querySelector('[data-testid="crm-strategy"] svg[role="img"]')!
    expect(svg.querySelector("circle")).not.toBeNull()
    const desc = svg.querySelector("desc")?.textContent ?? ""
    expect(desc).toContain("Customer information")
  })

  it("shows 'no history yet' with every axis unknown when there is no profile", () => {
    r = show(null)
    expect(r.container.querySelector('[data-testid="no-history"]')?.textContent).toContain("No history yet")
    for (const id of ["relationship-value-origin", "relationship-dominance", "relationship-initiator", "decision-criteria"]) {
      expect(r.container.querySelector(`[data-testid="${id}"]`)?.getAttribute("data-label")).toBe("unknown")
    }
  })

  it("speaks Persian with Persian digits", () => {
    r = show(sampleProfile(), "fa")
    expect(r.container.querySelector('[data-testid="relationship-dominance"] h3')?.textContent).toBe("قدرت در مذاکره")
    expect(r.container.querySelector('[data-testid="relationship-dominance"] .meter-value')?.textContent).toMatch(/[۰-۹]/)
  })
})
