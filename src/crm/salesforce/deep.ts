/**
 * DOM queries and text that also cross OPEN shadow roots. Lightning uses synthetic shadow today
 * (internals are ordinary children), but it is moving to native shadow, where a plain
 * querySelectorAll stops at every component boundary.
 */

const TEXT_NODE = 3
const ELEMENT_NODE = 1
const FRAGMENT_NODE = 11
const BLOCK = new Set(["DIV", "P", "LI", "BR", "TR", "TD", "TH", "DT", "DD", "H1", "H2", "H3", "SECTION", "ARTICLE"])

/** Every open shadow root under `root`, nested ones included. */
export function openShadowRoots(root: ParentNode): ShadowRoot[] {
  const found: ShadowRoot[] = []
  const visit = (node: ParentNode) => {
    for (const el of Array.from(node.querySelectorAll("*"))) {
      const shadow = el.shadowRoot
      if (shadow) {
        found.push(shadow)
        visit(shadow)
      }
    }
  }
  visit(root)
  return found
}

/** querySelectorAll over `root` and its open shadow roots. `roots` (from one earlier walk of a
 * larger tree) saves walking again; only those under `root` are used. */
export function deepQueryAll(root: ParentNode, selector: string, roots?: ShadowRoot[]): Element[] {
  const out = Array.from(root.querySelectorAll(selector))
  const within = roots ? roots.filter((shadow) => isInside(shadow, root)) : openShadowRoots(root)
  for (const shadow of within) out.push(...Array.from(shadow.querySelectorAll(selector)))
  return out
}

/** The first match, trying the cheap light-DOM query before walking shadow roots. */
export function deepQuery(root: ParentNode, selector: string, roots?: ShadowRoot[]): Element | null {
  const light = root.querySelector(selector)
  if (light) return light
  // Not deepQueryAll: it would query the light DOM a second time (a whole-page query, for a scope).
  for (const shadow of roots ? roots.filter((s) => isInside(s, root)) : openShadowRoots(root)) {
    const found = shadow.querySelector(selector)
    if (found) return found
  }
  return null
}

/** Whether a shadow root sits (through any number of hosts) under `root`. */
function isInside(shadow: ShadowRoot, root: ParentNode): boolean {
  let node: Node = shadow.host
  for (;;) {
    if (node === root || (root as unknown as Node).contains(node)) return true
    const top = node.getRootNode() as Node & { host?: Element }
    if (top.nodeType !== FRAGMENT_NODE || !top.host) return false
    if (top === (root as unknown as Node)) return true
    node = top.host
  }
}

/**
 * The text a user sees in `node`: shadow content with slots filled, without elements matching
 * `skip`, whitespace collapsed, blocks separated by a space.
 */
export function deepText(node: Node, skip?: string): string {
  const parts: string[] = []
  const walk = (n: Node) => {
    if (n.nodeType === TEXT_NODE) {
      parts.push((n as Text).data)
      return
    }
    if (n.nodeType === ELEMENT_NODE) {
      const el = n as Element
      if (skip && el.matches(skip)) return
      // Most values are a leaf element around their text: one read instead of a walk over its
      // children (in Firefox every DOM call from a content script crosses a wrapper).
      if (!el.firstElementChild && !el.shadowRoot && el.tagName !== "SLOT") {
        parts.push(el.textContent ?? "")
        if (BLOCK.has(el.tagName)) parts.push(" ")
        return
      }
      if (el.tagName === "SLOT") {
        const assigned = (el as HTMLSlotElement).assignedNodes?.({ flatten: true }) ?? []
        for (const child of assigned.length ? assigned : Array.from(el.childNodes)) walk(child)
        return
      }
      const shadow = el.shadowRoot
      for (const child of Array.from((shadow ?? el).childNodes)) walk(child)
      if (BLOCK.has(el.tagName)) parts.push(" ")
      return
    }
    if (n.nodeType === FRAGMENT_NODE || n.nodeType === 9) {
      for (const child of Array.from(n.childNodes)) walk(child)
    }
  }
  walk(node)
  return parts.join("").replace(/\s+/g, " ").trim()
}
