/**
 * Entry of the lazily loaded chip bundle (`pricing-chip.js`, an ES module built by
 * scripts/build-chip.mjs and imported by src/chip/lazy.ts from the main content scripts on the
 * first focused price field). Everything heavy — the pricing engine, zod, the UI — lives here.
 */
import { mountChip, type ChipMode, type MountedChip } from "./chip"
import { pageLocale, recordCurrency } from "./context"
import type { PriceInputMatch } from "./detect"
import { isLanguage, REP_LANGUAGE_KEY, type Language } from "../i18n/language"
import { onLocalChanged, readLocal } from "../platform/browser"

/** The rep's Parley language, mirrored by the background into extension storage; undefined
 * (the page's language then) outside an extension or before the rep ever chose one. */
async function readRepLanguage(): Promise<Language | undefined> {
  try {
    const value = await readLocal(REP_LANGUAGE_KEY)
    return isLanguage(value) ? value : undefined
  } catch {
    return undefined
  }
}

// Read before the module resolves (top-level await), so the first chip already speaks it.
let repLanguage = await readRepLanguage()
onLocalChanged(REP_LANGUAGE_KEY, (value) => {
  repLanguage = isLanguage(value) ? value : undefined
})

/** The rep's last choice holds for every field on the page (a quote is opened or closed as a whole). */
let preferredMode: ChipMode = "opening"

/**
 * Shows the chip next to a focused price input (called by src/chip/lazy.ts on each focus of one);
 * null when the rep has already left the field while the bundle was loading.
 */
export function attachChip(input: HTMLInputElement, context: PriceInputMatch): MountedChip | null {
  if ((input.getRootNode() as Document | ShadowRoot).activeElement !== input) return null
  return mountChip(input, {
    crm: context.crm,
    field: context.field,
    locale: pageLocale(input.ownerDocument),
    ...(repLanguage ? { language: repLanguage } : {}),
    currency: recordCurrency(input, context.crm),
    mode: preferredMode,
    onModeChange: (mode) => {
      preferredMode = mode
    }
  })
}

export type { MountedChip, ChipMode } from "./chip"
export type { PriceInputMatch } from "./detect"
