/**
 * The service worker. Listeners are registered synchronously at top level so that an event that
 * wakes the worker finds them; all state is in IndexedDB (see state.ts).
 */
import browser from "webextension-polyfill"
import { db } from "../model/db"
import { readSettings, SETTINGS_KEY } from "../model/settings"
import { forgetOrg, pruneDerived, pruneOlderThan } from "../model/store"
import { reclassifyAccount } from "./classify"
import { handleObservation } from "./handlers/observe"
import { verifyObservation } from "./handlers/verify-observation"
import { grantedOrigins, syncGrantedHostScripts } from "./granted-hosts"
import { createRouter } from "./router"
import { listCrmSnapshots, shareSnapshot } from "./share"
import { deleteSnapshot, importSnapshot, saveSnapshot } from "./snapshots"
import { observationFor, syncAndClassify, syncsInFlight } from "./sync"

const syncEnvironment = {
  db: db(),
  fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init),
  cookies: {
    get: async (details: { url: string; name: string; storeId?: string }) => (await chrome.cookies.get(details)) ?? null,
    getAll: (details: { name: string; domain: string; secure: boolean; storeId?: string }) => chrome.cookies.getAll(details),
    getAllCookieStores: () => chrome.cookies.getAllCookieStores()
  },
  now: () => Date.now()
}

const route = createRouter({
  extensionId: chrome.runtime.id,
  extensionOrigin: chrome.runtime.getURL(""),
  extraHostPatterns: grantedOrigins,
  onContent: async (message, sender) => {
    const granted = await grantedOrigins()
    const refused = verifyObservation(message.page, sender.url, (host) => granted.includes(`https://${host}/*`))
    if (refused) return { ok: false, error: `rejected: ${refused}` }
    const reply = await handleObservation(db(), message.page, message.focused, sender.tab?.id, Date.now())
    // Not awaited: the content script gets its answer now; the sync reports through `meta`.
    if (reply.ok && message.page.record) void syncAndClassify(syncEnvironment, message.page, { tabId: sender.tab?.id }).catch((e) => console.error("Parley sync failed", e))
    return reply
  },
  onPanel: async (message) => {
    switch (message.type) {
      case "ping":
        return { ok: true, data: "pong" }
      case "forget-org":
        await forgetOrg(db(), message.crm, message.org)
        // A sync already running would write its remaining pages back: wait for it, forget again.
        await Promise.allSettled(syncsInFlight(message.crm, message.org))
        await forgetOrg(db(), message.crm, message.org)
        return { ok: true }
      case "prune": {
        const cutoff = Date.now() - message.retentionDays * 86_400_000
        const orgs = await db().orgs.toArray()
        let removed = 0
        for (const org of orgs) {
          removed += await pruneOlderThan(db(), org.org, cutoff)
          // Profiles may quote pruned records: recompute them from what is left.
          for (const accountKey of await pruneDerived(db(), org.org, cutoff)) await reclassifyAccount(db(), accountKey, Date.now())
        }
        return { ok: true, data: { removed } }
      }
      case "set-settings": {
        const current = readSettings((await db().meta.get(SETTINGS_KEY))?.value)
        await db().meta.put({ key: SETTINGS_KEY, value: { ...current, ...message.settings } })
        return { ok: true }
      }
      case "sync-now": {
        const page = await observationFor(db(), message.recordKey)
        if (!page) return { ok: false, error: "Parley has not seen this record yet: open it in the CRM first" }
        await syncAndClassify(syncEnvironment, page, { force: true })
        return { ok: true }
      }
      case "save-snapshot":
        return saveSnapshot(db(), message.accountKey, Date.now())
      case "import-snapshot":
        return importSnapshot(db(), message.json)
      case "delete-snapshot":
        return deleteSnapshot(db(), message.key)
      case "share-snapshot":
        return shareSnapshot(syncEnvironment, message)
      case "list-crm-snapshots":
        return listCrmSnapshots(syncEnvironment, message.accountKey)
    }
  }
})

// The polyfill turns the returned promise into sendResponse for Chrome/Edge before native support.
browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => route(message, sender))

// Granted on-premises hosts get the Dynamics scripts; Plasmo's own MAIN-world registration must
// exist first, hence the short delay on start.
const refreshGrantedHosts = () => void syncGrantedHostScripts().catch((e) => console.error("Parley: registering granted hosts failed", e))
chrome.permissions.onAdded.addListener(refreshGrantedHosts)
chrome.permissions.onRemoved.addListener(refreshGrantedHosts)
setTimeout(refreshGrantedHosts, 1_000)

// `?.`: the same bundle must not throw where sidePanel is missing (older Chrome, Firefox builds).
chrome.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined)
