/**
 * "Share to CRM" when things go wrong, and imported snapshots, with the production build in real
 * Chromium against the mock Salesforce and Dataverse APIs:
 * - the service worker is stopped (CDP Target.closeTarget) while the upload is in flight, once
 *   before the CRM stored anything and once after it stored the files but before the worker
 *   read the answer: the org never holds half a share (Salesforce's all-or-none composite,
 *   Dataverse's change set), and a retry completes it exactly once;
 * - a forged file (Parley's own snapshot, edited and sealed again under the same key) is stored
 *   beside the local snapshot, never over it, is listed as imported (English and Persian), and
 *   when shared the files and their note say it was imported.
 */
import { writeFileSync, mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { Page } from "playwright-core"
import { until } from "../../demo/wait"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { launchBrowser, openPanel, readStore, stopServiceWorker, type ExtensionBrowser } from "../../demo/browser"
import { handleDynamicsRequest } from "../../demo/dynamics/pages"
import type { MockRequest } from "../../demo/salesforce/mock-api"
import { DEMO_ACCOUNTS, dynIds, sfIds } from "../../demo/org"
import { dynamicsRecordUrl, installDemoOrg, salesforceRecordUrl, type DemoOrg } from "../../demo/routes"
import { seal } from "../../src/snapshots/build"
import type { SnapshotDocument } from "../../src/snapshots/payload"
import { importedSnapshotKey } from "../../src/snapshots/stored"

const globex = DEMO_ACCOUNTS[0]!
const SF_KEY = `salesforce:northwind:${sfIds.account(globex)}`
const dir = mkdtempSync(join(tmpdir(), "parley-share-"))

let browser: ExtensionBrowser
let org: DemoOrg
let crm: Page
let panel: Page
/** What the next composite upload meets: passed through, or the worker stopped around it. */
let next: Interrupt = "pass"
/** The same for the next Dataverse $batch. */
let nextBatch: Interrupt = "pass"
/** Service workers stopped so far (proof that each case really lost its worker). */
let stopped = 0


const files = () => [...org.salesforceApi!.files.files.values()].map((f) => f.record as unknown as Record<string, unknown> & { FileExtension: string })
/** The attached snapshots' seals: each share's JSON. */
const attachedHashes = () =>
  [...org.salesforceApi!.files.files.values()].filter((f) => f.record.FileExtension === "json").map((f) => (JSON.parse(Buffer.from(f.data).toString("utf8")) as { hash: string }).hash)

async function openMenu() {
  if ((await panel.getByTestId("export-toggle").getAttribute("aria-expanded")) !== "true") await panel.getByTestId("export-toggle").click()
}

type Interrupt = "pass" | "stop-before-stored" | "stop-after-stored"

/** Routes one upload endpoint: passed through, or the worker stopped around it (after the CRM
 * stored it, when asked) and the connection reset. */
async function interruptUploads(
  pattern: RegExp,
  mode: () => Interrupt,
  reset: () => void,
  store: (request: MockRequest) => void
): Promise<void> {
  await browser.context.route(pattern, async (route) => {
    const now = mode()
    reset()
    if (now === "pass") return route.fallback()
    if (now === "stop-after-stored") {
      const request = route.request()
      store({ method: request.method(), url: request.url(), headers: await request.allHeaders(), body: request.postData() ?? undefined })
    }
    // The worker that sent this request is running; CDP may list it a moment late (seconds on a loaded machine).
    let n = 0
    for (let tries = 0; tries < 150 && !n; tries++) {
      n = await stopServiceWorker(browser, panel)
      if (!n) await new Promise((r) => setTimeout(r, 200))
    }
    stopped += n
    await route.abort("connectionreset").catch(() => undefined)
  })
}

beforeAll(async () => {
  browser = await launchBrowser()
  org = await installDemoOrg(browser.context)
  // After the demo org's routes, so these see the uploads first. Salesforce stores the files in
  // its own all-or-none transaction, Dataverse commits the change set; the answer never arrives.
  await interruptUploads(/^https:\/\/[^/]+\.my\.salesforce\.com\/services\/data\/v[\d.]+\/composite$/, () => next, () => (next = "pass"),
    (request) => void org.salesforceApi!.handle(request))
  await interruptUploads(/^https:\/\/[^/]+\.crm\d*\.dynamics\.com\/api\/data\/v9\.2\/\$batch$/, () => nextBatch, () => (nextBatch = "pass"),
    (request) => void handleDynamicsRequest(request, org.dynamicsApi))
  crm = await browser.context.newPage()
  panel = await openPanel(browser)
  await crm.goto(salesforceRecordUrl("Account", sfIds.account(globex)))
  await until("the panel to show Globex", async () => (await panel.getByTestId("record-title").textContent()) === globex.name)
  await until("the sync", async () => (await panel.getByTestId("sync-status").getAttribute("data-state")) === "synced", 40_000)
  await until("the profile", async () => (await readStore(panel, "profiles")).some((p) => p.accountKey === SF_KEY))
  await until("the labels", async () => !["unknown", null].includes(await panel.getByTestId("relationship-dominance").getAttribute("data-label")))
})
afterAll(async () => {
  await browser?.close()
})

describe("a worker stopped in the middle of a share", () => {
  it("before Salesforce stored anything: nothing is attached, and a retry attaches the pair once", async () => {
    await openMenu()
    await panel.getByTestId("export-share").click()
    const stoppedBefore = stopped
    next = "stop-before-stored"
    await panel.getByTestId("share-confirm").click()
    await expect.poll(() => panel.getByTestId("share-error").count(), { timeout: 30_000 }).toBe(1)
    await expect.poll(() => stopped, { timeout: 30_000 }).toBe(stoppedBefore + 1)
    expect(files()).toHaveLength(0)

    await panel.getByTestId("share-confirm").click()
    await expect.poll(() => panel.getByTestId("share-link-pdf").count(), { timeout: 45_000 }).toBe(1)
    expect(files().map((f) => f.FileExtension)).toEqual(["json", "pdf"])
    expect(new Set(attachedHashes()).size).toBe(1)
    await panel.getByTestId("share-close").click()
  })

  it("after Salesforce stored the files: the pair is whole, and the retry does not attach it twice", async () => {
    const before = files().length
    await openMenu()
    await panel.getByTestId("export-share").click()
    const stoppedBefore = stopped
    next = "stop-after-stored"
    await panel.getByTestId("share-confirm").click()
    await expect.poll(() => panel.getByTestId("share-error").count(), { timeout: 30_000 }).toBe(1)
    await expect.poll(() => stopped, { timeout: 30_000 }).toBe(stoppedBefore + 1)
    // Both files or neither: Salesforce's all-or-none insert.
    expect(files().slice(before).map((f) => f.FileExtension)).toEqual(["json", "pdf"])
    const stored = attachedHashes()

    await panel.getByTestId("share-confirm").click()
    await expect.poll(() => panel.getByTestId("share-result").textContent(), { timeout: 45_000 }).toMatch(/already holds this snapshot/)
    expect(files()).toHaveLength(before + 2)
    expect(attachedHashes()).toEqual(stored)
    expect(new Set(stored).size).toBe(stored.length)
    await panel.getByTestId("share-close").click()
  })
})

describe("a worker stopped in the middle of a Dynamics 365 share", () => {
  const notes = () => org.dynamicsApi.notes.attachments()
  const noteHashes = () => notes().filter((n) => n.mimetype === "application/json").map((n) => (JSON.parse(Buffer.from(String(n.documentbody), "base64").toString("utf8")) as { hash: string }).hash)

  it("never leaves one note of the pair, and a retry completes the share once", async () => {
    await crm.goto(dynamicsRecordUrl("account", dynIds.account(globex)))
    await until("the panel on the Dynamics record, synced", async () =>
      /dynamics 365/i.test(await panel.locator("body").innerText()) && (await panel.getByTestId("sync-status").getAttribute("data-state")) === "synced", 40_000)
    await until("its labels", async () => !["unknown", null].includes(await panel.getByTestId("relationship-dominance").getAttribute("data-label")))
    const before = notes().length

    // Stopped before Dataverse ran the change set: neither note.
    await openMenu()
    await panel.getByTestId("export-share").click()
    let stoppedBefore = stopped
    nextBatch = "stop-before-stored"
    await panel.getByTestId("share-confirm").click()
    await expect.poll(() => panel.getByTestId("share-error").count(), { timeout: 30_000 }).toBe(1)
    await expect.poll(() => stopped, { timeout: 30_000 }).toBe(stoppedBefore + 1)
    expect(notes()).toHaveLength(before)
    await panel.getByTestId("share-confirm").click()
    await expect.poll(() => panel.getByTestId("share-link-pdf").count(), { timeout: 45_000 }).toBe(1)
    expect(notes().slice(before).map((n) => n.mimetype)).toEqual(["application/json", "application/pdf"])
    await panel.getByTestId("share-close").click()

    // Stopped after Dataverse committed it: both notes, and the retry adds nothing.
    const whole = notes().length
    await openMenu()
    await panel.getByTestId("export-share").click()
    stoppedBefore = stopped
    nextBatch = "stop-after-stored"
    await panel.getByTestId("share-confirm").click()
    await expect.poll(() => panel.getByTestId("share-error").count(), { timeout: 30_000 }).toBe(1)
    await expect.poll(() => stopped, { timeout: 30_000 }).toBe(stoppedBefore + 1)
    expect(notes().slice(whole).map((n) => n.mimetype)).toEqual(["application/json", "application/pdf"])
    const stored = noteHashes()
    await panel.getByTestId("share-confirm").click()
    await expect.poll(() => panel.getByTestId("share-result").textContent(), { timeout: 45_000 }).toMatch(/already holds this snapshot/)
    expect(notes()).toHaveLength(whole + 2)
    expect(noteHashes()).toEqual(stored)
    await panel.getByTestId("share-close").click()
    await crm.goto(salesforceRecordUrl("Account", sfIds.account(globex)))
    await until("the panel back on Salesforce", async () => (await panel.getByTestId("record-title").textContent()) === globex.name)
  })
})

describe("an imported snapshot", () => {
  it("never replaces Parley's own, is listed as imported, and is shared as imported", async () => {
    const own = (await readStore(panel, "snapshots"))
      .filter((s) => s.recordKey === SF_KEY && !String(s.key).startsWith("imported:"))
      .sort((a, b) => Number(b.createdAt) - Number(a.createdAt))[0] as unknown as SnapshotDocument
    // The forger's edit, sealed again: same key, a valid hash.
    const edited = structuredClone(own)
    edited.payload.profile.dominance.label = own.payload.profile.dominance.label === "customer" ? "supplier" : "customer"
    const forged = await seal(edited)
    expect(forged.key).toBe(own.key)
    const file = join(dir, "globex-edited.json")
    writeFileSync(file, JSON.stringify(forged))
    await openMenu()
    await panel.getByTestId("export-import").setInputFiles(file)
    await expect.poll(() => panel.getByTestId("export-status").getAttribute("data-state"), { timeout: 15_000 }).toBe("done")

    const rows = await readStore(panel, "snapshots")
    expect(rows.find((r) => r.key === own.key)).toMatchObject({ hash: own.hash })
    expect(rows.find((r) => r.key === importedSnapshotKey(forged.hash))).toMatchObject({ hash: forged.hash, imported: { fileName: "globex-edited.json", key: own.key } })

    await openMenu()
    await panel.getByTestId("export-compare").click()
    const option = panel.getByTestId("compare-before").locator("option[data-imported=true]")
    await expect.poll(() => option.count(), { timeout: 10_000 }).toBe(1)
    expect(await option.textContent()).toContain("imported from globex-edited.json")
    await panel.getByTestId("compare-before").selectOption(`local:${importedSnapshotKey(forged.hash)}`)
    await panel.getByTestId("compare-share-before").click()
    expect(await panel.getByTestId("share-imported-warning").textContent()).toContain("globex-edited.json")
    const before = files().length
    await panel.getByTestId("share-confirm").click()
    await expect.poll(() => panel.getByTestId("share-imported").count(), { timeout: 45_000 }).toBe(1)
    const shared = files().slice(before)
    expect(shared.map((f) => f.FileExtension)).toEqual(["json", "pdf"])
    for (const f of shared) {
      expect(String(f.Title)).toContain("(imported from globex-edited.json)")
      expect(String(f.PathOnClient)).toMatch(/-imported\.(json|pdf)$/)
      expect(String(f.Description)).toMatch(/IMPORTED into Parley from the file “globex-edited\.json”/)
    }
    await panel.getByTestId("share-close").click()

    // In Persian, the list says so too.
    expect(await panel.evaluate(() => chrome.runtime.sendMessage({ type: "set-settings", settings: { language: "fa" } }))).toEqual({ ok: true })
    await expect.poll(() => option.textContent(), { timeout: 10_000 }).toContain("واردشده از فایل globex-edited.json")
    await panel.evaluate(() => chrome.runtime.sendMessage({ type: "set-settings", settings: { language: "en" } }))
    await panel.getByTestId("compare-close").click()
  })
})
