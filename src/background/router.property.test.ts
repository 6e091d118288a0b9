/**
 * Property tests of the router's gates and schemas (fast-check): whatever a CRM tab or an
 * extension page sends, the router answers (never throws, never hangs) either by handing the
 * handler a message that fits what Parley stores, or by refusing it with a reason. An
 * observation of a real shape is never refused for what its fields hold: it is cut to fit.
 */
import fc from "fast-check"
import { describe, expect, it, vi } from "vitest"
import { MAX_MESSAGE_BYTES } from "../../plasmo.config"
import { hostileJson, hostileText, longHostileText } from "../../tests/support/arbitraries"
import { PanelMessageSchema } from "../messaging/schemas"
import { PageRecord } from "../model/schema"
import { createRouter, type RouterOptions } from "./router"

const EXT = "abcdefghijklmnopabcdefghijklmnop"
const ORIGIN = `chrome-extension://${EXT}/`
const crmTab = { id: EXT, url: "https://northwind.lightning.force.com/lightning/r/Account/001000000000001AAA/view", tab: { id: 7 } }
const panel = { id: EXT, url: `${ORIGIN}sidepanel.html` }

function setup() {
  const onContent = vi.fn<RouterOptions["onContent"]>(async () => ({ ok: true }))
  const onPanel = vi.fn<RouterOptions["onPanel"]>(async () => ({ ok: true }))
  return { route: createRouter({ extensionId: EXT, extensionOrigin: ORIGIN, onContent, onPanel }), onContent, onPanel }
}

const field = fc.record(
  { label: longHostileText(), value: longHostileText(), relatedId: fc.oneof(fc.constant(undefined), fc.constant("001000000000001AAA"), hostileText(100)) },
  { requiredKeys: ["label", "value"] }
).map((f) => (f.relatedId === undefined ? { label: f.label, value: f.value } : f))

/** An observation as a content script builds it, with whatever the page put in its fields. */
const observation = fc.record({
  fields: fc.oneof(
    fc.dictionary(longHostileText(), field, { maxKeys: 40 }),
    fc.integer({ min: 480, max: 700 }).map((n) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`f${i}`, { label: `Field ${i}`, value: "مقدار" }])))
  ),
  name: fc.option(longHostileText(), { nil: undefined }),
  focused: fc.boolean()
}).map(({ fields, name, focused }) => ({
  type: "observe",
  focused,
  page: {
    crm: "salesforce",
    host: "northwind.lightning.force.com",
    org: "northwind",
    url: crmTab.url,
    record: { objectType: "Account", id: "001000000000001AAA", ...(name === undefined ? {} : { name }), fields }
  }
}))

const PANEL_MESSAGE_TYPES = PanelMessageSchema.options.map((o) => o.shape.type.value)

const refusal = (reply: unknown) => expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^rejected: \S/), code: "rejected" })

describe("router (property)", () => {
  it("answers anything a CRM tab sends: handed on as a valid observation, or refused with a reason", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileJson(), fc.anything()), async (message) => {
        const { route, onContent } = setup()
        const reply = await route(message, crmTab)
        if (onContent.mock.calls.length === 0) refusal(reply)
        else expect(reply).toEqual({ ok: true })
      }),
      { numRuns: 500 }
    )
  })

  it("answers anything an extension page sends, of every message type: handled, or refused with a reason", async () => {
    const message = fc.tuple(fc.constantFrom(...PANEL_MESSAGE_TYPES), fc.dictionary(fc.constantFrom("recordKey", "crm", "org", "key", "accountKey", "settings", "json", "redact", "language", "retentionDays", "snapshotKey", "pdfBase64", "extra"), hostileJson(), { maxKeys: 5 }))
    await fc.assert(
      fc.asyncProperty(message, async ([type, props]) => {
        const { route, onPanel } = setup()
        const reply = await route({ ...props, type }, panel)
        if (onPanel.mock.calls.length === 0) refusal(reply)
        else expect(onPanel.mock.calls[0]![0].type).toBe(type)
      }),
      { numRuns: 500 }
    )
  })

  it("never refuses an observation for what its fields hold: it arrives cut to fit what is stored", async () => {
    await fc.assert(
      fc.asyncProperty(observation, async (message) => {
        const { route, onContent } = setup()
        expect(await route(message, crmTab)).toEqual({ ok: true })
        const received = onContent.mock.calls[0]![0]
        const record = received.page.record!
        const { cut: _cut, ...stored } = received
        expect(new TextEncoder().encode(JSON.stringify(stored)).length).toBeLessThanOrEqual(MAX_MESSAGE_BYTES)
        const row = { key: "salesforce:northwind:001000000000001AAA", crm: "salesforce", org: "northwind", id: record.id, objectType: record.objectType, name: record.name, url: received.page.url, fields: record.fields, seenAt: 1 }
        const parsed = PageRecord.safeParse(row)
        expect(parsed.success ? "" : parsed.error.issues[0]!.message).toBe("")
        expect(Object.keys(record.fields).length).toBeLessThanOrEqual(500)
        // Every field the page sent is either kept or counted as dropped.
        const sent = Object.keys(message.page.record.fields).length
        expect(Object.keys(record.fields).length + (received.cut?.droppedFields ?? 0)).toBe(sent)
      }),
      { numRuns: 200 }
    )
  })
})
