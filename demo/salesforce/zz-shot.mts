import { chromium } from "playwright-core"
import { renderSalesforcePage, renderClassicRecordPage } from "./pages"
import { DEMO_ACCOUNTS, sfIds } from "../org"
const a = DEMO_ACCOUNTS[1]!
const urls = [
  `https://northwind.lightning.force.com/lightning/r/Account/${sfIds.account(a)}/view`,
  `https://northwind.lightning.force.com/lightning/r/Opportunity/${sfIds.deal(a.deals[2]!)}/view`,
  `https://northwind.lightning.force.com/lightning/r/Quote/${sfIds.quote(a.deals[2]!.quotes[2]!)}/view`,
]
const browser = await chromium.launch({ executablePath: "/usr/lib/chromium/chromium", headless: true })
const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 } })
await ctx.route(/lightning\.force\.com/, async (route) => {
  const html = renderSalesforcePage(route.request().url())
  await route.fulfill({ status: html ? 200 : 404, contentType: "text/html", body: html ?? "nf" })
})
const page = await ctx.newPage()
page.on("console", (m) => console.log("console:", m.text()))
page.on("pageerror", (e) => console.log("pageerror:", e.message))
for (const [i, u] of urls.entries()) { await page.goto(u); await page.screenshot({ path: `/tmp/shot${i}.png` }) }
// SPA: click contact link from account page
await page.goto(urls[0]!)
await page.click("article[aria-label=Opportunities] tbody a >> nth=0")
await page.waitForTimeout(500)
console.log("after click:", page.url(), await page.title(), await page.locator(".oneContent").count(), await page.locator(".oneContent.active").count())
await page.screenshot({ path: `/tmp/shot-spa.png` })
await page.goBack(); await page.waitForTimeout(300)
console.log("after back:", page.url(), await page.title(), await page.locator(".oneContent").count())
await browser.close()
