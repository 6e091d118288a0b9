import Dexie from "dexie"
import { describe, expect, it } from "vitest"
import { openDatabase, SCHEMA_V1, SCHEMAS } from "./db"
import { forgetOrg, pruneOlderThan, readAccountHistory, writeBatch } from "./store"

let n = 0
const uniqueName = () => `parley-test-${++n}-${Math.random().toString(36).slice(2)}`

const account = (id: string, seenAt = 1_000) => ({ key: `salesforce:northwind:${id}`, crm: "salesforce" as const, org: "northwind", id, name: `Account ${id}`, seenAt })
const interaction = (id: string, accountId: string, at: number, seenAt = 1_000) => ({
  key: `salesforce:northwind:${id}`,
  crm: "salesforce" as const,
  org: "northwind",
  id,
  accountKey: `salesforce:northwind:${accountId}`,
  channel: "call" as const,
  direction: "inbound" as const,
  at,
  sourceObject: "Task",
  seenAt
})

describe("database schema", () => {
  it("upgrades a v1 database and keeps every record", async () => {
    const name = uniqueName()
    const v1 = new Dexie(name)
    v1.version(1).stores(SCHEMA_V1)
    await v1.table("pageRecords").bulkPut([
      { key: "salesforce:northwind:001000000000001AAA", crm: "salesforce", id: "001000000000001AAA", objectType: "Account", url: "https://x/", fields: {}, seenAt: 5 },
      { key: "dynamics:contoso.crm4:abc", crm: "dynamics", id: "abc", objectType: "account", url: "https://y/", fields: {}, seenAt: 6 }
    ])
    await v1.table("interactions").put(interaction("00T000000000001AAA", "001000000000001AAA", 10))
    v1.close()

    const db = openDatabase(name)
    await db.open()
    expect(db.verno).toBe(SCHEMAS.length)
    const pages = await db.pageRecords.orderBy("key").toArray()
    expect(pages.map((p) => p.org)).toEqual(["contoso.crm4", "northwind"])
    expect(await db.interactions.count()).toBe(1)
    expect(await db.pageRecords.where("[org+seenAt]").between(["northwind", 0], ["northwind", 10]).count()).toBe(1)
    db.close()
  })
})

describe("store", () => {
  it("upserts idempotently by deterministic key", async () => {
    const db = openDatabase(uniqueName())
    await writeBatch(db, { accounts: [account("001000000000001AAA")] })
    await writeBatch(db, { accounts: [{ ...account("001000000000001AAA"), name: "Renamed" }] })
    expect(await db.accounts.count()).toBe(1)
    expect((await db.accounts.get("salesforce:northwind:001000000000001AAA"))?.name).toBe("Renamed")
  })

  it("rejects invalid records with a reason and writes the rest", async () => {
    const db = openDatabase(uniqueName())
    const bad = { ...interaction("00T000000000002AAA", "001000000000001AAA", 10), direction: "sideways" }
    const { written, rejected } = await writeBatch(db, {
      accounts: [account("001000000000001AAA")],
      interactions: [interaction("00T000000000001AAA", "001000000000001AAA", 10), bad as never]
    })
    expect(written).toBe(2)
    expect(rejected).toEqual([{ table: "interactions", recordKey: "salesforce:northwind:00T000000000002AAA", reason: expect.stringMatching(/direction/) }])
  })

  it("writes a page and its cursor atomically: a failure leaves neither", async () => {
    const db = openDatabase(uniqueName())
    await db.open()
    db.cursors.hook("creating", () => {
      throw new Error("simulated crash")
    })
    await expect(
      writeBatch(db, { accounts: [account("001000000000001AAA")] }, { key: "c", crm: "salesforce", org: "northwind", object: "Task", scope: "x", updatedAt: 1 })
    ).rejects.toThrow("simulated crash")
    expect(await db.accounts.count()).toBe(0)
  })

  it("reads one account's history in time order through the compound index", async () => {
    const db = openDatabase(uniqueName())
    await writeBatch(db, {
      accounts: [account("001000000000001AAA"), account("001000000000002AAA")],
      interactions: [
        interaction("00T000000000003AAA", "001000000000001AAA", 30),
        interaction("00T000000000001AAA", "001000000000001AAA", 10),
        interaction("00T000000000002AAA", "001000000000002AAA", 20)
      ]
    })
    const history = await readAccountHistory(db, "salesforce:northwind:001000000000001AAA")
    expect(history?.interactions.map((i) => i.at)).toEqual([10, 30])
    expect(await readAccountHistory(db, "salesforce:northwind:missing")).toBeNull()
  })

  it("prunes by retention window and forgets an org entirely", async () => {
    const db = openDatabase(uniqueName())
    await writeBatch(db, {
      accounts: [account("001000000000001AAA", 100), { ...account("001000000000009AAA", 100), key: "salesforce:other:001000000000009AAA", org: "other" }],
      interactions: [interaction("00T000000000001AAA", "001000000000001AAA", 10, 50), interaction("00T000000000002AAA", "001000000000001AAA", 10, 500)]
    })
    expect(await pruneOlderThan(db, "northwind", 200)).toBe(2)
    expect(await db.interactions.count()).toBe(1)
    await forgetOrg(db, "salesforce", "northwind")
    expect(await db.interactions.count()).toBe(0)
    expect((await db.accounts.toArray()).map((a) => a.org)).toEqual(["other"])
  })
})

describe("storage quota", () => {
  it("turns a quota failure (also when wrapped in AbortError) into a clear StorageFullError and keeps nothing", async () => {
    const { StorageFullError, isQuotaError } = await import("./store")
    expect(isQuotaError({ name: "QuotaExceededError" })).toBe(true)
    expect(isQuotaError({ name: "AbortError", inner: { name: "QuotaExceededError" } })).toBe(true)
    expect(isQuotaError({ name: "AbortError" })).toBe(false)
    const db = openDatabase(uniqueName())
    await db.open()
    db.accounts.hook("creating", () => {
      throw Object.assign(new Error("quota"), { name: "QuotaExceededError" })
    })
    await expect(writeBatch(db, { accounts: [account("001000000000001AAA")], interactions: [interaction("00T000000000001AAA", "001000000000001AAA", 1)] })).rejects.toBeInstanceOf(StorageFullError)
    expect(await db.interactions.count()).toBe(0)
  })
})

describe("forgetting an org", () => {
  it("removes its statuses, budgets and focus, and leaves the same org name on the other CRM alone", async () => {
    const { forgetOrg } = await import("./store")
    const db = openDatabase(uniqueName())
    await writeBatch(db, { accounts: [account("001000000000001AAA"), { ...account("001000000000001AAA"), key: "dynamics:northwind:001000000000001AAA", crm: "dynamics" }] })
    await db.meta.bulkPut([
      { key: "sync:salesforce:northwind:001000000000001AAA", value: { state: "synced" } },
      { key: "salesforce:caps:northwind", value: [] },
      { key: "focus", value: { crm: "salesforce", org: "northwind" } },
      { key: "settings", value: {} }
    ])
    await forgetOrg(db, "salesforce", "northwind")
    expect((await db.accounts.toArray()).map((a) => a.crm)).toEqual(["dynamics"])
    expect((await db.meta.toArray()).map((m) => m.key)).toEqual(["settings"])
  })

  it("removes the org's team roll-up cache and refresh state, and no other org's", async () => {
    const { teamFileKey, teamRefreshKey } = await import("../team/keys")
    const db = openDatabase(uniqueName())
    const teamRow = (crm: "salesforce" | "dynamics", org: string) => ({
      key: teamFileKey(crm, org, "068000000000001AAA"),
      crm,
      org,
      fileId: "068000000000001AAA",
      filename: "parley.json",
      attachedTo: null,
      author: null,
      sharedAt: null,
      modifiedAt: 1,
      readAt: 1,
      status: "skipped" as const,
      reason: "not-json" as const
    })
    const places = [["salesforce", "acme"], ["salesforce", "acme:1"], ["dynamics", "acme"]] as const
    await db.teamFiles.bulkPut(places.map(([crm, org]) => teamRow(crm, org)))
    await db.meta.bulkPut(places.map(([crm, org]) => ({ key: teamRefreshKey(crm, org), value: { crm, org } })))
    await forgetOrg(db, "salesforce", "acme")
    expect((await db.teamFiles.toArray()).map((r) => `${r.crm}/${r.org}`).sort()).toEqual(["dynamics/acme", "salesforce/acme:1"])
    expect((await db.meta.toArray()).map((m) => m.key).sort()).toEqual([teamRefreshKey("dynamics", "acme"), teamRefreshKey("salesforce", "acme:1")].sort())
  })

  it("never touches another org whose name extends or contains the forgotten one (acme, acme:1, ac; an on-premises host with a port)", async () => {
    const { handleObservation } = await import("../background/handlers/observe")
    const { recordKey } = await import("./keys")
    const { syncStatusKey, syncPausedKey } = await import("./sync-status")
    const db = openDatabase(uniqueName())
    const orgs = ["acme", "acme:1", "ac", "crm.contoso.local", "crm.contoso.local:5555"]
    for (const org of orgs) {
      const page = {
        crm: "salesforce" as const,
        host: "acme.my.salesforce.com",
        org,
        url: "https://acme.my.salesforce.com/lightning/r/Account/001000000000001AAA/view",
        record: { objectType: "Account", id: "001000000000001AAA", name: `Account of ${org}`, fields: {} }
      }
      await handleObservation(db, page, false, 1, 1_000)
      await handleObservation(db, { ...page, record: { ...page.record, id: "1" } }, false, 1, 1_000)
      const key = recordKey("salesforce", org, "001000000000001AAA")
      await db.meta.bulkPut([{ key: syncStatusKey(key), value: { state: "synced" } }, { key: syncPausedKey(key), value: true }])
    }
    const pageOrgs = async () => [...new Set((await db.pageRecords.toArray()).map((r) => r.org))].sort()
    const metaOrgs = async () => (await db.meta.toArray()).map((m) => m.key).sort()

    await forgetOrg(db, "salesforce", "acme")
    expect(await pageOrgs()).toEqual(["ac", "acme:1", "crm.contoso.local", "crm.contoso.local:5555"])
    expect([...new Set((await db.accounts.toArray()).map((a) => a.org))].sort()).toEqual(["ac", "acme:1", "crm.contoso.local", "crm.contoso.local:5555"])
    expect((await db.orgs.toArray()).map((o) => o.org).sort()).toEqual(["ac", "acme:1", "crm.contoso.local", "crm.contoso.local:5555"])
    expect(await metaOrgs()).toHaveLength(8)
    await forgetOrg(db, "salesforce", "crm.contoso.local")
    await forgetOrg(db, "salesforce", "ac")
    expect(await pageOrgs()).toEqual(["acme:1", "crm.contoso.local:5555"])
    expect(await metaOrgs()).toEqual(
      ["acme:1", "crm.contoso.local:5555"].flatMap((org) => [syncStatusKey(recordKey("salesforce", org, "001000000000001AAA")), syncPausedKey(recordKey("salesforce", org, "001000000000001AAA"))]).sort()
    )
    await forgetOrg(db, "salesforce", "acme:1")
    await forgetOrg(db, "salesforce", "crm.contoso.local:5555")
    expect(await db.pageRecords.count()).toBe(0)
    expect(await db.meta.count()).toBe(0)
    expect(await db.orgs.count()).toBe(0)
  })

  it("drops snapshots older than the window and profiles of pruned accounts, and names the rest to recompute", async () => {
    const { pruneDerived } = await import("./store")
    const db = openDatabase(uniqueName())
    await writeBatch(db, { accounts: [account("001000000000001AAA")] })
    await db.profiles.bulkPut([
      { accountKey: "salesforce:northwind:001000000000001AAA", org: "northwind", computedAt: 1, profile: {} },
      { accountKey: "salesforce:northwind:001000000000002AAA", org: "northwind", computedAt: 1, profile: {} }
    ])
    const snapshot = { version: 1, recordKey: "salesforce:northwind:001000000000001AAA", crm: "salesforce" as const, org: "northwind", parleyVersion: "0.1.0", hash: "0".repeat(64), payload: {} }
    await db.snapshots.bulkPut([
      { ...snapshot, key: "old", createdAt: 10 },
      { ...snapshot, key: "new", createdAt: 1_000 }
    ])
    expect(await pruneDerived(db, "northwind", 500)).toEqual(["salesforce:northwind:001000000000001AAA"])
    expect((await db.profiles.toArray()).map((p) => p.accountKey)).toEqual(["salesforce:northwind:001000000000001AAA"])
    expect((await db.snapshots.toArray()).map((s) => s.key)).toEqual(["new"])
  })
})
