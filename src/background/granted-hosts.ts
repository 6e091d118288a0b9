/**
 * Hosts the rep granted at run time (on-premises Dynamics): the manifest's content scripts do not
 * run there, so the worker registers the same Dynamics scripts for exactly those origins, and the
 * router accepts observations from them. Registration is persisted by Chrome; this keeps it equal
 * to the granted set on every start and every grant or removal.
 */
import { grantedHostPatterns, manifest, scripting } from "../platform/browser"

const ISOLATED_ID = "parley-granted-dynamics"
const MAIN_ID = "parley-granted-dynamics-bridge"

/** Granted origins beyond the manifest's own host permissions. */
export async function grantedOrigins(): Promise<string[]> {
  const all = await grantedHostPatterns()
  const builtIn = new Set(manifest().host_permissions ?? [])
  return all.filter((origin) => !builtIn.has(origin) && origin !== "https://*/*")
}

/** The built file names of the Dynamics content scripts (hashed by the bundler). */
async function dynamicsScripts(): Promise<{ isolated: string[]; main: string[] } | null> {
  const isolated = manifest().content_scripts?.find((cs) => cs.matches?.includes("https://*.crm.dynamics.com/*"))?.js
  const registered = await scripting.registered()
  const main = registered.find((s) => s.world === "MAIN" && s.matches?.includes("https://*.crm.dynamics.com/*"))?.js
  return isolated && main ? { isolated, main } : null
}

export async function syncGrantedHostScripts(): Promise<void> {
  const [origins, scripts] = await Promise.all([grantedOrigins(), dynamicsScripts()])
  await scripting.unregister([ISOLATED_ID, MAIN_ID]).catch(() => undefined)
  if (!origins.length || !scripts) return
  await scripting.register([
    { id: ISOLATED_ID, matches: origins, js: scripts.isolated, runAt: "document_start", persistAcrossSessions: true },
    { id: MAIN_ID, matches: origins, js: scripts.main, runAt: "document_start", world: "MAIN", persistAcrossSessions: true }
  ])
}
