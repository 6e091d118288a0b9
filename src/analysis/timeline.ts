/** The time span of an account's visible history, for windows, rates and the default `now`. */
import type { FeatureSet } from "./features"
import { RECENCY, TIME } from "./parameters"

const DECAY_PER_MS = Math.LN2 / (RECENCY.halfLifeDays * TIME.DAY)

/** A record's weight by its age at `now` (parameters.ts RECENCY): 1 now, ½ a half-life ago.
 * Undated and future records (a forecast close date) count as now. */
export function recency(at: number | undefined, now: number): number {
  return at === undefined || at >= now ? 1 : Math.exp(-DECAY_PER_MS * (now - at))
}

/** The earliest dated record: where the visible relationship starts. `ordered`: the interactions
 * are in time order (dedupe.ts `withoutDuplicates` tells), so the first is the earliest. */
export function historyStart(fs: FeatureSet, ordered: boolean): number | undefined {
  let start = fs.account?.createdAt ?? Infinity
  const list = fs.interactions
  // The first of ordered interactions, not a pass over every one (measured in Chromium, with
  // initiator.ts `opening` stopping at the end of the opening weeks: classifying 10k
  // interactions 0.7 % faster). Indexed, not for-of: a long history's loop must not allocate an
  // iterator result per record.
  if (ordered) {
    if (list.length > 0 && list[0]!.at < start) start = list[0]!.at
  } else for (let n = 0; n < list.length; n++) if (list[n]!.at < start) start = list[n]!.at
  for (const d of fs.deals) if (d.createdAt < start) start = d.createdAt
  for (const q of fs.quotes) if (q.createdAt < start) start = q.createdAt
  for (const k of fs.cases) if (k.openedAt < start) start = k.openedAt
  for (const c of fs.contracts) if (c.startDate !== undefined && c.startDate < start) start = c.startDate
  return start === Infinity ? undefined : start
}

/** The latest timestamp anywhere in the history: the default `now`, so that a profile depends
 * on its input alone (the same history gives the same profile tomorrow). */
export function latestTime(fs: FeatureSet): number {
  let latest = fs.account?.createdAt ?? 0
  const see = (t: number | undefined) => {
    if (t !== undefined && t > latest) latest = t
  }
  const list = fs.interactions
  for (let n = 0; n < list.length; n++) see(list[n]!.at)
  for (const d of fs.deals) {
    see(d.createdAt)
    // An open deal's close date is a forecast, not an event.
    if (d.isClosed) see(d.closeDate)
  }
  for (const q of fs.quotes) see(q.createdAt)
  for (const k of fs.cases) {
    see(k.openedAt)
    see(k.closedAt)
  }
  for (const c of fs.contracts) see(c.startDate)
  return latest
}
