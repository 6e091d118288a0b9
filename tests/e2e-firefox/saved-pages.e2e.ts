/**
 * Every saved CRM page the unit tests read, served in real Firefox at its CRM host URL and read by
 * Parley's own content script from the production Firefox build: storage and the panel must hold
 * what the pure reader gives for the same HTML in Node (tests/support/saved-pages.ts; the Chromium
 * twin is tests/e2e/saved-pages.e2e.ts). Xray wrappers, Firefox's parser (declarative shadow
 * roots) or its load timing must change nothing. One browser for all pages.
 */
import type { Page } from "puppeteer-core"
import { afterAll, beforeAll, describe, it } from "vitest"
import { launchFirefox, readStore, type FirefoxSession } from "../../demo/firefox"
import { SALESFORCE_URLS, SAVED_PAGES, expectReadAsInNode, navigateInPage, readPanelInPage, savedPage, tagged, type BrowserUnderTest } from "../support/saved-pages"

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

describe("saved CRM pages in Firefox", () => {
  it.each(SAVED_PAGES)("reads $file as the pure reader does", async (page) => {
    await crm.goto(page.url)
    await crm.bringToFront()
    await expectReadAsInNode(page, browser)
  })

  // Firefox ESR 140 has no Navigation API: the watcher's fallback (a URL poll) must follow
  // Lightning's pushState navigation there, and read the next record, not the one before it.
  it("follows a Lightning single-page navigation to the next record", async () => {
    const from = savedPage("salesforce/lightning-account.html")
    const next = { ...savedPage("salesforce/lightning-opportunity.html"), url: tagged(SALESFORCE_URLS["lightning-opportunity.html"]!, "spa") }
    await crm.goto(from.url)
    await crm.bringToFront()
    await expectReadAsInNode(from, browser)
    await crm.evaluate(navigateInPage, { url: next.url, html: next.html })
    await expectReadAsInNode(next, browser)
  })
})
