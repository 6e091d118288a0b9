import { it } from "vitest"
import { buildRollup } from "/work/wt-core/src/team/rollup"
import type { TeamFileRow } from "/work/wt-core/src/team/types"
it("time", () => {
  const labels = { valueOrigin: "co-created", dominance: "supplier", initiator: "supplier", decisionCriteria: "price", complaints: "slow", dependence: "low", crmStrategy: "unknown", valueTier: "high", risk: "healthy" }
  const risks = ["healthy", "watch", "at-risk", "unknown"]
  const files: TeamFileRow[] = []
  for (let a = 0; a < 5000; a++) for (let s = 0; s < 5; s++) {
    const createdAt = 1.7e12 + s * 86400000 * 7 + a
    files.push({ key: `k${a}-${s}`, crm: "salesforce", org: "o", fileId: `${a}-${s}`, filename: "f", attachedTo: null, author: { id: `r${a % 20}`, name: `Rep ${a % 20}` }, sharedAt: createdAt, modifiedAt: createdAt, readAt: 0, status: "ok",
      digest: { snapshotKey: "s", hash: `${a}-${s}`, createdAt, recordKey: `salesforce:o:${a}`, accountName: `Account ${a}`, redacted: false, parleyVersion: "1", labels: { ...labels, risk: risks[(a + s) % 4]!, dominance: s % 2 ? "customer" : "supplier" }, riskScore: 0.3, dominanceScore: 0, riskReasons: [], dominanceSummary: { id: "x" }, trigger: { kind: "manual", changes: [] } } })
  }
  for (let i = 0; i < 8; i++) { const t = performance.now(); const rows = buildRollup(files, { now: 1.8e12, staleDays: 30 }); console.log(rows.length, (performance.now() - t).toFixed(1), "ms") }
})
