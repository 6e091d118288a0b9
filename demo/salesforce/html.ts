/**
 * A tiny HTML builder for the demo pages: text is always escaped, markup only comes from `h()`,
 * so CRM text (account names, Persian subjects, odd characters) can never become markup.
 */

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

export type Child = Html | string | number | null | undefined | false | Child[]
export type Attrs = Record<string, string | number | boolean | null | undefined>

const VOID = new Set(["br", "hr", "img", "input", "meta", "link"])
/** A line break after these keeps saved pages readable; whitespace between blocks is not text. */
const BREAK_AFTER = /^(?:html|head|body|style|script|div|section|article|header|nav|ul|li|table|thead|tbody|tr|h[1-3]|p|dl|one-.+|flexipage-.+|forcegenerated-.+|records-(?:record-layout|lwc|highlights|base).*|force-record-layout-.+|force-highlights.+|lst-.+|laf-.+|record_flexipage-.+)$/

export function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;")
}

function children(list: Child[]): string {
  return list
    .map((c) => (c instanceof Html ? c.value : Array.isArray(c) ? children(c) : c === null || c === undefined || c === false ? "" : esc(String(c))))
    .join("")
}

/** `h("div", { class: "x" }, "text", h("span", {}, "more"))`. `true` renders a bare attribute. */
export function h(tag: string, attrs: Attrs = {}, ...content: Child[]): Html {
  const attributes = Object.entries(attrs)
    .filter(([, v]) => v !== null && v !== undefined && v !== false)
    .map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${esc(String(v))}"`))
    .join("")
  if (VOID.has(tag)) return new Html(`<${tag}${attributes}>`)
  return new Html(`<${tag}${attributes}>${children(content)}</${tag}>${BREAK_AFTER.test(tag) ? "\n" : ""}`)
}

/** Concatenates without a wrapper element. */
export function frag(...content: Child[]): Html {
  return new Html(children(content))
}

/** Trusted constant markup (styles, the page script, the doctype): never CRM data. */
export function trusted(markup: string): Html {
  return new Html(markup)
}
