/**
 * Locale tags: CRMs hand us "en_US" (Salesforce user locale) as often as "en-US". Tags are
 * normalised, validated by Intl, and resolved to one the runtime can format in.
 */

export interface ResolvedLocale {
  /** A tag Intl supports ("fa-IR"); "en-US" when the requested one is valid but unsupported. */
  tag: string
  /** Primary language subtag ("fa", "en", "de"). */
  language: string
}

const cache = new Map<string, ResolvedLocale | null>()

export function normaliseLocaleTag(raw: string): string {
  return raw.trim().replace(/_/g, "-")
}

/** Null when the tag is not a well-formed BCP 47 tag. */
export function resolveLocale(raw: string): ResolvedLocale | null {
  const hit = cache.get(raw)
  if (hit !== undefined) return hit
  let resolved: ResolvedLocale | null = null
  try {
    const tag = normaliseLocaleTag(raw)
    const [canonical] = Intl.getCanonicalLocales(tag)
    if (canonical) {
      const supported = Intl.NumberFormat.supportedLocalesOf([canonical])[0]
      const use = supported ?? "en-US"
      resolved = { tag: use, language: new Intl.Locale(use).language }
    }
  } catch {
    resolved = null
  }
  if (cache.size > 200) cache.clear()
  cache.set(raw, resolved)
  return resolved
}

export function isValidLocale(raw: string): boolean {
  return resolveLocale(raw) !== null
}
