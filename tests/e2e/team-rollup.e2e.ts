/**
 * The team roll-up through the CRM (issue 15), with the production build in real Chromium against
 * the mock Salesforce and Dataverse APIs, each applying its own sharing per user:
 * - rep A shares Globex (Salesforce) and Umbrella (Salesforce, an account the lead may not read),
 *   rep B shares Initech (Dynamics 365), each through the panel's own "Share to CRM";
 * - the lead's Parley, signed in as the lead in both CRMs, lists Globex and Initech with the reps
 *   who shared them and the labels of their snapshots, and never Umbrella's file;
 * - a later snapshot of Globex shows as a label change with its nudge, and the refresh that finds
 *   it lists from its watermark and downloads that one file only;
 * - malformed, tampered and newer-version files are skipped with their reasons, and the view stays.
 */
import { readFileSync } from "node:fs"
import type { Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { launchBrowser, openPanel, setPanelLanguage, type ExtensionBrowser } from "../../demo/browser"
import { DEMO_USERS as DYN_USERS } from "../../demo/dynamics/data"
import { DEMO_ACCOUNTS, dynIds, sfIds } from "../../demo/org"
import { DEMO_SALESFORCE } from "../../demo/salesforce/records"
import { dynamicsRecordUrl, installDemoOrg, salesforceRecordUrl, type DemoOrg } from "../../demo/routes"
import { DEMO_USERS as SF_USERS } from "../../demo/salesforce/users"
import { until } from "../../demo/wait"
import { seal } from "../../src/snapshots/build"
import { snapshotKey, type SnapshotDocument } from "../../src/snapshots/payload"

const [globex, initech, umbrella] = DEMO_ACCOUNTS as [(typeof DEMO_ACCOUNTS)[number], (typeof DEMO_ACCOUNTS)[number], (typeof DEMO_ACCOUNTS)[number]]
const GLOBEX_SF = `salesforce:northwind:${sfIds.account(globex)}`
const UMBRELLA_SF = `salesforce:northwind:${sfIds.account(umbrella)}`

let browser: ExtensionBrowser
let org: DemoOrg
let crm: Page
let panel: Page

async function openMenu() {
  if ((await panel.getByTestId("export-toggle").getAttribute("aria-expanded")) !== "true") await panel.getByTestId("export-toggle").click()
}

/** Opens an account in the CRM tab, waits for its sync and labels, and shares it through the panel. */
async function shareFromPanel(url: string, title: string) {
  await crm.goto(url)
  await until(`the panel to show ${title}`, async () => (await panel.getByTestId("record-title").textContent()) === title, 20_000)
  await until("the sync", async () => (await panel.getByTestId("sync-status").getAttribute("data-state")) === "synced", 40_000)
  await until("the labels", async () => !["unknown", null].includes(await panel.getByTestId("relationship-dominance").getAttribute("data-label")))
  await openMenu()
  await panel.getByTestId("export-share").click()
  await panel.getByTestId("share-confirm").click()
  await until(`${title} shared`, async () => (await panel.getByTestId("share-link-pdf").count()) === 1, 45_000)
  await panel.getByTestId("share-close").click()
}

/** The snapshot JSON files Salesforce holds, as documents. */
const salesforceSnapshots = () =>
  [...org.salesforceApi!.files.files.values()]
    .filter((f) => f.record.FileExtension === "json")
    .map((f) => ({ id: String(f.record.Id), doc: JSON.parse(Buffer.from(f.data).toString("utf8")) as SnapshotDocument }))
const dynamicsSnapshots = () =>
  org.dynamicsApi.notes
    .attachments()
    .filter((n) => n.mimetype === "application/json")
    .map((n) => JSON.parse(Buffer.from(String(n.documentbody), "base64").toString("utf8")) as SnapshotDocument)

const rows = () => panel.getByTestId("team-rollup-row")
const row = (accountKey: string) => panel.locator(`[data-testid="team-rollup-row"][data-account-key="${accountKey}"]`)

async function refresh() {
  const before = await panel.getByTestId("team-rollup-status").getAttribute("data-refreshed-at")
  await panel.getByTestId("team-rollup-refresh").click()
  await until("the refresh to finish", async () => {
    const status = panel.getByTestId("team-rollup-status")
    return (await status.getAttribute("data-state")) === "idle" && (await status.getAttribute("data-refreshed-at")) !== before
  }, 60_000)
}

/** Files seeded as rep A on Globex in Salesforce (the mock's upload as that user). */
function uploadAsRepA(name: string, body: string) {
  return org.salesforceApi!.uploadFile(SF_USERS.rep.id, { title: `Parley snapshot — ${name} (JSON)`, pathOnClient: `parley-${name}.json`, body, accountId: sfIds.account(globex) })
}

beforeAll(async () => {
  browser = await launchBrowser()
  org = await installDemoOrg(browser.context)
  crm = await browser.context.newPage()
  panel = await openPanel(browser)
  // Rep A (the demo rep, the browser's own sessions) shares two Salesforce accounts; rep B shares
  // one in Dynamics 365 (signed in as rep B there).
  await shareFromPanel(salesforceRecordUrl("Account", sfIds.account(globex)), globex.name)
  await shareFromPanel(salesforceRecordUrl("Account", sfIds.account(umbrella)), umbrella.name)
  org.dynamicsApi.actAs(DYN_USERS.repB.id)
  await shareFromPanel(dynamicsRecordUrl("account", dynIds.account(initech)), initech.name)
  // The lead: signed in as the lead in both CRMs, who may read Globex and Initech but not Umbrella.
  org.salesforceApi!.setAccountAccess(SF_USERS.lead.id, [sfIds.account(globex), sfIds.account(initech)])
  org.dynamicsApi.setAccountAccess(DYN_USERS.lead.id, [dynIds.account(globex), dynIds.account(initech)])
  org.dynamicsApi.actAs(DYN_USERS.lead.id)
  await browser.context.addCookies([
    { name: "sid", value: org.salesforceApi!.sessionFor(SF_USERS.lead.id), domain: DEMO_SALESFORCE.apiHost, path: "/", secure: true, httpOnly: true, sameSite: "None" }
  ])
  await panel.getByRole("tab", { name: /^Team$/ }).click()
  // Nothing shared has been read yet: the lead chooses the CRM's view.
  await panel.getByTestId("team-view-crm").click()
})
afterAll(async () => {
  await browser?.close()
})

describe("the lead's roll-up of what the team shared", () => {
  it("lists both reps' accounts with their owners and labels, and never a file the lead may not read", async () => {
    await refresh()
    await expect.poll(() => rows().count(), { timeout: 20_000 }).toBe(2)
    const sf = salesforceSnapshots().find((s) => s.doc.recordKey === GLOBEX_SF)!.doc
    const dyn = dynamicsSnapshots()[0]!
    expect(await row(GLOBEX_SF).getByTestId("team-rollup-owner").textContent()).toContain(SF_USERS.rep.name)
    expect(await row(dyn.recordKey).getByTestId("team-rollup-owner").textContent()).toContain(DYN_USERS.repB.name)
    expect(await row(GLOBEX_SF).getAttribute("data-risk")).toBe(sf.payload.profile.risk.label)
    expect(await row(GLOBEX_SF).getAttribute("data-dominance")).toBe(sf.payload.profile.dominance.label)
    expect(await row(dyn.recordKey).getAttribute("data-risk")).toBe(dyn.payload.profile.risk.label)
    expect(await row(dyn.recordKey).getAttribute("data-dominance")).toBe(dyn.payload.profile.dominance.label)
    // Umbrella's file exists in Salesforce, shared by rep A; the lead's Parley never saw it.
    expect(salesforceSnapshots().some((s) => s.doc.recordKey === UMBRELLA_SF)).toBe(true)
    expect(await row(UMBRELLA_SF).count()).toBe(0)
    expect(await panel.getByTestId("team-rollup").innerText()).not.toContain(umbrella.name)
  })

  it("shows a later snapshot as a label change with its nudge, after a refresh that reads only the new file", async () => {
    const first = salesforceSnapshots().find((s) => s.doc.recordKey === GLOBEX_SF)!.doc
    const later = structuredClone(first)
    later.createdAt = first.createdAt + 86_400_000
    later.key = snapshotKey(later.recordKey, later.createdAt, later.payload.redacted)
    // Risk rises and power moves to the customer, where each can: the nudges a lead acts on.
    const nudges: string[] = []
    later.payload.profile.risk.label = first.payload.profile.risk.label === "at-risk" ? "healthy" : "at-risk"
    if (later.payload.profile.risk.label === "at-risk") nudges.push("risk-rose")
    if (first.payload.profile.dominance.label !== "customer") {
      later.payload.profile.dominance.label = "customer"
      nudges.push("dominance-to-customer")
    }
    expect(nudges.length).toBeGreaterThan(0)
    const laterId = uploadAsRepA("globex-later", JSON.stringify(await seal(later)))

    const sfFrom = org.salesforceApi!.calls.length
    const dynFrom = org.dynamicsApi.stats.requests.length
    await refresh()
    await expect.poll(() => row(GLOBEX_SF).getAttribute("data-risk"), { timeout: 20_000 }).toBe(later.payload.profile.risk.label)
    // Incremental: each listing starts at the last refresh's watermark, and only the new file's body is read.
    const sfCalls = org.salesforceApi!.calls.slice(sfFrom)
    const listings = sfCalls.flatMap((c) => c.queries.map((q) => q.soql)).filter((q) => /ContentDocumentLink/.test(q))
    expect(listings.length).toBeGreaterThan(0)
    for (const soql of listings) expect(soql).toMatch(/SystemModstamp >= \d{4}-\d\d-\d\dT/)
    const bodies = sfCalls.filter((c) => /\/VersionData$/.test(c.path))
    expect(bodies.map((c) => c.path)).toEqual([expect.stringContaining(laterId)])
    const dynCalls = org.dynamicsApi.stats.requests.slice(dynFrom).map((r) => decodeURIComponent(r.url))
    expect(dynCalls.filter((u) => /annotations\?/.test(u) && /documentbody/.test(u))).toEqual([])
    for (const url of dynCalls.filter((u) => /annotations\?/.test(u))) expect(url).toMatch(/modifiedon ge /)

    // The change, its nudge (when risk rose) and the account's history chart.
    expect(await row(GLOBEX_SF).getAttribute("data-changed")).toBe("true")
    for (const kind of nudges) {
      const nudge = panel.locator(`[data-testid="team-nudge"][data-kind="${kind}"]`)
      await expect.poll(() => nudge.count()).toBe(1)
      expect(await nudge.innerText()).toContain(globex.name)
    }
    await row(GLOBEX_SF).click()
    await expect.poll(() => panel.getByTestId("team-rollup-chart").count(), { timeout: 20_000 }).toBe(1)
  })

  it("skips malformed, tampered and newer-version files with their reasons, and keeps the view", async () => {
    const base = salesforceSnapshots().find((s) => s.doc.recordKey === GLOBEX_SF)!.doc
    uploadAsRepA("not-a-snapshot", JSON.stringify({ hello: "world" }))
    const tampered = structuredClone(base)
    tampered.payload.profile.dominance.label = tampered.payload.profile.dominance.label === "customer" ? "supplier" : "customer"
    uploadAsRepA("tampered", JSON.stringify(tampered))
    uploadAsRepA("newer", JSON.stringify({ ...base, version: 99 }))
    uploadAsRepA("broken", "{ not json")
    await refresh()
    const reasons = () => panel.locator('[data-testid="team-rollup-skipped"] [data-reason]').evaluateAll((items) => items.map((i) => i.getAttribute("data-reason")).sort())
    await expect.poll(reasons, { timeout: 20_000 }).toEqual(["newer-version", "not-a-snapshot", "not-json", "tampered"])
    expect(await rows().count()).toBe(2)
  })

  it("exports the roll-up as a CSV without names by default", async () => {
    const [file] = await Promise.all([panel.waitForEvent("download", { timeout: 45_000 }), panel.getByTestId("team-rollup-csv").click()])
    const text = readFileSync((await file.path())!, "utf8")
    expect(text).toContain(GLOBEX_SF)
    expect(text).not.toContain(globex.name)
    expect(text).not.toContain(SF_USERS.rep.name)
  })

  it("speaks Persian", async () => {
    await setPanelLanguage(panel, "fa")
    await panel.getByRole("tab", { name: /^(Team|تیم)$/ }).click()
    await expect.poll(async () => /[\u0600-\u06FF]/.test(await panel.getByTestId("team-rollup").innerText()), { timeout: 20_000 }).toBe(true)
    await expect.poll(() => rows().count()).toBe(2)
    await setPanelLanguage(panel, "en")
  })
})
