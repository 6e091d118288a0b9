/**
 * WAI-ARIA tabs: a tablist with roving tabindex, arrow keys move and activate (mirrored in
 * right-to-left layouts), Home/End jump, and one tabpanel per tab. Only the active panel renders
 * its content, so a lazy tab's code loads when it is first opened.
 */
import { useRef, type KeyboardEvent, type ReactNode } from "react"

export interface TabSpec<Id extends string> {
  id: Id
  label: string
}

/** The tab index a key moves to, or null for keys the tablist does not handle. */
export function nextTabIndex(current: number, key: string, count: number, dir: "ltr" | "rtl"): number | null {
  if (count <= 0) return null
  const forward = dir === "rtl" ? "ArrowLeft" : "ArrowRight"
  const backward = dir === "rtl" ? "ArrowRight" : "ArrowLeft"
  if (key === forward) return (current + 1) % count
  if (key === backward) return (current - 1 + count) % count
  if (key === "Home") return 0
  if (key === "End") return count - 1
  return null
}

interface TabsProps<Id extends string> {
  tabs: readonly TabSpec<Id>[]
  active: Id
  onChange: (id: Id) => void
  label: string
  dir: "ltr" | "rtl"
  idPrefix?: string
  render: (id: Id) => ReactNode
}

export function Tabs<Id extends string>({ tabs, active, onChange, label, dir, idPrefix = "tab", render }: TabsProps<Id>) {
  const refs = useRef(new Map<Id, HTMLButtonElement>())
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = tabs.findIndex((tab) => tab.id === active)
    const next = nextTabIndex(current, event.key, tabs.length, dir)
    if (next === null) return
    event.preventDefault()
    const tab = tabs[next]!
    onChange(tab.id)
    refs.current.get(tab.id)?.focus()
  }
  return (
    <>
      <div role="tablist" aria-label={label} className="tablist" onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            ref={(el) => {
              if (el) refs.current.set(tab.id, el)
              else refs.current.delete(tab.id)
            }}
            type="button"
            role="tab"
            id={`${idPrefix}-${tab.id}`}
            aria-controls={`${idPrefix}-panel-${tab.id}`}
            aria-selected={tab.id === active}
            tabIndex={tab.id === active ? 0 : -1}
            className="tab"
            onClick={() => onChange(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`${idPrefix}-panel-${tab.id}`}
          aria-labelledby={`${idPrefix}-${tab.id}`}
          hidden={tab.id !== active}
          tabIndex={0}
          className="tabpanel"
        >
          {tab.id === active ? render(tab.id) : null}
        </div>
      ))}
    </>
  )
}
