// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://northwind.lightning.force.com/"}
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import type { ContentMessage } from "../messaging/messages"
import { observe, watchRecordPage, type PageReader } from "./page-watcher"

const URL_A = "https://northwind.lightning.force.com/lightning/r/Account/001000000000001AAA/view"

function reader(overrides: Partial<PageReader> = {}): PageReader & { reads: number } {
  const r = {
    reads: 0,
    crm: "salesforce" as const,
    parseUrl: (url: string) => {
      const m = /\/r\/(\w+)\/(\w+)\/view/.exec(url)
      return m ? { host: "northwind.lightning.force.com", org: "northwind", objectType: m[1]!, id: m[2]! } : null
    },
    orgOf: () => "northwind",
    readRecord() {
      r.reads++
      return { name: document.title, fields: {} }
    },
    ...overrides
  }
  return r
}

describe("observe", () => {
  it("reports a non-record CRM page as record: null", () => {
    expect(observe(reader(), "https://northwind.lightning.force.com/lightning/page/home", document)).toMatchObject({ record: null, org: "northwind" })
  })
  it("ignores the DOM while it still shows another record", () => {
    const page = observe(reader({ readRecord: () => ({ id: "001000000000002AAA", name: "Old", fields: { A: { label: "A", value: "1" } } }) }), URL_A, document)
    expect(page?.record).toEqual({ objectType: "Account", id: "001000000000001AAA", fields: {} })
  })
})

describe("watchRecordPage", () => {
  beforeEach(() => {
    vi.useFakeTimers()
    history.replaceState(null, "", new URL(URL_A).pathname)
    document.title = "Globex"
  })
  afterEach(() => vi.useRealTimers())

  it("reads fully only when the title changes and at the last tick", async () => {
    document.title = "" // the header has not rendered yet
    const r = reader({ readTitle: () => document.title })
    const sent: ContentMessage[] = []
    const watcher = watchRecordPage(r, { send: async (m) => void sent.push(m), isFocused: () => true, schedule: [0, 100, 200, 300] })
    await vi.advanceTimersByTimeAsync(150)
    expect(r.reads).toBe(1)
    document.title = "Globex Manufacturing"
    await vi.advanceTimersByTimeAsync(60)
    expect(r.reads).toBe(2)
    await vi.advanceTimersByTimeAsync(200)
    expect(r.reads).toBe(3) // the last tick always reads
    expect(sent.map((m) => m.page.record?.name)).toEqual([undefined, "Globex Manufacturing"]) // unchanged reads are not re-sent
    watcher.stop()
  })

  it("stops checking the title once a read has named the record, until the last tick", async () => {
    let titleReads = 0
    const r = reader({ readTitle: () => (titleReads++, document.title) })
    const sent: ContentMessage[] = []
    const watcher = watchRecordPage(r, { send: async (m) => void sent.push(m), isFocused: () => true, schedule: [0, 100, 200, 300] })
    await vi.advanceTimersByTimeAsync(250)
    expect(titleReads).toBe(1)
    document.title = "Globex Manufacturing" // renamed: the last tick's read still finds it
    await vi.advanceTimersByTimeAsync(100)
    expect(titleReads).toBe(2)
    expect(r.reads).toBe(2)
    expect(sent.map((m) => m.page.record?.name)).toEqual(["Globex", "Globex Manufacturing"])
    watcher.stop()
  })

  it("reads on every tick when the CRM offers no cheap title read", async () => {
    const r = reader()
    const watcher = watchRecordPage(r, { send: async () => undefined, isFocused: () => true, schedule: [0, 100, 200] })
    await vi.advanceTimersByTimeAsync(250)
    expect(r.reads).toBe(3)
    watcher.stop()
  })
})

describe("watchRecordPage after a navigation", () => {
  beforeEach(() => {
    vi.useFakeTimers()
    history.replaceState(null, "", new URL(URL_A).pathname)
    document.title = "Globex"
  })
  afterEach(() => vi.useRealTimers())

  it("does not read while the DOM still shows the previous record's title", async () => {
    const r = reader({ readTitle: () => document.title })
    const watcher = watchRecordPage(r, { send: async () => undefined, isFocused: () => true, schedule: [0, 100, 200, 300] })
    await vi.advanceTimersByTimeAsync(350)
    const before = r.reads
    history.pushState(null, "", "/lightning/r/Opportunity/006000000000001AAA/view")
    dispatchEvent(new PopStateEvent("popstate"))
    await vi.advanceTimersByTimeAsync(150)
    expect(r.reads).toBe(before) // the old title is still on screen
    document.title = "Press line lease"
    await vi.advanceTimersByTimeAsync(60)
    expect(r.reads).toBe(before + 1)
    watcher.stop()
  })
})
