/**
 * Every saved CRM page the unit tests read, served in Chromium at its CRM host URL and read by
 * Parley's own content script from the production build: storage and the panel must hold what the
 * pure reader gives for the same HTML in Node (tests/support/saved-pages.ts). The Firefox twin
 * (tests/e2e-firefox/saved-pages.e2e.ts) holds the Firefox build to the same, so the two builds
 * read every saved page alike. One browser for all pages.
 */
import type { Page } from "playwright-core"
import { afterAll, beforeAll, describe, it } from "vitest"
import { launchBrowser, openPanel, readStore, type ExtensionBrowser } from "../../demo/browser"
import { installDemoOrg } from "../../demo/routes"
import { SALESFORCE_URLS, SAVED_PAGES, expectReadAsInNode, navigateInPage, readPanelInPage, savedPage, tagged, type BrowserUnderTest } from "../support/saved-pages"

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

describe("saved CRM pages in Chromium", () => {
  it.each(SAVED_PAGES)("reads $file as the pure reader does", async (page) => {
    await crm.goto(page.url)
    await crm.bringToFront()
    await expectReadAsInNode(page, browser)
  })

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
