// @vitest-environment happy-dom
import { useState } from "react"
import { afterEach, describe, expect, it } from "vitest"
import { keyDown, render, type Rendered } from "../../../tests/support/panel-testing"
import { nextTabIndex, Tabs } from "./Tabs"

describe("tab keyboard logic", () => {
  it("moves with arrows (mirrored in RTL), wraps, and jumps with Home/End", () => {
    expect(nextTabIndex(0, "ArrowRight", 6, "ltr")).toBe(1)
    expect(nextTabIndex(0, "ArrowLeft", 6, "ltr")).toBe(5)
    expect(nextTabIndex(0, "ArrowLeft", 6, "rtl")).toBe(1)
    expect(nextTabIndex(5, "ArrowRight", 6, "ltr")).toBe(0)
    expect(nextTabIndex(3, "Home", 6, "ltr")).toBe(0)
    expect(nextTabIndex(3, "End", 6, "ltr")).toBe(5)
    expect(nextTabIndex(3, "a", 6, "ltr")).toBeNull()
  })
})

const TABS = [
  { id: "a", label: "Alpha" },
  { id: "b", label: "Beta" },
  { id: "c", label: "Gamma" }
] as const
type Id = (typeof TABS)[number]["id"]

function Harness({ dir }: { dir: "ltr" | "rtl" }) {
  const [active, setActive] = useState<Id>("a")
  return <Tabs tabs={TABS} active={active} onChange={setActive} label="Sections" dir={dir} render={(id) => <p>content {id}</p>} />
}

describe("Tabs", () => {
  let r: Rendered | undefined
  afterEach(() => r?.unmount())

  it("exposes tablist/tab/tabpanel with a roving tabindex, and renders only the active panel", () => {
    r = render(<Harness dir="ltr" />)
    const tabs = [...r.container.querySelectorAll('[role="tab"]')]
    expect(r.container.querySelector('[role="tablist"]')?.getAttribute("aria-label")).toBe("Sections")
    expect(tabs.map((t) => t.getAttribute("aria-selected"))).toEqual(["true", "false", "false"])
    expect(tabs.map((t) => t.getAttribute("tabindex"))).toEqual(["0", "-1", "-1"])
    const panel = r.container.querySelector(`#${tabs[0]!.getAttribute("aria-controls")}`)
    expect(panel?.getAttribute("role")).toBe("tabpanel")
    expect(panel?.getAttribute("aria-labelledby")).toBe(tabs[0]!.id)
    expect(r.container.textContent).toContain("content a")
    expect(r.container.textContent).not.toContain("content b")
  })

  it("moves selection and focus with the arrow keys", () => {
    r = render(<Harness dir="ltr" />)
    const tablist = r.container.querySelector('[role="tablist"]')!
    keyDown(tablist.querySelector('[aria-selected="true"]'), "ArrowRight")
    expect(r.container.querySelector('[aria-selected="true"]')?.textContent).toBe("Beta")
    expect(document.activeElement?.textContent).toBe("Beta")
    expect(r.container.textContent).toContain("content b")
    keyDown(document.activeElement, "End")
    expect(r.container.querySelector('[aria-selected="true"]')?.textContent).toBe("Gamma")
  })

  it("mirrors the arrows right to left", () => {
    r = render(<Harness dir="rtl" />)
    keyDown(r.container.querySelector('[aria-selected="true"]'), "ArrowLeft")
    expect(r.container.querySelector('[aria-selected="true"]')?.textContent).toBe("Beta")
  })
})
