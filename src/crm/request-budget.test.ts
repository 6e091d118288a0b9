import { describe, expect, it } from "vitest"
import { API_LIMITS } from "../../plasmo.config"
import { openDatabase } from "../model/db"
import { BudgetExhaustedError, metaBudgetStore, RequestBudget, takeFromDay, takeFromWindow, takeRequest, type BudgetState, type BudgetStore } from "./request-budget"

function memoryStore(): BudgetStore & { rows: Map<string, BudgetState> } {
  const rows = new Map<string, BudgetState>()
  return {
    rows,
    async update(key, change) {
      const { state, result } = change(rows.get(key) ?? { stamps: [] })
      rows.set(key, state)
      return result
    }
  }
}

/** A clock that only moves when someone sleeps: waits are recorded, never taken. */
function fakeClock(start: number) {
  const clock = {
    t: start,
    waits: [] as number[],
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.waits.push(ms)
      clock.t += ms
    }
  }
  return clock
}

describe("counting (pure)", () => {
  it("refuses the request past the window and says when the oldest leaves it", () => {
    const window = { maxRequests: 2, windowMs: 1_000 }
    let stamps: number[] = []
    stamps = takeFromWindow(stamps, 100, window).stamps
    stamps = takeFromWindow(stamps, 200, window).stamps
    expect(takeFromWindow(stamps, 300, window).refusal).toEqual({ reason: "window", freeAt: 1_100 })
    expect(takeFromWindow(stamps, 1_101, window).refusal).toBeUndefined()
  })

  it("counts a day in UTC and starts the next day from zero", () => {
    const late = Date.parse("2026-03-01T23:59:00Z")
    expect(takeFromDay({ day: "2026-03-01", calls: 5 }, late, 5).refusal).toEqual({ reason: "daily", freeAt: Date.parse("2026-03-02T00:00:00Z") })
    expect(takeFromDay({ day: "2026-03-01", calls: 5 }, late + 120_000, 5)).toEqual({ day: "2026-03-02", calls: 1 })
  })

  it("takes from every count or from none", () => {
    const now = Date.parse("2026-03-01T12:00:00Z")
    const state: BudgetState = { stamps: [], day: "2026-03-01", calls: 3 }
    const refused = takeRequest(state, now, { maxInFlight: 1, window: { maxRequests: 10, windowMs: 1_000 }, daily: 3 })
    expect(refused.refusal?.reason).toBe("daily")
    expect(refused.state).toEqual(state)
  })
})

describe("RequestBudget", () => {
  it("never has more requests in flight than the limit", async () => {
    const clock = fakeClock(0)
    const budget = new RequestBudget("dynamics:o", { maxInFlight: API_LIMITS.dynamics.maxInFlight }, memoryStore(), clock)
    let inFlight = 0
    let most = 0
    let finished = 0
    const gates: (() => void)[] = []
    const runs = Array.from({ length: 10 }, () =>
      budget.run(async () => {
        most = Math.max(most, ++inFlight)
        await new Promise<void>((resolve) => gates.push(resolve))
        inFlight--
        finished++
      })
    )
    // Let every request that can start do so, then finish the oldest one; repeat.
    while (finished < runs.length) {
      await new Promise((r) => setTimeout(r, 0))
      gates.shift()?.()
    }
    await Promise.all(runs)
    expect(most).toBe(API_LIMITS.dynamics.maxInFlight)
  })

  it("makes every later request wait out a Retry-After, even in a restarted worker", async () => {
    const clock = fakeClock(10_000)
    const store = memoryStore()
    const budget = new RequestBudget("dynamics:o", { maxInFlight: 4 }, store, clock)
    await budget.holdUntil(12_000)
    const sentAt: number[] = []
    await Promise.all([budget.run(async () => sentAt.push(clock.now())), budget.run(async () => sentAt.push(clock.now()))])
    expect(Math.min(...sentAt)).toBeGreaterThanOrEqual(12_000)
    // A new worker reads the hold from the store.
    const clock2 = fakeClock(11_500)
    const again = new RequestBudget("dynamics:o", { maxInFlight: 4 }, store, clock2)
    await again.run(async () => undefined)
    expect(clock2.waits).toEqual([500])
  })

  it("refuses without sending once the day's budget is spent, and keeps counting across instances", async () => {
    const db = openDatabase(`budget-${Math.random()}`)
    const clock = fakeClock(Date.parse("2026-03-01T09:00:00Z"))
    const limits = { maxInFlight: 2, daily: 2 }
    let sent = 0
    await new RequestBudget("salesforce:acme", limits, metaBudgetStore(db), clock).run(async () => sent++)
    const second = new RequestBudget("salesforce:acme", limits, metaBudgetStore(db), clock)
    await second.run(async () => sent++)
    const refused = await second.run(async () => sent++).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(BudgetExhaustedError)
    expect((refused as BudgetExhaustedError).reason).toBe("daily")
    expect(sent).toBe(2)
    db.close()
  })
})
