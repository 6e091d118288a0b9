import { describe, expect, it } from "vitest"
import type { Message } from "../i18n/message"
import { buildRollup, filterRollup, rollupOwners } from "./rollup"
import type { AxisLabels, TeamDigest, TeamFileRow } from "./types"

const DAY = 86_400_000
const NOW = Date.UTC(2026, 11, 1)
const ORG = "northwind"
const accountKey = (id: string) => `salesforce:${ORG}:${id}`

const BASE_LABELS: AxisLabels = {
  valueOrigin: "co-created",
  dominance: "balanced-interdependent",
  initiator: "supplier",
  decisionCriteria: "quality",
  complaints: "responsive",
  dependence: "moderate",
  crmStrategy: "individualised-crm",
  valueTier: "high",
  risk: "healthy"
}
const reason = (signal: string): { signal: string; text: Message } => ({ signal, text: { id: `risk.${signal}`, params: { n: 3 } } })
const summary = (what: string): Message => ({ id: "dominance.summary", params: { who: { text: what } } })

let fileCount = 0
function file(id: string, createdAt: number, options: { labels?: Partial<AxisLabels>; name?: string; author?: string; hash?: string; sharedAt?: number; reasons?: string[]; dominanceSays?: string } = {}): TeamFileRow {
  const fileId = `068${String(++fileCount).padStart(15, "0")}`
  const digest: TeamDigest = {
    snapshotKey: `snapshot:${accountKey(id)}:${createdAt}`,
    hash: options.hash ?? `${id}-${createdAt}`.padEnd(64, "0"),
    createdAt,
    recordKey: accountKey(id),
    accountName: options.name ?? `Account ${id}`,
    redacted: false,
    parleyVersion: "0.1.0",
    labels: { ...BASE_LABELS, ...options.labels },
    riskScore: 0.2,
    dominanceScore: 0,
    riskReasons: (options.reasons ?? []).map(reason),
    dominanceSummary: summary(options.dominanceSays ?? "balanced"),
    trigger: { kind: "manual", changes: [] }
  }
  const author = options.author ?? "rep-1"
  return {
    key: `team:salesforce:${ORG}:${fileId}`,
    crm: "salesforce",
    org: ORG,
    fileId,
    filename: `parley-${id}.json`,
    attachedTo: accountKey(id),
    author: { id: author, name: author === "rep-1" ? "Yasmin Rahimi" : `Rep ${author}` },
    sharedAt: options.sharedAt ?? createdAt + 1_000,
    modifiedAt: createdAt + 1_000,
    readAt: NOW,
    status: "ok",
    digest
  }
}

const rollup = (files: TeamFileRow[], staleDays = 30) => buildRollup(files, { now: NOW, staleDays })

describe("buildRollup", () => {
  it("follows an account's labels over three snapshots: history oldest first, previous and changes from the last two", () => {
    const files = [
      file("A", NOW - 3 * DAY, { labels: { risk: "at-risk", dominance: "customer" } }),
      file("A", NOW - 9 * DAY),
      file("A", NOW - 6 * DAY, { labels: { risk: "watch" } })
    ]
    const [row, ...others] = rollup(files)
    expect(others).toEqual([])
    expect(row!.history.map((h) => [h.at, h.labels.risk])).toEqual([
      [NOW - 9 * DAY, "healthy"],
      [NOW - 6 * DAY, "watch"],
      [NOW - 3 * DAY, "at-risk"]
    ])
    expect(row!.latestAt).toBe(NOW - 3 * DAY)
    expect(row!.labels).toMatchObject({ risk: "at-risk", dominance: "customer" })
    expect(row!.previous).toMatchObject({ risk: "watch", dominance: "balanced-interdependent" })
    expect(row!.changes).toEqual([
      { axis: "dominance", from: "balanced-interdependent", to: "customer" },
      { axis: "risk", from: "watch", to: "at-risk" }
    ])
  })

  it("counts the same snapshot shared twice once, named after the rep who shared it first", () => {
    const hash = "ab".repeat(32)
    const rows = rollup([file("A", NOW - 2 * DAY, { hash, author: "rep-2", sharedAt: NOW - DAY }), file("A", NOW - 2 * DAY, { hash, author: "rep-1", sharedAt: NOW - 2 * DAY + 5 })])
    expect(rows).toHaveLength(1)
    expect(rows[0]!.history).toHaveLength(1)
    expect(rows[0]!.previous).toBeNull()
    expect(rows[0]!.changes).toEqual([])
    expect(rows[0]!.sharedBy).toEqual({ id: "rep-1", name: "Yasmin Rahimi" })
  })

  it("leaves skipped files out", () => {
    const skipped: TeamFileRow = { ...file("B", NOW - DAY), status: "skipped", reason: "tampered", message: "changed", digest: undefined }
    expect(rollup([skipped, file("A", NOW - DAY)]).map((r) => r.accountKey)).toEqual([accountKey("A")])
  })

  it("names an account by its latest non-empty name, and by its record id when every snapshot left it blank", () => {
    const rows = rollup([file("A", NOW - 5 * DAY, { name: "Globex Old" }), file("A", NOW - 3 * DAY, { name: "Globex Corporation" }), file("A", NOW - DAY, { name: "" }), file("001B", NOW - DAY, { name: "" })])
    const names = Object.fromEntries(rows.map((r) => [r.accountKey, r.name]))
    expect(names).toEqual({ [accountKey("A")]: "Globex Corporation", [accountKey("001B")]: "001B" })
  })

  it("nudges when risk rose, with the latest snapshot's reasons as evidence; a move to or from unknown is no rise", () => {
    const rows = rollup([
      file("A", NOW - 4 * DAY, { labels: { risk: "healthy" } }),
      file("A", NOW - DAY, { labels: { risk: "at-risk" }, reasons: ["gone-silent", "lost-deals"] }),
      file("B", NOW - 4 * DAY, { labels: { risk: "unknown" } }),
      file("B", NOW - DAY, { labels: { risk: "at-risk" } }),
      file("C", NOW - 4 * DAY, { labels: { risk: "at-risk" } }),
      file("C", NOW - DAY, { labels: { risk: "watch" } })
    ])
    const nudges = Object.fromEntries(rows.map((r) => [r.accountKey, r.nudges]))
    expect(nudges[accountKey("A")]).toEqual([{ kind: "risk-rose", from: "healthy", to: "at-risk", reasons: [reason("gone-silent").text, reason("lost-deals").text] }])
    expect(nudges[accountKey("B")]).toEqual([])
    expect(nudges[accountKey("C")]).toEqual([])
  })

  it("nudges when dominance moved to the customer from anything else, with the dominance summary", () => {
    const rows = rollup([
      file("A", NOW - 4 * DAY, { labels: { dominance: "supplier" } }),
      file("A", NOW - DAY, { labels: { dominance: "customer" }, dominanceSays: "the buyer sets terms" }),
      file("B", NOW - 4 * DAY, { labels: { dominance: "customer" } }),
      file("B", NOW - DAY, { labels: { dominance: "customer" } })
    ])
    const nudges = Object.fromEntries(rows.map((r) => [r.accountKey, r.nudges]))
    expect(nudges[accountKey("A")]).toEqual([{ kind: "dominance-to-customer", from: "supplier", summary: summary("the buyer sets terms") }])
    expect(nudges[accountKey("B")]).toEqual([])
  })

  it("nudges when the latest snapshot is older than the chosen age, in whole days", () => {
    const rows = rollup([file("A", NOW - 45 * DAY - 5 * 3_600_000), file("A", NOW - 50 * DAY), file("B", NOW - 29 * DAY)], 30)
    const nudges = Object.fromEntries(rows.map((r) => [r.accountKey, r.nudges]))
    expect(nudges[accountKey("A")]).toEqual([{ kind: "stale", days: 45 }])
    expect(nudges[accountKey("B")]).toEqual([])
    expect(rollup([file("B", NOW - 29 * DAY)], 7)[0]!.nudges).toEqual([{ kind: "stale", days: 29 }])
  })

  it("sorts what needs attention first: risk rise and dominance shift, then stale, then by risk, then the most recent change, then by name", () => {
    const rows = rollup([
      // No nudge, healthy, never changed.
      file("quiet", NOW - 2 * DAY, { name: "Quiet Co" }),
      // No nudge, at-risk all along.
      file("steady", NOW - 2 * DAY, { name: "Steady Risk", labels: { risk: "at-risk" } }),
      // Stale and healthy.
      file("old", NOW - 90 * DAY, { name: "Old Co" }),
      // Dominance moved to the customer; still healthy.
      file("dom", NOW - 9 * DAY, { name: "Dom Co" }),
      file("dom", NOW - 3 * DAY, { name: "Dom Co", labels: { dominance: "customer" } }),
      // Risk rose to watch.
      file("rose", NOW - 9 * DAY, { name: "Rose Co" }),
      file("rose", NOW - 2 * DAY, { name: "Rose Co", labels: { risk: "watch" } }),
      // Two no-nudge healthy accounts that changed other labels: the more recent change first.
      file("early", NOW - 9 * DAY, { name: "Early Change" }),
      file("early", NOW - 5 * DAY, { name: "Early Change", labels: { valueTier: "top" } }),
      file("late", NOW - 9 * DAY, { name: "Late Change" }),
      file("late", NOW - 4 * DAY, { name: "Late Change", labels: { valueTier: "top" } }),
      // Same standing as Quiet Co: the name decides.
      file("alpha", NOW - 2 * DAY, { name: "Alpha Co" })
    ])
    expect(rows.map((r) => r.name)).toEqual(["Rose Co", "Dom Co", "Old Co", "Steady Risk", "Late Change", "Early Change", "Alpha Co", "Quiet Co"])
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1]!.attention).toBeGreaterThanOrEqual(rows[i]!.attention)
  })

  it("gives the same order whatever order the files arrive in", () => {
    const files = [file("A", NOW - 2 * DAY, { name: "Same" }), file("B", NOW - 2 * DAY, { name: "Same" }), file("C", NOW - 2 * DAY, { name: "Other" })]
    const order = rollup(files).map((r) => r.accountKey)
    expect(order).toEqual([accountKey("C"), accountKey("A"), accountKey("B")])
    expect(rollup([...files].reverse()).map((r) => r.accountKey)).toEqual(order)
  })
})

describe("filterRollup and rollupOwners", () => {
  const rows = rollup([
    file("A", NOW - 4 * DAY, { author: "rep-2" }),
    file("A", NOW - DAY, { author: "rep-2", labels: { risk: "watch" } }),
    file("B", NOW - DAY, { author: "rep-1", labels: { dominance: "customer" } }),
    file("C", NOW - 2 * DAY, { author: "rep-3", labels: { risk: "watch", dominance: "customer" } }),
    file("D", NOW - DAY, { author: "rep-1" })
  ])
  const keys = (filtered: { accountKey: string }[]) => filtered.map((r) => r.accountKey).sort()

  it("filters by owner, risk, dominance and label change, together", () => {
    expect(keys(filterRollup(rows, { owner: "rep-1" }))).toEqual([accountKey("B"), accountKey("D")])
    expect(keys(filterRollup(rows, { risk: "watch" }))).toEqual([accountKey("A"), accountKey("C")])
    expect(keys(filterRollup(rows, { dominance: "customer" }))).toEqual([accountKey("B"), accountKey("C")])
    expect(keys(filterRollup(rows, { changed: true }))).toEqual([accountKey("A")])
    expect(keys(filterRollup(rows, { risk: "watch", dominance: "customer" }))).toEqual([accountKey("C")])
    expect(keys(filterRollup(rows, {}))).toEqual(keys(rows))
    expect(filterRollup(rows, { owner: "nobody" })).toEqual([])
  })

  it("keeps the attention order when filtering", () => {
    const all = rows.map((r) => r.accountKey)
    const kept = filterRollup(rows, { owner: "rep-1" }).map((r) => r.accountKey)
    expect(kept).toEqual(all.filter((k) => kept.includes(k)))
  })

  it("lists each rep who shared a latest snapshot once, by name", () => {
    expect(rollupOwners(rows)).toEqual([
      { id: "rep-2", name: "Rep rep-2" },
      { id: "rep-3", name: "Rep rep-3" },
      { id: "rep-1", name: "Yasmin Rahimi" }
    ])
  })
})

describe("snapshots a lead could be misled by", () => {
  it("orders by when the CRM received each file: a file dated in the future never stays the latest", () => {
    const forged = file("F1", NOW + 3_650 * DAY, { labels: { risk: "healthy" }, sharedAt: NOW - 10 * DAY, author: "rep-2" })
    const real = file("F1", NOW - DAY, { labels: { risk: "at-risk" }, sharedAt: NOW - DAY + 1_000, reasons: ["lost-deals"] })
    const [row] = rollup([real, forged])
    expect(row!.labels.risk).toBe("at-risk")
    expect(row!.nudges.map((n) => n.kind)).toContain("risk-rose")
  })

  it("counts a snapshot's redacted and full copies once, keeping the full one", () => {
    const before = file("T1", NOW - 20 * DAY)
    const full = file("T1", NOW - DAY, { labels: { risk: "at-risk" }, sharedAt: NOW - DAY + 2_000 })
    const redacted = { ...file("T1", NOW - DAY, { labels: { risk: "at-risk" }, name: "", sharedAt: NOW - DAY + 1_000 }) }
    redacted.digest = { ...redacted.digest!, redacted: true }
    const [row] = rollup([before, redacted, full])
    expect(row!.history).toHaveLength(2)
    expect(row!.name).toBe("Account T1")
    expect(row!.changes).toEqual([{ axis: "risk", from: "healthy", to: "at-risk" }])
    expect(row!.nudges.map((n) => n.kind)).toContain("risk-rose")
  })

  it("compares with the last different state: a re-save with the same labels keeps the change and its nudge", () => {
    const files = [
      file("R1", NOW - 30 * DAY),
      file("R1", NOW - 3 * DAY, { labels: { dominance: "customer" }, dominanceSays: "the buyer holds the power" }),
      file("R1", NOW - DAY, { labels: { dominance: "customer" } })
    ]
    const [row] = rollup(files)
    expect(row!.history).toHaveLength(3)
    expect(row!.changes).toEqual([{ axis: "dominance", from: "balanced-interdependent", to: "customer" }])
    expect(row!.nudges.map((n) => n.kind)).toContain("dominance-to-customer")
  })
})
