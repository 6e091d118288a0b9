/**
 * Content script for Salesforce (Lightning and Classic): reports the record in view to the
 * background and follows single-page navigation. Kept tiny: it loads on every Salesforce page.
 */
import type { PlasmoCSConfig } from "plasmo"
import { installPricingChipLoader } from "../chip/lazy"
import { salesforcePage } from "../crm/salesforce/page"
import { watchRecordPage } from "../lib/page-watcher"
import { sendWithRetry } from "../messaging/send"

// Literal on purpose: Plasmo reads `matches` statically; an imported constant silently becomes
// <all_urls>. tests/unit/manifest-consistency.test.ts keeps it equal to plasmo.config.ts.
export const config: PlasmoCSConfig = {
  matches: [
    "https://*.lightning.force.com/*",
    "https://*.my.salesforce.com/*",
    "https://*.my.salesforce-setup.com/*",
    "https://*.vf.force.com/*",
    "https://*.visualforce.com/*",
    "https://*.lightning.force.mil/*",
    "https://*.my.salesforce.mil/*",
    "https://*.crmforce.mil/*",
    "https://*.sfcrmapps.cn/*",
    "https://*.sfcrmproducts.cn/*",
    "https://*.lightning.force.com.mcas.ms/*",
    "https://*.my.salesforce.com.mcas.ms/*"
  ],
  run_at: "document_idle",
  all_frames: false
}

watchRecordPage(salesforcePage, { send: sendWithRetry, isFocused: () => document.visibilityState === "visible" })

installPricingChipLoader(salesforcePage.priceInputs)
