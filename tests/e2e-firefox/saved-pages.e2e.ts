/**
 * Every saved CRM page the unit tests read (tests/fixtures/salesforce, tests/fixtures/dynamics),
 * served in real Firefox at a URL of the kind its CRM uses, read by Parley's own content script
 * from the production Firefox build. What reaches storage and the panel must be what the pure
 * reader gives for the same HTML in Node (happy-dom, as the unit tests parse it), through the same
 * `observe` and intake the content script and the background use: Xray wrappers, shadow roots,
 * the parser or the load timing of Firefox must change nothing. One browser for all pages.
 */
import { readFileSync } from "node:fs"
import { resolve } from "node:path"
import { isDeepStrictEqual } from "node:util"
import { Window } from "happy-dom"
import type { Page } from "puppeteer-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { launchFirefox, readStore, type FirefoxSession } from "../../demo/firefox"
import { DEMO_SALESFORCE } from "../../demo/salesforce/records"
import { until } from "../../demo/wait"
import { dynamicsPage } from "../../src/crm/dynamics/page"
import { salesforcePage } from "../../src/crm/salesforce/page"
import { observe } from "../../src/lib/page-watcher"
import type { PageObservation } from "../../src/messaging/messages"
import { ContentMessageSchema } from "../../src/messaging/schemas"
import { recordKey } from "../../src/model/keys"
import { objectTypeText } from "../../src/panel/labels"
import { CATALOGUE, CRM_MESSAGES } from "../../src/panel/i18n"
import { attachDeclarativeShadowRoots } from "../support/declarative-shadow"

const FIXTURES = resolve("tests/fixtures")
const lightning = (path: string) => `https://${DEMO_SALESFORCE.uiHost}${path}`
const classic = (path: string) => `https://${DEMO_SALESFORCE.apiHost}${path}`

/** Where each saved Salesforce page is shown: the record its page names (the Lightning record URL;
 * Classic's `/<15-character id>` on the My Domain host; a console subtab inside a Case workspace). */
const SALESFORCE_URLS: Record<string, string> = {
  "lightning-account.html": lightning("/lightning/r/Account/001000000000002AAA/view"),
  "lightning-account-force.html": lightning("/lightning/r/Account/001000000000002AAA/view"),
  "lightning-contact.html": lightning("/lightning/r/Contact/00300000000002SAAQ/view"),
  "lightning-contact-force.html": lightning("/lightning/r/Contact/00300000000002SAAQ/view"),
  "lightning-opportunity.html": lightning("/lightning/r/Opportunity/00600000000000LAAQ/view"),
  "lightning-opportunity-force.html": lightning("/lightning/r/Opportunity/00600000000000LAAQ/view"),
  "lightning-case.html": lightning("/lightning/r/Case/5000000000000B4AAI/view"),
  "lightning-case-force.html": lightning("/lightning/r/Case/5000000000000B4AAI/view"),
  "lightning-quote.html": lightning("/lightning/r/Quote/0Q0000000000066CAA/view"),
  "lightning-quote-force.html": lightning("/lightning/r/Quote/0Q0000000000066CAA/view"),
  "lightning-console.html": lightning("/lightning/r/Account/001000000000002AAA/view?ws=%2Flightning%2Fr%2FCase%2F5000000000000B4AAI%2Fview"),
  "lightning-two-pages.html": lightning("/lightning/r/Opportunity/00600000000000CAAQ/view"),
  "lightning-shadow.html": lightning("/lightning/r/Account/001000000000002AAA/view"),
  // The capture is one field of a Lead page; the Lead's id was not kept.
  "lightning-capture-lookup.html": lightning("/lightning/r/Lead/00Qd000000Xy7Qa/view"),
  "classic-account.html": classic("/001000000000002"),
  "classic-opportunity.html": classic("/00600000000000L")
}

interface SavedPage {
  file: string
  url: string
  html: string
}

/** Several pages show the same record: a query of its own tells whose read the stored row is. */
const tagged = (url: string, file: string) => `${url}${url.includes("?") ? "&" : "?"}parley-fixture=${file}`

function saved(crm: "salesforce" | "dynamics", file: string): SavedPage {
  const html = readFileSync(resolve(FIXTURES, crm, file), "utf8")
  // Each saved Dynamics form records the URL it was saved from.
  const url = crm === "salesforce" ? SALESFORCE_URLS[file] : /saved: (https:\/\/\S+)/.exec(html)?.[1]
  if (!url) throw new Error(`no URL for ${crm}/${file}`)
  return { file: `${crm}/${file}`, url: tagged(url, file), html }
}

const PAGES: SavedPage[] = [
  ...Object.keys(SALESFORCE_URLS).map((file) => saved("salesforce", file)),
  ...["account.html", "contact.html", "incident.html", "opportunity.html", "quote.html"].map((file) => saved("dynamics", file))
]

/** What the content script reports for this HTML at this URL, read in Node, as the background stores it. */
function expected(page: SavedPage): PageObservation & { record: NonNullable<PageObservation["record"]> } {
  const window = new Window({ url: page.url })
  const doc = new window.DOMParser().parseFromString(page.html, "text/html") as unknown as Document
  attachDeclarativeShadowRoots(doc)
  const reader = page.file.startsWith("salesforce/") ? salesforcePage : dynamicsPage
  const message = ContentMessageSchema.parse({ type: "observe", page: observe(reader, page.url, doc), focused: true })
  void window.happyDOM.close()
  if (message.type !== "observe" || !message.page.record) throw new Error(`${page.file} is not a record page at ${page.url}`)
  return { ...message.page, record: message.page.record }
}

let firefox: FirefoxSession
let panel: Page
let crm: Page

beforeAll(async () => {
  const byUrl = new Map(PAGES.map((p) => [p.url, p.html]))
  firefox = await launchFirefox({ pages: (url) => byUrl.get(url) })
  panel = await firefox.panel()
  crm = await firefox.newPage()
})
afterAll(async () => {
  await firefox?.close()
})

/** Storage and the panel hold what the pure reader gives for `page`, once Firefox has read it. */
async function expectReadAsInNode(page: SavedPage): Promise<void> {
  const want = expected(page)
  // A reading that finds nothing would agree trivially.
  expect(Object.keys(want.record.fields).length).toBeGreaterThan(0)
  const key = recordKey(want.crm, want.org, want.record.id)

  // Stored as read: the row of this record that this page's read produced.
  const pick = (row: Record<string, unknown>) => ({ objectType: row.objectType, id: row.id, name: row.name ?? undefined, url: row.url, fields: row.fields })
  const wanted = { objectType: want.record.objectType, id: want.record.id, name: want.record.name, url: want.url, fields: want.record.fields }
  let stored: unknown
  await until(`${page.file} stored`, async () => {
    const row = (await readStore(panel, "pageRecords")).find((r) => r.key === key && r.url === page.url)
    stored = row && pick(row)
    return row && isDeepStrictEqual(stored, wanted)
  }, 20_000).catch(() => undefined)
  expect(stored).toEqual(wanted)

  // Shown as read: the title, which record and object, and every field with its value.
  const typeKey = objectTypeText(want.record.objectType)
  const en = CATALOGUE.en
  const wantShown = {
    title: want.record.name ?? want.record.id,
    key,
    eyebrow: `${en[CRM_MESSAGES[want.crm].name]} · ${en.org} ${want.org} · ${typeKey ? en[typeKey] : want.record.objectType}`,
    fields: Object.fromEntries(Object.entries(want.record.fields).map(([name, f]) => [name, f.value]))
  }
  const shown = () =>
    panel.evaluate(() => {
      const title = document.querySelector('[data-testid="record-title"]')
      const fields = [...document.querySelectorAll('[data-testid="page-fields"] .field')].map((f) => [f.querySelector("dt")?.getAttribute("title") ?? "", f.querySelector("dd")?.textContent ?? ""])
      return {
        title: title?.textContent ?? null,
        key: title?.getAttribute("data-record-key") ?? null,
        eyebrow: document.querySelector(".record-header .eyebrow")?.textContent ?? null,
        fields: Object.fromEntries(fields)
      }
    })
  let last: unknown
  await until(`${page.file} in the panel`, async () => {
    last = await shown()
    return isDeepStrictEqual(last, wantShown)
  }, 20_000).catch(() => undefined)
  expect(last).toEqual(wantShown)
}

describe("saved CRM pages in Firefox", () => {
  it.each(PAGES)("reads $file as the pure reader does", async (page) => {
    await crm.goto(page.url)
    await crm.bringToFront()
    await expectReadAsInNode(page)
  })

  // Firefox ESR 140 has no Navigation API: the watcher's fallback (a URL poll) must follow Lightning's
  // pushState navigation there, and read the next record, not the one before it.
  it("follows a Lightning single-page navigation to the next record", async () => {
    const from = PAGES.find((p) => p.file === "salesforce/lightning-account.html")!
    const to = PAGES.find((p) => p.file === "salesforce/lightning-opportunity.html")!
    const next = { ...to, url: tagged(SALESFORCE_URLS["lightning-opportunity.html"]!, "spa") }
    await crm.goto(from.url)
    await crm.bringToFront()
    await expectReadAsInNode(from)
    await crm.evaluate((url, html) => {
      const doc = new DOMParser().parseFromString(html, "text/html")
      history.pushState(null, "", url)
      document.title = doc.title
      document.body.replaceWith(document.adoptNode(doc.body))
    }, next.url, next.html)
    await expectReadAsInNode(next)
  })
})
