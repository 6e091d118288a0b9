/**
 * Chrome match patterns (`https://*.example.com/*`) as a predicate, so the background can tell
 * whether a sender's URL is a CRM page with the same lists the manifest grants.
 */
export function matchesPattern(url: string, pattern: string): boolean {
  const m = /^(https?|\*):\/\/(\*|\*\.[^/*]+|[^/*]+)(\/.*)$/.exec(pattern)
  if (!m) return false
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  const [, scheme, host, path] = m as unknown as [string, string, string, string]
  if (scheme === "*" ? !/^https?:$/.test(parsed.protocol) : parsed.protocol !== `${scheme}:`) return false
  const hostname = parsed.hostname.toLowerCase()
  if (host !== "*") {
    if (host.startsWith("*.")) {
      const base = host.slice(2).toLowerCase()
      if (hostname !== base && !hostname.endsWith(`.${base}`)) return false
    } else if (hostname !== host.toLowerCase()) return false
  }
  const pathRegex = new RegExp(`^${path.split("*").map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`)
  return pathRegex.test(parsed.pathname + parsed.search)
}

export function matchesAny(url: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => matchesPattern(url, p))
}
