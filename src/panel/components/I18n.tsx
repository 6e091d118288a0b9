/** The panel's language, locale and translator, provided once at the root. */
import { createContext, useContext } from "react"
import { localeOf } from "../format"
import { direction, fill, translate, type Language, type MessageKey } from "../i18n"

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string

export interface I18n {
  language: Language
  /** BCP 47 tag for Intl and formatAmount ("en-US", "fa-IR"). */
  locale: string
  dir: "ltr" | "rtl"
  t: Translate
}

export function makeI18n(language: Language): I18n {
  return {
    language,
    locale: localeOf(language),
    dir: direction(language),
    t: (key, params) => (params ? fill(translate(language, key), params) : translate(language, key))
  }
}

const I18nContext = createContext<I18n>(makeI18n("en"))
export const I18nProvider = I18nContext.Provider
export const useI18n = (): I18n => useContext(I18nContext)
