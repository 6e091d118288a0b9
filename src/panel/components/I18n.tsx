/**
 * The panel's language, locale and translator, provided once at the root. Lazily loaded chunks
 * take an I18n as a prop instead: the bundler may give a chunk its own copy of this module, and a
 * copied context would silently fall back to English.
 */
import { createContext, useContext } from "react"
import { makeI18n, type I18n } from "../i18n"

export { makeI18n, type I18n, type Translate } from "../i18n"

const I18nContext = createContext<I18n>(makeI18n("en"))
export const I18nProvider = I18nContext.Provider
export const useI18n = (): I18n => useContext(I18nContext)
