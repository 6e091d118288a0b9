// @vitest-environment happy-dom
import { Browser } from "happy-dom"
import { afterEach, describe, expect, it } from "vitest"
import { looksLikeDynamics, readDynamicsRecord } from "../../src/crm/dynamics/dom"
import { startDynamicsBridgeMain } from "../../src/crm/dynamics/bridge-main"
import { HANDSHAKE, parseBridgeMessage, type BridgeMessage } from "../../src/crm/dynamics/bridge-protocol"
import { parseDynamicsUrl } from "../../src/crm/dynamics/url"
import { DEMO_ACCOUNTS, dynIds } from "../org"
import { createDynamicsMockApi, pageHeaders } from "./mock-api"
import { dynamicsDemoTour, dynamicsRecordUrl, handleDynamicsRequest, renderDynamicsRecordPage } from "./pages"

const parse = (html: string) => new DOMParser().parseFromString(html, "text/html")
const initech = DEMO_ACCOUNTS[1]!

describe("demo Unified Interface pages", () => {
  it.each(dynamicsDemoTour().map((stop) => [stop.entity, stop] as const))("%s page reads back through the DOM markers", (_entity, stop) => {
    const ref = parseDynamicsUrl(stop.url)!
    expect(ref).not.toBeNull()
    const html = renderDynamicsRecordPage({ entity: ref.objectType, id: ref.id })!
    const doc = parse(html)
    expect(looksLikeDynamics(doc)).toBe(true)
    const record = readDynamicsRecord(doc)
    expect(record.objectType).toBe(stop.entity)
    expect(record.name).toBe(stop.title)
    expect(Object.keys(record.fields).length).toBeGreaterThan(0)
    expect(record.fields.ownerid?.value ?? "Rosa Diaz").toBe("Rosa Diaz")
  })

  it("account page: header fields, lookups, option sets and sub-grids from the demo org", () => {
    const record = readDynamicsRecord(parse(renderDynamicsRecordPage({ entity: "account", id: dynIds.account(initech) })!))
    expect(record.fields.industrycode).toEqual({ label: "Industry", value: "Retail" })
    expect(record.fields.revenue?.value).toBe("$88,000,000.00")
    expect(record.fields.customertypecode?.value).toBe("Customer")
    expect(record.fields.transactioncurrencyid?.value).toBe("US Dollar")
    expect(record.subgrids?.Contacts?.map((r) => r.fullname)).toEqual(initech.contacts.map((c) => c.name).sort())
    expect(record.subgrids?.opportunities).toHaveLength(initech.deals.length)
  })

  it("quote page: product lines sub-grid and price fields", () => {
    const deal = initech.deals[2]!
    const quote = deal.quotes.at(-1)!
    const record = readDynamicsRecord(parse(renderDynamicsRecordPage({ entity: "quote", id: dynIds.quote(quote) })!))
    const line = quote.lines[0]!
    expect(record.fields.opportunityid?.value).toBe(deal.name)
    expect(record.subgrids?.quotedetailsGrid).toEqual([
      {
        productname: line.product,
        priceperunit: `$${line.listPrice.toLocaleString("en-US")}.00`,
        quantity: "1.00000",
        manualdiscountamount: `$${(line.listPrice - line.unitPrice).toLocaleString("en-US")}.00`,
        extendedamount: `$${line.unitPrice.toLocaleString("en-US")}.00`
      }
    ])
  })

  it("renders CRM text as text: markup in a record cannot escape (even from the JSON block)", () => {
    const api = createDynamicsMockApi()
    const id = dynIds.account(initech)
    api.touch("accounts", id, { name: `</script><img src=x onerror=alert(1)>"'&` })
    const html = renderDynamicsRecordPage({ entity: "account", id, tables: api.tables })!
    expect(html).not.toContain("<img src=x")
    const doc = parse(html)
    expect(doc.querySelector("img")).toBeNull()
    expect(readDynamicsRecord(doc).name).toBe(`</script><img src=x onerror=alert(1)>"'&`)
    expect(JSON.parse(doc.getElementById("demo-record")!.textContent!).name).toBe(`</script><img src=x onerror=alert(1)>"'&`)
  })

  it("one handler serves pages, lists, script stubs and the Web API; unknown records are unavailable", () => {
    const api = createDynamicsMockApi()
    const page = handleDynamicsRequest({ method: "GET", url: dynamicsRecordUrl("contact", dynIds.contact(initech.contacts[0]!)) }, api)
    expect(page).toMatchObject({ status: 200, headers: { "Content-Type": "text/html; charset=utf-8" } })
    expect(handleDynamicsRequest({ method: "GET", url: "https://northwind.crm4.dynamics.com/main.aspx?pagetype=entitylist&etn=account" }, api).body).toContain("Active Accounts")
    expect(handleDynamicsRequest({ method: "GET", url: "https://northwind.crm4.dynamics.com/uclient/scripts/app.js?v=1" }, api).status).toBe(200)
    expect(handleDynamicsRequest({ method: "GET", url: dynamicsRecordUrl("account", "00000001-0000-4000-8000-00000000dead") }, api).body).toContain("Record Is Unavailable")
    const apiAnswer = handleDynamicsRequest({ method: "GET", url: `https://northwind.crm4.dynamics.com/api/data/v9.2/accounts(${dynIds.account(initech)})?$select=name`, headers: pageHeaders(api.host) }, api)
    expect(JSON.parse(apiAnswer.body).name).toBe(initech.name)
  })
})

describe("demo page script: a plausible Xrm the bridge can read", () => {
  let browser: Browser | undefined
  afterEach(async () => {
    await browser?.close()
    browser = undefined
  })

  async function openPage(url: string) {
    const api = createDynamicsMockApi()
    browser = new Browser({
      settings: {
        enableJavaScriptEvaluation: true,
        suppressInsecureJavaScriptEnvironmentWarning: true,
        fetch: {
          interceptor: {
            beforeAsyncRequest: async ({ request, window }) => {
              const res = handleDynamicsRequest({ method: request.method, url: request.url }, api)
              return new window.Response(res.body, { status: res.status, headers: res.headers })
            }
          }
        }
      }
    } as ConstructorParameters<typeof Browser>[0])
    const page = browser.newPage()
    page.url = url
    page.content = handleDynamicsRequest({ method: "GET", url }, api).body
    await page.waitUntilComplete()
    return page.mainFrame.window as unknown as Window & { Xrm?: { Page: { getAttribute(n: string): { getValue(): unknown } } } }
  }

  function connect(win: Window) {
    const received: BridgeMessage[] = []
    const stop = startDynamicsBridgeMain({ win, pollMs: 10 })
    const channel = new MessageChannel()
    const nonce = "00112233445566778899aabbccddeeff"
    channel.port1.onmessage = (e) => {
      const m = parseBridgeMessage(e.data, nonce)
      if (m) received.push(m)
    }
    const W = win as unknown as { MessageEvent: typeof MessageEvent }
    win.dispatchEvent(new W.MessageEvent("message", { data: { type: HANDSHAKE, nonce }, source: win, origin: win.location.origin, ports: [channel.port2] }))
    return {
      received,
      stop: () => {
        stop()
        channel.port1.close()
      }
    }
  }
  const until = async (predicate: () => boolean) => {
    const end = Date.now() + 3_000
    while (!predicate()) {
      if (Date.now() > end) throw new Error("timed out")
      await new Promise((r) => setTimeout(r, 10))
    }
  }

  it("exposes the record's typed values after load, and relays a price edit", async () => {
    const quote = initech.deals[2]!.quotes.at(-1)!
    const lineId = dynIds.quoteLine(quote, 0)
    const win = await openPage(dynamicsRecordUrl("quotedetail", lineId))
    const bridge = connect(win)
    try {
      await until(() => bridge.received.length >= 1)
      const values = bridge.received[0]!
      if (values.type !== "values") throw new Error("expected values")
      expect(values).toMatchObject({ entityName: "quotedetail", entityId: lineId })
      expect(values.attributes.priceperunit).toEqual({ type: "money", value: quote.lines[0]!.listPrice })
      expect(values.attributes.quoteid).toMatchObject({ type: "lookup", value: [{ id: dynIds.quote(quote), name: quote.name, entityType: "quote" }] })

      const input = win.document.querySelector('input[data-attr="manualdiscountamount"]') as HTMLInputElement
      input.value = "1000"
      input.dispatchEvent(new (win as unknown as { Event: typeof Event }).Event("change", { bubbles: true }))
      await until(() => bridge.received.some((m) => m.type === "change" && m.name === "manualdiscountamount"))
      const change = bridge.received.find((m) => m.type === "change" && m.name === "manualdiscountamount")
      expect(change).toMatchObject({ attribute: { type: "money", value: 1000 } })
      await until(() => bridge.received.some((m) => m.type === "change" && m.name === "extendedamount"))
      expect(win.Xrm!.Page.getAttribute("extendedamount").getValue()).toBe(quote.lines[0]!.listPrice - 1000)
      expect((win.document.querySelector('[data-id="header_title"] .status') as HTMLElement).textContent).toBe(" - Unsaved")
      ;(win.document.querySelector('[data-command="save"]') as HTMLElement).click()
      await until(() => bridge.received.some((m) => m.type === "save"))
    } finally {
      bridge.stop()
    }
  })

  it("navigates in-app (pushState, no reload) and the bridge follows to the next record", async () => {
    const deal = initech.deals[2]!
    const quote = deal.quotes.at(-1)!
    const win = await openPage(dynamicsRecordUrl("quote", dynIds.quote(quote)))
    const bridge = connect(win)
    try {
      await until(() => bridge.received.length >= 1)
      const link = win.document.querySelector('[data-id="opportunityid.fieldControl-LookupResultsDropdown_opportunityid_selected_tag_text"]') as HTMLAnchorElement
      link.click()
      await until(() => bridge.received.some((m) => m.type === "values" && m.entityName === "opportunity"))
      expect(parseDynamicsUrl(win.location.href)).toMatchObject({ objectType: "opportunity", id: dynIds.deal(deal) })
      expect(readDynamicsRecord(win.document as unknown as Document)).toMatchObject({ objectType: "opportunity", name: deal.name })
      expect(win.history.length).toBeGreaterThan(1)
    } finally {
      bridge.stop()
    }
  })
})
