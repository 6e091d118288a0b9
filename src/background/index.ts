/**
 * The service worker. Listeners are registered synchronously at top level so that an event that
 * wakes the worker finds them; all state is in IndexedDB (see state.ts).
 */
import browser from "webextension-polyfill"
import { db } from "../model/db"
import { readSettings, SETTINGS_KEY } from "../model/settings"
import { forgetOrg, pruneOlderThan } from "../model/store"
import { handleObservation } from "./handlers/observe"
import { createRouter } from "./router"

const route = createRouter({
  extensionId: chrome.runtime.id,
  extensionOrigin: chrome.runtime.getURL(""),
  onContent: async (message, sender) => handleObservation(db(), message.page, message.focused, sender.tab?.id, Date.now()),
  onPanel: async (message) => {
    switch (message.type) {
      case "ping":
        return { ok: true, data: "pong" }
      case "forget-org":
        await forgetOrg(db(), message.crm, message.org)
        return { ok: true }
      case "prune": {
        const cutoff = Date.now() - message.retentionDays * 86_400_000
        const orgs = await db().orgs.toArray()
        let removed = 0
        for (const org of orgs) removed += await pruneOlderThan(db(), org.org, cutoff)
        return { ok: true, data: { removed } }
      }
      case "set-settings": {
        const current = readSettings((await db().meta.get(SETTINGS_KEY))?.value)
        await db().meta.put({ key: SETTINGS_KEY, value: { ...current, ...message.settings } })
        return { ok: true }
      }
      case "sync-now":
        return { ok: false, error: "sync is not available for this record" }
    }
  }
})

// The polyfill turns the returned promise into sendResponse for Chrome/Edge before native support.
browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => route(message, sender))

// `?.`: the same bundle must not throw where sidePanel is missing (older Chrome, Firefox builds).
chrome.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined)
