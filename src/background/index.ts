/**
 * The service worker. Listeners are registered synchronously at top level so that an event that
 * wakes the worker finds them; all state is in IndexedDB (see state.ts).
 */
import browser from "webextension-polyfill"
import { db } from "../model/db"
import { grantedOrigins, syncGrantedHostScripts } from "./granted-hosts"
import { handleContentMessage } from "./handlers/content"
import type { HandlerContext } from "./handlers/context"
import { handlePanelMessage } from "./handlers/panel-messages"
import { createRouter } from "./router"
import type { SyncEnvironment } from "./sync"
import { mirrorStorageState, withStorageGuard } from "./storage-guard"
import { onStorageState } from "../model/store"

const syncEnvironment: SyncEnvironment = {
  db: db(),
  fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init),
  cookies: {
    get: async (details) => (await chrome.cookies.get(details)) ?? null,
    getAll: (details) => chrome.cookies.getAll(details),
    getAllCookieStores: () => chrome.cookies.getAllCookieStores()
  },
  tabs: {
    // Host permissions alone reveal the URLs of matching tabs: no `tabs` permission is needed.
    query: async (url) =>
      (await chrome.tabs.query({ url })).flatMap((t) =>
        t.id === undefined || !t.url ? [] : [{ id: t.id, url: t.url, active: t.active, discarded: t.discarded, ...(t.lastAccessed ? { lastAccessed: t.lastAccessed } : {}) }]
      ),
    // The top frame only: that is where Parley's content script runs.
    send: (tabId, message) => chrome.tabs.sendMessage(tabId, message, { frameId: 0 })
  },
  now: () => Date.now()
}

onStorageState(mirrorStorageState)

const context = (): HandlerContext => ({ db: db(), env: syncEnvironment, now: () => Date.now() })

const route = createRouter({
  extensionId: chrome.runtime.id,
  extensionOrigin: chrome.runtime.getURL(""),
  extraHostPatterns: grantedOrigins,
  onContent: (message, sender) => withStorageGuard(db(), message.type, Date.now, () => handleContentMessage(message, sender, context())),
  onPanel: (message) => withStorageGuard(db(), message.type, Date.now, () => handlePanelMessage(message, context()))
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
