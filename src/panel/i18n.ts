/**
 * The panel's words: the catalogues live in src/i18n (one per language, shared with the exports
 * and the engines); this module gives components a `t` in the chosen language. Numbers and dates
 * are formatted by the caller (src/i18n/format.ts) so Persian gets Persian digits. What the
 * engines say arrives as message descriptors and is rendered by components/Message.tsx.
 */
import { panelEn, type PanelKey } from "../i18n/en/panel"
import { panelFa } from "../i18n/fa/panel"
import { LOCALES, direction, type Language } from "../i18n/language"
import { fill } from "../i18n/template"
import type { Crm } from "../model/schema"

export { LANGUAGES, LOCALES, direction, type Language } from "../i18n/language"
export { fill, placeholders } from "../i18n/template"

export type MessageKey = PanelKey

export const CATALOGUE: Record<Language, Record<MessageKey, string>> = { en: panelEn, fa: panelFa }

/** Per-CRM words, looked up by CRM (a new CRM fails to compile until it has its own). */
export const CRM_MESSAGES: Readonly<Record<Crm, { name: MessageKey; sessionHint: MessageKey; reloadAction: MessageKey }>> = {
  salesforce: { name: "crmSalesforce", sessionHint: "sessionHintSalesforce", reloadAction: "actionReloadSalesforce" },
  dynamics: { name: "crmDynamics", sessionHint: "sessionHintDynamics", reloadAction: "actionReloadDynamics" }
}

/** A CRM id as stored (`salesforce`), or any other text, as words. */
export function isCrm(value: string): value is Crm {
  return Object.hasOwn(CRM_MESSAGES, value)
}

export function translate(language: Language, key: MessageKey): string {
  return CATALOGUE[language][key]
}

export type Translate = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string

/** Everything a component needs to speak the panel's language. */
export interface I18n {
  language: Language
  /** BCP 47 tag ("en-US", "fa-IR"). */
  locale: string
  dir: "ltr" | "rtl"
  t: Translate
}

export function makeI18n(language: Language): I18n {
  return {
    language,
    locale: LOCALES[language],
    dir: direction(language),
    t: (key, params) => (params ? fill(translate(language, key), params, language) : translate(language, key))
  }
}
