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
import { API_LIMITS } from "../../plasmo.config"
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

/**
 * What the budgets of one org share inside this worker, whichever client, sync or share asks:
 * the in-flight slots, and the wait for a `Retry-After` hold (one sleep per hold, which every
 * request of the org awaits, rather than one sleep per request).
 */
export interface OrgLane {
  active: number
  waiting: (() => void)[]
  /** The hold as this worker knows it (the store has it too, for a restarted worker). */
  held: number
  wait?: { until: number; done: Promise<void> }
}

const newLane = (): OrgLane => ({ active: 0, waiting: [], held: 0 })

export class RequestBudget {
  constructor(
    readonly key: string,
    readonly limits: BudgetLimits,
    private readonly store: BudgetStore,
    private readonly clock: BudgetClock,
    private readonly lane: OrgLane = newLane()
  ) {}

  /**
   * Runs one request within the limits: waits for a free slot and for any hold, then takes the
   * request from the counts. Throws BudgetExhaustedError (nothing sent) when a count is spent.
   */
  async run<T>(request: () => Promise<T>): Promise<T> {
    const lane = this.lane
    if (lane.active >= this.limits.maxInFlight) await new Promise<void>((resolve) => lane.waiting.push(resolve))
    else lane.active++
    try {
      await this.take()
      return await request()
    } finally {
      const next = lane.waiting.shift()
      if (next) next()
      else lane.active--
    }
  }

  /** Every later request to this org waits until `at` (epoch ms): a `Retry-After` answer. */
  async holdUntil(at: number): Promise<void> {
    this.lane.held = Math.max(this.lane.held, at)
    await this.store.update(this.key, (state) => ({ state: { ...state, heldUntil: Math.max(state.heldUntil ?? 0, at) }, result: undefined }))
  }

  /** When the current hold ends (0 when there is none), as this worker knows it. */
  get heldUntil(): number {
    return this.lane.held
  }

  /** Sleeps until `until`, sharing the sleep with every request of the org held until then. */
  private waitOut(until: number, now: number): Promise<void> {
    const lane = this.lane
    if (!lane.wait || lane.wait.until < until) lane.wait = { until, done: this.clock.sleep(until - now) }
    return lane.wait.done
  }

  private async take(): Promise<void> {
    // A hold once waited out is not waited again, even where the clock did not move on (a
    // frozen test clock; a sleep cut short): the wait, not the clock, says the hold is over.
    let servedUntil = 0
    for (;;) {
      type Outcome = { ok: true } | { hold: number; now: number } | { refusal: BudgetRefusal }
      const outcome = await this.store.update<Outcome>(this.key, (state) => {
        const now = this.clock.now()
        const hold = Math.max(state.heldUntil ?? 0, this.lane.held)
        if (hold > now && hold > servedUntil) return { state, result: { hold, now } }
        const taken = takeRequest(state, now, this.limits)
        return { state: taken.state, result: taken.refusal ? { refusal: taken.refusal } : { ok: true } }
      })
      if ("ok" in outcome) return
      if ("refusal" in outcome) throw new BudgetExhaustedError(outcome.refusal.reason, outcome.refusal.freeAt)
      this.lane.held = Math.max(this.lane.held, outcome.hold)
      await this.waitOut(outcome.hold, outcome.now)
      servedUntil = outcome.hold
    }
  }
}

export type BudgetedCrm = keyof typeof API_LIMITS

/** The meta key of an org's counts and hold (`<crm>:budget:<org>`: forgetting the org removes it). */
export const budgetKey = (crm: BudgetedCrm, org: string) => `${crm}:budget:${org}`

/**
 * The limits of a CRM, all from plasmo.config.ts `API_LIMITS`; the rep's daily Salesforce budget
 * (Settings) and a test's smaller window may stand in for the defaults, never a higher in-flight cap.
 */
export function limitsFor(crm: BudgetedCrm, overrides: { maxInFlight?: number; daily?: number; window?: { maxRequests: number; windowMs: number } } = {}): BudgetLimits {
  const cap = API_LIMITS[crm].maxInFlight
  const maxInFlight = Math.max(1, Math.min(overrides.maxInFlight ?? cap, cap))
  if (crm === "salesforce") return { maxInFlight, daily: overrides.daily ?? API_LIMITS.salesforce.dailyCallBudget }
  return { maxInFlight, window: overrides.window ?? API_LIMITS.dynamics.window }
}

/**
 * The lanes of this worker, by database connection and org: every client of an org shares one.
 * Keyed by the connection, not its name: a restarted worker opens its own connection and starts
 * with free slots, while the worker's one shared connection (src/model/db.ts) shares them all.
 */
const lanes = new WeakMap<object, Map<string, OrgLane>>()
const noDatabase = {}

/** Counts kept in worker memory where no database is at hand (a client built without one). */
function memoryStore(): BudgetStore {
  const rows = new Map<string, BudgetState>()
  return {
    async update(key, change) {
      const { state, result } = change(rows.get(key) ?? { stamps: [] })
      rows.set(key, state)
      return result
    }
  }
}
const workerMemory = memoryStore()

/**
 * The request budget of one org: the one way a connector sends a request. Budgets of the same org
 * (and database) share their in-flight slots and their Retry-After hold across every sync, share
 * and listing in this worker; counts and hold are persisted in `meta` when a database is given.
 */
export function orgBudget(crm: BudgetedCrm, org: string, options: { db?: ParleyDB; clock: BudgetClock; limits?: BudgetLimits }): RequestBudget {
  const key = budgetKey(crm, org)
  const owner = options.db ?? noDatabase
  let ofOwner = lanes.get(owner)
  if (!ofOwner) lanes.set(owner, (ofOwner = new Map()))
  let lane = ofOwner.get(key)
  if (!lane) ofOwner.set(key, (lane = newLane()))
  return new RequestBudget(key, options.limits ?? limitsFor(crm), options.db ? metaBudgetStore(options.db) : workerMemory, options.clock, lane)
}

/** The worker's real clock. */
export const realClock: BudgetClock = { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) }

/** The store over the `meta` table, a row per key, read and written in one transaction. */
export function metaBudgetStore(db: ParleyDB): BudgetStore {
  return {
    update: (key, change) =>
      db.transaction("rw", db.meta, async () => {
        const stored = (await db.meta.get(key))?.value
        // Rows of an earlier version kept only the window's stamps, as a bare array.
        const raw = (Array.isArray(stored) ? { stamps: stored } : stored) as Partial<BudgetState> | undefined
        const current: BudgetState = { ...raw, stamps: Array.isArray(raw?.stamps) ? raw.stamps.filter((t): t is number => typeof t === "number") : [] }
        const { state, result } = change(current)
        await db.meta.put({ key, value: state })
        return result
      })
  }
}
