/**
 * Every saved CRM page the unit tests read, served in real Firefox at its CRM host URL and read by
 * Parley's own content script from the production Firefox build: storage and the panel must hold
 * what the pure reader gives for the same HTML in Node (tests/support/saved-pages.ts; the Chromium
 * twin is tests/e2e/saved-pages.e2e.ts). Xray wrappers, Firefox's parser (declarative shadow
 * roots) or its load timing must change nothing. One browser for all pages.
 */
import type { Page } from "puppeteer-core"
import { afterAll, beforeAll } from "vitest"
import { launchFirefox, readStore, type FirefoxSession } from "../../demo/firefox"
import { SAVED_PAGES, describeSavedPages, navigateInPage, readPanelInPage, type BrowserUnderTest } from "../support/saved-pages"

let firefox: FirefoxSession
let panel: Page
let crm: Page
const browser: BrowserUnderTest = {
  pageRecords: () => readStore(panel, "pageRecords"),
  panel: () => panel.evaluate(readPanelInPage)
}

beforeAll(async () => {
  const byUrl = new Map(SAVED_PAGES.map((p) => [p.url, p.served ?? p.html]))
  firefox = await launchFirefox({ pages: (url) => byUrl.get(url) })
  panel = await firefox.panel()
  crm = await firefox.newPage()
})
afterAll(async () => {
  await firefox?.close()
})

describeSavedPages("saved CRM pages in Firefox", () => ({
  open: async (url) => {
    await crm.goto(url)
    await crm.bringToFront()
  },
  navigateInPage: async (next) => {
    await crm.evaluate(navigateInPage, next)
  }
}), browser)
