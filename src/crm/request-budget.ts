/**
 * One request-budget mechanism for every connector (DESIGN.md "Budgets"; limits in
 * plasmo.config.ts `API_LIMITS`): per org, at most N requests in flight, an optional sliding
 * window (Dataverse service protection counts requests per user per 5 minutes), an optional
 * daily count (the rep's Salesforce call budget), and a hold: after a `Retry-After`, every later
 * request to that org waits until the time it names, not only the request that was answered so
 * (Dataverse "Service protection API limits": the limits are per user and per org).
 *
 * Counts and the hold are persisted (one `meta` row per org), so a restarted service worker keeps
 * counting and still honours a hold. The pure counting lives in `takeFromWindow` / `takeFromDay`.
 */
import type { ParleyDB } from "../model/db"

export interface BudgetLimits {
  /** Requests in flight at once for one org (Salesforce 2, Dynamics 4). */
  maxInFlight: number
  /** Requests per sliding window. */
  window?: { maxRequests: number; windowMs: number }
  /** Requests per UTC day. */
  daily?: number
}

/** What is persisted per org. */
export interface BudgetState {
  /** Start times of the requests still inside the window. */
  stamps: number[]
  /** The UTC day `calls` counts, and the count. */
  day?: string
  calls?: number
  /** No request before this (epoch ms): the last `Retry-After`. */
  heldUntil?: number
}

export type BudgetRefusal = { reason: "window" | "daily"; freeAt: number }

export class BudgetExhaustedError extends Error {
  override readonly name = "BudgetExhaustedError"
  constructor(
    readonly reason: BudgetRefusal["reason"],
    /** When a request may go again (epoch ms). */
    readonly freeAt: number
  ) {
    super(reason === "daily" ? "Today's API budget is used up" : "Parley's request budget for this org is used up for now")
  }
}

/** Reads and writes one persisted value atomically (one `meta` row in one transaction). */
export interface BudgetStore {
  update<R>(key: string, change: (current: BudgetState) => { state: BudgetState; result: R }): Promise<R>
}

export interface BudgetClock {
  now(): number
  sleep(ms: number): Promise<void>
}

export const utcDay = (now: number): string => new Date(now).toISOString().slice(0, 10)
const nextUtcDay = (now: number): number => Date.parse(`${utcDay(now)}T00:00:00Z`) + 86_400_000

/** Takes one request from a sliding window (pure). */
export function takeFromWindow(stamps: readonly number[], now: number, window: { maxRequests: number; windowMs: number }): { stamps: number[]; refusal?: BudgetRefusal } {
  const live = stamps.filter((t) => t > now - window.windowMs && t <= now)
  if (live.length >= window.maxRequests) return { stamps: live, refusal: { reason: "window", freeAt: Math.min(...live) + window.windowMs } }
  return { stamps: [...live, now] }
}

/** Takes one request from the day's count (pure). A new UTC day starts from zero. */
export function takeFromDay(state: Pick<BudgetState, "day" | "calls">, now: number, daily: number): { day: string; calls: number; refusal?: BudgetRefusal } {
  const day = utcDay(now)
  const calls = state.day === day ? (state.calls ?? 0) : 0
  if (calls >= daily) return { day, calls, refusal: { reason: "daily", freeAt: nextUtcDay(now) } }
  return { day, calls: calls + 1 }
}

/** Takes one request from every count the limits name (pure): all or nothing. */
export function takeRequest(state: BudgetState, now: number, limits: BudgetLimits): { state: BudgetState; refusal?: BudgetRefusal } {
  let next: BudgetState = { ...state, stamps: [...(state.stamps ?? [])] }
  if (limits.window) {
    const w = takeFromWindow(next.stamps, now, limits.window)
    if (w.refusal) return { state: { ...next, stamps: w.stamps }, refusal: w.refusal }
    next = { ...next, stamps: w.stamps }
  }
  if (limits.daily !== undefined) {
    const d = takeFromDay(next, now, limits.daily)
    if (d.refusal) return { state, refusal: d.refusal }
    next = { ...next, day: d.day, calls: d.calls }
  }
  return { state: next }
}

export class RequestBudget {
  private active = 0
  private readonly waiting: (() => void)[] = []
  /** The hold as this worker knows it (the store has it too, for a restarted worker). */
  private held = 0

  constructor(
    readonly key: string,
    readonly limits: BudgetLimits,
    private readonly store: BudgetStore,
    private readonly clock: BudgetClock
  ) {}

  /**
   * Runs one request within the limits: waits for a free slot and for any hold, then takes the
   * request from the counts. Throws BudgetExhaustedError (nothing sent) when a count is spent.
   */
  async run<T>(request: () => Promise<T>): Promise<T> {
    if (this.active >= this.limits.maxInFlight) await new Promise<void>((resolve) => this.waiting.push(resolve))
    else this.active++
    try {
      await this.take()
      return await request()
    } finally {
      const next = this.waiting.shift()
      if (next) next()
      else this.active--
    }
  }

  /** Every later request to this org waits until `at` (epoch ms): a `Retry-After` answer. */
  async holdUntil(at: number): Promise<void> {
    this.held = Math.max(this.held, at)
    await this.store.update(this.key, (state) => ({ state: { ...state, heldUntil: Math.max(state.heldUntil ?? 0, at) }, result: undefined }))
  }

  /** When the current hold ends (0 when there is none), as this worker knows it. */
  get heldUntil(): number {
    return this.held
  }

  private async take(): Promise<void> {
    for (;;) {
      type Outcome = { ok: true } | { wait: number } | { refusal: BudgetRefusal }
      const outcome = await this.store.update<Outcome>(this.key, (state) => {
        const now = this.clock.now()
        const hold = Math.max(state.heldUntil ?? 0, this.held)
        if (hold > now) return { state, result: { wait: hold - now } }
        const taken = takeRequest(state, now, this.limits)
        return { state: taken.state, result: taken.refusal ? { refusal: taken.refusal } : { ok: true } }
      })
      if ("ok" in outcome) return
      if ("refusal" in outcome) throw new BudgetExhaustedError(outcome.refusal.reason, outcome.refusal.freeAt)
      await this.clock.sleep(outcome.wait)
    }
  }
}

/** The budgets of this worker, one per org: every sync and share of an org shares its slots. */
const budgets = new Map<string, RequestBudget>()

export function budgetFor(key: string, limits: BudgetLimits, store: BudgetStore, clock: BudgetClock): RequestBudget {
  const existing = budgets.get(key)
  if (existing && sameLimits(existing.limits, limits)) return existing
  const budget = new RequestBudget(key, limits, store, clock)
  budgets.set(key, budget)
  return budget
}

const sameLimits = (a: BudgetLimits, b: BudgetLimits) =>
  a.maxInFlight === b.maxInFlight && a.daily === b.daily && a.window?.maxRequests === b.window?.maxRequests && a.window?.windowMs === b.window?.windowMs

/** The store over the `meta` table: `budget:<key>`, read and written in one transaction. */
export function metaBudgetStore(db: ParleyDB): BudgetStore {
  return {
    update: (key, change) =>
      db.transaction("rw", db.meta, async () => {
        const raw = (await db.meta.get(`budget:${key}`))?.value as Partial<BudgetState> | undefined
        const current: BudgetState = { ...raw, stamps: Array.isArray(raw?.stamps) ? raw.stamps.filter((t): t is number => typeof t === "number") : [] }
        const { state, result } = change(current)
        await db.meta.put({ key: `budget:${key}`, value: state })
        return result
      })
  }
}
