/**
 * What the export menu reads from IndexedDB (main bundle, so there is one Dexie connection; the
 * lazily loaded export code receives the data): the account's name, its stored snapshots, and a
 * page reader over all accounts for the team CSV.
 */
import Dexie from "dexie"
import { useLiveQuery } from "dexie-react-hooks"
import { db } from "../../model/db"
import type { Snapshot } from "../../model/schema"
import type { TeamPageReader } from "../../snapshots/team-csv"

export function useAccountName(accountKey: string | null): string | null | undefined {
  return useLiveQuery(async () => (accountKey ? ((await db().accounts.get(accountKey))?.name ?? null) : null), [accountKey])
}

/** The account's stored snapshots, newest first (unvalidated rows; the compare view checks them). */
export function useStoredSnapshots(accountKey: string | null): Snapshot[] | undefined {
  return useLiveQuery(
    async () =>
      accountKey
        ? (await db().snapshots.where("[recordKey+createdAt]").between([accountKey, Dexie.minKey], [accountKey, Dexie.maxKey]).toArray()).reverse()
        : [],
    [accountKey]
  )
}

/**
 * Accounts in key order, a page at a time, with their stored profile and latest activity. Each
 * page is a few small IndexedDB reads, so the panel stays responsive between pages.
 */
export const readTeamPage: TeamPageReader = async (after, limit) => {
  const accounts = await (after === null ? db().accounts.orderBy(":id") : db().accounts.where(":id").above(after)).limit(limit).toArray()
  const keys = accounts.map((a) => a.key)
  const [profiles, latest] = await Promise.all([
    db().profiles.bulkGet(keys),
    Promise.all(keys.map((key) => db().interactions.where("[accountKey+at]").between([key, Dexie.minKey], [key, Dexie.maxKey]).lastKey()))
  ])
  return accounts.map((account, i) => {
    const last = latest[i] as [string, number] | undefined
    return {
      account: { key: account.key, name: account.name, ...(account.ownerName ? { ownerName: account.ownerName } : {}) },
      profile: profiles[i]?.profile ?? null,
      lastActivity: Array.isArray(last) && typeof last[1] === "number" ? last[1] : null
    }
  })
}
