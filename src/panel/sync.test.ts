import { describe, expect, it } from "vitest"
import { CATALOGUE } from "./i18n"
import { describeSync, permissionOrigins, progressPercent, readSyncStatus, SYNC_STATES } from "./sync"

describe("connection card logic", () => {
  it("gives every state a title and one action (a running sync can be paused)", () => {
    expect(describeSync(undefined, "salesforce")).toMatchObject({ state: "page-only", action: "sync" })
    for (const state of SYNC_STATES) {
      const card = describeSync({ state }, "dynamics")
      expect(card.state).toBe(state)
      expect(CATALOGUE.en[card.title]).toBeTruthy()
      expect(card.action && card.actionLabel).toBeTruthy()
    }
  })

  it("fixes each problem with the right action", () => {
    expect(describeSync({ state: "session-expired" }, "salesforce")).toMatchObject({ action: "reload", actionLabel: "actionReloadSalesforce", hint: "sessionHintSalesforce" })
    expect(describeSync({ state: "session-expired" }, "dynamics")).toMatchObject({ action: "reload", actionLabel: "actionReloadDynamics" })
    expect(describeSync({ state: "permission-needed" }, "dynamics").action).toBe("grant")
    expect(describeSync({ state: "budget-exhausted" }, "salesforce").action).toBe("settings")
    expect(describeSync({ state: "error" }, "salesforce").action).toBe("retry")
    expect(describeSync({ state: "syncing" }, "salesforce")).toMatchObject({ action: "pause", actionLabel: "actionPause" })
    // "Sync now" resumes a paused sync from its cursors.
    expect(describeSync({ state: "paused" }, "dynamics")).toMatchObject({ action: "sync", actionLabel: "actionResume", hint: "pausedHint" })
  })

  it("reads per-object progress and the CRM's error code, dropping what it cannot show", () => {
    expect(
      readSyncStatus({
        state: "syncing",
        code: "REQUEST_LIMIT_EXCEEDED",
        progress: { done: 1200, total: 5300, objects: { Task: { done: 1000, total: 5000 }, Event: { done: 200, total: 300 }, "bad name": { done: 1 }, Case: { done: -1 } } }
      })
    ).toEqual({
      state: "syncing",
      code: "REQUEST_LIMIT_EXCEEDED",
      progress: { done: 1200, total: 5300, objects: { Task: { done: 1000, total: 5000 }, Event: { done: 200, total: 300 } } }
    })
  })

  it("reads status rows tolerantly", () => {
    expect(readSyncStatus(undefined)).toBeUndefined()
    expect(readSyncStatus("synced")).toBeUndefined()
    expect(readSyncStatus({ state: "syncing", progress: { done: 3, total: 0 }, extra: true })).toEqual({ state: "syncing", progress: { done: 3 } })
    expect(readSyncStatus({ state: "throttled" })).toEqual({ state: "error", message: "throttled" })
    expect(readSyncStatus({ state: "permission-needed", origins: ["https://crm.contoso.local/*", "<all_urls>", 4] })).toEqual({
      state: "permission-needed",
      origins: ["https://crm.contoso.local/*"]
    })
    expect(readSyncStatus({ state: "error", message: "boom", diagnostics: { status: 500 } })).toMatchObject({ diagnostics: { status: 500 } })
  })

  it("asks only for the CRM's own https origin", () => {
    expect(permissionOrigins(undefined, "CRM.Contoso.local:8443")).toEqual(["https://crm.contoso.local:8443/*"])
    expect(permissionOrigins({ state: "permission-needed", origins: ["https://a.example/*"] }, "b")).toEqual(["https://a.example/*"])
    expect(permissionOrigins(undefined, "evil.com/*")).toEqual([])
  })

  it("turns progress into a percentage, or null when the total is unknown", () => {
    expect(progressPercent({ state: "syncing", progress: { done: 50, total: 200 } })).toBe(25)
    expect(progressPercent({ state: "syncing", progress: { done: 500, total: 200 } })).toBe(100)
    expect(progressPercent({ state: "syncing", progress: { done: 5 } })).toBeNull()
  })
})

describe("connector states beyond the basics", () => {
  it.each([
    ["partial", "retry"],
    ["rate-limited", "retry"],
    ["offline", "retry"],
    ["storage-full", "settings"]
  ] as const)("%s offers %s", (state, action) => {
    const card = describeSync(readSyncStatus({ state, at: 1 }), "salesforce")
    expect(card.state).toBe(state)
    expect(card.action).toBe(action)
  })
})

describe("sync usage figures", () => {
  it("keeps the org's API use and the sync's counts, and drops malformed ones", () => {
    expect(readSyncStatus({ state: "synced", at: 1, apiUsage: { used: 10_018, max: 100_000 }, calls: 3, written: 5163, rejected: 1 })).toMatchObject({
      apiUsage: { used: 10_018, max: 100_000 },
      calls: 3,
      written: 5163,
      rejected: 1
    })
    const bad = readSyncStatus({ state: "synced", at: 1, apiUsage: { used: "lots", max: 0 }, calls: "3" })
    expect(bad?.apiUsage).toBeUndefined()
    expect(bad?.calls).toBeUndefined()
  })
})
