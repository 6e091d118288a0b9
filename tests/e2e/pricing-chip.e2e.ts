/**
 * The inline pricing chip on a Dynamics quote line: loaded only when a price field gets focus,
 * shows the suggestion as the rep types, copies on click, and never writes into the CRM field.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Page } from "playwright-core"
import { launchBrowser, type ExtensionBrowser } from "../../demo/browser"
import { DEMO_ACCOUNTS, dynIds, sfIds } from "../../demo/org"
import { dynamicsRecordUrl, installDemoOrg, salesforceRecordUrl } from "../../demo/routes"

let browser: ExtensionBrowser
let crm: Page
const quote = DEMO_ACCOUNTS[1]!.deals.find((d) => !d.isClosed)!.quotes.at(-1)!

beforeAll(async () => {
  browser = await launchBrowser()
  await installDemoOrg(browser.context)
  await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: "https://northwind.crm4.dynamics.com" })
  crm = await browser.context.newPage()
  await crm.goto(dynamicsRecordUrl("quotedetail", dynIds.quoteLine(quote, 0)))
})
afterAll(async () => {
  await browser?.close()
})

describe("inline pricing chip", () => {
  it("is not loaded until a price field gets focus", async () => {
    await crm.waitForTimeout(500)
    expect(await crm.locator("parley-pricing-chip").count()).toBe(0)
    const loaded = await crm.evaluate(() => performance.getEntriesByType("resource").some((e) => e.name.includes("pricing-chip")))
    expect(loaded).toBe(false)
  })

  it("appears next to the price field, follows typing and copies without writing the field", async () => {
    const input = crm.locator('input[data-id^="priceperunit.fieldControl"]').first()
    await input.click()
    await input.fill("")
    await input.pressSequentially("50000")
    await expect.poll(() => crm.locator("parley-pricing-chip").count(), { timeout: 10_000 }).toBe(1)
    expect(await input.inputValue()).toBe("50000")
    const box = (await input.boundingBox())!
    await crm.waitForTimeout(400) // the chip's debounce
    await crm.mouse.click(box.x + box.width - 114, box.y + box.height + 16)
    await expect.poll(() => crm.evaluate(() => navigator.clipboard.readText()), { timeout: 5_000 }).toBe("49750")
    expect(await input.inputValue()).toBe("50000")
  })

  it("goes away when the field loses focus", async () => {
    await crm.locator("body").click({ position: { x: 5, y: 5 } })
    await expect.poll(() => crm.locator("parley-pricing-chip").count(), { timeout: 5_000 }).toBe(0)
  })
})

describe("inline pricing chip on Salesforce", () => {
  it("appears in the Edit Products modal next to Sales Price and leaves the field alone", async () => {
    const deal = DEMO_ACCOUNTS[1]!.deals.find((d) => !d.isClosed)!
    const page = await browser.context.newPage()
    await page.goto(salesforceRecordUrl("Opportunity", sfIds.deal(deal)))
    await page.getByRole("button", { name: "Edit Products" }).click()
    const price = page.getByRole("dialog", { name: "Edit Products" }).getByRole("textbox", { name: "Sales Price" }).first()
    await price.click()
    await price.fill("")
    await price.pressSequentially("15000")
    await expect.poll(() => page.locator("parley-pricing-chip").count(), { timeout: 10_000 }).toBe(1)
    expect(await price.inputValue()).toBe("15000")
    // 15,000 opens precisely at 14,920 (0.5 % down, 4 significant digits, no 9-ending).
    await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: "https://northwind.lightning.force.com" })
    const box = (await price.boundingBox())!
    await page.waitForTimeout(400)
    await page.mouse.click(box.x + box.width - 114, box.y + box.height + 16)
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), { timeout: 5_000 }).toBe("14920")
    expect(await price.inputValue()).toBe("15000")
  })
})
