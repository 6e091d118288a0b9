/**
 * The service worker. Listeners are registered synchronously at top level so that an event that
 * wakes the worker finds them; all state is in IndexedDB (see state.ts).
 */
import * as platform from "../platform/browser"
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
  cookies: platform.cookies,
  tabs: { query: platform.tabsMatching, send: platform.sendToTab },
  now: () => Date.now()
}

onStorageState(mirrorStorageState)

const context = (): HandlerContext => ({ db: db(), env: syncEnvironment, now: () => Date.now() })

const route = createRouter({
  extensionId: platform.extensionId(),
  extensionOrigin: platform.extensionUrl(""),
  extraHostPatterns: grantedOrigins,
  onContent: (message, sender) => withStorageGuard(db(), message.type, Date.now, () => handleContentMessage(message, sender, context())),
  onPanel: (message) => withStorageGuard(db(), message.type, Date.now, () => handlePanelMessage(message, context()))
})

platform.onRuntimeMessage((message, sender) => route(message, sender))

// Granted on-premises hosts get the Dynamics scripts; Plasmo's own MAIN-world registration must
// exist first, hence the short delay on start.
const refreshGrantedHosts = () => void syncGrantedHostScripts().catch((e) => console.error("Parley: registering granted hosts failed", e))
platform.onPermissionsChanged(refreshGrantedHosts)
setTimeout(refreshGrantedHosts, 1_000)

platform.openPanelOnActionClick()
platform.introducePanelOnInstall("sidepanel.html")
