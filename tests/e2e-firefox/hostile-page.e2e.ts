/**
 * The Xrm bridge against a hostile Dynamics page in real Firefox: the page's first script patches
 * the prototypes the bridge could touch, races the handshake and keeps forging another customer
 * (tests/support/hostile-dynamics-page.ts, the same attack as the Chromium e2e). Firefox runs the
 * MAIN-world script in the page's own world too: the page must learn no nonce, get no Parley port,
 * and the forged values must reach neither storage nor the sync.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Page } from "puppeteer-core"
import { launchFirefox, readStore, type FirefoxSession } from "../../demo/firefox"
import { until } from "../../demo/wait"
import { DEMO_ACCOUNTS, dynIds } from "../../demo/org"
import { dynamicsRecordUrl } from "../../demo/routes"
import { hostilePageSource } from "../support/hostile-dynamics-page"

const [globex, initech] = DEMO_ACCOUNTS
const quote = initech!.deals.find((d) => !d.isClosed)!.quotes.at(-1)!
const quoteId = dynIds.quote(quote)
const forgedCustomer = dynIds.account(globex!)

let firefox: FirefoxSession
let panel: Page

const rows = (table: string) => readStore(panel, table)

beforeAll(async () => {
  firefox = await launchFirefox({
    rewrite: (url, html) => (/\/main\.aspx/.test(url) ? html.replace("<head>", `<head><script>${hostilePageSource(forgedCustomer, quoteId)}</script>`) : html)
  })
  panel = await firefox.panel()
})
afterAll(async () => {
  await firefox?.close()
})

describe("Dynamics bridge on a hostile page, in Firefox", () => {
  it("learns no nonce, gets no port, and cannot choose the synced account", async () => {
    const crm = await firefox.newPage()
    await crm.goto(dynamicsRecordUrl("quote", quoteId))
    await crm.bringToFront()
    const key = `dynamics:northwind.crm4:${quoteId}`
    const fields = async () => ((await rows("pageRecords")).find((r) => r.key === key)?.fields ?? {}) as Record<string, { value: string; relatedId?: string }>
    const total = quote.lines.reduce((n, l) => n + l.unitPrice * l.quantity, 0)

    // The genuine form still works through the bridge: Xrm's typed total and the real customer.
    await until("the genuine total", async () => (await fields()).totalamount?.value === String(total), 20_000)
    expect((await fields()).customerid?.relatedId).toBe(dynIds.account(initech!))
    const initechKey = `dynamics:northwind.crm4:${dynIds.account(initech!)}`
    await until("the quote's account synced", async () => ((await rows("meta")).find((m) => m.key === `sync:${initechKey}`)?.value as { state?: string } | undefined)?.state === "synced", 30_000)

    const hostile = await crm.evaluate(() => {
      const s = (window as unknown as { __hostile: { strings: string[]; portPostsByOthers: number; handshakesHeard: number; foreignPorts: unknown[]; forgedPosts: number } }).__hostile
      return { nonces: [...new Set(s.strings.flatMap((x) => x.match(/[0-9a-f]{32}/g) ?? []))], portPostsByOthers: s.portPostsByOthers, foreignPorts: s.foreignPorts.length, forgedPosts: s.forgedPosts }
    })
    expect(hostile.forgedPosts).toBeGreaterThan(0)
    expect(hostile.nonces).toEqual(["f".repeat(32)])
    expect(hostile.portPostsByOthers).toBe(0)
    expect(hostile.foreignPorts).toBe(0)

    const after = await fields()
    expect(after.customerid?.relatedId).toBe(dynIds.account(initech!))
    expect(after.totalamount?.value).not.toBe("1")
    expect((await rows("meta")).filter((m) => String(m.key).includes(forgedCustomer))).toEqual([])
    expect((await rows("pageRecords")).filter((r) => JSON.stringify(r).includes("Forged Customer"))).toEqual([])
    expect(firefox.network.dynamicsApi.stats.requests.filter((r) => decodeURIComponent(r.url).includes(forgedCustomer))).toEqual([])
  })
})
