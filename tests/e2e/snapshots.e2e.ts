/**
 * Snapshots end to end, with the production build in real Chromium on the demo org: the export
 * menu's PNG, PDF, JSON and team CSV downloads (intercepted with Playwright's download event),
 * redaction, "share to CRM" against the mock Salesforce and Dynamics APIs, compare, import
 * refusals, and the 5,000-account team CSV.
 *
 * Needs <ExportMenu/> mounted in the panel header (src/panel/export/ExportMenu.tsx).
 */
import { execFileSync, spawnSync } from "node:child_process"
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { Page } from "playwright-core"
import { until } from "../../demo/wait"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { launchBrowser, openPanel, type ExtensionBrowser, readStore } from "../../demo/browser"
import { DEMO_ACCOUNTS, dynIds, sfIds } from "../../demo/org"
import { dynamicsRecordUrl, installDemoOrg, salesforceRecordUrl, type DemoOrg } from "../../demo/routes"
import { seal } from "../../src/snapshots/build"
import { SNAPSHOT_VERSION } from "../../src/model/schema"
import { checkSnapshot } from "../../src/snapshots/import"
import type { SnapshotDocument } from "../../src/snapshots/payload"

const globex = DEMO_ACCOUNTS[0]!
const SF_KEY = `salesforce:northwind:${sfIds.account(globex)}`
const DYN_KEY = `dynamics:northwind.crm4:${dynIds.account(globex)}`
const PEOPLE = DEMO_ACCOUNTS.flatMap((a) => a.contacts.flatMap((c) => [c.name, c.email]))
const hasPoppler = spawnSync("pdftoppm", ["-v"]).status === 0

let browser: ExtensionBrowser
let org: DemoOrg
let crm: Page
let panel: Page
const dir = mkdtempSync(join(tmpdir(), "parley-snapshots-"))


async function openMenu() {
  if ((await panel.getByTestId("export-toggle").getAttribute("aria-expanded")) !== "true") await panel.getByTestId("export-toggle").click()
}

/** Clicks a menu item and returns the file the panel downloads. */
async function download(testId: string): Promise<{ name: string; path: string; bytes: Buffer }> {
  await openMenu()
  const [file] = await Promise.all([panel.waitForEvent("download", { timeout: 45_000 }), panel.getByTestId(testId).click()])
  const path = join(dir, file.suggestedFilename())
  await file.saveAs(path)
  return { name: file.suggestedFilename(), path, bytes: readFileSync(path) }
}


async function showAccount(url: string, title: string) {
  await crm.goto(url)
  await until(`the panel to show ${title}`, async () => (await panel.getByTestId("record-title").textContent()) === title, 20_000)
  await until("the sync", async () => (await panel.getByTestId("sync-status").getAttribute("data-state")) === "synced", 40_000)
}

/** Structure of a PDF: header, trailer, and a cross-reference table whose offsets hit their objects. */
function checkPdf(bytes: Buffer): void {
  const text = bytes.toString("latin1")
  expect(text.startsWith("%PDF-1.4")).toBe(true)
  const startxref = Number(/startxref\n(\d+)\n%%EOF\s*$/.exec(text)![1])
  expect(text.slice(startxref, startxref + 4)).toBe("xref")
  const entries = text.slice(startxref).split("\n").slice(2).filter((l) => / 00000 n $/.test(l))
  entries.forEach((entry, i) => expect(text.slice(Number(entry.slice(0, 10))).startsWith(`${i + 1} 0 obj`)).toBe(true))
}

/** Renders every page with poppler; returns the page count. */
function renderPdf(path: string, prefix: string): number {
  const run = spawnSync("pdftoppm", ["-r", "50", "-png", path, join(dir, prefix)], { encoding: "utf8" })
  expect(run.status, run.stderr).toBe(0)
  const pages = readdirSync(dir).filter((f) => f.startsWith(`${prefix}-`) && f.endsWith(".png"))
  for (const page of pages) expect(readFileSync(join(dir, page)).length).toBeGreaterThan(2_000)
  return pages.length
}

/** Distinct colours of a PNG, decoded by the browser (a blank or failed image has one or two). */
async function pngColours(bytes: Buffer): Promise<{ width: number; height: number; colours: number }> {
  return panel.evaluate(async (base64) => {
    const image = new Image()
    image.src = `data:image/png;base64,${base64}`
    await image.decode()
    const canvas = document.createElement("canvas")
    canvas.width = image.naturalWidth
    canvas.height = image.naturalHeight
    const ctx = canvas.getContext("2d")!
    ctx.drawImage(image, 0, 0)
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data
    const colours = new Set<number>()
    for (let i = 0; i < data.length; i += 4 * 7) colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!)
    return { width: canvas.width, height: canvas.height, colours: colours.size }
  }, bytes.toString("base64"))
}

beforeAll(async () => {
  browser = await launchBrowser()
  org = await installDemoOrg(browser.context)
  crm = await browser.context.newPage()
  panel = await openPanel(browser)
  await showAccount(salesforceRecordUrl("Account", sfIds.account(globex)), globex.name)
  await until("the profile", async () => (await readStore(panel, "profiles")).some((p) => p.accountKey === SF_KEY), 20_000)
  await until("the labels", async () => !["unknown", null].includes(await panel.getByTestId("relationship-dominance").getAttribute("data-label")), 15_000)
})
afterAll(async () => {
  await browser?.close()
})

describe("exports from the export menu", () => {
  it("downloads a PNG of the panel as seen: drawn, not blank, not tainted", async () => {
    const png = await download("export-png")
    expect(png.name).toMatch(/^parley-globex-manufacturing-\d{4}-\d{2}-\d{2}-en\.png$/)
    expect(png.bytes.subarray(1, 4).toString()).toBe("PNG")
    const { width, height, colours } = await pngColours(png.bytes)
    expect(width).toBeGreaterThanOrEqual(400)
    expect(height).toBeGreaterThan(400)
    expect(colours).toBeGreaterThan(20)
    expect(await panel.getByTestId("export-status").getAttribute("data-state")).toBe("done")
  })

  it("downloads the PDF briefing: a valid file whose pages render", async () => {
    const pdf = await download("export-pdf")
    expect(pdf.name).toMatch(/^parley-globex-manufacturing-\d{4}-\d{2}-\d{2}-en\.pdf$/)
    checkPdf(pdf.bytes)
    expect(pdf.bytes.toString("latin1")).toContain("/DCTDecode") // a chart as a JPEG image
    if (hasPoppler) {
      expect(renderPdf(pdf.path, "en")).toBeGreaterThanOrEqual(2)
      const text = execFileSync("pdftotext", [pdf.path, "-"], { encoding: "utf8" })
      expect(text).toContain("Relationship briefing: Globex Manufacturing")
      expect(text).toContain("Evidence")
      expect(text).toContain(globex.contacts[0]!.email) // not redacted: contacts are listed
    }
  })

  it("downloads the snapshot JSON, which validates against the schema and its hash", async () => {
    const json = await download("export-json")
    expect(json.name).toMatch(/^parley-globex-manufacturing-\d{4}-\d{2}-\d{2}-en\.json$/)
    const checked = await checkSnapshot(JSON.parse(json.bytes.toString("utf8")))
    expect(checked.ok).toBe(true)
    const snapshot = (checked as { snapshot: SnapshotDocument }).snapshot
    expect(snapshot).toMatchObject({ recordKey: SF_KEY, crm: "salesforce", org: "northwind", version: SNAPSHOT_VERSION })
    expect(snapshot.payload.profile.dominance.label).toBe(await panel.getByTestId("relationship-dominance").getAttribute("data-label"))
  })

  it("redacts the JSON and the PDF on request", async () => {
    await openMenu()
    await panel.getByTestId("export-redact").check()
    const json = await download("export-json")
    expect(json.name).toMatch(/-en-redacted\.json$/)
    const pdf = await download("export-pdf")
    for (const text of [json.bytes.toString("utf8"), hasPoppler ? execFileSync("pdftotext", [pdf.path, "-"], { encoding: "utf8" }) : ""]) {
      for (const secret of PEOPLE) expect(text).not.toContain(secret)
    }
    // The panel shows names and CRM text, so the redacted image is drawn from the redacted briefing.
    const png = await download("export-png")
    expect(png.name).toMatch(/-en-redacted\.png$/)
    expect((await pngColours(png.bytes)).colours).toBeGreaterThan(20)
    await openMenu()
    await panel.getByTestId("export-redact").uncheck()
  })

  it("downloads the team CSV, redacted by default: no contact name or e-mail, UTF-8 with a BOM", async () => {
    await showAccount(salesforceRecordUrl("Account", sfIds.account(DEMO_ACCOUNTS[3]!)), DEMO_ACCOUNTS[3]!.name)
    const csv = await download("export-csv")
    expect(csv.name).toMatch(/^parley-team-\d{4}-\d{2}-\d{2}-en-redacted\.csv$/)
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = csv.bytes.toString("utf8")
    expect(text).toContain(globex.name)
    expect(text).toContain(DEMO_ACCOUNTS[3]!.name) // Persian, intact
    for (const secret of [...PEOPLE, "Rosa Diaz"]) expect(text).not.toContain(secret)
    expect(text.split("\r\n")[0]).not.toMatch(/Owner|Risk summary/)
  })

  it("exports the PDF in Persian, with the Persian lines drawn as images", async () => {
    await showAccount(salesforceRecordUrl("Account", sfIds.account(globex)), globex.name)
    expect(await panel.evaluate(() => chrome.runtime.sendMessage({ type: "set-settings", settings: { language: "fa" } }))).toEqual({ ok: true })
    await expect.poll(() => panel.locator("main").first().getAttribute("dir"), { timeout: 10_000 }).toBe("rtl")
    const pdf = await download("export-pdf")
    expect(pdf.name).toMatch(/-fa\.pdf$/)
    checkPdf(pdf.bytes)
    expect(pdf.bytes.toString("latin1")).toContain("/FlateDecode")
    if (hasPoppler) expect(renderPdf(pdf.path, "fa")).toBeGreaterThanOrEqual(2)
    const png = await download("export-png")
    expect(png.name).toMatch(/-fa\.png$/)
    expect((await pngColours(png.bytes)).colours).toBeGreaterThan(20)
    await panel.evaluate(() => chrome.runtime.sendMessage({ type: "set-settings", settings: { language: "en" } }))
    await expect.poll(() => panel.locator("main").first().getAttribute("dir"), { timeout: 10_000 }).toBe("ltr")
  })
})

describe("share to the CRM, compare and import", () => {
  it("attaches the PDF and the JSON to the Salesforce account as Files, after confirmation", async () => {
    await openMenu()
    await panel.getByTestId("export-share").click()
    expect(org.salesforceApi!.files.files.size).toBe(0)
    // First the org refuses the PDF: nothing stays attached, and the dialog says why.
    org.salesforceApi!.inject({ kind: "STORAGE_LIMIT_EXCEEDED", match: '.pdf"' })
    await panel.getByTestId("share-confirm").click()
    await expect.poll(() => panel.getByTestId("share-error").textContent(), { timeout: 45_000 }).toMatch(/nothing was attached.*STORAGE_LIMIT_EXCEEDED/)
    expect(org.salesforceApi!.files.files.size).toBe(0)
    // Then it accepts.
    await panel.getByTestId("share-confirm").click()
    const link = panel.getByTestId("share-link-pdf")
    await expect.poll(() => link.getAttribute("href"), { timeout: 45_000 }).toMatch(/^https:\/\/northwind\.lightning\.force\.com\/lightning\/r\/ContentDocument\/069\w+\/view$/)
    const files = [...org.salesforceApi!.files.files.values()]
    expect(files.map((f) => f.record.FirstPublishLocationId)).toEqual([sfIds.account(globex), sfIds.account(globex)])
    expect(files.map((f) => f.record.FileExtension)).toEqual(["json", "pdf"])
    const attached = await checkSnapshot(JSON.parse(Buffer.from(files[0]!.data).toString("utf8")))
    expect(attached).toMatchObject({ ok: true, snapshot: { recordKey: SF_KEY } })
    expect(Buffer.from(files[1]!.data).subarray(0, 5).toString()).toBe("%PDF-")
    await panel.getByTestId("share-close").click()
  })

  it("compares a snapshot read back from the CRM with an earlier one imported from a file", async () => {
    const latest = (await readStore(panel, "snapshots")).filter((s) => s.recordKey === SF_KEY).sort((a, b) => Number(b.createdAt) - Number(a.createdAt))[0] as unknown as SnapshotDocument
    const earlier = structuredClone(latest)
    earlier.createdAt -= 30 * 86_400_000
    earlier.key = `snapshot:${SF_KEY}:${earlier.createdAt}`
    const actual = latest.payload.profile.dominance.label
    earlier.payload.profile.dominance.label = actual === "customer" ? "supplier" : "customer"
    const sealed = await seal(earlier)
    const file = join(dir, "earlier.json")
    writeFileSync(file, JSON.stringify(sealed))
    await openMenu()
    await panel.getByTestId("export-import").setInputFiles(file)
    await expect.poll(() => panel.getByTestId("export-status").getAttribute("data-state"), { timeout: 15_000 }).toBe("done")

    await openMenu()
    await panel.getByTestId("export-compare").click()
    await panel.getByTestId("compare-load-crm").click()
    await expect.poll(() => panel.getByTestId("compare-after").locator("option", { hasText: /from Salesforce/ }).count(), { timeout: 20_000 }).toBeGreaterThan(0)
    // Stored as imported, beside the snapshots this Parley made (src/snapshots/stored.ts).
    await panel.getByTestId("compare-before").selectOption(`local:imported:${sealed.hash}`)
    // The shared snapshot is also stored here: listed once, marked as attached in Salesforce.
    const crmOption = await panel.getByTestId("compare-after").locator("option", { hasText: /from Salesforce/ }).first().getAttribute("value")
    await panel.getByTestId("compare-after").selectOption(crmOption!)
    const change = panel.getByTestId("compare-label-dominance")
    await expect.poll(() => change.getAttribute("data-to"), { timeout: 10_000 }).toBe(actual)
    expect(await change.getAttribute("data-from")).toBe(earlier.payload.profile.dominance.label)
    await panel.getByTestId("compare-close").click()
  })

  it("refuses malformed, newer and tampered snapshot files with a clear message", async () => {
    const latest = (await readStore(panel, "snapshots")).find((s) => s.recordKey === SF_KEY) as unknown as SnapshotDocument
    const cases: [string, string, RegExp][] = [
      ["malformed.json", JSON.stringify({ ...latest, payload: { ...latest.payload, profile: { nope: true } } }), /damaged or incomplete/],
      ["newer.json", JSON.stringify({ ...latest, version: 7 }), /newer Parley/],
      ["tampered.json", JSON.stringify({ ...latest, org: "someone-else" }), /changed after Parley wrote it/],
      ["garbage.json", "{ not json", /not JSON/]
    ]
    const before = (await readStore(panel, "snapshots")).length
    for (const [name, content, message] of cases) {
      await openMenu()
      await panel.getByTestId("export-import").setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(content) })
      await expect.poll(() => panel.getByTestId("export-status").textContent(), { timeout: 10_000 }).toMatch(message)
      expect(await panel.getByTestId("export-status").getAttribute("data-state")).toBe("error")
    }
    expect((await readStore(panel, "snapshots")).length).toBe(before)
  })

  it("attaches the snapshot to the Dynamics account as two notes with attachments", async () => {
    const worker = await browser.serviceWorker()
    await expect.poll(() => worker.evaluate(() => chrome.scripting.getRegisteredContentScripts().then((s) => s.length)), { timeout: 15_000 }).toBeGreaterThan(0)
    await showAccount(dynamicsRecordUrl("account", dynIds.account(globex)), globex.name)
    await expect.poll(async () => (await readStore(panel, "profiles")).some((p) => p.accountKey === DYN_KEY), { timeout: 20_000 }).toBe(true)
    await openMenu()
    await panel.getByTestId("export-share").click()
    await panel.getByTestId("share-confirm").click()
    await expect.poll(() => panel.getByTestId("share-link-pdf").getAttribute("href"), { timeout: 45_000 }).toBe(
      `https://northwind.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=${dynIds.account(globex)}`
    )
    const notes = org.dynamicsApi.notes.attachments()
    expect(notes.map((n) => [n.mimetype, n._objectid_value])).toEqual([
      ["application/json", dynIds.account(globex)],
      ["application/pdf", dynIds.account(globex)]
    ])
    expect(await checkSnapshot(JSON.parse(Buffer.from(String(notes[0]!.documentbody), "base64").toString("utf8")))).toMatchObject({ ok: true, snapshot: { recordKey: DYN_KEY } })
    await panel.getByTestId("share-close").click()
  })
})

describe("the team CSV at scale", () => {
  it("writes every one of 5,000 accounts", async () => {
    const profile = (await readStore(panel, "profiles")).find((p) => p.accountKey === SF_KEY)!.profile
    await panel.evaluate(
      async ({ profile }) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open("parley")
          open.onsuccess = () => {
            const tx = open.result.transaction(["accounts", "profiles"], "readwrite")
            for (let i = 0; i < 5_000; i++) {
              const id = `001Z${String(i).padStart(14, "0")}`
              const key = `salesforce:loadtest:${id}`
              tx.objectStore("accounts").put({ key, crm: "salesforce", org: "loadtest", id, name: `Load test account ${i}`, seenAt: 1 })
              tx.objectStore("profiles").put({ accountKey: key, org: "loadtest", computedAt: 1, profile })
            }
            tx.oncomplete = () => {
              open.result.close()
              resolve()
            }
            tx.onerror = () => reject(tx.error)
          }
          open.onerror = () => reject(open.error)
        }),
      { profile }
    )
    const csv = await download("export-csv")
    const lines = csv.bytes.toString("utf8").split("\r\n").filter(Boolean)
    // Every load-test account once (the panel's responsiveness at this size is team-csv-5k in npm run bench).
    const loadTest = lines.filter((line) => line.includes("Load test account "))
    expect(new Set(loadTest.map((line) => /Load test account (\d+)/.exec(line)![1])).size).toBe(5_000)
    expect(loadTest).toHaveLength(5_000)
  })
})
