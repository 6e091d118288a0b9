/**
 * Storage and reliability with the production build in real Chromium (fake-indexeddb has no
 * quota and no service-worker lifecycle):
 * - a hostile Salesforce page that walks `pushState` through 40 record ids stays within the tab's
 *   page-record budget, and synced history is untouched;
 * - a real quota refusal (the extension origin's quota lowered through CDP to just above what it
 *   uses) on the observe and snapshot paths is "storage full" on the connection card, in English
 *   and Persian, with nothing of the refused write kept; a prune frees the state;
 * - the retention prune end to end;
 * - a database at every earlier schema version, with history rows, opened by this build keeps
 *   every row.
 */
import type { CDPSession, Page } from "playwright-core"
import { until } from "../../demo/wait"
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import { launchBrowser, openPanel, readStore, stopServiceWorker, type ExtensionBrowser } from "../../demo/browser"
import { DEMO_ACCOUNTS, sfIds } from "../../demo/org"
import { installDemoOrg, salesforceRecordUrl } from "../../demo/routes"
import { PAGE_RECORD_BUDGET } from "../../plasmo.config"
import { toId18 } from "../../src/crm/salesforce/ids"
import { SCHEMAS } from "../../src/model/db"

const globex = DEMO_ACCOUNTS[0]!
const SF_KEY = `salesforce:northwind:${sfIds.account(globex)}`
const HOST = "northwind.lightning.force.com"
const hostileId = (i: number) => toId18(`001Q0000000${String(i).padStart(4, "0")}`)!
const hostileKey = (i: number) => `salesforce:northwind:${hostileId(i)}`

let browser: ExtensionBrowser
let crm: Page
let panel: Page
let cdp: CDPSession


/**
 * A Lightning record page whose visible fields are as large as an observation may be (~200 KB),
 * and that moves to another record id with pushState, as a hostile or runaway page could.
 */
function hostilePage(ids: string[]): string {
  return `<!doctype html><html><head><title>Account | Salesforce</title></head><body>
<div class="windowViewMode-normal oneContent active lafPageHost"><div id="record"></div></div>
<script>
const ids = ${JSON.stringify(ids)}
const note = "Customer asked for a deeper renewal discount; the rival is cheaper. مشتری تخفیف بیشتری برای تمدید خواست. "
function render(i) {
  const root = document.getElementById("record")
  root.replaceChildren()
  const title = document.createElement("h1")
  title.className = "slds-page-header__title"
  title.textContent = "Hostile " + i
  root.append(title)
  for (let f = 0; f < 48; f++) {
    const item = document.createElement("div")
    item.setAttribute("data-target-selection-name", "sfdc:RecordField.Account.Note_" + f + "__c")
    const label = document.createElement("span")
    label.className = "test-id__field-label"
    label.textContent = "Note " + f
    const value = document.createElement("span")
    value.className = "test-id__field-value"
    value.textContent = (i + ":" + f + " " + note.repeat(40)).slice(0, 3900)
    item.append(label, value)
    root.append(item)
  }
}
window.walk = (i) => { history.pushState({}, "", "/lightning/r/Account/" + ids[i] + "/view"); render(i) }
render(Math.max(0, ids.indexOf(location.pathname.split("/")[4])))
</script></body></html>`
}

const send = (message: unknown) => panel.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<{ ok: boolean; code?: string; error?: string; data?: unknown }>
const keysOf = async (table: string) => (await readStore(panel, table)).map((r) => String(r.key ?? r.accountKey))

/**
 * Fills the extension origin's storage for real: files in its origin-private file system (OPFS),
 * which shares the origin's quota with IndexedDB, large ones until the browser refuses one, then
 * ever smaller ones, so what is left is less than the smallest. Not an IndexedDB filler: Chromium
 * keeps every database of an origin in one LevelDB and gives deleted space back only when it
 * compacts, which an origin with an open connection (Parley's worker) may not do for minutes, so
 * the space would not come back after the test. A deleted OPFS file frees its space at once.
 */
async function fillStorage(): Promise<number> {
  const files = await panel.evaluate(async () => {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle("parley-test-filler", { create: true })
    const put = async (n: number, size: number): Promise<boolean> => {
      let out: FileSystemWritableFileStream | undefined
      try {
        out = await (await dir.getFileHandle(`f${n}`, { create: true })).createWritable()
        await out.write(new Uint8Array(size).fill(n % 251))
        await out.close()
        return true
      } catch (error) {
        await out?.abort().catch(() => undefined)
        await dir.removeEntry(`f${n}`).catch(() => undefined)
        if ((error as DOMException).name !== "QuotaExceededError") throw error
        return false
      }
    }
    let n = 0
    for (const size of [1 << 20, 1 << 16, 1 << 12, 1 << 8]) while (await put(++n, size)) {}
    return n
  })
  // Chromium's IndexedDB caches the space it has left and asks the quota manager again only when a
  // write would not fit it: a refused write is the sign it saw the filler. The cached allowance
  // decays linearly to nothing over 30 s (BucketContext::kBucketSpaceCacheTimeLimit), so right
  // after a write that found room (freeStorage's probe, before a retry) this takes up to 30 s.
  await until("IndexedDB to see the origin full", async () => !(await probeWrite(4096)), 45_000)
  return files
}

/** Whether IndexedDB accepts a write of this many bytes into a probe database of its own. */
function probeWrite(bytes: number): Promise<boolean> {
  return panel.evaluate((bytes) => new Promise<boolean>((resolve) => {
    const open = indexedDB.open("parley-test-probe", 1)
    open.onupgradeneeded = () => open.result.createObjectStore("t")
    open.onsuccess = () => {
      const tx = open.result.transaction("t", "readwrite")
      tx.objectStore("t").put(new Uint8Array(bytes), 1)
      tx.oncomplete = () => { open.result.close(); resolve(true) }
      tx.onabort = () => { open.result.close(); resolve(false) }
    }
    open.onerror = () => resolve(false)
  }), bytes)
}

/** Deletes the filler and waits until IndexedDB accepts writes again. */
async function freeStorage(): Promise<void> {
  await panel.evaluate(async () => {
    await (await navigator.storage.getDirectory()).removeEntry("parley-test-filler", { recursive: true }).catch(() => undefined)
  })
  await until("the browser to accept writes again", () => probeWrite(300_000))
}

beforeAll(async () => {
  browser = await launchBrowser()
  await installDemoOrg(browser.context)
  const ids = Array.from({ length: 60 }, (_, i) => hostileId(i))
  // After the demo org's routes, so these win for the hostile ids.
  await browser.context.route(new RegExp(`^https://${HOST.replace(/\./g, "\\.")}/lightning/r/Account/001Q`), (route) =>
    route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: hostilePage(ids) })
  )
  crm = await browser.context.newPage()
  panel = await openPanel(browser)
  cdp = await browser.context.newCDPSession(panel)
  // A small real quota for the extension, set before anything is written (IndexedDB reads the
  // quota when an origin first writes): the walk and the sync fit, a filler can exhaust it.
  await cdp.send("Storage.overrideQuotaForOrigin", { origin: `chrome-extension://${browser.extensionId}`, quotaSize: 24 * 1024 * 1024 })
  await crm.goto(salesforceRecordUrl("Account", sfIds.account(globex)))
  await until("the panel to show Globex", async () => (await panel.getByTestId("record-title").textContent()) === globex.name)
  await until("the sync", async () => (await panel.getByTestId("sync-status").getAttribute("data-state")) === "synced", 40_000)
  await until("the profile", async () => (await readStore(panel, "profiles")).some((p) => p.accountKey === SF_KEY))
})
afterAll(async () => {
  await browser?.close()
})

describe("a page that walks through record ids", () => {
  it("stays within the tab's page-record budget, oldest first, and never evicts synced history", async () => {
    const history = (await readStore(panel, "interactions")).filter((r) => r.accountKey === SF_KEY)
    expect(history.length).toBeGreaterThan(5)
    await crm.goto(`https://${HOST}/lightning/r/Account/${hostileId(0)}/view`)
    await until("the first hostile record", async () => (await keysOf("pageRecords")).includes(hostileKey(0)))
    for (let i = 1; i < 40; i++) {
      await crm.evaluate((n) => (window as unknown as { walk(n: number): void }).walk(n), i)
      await until(`hostile record ${i}`, async () => (await keysOf("pageRecords")).includes(hostileKey(i)))
    }
    const sizes = (await readStore(panel, "pageSizes")) as { key: string; bytes: number; tabId: number }[]
    const hostile = sizes.filter((s) => s.key.includes(":001Q"))
    const tabBytes = hostile.reduce((n, s) => n + s.bytes, 0)
    expect(hostile[0]!.bytes).toBeGreaterThan(150_000)
    expect(tabBytes).toBeLessThanOrEqual(PAGE_RECORD_BUDGET.perTabBytes)
    expect(hostile.length).toBeLessThan(40)
    // The newest are kept, the oldest went; the ledger and the records agree.
    const pages = await keysOf("pageRecords")
    expect(pages).toContain(hostileKey(39))
    expect(pages).not.toContain(hostileKey(0))
    expect(pages.filter((k) => k.includes(":001Q")).sort()).toEqual(hostile.map((s) => s.key).sort())
    // Synced history is not a page record: all of it is still there.
    expect((await readStore(panel, "interactions")).filter((r) => r.accountKey === SF_KEY)).toEqual(history)
  })
})

describe("a full browser", () => {
  // A failed attempt must not leave the browser full for its retry or the next test.
  afterEach(freeStorage)
  it("refuses an observation and a snapshot for lack of space as 'storage full', keeping nothing of either", async () => {
    const before = {
      pages: (await keysOf("pageRecords")).sort(),
      sizes: (await keysOf("pageSizes")).sort(),
      snapshots: (await keysOf("snapshots")).sort(),
      focus: (await readStore(panel, "meta")).find((m) => m.key === "focus")
    }
    expect(await fillStorage()).toBeGreaterThan(2)
    await crm.evaluate(() => (window as unknown as { walk(n: number): void }).walk(41))
    await expect.poll(() => panel.getByTestId("sync-status").getAttribute("data-state"), { timeout: 20_000 }).toBe("storage-full")
    expect(await panel.getByTestId("sync-status").textContent()).toMatch(/Browser storage full/)
    expect(await panel.getByTestId("storage-refused").getAttribute("data-operation")).toBe("observe")
    expect(await panel.getByTestId("storage-refused").textContent()).toMatch(/the record you opened/)
    // Nothing of the refused observation: no record, no size, the focus did not move to it.
    expect((await keysOf("pageRecords")).sort()).toEqual(before.pages)
    expect((await keysOf("pageSizes")).sort()).toEqual(before.sizes)
    expect((await readStore(panel, "meta")).find((m) => m.key === "focus")).toEqual(before.focus)

    // The snapshot path: a typed reply, never Dexie's error, and no snapshot row.
    const reply = await send({ type: "save-snapshot", accountKey: SF_KEY })
    expect(reply).toMatchObject({ ok: false, code: "storage-full", error: expect.stringMatching(/storage for Parley is full/) })
    expect(reply.error).not.toMatch(/Dexie|QuotaExceededError|AbortError/)
    expect((await keysOf("snapshots")).sort()).toEqual(before.snapshots)
    // The settings path too: the language stays as it was.
    expect(await send({ type: "set-settings", settings: { language: "fa" } })).toMatchObject({ ok: false, code: "storage-full" })
    expect(await panel.locator("main").first().getAttribute("dir")).toBe("ltr")
    await freeStorage()

    // Shown in Persian too.
    expect(await send({ type: "set-settings", settings: { language: "fa" } })).toEqual({ ok: true })
    await expect.poll(() => panel.getByTestId("sync-status").textContent(), { timeout: 10_000 }).toMatch(/فضای ذخیره‌سازی مرورگر پر است/)
    // What was refused is said in Persian too (the settings, or an observation the page sent after them).
    expect(await panel.getByTestId("storage-refused").textContent()).toMatch(/^آخرین موردی که ذخیره نشد: (تنظیمات شما|رکوردی که)/)
    await send({ type: "set-settings", settings: { language: "en" } })

    // "Free space": a prune clears the state, and the next observation is stored.
    await expect.poll(() => panel.getByTestId("sync-status").getAttribute("data-state")).toBe("storage-full")
    expect(await send({ type: "prune", retentionDays: 3650 })).toMatchObject({ ok: true })
    await crm.evaluate(() => (window as unknown as { walk(n: number): void }).walk(42))
    await until("the next record", async () => (await keysOf("pageRecords")).includes(hostileKey(42)))
    await expect.poll(() => panel.getByTestId("sync-status").getAttribute("data-state"), { timeout: 20_000 }).not.toBe("storage-full")
  }, 150_000)
})

describe("the retention prune", () => {
  it("deletes history, page records and snapshots last seen before the window, keeps the rest, and recomputes profiles", async () => {
    expect(await send({ type: "save-snapshot", accountKey: SF_KEY })).toMatchObject({ ok: true })
    const day = 86_400_000
    const old = Date.now() - 400 * day
    // Age some rows: what Parley last saw over a year ago.
    const interactions = (await readStore(panel, "interactions")).filter((r) => r.accountKey === SF_KEY) as { key: string }[]
    const aged = interactions.slice(0, 3).map((r) => r.key)
    // A page record the walk above stored (which ones are left depends on the tab's budget).
    const agedPage = (await keysOf("pageRecords")).find((key) => key.includes(":001Q"))
    if (!agedPage) throw new Error("no page record of the walk is left to age")
    await panel.evaluate(
      ({ aged, agedPage, old }) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open("parley")
          open.onsuccess = () => {
            const tx = open.result.transaction(["interactions", "pageRecords", "pageSizes", "snapshots"], "readwrite")
            for (const key of aged) {
              const req = tx.objectStore("interactions").get(key)
              req.onsuccess = () => tx.objectStore("interactions").put({ ...req.result, seenAt: old })
            }
            for (const table of ["pageRecords", "pageSizes"]) {
              const req = tx.objectStore(table).get(agedPage)
              req.onsuccess = () => tx.objectStore(table).put({ ...req.result, seenAt: old })
            }
            const all = tx.objectStore("snapshots").getAll()
            all.onsuccess = () => {
              const first = all.result[0]
              tx.objectStore("snapshots").put({ ...first, key: `${first.key}:old`, createdAt: old })
            }
            tx.oncomplete = () => {
              open.result.close()
              resolve()
            }
            tx.onerror = () => reject(tx.error)
          }
          open.onerror = () => reject(open.error)
        }),
      { aged, agedPage, old }
    )
    const profileBefore = (await readStore(panel, "profiles")).find((p) => p.accountKey === SF_KEY)!
    const reply = await send({ type: "prune", retentionDays: 365 })
    expect(reply).toMatchObject({ ok: true, data: { removed: expect.any(Number) } })
    expect((reply.data as { removed: number }).removed).toBeGreaterThanOrEqual(aged.length + 1)
    const left = await keysOf("interactions")
    for (const key of aged) expect(left).not.toContain(key)
    expect(left.length).toBeGreaterThan(0)
    expect(interactions.filter((r) => !aged.includes(r.key)).every((r) => left.includes(r.key))).toBe(true)
    expect(await keysOf("pageRecords")).not.toContain(agedPage)
    expect(await keysOf("pageSizes")).not.toContain(agedPage)
    expect((await readStore(panel, "snapshots")).some((s) => Number(s.createdAt) === old)).toBe(false)
    expect((await readStore(panel, "snapshots")).length).toBeGreaterThan(0)
    const profileAfter = (await readStore(panel, "profiles")).find((p) => p.accountKey === SF_KEY)!
    expect(Number(profileAfter.computedAt)).toBeGreaterThan(Number(profileBefore.computedAt))
  })
})

/** Creates the database as Dexie would at `version` (IndexedDB version = Dexie's × 10), with rows. */
async function createOldDatabase(page: Page, version: number, rows: Record<string, Record<string, unknown>[]>): Promise<void> {
  const schema = SCHEMAS[version - 1]!
  const stores = Object.entries(schema).map(([name, spec]) => {
    const [primary, ...indexes] = spec.split(",").map((s) => s.trim())
    return {
      name,
      keyPath: primary!,
      indexes: indexes.map((index) => ({ name: index, keyPath: index.startsWith("[") ? index.slice(1, -1).split("+") : index }))
    }
  })
  await page.evaluate(
    ({ version, stores, rows }) =>
      new Promise<void>((resolve, reject) => {
        const del = indexedDB.deleteDatabase("parley")
        del.onerror = () => reject(del.error)
        del.onsuccess = () => {
          const open = indexedDB.open("parley", version * 10)
          open.onupgradeneeded = () => {
            for (const store of stores) {
              const os = open.result.createObjectStore(store.name, { keyPath: store.keyPath })
              for (const index of store.indexes) os.createIndex(index.name, index.keyPath)
            }
          }
          open.onsuccess = () => {
            const tx = open.result.transaction(Object.keys(rows), "readwrite")
            for (const [table, list] of Object.entries(rows)) for (const row of list) tx.objectStore(table).put(row)
            tx.oncomplete = () => {
              open.result.close()
              resolve()
            }
            tx.onerror = () => reject(tx.error)
          }
          open.onerror = () => reject(open.error)
        }
      }),
    { version, stores, rows }
  )
}

/** History as a rep's org holds it, in English and Persian, for a database at `version`. */
function historyRows(version: number): Record<string, Record<string, unknown>[]> {
  const base = { crm: "salesforce", org: "acme", seenAt: 1_750_000_000_000 }
  const acct = (n: number, name: string) => ({ ...base, key: `salesforce:acme:001A0000000000${n}AAA`, id: `001A0000000000${n}AAA`, name })
  const accounts = [acct(1, "Globex Manufacturing"), acct(2, "شرکت پخش البرز")]
  const interactions = accounts.flatMap((a, i) =>
    Array.from({ length: 25 }, (_, j) => ({
      ...base,
      key: `salesforce:acme:00T${i}${String(j).padStart(14, "0")}`,
      id: `00T${i}${String(j).padStart(14, "0")}`,
      accountKey: a.key,
      channel: j % 2 ? "call" : "email",
      direction: j % 3 ? "inbound" : "outbound",
      at: 1_700_000_000_000 + j * 86_400_000,
      sourceObject: "Task",
      subject: i ? `پیگیری پیش‌فاکتور شمارهٔ ${j}` : `Follow-up on quote ${j}`
    }))
  )
  const deals = [{ ...base, key: "salesforce:acme:006A00000000001AAA", id: "006A00000000001AAA", accountKey: accounts[0]!.key, name: "Renewal 2026", stage: "Negotiation", createdAt: 1_700_000_000_000, amount: { amount: 120_000, currency: "USD" } }]
  const cases = [{ ...base, key: "salesforce:acme:500A00000000001AAA", id: "500A00000000001AAA", accountKey: accounts[1]!.key, subject: "تأخیر در تحویل", status: "Closed", openedAt: 1_700_100_000_000 }]
  const page = { key: accounts[1]!.key, crm: "salesforce", id: accounts[1]!.id, objectType: "Account", url: "https://acme.lightning.force.com/lightning/r/Account/x/view", fields: { Name: { label: "نام حساب", value: "شرکت پخش البرز" } }, seenAt: base.seenAt }
  const rows: Record<string, Record<string, unknown>[]> = {
    orgs: [{ key: "salesforce:acme", crm: "salesforce", org: "acme", host: "acme.lightning.force.com", seenAt: base.seenAt }],
    accounts,
    interactions,
    deals,
    cases,
    // v1 page records had no `org`: the v2 upgrade derives it from the key.
    pageRecords: [version === 1 ? page : { ...page, org: "acme" }],
    cursors: [{ key: "salesforce:acme:Task:all", crm: "salesforce", org: "acme", object: "Task", scope: "all", watermark: 1_700_000_000_000, updatedAt: 1_700_000_000_000 }],
    meta: [{ key: "settings", value: { language: "fa", retentionDays: 365 } }]
  }
  if (version >= 2) rows.profiles = [{ accountKey: accounts[0]!.key, org: "acme", computedAt: 1, profile: { version: 1 } }]
  return rows
}

describe("schema upgrades", () => {
  for (let version = 1; version < SCHEMAS.length; version++) {
    it(`opens a version ${version} database with history and keeps every row`, async () => {
      // No open connection may hold the old database: the panel and the worker go first.
      await crm.goto("about:blank")
      await panel.goto("about:blank")
      await stopServiceWorker(browser, crm)
      const blank = await browser.context.newPage()
      await blank.goto(`chrome-extension://${browser.extensionId}/manifest.json`)
      const rows = historyRows(version)
      await createOldDatabase(blank, version, rows)
      await blank.close()

      await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`)
      // Upgraded: every table of the newest schema is there (a version 3 database already had pageSizes).
      const newest = Object.keys(SCHEMAS[SCHEMAS.length - 1]!)
      await until("the upgraded database", async () => panel.evaluate((tables) => new Promise<boolean>((resolve) => {
        const open = indexedDB.open("parley")
        open.onsuccess = () => {
          const upgraded = tables.every((table) => open.result.objectStoreNames.contains(table))
          open.result.close()
          resolve(upgraded)
        }
        open.onerror = () => resolve(false)
      }), newest))
      for (const [table, list] of Object.entries(rows)) {
        const stored = await readStore(panel, table)
        const key = table === "profiles" ? "accountKey" : "key"
        for (const row of list) {
          const found = stored.find((s) => s[key] === row[key])
          // Upgrades may add fields (the page record's `org`); none is lost or changed.
          expect(found, `${table} ${String(row[key])}`).toMatchObject(row)
        }
      }
      expect((await readStore(panel, "pageRecords"))[0]).toMatchObject({ org: "acme" })
      // The version 3 upgrade measured the page records it found (a later one has nothing to measure).
      if (version < 3) expect(await readStore(panel, "pageSizes")).toEqual([expect.objectContaining({ key: rows.pageRecords![0]!.key, org: "acme", bytes: expect.any(Number) })])
      // The panel reads the upgraded settings (Persian).
      await expect.poll(() => panel.locator("main").first().getAttribute("dir"), { timeout: 10_000 }).toBe("rtl")
    })
  }
})
