/**
 * API etiquette (DESIGN.md "Budgets"): at most N requests in flight, and a daily call budget per
 * rep that survives service-worker restarts because it lives in the `meta` table.
 */
import type { ParleyDB } from "../../model/db"

/** A counting semaphore: `run` waits for a free slot. */
export class Semaphore {
  private active = 0
  private readonly waiting: (() => void)[] = []
  constructor(readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve))
    this.active++
    try {
      return await task()
    } finally {
      this.active--
      this.waiting.shift()?.()
    }
  }
}

export const BUDGET_KEY = "salesforce:api-budget"

export interface BudgetRow {
  day: string
  calls: number
}

/** The UTC day of a timestamp, the budget's period. */
export function budgetDay(now: number): string {
  return new Date(now).toISOString().slice(0, 10)
}

/** Takes one call from today's budget; false when it is spent. Atomic across concurrent callers. */
export async function takeCall(db: ParleyDB, now: number, daily: number): Promise<boolean> {
  const day = budgetDay(now)
  return db.transaction("rw", db.meta, async () => {
    const row = (await db.meta.get(BUDGET_KEY))?.value as BudgetRow | undefined
    const calls = row?.day === day ? row.calls : 0
    if (calls >= daily) return false
    await db.meta.put({ key: BUDGET_KEY, value: { day, calls: calls + 1 } satisfies BudgetRow })
    return true
  })
}

/** Calls made today (for the panel and diagnostics). */
export async function callsToday(db: ParleyDB, now: number): Promise<number> {
  const row = (await db.meta.get(BUDGET_KEY))?.value as BudgetRow | undefined
  return row?.day === budgetDay(now) ? row.calls : 0
}
