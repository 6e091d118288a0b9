/**
 * Project-wide extension settings shared by code and tests: the single source of truth.
 *
 * Plasmo itself does not read this file. Plasmo reads content-script `matches` only as literals in
 * the content script's own file, and the manifest from package.json, so both repeat these lists;
 * `tests/unit/manifest-consistency.test.ts` fails when either drifts from here.
 */

/** Salesforce hosts Parley reads: Lightning UI, My Domain (API + Classic), setup, Visualforce,
 * government, China and the Defender for Cloud Apps (mcas.ms) proxy. `*.` covers sandbox
 * (`--x.sandbox.`), Developer Edition (`.develop.`) and scratch (`.scratch.`) partitions. */
export const SALESFORCE_HOST_PATTERNS = [
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
] as const

/** Dynamics 365 hosts: commercial regions (match patterns allow only a leading wildcard, so each
 * `crmN` region is listed), China, GCC High and DoD. */
export const DYNAMICS_HOST_PATTERNS = [
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
] as const

/** Written as a pure concatenation so bundlers drop it from content scripts that never use it. */
export const CRM_HOST_PATTERNS: readonly string[] = /* @__PURE__ */ ([] as string[]).concat(SALESFORCE_HOST_PATTERNS, DYNAMICS_HOST_PATTERNS)

/** On-premises Dynamics and unusual hosts: asked for at run time from the panel, never at install. */
export const OPTIONAL_HOST_PATTERNS = ["https://*/*"] as const

/** Permissions beyond host access; `sidePanel` is added by Plasmo because `src/sidepanel.tsx` exists.
 * `cookies`: the Salesforce API session is the HttpOnly `sid` of the My Domain host, readable only
 * through chrome.cookies (DESIGN.md "Reading the CRM"); it is used per request and never stored. */
export const PERMISSIONS = ["storage", "cookies"] as const

/** Every request between extension contexts settles within this, even if the other side is gone. */
export const MESSAGE_TIMEOUT_MS = 5_000
/** The team refresh reads every new snapshot file of every org (issue 15): minutes on a big team. */
export const TEAM_REFRESH_TIMEOUT_MS = 15 * 60_000

/** A content-script observation is cut to fit this (serialised, UTF-8) before it is stored. */
export const MAX_MESSAGE_BYTES = 256 * 1024

/**
 * A content-script message larger than this (serialised) is refused before validation: reading it
 * costs the worker, and no record page shows this much. Design default (8 × the stored budget).
 */
export const MAX_CONTENT_INTAKE_BYTES = 2 * 1024 * 1024

/** The cap for extension pages' messages: a PDF briefing shared to the CRM travels as base64. */
export const MAX_PANEL_MESSAGE_BYTES = 16 * 1024 * 1024

/** Largest PDF briefing the panel may hand the background to attach to a CRM record. */
export const MAX_SHARE_PDF_BYTES = 8 * 1024 * 1024

/**
 * API etiquette per rep (DESIGN.md "Budgets"), applied by src/crm/request-budget.ts per org: the
 * only place these numbers live.
 * Salesforce: 2 in flight and a daily call budget (the rep's setting overrides the default).
 * Dynamics: 4 in flight, and a tenth of Dataverse's service protection allowance (6,000
 * requests per user per 5-minute window, "Service protection API limits"), so Parley never
 * spends what the rep's own Dynamics work needs.
 * `maxRetryAfterS`: the longest `Retry-After` waited out inside a sync. Chrome stops an extension
 * service worker after 30 s without extension events, and a worker stopped mid-wait leaves no
 * status; a longer demand ends the sync (it resumes from its cursors later).
 */
export const API_LIMITS = {
  salesforce: { maxInFlight: 2, dailyCallBudget: 100, maxRetryAfterS: 20 },
  dynamics: { maxInFlight: 4, window: { maxRequests: 600, windowMs: 300_000 }, maxRetryAfterS: 25 }
} as const

export const DATABASE_NAME = "parley"

/** The Firefox build (scripts/firefox-manifest.mjs): Firefox needs a stable add-on id, and 128
 * (ESR) is the first with MAIN-world content scripts registered at run time and install-time
 * host permissions in MV3. */
export const FIREFOX = { geckoId: "parley@parley.app", minVersion: "128.0" } as const

/**
 * Storage budgets for page records (what content scripts observed; never the synced history, which
 * only the retention window removes). The record id comes from the URL, so a page that walks
 * `pushState` through ids would otherwise store a record per id without end. Over a budget, the
 * oldest page records of that tab (then of that org) go first. Design default: a record page's
 * fields are a few KiB, so 4 MiB per tab keeps hundreds of them, and 16 MiB per org stays far below
 * any browser's quota while an observation can be at most MAX_MESSAGE_BYTES.
 */
export const PAGE_RECORD_BUDGET = {
  perTabBytes: 4 * 1024 * 1024,
  perOrgBytes: 16 * 1024 * 1024
} as const
