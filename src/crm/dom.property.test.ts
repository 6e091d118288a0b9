// @vitest-environment happy-dom
/**
 * Property tests of the DOM readers (fast-check) on hostile pages: saved Salesforce and Dynamics
 * record pages, mutated by what a page script can do (any text or markup in any element, any
 * value in the attributes the readers key on, elements removed or repeated). The readers never
 * throw, return plain text within their caps, and the observation the content script builds from
 * what they read is always one the background takes (cut to fit, never refused whole).
 */
import fc from "fast-check"
import { readFileSync } from "node:fs"
import { resolve } from "node:path"
import { describe, expect, it } from "vitest"
import { hostileText, longHostileText } from "../../tests/support/arbitraries"
import { observe, type PageReader } from "../lib/page-watcher"
import { ContentMessageSchema } from "../messaging/schemas"
import { dynamicsPage } from "./dynamics/page"
import { salesforcePage } from "./salesforce/page"

// Vitest runs from the repository root; happy-dom replaces URL, so no import.meta.url here.
const FIXTURES = resolve(process.cwd(), "tests/fixtures")
const parse = (path: string) => new DOMParser().parseFromString(readFileSync(resolve(FIXTURES, path), "utf8"), "text/html")

const ATTRIBUTES = ["data-target-selection-name", "data-id", "data-lp-id", "data-recordid", "title", "aria-label", "href", "id", "class", "onclick", "alt", "slot", "value", "type"] as const

const mutation = fc.oneof(
  fc.record({ kind: fc.constant("text" as const), at: fc.nat(), text: longHostileText() }),
  fc.record({ kind: fc.constant("attribute" as const), at: fc.nat(), name: fc.constantFrom(...ATTRIBUTES), text: longHostileText() }),
  fc.record({ kind: fc.constant("markup" as const), at: fc.nat(), text: hostileText() }),
  fc.record({ kind: fc.constant("remove" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("repeat" as const), at: fc.nat(), times: fc.integer({ min: 1, max: 12 }) })
)
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never

function mutate(doc: Document, mutations: readonly Mutation[]): void {
  for (const m of mutations) {
    const elements = Array.from(doc.body.querySelectorAll("*"))
    const el = elements[m.at % Math.max(1, elements.length)]
    if (!el) return
    if (m.kind === "text") el.textContent = m.text
    else if (m.kind === "attribute") el.setAttribute(m.name, m.text)
    else if (m.kind === "markup") el.replaceChildren(...Array.from(new DOMParser().parseFromString(m.text, "text/html").body.childNodes))
    else if (m.kind === "remove") el.remove()
    else for (let i = 0; i < m.times; i++) el.after(el.cloneNode(true))
  }
}

interface Page {
  file: string
  reader: PageReader
  url: (base: { objectType?: string; id?: string }) => string
}
const salesforceUrl = (base: { objectType?: string; id?: string }) => `https://northwind.lightning.force.com/lightning/r/${base.objectType ?? "Account"}/${base.id ?? "001000000000001AAA"}/view`
const dynamicsUrl = (base: { objectType?: string }) => `https://northwind.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=${base.objectType ?? "account"}&id=00000001-0000-4000-8000-0000000f4244`
const PAGES: Page[] = [
  ...["lightning-account.html", "lightning-opportunity-force.html", "classic-account.html"].map((file) => ({ file: `salesforce/${file}`, reader: salesforcePage, url: salesforceUrl })),
  ...["account.html", "quote.html"].map((file) => ({ file: `dynamics/${file}`, reader: dynamicsPage, url: dynamicsUrl }))
]

describe.each(PAGES)("DOM reader on a hostile $file (property)", ({ file, reader, url }) => {
  const pristine = parse(file)
  const base = reader.readRecord(pristine)

  it("never throws, reads plain text within its caps, and builds an observation the background takes", () => {
    expect(Object.keys(base.fields).length).toBeGreaterThan(0)
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (mutations) => {
        const doc = pristine.cloneNode(true) as Document
        mutate(doc, mutations)
        const record = reader.readRecord(doc)
        for (const [key, field] of Object.entries(record.fields)) {
          expect(typeof key).toBe("string")
          expect(typeof field.label).toBe("string")
          expect(typeof field.value).toBe("string")
          expect(field.label.length).toBeLessThanOrEqual(256)
          expect(field.value.length).toBeLessThanOrEqual(4_000)
        }
        const page = observe(reader, url(base), doc)
        expect(page).not.toBeNull()
        const parsed = ContentMessageSchema.safeParse({ type: "observe", page, focused: true })
        expect(parsed.success ? "" : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")).toBe("")
      }),
      { numRuns: 15 }
    )
  }, 30_000)
})

describe("a Classic row without an id, labelled at length", () => {
  it("keys the field by its long label and the observation is still taken, the key cut to 128 with a marker", () => {
    const doc = parse("salesforce/classic-account.html")
    const label = doc.querySelector("table.detailList td.labelCol")!
    const long = "نشانی کامل محل تحویل کالا به انبار مرکزی شرکت در شهرک صنعتی با ذکر کد پستی و نام تحویل‌گیرنده و شماره تماس اضطراری و ساعات مجاز تحویل در روزهای کاری هفته"
    label.textContent = long
    label.nextElementSibling!.querySelector('div[id$="_ileinner"]')?.removeAttribute("id")
    const record = salesforcePage.readRecord(doc)
    expect(long.length).toBeGreaterThan(128)
    expect(record.fields[long]).toBeDefined()
    const page = observe(salesforcePage, salesforceUrl(record), doc)
    const parsed = ContentMessageSchema.safeParse({ type: "observe", page, focused: true })
    expect(parsed.success).toBe(true)
    const keys = Object.keys(parsed.data!.page.record!.fields)
    expect(keys.filter((k) => k.length > 128)).toEqual([])
    expect(keys.some((k) => k.startsWith(long.slice(0, 100)) && k.endsWith("…"))).toBe(true)
    expect(parsed.data!.cut).toMatchObject({ keys: 1 })
  })
})
