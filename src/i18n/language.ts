/** The languages Parley speaks, and how a locale tag picks one. */
export const LANGUAGES = ["en", "fa"] as const
export type Language = (typeof LANGUAGES)[number]

/** BCP 47 tags for Intl and formatAmount. */
export const LOCALES: Readonly<Record<Language, string>> = { en: "en-US", fa: "fa-IR" }

export const direction = (language: Language): "rtl" | "ltr" => (language === "fa" ? "rtl" : "ltr")

/** `fa-IR`, `fa`, `fa_IR` → Persian; everything else (and nothing) → English, the default. */
export function languageOf(locale: string | undefined): Language {
  return /^fa(?:[-_]|$)/i.test(locale?.trim() ?? "") ? "fa" : "en"
}

/** Where the background mirrors the rep's language (extension storage) for the pricing chip,
 * which runs in the CRM page and cannot open Parley's IndexedDB. */
export const REP_LANGUAGE_KEY = "parley.language"

export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value)
}
