/**
 * The pricing chip's hook in the main content scripts: ONE capture `focusin` listener on the
 * document that asks the CRM's detector (src/chip/detect.ts) about the focused element and, on
 * the first price input, imports the chip bundle (`pricing-chip.js`, built by
 * scripts/build-chip.mjs, web-accessible on the CRM hosts only with a dynamic URL) and attaches
 * the chip. Until a price field is focused nothing else runs and nothing is loaded, so the
 * every-page content script stays within its size budget (DESIGN.md).
 *
 * The bundle is an ES module imported from the isolated world and runs there (chrome.* APIs, the
 * page's DOM, never the page's JavaScript).
 */
import { extensionUrl } from "../platform/browser"
import type { PriceInputDetector, PriceInputMatch } from "./detect"

/** What src/chip/index.ts exports. */
export interface PricingChipModule {
  attachChip(input: HTMLInputElement, context: PriceInputMatch): unknown
}

async function loadChip(): Promise<PricingChipModule> {
  // getURL gives this session's dynamic URL (use_dynamic_url); it throws once the extension has
  // been reloaded under the page, which the async function turns into a rejection.
  return (await import(extensionUrl("pricing-chip.js"))) as PricingChipModule
}

/**
 * Installs the loader for one CRM (`installPricingChipLoader(isSalesforcePriceInput)`); returns a
 * function that removes it. `load` is for tests.
 */
export function installPricingChipLoader(detect: PriceInputDetector, load: () => Promise<PricingChipModule> = loadChip): () => void {
  let chip: Promise<PricingChipModule> | undefined
  let failed = false
  const onFocusIn = (event: Event) => {
    // Inside an open shadow root the event is retargeted to its host; the path starts at the input.
    const target = event.composedPath()[0] as Element
    const match = failed ? null : detect(target)
    if (!match) return
    chip ??= load()
    chip.then(
      (module) => target.isConnected && module.attachChip(target as HTMLInputElement, match),
      // Extension reloaded or bundle missing: stop trying on this page, quietly.
      (error: unknown) => {
        failed = true
        console.debug("Parley chip:", error)
      }
    )
  }
  document.addEventListener("focusin", onFocusIn, true)
  return () => document.removeEventListener("focusin", onFocusIn, true)
}
