/**
 * MAIN-world half of the Dynamics Xrm bridge: reads what only page JavaScript can (Xrm form
 * values and events) and sends it down a private MessagePort. Plasmo registers MAIN-world
 * scripts from the service worker at run time (which is why the build adds `scripting`).
 */
import type { PlasmoCSConfig } from "plasmo"
import { startDynamicsBridgeMain } from "../crm/dynamics/bridge-main"

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
  world: "MAIN",
  run_at: "document_start",
  all_frames: false
}

startDynamicsBridgeMain()
