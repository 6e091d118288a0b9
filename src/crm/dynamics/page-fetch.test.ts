import { describe, expect, it } from "vitest"
import { PageGoneError } from "./api"
import { RELAY_MESSAGE, relayRefusal } from "./page-relay"
import { RelayRefusedError, createPageFetch, type RelayTab } from "./page-fetch"

const PAGE = "https://northwind.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=x"
const ROOT = "https://northwind.crm4.dynamics.com/api/data/v9.2"
const GET = { method: "GET" as const, headers: { Accept: "application/json" } }
const ok = (body = "{}", headers: Record<string, string | null> = {}) => ({ status: 200, headers: { "content-type": "application/json", ...headers }, body })

function relay(tabs: RelayTab[], answer: (tabId: number, message: { url: string; method: string }) => unknown) {
  const sent: { tabId: number; message: { type: string; url: string; method: string } }[] = []
  const fetch = createPageFetch({
    root: ROOT,
    tabs: async () => tabs,
    send: async (tabId, message) => {
      sent.push({ tabId, message: message as { type: string; url: string; method: string } })
      return answer(tabId, message as { url: string; method: string })
    },
    sleep: async () => {}
  })
  return { fetch, sent }
}

describe("relayRefusal (checked in the tab and in the worker)", () => {
  it("allows only the page's own origin under its org's /api/data/", () => {
    expect(relayRefusal(`${ROOT}/accounts`, PAGE)).toBeNull()
    expect(relayRefusal("https://contoso.crm4.dynamics.com/api/data/v9.2/accounts", PAGE)).toBe("origin")
    expect(relayRefusal("https://northwind.crm4.dynamics.com/main.aspx", PAGE)).toBe("path")
    expect(relayRefusal("https://northwind.crm4.dynamics.com/api/data/v9.2", PAGE)).toBe("path")
    expect(relayRefusal("http://northwind.crm4.dynamics.com/api/data/v9.2/accounts", PAGE)).toBe("origin")
    expect(relayRefusal("not a url", PAGE)).toBe("origin")
    const onPrem = "https://crm.contoso.local:5555/Sales/main.aspx"
    expect(relayRefusal("https://crm.contoso.local:5555/sales/api/data/v9.2/accounts", onPrem)).toBeNull()
    expect(relayRefusal("https://crm.contoso.local:5555/Finance/api/data/v9.2/accounts", onPrem)).toBe("org")
    expect(relayRefusal("https://crm.contoso.local/Sales/api/data/v9.2/accounts", onPrem)).toBe("origin")
  })
})

describe("createPageFetch", () => {
  it("sends one relay message to a tab of the org and gives its answer back as a response", async () => {
    const { fetch, sent } = relay([{ id: 7, url: PAGE }], () => ok('{"value":[]}', { "retry-after": null, date: "Fri, 20 Nov 2026 12:00:00 GMT" }))
    const res = await fetch(`${ROOT}/accounts`, GET)
    expect(sent).toEqual([{ tabId: 7, message: { type: RELAY_MESSAGE, url: `${ROOT}/accounts`, method: "GET", headers: GET.headers } }])
    expect(res.status).toBe(200)
    expect(res.headers.get("Date")).toBe("Fri, 20 Nov 2026 12:00:00 GMT")
    expect(res.headers.get("Retry-After")).toBeNull()
    expect(await res.text()).toBe('{"value":[]}')
  })

  it("refuses, without sending, a URL outside the org's Web API", async () => {
    const { fetch, sent } = relay([{ id: 7, url: PAGE }], () => ok())
    await expect(fetch("https://evil.example/api/data/v9.2/accounts", GET)).rejects.toBeInstanceOf(RelayRefusedError)
    await expect(fetch("https://northwind.crm4.dynamics.com/main.aspx", GET)).rejects.toBeInstanceOf(RelayRefusedError)
    expect(sent).toEqual([])
  })

  it("moves to the next tab of the org when one is gone, and says so when none is left", async () => {
    const { fetch, sent } = relay([{ id: 1, url: PAGE }, { id: 2, url: PAGE }], (tabId) => {
      if (tabId === 1) throw new Error("Could not establish connection. Receiving end does not exist.")
      return ok()
    })
    expect((await fetch(`${ROOT}/accounts`, GET)).status).toBe(200)
    expect(sent.map((s) => s.tabId)).toEqual([1, 2])
    const none = relay([], () => ok())
    await expect(none.fetch(`${ROOT}/accounts`, GET)).rejects.toBeInstanceOf(PageGoneError)
    const allGone = relay([{ id: 1, url: PAGE }], () => {
      throw new Error("The message port closed before a response was received.")
    })
    await expect(allGone.fetch(`${ROOT}/accounts`, GET)).rejects.toBeInstanceOf(PageGoneError)
    expect(allGone.sent).toHaveLength(3) // a reloading page gets a moment
  })

  it("never re-sends a write whose tab vanished", async () => {
    const { fetch, sent } = relay([{ id: 1, url: PAGE }, { id: 2, url: PAGE }], () => {
      throw new Error("The message port closed before a response was received.")
    })
    await expect(fetch(`${ROOT}/annotations`, { method: "POST", headers: {}, body: "{}" })).rejects.toBeInstanceOf(PageGoneError)
    expect(sent).toHaveLength(1)
  })

  it("rejects malformed answers and passes on the page's own refusals and network errors", async () => {
    await expect(relay([{ id: 1, url: PAGE }], () => ({ status: "200", body: 1 })).fetch(`${ROOT}/accounts`, GET)).rejects.toThrow(/malformed/)
    await expect(relay([{ id: 1, url: PAGE }], () => ({ refused: "origin" })).fetch(`${ROOT}/accounts`, GET)).rejects.toBeInstanceOf(RelayRefusedError)
    await expect(relay([{ id: 1, url: PAGE }], () => ({ error: "TypeError: Failed to fetch" })).fetch(`${ROOT}/accounts`, GET)).rejects.toThrow(/Failed to fetch/)
  })

  it("skips tabs of the org whose page may not fetch the URL", async () => {
    const { fetch, sent } = relay([{ id: 1, url: "https://contoso.crm4.dynamics.com/main.aspx" }, { id: 2, url: PAGE }], () => ok())
    await fetch(`${ROOT}/accounts`, GET)
    expect(sent.map((s) => s.tabId)).toEqual([2])
  })
})
