/**
 * The saved CRM pages (tests/fixtures/salesforce, tests/fixtures/dynamics) as a browser meets
 * them: each at a URL of the kind its CRM uses, and what Parley must store and show for it, which
 * is what the pure reader gives for the same HTML in Node (happy-dom, as the unit tests parse it)
 * through the same `observe` and intake the content script and the background use. The Chromium
 * and Firefox e2e tests (saved-pages.e2e.ts) both hold their build to it, so the two builds read
 * every saved page alike.
 */
import { readFileSync } from "node:fs"
import { resolve } from "node:path"
import { isDeepStrictEqual } from "node:util"
import { Window } from "happy-dom"
import { describe, expect, it } from "vitest"
import { DEMO_SALESFORCE } from "../../demo/salesforce/records"
import { until } from "../../demo/wait"
import { dynamicsPage } from "../../src/crm/dynamics/page"
import { salesforcePage } from "../../src/crm/salesforce/page"
import { observe } from "../../src/lib/page-watcher"
import type { PageObservation } from "../../src/messaging/messages"
import { ContentMessageSchema } from "../../src/messaging/schemas"
import { recordKey } from "../../src/model/keys"
import { CATALOGUE, CRM_MESSAGES } from "../../src/panel/i18n"
import { objectTypeText } from "../../src/panel/labels"
import { attachDeclarativeShadowRoots } from "./declarative-shadow"

const FIXTURES = resolve("tests/fixtures")
const lightning = (path: string) => `https://${DEMO_SALESFORCE.uiHost}${path}`
const classic = (path: string) => `https://${DEMO_SALESFORCE.apiHost}${path}`

/** Where each saved Salesforce page is shown: the record its page names (the Lightning record URL;
 * Classic's `/<15-character id>` on the My Domain host; a console subtab inside a Case workspace). */
export const SALESFORCE_URLS: Readonly<Record<string, string>> = {
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

export interface SavedPage {
  /** `salesforce/<file>` or `dynamics/<file>` under tests/fixtures. */
  file: string
  url: string
  /** The saved HTML: what the pure reader reads in Node. */
  html: string
  /** What the browser is sent, when not `html` itself. */
  served?: string
}

/** Several pages show the same record: a query of its own tells whose read a stored row is. */
export const tagged = (url: string, tag: string) => `${url}${url.includes("?") ? "&" : "?"}parley-fixture=${tag}`

function saved(crm: "salesforce" | "dynamics", file: string): SavedPage {
  const html = readFileSync(resolve(FIXTURES, crm, file), "utf8")
  // Each saved Dynamics form records the URL it was saved from.
  const url = crm === "salesforce" ? SALESFORCE_URLS[file] : /saved: (https:\/\/\S+)/.exec(html)?.[1]
  if (!url) throw new Error(`no URL for ${crm}/${file}`)
  return { file: `${crm}/${file}`, url: tagged(url, file), html }
}

/** Lightning's components attach their shadow roots from script, not from the parser: the same
 * page, its declarative shadow roots left inert and attached by the page's own script instead
 * (from the content script's side, a root the page made, behind Firefox's Xray wrappers). */
function scriptShadow(page: SavedPage): SavedPage {
  const attach = `<script>(function attach(root) {
  for (const template of root.querySelectorAll("template[data-shadowrootmode]")) {
    const shadow = template.parentElement.attachShadow({ mode: template.dataset.shadowrootmode })
    shadow.append(template.content)
    template.remove()
    attach(shadow)
  }
})(document)</script>`
  const served = page.html.replaceAll("<template shadowrootmode=", "<template data-shadowrootmode=").replace("</body>", `${attach}</body>`)
  if (served === page.html || !served.includes(attach)) throw new Error(`${page.file} has no declarative shadow roots to script`)
  return { ...page, file: `${page.file} (shadow roots attached by script)`, url: tagged(SALESFORCE_URLS["lightning-shadow.html"]!, "script-shadow"), served }
}

export const SAVED_PAGES: readonly SavedPage[] = [
  ...Object.keys(SALESFORCE_URLS).map((file) => saved("salesforce", file)),
  scriptShadow(saved("salesforce", "lightning-shadow.html")),
  ...["account.html", "contact.html", "incident.html", "opportunity.html", "quote.html"].map((file) => saved("dynamics", file))
]

export const savedPage = (file: string): SavedPage => SAVED_PAGES.find((p) => p.file === file)!

/** What the content script reports for this HTML at this URL, read in Node, as the background takes it. */
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

export interface PanelView {
  title: string | null
  key: string | null
  eyebrow: string | null
  fields: Record<string, string>
}

/** Runs inside the panel page (page.evaluate, Playwright and puppeteer alike): the record the
 * header shows, with every field of "On this page" by API name. Self-contained, as evaluate serialises it. */
export function readPanelInPage(): PanelView {
  const title = document.querySelector('[data-testid="record-title"]')
  const fields = [...document.querySelectorAll('[data-testid="page-fields"] .field')].map((f) => [f.querySelector("dt")?.getAttribute("title") ?? "", f.querySelector("dd")?.textContent ?? ""])
  return {
    title: title?.textContent ?? null,
    key: title?.getAttribute("data-record-key") ?? null,
    eyebrow: document.querySelector(".record-header .eyebrow")?.textContent ?? null,
    fields: Object.fromEntries(fields) as Record<string, string>
  }
}

/** Runs inside a CRM page: Lightning's single-page navigation to `url`, the next page's body in place. */
export function navigateInPage({ url, html }: { url: string; html: string }): void {
  const doc = new DOMParser().parseFromString(html, "text/html")
  history.pushState(null, "", url)
  document.title = doc.title
  document.body.replaceWith(document.adoptNode(doc.body))
}

export interface BrowserUnderTest {
  /** Every row of Parley's pageRecords table. */
  pageRecords(): Promise<Record<string, unknown>[]>
  /** readPanelInPage, run in the panel. */
  panel(): Promise<PanelView>
}

/** Storage and the panel hold what the pure reader gives for `page`, once the browser has read it. */
export async function expectReadAsInNode(page: SavedPage, browser: BrowserUnderTest): Promise<void> {
  const want = expected(page)
  // A reading that finds nothing would agree trivially.
  expect(Object.keys(want.record.fields).length).toBeGreaterThan(0)
  const key = recordKey(want.crm, want.org, want.record.id)

  // Stored as read: the row of this record that this page's read produced.
  const pick = (row: Record<string, unknown>) => ({ objectType: row.objectType, id: row.id, name: row.name ?? undefined, url: row.url, fields: row.fields })
  const wanted = { objectType: want.record.objectType, id: want.record.id, name: want.record.name, url: want.url, fields: want.record.fields }
  let stored: unknown
  await until(`${page.file} stored`, async () => {
    const row = (await browser.pageRecords()).find((r) => r.key === key && r.url === page.url)
    stored = row && pick(row)
    return row && isDeepStrictEqual(stored, wanted)
  }, 20_000).catch(() => undefined)
  expect(stored).toEqual(wanted)

  // Shown as read: the title, which record and object, and every field with its value.
  const typeKey = objectTypeText(want.record.objectType)
  const en = CATALOGUE.en
  const wantShown: PanelView = {
    title: want.record.name ?? want.record.id,
    key,
    eyebrow: `${en[CRM_MESSAGES[want.crm].name]} · ${en.org} ${want.org} · ${typeKey ? en[typeKey] : want.record.objectType}`,
    fields: Object.fromEntries(Object.entries(want.record.fields).map(([name, f]) => [name, f.value]))
  }
  let shown: PanelView | undefined
  await until(`${page.file} in the panel`, async () => {
    shown = await browser.panel()
    return isDeepStrictEqual(shown, wantShown)
  }, 20_000).catch(() => undefined)
  expect(shown).toEqual(wantShown)
}

/** A CRM tab of the browser under test: open a URL in front, or navigate in the page itself. */
export interface CrmTab {
  open(url: string): Promise<void>
  /** navigateInPage, run in the tab. */
  navigateInPage(next: { url: string; html: string }): Promise<void>
}

/** The saved-page tests, the same in every browser: each page read as in Node, then a Lightning
 * single-page navigation (Firefox ESR 140 has no Navigation API: there the watcher's URL poll
 * must follow it) read as the next record, not the one before it. */
export function describeSavedPages(name: string, tab: () => CrmTab, browser: BrowserUnderTest): void {
  describe(name, () => {
    it.each(SAVED_PAGES)("reads $file as the pure reader does", async (page) => {
      await tab().open(page.url)
      await expectReadAsInNode(page, browser)
    })

    it("follows a Lightning single-page navigation to the next record", async () => {
      const from = savedPage("salesforce/lightning-account.html")
      const next = { ...savedPage("salesforce/lightning-opportunity.html"), url: tagged(SALESFORCE_URLS["lightning-opportunity.html"]!, "spa") }
      await tab().open(from.url)
      await expectReadAsInNode(from, browser)
      await tab().navigateInPage({ url: next.url, html: next.html })
      await expectReadAsInNode(next, browser)
    })
  })
}
