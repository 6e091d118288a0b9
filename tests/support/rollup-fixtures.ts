/**
 * Team roll-up fixtures (issue 15): cached snapshot files (`TeamFileRow`) as the background
 * stores them, for the panel's view, exports and benchmark. The roll-up itself is built from
 * them by the real buildRollup, never written by hand.
 */
import type { AxisLabels, TeamFileRow } from "../../src/team/types"

export const DAY = 86_400_000
export const NOW = Date.UTC(2026, 11, 1, 12)

export const CALM: AxisLabels = {
  valueOrigin: "co-created",
  dominance: "supplier",
  initiator: "supplier",
  decisionCriteria: "quality",
  complaints: "responsive",
  dependence: "moderate",
  crmStrategy: "managed-service-and-support",
  valueTier: "high",
  risk: "healthy"
}

export interface FileSpec {
  id: string
  org?: string
  accountId: string
  name?: string
  author?: { id: string; name: string } | null
  at: number
  labels?: Partial<AxisLabels>
  crm?: "salesforce" | "dynamics"
}

export function okFile(spec: FileSpec): TeamFileRow {
  const crm = spec.crm ?? "salesforce"
  const org = spec.org ?? "00Dlead"
  const recordKey = `${crm}:${org}:${spec.accountId}`
  return {
    key: `team:${crm}:${org}:${spec.id}`,
    crm,
    org,
    fileId: spec.id,
    filename: `parley-snapshot-${spec.id}.json`,
    attachedTo: recordKey,
    author: spec.author === undefined ? { id: "005A", name: "Ava Rep" } : spec.author,
    sharedAt: spec.at + 60_000,
    modifiedAt: spec.at + 60_000,
    readAt: NOW,
    status: "ok",
    digest: {
      snapshotKey: `snap-${spec.id}`,
      hash: `hash-${spec.id}`,
      createdAt: spec.at,
      recordKey,
      accountName: spec.name ?? "",
      redacted: !spec.name,
      parleyVersion: "1.4.0",
      labels: { ...CALM, ...spec.labels },
      riskScore: spec.labels?.risk === "at-risk" ? 0.8 : 0.2,
      dominanceScore: spec.labels?.dominance === "customer" ? -0.5 : 0.4,
      riskReasons: [
        { signal: "openEscalations", text: { id: "a.risk.openEscalations", params: { n: 2 } } },
        { signal: "openEscalation", text: { id: "a.risk.ev.openEscalation", params: { title: { text: "=HYPERLINK(\"x\") Acme" } } } }
      ],
      dominanceSummary: { id: "a.dom.mentions", params: { sole: 1, rivals: 4 } },
      trigger: { kind: "manual", changes: [] }
    }
  }
}

export function skippedFile(id: string, reason: NonNullable<TeamFileRow["reason"]>): TeamFileRow {
  return {
    key: `team:salesforce:00Dlead:${id}`,
    crm: "salesforce",
    org: "00Dlead",
    fileId: id,
    filename: `parley-snapshot-${id}.json`,
    attachedTo: "salesforce:00Dlead:001BAD",
    author: { id: "005B", name: "Bijan Rep" },
    sharedAt: NOW - DAY,
    modifiedAt: NOW - DAY,
    readAt: NOW,
    status: "skipped",
    reason,
    message: `refused: ${reason}`
  }
}

/** Two reps, four accounts: one whose risk rose, one whose power moved to the customer, one stale, one calm. */
export function teamScenario(): TeamFileRow[] {
  const ava = { id: "005A", name: "Ava Rep" }
  const bijan = { id: "005B", name: "بیژن فروشنده" }
  return [
    okFile({ id: "f1", accountId: "001RISE", name: "Rising Risk Ltd", author: ava, at: NOW - 20 * DAY, labels: { risk: "watch" } }),
    okFile({ id: "f2", accountId: "001RISE", name: "Rising Risk Ltd", author: ava, at: NOW - 2 * DAY, labels: { risk: "at-risk" } }),
    okFile({ id: "f3", accountId: "001DOM", name: "شرکت پارس", author: bijan, at: NOW - 15 * DAY, labels: { dominance: "balanced-interdependent" } }),
    okFile({ id: "f4", accountId: "001DOM", name: "شرکت پارس", author: bijan, at: NOW - 3 * DAY, labels: { dominance: "customer" } }),
    okFile({ id: "f5", accountId: "001OLD", name: "Old News Inc", author: bijan, at: NOW - 45 * DAY }),
    okFile({ id: "f6", accountId: "001CALM", name: "Calm Co", author: ava, at: NOW - DAY, crm: "dynamics", org: "contoso" })
  ]
}

/** `n` accounts, two snapshots each for every tenth (a label change), authors rotating over five reps. */
export function manyFiles(n: number): TeamFileRow[] {
  const risks = ["healthy", "watch", "at-risk"] as const
  const dominance = ["supplier", "customer", "balanced-interdependent", "balanced-independent"] as const
  const files: TeamFileRow[] = []
  for (let i = 0; i < n; i++) {
    const accountId = `001${String(i).padStart(12, "0")}`
    const author = { id: `005R${i % 5}`, name: `Rep ${i % 5}` }
    const labels = { risk: risks[i % 3]!, dominance: dominance[i % 4]! }
    if (i % 10 === 0) files.push(okFile({ id: `p${i}`, accountId, name: `Account ${String(i).padStart(5, "0")}`, author, at: NOW - 40 * DAY, labels: { ...labels, risk: "healthy" } }))
    files.push(okFile({ id: `f${i}`, accountId, name: `Account ${String(i).padStart(5, "0")}`, author, at: NOW - (i % 60) * DAY, labels }))
  }
  return files
}
