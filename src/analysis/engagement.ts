/**
 * Engagement (issue 13): two-way human contact. Automated and mass sends do not make an account
 * healthy, and silence is measured against the account's own rhythm: days since the customer
 * last reached out against their usual gap between contacts.
 */
import { msg, type ParamValue } from "../i18n/message"
import { evidence, quote, round } from "./evidence"
import type { FeatureSet, InteractionF } from "./features"
import { ENGAGEMENT as P, TIME } from "./parameters"
import type { Engagement } from "./profile"

/** The customer reaching us: their message or call, a meeting they sat in, or our call that
 * reached them (the note says what they said, or that we spoke). Our unanswered outreach,
 * internal notes and automated sends are not. */
export function fromCustomer(i: InteractionF): boolean {
  if (!i.human || i.direction === "internal") return false
  return i.direction === "inbound" || i.channel === "meeting" || (i.heard && i.channel === "call")
}

/** Contact between people: not a machine's send, not an internal note, and not a task, which is
 * a rep's to-do ("Send price list", "Follow up") unless its note says the customer spoke. Thirty
 * logged tasks kept an account's activity up and counted as thirty contacts we know them by. */
export function isContact(i: InteractionF): boolean {
  return i.human && i.direction !== "internal" && (i.channel !== "task" || i.heard)
}

/** Later wins; at the same moment the smaller key, so that record order never matters. */
function later(a: InteractionF, b: InteractionF | null): boolean {
  return !b || a.at > b.at || (a.at === b.at && a.key < b.key)
}

/** Contacts closer than this are one conversation. A module constant, not read from the
 * parameters in `conversations`: run once per classification, that function is compiled inlined
 * before its reads have type feedback, and the read deoptimized every classification (traced). */
const EPISODE_MS = P.episodeDays * TIME.DAY

/** How many separate conversations the customer started, from their contact times (a typed
 * array, sorted in place only when out of order). Contacts closer than episodeDays chain into one
 * run; a run shorter than episodeDays from first to last is a burst and one conversation, a longer
 * run is a cadence (a customer who writes every week) and each of its contacts counts: chaining a
 * weekly writer into one conversation left them without a rhythm, so two months of silence from
 * them read as their pace. */
function conversations(times: Float64Array, ordered: boolean): number {
  if (!ordered) times.sort()
  const episode = EPISODE_MS
  let count = 0
  let start = 0
  for (let n = 1; n <= times.length; n++) {
    if (n < times.length && times[n]! - times[n - 1]! < episode) continue
    // The run times[start..n-1] ended.
    count += times[n - 1]! - times[start]! < episode ? 1 : n - start
    start = n
  }
  return count
}

/** The customer's side of the history: what `engagement` reads from its first pass. */
interface Contacts {
  humanContacts: number
  customerContacts: number
  automated: number
  first: number
  lastCustomer: InteractionF | null
  /** Whether the list is in time order. */
  sorted: boolean
  /** The customer's contact times (the first `customerContacts`), and whether in order. */
  times: Float64Array
  timesOrdered: boolean
}

/*
 * The two passes over the interactions are functions of their own, with nothing after their loop.
 * A function run once per classification is compiled while its loop is hot, before the code after
 * the loop has ever run; that code then had no type feedback and deoptimized on every
 * classification (traced in Chromium), running the rest of `engagement` in the interpreter.
 */

function contacts(list: readonly InteractionF[], now: number): Contacts {
  // The customer's contact times, for their rhythm: one array, sized for every record (growing
  // it by doubling allocated and copied a dozen arrays on a long history).
  const c: Contacts = {
    humanContacts: 0, customerContacts: 0, automated: 0, first: Infinity, lastCustomer: null, sorted: true,
    times: new Float64Array(list.length), timesOrdered: true
  }
  const times = c.times
  for (let n = 0; n < list.length; n++) {
    const i = list[n]!
    if (n > 0 && i.at < list[n - 1]!.at) c.sorted = false
    if (i.at > now) continue
    if (!i.human) {
      c.automated++
      continue
    }
    if (!isContact(i)) continue
    c.humanContacts++
    if (!fromCustomer(i)) continue
    if (c.customerContacts > 0 && i.at < times[c.customerContacts - 1]!) c.timesOrdered = false
    times[c.customerContacts++] = i.at
    if (i.at < c.first) c.first = i.at
    if (later(i, c.lastCustomer)) c.lastCustomer = i
  }
  return c
}

/** Our human outreach since the customer last spoke, and the latest of it. */
interface Outreach {
  count: number
  last: InteractionF | null
}

/**
 * A second pass, still linear. Histories are stored in time order, so it walks back from the
 * newest and stops at the customer's last contact (nothing before it counts); any other order
 * walks the whole list, to the same count.
 */
function outreach(list: readonly InteractionF[], now: number, lastCustomer: InteractionF | null, sorted: boolean): Outreach {
  const o: Outreach = { count: 0, last: null }
  for (let n = list.length - 1; n >= 0; n--) {
    const i = list[n]!
    if (lastCustomer && i.at <= lastCustomer.at) {
      if (sorted) break
      continue
    }
    if (i.at > now || !isContact(i) || i.direction !== "outbound" || fromCustomer(i)) continue
    o.count++
    if (later(i, o.last)) o.last = i
  }
  return o
}

export function engagement(fs: FeatureSet, now: number): Engagement {
  const list = fs.interactions
  const { humanContacts, customerContacts, automated, first, lastCustomer, sorted, times, timesOrdered } = contacts(list, now)
  const { count: unansweredOutreach, last: lastOutreach } = outreach(list, now, lastCustomer, sorted)
  // The usual gap is the mean over the customer's active span between conversations (contacts
  // within episodeDays of the one before are one): a burst each March is a yearly rhythm.
  const gaps = conversations(times.subarray(0, customerContacts), timesOrdered) - 1
  const usualGapDays = lastCustomer && gaps >= P.minGaps ? (lastCustomer.at - first) / gaps / TIME.DAY : null
  const daysSince = lastCustomer ? (now - lastCustomer.at) / TIME.DAY : null
  const silent = daysSince !== null &&
    daysSince > (usualGapDays === null ? P.silentWithoutRhythmDays : Math.min(P.maxQuietDays, Math.max(P.minSilentDays, P.silentFactor * usualGapDays)))
  const items = []
  if (lastCustomer) items.push(evidence(lastCustomer, msg("a.engagement.ev.lastCustomer", { title: quote(lastCustomer.title), days: Math.round(daysSince ?? 0) })))
  if (lastOutreach) items.push(evidence(lastOutreach, msg("a.engagement.ev.unanswered", { title: quote(lastOutreach.title), n: unansweredOutreach })))
  const asides = silenceAsides({ unansweredOutreach, automated })
  return {
    humanContacts, customerContacts, automated, unansweredOutreach,
    lastCustomerContactAt: lastCustomer?.at ?? null,
    daysSinceCustomerContact: daysSince === null ? null : Math.round(daysSince),
    usualGapDays: usualGapDays === null ? null : round(usualGapDays),
    silent,
    evidence: items,
    summary: silent
      ? usualGapDays === null
        ? msg("a.engagement.silentForNoRhythm", { days: Math.round(daysSince ?? 0), ...asides })
        : msg("a.engagement.silentFor", { days: Math.round(daysSince ?? 0), gap: Math.round(usualGapDays), ...asides })
      : msg("a.engagement.contacts", { human: humanContacts, customer: customerContacts, uncounted: asides.uncounted })
  }
}

/**
 * The clauses a sentence about contact adds for our unanswered messages and the automated sends
 * left out, each only when there are any: "0 of our messages went unanswered" tells a rep nothing.
 */
export function silenceAsides(e: Pick<Engagement, "unansweredOutreach" | "automated">): { unanswered: ParamValue; uncounted: ParamValue } {
  return {
    unanswered: { list: e.unansweredOutreach > 0 ? [msg("a.engagement.unanswered", { outreach: e.unansweredOutreach })] : [] },
    uncounted: { list: e.automated > 0 ? [msg("a.engagement.uncounted", { automated: e.automated })] : [] }
  }
}
