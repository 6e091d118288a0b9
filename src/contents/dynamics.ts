/**
 * Content script for Dynamics 365 (Unified Interface): reports the record in view, merging the
 * form's exact values from the MAIN-world Xrm bridge over what the DOM shows. Runs at
 * document_start so the bridge handshake happens before any page script can listen. Bridge
 * values count only for the record the URL shows: their lookups (a quote's customer) choose the
 * account Parley syncs, so one the page reports for any other record is dropped.
 */
import type { PlasmoCSConfig } from "plasmo"
import { installPricingChipLoader } from "../chip/lazy"
import { startDynamicsBridgeIsolated } from "../crm/dynamics/bridge-isolated"
import { dynamicsPage } from "../crm/dynamics/page"
import { installDataverseRelay } from "../crm/dynamics/page-relay"
import { mergeXrmFields, type XrmSnapshot } from "../crm/dynamics/xrm-fields"
import { watchRecordPage } from "../lib/page-watcher"
import { sendWithRetry } from "../messaging/send"

// Literal on purpose (see salesforce.ts); kept equal to plasmo.config.ts by a unit test.
export const config: PlasmoCSConfig = {
  matches: [
    "https://*.crm.dynamics.com/*",
    "https://*.crm2.dynamics.com/*",
    "https://*.crm3.dynamics.com/*",
    "https://*.crm4.dynamics.com/*",
    "https://*.crm5.dynamics.com/*",
    "https://*.crm6.dynamics.com/*",
    "https://*.crm7.dynamics.com/*",
    "https://*.crm8.dynamics.com/*",
    "https://*.crm9.dynamics.com/*",
    "https://*.crm11.dynamics.com/*",
    "https://*.crm12.dynamics.com/*",
    "https://*.crm14.dynamics.com/*",
    "https://*.crm15.dynamics.com/*",
    "https://*.crm16.dynamics.com/*",
    "https://*.crm17.dynamics.com/*",
    "https://*.crm19.dynamics.com/*",
    "https://*.crm20.dynamics.com/*",
    "https://*.crm21.dynamics.com/*",
    "https://*.crm.dynamics.cn/*",
    "https://*.crm.microsoftdynamics.us/*",
    "https://*.crm.appsplatform.us/*"
  ],
  run_at: "document_start",
  all_frames: false
}

let xrm: XrmSnapshot | null = null
// The record the URL shows: bridge values about any other record are never merged.
const urlRecord = () => dynamicsPage.parseUrl(location.href)

const watcher = watchRecordPage(
  {
    ...dynamicsPage,
    readRecord: (root) => {
      const dom = dynamicsPage.readRecord(root)
      const id = urlRecord()?.id
      return id ? mergeXrmFields(dom, xrm, id) : dom
    }
  },
  { send: sendWithRetry, isFocused: () => document.visibilityState === "visible" }
)

startDynamicsBridgeIsolated({
  urlRecord,
  onMessage: (message) => {
    if (message.type === "change") {
      if (xrm && xrm.entityName === message.entityName && xrm.entityId === message.entityId) xrm.attributes[message.name] = message.attribute
    } else {
      xrm = { entityName: message.entityName, entityId: message.entityId, attributes: { ...message.attributes } }
    }
    watcher.refresh()
  }
})

installDataverseRelay()
installPricingChipLoader(dynamicsPage.priceInputs)
