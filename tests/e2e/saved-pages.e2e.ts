/**
 * Every saved CRM page the unit tests read, served in Chromium at its CRM host URL and read by
 * Parley's own content script from the production build: storage and the panel must hold what the
 * pure reader gives for the same HTML in Node (tests/support/saved-pages.ts). The Firefox twin
 * (tests/e2e-firefox/saved-pages.e2e.ts) holds the Firefox build to the same, so the two builds
 * read every saved page alike. One browser for all pages.
 */
import type { Page } from "playwright-core"
import { afterAll, beforeAll } from "vitest"
import { launchBrowser, openPanel, readStore, type ExtensionBrowser } from "../../demo/browser"
import { installDemoOrg } from "../../demo/routes"
import { SAVED_PAGES, describeSavedPages, navigateInPage, readPanelInPage, type BrowserUnderTest } from "../support/saved-pages"

let chromium: ExtensionBrowser
let panel: Page
let crm: Page
const browser: BrowserUnderTest = {
  pageRecords: () => readStore(panel, "pageRecords"),
  panel: () => panel.evaluate(readPanelInPage)
}

beforeAll(async () => {
  chromium = await launchBrowser()
  // The demo org answers the syncs these pages start; the saved pages themselves are served here
  // (a route added later is tried first).
  await installDemoOrg(chromium.context)
  const byUrl = new Map(SAVED_PAGES.map((p) => [p.url, p.served ?? p.html]))
  await chromium.context.route((url) => byUrl.has(url.href), (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: byUrl.get(route.request().url())! }))
  crm = await chromium.context.newPage()
  panel = await openPanel(chromium)
})
afterAll(async () => {
  await chromium?.close()
})

describeSavedPages("saved CRM pages in Chromium", () => ({
  open: async (url) => {
    await crm.goto(url)
    await crm.bringToFront()
  },
  navigateInPage: async (next) => {
    await crm.evaluate(navigateInPage, next)
  }
}), browser)
