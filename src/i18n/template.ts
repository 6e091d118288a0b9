/**
 * The one template syntax of every catalogue: `{name}` is a parameter; `{name|one|other}` picks
 * the word for the count in `name` (English needs it, "1 case" / "3 cases"; Persian does not
 * inflect a noun after a number, so its templates just write "{n} پرونده").
 */
import type { Language } from "./language"

const TOKEN = /\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g

const pluralRules = new Map<Language, Intl.PluralRules>()
function pluralOf(language: Language, n: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(language)
  if (!rules) {
    rules = new Intl.PluralRules(language)
    pluralRules.set(language, rules)
  }
  return rules.select(n)
}

/**
 * Walks a template: literal text goes to `emit` as it is, each parameter to `param`, each plural
 * choice is resolved here. An unknown parameter stays visible (`{name}`) rather than vanishing.
 */
export function walkTemplate(
  template: string,
  language: Language,
  has: (name: string) => boolean,
  countOf: (name: string) => number | undefined,
  emit: (text: string) => void,
  param: (name: string) => void
): void {
  let last = 0
  for (const m of template.matchAll(TOKEN)) {
    emit(template.slice(last, m.index))
    last = m.index + m[0].length
    const name = m[1]!
    if (m[2] !== undefined) {
      const n = countOf(name)
      emit(n !== undefined && pluralOf(language, n) === "one" ? m[2] : m[3]!)
    } else if (has(name)) param(name)
    else emit(m[0])
  }
  emit(template.slice(last))
}

/** Fills `{name}` with words the caller already formatted (the panel's and the exports' texts). */
export function fill(template: string, params: Readonly<Record<string, string | number>>, language: Language = "en"): string {
  let out = ""
  walkTemplate(
    template,
    language,
    (name) => Object.prototype.hasOwnProperty.call(params, name),
    (name) => (typeof params[name] === "number" ? (params[name] as number) : undefined),
    (text) => (out += text),
    (name) => (out += String(params[name]))
  )
  return out
}

/** The parameter names a template uses, sorted and unique (both languages must use the same). */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(TOKEN)].map((m) => m[1]!))].sort()
}

/** Type level: the parameter names in a template literal type ("{n} {n|case|cases}" → "n"). */
export type TemplateParams<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? (P extends `${infer N}|${string}` ? N : P) | TemplateParams<Rest>
  : never
