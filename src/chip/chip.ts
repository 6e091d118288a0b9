/**
 * The inline pricing chip: a small pill next to a CRM price field showing what the rep is typing
 * in compact form ("$50K") and Parley's suggestion ("$49,750", FRAMEWORK.md §3 R3/R5), which one
 * click copies to the clipboard. A second button switches opening/closing. Parley NEVER writes
 * into a CRM field: the rep pastes the figure themselves.
 *
 * Cost per keystroke: one `input` listener that restarts a ~150 ms timer; when it fires,
 * parseTypedAmount + formatAmount + suggestPricing on one number (well under a millisecond) and a
 * few `textContent` writes. No layout is read while typing: the chip is positioned once, when it
 * mounts (in an animation frame, where the layout is computed anyway).
 *
 * Isolation: the host is a zero-size, absolutely positioned element inserted right after the input
 * (it takes no room in the CRM's layout; its static position is the input's end) with `all: initial`
 * inline, and a closed shadow root holding the UI and all of its styles. The UI is built with
 * createElement/textContent only. Events stop at the shadow root, and `mousedown` is cancelled so
 * clicking the chip never takes focus from the field (an Aura/LWC cell would leave edit mode).
 *
 * Lifetime: the chip lives while its input has focus. On focusout, and on a 500 ms timer that runs
 * only while the chip is mounted, it checks the input: gone from the DOM or unfocused → the chip
 * removes itself; the host dropped by a CRM re-render while the input stays → re-inserted. No
 * document-wide MutationObserver.
 */
import { LOCALES, languageOf, type Language } from "../i18n/language"
import type { MessageId } from "../i18n/engine"
import { msg, type ParamsOf } from "../i18n/message"
import { renderMessage, withoutIsolates } from "../i18n/render"
import { formatAmount, isPricingError, MAX_AMOUNT, parseTypedAmount, suggestPricing } from "../pricing"
import type { ChipCrm, PriceField } from "./detect"

export type ChipMode = "opening" | "closing"

export interface ClipboardLike {
  writeText(text: string): Promise<void>
}

export interface ChipOptions {
  crm: ChipCrm
  field: PriceField
  locale: string
  /** The rep's Parley language; absent: the page locale's language. */
  language?: Language
  currency: string
  mode?: ChipMode
  onModeChange?: (mode: ChipMode) => void
  /** Debounce of typing, ms. */
  debounceMs?: number
  /** Removal check while mounted, ms. */
  checkMs?: number
  /** Defaults to navigator.clipboard. */
  clipboard?: ClipboardLike
}

export interface ChipView {
  /** Compact form of what is typed ("$50K", "10%"), "" when the field is empty, "?" when unreadable. */
  typed: string
  /** The suggestion to show ("$49,750"), null when there is none (discount fields, unreadable input). */
  suggestion: string | null
  /** What the copy button puts on the clipboard: a plain number the CRM field accepts ("49750"). */
  copyText: string | null
  /** A short line instead of a figure (discount fields) or why there is no suggestion. */
  note: string | null
}

export interface MountedChip {
  readonly input: HTMLInputElement
  readonly host: HTMLElement
  /** The closed shadow root (kept for tests; the page cannot reach it). */
  readonly root: ShadowRoot
  readonly view: ChipView
  readonly mode: ChipMode
  setMode(mode: ChipMode): void
  /** Recompute now from the input's value (used when the chip mounts or the mode changes). */
  refresh(): void
  destroy(): void
}

const DEFAULT_DEBOUNCE_MS = 150
const DEFAULT_CHECK_MS = 500
const COPIED_MS = 1500

/** Fields where the chip suggests a price; the others are discounts. */
const PRICE_FIELDS: ReadonlySet<PriceField> = new Set(["UnitPrice", "ListPrice", "Amount", "priceperunit", "totalamount"])
const PERCENT_FIELDS: ReadonlySet<PriceField> = new Set(["Discount"])

/** The chip's words in its language (the rep's Parley language, else the page's). */
/** The chip's messages without parameters (the catalogue decides; c.unreadable is built where used). */
type Word = { [K in MessageId]: K extends `c.${string}` ? ([ParamsOf<K>] extends [never] ? K : never) : never }[MessageId]
function say(id: Word, language: Language): string {
  return renderMessage(msg(id), language)
}

/** "Copied", in English: for tests that read the English chip. */
export const COPIED = say("c.copied", "en")
/** R1: a discount gets a reason that does not touch quality (FRAMEWORK.md §3). */
export const DISCOUNT_NOTE = say("c.discountNote", "en")
/** Shown while the field is empty: what the chip is waiting for. */
export const EMPTY_NOTE = say("c.empty", "en")

const mounted = new WeakMap<HTMLInputElement, MountedChip>()

export function chipFor(input: HTMLInputElement): MountedChip | undefined {
  return mounted.get(input)
}

const plainFormats = new Map<string, Intl.NumberFormat>()

/** A number as the rep would type it into the field: no grouping, Latin digits, the locale's decimal mark. */
export function plainNumber(amount: number, locale: string): string {
  let f = plainFormats.get(locale)
  if (!f) {
    try {
      f = new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 2, numberingSystem: "latn" })
    } catch {
      f = new Intl.NumberFormat("en-US", { useGrouping: false, maximumFractionDigits: 2 })
    }
    plainFormats.set(locale, f)
  }
  return f.format(amount)
}

function percent(value: number, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(value / 100)
  } catch {
    return `${value} %`
  }
}

/** The chip's content for a typed text: pure, the whole per-keystroke computation. */
export function computeView(text: string, options: Pick<ChipOptions, "field" | "locale" | "currency" | "language"> & { mode: ChipMode }): ChipView {
  const { field, locale, currency, mode } = options
  // Typed text is read in the page's locale (the CRM field's own decimal mark) and the copy is
  // written back in it; what the chip says and shows is in the rep's language.
  const language = options.language ?? languageOf(locale)
  const shown = language === languageOf(locale) ? locale : LOCALES[language]
  if (!text.trim()) return { typed: "", suggestion: null, copyText: null, note: PRICE_FIELDS.has(field) ? say("c.empty", language) : null }
  const amount = parseTypedAmount(text, locale)
  if (amount === null || !Number.isFinite(amount)) return { typed: "?", suggestion: null, copyText: null, note: renderMessage(msg("c.unreadable", { example: 49750 }), language) }
  if (!(amount > 0)) return { typed: "?", suggestion: null, copyText: null, note: say("c.notPositive", language) }
  if (amount > MAX_AMOUNT) return { typed: "?", suggestion: null, copyText: null, note: say("c.tooLarge", language) }
  if (PERCENT_FIELDS.has(field)) return { typed: percent(amount, shown), suggestion: null, copyText: null, note: say("c.discountNote", language) }
  const typed = formatAmount(amount, { currency, locale: shown, style: "compact" })
  if (!PRICE_FIELDS.has(field)) return { typed, suggestion: null, copyText: null, note: say("c.discountNote", language) }
  const result = suggestPricing({ amount, currency, locale: shown, mode })
  if (isPricingError(result)) return { typed, suggestion: null, copyText: null, note: withoutIsolates(result.error).replace(/^Invalid pricing input — /, "") }
  return { typed, suggestion: result.display, copyText: plainNumber(result.suggestedPrice, locale), note: null }
}

const STYLE = `
.chip{position:absolute;top:0;right:0;display:flex;align-items:center;gap:6px;box-sizing:border-box;
  padding:2px 3px 2px 9px;font:500 12px/18px system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
  color:#181b20;background:#fff;border:1px solid #c3cad4;border-radius:999px;
  box-shadow:0 2px 6px rgba(0,0,0,.16);white-space:nowrap;visibility:hidden;cursor:default;
  -webkit-user-select:none;user-select:none}
.chip[data-placed]{visibility:visible}
.brand{font-weight:700;color:#0b5cab}
.typed{color:#4c5561;font-variant-numeric:tabular-nums}
.typed:empty{display:none}
.arrow{color:#8a929c}
button{all:unset;box-sizing:border-box;padding:0 8px;border-radius:999px;cursor:pointer;line-height:18px}
.copy{background:#0b5cab;color:#fff;font-weight:700;font-variant-numeric:tabular-nums}
.copy:hover{background:#084a8a}
.copy[disabled]{background:#c3cad4;cursor:default}
.mode{border:1px solid #c3cad4;color:#181b20}
.mode:hover{background:#eef1f5}
.note{color:#4c5561;max-width:320px;overflow:hidden;text-overflow:ellipsis}
.copy[data-copied]{background:#1a7f37}
.note:empty{display:none}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
[hidden]{display:none !important}
`

/** Host declarations: inline (beats the CRM's selectors), `all: initial` first. */
const HOST_STYLE = [
  "all: initial !important",
  "position: absolute !important",
  "display: block !important",
  "width: 0 !important",
  "height: 0 !important",
  "margin: 0 !important",
  "padding: 0 !important",
  "border: 0 !important",
  "overflow: visible !important",
  "z-index: 2147483000 !important",
  "pointer-events: auto !important"
].join("; ")

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className: string, text = ""): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag)
  node.className = className
  if (text) node.textContent = text
  return node
}

function applyStyles(doc: Document, root: ShadowRoot): void {
  try {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(STYLE)
    root.adoptedStyleSheets = [sheet]
    return
  } catch {
    // no constructable stylesheets: a <style> element inside the shadow root
  }
  const style = doc.createElement("style")
  style.textContent = STYLE
  root.append(style)
}

/** Runs `fn` in the next animation frame (where layout is computed anyway); returns a canceller. */
function nextFrame(fn: () => void): () => void {
  if (typeof requestAnimationFrame === "function") {
    const id = requestAnimationFrame(fn)
    return () => cancelAnimationFrame(id)
  }
  const id = setTimeout(fn, 0)
  return () => clearTimeout(id)
}

export function mountChip(input: HTMLInputElement, options: ChipOptions): MountedChip {
  const existing = mounted.get(input)
  if (existing) {
    existing.refresh()
    return existing
  }
  const doc = input.ownerDocument
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS
  const checkMs = options.checkMs ?? DEFAULT_CHECK_MS
  let mode: ChipMode = options.mode ?? "opening"
  let view: ChipView = { typed: "", suggestion: null, copyText: null, note: null }
  let lastText: string | null = null
  let lastMode: ChipMode = mode
  let debounce: ReturnType<typeof setTimeout> | undefined
  let copiedTimer: ReturnType<typeof setTimeout> | undefined
  let destroyed = false
  let cancelPlace = () => {}

  const host = doc.createElement("parley-pricing-chip")
  host.style.cssText = HOST_STYLE
  host.setAttribute("data-parley", "pricing-chip")
  const root = host.attachShadow({ mode: "closed" })
  applyStyles(doc, root)

  const chip = el(doc, "div", "chip")
  chip.setAttribute("role", "group")
  const language = options.language ?? languageOf(options.locale)
  chip.setAttribute("aria-label", say("c.label", language))
  const brand = el(doc, "span", "brand", say("c.brand", language))
  const typed = el(doc, "span", "typed")
  typed.title = say("c.typedTitle", language)
  const arrow = el(doc, "span", "arrow", "→")
  const copy = el(doc, "button", "copy")
  copy.type = "button"
  copy.tabIndex = -1
  copy.title = say("c.copyTitle", language)
  const modeButton = el(doc, "button", "mode")
  modeButton.type = "button"
  modeButton.tabIndex = -1
  modeButton.title = say("c.modeTitle", language)
  const note = el(doc, "span", "note")
  // "Copied" replaces the figure on the button (the chip keeps its width, so nothing moves under
  // the pointer); the status line says it to screen readers.
  const status = el(doc, "span", "sr")
  status.setAttribute("role", "status")
  chip.append(brand, typed, arrow, copy, modeButton, note, status)
  root.append(chip)

  const pricing = PRICE_FIELDS.has(options.field)

  const render = () => {
    typed.textContent = view.typed
    arrow.hidden = !view.typed || !pricing
    copy.hidden = !pricing
    if (copiedTimer === undefined) copy.textContent = view.suggestion ?? "—"
    copy.disabled = !view.copyText
    modeButton.hidden = !pricing
    modeButton.textContent = say(mode === "opening" ? "c.opening" : "c.closing", language)
    modeButton.setAttribute("aria-pressed", mode === "closing" ? "true" : "false")
    note.textContent = view.note ?? ""
    note.title = view.note ?? ""
  }

  const compute = (force: boolean) => {
    const text = input.value
    if (!force && text === lastText && mode === lastMode) return
    lastText = text
    lastMode = mode
    view = computeView(text, { field: options.field, locale: options.locale, currency: options.currency, language, mode })
    render()
  }

  const onInput = () => {
    if (debounce !== undefined) clearTimeout(debounce)
    debounce = setTimeout(() => {
      debounce = undefined
      compute(false)
    }, debounceMs)
  }

  const place = () => {
    if (destroyed || !host.isConnected) return
    // One read of both boxes, then writes: the chip sits just under the input's end.
    const box = input.getBoundingClientRect()
    const anchor = host.getBoundingClientRect()
    const rtl = (input.closest("[dir]")?.getAttribute("dir") ?? doc.documentElement.dir) === "rtl"
    chip.style.top = `${Math.round(box.bottom - anchor.top + 2)}px`
    if (rtl) {
      chip.style.right = "auto"
      chip.style.left = `${Math.round(box.left - anchor.left)}px`
    } else {
      chip.style.right = `${Math.round(anchor.left - box.right)}px`
    }
    chip.setAttribute("data-placed", "")
  }

  const insertHost = () => {
    input.after(host)
    cancelPlace()
    cancelPlace = nextFrame(place)
  }

  const check = () => {
    if (destroyed) return
    if (!input.isConnected || !isFocused()) {
      handle.destroy()
      return
    }
    if (!host.isConnected) insertHost()
  }

  /** Focus is on the input (also inside an open shadow root) or, after an uncancelled click, on the chip. */
  const isFocused = () => {
    const rootNode = input.getRootNode() as Document | ShadowRoot
    return rootNode.activeElement === input || doc.activeElement === host
  }

  const onFocusOut = (event: FocusEvent) => {
    // Focus moving into the chip (a click that was not cancelled) keeps it.
    if (event.relatedTarget === host) return
    setTimeout(check, 0)
  }

  const copyNow = () => {
    const text = view.copyText
    if (!text) return
    const clipboard = options.clipboard ?? (typeof navigator !== "undefined" ? navigator.clipboard : undefined)
    const done = (copied: boolean) => {
      if (destroyed) return
      const message = say(copied ? "c.copied" : "c.copyFailed", language)
      if (copiedTimer !== undefined) clearTimeout(copiedTimer)
      status.textContent = message
      copy.textContent = message
      copy.toggleAttribute("data-copied", copied)
      copiedTimer = setTimeout(() => {
        copiedTimer = undefined
        status.textContent = ""
        copy.removeAttribute("data-copied")
        render()
      }, COPIED_MS)
    }
    if (!clipboard) {
      done(false)
      return
    }
    clipboard.writeText(text).then(
      () => done(true),
      () => done(false)
    )
  }

  // Clicks stay inside Parley: no focus change, nothing bubbles to the CRM's handlers.
  const swallow = (event: Event) => event.stopPropagation()
  chip.addEventListener("mousedown", (event) => {
    event.preventDefault()
    event.stopPropagation()
  })
  for (const type of ["click", "pointerdown", "pointerup", "mouseup", "dblclick", "keydown"]) chip.addEventListener(type, swallow)
  copy.addEventListener("click", copyNow)
  modeButton.addEventListener("click", () => handle.setMode(mode === "opening" ? "closing" : "opening"))

  input.addEventListener("input", onInput)
  input.addEventListener("focusout", onFocusOut)
  const timer = setInterval(check, checkMs)

  const handle: MountedChip = {
    input,
    host,
    root,
    get view() {
      return view
    },
    get mode() {
      return mode
    },
    setMode(next) {
      if (next === mode) return
      mode = next
      options.onModeChange?.(next)
      compute(true)
    },
    refresh() {
      if (!host.isConnected && input.isConnected) insertHost()
      compute(false)
    },
    destroy() {
      if (destroyed) return
      destroyed = true
      if (debounce !== undefined) clearTimeout(debounce)
      if (copiedTimer !== undefined) clearTimeout(copiedTimer)
      clearInterval(timer)
      cancelPlace()
      input.removeEventListener("input", onInput)
      input.removeEventListener("focusout", onFocusOut)
      host.remove()
      mounted.delete(input)
    }
  }
  mounted.set(input, handle)
  compute(true)
  insertHost()
  return handle
}
