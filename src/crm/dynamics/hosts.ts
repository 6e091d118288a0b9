/**
 * Dynamics 365 hosts and the org name Parley keys records by. Pure and tiny: content scripts
 * import it, so the host list is repeated here as literals instead of importing plasmo.config.ts
 * (whose other constants would ride along into the 15 KiB bundle); hosts.test.ts fails when this
 * list and DYNAMICS_HOST_PATTERNS drift apart.
 */

/** What an org host ends with, one per entry of DYNAMICS_HOST_PATTERNS ("https://*<suffix>/*"). */
export const DYNAMICS_HOST_SUFFIXES: readonly string[] = [
  ".crm.dynamics.com",
  ...[2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 14, 15, 16, 17, 19, 20, 21].map((n) => `.crm${n}.dynamics.com`),
  ".crm.dynamics.cn",
  ".crm.microsoftdynamics.us",
  ".crm.appsplatform.us"
]

/**
 * Sovereign clouds get a short marker in the org name, because the same org label can exist in
 * two clouds (contoso.crm.dynamics.com and contoso.crm.dynamics.cn are different orgs).
 * Commercial regions (including GCC on crm9) keep the plain "<org>.crmN".
 */
const CLOUD_SUFFIXES: readonly [suffix: string, marker: string][] = [
  [".dynamics.com", ""],
  [".dynamics.cn", ".cn"],
  [".microsoftdynamics.us", ".gcchigh"],
  [".appsplatform.us", ".dod"]
]

/** Microsoft Defender for Cloud Apps proxies a host as "<host>.mcas.ms"; the org is the same. */
const PROXY_SUFFIX = ".mcas.ms"

function bareHost(host: string): string {
  let h = host.trim().toLowerCase().replace(/:\d+$/, "").replace(/\.$/, "")
  if (h.endsWith(PROXY_SUFFIX)) h = h.slice(0, -PROXY_SUFFIX.length)
  return h
}

/**
 * True for an online Dynamics org host that DYNAMICS_HOST_PATTERNS matches. A bare suffix
 * ("crm.dynamics.com") is refused: Chrome's "*." also matches it, but it is no org. Ports are
 * ignored (match patterns ignore them too); the mcas.ms proxy is not in the patterns, so it is not
 * a Dynamics host here (it reaches Parley only through the optional any-host permission).
 */
export function isDynamicsHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/:\d+$/, "")
  return DYNAMICS_HOST_SUFFIXES.some((suffix) => h.endsWith(suffix) && h.length > suffix.length && !h.slice(0, -suffix.length).endsWith("."))
}

/**
 * The org name records are keyed by (`dynamics:<org>:<guid>`):
 * - online: the host minus the cloud's domain: "northwind.crm4" (northwind.crm4.dynamics.com),
 *   "contoso.crm.cn" (China), "contoso.crm.gcchigh" (microsoftdynamics.us), "contoso.crm.dod"
 *   (appsplatform.us);
 * - on-premises: the host name, plus "/<orgname>" when the org is a path segment
 *   (crm.contoso.local/contoso/main.aspx → "crm.contoso.local/contoso"). The port is dropped: the
 *   same deployment is often reachable on two ports (http 5555 and https 443), and a ":" would
 *   break the key format.
 * Always lower case, never containing ":".
 */
export function dynamicsOrgName(host: string, orgPath?: string): string {
  const h = bareHost(host)
  for (const [suffix, marker] of CLOUD_SUFFIXES) {
    if (h.endsWith(suffix) && h.length > suffix.length) return h.slice(0, -suffix.length) + marker
  }
  return orgPath ? `${h}/${orgPath.toLowerCase()}` : h
}
