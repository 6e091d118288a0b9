/**
 * Salesforce host names: which hosts are Salesforce (the same list the manifest matches), which
 * org a host belongs to, and the API host for a UI host.
 */
import { SALESFORCE_HOST_PATTERNS } from "../../../plasmo.config"

/** `https://*.lightning.force.com/*` → `.lightning.force.com`: each pattern is a suffix match. */
const SUFFIXES = SALESFORCE_HOST_PATTERNS.map((p) => p.replace(/^https:\/\/\*/, "").replace(/\/\*$/, ""))

const MCAS = ".mcas.ms"
const LABELS = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/

/** Hosts that serve Classic pages and the REST API (a Lightning host only redirects there). */
const API_SUFFIXES = [".my.salesforce.com", ".my.salesforce.mil", ".my.sfcrmproducts.cn"]

/** Visualforce hosts put the package after a `--` (`acme--c.vf.force.com`, `acme--uat--c.sandbox.vf.force.com`). */
const VISUALFORCE = /\.(vf\.force\.com|visualforce\.com)$/

function normalise(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, "")
}

function withoutMcas(host: string): string {
  return host.endsWith(MCAS) ? host.slice(0, -MCAS.length) : host
}

/** True for a host the extension's Salesforce match patterns cover (it needs a sub-domain). */
export function isSalesforceHost(host: string): boolean {
  const h = normalise(host)
  return SUFFIXES.some((suffix) => h.endsWith(suffix) && LABELS.test(h.slice(0, -suffix.length)))
}

/** True for a My Domain API/Classic host (`acme.my.salesforce.com`, sandbox and proxy forms too). */
export function isClassicHost(host: string): boolean {
  const h = withoutMcas(normalise(host))
  return isSalesforceHost(host) && API_SUFFIXES.some((s) => h.endsWith(s))
}

/**
 * Clouds other than the commercial one get a marker in the org name, because the same My Domain
 * label can exist in two clouds (acme.lightning.force.com and acme.lightning.force.mil are two
 * orgs), as the Dynamics org name does (dynamics/hosts.ts). Commercial orgs keep the bare label.
 */
const CLOUD_MARKERS: readonly [suffix: RegExp, marker: string][] = [
  [/\.(force|salesforce|crmforce)\.mil$/, ".mil"],
  [/\.(sfcrmapps|sfcrmproducts)\.cn$/, ".cn"]
]

/**
 * The org name records are keyed by, from any of the org's hosts: the My Domain label (without a
 * Visualforce package suffix) plus the cloud's marker. `acme--uat.sandbox.lightning.force.com` →
 * `acme--uat`; `acme--c.vf.force.com` → `acme`; `acme.lightning.force.mil` → `acme.mil`;
 * `acme.lightning.sfcrmapps.cn` → `acme.cn`. A Defender for Cloud Apps proxy host (`….mcas.ms`) is
 * the org it fronts. Never contains ":" (the record key separator).
 */
export function orgFromHost(host: string): string | null {
  if (!isSalesforceHost(host)) return null
  const h = withoutMcas(normalise(host))
  let label = h.split(".")[0] ?? ""
  if (VISUALFORCE.test(h)) label = label.replace(/--[a-z0-9_]+$/, "")
  if (!label) return null
  return label + (CLOUD_MARKERS.find(([suffix]) => suffix.test(h))?.[1] ?? "")
}

/**
 * The REST API host for a UI host. The Lightning host must not be called: it redirects, and the
 * redirect drops the Authorization header (Salesforce Inspector Reloaded, `getMyDomain`).
 * Partitions (`.sandbox.`, `.develop.`, `.scratch.`) stay; a Defender for Cloud Apps suffix goes.
 */
export function toApiHost(host: string): string {
  let h = withoutMcas(normalise(host))
  if (VISUALFORCE.test(h)) {
    const [first = "", ...rest] = h.split(".")
    const partition = rest.length > 3 ? `.${rest[0]}` : ""
    return `${first.replace(/--[a-z0-9_]+$/, "")}${partition}.my.salesforce.com`
  }
  h = h
    .replace(/\.my\.salesforce-setup\.com$/, ".my.salesforce.com")
    .replace(/\.lightning\.force\.com$/, ".my.salesforce.com")
    .replace(/\.lightning\.([a-z0-9-]+)\.force\.com$/, ".my.$1.salesforce.com")
    .replace(/\.lightning\.force\.mil$/, ".my.salesforce.mil")
    .replace(/(\.lightning)?\.crmforce\.mil$/, ".my.salesforce.mil")
    .replace(/(\.lightning)?\.sfcrmapps\.cn$/, ".my.sfcrmproducts.cn")
  return h
}
