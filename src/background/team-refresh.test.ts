import { beforeAll, describe, expect, it } from "vitest"
import { sampleSnapshot } from "../../tests/support/snapshot-fixtures"
import type { ApiConnector } from "../crm/contract"
import { ShareError, type TeamSnapshotBody, type TeamSnapshotRef } from "../crm/share-types"
import { PanelMessageSchema } from "../messaging/schemas"
import { openDatabase, type ParleyDB } from "../model/db"
import { orgKey, recordKey } from "../model/keys"
import type { Crm } from "../model/schema"
import { seal } from "../snapshots/build"
import { MAX_SNAPSHOT_BYTES } from "../snapshots/import"
import { snapshotKey, type SnapshotDocument } from "../snapshots/payload"
import { teamFileKey, teamRefreshKey } from "../team/keys"
import { buildRollup } from "../team/rollup"
import type { TeamFileRow, TeamRefreshState } from "../team/types"
import { forgetOrg } from "./handlers/forget-org"
import { handlePanelMessage } from "./handlers/panel-messages"
import { withStorageGuard } from "./storage-guard"
import { refreshTeam, TEAM_FULL_LISTING_MS, TEAM_READ_BATCH, type TeamRefreshEnvironment } from "./team-refresh"

const T0 = Date.UTC(2026, 10, 20, 9)
const HOUR = 3_600_000
const SF_ORG = "northwind"
const DYN_ORG = "contoso.crm4"
const sfAccount = (n: number) => `001Aa${String(n).padStart(10, "0")}AAA`

let template: SnapshotDocument
beforeAll(async () => {
  template = await sampleSnapshot()
})

/** A valid sealed snapshot of one account, made `createdAt`. */
async function snapshotOf(crm: Crm, org: string, accountId: string, createdAt: number, name = `Account ${accountId}`): Promise<SnapshotDocument> {
  const key = recordKey(crm, org, accountId)
  const { hash: _hash, ...rest } = template
  return seal({ ...rest, key: snapshotKey(key, createdAt, false), recordKey: key, crm, org, createdAt, payload: { ...rest.payload, account: { ...rest.payload.account, key, id: accountId, name } } })
}

/** The body as the CRM hands it back: the JSON text parsed again. */
const asDownloaded = (value: unknown): unknown => JSON.parse(JSON.stringify(value))

/**
 * A CRM behind the connector contract: files with their change stamps, a listing that includes
 * its `since` stamp, reads that leave out files deleted since the listing, and a budget that
 * stops a read part-way by throwing, as the contract says (src/crm/contract.ts).
 */
class FakeCrm {
  readonly files = new Map<string, { ref: TeamSnapshotRef; content: unknown }>()
  readonly listings: (number | null)[] = []
  readonly downloads: string[] = []
  /** Bodies the CRM serves before the budget runs out. */
  budget = Number.POSITIVE_INFINITY
  listingFails: ShareError | null = null
  /** Holds reads until it settles (a test acts while a refresh is under way). */
  readsWait: Promise<void> | null = null
  /** Files whose body the CRM refuses to hand over (the whole read stops there, as a connector's does). */
  readonly refuses = new Set<string>()

  put(id: string, accountId: string | null, content: unknown, modifiedAt: number, extra: Partial<TeamSnapshotRef> = {}): void {
    const ref: TeamSnapshotRef = { id, accountId, filename: `parley-${id}.json`, title: `Parley snapshot ${id}`, author: { id: "005rep1", name: "Yasmin Rahimi" }, createdAt: modifiedAt, modifiedAt, size: 20_000, ...extra }
    this.files.set(id, { ref, content: content === null ? null : asDownloaded(content) })
  }

  readonly connector: Pick<ApiConnector, "listTeamSnapshots" | "readTeamSnapshots"> = {
    listTeamSnapshots: async (_env, _org, { since }) => {
      if (this.listingFails) throw this.listingFails
      this.listings.push(since)
      const files = [...this.files.values()].map((f) => f.ref).filter((ref) => since === null || ref.modifiedAt >= since)
      return { files: files.sort((a, b) => a.modifiedAt - b.modifiedAt), calls: 1 }
    },
    readTeamSnapshots: async (_env, _org, refs, onBody) => {
      await this.readsWait
      const bodies: TeamSnapshotBody[] = []
      for (const ref of refs) {
        const file = this.files.get(ref.id)
        if (!file) continue
        if (this.refuses.has(ref.id)) throw new ShareError("rejected", `Salesforce refused to list the team's snapshots: ${ref.id} is locked`, "FILE_LOCKED")
        if (this.budget <= 0) throw new ShareError("budget-exhausted", "Today's API budget is used up")
        this.budget--
        this.downloads.push(ref.id)
        const body = { id: ref.id, content: file.content }
        onBody?.(body)
        bodies.push(body)
      }
      return { bodies, calls: bodies.length }
    }
  }
}

async function setup(orgs: { crm: Crm; org: string; crmFake: FakeCrm }[]) {
  const db = openDatabase(`team-refresh-${Math.random()}`)
  for (const { crm, org } of orgs) await db.orgs.put({ key: orgKey(crm, org), crm, org, host: `${org}.example.com`, seenAt: 1 })
  const clock = { now: T0 }
  const byCrm = new Map(orgs.map((o) => [o.crm, o.crmFake]))
  const env: TeamRefreshEnvironment = {
    db,
    fetch: () => Promise.reject(new Error("no network in this test")),
    cookies: { get: async () => null, getAll: async () => [] },
    now: () => clock.now,
    connectorFor: (crm) => byCrm.get(crm)!.connector
  }
  return { db, env, clock }
}

const rowsOf = (db: ParleyDB) => db.teamFiles.orderBy("key").toArray()
const stateOf = async (db: ParleyDB, crm: Crm, org: string) => (await db.meta.get(teamRefreshKey(crm, org)))?.value as TeamRefreshState | undefined

describe("refreshTeam", () => {
  it("reads every file on the first refresh, then lists from the watermark and downloads only new or changed files", async () => {
    const crm = new FakeCrm()
    const { db, env, clock } = await setup([{ crm: "salesforce", org: SF_ORG, crmFake: crm }])
    crm.put("068A", sfAccount(1), await snapshotOf("salesforce", SF_ORG, sfAccount(1), T0 - 30 * HOUR), T0 - 20 * HOUR)
    crm.put("068B", sfAccount(2), await snapshotOf("salesforce", SF_ORG, sfAccount(2), T0 - 10 * HOUR), T0 - 9 * HOUR)
    crm.put("068C", sfAccount(3), await snapshotOf("salesforce", SF_ORG, sfAccount(3), T0 - 5 * HOUR), T0 - 4 * HOUR)

    const first = await refreshTeam(env)
    expect(first.orgs).toEqual([{ crm: "salesforce", org: SF_ORG, listed: 3, read: 3, skipped: 0, unchanged: 0, removed: 0, calls: 4, pending: 0, status: "ok" }])
    expect(crm.listings).toEqual([null])
    expect(crm.downloads).toEqual(["068A", "068B", "068C"])
    const rows = await rowsOf(db)
    expect(rows.map((r) => [r.key, r.status, r.attachedTo, r.digest?.recordKey])).toEqual(
      ["068A", "068B", "068C"].map((id, n) => [teamFileKey("salesforce", SF_ORG, id), "ok", recordKey("salesforce", SF_ORG, sfAccount(n + 1)), recordKey("salesforce", SF_ORG, sfAccount(n + 1))])
    )
    expect(await stateOf(db, "salesforce", SF_ORG)).toEqual({ crm: "salesforce", org: SF_ORG, watermark: T0 - 4 * HOUR, fullAt: T0, refreshedAt: T0, pending: 0 })

    // An hour later: one file replaced by a newer snapshot, one new file.
    clock.now = T0 + HOUR
    crm.put("068B", sfAccount(2), await snapshotOf("salesforce", SF_ORG, sfAccount(2), T0 + HOUR / 2, "Renamed Co"), T0 + HOUR / 2)
    crm.put("068D", sfAccount(4), await snapshotOf("salesforce", SF_ORG, sfAccount(4), T0 + HOUR / 4), T0 + HOUR / 3)
    crm.downloads.length = 0

    const second = await refreshTeam(env)
    expect(crm.listings).toEqual([null, T0 - 4 * HOUR])
    expect(crm.downloads).toEqual(["068D", "068B"])
    // 068C carries the watermark's own stamp: listed again, found unchanged, not downloaded.
    expect(second.orgs[0]).toMatchObject({ listed: 3, read: 2, unchanged: 1, removed: 0, status: "ok" })
    expect((await db.teamFiles.get(teamFileKey("salesforce", SF_ORG, "068B")))?.digest?.accountName).toBe("Renamed Co")
    expect(await db.teamFiles.count()).toBe(4)
    expect((await stateOf(db, "salesforce", SF_ORG))?.watermark).toBe(T0 + HOUR / 2)
  })

  it("drops a file no longer listed on a full listing, asked for or a day after the last one", async () => {
    const crm = new FakeCrm()
    const { db, env, clock } = await setup([{ crm: "salesforce", org: SF_ORG, crmFake: crm }])
    for (const n of [1, 2, 3]) crm.put(`068${n}`, sfAccount(n), await snapshotOf("salesforce", SF_ORG, sfAccount(n), T0 - n * HOUR), T0 - n * HOUR)
    await refreshTeam(env)

    // The lead lost access to account 2's file (the CRM no longer lists it): an incremental listing cannot tell.
    crm.files.delete("0682")
    clock.now = T0 + HOUR
    expect((await refreshTeam(env)).orgs[0]).toMatchObject({ removed: 0 })
    expect(await db.teamFiles.count()).toBe(3)

    const full = await refreshTeam(env, { full: true })
    expect(crm.listings.at(-1)).toBeNull()
    expect(full.orgs[0]).toMatchObject({ listed: 2, unchanged: 2, read: 0, removed: 1, status: "ok" })
    expect((await rowsOf(db)).map((r) => r.fileId)).toEqual(["0681", "0683"])
    expect(crm.downloads).toHaveLength(3)

    // Deleted in the CRM: the next refresh more than a day after the last full listing lists everything again.
    crm.files.delete("0683")
    clock.now = T0 + HOUR + TEAM_FULL_LISTING_MS
    expect((await refreshTeam(env)).orgs[0]).toMatchObject({ listed: 1, removed: 1 })
    expect(crm.listings.at(-1)).toBeNull()
    expect((await rowsOf(db)).map((r) => r.fileId)).toEqual(["0681"])
  })

  it("keeps tampered, newer, malformed, non-JSON, too large and misattached files out with their reason, and the rest in", async () => {
    const crm = new FakeCrm()
    const { db, env } = await setup([{ crm: "salesforce", org: SF_ORG, crmFake: crm }])
    const good = await snapshotOf("salesforce", SF_ORG, sfAccount(1), T0 - 3 * HOUR)
    const other = await snapshotOf("salesforce", SF_ORG, sfAccount(2), T0 - 3 * HOUR)
    crm.put("068good", sfAccount(1), good, T0 - 6 * HOUR)
    crm.put("068tampered", sfAccount(1), { ...good, createdAt: good.createdAt + 1 }, T0 - 5 * HOUR)
    crm.put("068newer", sfAccount(1), { ...good, version: 99 }, T0 - 5 * HOUR)
    crm.put("068malformed", sfAccount(1), { version: 2, hash: good.hash, payload: { kind: "account-briefing" } }, T0 - 5 * HOUR)
    crm.put("068notjson", sfAccount(1), null, T0 - 4 * HOUR)
    crm.put("068huge", sfAccount(1), good, T0 - 4 * HOUR, { size: MAX_SNAPSHOT_BYTES + 1 })
    // A valid snapshot of account 2 attached to account 1; and one attached to no account at all.
    crm.put("068elsewhere", sfAccount(1), other, T0 - 3 * HOUR)
    crm.put("068nowhere", null, other, T0 - 3 * HOUR)
    // Valid and sealed, its risk reasons stuffed with long messages: a digest no panel should carry 5,000 of.
    const { hash: _h, ...goodRest } = good
    const long = { id: "a.legacy", params: { text: { list: Array.from({ length: 40 }, () => ({ id: "a.legacy", params: { text: { text: "x".repeat(1_500) } } })) } } }
    const stuffedReasons = Array.from({ length: 5 }, () => ({ signal: "churn-threat" as const, text: long, evidence: [] }))
    const stuffed = await seal({ ...goodRest, createdAt: good.createdAt + 7, key: snapshotKey(good.recordKey, good.createdAt + 7, false), payload: { ...goodRest.payload, profile: { ...goodRest.payload.profile, risk: { ...goodRest.payload.profile.risk, reasons: stuffedReasons } } } })
    crm.put("068stuffed", sfAccount(1), stuffed, T0 - 3 * HOUR)

    const report = await refreshTeam(env)
    expect(report.orgs[0]).toMatchObject({ listed: 9, read: 1, skipped: 8, status: "ok" })
    expect(crm.downloads).not.toContain("068huge")
    const rows = new Map((await rowsOf(db)).map((r) => [r.fileId, r]))
    const reasons = Object.fromEntries([...rows].map(([id, r]) => [id, r.reason ?? r.status]))
    expect(reasons).toEqual({
      "068good": "ok",
      "068tampered": "tampered",
      "068newer": "newer-version",
      "068malformed": "malformed",
      "068notjson": "not-json",
      "068huge": "too-large",
      "068elsewhere": "wrong-record",
      "068nowhere": "wrong-record",
      "068stuffed": "too-large"
    })
    for (const [id, row] of rows) if (id !== "068good") expect(row.message, id).toMatch(/\w/)
    expect(rows.get("068newer")?.message).toMatch(/version 99/)
    expect(rows.get("068elsewhere")?.message).toContain(recordKey("salesforce", SF_ORG, sfAccount(1)))
    // The view is built from what is valid.
    expect(buildRollup([...rows.values()], { now: T0, staleDays: 30 }).map((r) => r.accountKey)).toEqual([recordKey("salesforce", SF_ORG, sfAccount(1))])
  })

  it("keeps what it read when the budget runs out part-way, says how many are pending, and resumes without reading anything twice", async () => {
    const crm = new FakeCrm()
    const { db, env, clock } = await setup([{ crm: "salesforce", org: SF_ORG, crmFake: crm }])
    const total = TEAM_READ_BATCH + 20
    const snapshots = await Promise.all([1, 2, 3].map((n) => snapshotOf("salesforce", SF_ORG, sfAccount(n), T0 - 50 * HOUR + n)))
    for (let i = 0; i < total; i++) crm.put(`068${String(i).padStart(3, "0")}`, sfAccount((i % 3) + 1), snapshots[i % 3], T0 - HOUR * 40 + i * 60_000)
    crm.budget = TEAM_READ_BATCH + 5

    const stopped = await refreshTeam(env)
    expect(stopped.orgs[0]).toMatchObject({ listed: total, read: TEAM_READ_BATCH + 5, pending: 15, status: "partial", code: "budget-exhausted", error: "Today's API budget is used up" })
    expect(await db.teamFiles.count()).toBe(TEAM_READ_BATCH + 5)
    const state = await stateOf(db, "salesforce", SF_ORG)
    expect(state).toMatchObject({ pending: 15, error: { code: "budget-exhausted" }, watermark: T0 - HOUR * 40 + (TEAM_READ_BATCH + 5) * 60_000 })

    clock.now = T0 + HOUR
    crm.budget = Number.POSITIVE_INFINITY
    const readBefore = [...crm.downloads]
    const resumed = await refreshTeam(env)
    expect(crm.listings.at(-1)).toBe(state!.watermark)
    expect(crm.downloads.slice(readBefore.length)).toEqual(Array.from({ length: 15 }, (_, k) => `068${String(TEAM_READ_BATCH + 5 + k).padStart(3, "0")}`))
    expect(new Set(crm.downloads).size).toBe(crm.downloads.length)
    expect(resumed.orgs[0]).toMatchObject({ read: 15, pending: 0, status: "ok" })
    expect(await db.teamFiles.count()).toBe(total)
    const after = await stateOf(db, "salesforce", SF_ORG)
    expect(after?.error).toBeUndefined()
    expect(after).toMatchObject({ pending: 0, watermark: T0 - HOUR * 40 + (total - 1) * 60_000 })
  })

  it("keeps a file the CRM refuses as unreadable and reads the rest, so one file never stops the org's refreshes", async () => {
    const crm = new FakeCrm()
    const { db, env, clock } = await setup([{ crm: "salesforce", org: SF_ORG, crmFake: crm }])
    const snapshots = await Promise.all([1, 2, 3, 4].map((n) => snapshotOf("salesforce", SF_ORG, sfAccount(n), T0 - 50 * HOUR + n)))
    snapshots.forEach((snapshot, i) => crm.put(`068R${i}`, sfAccount(i + 1), snapshot, T0 - 10 * HOUR + i * HOUR))
    crm.refuses.add("068R1")

    const first = await refreshTeam(env)
    expect(first.orgs[0]).toMatchObject({ listed: 4, read: 3, skipped: 1, pending: 0, status: "ok" })
    expect(first.orgs[0]!.error).toBeUndefined()
    const refused = await db.teamFiles.get(teamFileKey("salesforce", SF_ORG, "068R1"))
    expect(refused).toMatchObject({ status: "skipped", reason: "unreadable", message: expect.stringMatching(/068R1 is locked/) })
    expect((await stateOf(db, "salesforce", SF_ORG))?.watermark).toBe(T0 - 7 * HOUR)

    // The next incremental refresh does not ask for it again; a full one does, and reads it once the CRM allows.
    clock.now = T0 + HOUR
    crm.downloads.length = 0
    expect((await refreshTeam(env)).orgs[0]).toMatchObject({ read: 0, skipped: 0, status: "ok" })
    expect(crm.downloads).toEqual([])
    crm.refuses.clear()
    expect((await refreshTeam(env, { full: true })).orgs[0]).toMatchObject({ read: 1, status: "ok" })
    expect(crm.downloads).toEqual(["068R1"])
    expect((await db.teamFiles.get(teamFileKey("salesforce", SF_ORG, "068R1")))?.status).toBe("ok")
  })

  it("reports an org whose CRM cannot be reached without failing the others", async () => {
    const sf = new FakeCrm()
    const dyn = new FakeCrm()
    dyn.listingFails = new ShareError("network", "Open a tab of this Dynamics org: Parley reads it through the page.")
    const { db, env } = await setup([
      { crm: "salesforce", org: SF_ORG, crmFake: sf },
      { crm: "dynamics", org: DYN_ORG, crmFake: dyn }
    ])
    sf.put("068A", sfAccount(1), await snapshotOf("salesforce", SF_ORG, sfAccount(1), T0 - HOUR), T0 - HOUR)

    const report = await refreshTeam(env)
    const byOrg = Object.fromEntries(report.orgs.map((o) => [o.crm, o]))
    expect(byOrg.salesforce).toMatchObject({ read: 1, status: "ok" })
    expect(byOrg.dynamics).toMatchObject({ listed: 0, read: 0, status: "failed", code: "network", error: expect.stringMatching(/Open a tab/) })
    expect(await stateOf(db, "dynamics", DYN_ORG)).toMatchObject({ watermark: null, fullAt: null, error: { code: "network" } })
    expect((await rowsOf(db)).map((r) => r.crm)).toEqual(["salesforce"])
  })

  it("runs one refresh at a time: a second request joins the running one", async () => {
    const crm = new FakeCrm()
    const { env } = await setup([{ crm: "salesforce", org: SF_ORG, crmFake: crm }])
    crm.put("068A", sfAccount(1), await snapshotOf("salesforce", SF_ORG, sfAccount(1), T0 - HOUR), T0 - HOUR)
    const first = refreshTeam(env)
    const second = refreshTeam(env, { full: true })
    expect(await second).toEqual(await first)
    expect(crm.listings).toEqual([null])
    await refreshTeam(env)
    expect(crm.listings).toHaveLength(2)
  })
})

describe("a full browser during a refresh", () => {
  it("answers storage-full and keeps no part of the refused batch", async () => {
    const crm = new FakeCrm()
    const { db, env } = await setup([{ crm: "salesforce", org: SF_ORG, crmFake: crm }])
    for (const n of [1, 2]) crm.put(`068${n}`, sfAccount(n), await snapshotOf("salesforce", SF_ORG, sfAccount(n), T0 - HOUR), T0 - n * HOUR)
    await db.open()
    db.teamFiles.hook("creating", (_key, row) => {
      if (row.fileId === "0681") throw Object.assign(new Error("quota"), { name: "QuotaExceededError" })
    })
    const reply = await withStorageGuard(db, "refresh-team", () => T0, () => handlePanelMessage({ type: "refresh-team" }, { db, env, now: () => T0 }))
    expect(reply).toMatchObject({ ok: false, code: "storage-full" })
    expect(await db.teamFiles.count()).toBe(0)
    // The state still says both files are to read: the next refresh reads them.
    expect(await stateOf(db, "salesforce", SF_ORG)).toMatchObject({ pending: 2, watermark: T0 - 2 * HOUR })
  })
})

describe("forgetting an org clears its team cache", () => {
  it("deletes the org's cached files and refresh state, and nothing of another org or CRM", async () => {
    const crm = new FakeCrm()
    const { db, env } = await setup([{ crm: "salesforce", org: SF_ORG, crmFake: crm }])
    crm.put("068A", sfAccount(1), await snapshotOf("salesforce", SF_ORG, sfAccount(1), T0 - HOUR), T0 - HOUR)
    await refreshTeam(env)
    const copy = async (c: Crm, org: string) => {
      const row = (await db.teamFiles.get(teamFileKey("salesforce", SF_ORG, "068A")))!
      const moved: TeamFileRow = { ...row, key: teamFileKey(c, org, "068A"), crm: c, org }
      await db.teamFiles.put(moved)
      await db.meta.put({ key: teamRefreshKey(c, org), value: { crm: c, org } })
    }
    await copy("salesforce", `${SF_ORG}:1`)
    await copy("dynamics", SF_ORG)

    expect(await forgetOrg({ type: "forget-org", crm: "salesforce", org: SF_ORG }, { db, env, now: () => T0 })).toEqual({ ok: true })
    expect((await rowsOf(db)).map((r) => [r.crm, r.org])).toEqual([
      ["dynamics", SF_ORG],
      ["salesforce", `${SF_ORG}:1`]
    ])
    expect((await db.meta.toArray()).map((m) => m.key).filter((k) => k.startsWith("team-refresh:")).sort()).toEqual([teamRefreshKey("dynamics", SF_ORG), teamRefreshKey("salesforce", `${SF_ORG}:1`)])
  })

  it("writes nothing back for an org forgotten while its refresh was reading", async () => {
    const crm = new FakeCrm()
    const { db, env } = await setup([{ crm: "salesforce", org: SF_ORG, crmFake: crm }])
    crm.put("068A", sfAccount(1), await snapshotOf("salesforce", SF_ORG, sfAccount(1), T0 - HOUR), T0 - HOUR)
    let release!: () => void
    crm.readsWait = new Promise((resolve) => (release = resolve))
    const refreshing = refreshTeam(env)
    while (crm.listings.length === 0) await new Promise((resolve) => setTimeout(resolve, 1))
    expect(await forgetOrg({ type: "forget-org", crm: "salesforce", org: SF_ORG }, { db, env, now: () => T0 })).toEqual({ ok: true })
    release()
    expect((await refreshing).orgs).toEqual([expect.objectContaining({ status: "failed", code: "not-found", read: 0 })])
    expect(await db.teamFiles.count()).toBe(0)
    expect(await stateOf(db, "salesforce", SF_ORG)).toBeUndefined()
  })
})

describe("the refresh-team message", () => {
  it("is answered by the background with the report of every org", async () => {
    const crm = new FakeCrm()
    const { env, db } = await setup([{ crm: "salesforce", org: SF_ORG, crmFake: crm }])
    crm.put("068A", sfAccount(1), await snapshotOf("salesforce", SF_ORG, sfAccount(1), T0 - HOUR), T0 - HOUR)
    const reply = await handlePanelMessage({ type: "refresh-team", full: true }, { db, env, now: () => T0 })
    expect(reply).toEqual({ ok: true, data: { at: T0, orgs: [expect.objectContaining({ crm: "salesforce", org: SF_ORG, read: 1, status: "ok" })] } })
  })

  it("is accepted with or without `full`, and refused with anything else", () => {
    expect(PanelMessageSchema.safeParse({ type: "refresh-team" }).success).toBe(true)
    expect(PanelMessageSchema.safeParse({ type: "refresh-team", full: true }).success).toBe(true)
    expect(PanelMessageSchema.safeParse({ type: "refresh-team", full: "yes" }).success).toBe(false)
    expect(PanelMessageSchema.safeParse({ type: "refresh-team", org: "northwind" }).success).toBe(false)
  })
})
