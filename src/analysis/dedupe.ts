/**
 * The same record once. A CRM often holds one message twice under different ids: Salesforce's
 * EmailMessage and the Task logged for it (by Outlook/Gmail integration, or by hand as "Email:
 * …"), a Dataverse email tracked twice. Counted twice, it doubles the customer's voice and their
 * contact rhythm. Two interactions are one when their signatures (features.ts `signatureOf`:
 * subject without reply/logging prefixes, and text, whitespace and case aside) are equal and
 * they happened within a minute of each other (or on the same day, when one has a date only, or
 * shifted by a time zone's offset, when a sync tool logged its copy in the wrong zone).
 *
 * Linear: one pass over the history in time order (sorted only when it arrives unsorted);
 * signatures only for records logged within the window of another, and only the rare groups
 * that share one are sorted. Which copy stays does not depend on the order records arrive in (the profile must not):
 * the email object over a logged task, a known direction over "unknown", then the smallest key.
 */
import { signatureOf, subjectHashOf, type FeatureSet, type InteractionF } from "./features"
import { DEDUPE, TIME } from "./parameters"

function rank(i: InteractionF): number {
  const email = i.sourceObject === "EmailMessage" || i.sourceObject === "email" ? 0 : 2
  return email + (i.direction === "unknown" ? 1 : 0)
}

/**
 * `at % TIME.DAY === 0`, without `%`: on numbers this large that is a floating-point remainder (a
 * library call), asked for every email of the history. Exact for a Timestamp (a non-negative safe
 * integer): the quotient's floor times a day is exact, and equals `at` only for a whole day.
 */
function wholeDays(at: number): boolean {
  return at - Math.floor(at / TIME.DAY) * TIME.DAY === 0
}

/**
 * Whether two copies were logged at the same moment: within the window, or, for an email, on the
 * same day when the earlier copy carries a date only (a logged Task's ActivityDate is midnight
 * UTC), or shifted by a time zone's offset (parameters.ts DEDUPE) when the email has a body that
 * tells it apart and a person wrote it: two calls named "Follow-up" an hour apart, or on one day,
 * are two calls, a subject alone ("Quick question") may well be written twice in a morning, and a
 * newsletter sent at 20:00 and again at 08:00 the next day is two sends.
 */
function sameMoment(first: InteractionF, later: InteractionF): boolean {
  const gap = later.at - first.at
  if (gap <= DEDUPE.windowMs) return true
  if (first.channel !== "email" || later.channel !== "email") return false
  if (wholeDays(first.at) && gap < TIME.DAY) return true
  // Automated sends repeat by design: a newsletter or a reminder sent again with the same text.
  return gap < DEDUPE.zoneShiftMaxMs && gap === Math.floor(gap / DEDUPE.zoneStepMs) * DEDUPE.zoneStepMs && first.human && later.human &&
    telling(first.textB) && telling(later.textB)
}

/** Whether a text says enough to tell one message from another hours apart: "Thanks, got it."
 * is written again the same afternoon. Asked of the few copies a signature groups. */
function telling(text: string | undefined): boolean {
  if (!text) return false
  let letters = 0
  for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) > 32 && ++letters >= DEDUPE.zoneMinBodyChars) return true
  return false
}

/** Whether `a` is the copy to keep over `b`. */
function preferred(a: InteractionF, b: InteractionF): boolean {
  const ra = rank(a)
  const rb = rank(b)
  return ra !== rb ? ra < rb : a.key < b.key
}

/** Whether `i` is an email dated by day only (a logged Task's ActivityDate: midnight UTC). */
const dateOnlyEmail = (i: InteractionF) => i.channel === "email" && wholeDays(i.at)

/**
 * `list` in time order, records at the same time in list order (what a stable sort gives), when
 * its first `sorted` records are in time order already, with each record's place in `list`.
 * Records usually arrive at the end, so only that tail is sorted and then merged with the ordered
 * part, which takes it on ties.
 */
function inTimeOrder(list: readonly InteractionF[], sorted: number): { order: InteractionF[]; from: Int32Array } {
  const tail: number[] = []
  for (let k = sorted; k < list.length; k++) tail.push(k)
  tail.sort((a, b) => list[a]!.at - list[b]!.at)
  const order = new Array<InteractionF>(list.length)
  const from = new Int32Array(list.length)
  let p = 0
  let t = 0
  let w = 0
  while (p < sorted && t < tail.length) {
    const k = list[tail[t]!]!.at < list[p]!.at ? tail[t++]! : p++
    order[w] = list[k]!
    from[w++] = k
  }
  while (p < sorted) {
    order[w] = list[p]!
    from[w++] = p++
  }
  while (t < tail.length) {
    const k = tail[t++]!
    order[w] = list[k]!
    from[w++] = k
  }
  return { order, from }
}

/**
 * The latest email at each time within a quarter hour, as an open-addressing table kept from one
 * classification to the next: a Map of a long history's emails grew and rehashed on every
 * classification (it doubled this pass's time at 10k interactions). A slot belongs to this call
 * when it carries this call's stamp, so the table is never cleared.
 */
interface QuarterTable {
  keys: Int32Array
  places: Int32Array
  stamps: Int32Array
  stamp: number
}
const QUARTERS: QuarterTable = { keys: new Int32Array(0), places: new Int32Array(0), stamps: new Int32Array(0), stamp: 0 }

/** The table, fresh for a history of `n` records (at least twice as many slots: short probes). */
function quarterTable(n: number): QuarterTable {
  if (QUARTERS.keys.length < 2 * n) {
    let size = 1024
    while (size < 2 * n) size *= 2
    QUARTERS.keys = new Int32Array(size)
    QUARTERS.places = new Int32Array(size)
    QUARTERS.stamps = new Int32Array(size)
    QUARTERS.stamp = 0
  }
  QUARTERS.stamp++
  return QUARTERS
}

/** The place of the latest email before at `time` (ms within its quarter hour), or −1; `place` becomes it. */
function latestInQuarter(t: QuarterTable, time: number, place: number): number {
  const mask = t.keys.length - 1
  let slot = (Math.imul(time, 0x9e3779b1) >>> 0) & mask
  while (t.stamps[slot] === t.stamp) {
    if (t.keys[slot] === time) {
      const before = t.places[slot]!
      t.places[slot] = place
      return before
    }
    slot = (slot + 1) & mask
  }
  t.stamps[slot] = t.stamp
  t.keys[slot] = time
  t.places[slot] = place
  return -1
}

/**
 * The feature set with later copies of the same interaction left out, how many were, and whether
 * its interactions are in time order (`ordered`), which this pass finds anyway: passes after it
 * then read the earliest one first, or stop at the first past a date.
 *
 * Only records logged at the same moment as another can be copies, and those are few: the
 * signature (a hash of subject and text) is computed for them alone, never for the whole history.
 */
export function withoutDuplicates(fs: FeatureSet): { fs: FeatureSet; duplicates: number; ordered: boolean } {
  const list = fs.interactions
  const n = list.length
  // Histories are stored in time order; sort a copy only when this one is not.
  let order = list
  /** Where each record of `order` is in `list` (null: the same place). */
  let from: Int32Array | null = null
  for (let k = 1; k < n; k++) {
    if (list[k]!.at < list[k - 1]!.at) {
      ;({ order, from } = inTimeOrder(list, k))
      break
    }
  }
  /** 1 for the records of `order` that may be copies: a flag, as a later record may make an earlier one a candidate. */
  const candidate = new Uint8Array(n)
  let count = 0
  const mark = (k: number) => {
    if (candidate[k] === 0) {
      candidate[k] = 1
      count++
    }
  }
  // The emails logged within a day after a date-only email may be the same message with its
  // time. In time order those days end no earlier one after another, so "within such a day" is
  // one index: below the end of the latest date-only email's day (no set of records to look up).
  let sameDayEnd = 0
  // An email copied by a sync tool in the wrong time zone is shifted by whole quarter hours: it
  // has the original's time within a quarter hour. The latest email at each such time, by place.
  const quarters = quarterTable(n)
  let previousAt = -Infinity
  let at = n > 0 ? order[0]!.at : 0
  for (let k = 0; k < n; k++) {
    const i = order[k]!
    const nextAt = k + 1 < n ? order[k + 1]!.at : Infinity
    const near = at - previousAt <= DEDUPE.windowMs || nextAt - at <= DEDUPE.windowMs
    const inDay = k < sameDayEnd && i.channel === "email"
    if (near || inDay) mark(k)
    if (dateOnlyEmail(i)) {
      let j = k + 1
      let email = false
      for (; j < n && order[j]!.at - at < TIME.DAY; j++) if (order[j]!.channel === "email") email = true
      if (j > sameDayEnd) sameDayEnd = j
      if (email) mark(k)
    }
    if (i.channel === "email") {
      const inQuarter = at - Math.floor(at / DEDUPE.zoneStepMs) * DEDUPE.zoneStepMs
      const before = latestInQuarter(quarters, inQuarter, k)
      if (before >= 0 && at - order[before]!.at < DEDUPE.zoneShiftMaxMs) {
        mark(before)
        mark(k)
      }
    }
    previousAt = at
    at = nextAt
  }
  const ordered = from === null
  if (count === 0) return { fs, duplicates: 0, ordered }
  const candidates = new Array<InteractionF>(count)
  /** Each candidate's place in `order`. */
  const places = new Int32Array(count)
  for (let k = 0, m = 0; k < n; k++) {
    if (candidate[k] === 0) continue
    candidates[m] = order[k]!
    places[m++] = k
  }
  // Copies share their subject and are within a day of each other (sameMoment), so the body is
  // hashed only for candidates with a candidate of the same subject hash within a day: in a dense
  // history most are merely close in time. One left out can be no copy, and leaving it out changes
  // no cluster below: every record of its signature is more than a day away. Candidates are in
  // time order, so the latest one with the same subject hash is the nearest before it.
  const latestBySubject = new Map<number, number>()
  const paired = new Uint8Array(candidates.length)
  for (let m = 0; m < candidates.length; m++) {
    const subject = subjectHashOf(candidates[m]!.textA)
    const before = latestBySubject.get(subject)
    if (before !== undefined && candidates[m]!.at - candidates[before]!.at <= TIME.DAY) {
      paired[m] = 1
      paired[before] = 1
    }
    latestBySubject.set(subject, m)
  }
  const bySignature = new Map<number, InteractionF | InteractionF[]>()
  /** The place in `order` of each candidate that has a signature. */
  const placeOf = new Map<InteractionF, number>()
  let shared = false
  for (let m = 0; m < candidates.length; m++) {
    if (paired[m] === 0) continue
    const i = candidates[m]!
    placeOf.set(i, places[m]!)
    const signature = signatureOf(i.textA, i.textB)
    if (signature === 0) continue
    const seen = bySignature.get(signature)
    if (seen === undefined) bySignature.set(signature, i)
    else {
      shared = true
      // Each record is a candidate once (the loop above pushes it at most once), so no group
      // is searched for it: a search made dense histories quadratic in a group's size.
      if (Array.isArray(seen)) seen.push(i)
      else bySignature.set(signature, [seen, i])
    }
  }
  if (!shared) return { fs, duplicates: 0, ordered }
  const dropped = new Set<InteractionF>()
  for (const group of bySignature.values()) {
    if (!Array.isArray(group)) continue
    group.sort((a, b) => a.at - b.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    // Clusters of copies: each within the window of the cluster's first record.
    let start = 0
    while (start < group.length) {
      let end = start + 1
      while (end < group.length && sameMoment(group[start]!, group[end]!)) end++
      let keep = group[start]!
      for (let m = start + 1; m < end; m++) if (preferred(group[m]!, keep)) keep = group[m]!
      for (let m = start; m < end; m++) if (group[m] !== keep) dropped.add(group[m]!)
      start = end
    }
  }
  if (dropped.size === 0) return { fs, duplicates: 0, ordered }
  // The dropped records' places in the history are known (through `from` when it was sorted): it
  // is copied without them by place, not by looking every record up in the set.
  const gone = new Uint8Array(n)
  for (const i of dropped) {
    const place = placeOf.get(i)!
    gone[from === null ? place : from[place]!] = 1
  }
  const kept = new Array<InteractionF>(n - dropped.size)
  let w = 0
  for (let k = 0; k < n; k++) if (gone[k] === 0) kept[w++] = list[k]!
  // The records kept stay in list order.
  return { fs: { ...fs, interactions: kept }, duplicates: dropped.size, ordered }
}
