/**
 * The team view's rows: every account Parley knows, with the labels of its stored profile, and
 * the sort orders of each column. Pure: the Team tab reads Dexie, a benchmark passes rows in.
 */
import type { RelationshipProfile } from "../../analysis/profile"
import { sortByRank, type SortDirection } from "../../team/sort"
import { CRITERION_TEXT, DOMINANCE_TEXT, INITIATOR_TEXT, labelOrder, RISK_TEXT, TIER_TEXT, VALUE_ORIGIN_TEXT } from "../labels"

export interface TeamRow {
  accountKey: string
  name: string
  org: string
  /** Machine labels; null when the account has no profile yet. */
  dominance: string | null
  valueOrigin: string | null
  initiator: string | null
  criterion: string | null
  risk: string | null
  tier: string | null
  lastActivity: number | null
}

export const TEAM_COLUMNS = ["name", "dominance", "valueOrigin", "initiator", "criterion", "risk", "tier", "lastActivity"] as const
export type TeamColumn = (typeof TEAM_COLUMNS)[number]
export interface SortState {
  column: TeamColumn
  direction: SortDirection
}

/**
 * Label columns sort in the order the labels are declared (risk: at-risk before watch before
 * healthy; tier: top first), which is the order a lead scans for, not the alphabet.
 */
const LABEL_ORDERS: Partial<Record<TeamColumn, readonly string[]>> = {
  dominance: labelOrder(DOMINANCE_TEXT),
  valueOrigin: labelOrder(VALUE_ORIGIN_TEXT),
  initiator: labelOrder(INITIATOR_TEXT),
  criterion: labelOrder(CRITERION_TEXT),
  risk: labelOrder(RISK_TEXT),
  tier: labelOrder(TIER_TEXT)
}

/** The order the Team tab reads rows in (sorted once, off the render path). */
export const BY_NAME: SortState = { column: "name", direction: "ascending" }

export interface AccountLike {
  key: string
  name: string
  org: string
}

export interface ProfileRowLike {
  accountKey: string
  profile: unknown
}

/** A shallow shape check: 5,000 full zod parses would cost more than the table itself. */
function asProfile(value: unknown): Partial<RelationshipProfile> | null {
  return typeof value === "object" && value !== null ? (value as Partial<RelationshipProfile>) : null
}

export function buildTeamRows(
  accounts: readonly AccountLike[],
  profiles: readonly ProfileRowLike[],
  lastActivity: ReadonlyMap<string, number> = new Map()
): TeamRow[] {
  const byAccount = new Map(profiles.map((p) => [p.accountKey, asProfile(p.profile)]))
  return accounts.map((a) => {
    const p = byAccount.get(a.key) ?? null
    return {
      accountKey: a.key,
      name: a.name,
      org: a.org,
      dominance: p?.dominance?.label ?? null,
      valueOrigin: p?.valueOrigin?.label ?? null,
      initiator: p?.initiator?.label ?? null,
      criterion: p?.decisionCriteria?.label ?? null,
      risk: p?.risk?.label ?? null,
      tier: p?.valueTier?.label ?? null,
      lastActivity: lastActivity.get(a.key) ?? null
    }
  })
}

/** Rank of a cell; null sorts last in both directions (missing data is never "first"). */
function rank(row: TeamRow, column: TeamColumn): number | string | null {
  if (column === "name") return row.name.toLocaleLowerCase()
  if (column === "lastActivity") return row.lastActivity
  const value = row[column]
  if (value === null || value === "unknown") return null
  const order = LABEL_ORDERS[column]
  const i = order ? order.indexOf(value) : -1
  return i >= 0 ? i : value
}

/** A new sorted array (the input is untouched). */
export function sortRows(rows: readonly TeamRow[], sort: SortState): TeamRow[] {
  return sortByRank(rows, (row) => rank(row, sort.column), sort.direction)
}

/** Clicking a header: a new column sorts ascending (last activity: newest first); the same flips. */
export function nextSort(current: SortState, column: TeamColumn): SortState {
  if (current.column === column) return { column, direction: current.direction === "ascending" ? "descending" : "ascending" }
  return { column, direction: column === "lastActivity" ? "descending" : "ascending" }
}

/** Latest interaction time per account from `[accountKey+at]` index keys (one index scan). */
export function latestByAccount(keys: readonly unknown[]): Map<string, number> {
  const out = new Map<string, number>()
  for (const k of keys) {
    if (!Array.isArray(k)) continue
    const [account, at] = k as [unknown, unknown]
    if (typeof account !== "string" || typeof at !== "number") continue
    const prev = out.get(account)
    if (prev === undefined || at > prev) out.set(account, at)
  }
  return out
}
