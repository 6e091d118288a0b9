/**
 * The chip's locale and currency, read once when a price field is focused (never per keystroke).
 *
 * Locale: `<html lang>` (Salesforce and Dynamics set it from the user's language), else the
 * browser's language, else en-US. Currency: the record's currency when the page shows it —
 * Salesforce `CurrencyIsoCode` field or an ISO-prefixed amount in the same row ("EUR 1,200.00",
 * multi-currency orgs), Dynamics `transactioncurrencyid` lookup — or a currency symbol in the
 * field itself; USD otherwise.
 */
import { isKnownCurrency } from "../pricing/units"
import type { ChipCrm } from "./detect"

export const DEFAULT_LOCALE = "en-US"
export const DEFAULT_CURRENCY = "USD"

function validLocale(tag: string | null | undefined): string | null {
  if (!tag) return null
  try {
    const [canonical] = Intl.getCanonicalLocales(tag.trim().replace(/_/g, "-"))
    return canonical ?? null
  } catch {
    return null
  }
}

export function pageLocale(doc: Document = document): string {
  const nav = typeof navigator === "undefined" ? undefined : navigator.language
  return validLocale(doc.documentElement.getAttribute("lang")) ?? validLocale(nav) ?? DEFAULT_LOCALE
}

const SYMBOLS: ReadonlyArray<readonly [string, string]> = [
  ["€", "EUR"],
  ["£", "GBP"],
  ["¥", "JPY"],
  ["₹", "INR"],
  ["﷼", "IRR"],
  ["ریال", "IRR"],
  ["تومان", "IRR"],
  ["CHF", "CHF"]
]

/** Dataverse currency names as the transactioncurrencyid lookup shows them (English UI). */
const CURRENCY_NAMES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bus dollar\b/i, "USD"],
  [/\beuro\b/i, "EUR"],
  [/\b(?:pound sterling|british pound)\b/i, "GBP"],
  [/\bswiss franc\b/i, "CHF"],
  [/\bcanadian dollar\b/i, "CAD"],
  [/\baustralian dollar\b/i, "AUD"],
  [/\b(?:japanese )?yen\b/i, "JPY"],
  [/\bindian rupee\b/i, "INR"],
  [/\b(?:uae|emirati) dirham\b/i, "AED"],
  [/\biranian rial\b/i, "IRR"]
]

/** An ISO code standing alone or prefixing an amount ("EUR", "EUR 1,200.00", "USD - U.S. Dollar"). */
function isoIn(text: string): string | null {
  const re = /(?:^|[^A-Za-z])([A-Z]{3})(?=$|[^A-Za-z])/g
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const code = m[1] ?? ""
    if (isKnownCurrency(code)) return code
  }
  return null
}

/** An ISO code written next to a number ("EUR 1,200.00", "1.200,00 EUR"): product names and
 * abbreviations elsewhere in a row ("ALL-in-one", "CUP holder") are not currencies. */
function isoAmountIn(text: string): string | null {
  const re = /(?:^|[^A-Za-z])([A-Z]{3})\s?(?=\d|[.,]\d)|\d\s?([A-Z]{3})(?=$|[^A-Za-z])/g
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const code = m[1] ?? m[2] ?? ""
    if (isKnownCurrency(code)) return code
  }
  return null
}

function symbolIn(text: string): string | null {
  for (const [symbol, code] of SYMBOLS) if (text.includes(symbol)) return code
  return null
}

function nameIn(text: string): string | null {
  for (const [pattern, code] of CURRENCY_NAMES) if (pattern.test(text)) return code
  return isoIn(text)
}

function textOf(el: Element | null | undefined): string {
  return (el?.getAttribute("title") || el?.textContent || "").replace(/\s+/g, " ").trim().slice(0, 200)
}

/** Salesforce keeps inactive record pages in the DOM: look in the active one first. */
function activeScope(doc: Document): ParentNode {
  return doc.querySelector(".oneContent.active, .windowViewMode-normal.active, .windowViewMode-maximized.active") ?? doc
}

export function recordCurrency(input: HTMLInputElement, crm: ChipCrm): string {
  const doc = input.ownerDocument
  const own = input.value.slice(0, 64)
  if (crm === "salesforce") {
    const row = input.closest("tr, [role='row']")
    const candidates = [
      isoAmountIn(own),
      // Cell by cell: a row's textContent runs cells together ("BundleEUR 1,200.00").
      ...Array.from(row?.children ?? [], (cell) => isoAmountIn(textOf(cell))),
      isoIn(textOf(activeScope(doc).querySelector("[data-target-selection-name$='.CurrencyIsoCode']"))),
      symbolIn(own)
    ]
    return candidates.find((c): c is string => !!c) ?? DEFAULT_CURRENCY
  }
  const lookup = doc.querySelector(
    "[data-id^='transactioncurrencyid.fieldControl'][data-id$='_selected_tag_text'], [data-id^='transactioncurrencyid.fieldControl'][data-id$='_selected_tag']"
  )
  const candidates = [isoAmountIn(own), lookup ? nameIn(textOf(lookup)) : null, symbolIn(own)]
  return candidates.find((c): c is string => !!c) ?? DEFAULT_CURRENCY
}
