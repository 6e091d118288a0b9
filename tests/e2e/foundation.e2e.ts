/**
 * The walking skeleton, in real Chromium with the production build: the content script runs on
 * a routed Lightning page, the record reaches IndexedDB through the service worker, the panel
 * shows it and follows SPA navigation, and hostile or malformed input is refused.
 */
import { readFileSync } from "node:fs"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Page } from "playwright-core"
import { SALESFORCE_HOST_PATTERNS } from "../../plasmo.config"
import { BUILD_DIR, launchBrowser, openPanel, readStore, type ExtensionBrowser } from "../../demo/browser"
import { evaluateInContentScript } from "../../demo/isolated-world"
import { DEMO_ACCOUNTS, sfIds } from "../../demo/org"
import { installDemoOrg, salesforceRecordUrl } from "../../demo/routes"

const XSS_NAME = `<img src=x onerror=alert(1)> Hostile & Co`
const globex = DEMO_ACCOUNTS[0]!

let browser: ExtensionBrowser
let crm: Page
let panel: Page


beforeAll(async () => {
  browser = await launchBrowser()
  await installDemoOrg(browser.context, {
    accounts: [...DEMO_ACCOUNTS, { ...DEMO_ACCOUNTS[4]!, n: 99, name: XSS_NAME }],
    salesforceApi: false
  })
  crm = await browser.context.newPage()
  await crm.goto(salesforceRecordUrl("Account", sfIds.account(globex)))
  panel = await openPanel(browser)
})

afterAll(async () => {
  await browser?.close()
})

describe("the built extension", () => {
  it("declares only the CRM hosts, never <all_urls>, and opens the panel from the toolbar", async () => {
    const manifest = JSON.parse(readFileSync(`${BUILD_DIR}/manifest.json`, "utf8"))
    expect(JSON.stringify(manifest)).not.toContain("<all_urls>")
    const salesforceScript = manifest.content_scripts.find((cs: { matches: string[] }) => cs.matches.includes("https://*.lightning.force.com/*"))
    expect(salesforceScript.matches).toEqual([...SALESFORCE_HOST_PATTERNS])
    expect(manifest.side_panel.default_path).toBe("sidepanel.html")
    expect(manifest.externally_connectable).toEqual({ ids: [] })
    const worker = await browser.serviceWorker()
    expect(await worker.evaluate(() => chrome.sidePanel.getPanelBehavior())).toEqual({ openPanelOnActionClick: true })
  })
})

describe("record in view → IndexedDB → panel", () => {
  it("stores the Lightning record read by the content script through the worker", async () => {
    await expect.poll(async () => (await readStore(panel, "pageRecords")).map((r) => r.name), { timeout: 15_000 }).toContain(globex.name)
    const row = (await readStore(panel, "pageRecords")).find((r) => r.name === globex.name)!
    expect(row.key).toBe(`salesforce:northwind:${sfIds.account(globex)}`)
    expect(row.objectType).toBe("Account")
  })

  it("shows the record in the panel", async () => {
    await expect.poll(() => panel.getByTestId("record-title").textContent(), { timeout: 15_000 }).toBe(globex.name)
  })

  it("follows single-page navigation without reloading the CRM page or the panel", async () => {
    await crm.evaluate(() => ((window as unknown as { __parleyMarker: number }).__parleyMarker = 42))
    await panel.evaluate(() => ((window as unknown as { __parleyMarker: number }).__parleyMarker = 7))
    await crm.bringToFront()
    const deal = globex.deals.find((d) => !d.isClosed)!
    await crm.getByRole("link", { name: deal.name }).first().click()
    await expect.poll(() => crm.url()).toContain(sfIds.deal(deal))
    await expect.poll(() => panel.getByTestId("record-title").textContent(), { timeout: 15_000 }).toBe(deal.name)
    expect(await crm.evaluate(() => (window as unknown as { __parleyMarker?: number }).__parleyMarker)).toBe(42)
    expect(await panel.evaluate(() => (window as unknown as { __parleyMarker?: number }).__parleyMarker)).toBe(7)
  })

  it("renders a hostile record name as text", async () => {
    let dialogs = 0
    panel.on("dialog", (d) => {
      dialogs++
      void d.dismiss()
    })
    await crm.goto(salesforceRecordUrl("Account", sfIds.account({ ...DEMO_ACCOUNTS[4]!, n: 99 })))
    await expect.poll(() => panel.getByTestId("record-title").textContent(), { timeout: 15_000 }).toBe(XSS_NAME)
    expect(await panel.locator("[data-testid=record-title] img").count()).toBe(0)
    expect(await panel.locator("img[src=x]").count()).toBe(0)
    expect(dialogs).toBe(0)
  })

  it("says 'not a CRM record' on a CRM page that is not a record", async () => {
    await crm.goto("https://northwind.lightning.force.com/lightning/page/home")
    await expect.poll(() => panel.getByTestId("record-title").textContent(), { timeout: 15_000 }).toMatch(/not a CRM record/i)
  })
})

describe("bad input from a content script", () => {
  it("rejects a malformed observation with a reason and writes nothing", async () => {
    await crm.goto(salesforceRecordUrl("Account", sfIds.account(globex)))
    const before = (await readStore(panel, "pageRecords")).length
    const reply = await evaluateInContentScript<{ ok: boolean; error?: string }>(
      browser.context,
      crm,
      `chrome.runtime.sendMessage({ type: "observe", focused: true, page: { crm: "salesforce", host: "northwind.lightning.force.com", org: "northwind", url: location.href, record: { objectType: "Account", id: "../../etc", fields: {} } } })`,
      browser.extensionId
    )
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/rejected: .*id/) })
    expect((await readStore(panel, "pageRecords")).length).toBe(before)
  })

  it("cuts an oversized observation to fit instead of losing it, and says what it cut", async () => {
    const reply = await evaluateInContentScript<{ ok: boolean; data?: { recordKey: string | null; cut?: Record<string, unknown> } }>(
      browser.context,
      crm,
      `chrome.runtime.sendMessage({ type: "observe", focused: true, page: { crm: "salesforce", host: "northwind.lightning.force.com", org: "northwind", url: location.href, record: { objectType: "Account", id: "001000000000777AAA", name: "x".repeat(600000), fields: {} } } })`,
      browser.extensionId
    )
    expect(reply.ok).toBe(true)
    expect(reply.data?.cut).toBeDefined()
    const row = (await readStore(panel, "pageRecords")).find((r) => r.id === "001000000000777AAA") as { name?: string } | undefined
    expect(row?.name?.length).toBeLessThan(1000)
    expect(row?.name?.endsWith("…")).toBe(true)
  })

  it("refuses a message above the intake bound whole and writes nothing", async () => {
    const before = (await readStore(panel, "pageRecords")).length
    const reply = await evaluateInContentScript<{ ok: boolean; error?: string }>(
      browser.context,
      crm,
      `chrome.runtime.sendMessage({ type: "observe", focused: true, page: { crm: "salesforce", host: "northwind.lightning.force.com", org: "northwind", url: location.href, record: { objectType: "Account", id: "001000000000778AAA", name: "x".repeat(3000000), fields: {} } } })`,
      browser.extensionId
    )
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/too large/) })
    const rows = await readStore(panel, "pageRecords")
    expect(rows.length).toBe(before)
    expect(rows.some((r) => r.id === "001000000000778AAA")).toBe(false)
  })

  it("refuses a content script's request for a privileged action", async () => {
    const reply = await evaluateInContentScript<{ ok: boolean; error?: string }>(
      browser.context,
      crm,
      `chrome.runtime.sendMessage({ type: "forget-org", crm: "salesforce", org: "northwind" })`,
      browser.extensionId
    )
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/rejected/) })
    expect((await readStore(panel, "pageRecords")).length).toBeGreaterThan(0)
  })
})
