import { describe, expect, it } from "vitest"
import { MAX_MESSAGE_BYTES } from "../../plasmo.config"
import { handleContentMessage } from "../background/handlers/content"
import { syncsInFlight, type SyncEnvironment } from "../background/sync"
import { openDatabase } from "../model/db"
import { FieldValue, PageRecord } from "../model/schema"
import { CUT_MARKER, OBSERVATION_CAPS } from "./fit-observation"
import type { ContentMessage, PageObservation } from "./messages"
import { ContentMessageSchema } from "./schemas"

type Fields = NonNullable<PageObservation["record"]>["fields"]

const URL_ = "https://northwind.lightning.force.com/lightning/r/Opportunity/006000000000001AAA/view"
function observe(fields: Fields, name = "تمدید قرارداد گلوبکس"): ContentMessage {
  return {
    type: "observe",
    focused: true,
    page: { crm: "salesforce", host: "northwind.lightning.force.com", org: "northwind", url: URL_, record: { objectType: "Opportunity", id: "006000000000001AAA", name, fields } }
  }
}
const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length

function intake(message: unknown): ContentMessage {
  const parsed = ContentMessageSchema.safeParse(message)
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join("; "))
  return parsed.data
}
const storedFields = (message: ContentMessage) => message.page.record!.fields

/** What a stored page record must satisfy (model/schema.ts): the fitted record always does. */
function expectStorable(message: ContentMessage) {
  const record = message.page.record!
  const row = { key: "salesforce:northwind:006000000000001AAA", crm: "salesforce", org: "northwind", id: record.id, objectType: record.objectType, name: record.name, url: message.page.url, fields: record.fields, seenAt: 1 }
  expect(PageRecord.safeParse(row).success).toBe(true)
  expect(Object.keys(record.fields).length).toBeLessThanOrEqual(OBSERVATION_CAPS.fields)
  expect(bytes({ ...message, cut: undefined })).toBeLessThanOrEqual(MAX_MESSAGE_BYTES)
}

describe("an observation is cut to fit, never lost for one long label", () => {
  it("shortens a field key over 128 characters (a localised highlights label) with a marker and says so", () => {
    const persianLabel = "مبلغ پیشنهادی نهایی پس از اعمال تخفیف ویژهٔ مشتریان کلیدی در فصل پاییز و با احتساب مالیات بر ارزش افزوده و هزینهٔ حمل و نصب"
    const english = `Highlights: ${"Expected revenue after the key-account discount ".repeat(4)}`
    const message = intake(observe({ [persianLabel + persianLabel]: { label: "مبلغ", value: "۱۲۰٬۰۰۰٬۰۰۰ ریال" }, [english]: { label: "Amount", value: "$120,000" }, Stage: { label: "Stage", value: "Negotiation" } }))
    const keys = Object.keys(storedFields(message))
    expect(keys).toHaveLength(3)
    for (const key of keys.slice(0, 2)) {
      expect(key.length).toBeLessThanOrEqual(128)
      expect(key.endsWith(CUT_MARKER)).toBe(true)
    }
    expect(keys[0]!.startsWith(persianLabel.slice(0, 100))).toBe(true)
    expect(storedFields(message).Stage).toEqual({ label: "Stage", value: "Negotiation" })
    expect(message.cut).toMatchObject({ keys: 2, labels: 0, values: 0, droppedFields: 0 })
    expectStorable(message)
  })

  it("keeps two long keys that share their first 128 characters apart, and never lands on a key the page sent", () => {
    const stem = "Row without an id: ".padEnd(140, "x")
    const taken = `${stem.slice(0, 127)}${CUT_MARKER}`
    const message = intake(observe({ [`${stem}A`]: { label: "a", value: "1" }, [`${stem}B`]: { label: "b", value: "2" }, [taken]: { label: "c", value: "3" } }))
    const fields = storedFields(message)
    expect(Object.values(fields).map((f) => f.value).sort()).toEqual(["1", "2", "3"])
    expect(fields[taken]!.value).toBe("3")
    expectStorable(message)
  })

  it("shortens labels, values and the name over their caps, drops an over-long related id, and surrogate pairs stay whole", () => {
    const message = intake(observe({ Description: { label: "توضیحات ".repeat(60), value: "😀".repeat(3_000), relatedId: "0".repeat(80) } }, "G".repeat(400)))
    const field = storedFields(message).Description!
    expect(field.label.length).toBeLessThanOrEqual(256)
    expect(field.value.length).toBeLessThanOrEqual(4_000)
    expect(field.value.endsWith(`😀${CUT_MARKER}`)).toBe(true)
    expect(field.relatedId).toBeUndefined()
    expect(message.page.record!.name).toBe(`${"G".repeat(255)}${CUT_MARKER}`)
    expect(message.cut).toMatchObject({ labels: 1, values: 1, relatedIds: 1, name: true })
    expect(FieldValue.safeParse(field).success).toBe(true)
  })

  it("drops the fields beyond 500 (the page's order decides) with a diagnostic", () => {
    const fields: Fields = {}
    for (let i = 0; i < 620; i++) fields[`field_${i}`] = { label: `Field ${i}`, value: `مقدار ${i}` }
    const message = intake(observe(fields))
    expect(Object.keys(storedFields(message))).toEqual(Array.from({ length: 500 }, (_, i) => `field_${i}`))
    expect(message.cut).toMatchObject({ droppedFields: 120, keys: 0 })
    expectStorable(message)
  })

  it("cuts an observation over 256 KiB to fit, the largest values first, small ones untouched", () => {
    const fields: Fields = {}
    for (let i = 0; i < 20; i++) fields[`Short_${i}`] = { label: `Short ${i}`, value: i % 2 ? "Globex" : "شرکت پخش داریوش" }
    for (let i = 0; i < 120; i++) fields[`Notes_${i}`] = { label: `Notes ${i}`, value: (i % 2 ? "Call back about renewal. " : "پیگیری تمدید قرارداد. ").repeat(200).slice(0, 3_000 + i * 8) }
    const message = observe(fields)
    expect(bytes(message)).toBeGreaterThan(MAX_MESSAGE_BYTES)
    const fitted = intake(message)
    expectStorable(fitted)
    expect(bytes({ ...fitted, cut: undefined })).toBeGreaterThan(MAX_MESSAGE_BYTES * 0.95)
    const stored = storedFields(fitted)
    expect(Object.keys(stored)).toHaveLength(140)
    for (let i = 0; i < 20; i++) expect(stored[`Short_${i}`]).toEqual(fields[`Short_${i}`])
    const cutValues = Object.values(stored).filter((f) => f.value.endsWith(CUT_MARKER))
    expect(cutValues.length).toBeGreaterThan(0)
    // Cut to one common size: the cut values are the longest ones left and within a few bytes of each other.
    const sizes = cutValues.map((f) => bytes(f.value))
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(6)
    const untouched = Object.values(stored).filter((f) => !f.value.endsWith(CUT_MARKER))
    expect(Math.max(...untouched.map((f) => bytes(f.value)))).toBeLessThanOrEqual(Math.max(...sizes))
    expect(fitted.cut).toMatchObject({ values: cutValues.length, droppedFields: 0, bytesReceived: bytes(message) })
    expect(fitted.cut!.bytesStored).toBe(bytes({ ...fitted, cut: undefined }))
  })

  it("drops fields from the end only when shortening every value and label is not enough", () => {
    const fields: Fields = {}
    const key = (i: number) => `${"\u0001".repeat(100)}${String(i).padStart(3, "0")}`
    for (let i = 0; i < 500; i++) fields[key(i)] = { label: "\u0002".repeat(256), value: "\u0003".repeat(4_000) }
    const fitted = intake(observe(fields))
    expectStorable(fitted)
    expect(fitted.cut!.droppedFields).toBeGreaterThan(0)
    expect(Object.keys(storedFields(fitted))[0]).toBe(key(0))
  })

  it("counts a field validation cannot keep (a `__proto__` key) as dropped instead of losing it unseen", () => {
    const raw = JSON.parse('{"type":"observe","focused":true,"page":{"crm":"salesforce","host":"northwind.lightning.force.com","org":"northwind","url":"' + URL_ + '","record":{"objectType":"Opportunity","id":"006000000000001AAA","fields":{"__proto__":{"label":"x","value":"y"},"Stage":{"label":"مرحله","value":"مذاکره"}}}}}')
    const message = intake(raw)
    expect(Object.keys(storedFields(message))).toEqual(["Stage"])
    expect(message.cut).toMatchObject({ droppedFields: 1 })
    expect(Object.getPrototypeOf(storedFields(message))).toBe(Object.prototype)
  })

  it("leaves an observation within every cap exactly as it came, with no cut", () => {
    const message = observe({ Amount: { label: "Amount", value: "120000", relatedId: "001000000000001AAA" } })
    expect(intake(message)).toEqual(message)
  })

  it("still refuses what cannot be kept, with a clear reason", () => {
    const bad = (patch: (m: ContentMessage) => unknown) => {
      const parsed = ContentMessageSchema.safeParse(patch(structuredClone(observe({ A: { label: "a", value: "b" } }))))
      return parsed.success ? "accepted" : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")
    }
    expect(bad((m) => ({ ...m, page: { ...m.page, record: { ...m.page.record!, id: "<script>" } } }))).toMatch(/id must be a record id/)
    expect(bad((m) => ({ ...m, page: { ...m.page, record: { ...m.page.record!, fields: { A: { label: "a", value: 5 } } } } }))).toMatch(/page\.record\.fields\.A\.value/)
    expect(bad((m) => ({ ...m, page: { ...m.page, record: { ...m.page.record!, fields: [{ label: "a", value: "b" }] } } }))).toMatch(/page\.record\.fields/)
    expect(bad((m) => ({ ...m, page: { ...m.page, record: { ...m.page.record!, fields: { A: { label: "a", value: "b", html: "<b>" } } } } }))).toMatch(/page\.record\.fields\.A/)
    expect(bad((m) => ({ ...m, cut: { keys: 0 } }))).toMatch(/cut|Unrecognized/i)
    expect(bad((m) => ({ ...m, page: { ...m.page, url: `https://x.example/${"a".repeat(3_000)}` } }))).toMatch(/page\.url/)
  })

  it("stores the cut observation and the reply says what was cut", async () => {
    const db = openDatabase(`fit-${Math.random()}`)
    const env = { db, now: () => 1 } as unknown as SyncEnvironment
    const message = intake(observe({ ["برچسب بسیار بلند ".repeat(12)]: { label: "برچسب", value: "مقدار" } }))
    const reply = await handleContentMessage(message, { url: URL_, tab: { id: 3 } }, { db, env, now: () => 1 }, async () => [])
    await Promise.allSettled(syncsInFlight("salesforce", "northwind"))
    expect(reply).toMatchObject({ ok: true, data: { recordKey: "salesforce:northwind:006000000000001AAA", cut: { keys: 1 } } })
    const row = await db.pageRecords.get("salesforce:northwind:006000000000001AAA")
    expect(Object.keys(row!.fields)[0]!.endsWith(CUT_MARKER)).toBe(true)
  })
})
