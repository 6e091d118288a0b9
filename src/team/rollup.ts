/**
 * The team roll-up (issue 15), pure: the cached snapshot files of the team (`TeamFileRow`, valid
 * ones with their digest) become one row per account — its latest labels, what changed since the
 * snapshot before, its history for the chart — and the nudges a lead acts on, sorted so that what
 * needs attention comes first. Runs on every render of the Team tab for up to thousands of
 * accounts: one pass to group, no schema parse per row, no copy of a digest's sentences.
 */
import { parseRecordKey } from "../model/keys"
import { AXES } from "../snapshots/axes"
import type { LabelChange } from "../snapshots/payload"
import { sortByRank } from "./sort"
import type { AxisLabels, Nudge, RollupFilters, RollupRow, TeamDigest, TeamFileRow } from "./types"

const DAY_MS = 86_400_000

/** Risk labels from calm to alarming; "unknown" has no place (a change to or from it is no rise). */
const RISK_RANK: Readonly<Record<string, number>> = { healthy: 1, watch: 2, "at-risk": 3 }
const CUSTOMER_DOMINANCE = "customer"

/**
 * The attention score's parts, as integer bands of one number (higher first): the nudge's weight,
 * then the risk label, then the time of the latest label change. Epoch ms stay below 1e13, so the
 * bands never overlap and the sum stays an exact integer.
 */
const TIME_BAND = 1e13
const RISK_BANDS = 4
const URGENT_NUDGE = 2
const STALE_NUDGE = 1

export interface RollupOptions {
  now: number
  /** A latest snapshot older than this many days is a "stale" nudge. */
  staleDays: number
}

/** A valid file with its digest: what one point of an account's history is made from. */
type Entry = TeamFileRow & { digest: TeamDigest }

const sharedAtOf = (file: TeamFileRow) => file.sharedAt ?? file.modifiedAt

/** Which axis labels differ between two snapshots, in the panel's axis order (as labelChanges says for profiles). */
export function axisLabelChanges(from: AxisLabels, to: AxisLabels): LabelChange[] {
  const changes: LabelChange[] = []
  for (const axis of AXES) if (from[axis] !== to[axis]) changes.push({ axis, from: from[axis], to: to[axis] })
  return changes
}

const collator = new Intl.Collator("en", { numeric: true })
/**
 * Which snapshot came first: by when the CRM received it (its own clock, which no file can set),
 * then by the date written inside, then by seal. A file dated in the future (a forged date, a
 * rep's wrong clock) so never stays "latest" over a snapshot shared after it.
 */
const createdBefore = (a: Entry, b: Entry) => {
  const at = sharedAtOf(a)
  const bt = sharedAtOf(b)
  if (at !== bt) return at < bt
  return a.digest.createdAt < b.digest.createdAt || (a.digest.createdAt === b.digest.createdAt && a.digest.hash < b.digest.hash)
}

/**
 * Oldest first, in place. An insertion sort: an account has a handful of snapshots, mostly
 * arriving in order, and `Array.prototype.sort` costs more per call than these few comparisons
 * (it dominated the roll-up of 5,000 accounts).
 */
function sortByCreated(entries: Entry[]): void {
  for (let i = 1; i < entries.length; i++) {
    const entry = entries[i]!
    let j = i - 1
    while (j >= 0 && createdBefore(entry, entries[j]!)) {
      entries[j + 1] = entries[j]!
      j--
    }
    entries[j + 1] = entry
  }
}

/** Of two copies of one snapshot, the one the roll-up keeps: the unredacted, then the first shared. */
function standsOver(candidate: Entry, kept: Entry): boolean {
  if (candidate.digest.redacted !== kept.digest.redacted) return !candidate.digest.redacted
  return sharedAtOf(candidate) < sharedAtOf(kept)
}

/**
 * The state the latest snapshot is compared with: the last earlier snapshot whose labels differ
 * (a re-save with the same labels would otherwise hide the change and its nudges), else the one
 * just before. Oldest first in, as sorted.
 */
function previousState(entries: readonly Entry[]): Entry | null {
  if (entries.length < 2) return null
  const latest = entries[entries.length - 1]!.digest.labels
  for (let i = entries.length - 2; i >= 0; i--) {
    const labels = entries[i]!.digest.labels
    for (const axis in latest) if (labels[axis as keyof typeof latest] !== latest[axis as keyof typeof latest]) return entries[i]!
  }
  return entries[entries.length - 2]!
}

export function buildRollup(files: readonly TeamFileRow[], options: RollupOptions): RollupRow[] {
  // Plain arrays per account: an account has a handful of snapshots, so a scan for a repeated
  // seal is cheaper than a map per account, and 5,000 accounts allocate little.
  const accounts = new Map<string, Entry[]>()
  for (const file of files) {
    const digest = file.digest
    if (file.status !== "ok" || !digest) continue
    const entries = accounts.get(digest.recordKey)
    if (!entries) {
      accounts.set(digest.recordKey, [file as Entry])
      continue
    }
    // The same snapshot shared twice (two files, one seal), or in its redacted and full copies
    // (one moment, two seals), is one point of the history: the full copy, first shared, stands.
    let same = -1
    for (let i = 0; i < entries.length; i++) if (entries[i]!.digest.hash === digest.hash || entries[i]!.digest.createdAt === digest.createdAt) same = i
    if (same < 0) entries.push(file as Entry)
    else if (standsOver(file as Entry, entries[same]!)) entries[same] = file as Entry
  }

  const rows: RollupRow[] = []
  for (const [accountKey, entries] of accounts) {
    sortByCreated(entries)
    const latest = entries[entries.length - 1]!
    const previous = previousState(entries)
    const nudges = nudgesFor(latest, previous, options)
    const history: RollupRow["history"] = new Array(entries.length)
    for (let i = 0; i < entries.length; i++) history[i] = { at: entries[i]!.digest.createdAt, labels: entries[i]!.digest.labels, sharedBy: entries[i]!.author?.name ?? null }
    rows.push({
      accountKey,
      crm: latest.crm,
      org: latest.org,
      name: nameOf(accountKey, entries),
      sharedBy: latest.author,
      latestAt: latest.digest.createdAt,
      labels: latest.digest.labels,
      riskScore: latest.digest.riskScore,
      previous: previous ? previous.digest.labels : null,
      changes: previous ? axisLabelChanges(previous.digest.labels, latest.digest.labels) : [],
      history,
      nudges,
      attention: attentionOf(nudges, latest.digest.labels.risk, lastChangeAt(entries))
    })
  }
  // Attention first, then name, then key.
  return sortByRank(rows, (row) => row.attention, "descending")
}

/** The latest name a snapshot gives; the record id when every snapshot left it blank. */
function nameOf(accountKey: string, oldestFirst: readonly Entry[]): string {
  for (let i = oldestFirst.length - 1; i >= 0; i--) {
    const name = oldestFirst[i]!.digest.accountName.trim()
    if (name) return name
  }
  return parseRecordKey(accountKey)?.id ?? accountKey
}

function nudgesFor(latest: Entry, previous: Entry | null, options: RollupOptions): Nudge[] {
  const nudges: Nudge[] = []
  if (previous) {
    const from = previous.digest.labels.risk
    const to = latest.digest.labels.risk
    const before = RISK_RANK[from]
    const after = RISK_RANK[to]
    if (before !== undefined && after !== undefined && after > before) {
      nudges.push({ kind: "risk-rose", from, to, reasons: latest.digest.riskReasons.map((reason) => reason.text) })
    }
    const dominanceFrom = previous.digest.labels.dominance
    if (dominanceFrom !== CUSTOMER_DOMINANCE && latest.digest.labels.dominance === CUSTOMER_DOMINANCE) {
      nudges.push({ kind: "dominance-to-customer", from: dominanceFrom, summary: latest.digest.dominanceSummary })
    }
  }
  const age = options.now - latest.digest.createdAt
  if (age > options.staleDays * DAY_MS) nudges.push({ kind: "stale", days: Math.floor(age / DAY_MS) })
  return nudges
}

/** When the labels last changed from one snapshot to the next (0: never). */
function lastChangeAt(oldestFirst: readonly Entry[]): number {
  for (let i = oldestFirst.length - 1; i > 0; i--) {
    const labels = oldestFirst[i]!.digest.labels
    const before = oldestFirst[i - 1]!.digest.labels
    for (const axis of AXES) if (labels[axis] !== before[axis]) return oldestFirst[i]!.digest.createdAt
  }
  return 0
}

function attentionOf(nudges: readonly Nudge[], risk: string, changedAt: number): number {
  const urgency = nudges.some((n) => n.kind !== "stale") ? URGENT_NUDGE : nudges.length > 0 ? STALE_NUDGE : 0
  const time = Math.min(Math.max(0, Math.floor(changedAt)), TIME_BAND - 1)
  return (urgency * RISK_BANDS + (RISK_RANK[risk] ?? 0)) * TIME_BAND + time
}

/** The rows the filters keep, in the order given. */
export function filterRollup(rows: readonly RollupRow[], filters: RollupFilters): RollupRow[] {
  const { owner, risk, dominance, changed } = filters
  return rows.filter(
    (row) =>
      (owner === undefined || row.sharedBy?.id === owner) &&
      (risk === undefined || row.labels.risk === risk) &&
      (dominance === undefined || row.labels.dominance === dominance) &&
      (!changed || row.changes.length > 0)
  )
}

/** Every rep who shared a latest snapshot, once, by name (the owner filter's choices). */
export function rollupOwners(rows: readonly RollupRow[]): { id: string; name: string }[] {
  const owners = new Map<string, { id: string; name: string }>()
  for (const row of rows) if (row.sharedBy && !owners.has(row.sharedBy.id)) owners.set(row.sharedBy.id, row.sharedBy)
  return [...owners.values()].sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}
