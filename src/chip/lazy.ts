/**
 * The pricing chip's hook in the main content scripts: ONE capture `focusin` listener on the
 * document that asks `isPriceInput` about the focused element, and on the first price input
 * imports the chip bundle (`pricing-chip.js`, built by scripts/build-chip.mjs, web-accessible on
 * the CRM hosts only) and attaches the chip. Nothing else runs on a CRM page until a price field
 * is focused, so the every-page content script stays within its size budget (DESIGN.md).
 *
 * The bundle is an ES module imported from the isolated world, so it runs there too (chrome.*
 * APIs, the page's DOM, never the page's JavaScript).
 */
import { isPriceInput, type PriceInputMatch } from "./detect"

/** What src/chip/index.ts exports (kept structural: importing its types would not cost bytes, but
 * this file must not depend on the chip module's graph). */
export interface PricingChipModule {
  attachChip(input: HTMLInputElement, context: PriceInputMatch): unknown
}

export const CHIP_BUNDLE = "pricing-chip.js"

export interface LoaderOptions {
  /** Loads the chip module; tests replace it. */
  load?: () => Promise<PricingChipModule>
  /** Defaults to `document`. */
  root?: Document
}

async function defaultLoad(): Promise<PricingChipModule> {
  // chrome.runtime.getURL gives the session's dynamic URL (`use_dynamic_url: true`); it throws
  // once the extension has been reloaded, which the async function turns into a rejection.
  const url = chrome.runtime.getURL(CHIP_BUNDLE)
  return (await import(url)) as PricingChipModule
}

/** Installs the loader; returns a function that removes it. */
export function installPricingChipLoader(options: LoaderOptions = {}): () => void {
  const root = options.root ?? document
  const load = options.load ?? defaultLoad
  let chip: Promise<PricingChipModule> | null = null
  let failed = false

  const onFocusIn = (event: Event) => {
    if (failed) return
    // Inside an open shadow root the event is retargeted to the host; the path has the input.
    const target = (event.composedPath()[0] ?? event.target) as Element | null
    if (!target || target.localName !== "input") return
    const match = isPriceInput(target)
    if (!match) return
    chip ??= load()
    chip.then(
      (module) => {
        if (target.isConnected) module.attachChip(target as HTMLInputElement, match)
      },
      (error: unknown) => {
        // The extension was reloaded (context invalidated) or the bundle is missing: stay quiet
        // and stop trying on this page rather than failing on every focus.
        failed = true
        console.debug("Parley: the pricing chip could not load", error)
      }
    )
  }

  root.addEventListener("focusin", onFocusIn, true)
  return () => root.removeEventListener("focusin", onFocusIn, true)
}
