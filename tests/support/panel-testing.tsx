/**
 * Minimal DOM test helpers for component tests under happy-dom (no @testing-library here):
 * render into a fresh container with React 18's createRoot inside act(), and poll for
 * asynchronous results (live queries, debounces).
 */
import type { ReactElement } from "react"
import { createRoot, type Root } from "react-dom/client"
import { act } from "react-dom/test-utils"

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

export interface Rendered {
  container: HTMLElement
  root: Root
  rerender(element: ReactElement): void
  unmount(): void
}

export function render(element: ReactElement): Rendered {
  const container = document.createElement("div")
  document.body.append(container)
  const root = createRoot(container)
  act(() => root.render(element))
  return {
    container,
    root,
    rerender: (next) => act(() => root.render(next)),
    unmount: () => {
      act(() => root.unmount())
      container.remove()
    }
  }
}

/** Polls `probe` (letting React and timers run) until it returns something truthy. */
export async function waitFor<T>(probe: () => T | null | undefined | false, timeoutMs = 3000): Promise<T> {
  const start = Date.now()
  for (;;) {
    const value = probe()
    if (value) return value
    if (Date.now() - start > timeoutMs) throw new Error("waitFor: timed out")
    await act(async () => {
      await new Promise((r) => setTimeout(r, 10))
    })
  }
}

export function click(el: Element | null | undefined): void {
  if (!el) throw new Error("click: no element")
  act(() => {
    el.dispatchEvent(new MouseEvent("click", { bubbles: true }))
  })
}

export function keyDown(el: Element | null | undefined, key: string): void {
  if (!el) throw new Error("keyDown: no element")
  act(() => {
    el.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true }))
  })
}

/** Sets an input's value the way React notices (through the native setter), then fires input. */
export function typeInto(el: HTMLInputElement | null, value: string): void {
  if (!el) throw new Error("typeInto: no element")
  act(() => {
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), "value")?.set
    setter?.call(el, value)
    el.dispatchEvent(new Event("input", { bubbles: true }))
  })
}

export function selectOption(el: HTMLSelectElement | null, value: string): void {
  if (!el) throw new Error("selectOption: no element")
  act(() => {
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), "value")?.set
    setter?.call(el, value)
    el.dispatchEvent(new Event("change", { bubbles: true }))
  })
}
