import { describe, expect, it } from "vitest"
import { DEMO_USERS, type DemoUser } from "../../../demo/dynamics/data"
import { createDynamicsMockApi, type DynamicsMockOptions } from "../../../demo/dynamics/mock-api"
import { DEMO_ACCOUNTS, DEMO_ORG, dynIds } from "../../../demo/org"
import { openDatabase } from "../../model/db"
import { DEFAULT_SETTINGS } from "../../model/settings"
import { MAX_SNAPSHOT_BYTES } from "../../snapshots/import"
import type { ApiEnvironment, OrgLocation } from "../contract"
import { orgBudget } from "../request-budget"
import { SNAPSHOT_TITLE_PREFIX, type TeamSnapshotBody } from "../share-types"
import { DataverseClient, type FetchLike } from "./api"
import { dynamicsConnector } from "./connector"
import { GROUP_SIZE, bodyGroups, listDynamicsTeamNotes, readDynamicsTeamNotes } from "./team-notes"

const [GLOBEX, INITECH, UMBRELLA] = DEMO_ACCOUNTS.slice(0, 3).map(dynIds.account) as [string, string, string]
const { repA, repB, lead } = DEMO_USERS
const NOW = Date.UTC(2026, 10, 20, 12)

let serial = 0
function setup(options: DynamicsMockOptions = {}) {
  // The lead may read Globex and Initech, not Umbrella: Dataverse's own access decides.
  const mock = createDynamicsMockApi({ accountAccess: { [lead.id]: [GLOBEX, INITECH] }, ...options })
  // The client's clock moves only by the waits it asks for.
  let clock = NOW
  const sleeps: number[] = []
  const sleep = async (ms: number) => {
    sleeps.push(ms)
    clock += ms
  }
  const now = () => clock
  const client = () => new DataverseClient({ fetch: mock.fetch as unknown as FetchLike, baseUrl: mock.baseUrl, now, sleep, budget: orgBudget("dynamics", `team-notes-${++serial}`, { clock: { now, sleep } }) })
  let n = 0
  /** A snapshot note as Parley's share writes it, by `user`. */
  const share = (user: DemoUser, accountId: string, content: unknown = { version: 1, n: n + 1 }) =>
    mock.seedNote(user.id, { accountId, subject: `${SNAPSHOT_TITLE_PREFIX} — ${++n} (JSON)`, filename: `parley-account-${n}-en.json`, text: typeof content === "string" ? content : JSON.stringify(content) })
  return { mock, client, sleeps, share }
}

describe("listDynamicsTeamNotes", () => {
  it("lists for the lead only the snapshot notes on accounts the lead may read, with account, author, times and size", async () => {
    const { mock, client, share } = setup()
    const onGlobex = share(repA, GLOBEX, { version: 1, account: "globex" })
    const onInitech = share(repB, INITECH)
    const onUmbrella = share(repA, UMBRELLA)
    // Not Parley's snapshots: each misses one part of the marker (subject, file name, JSON).
    mock.seedNote(repA.id, { accountId: GLOBEX, subject: "Meeting minutes", filename: "parley-minutes.json", text: "{}" })
    mock.seedNote(repA.id, { accountId: GLOBEX, subject: `${SNAPSHOT_TITLE_PREFIX} (copy)`, filename: "copy.json", text: "{}" })
    mock.seedNote(repA.id, { accountId: GLOBEX, subject: `${SNAPSHOT_TITLE_PREFIX} — Globex (PDF)`, filename: "parley-globex-en.pdf", mimetype: "application/pdf", text: "%PDF-1.4" })
    mock.actAs(lead.id)

    const listing = await listDynamicsTeamNotes(client(), { since: null })
    const row = mock.tables.annotations!.find((r) => r.annotationid === onGlobex)!
    expect(listing.files).toEqual([
      {
        id: onGlobex,
        accountId: GLOBEX,
        filename: "parley-account-1-en.json",
        title: `${SNAPSHOT_TITLE_PREFIX} — 1 (JSON)`,
        author: { id: repA.id, name: "Rosa Diaz" },
        createdAt: Date.parse(String(row.createdon)),
        modifiedAt: Date.parse(String(row.modifiedon)),
        size: JSON.stringify({ version: 1, account: "globex" }).length
      },
      expect.objectContaining({ id: onInitech, accountId: INITECH, author: { id: repB.id, name: "Sam Okafor" } })
    ])
    expect(listing.files.map((f) => f.id)).not.toContain(onUmbrella)
    expect(listing.calls).toBe(1)
    const [request] = mock.stats.requests
    expect(request!.headers?.Prefer).toMatch(/odata\.include-annotations="OData\.Community\.Display\.V1\.FormattedValue",odata\.maxpagesize=\d+/)

    // The rep who may read every account lists all three.
    mock.actAs(repA.id)
    expect((await listDynamicsTeamNotes(client(), { since: null })).files.map((f) => f.id)).toEqual([onGlobex, onInitech, onUmbrella])
  })

  it("follows every @odata.nextLink, oldest change first", async () => {
    const { mock, client, share } = setup()
    const ids = Array.from({ length: 7 }, (_, i) => share(i % 2 ? repB : repA, i % 2 ? INITECH : GLOBEX))
    mock.actAs(lead.id)
    const listing = await listDynamicsTeamNotes(client(), { since: null, pageSize: 3 })
    expect(listing.files.map((f) => f.id)).toEqual(ids)
    expect(listing.calls).toBe(3)
    expect(mock.stats.requests.slice(1).every((r) => r.url.includes("$skiptoken="))).toBe(true)
    const stamps = listing.files.map((f) => f.modifiedAt)
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b))
  })

  it("lists only what changed at or after `since`", async () => {
    const { mock, client, share } = setup()
    const [first, second, third] = [share(repA, GLOBEX), share(repB, INITECH), share(repA, GLOBEX)]
    const all = await listDynamicsTeamNotes(client(), { since: null })
    const watermark = Math.max(...all.files.map((f) => f.modifiedAt))
    mock.touch("annotations", first, { subject: `${SNAPSHOT_TITLE_PREFIX} — Globex, revised (JSON)` })
    const fresh = share(repB, INITECH)

    // `ge`: the note changed at the watermark itself comes again; the caller compares stamps.
    expect((await listDynamicsTeamNotes(client(), { since: watermark })).files.map((f) => f.id)).toEqual([third, first, fresh])
    const after = await listDynamicsTeamNotes(client(), { since: watermark + 1_000 })
    expect(after.files.map((f) => f.id)).toEqual([first, fresh])
    expect(after.files[0]!.title).toMatch(/revised/)
    expect(after.files.map((f) => f.id)).not.toContain(second)
    expect(decodeURIComponent(mock.stats.requests.at(-1)!.url)).toContain(`modifiedon ge ${new Date(watermark + 1_000).toISOString()}`)
  })

  it("says why it stopped: an ended session, a closed tab", async () => {
    const { mock, client, share } = setup()
    share(repA, GLOBEX)
    mock.inject({ status: 302, match: "/annotations" })
    await expect(listDynamicsTeamNotes(client(), { since: null })).rejects.toMatchObject({ name: "ShareError", kind: "session-expired" })
    const env = await connectorEnv(mock)
    const { pageFetch: _, ...withoutTab } = env
    await expect(dynamicsConnector.listTeamSnapshots(withoutTab, ORG, { since: null })).rejects.toMatchObject({ name: "ShareError", kind: "network", message: expect.stringMatching(/in a tab/) })
  })
})

describe("readDynamicsTeamNotes", () => {
  it("reads the bodies in ceil(n / group) requests and hands each over as it is read", async () => {
    const { mock, client, share } = setup()
    const ids = Array.from({ length: 45 }, (_, i) => share(i % 2 ? repB : repA, i % 2 ? INITECH : GLOBEX, { version: 1, n: i }))
    mock.actAs(lead.id)
    const c = client()
    const { files } = await listDynamicsTeamNotes(c, { since: null })
    mock.resetStats()
    const handed: TeamSnapshotBody[] = []
    const read = await readDynamicsTeamNotes(c, files, (body) => handed.push(body))
    expect(read.calls).toBe(Math.ceil(45 / GROUP_SIZE))
    expect(mock.stats.calls).toBe(Math.ceil(45 / GROUP_SIZE))
    expect(read.bodies.map((b) => b.id).sort()).toEqual([...ids].sort())
    expect(read.bodies.find((b) => b.id === ids[7])!.content).toEqual({ version: 1, n: 7 })
    expect(handed).toEqual(read.bodies)
  })

  it("gives null for a body that is not JSON, leaves out a note deleted since the listing, and downloads no note larger than a snapshot", async () => {
    const { mock, client, share } = setup()
    const good = share(repA, GLOBEX)
    const broken = share(repA, GLOBEX, "{ not json")
    const deleted = share(repB, INITECH)
    const huge = share(repB, INITECH)
    const { files } = await listDynamicsTeamNotes(client(), { since: null })
    mock.remove("annotations", deleted)
    mock.resetStats()
    // The listing's filesize decides: a note larger than any snapshot is never fetched.
    const refs = files.map((f) => (f.id === huge ? { ...f, size: MAX_SNAPSHOT_BYTES + 1 } : f))
    const read = await readDynamicsTeamNotes(client(), refs)
    expect(Object.fromEntries(read.bodies.map((b) => [b.id, b.content]))).toEqual({ [good]: { version: 1, n: 1 }, [broken]: null, [huge]: null })
    expect(read.calls).toBe(1)
    expect(decodeURIComponent(mock.stats.requests[0]!.url)).not.toContain(huge)
  })

  it("waits out a 429's Retry-After and goes on, in the listing and in the reading", async () => {
    const { mock, client, sleeps, share } = setup()
    for (let i = 0; i < 25; i++) share(repA, GLOBEX)
    mock.inject({ status: 429, retryAfter: 3, match: "$skiptoken" })
    mock.inject({ status: 429, retryAfter: 2, match: "annotationid eq" })
    const c = client()
    const listing = await listDynamicsTeamNotes(c, { since: null, pageSize: 10 })
    expect(listing.files).toHaveLength(25)
    expect(listing.calls).toBe(4) // three pages, one of them asked twice
    const read = await readDynamicsTeamNotes(c, listing.files)
    expect(read.bodies).toHaveLength(25)
    expect(read.calls).toBe(3)
    expect(sleeps).toEqual([3_000, 2_000])
  })

  it("keeps what it delivered when the org throttles beyond the wait it honours, then throws", async () => {
    const { mock, client, share } = setup()
    for (let i = 0; i < 30; i++) share(repA, GLOBEX)
    const c = client()
    const { files } = await listDynamicsTeamNotes(c, { since: null })
    // The second group is refused for an hour.
    mock.inject({ status: 429, retryAfter: 3_600, match: (url) => url.includes("annotationid eq") && url.includes(files[GROUP_SIZE]!.id) })
    const handed: string[] = []
    await expect(readDynamicsTeamNotes(c, files, (b) => handed.push(b.id))).rejects.toMatchObject({ name: "ShareError", kind: "budget-exhausted" })
    expect(handed).toEqual(files.slice(0, GROUP_SIZE).map((f) => f.id))
  })
})

describe("bodyGroups", () => {
  const ref = (id: string, size: number | null) => ({ id, accountId: null, filename: "", title: "", author: null, createdAt: null, modifiedAt: 0, size })
  it("closes a group at the count or at the byte budget, and lets one large note go alone", () => {
    expect(bodyGroups([ref("a", 1), ref("b", 1), ref("c", 1)], 2, 100)).toEqual([["a", "b"], ["c"]])
    expect(bodyGroups([ref("a", 60), ref("b", 50), ref("c", 40)], 20, 100)).toEqual([["a"], ["b", "c"]])
    expect(bodyGroups([ref("a", 500), ref("b", 1)], 20, 100)).toEqual([["a"], ["b"]])
    // An unknown size counts as the largest snapshot.
    expect(bodyGroups([ref("a", null), ref("b", 1)], 20, MAX_SNAPSHOT_BYTES)).toEqual([["a"], ["b"]])
  })
})

const ORG: OrgLocation = { crm: "dynamics", org: "northwind.crm4", host: DEMO_ORG.dynamicsHost }

async function connectorEnv(mock: ReturnType<typeof createDynamicsMockApi>): Promise<ApiEnvironment> {
  return {
    db: openDatabase(`team-notes-${++serial}`),
    fetch,
    cookies: { get: async () => null, getAll: async () => [] },
    now: () => NOW,
    settings: DEFAULT_SETTINGS,
    pageFetch: mock.fetch,
    sleep: async () => undefined
  }
}

describe("the Dynamics connector's team methods", () => {
  it("list and read through the org's page-origin fetch, as the signed-in lead", async () => {
    const { mock, share } = setup()
    const a = share(repA, GLOBEX, { version: 1, by: "A" })
    const b = share(repB, INITECH, { version: 1, by: "B" })
    share(repA, UMBRELLA)
    mock.actAs(lead.id)
    const env = await connectorEnv(mock)
    const listing = await dynamicsConnector.listTeamSnapshots(env, ORG, { since: null })
    expect(listing.files.map((f) => [f.id, f.accountId, f.author?.name])).toEqual([
      [a, GLOBEX, "Rosa Diaz"],
      [b, INITECH, "Sam Okafor"]
    ])
    const read = await dynamicsConnector.readTeamSnapshots(env, ORG, listing.files)
    expect(read).toEqual({ bodies: [{ id: a, content: { version: 1, by: "A" } }, { id: b, content: { version: 1, by: "B" } }], calls: 1 })
  })
})
