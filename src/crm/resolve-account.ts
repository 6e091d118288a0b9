/** Reads what the pure account resolution (account.ts) needs from the local store. */
import type { ParleyDB } from "../model/db"
import { isAccountObject, lookupCandidates, resolveAccountKey, type AccountResolution, type RecordLike } from "./account"

/** Canonical tables whose rows carry `accountKey`. */
const OWNED_TABLES = ["deals", "quotes", "cases", "contacts", "contracts"] as const

export async function resolveAccount(db: ParleyDB, record: RecordLike): Promise<AccountResolution | null> {
  if (isAccountObject(record.objectType)) return resolveAccountKey(record)
  const rows = await Promise.all(OWNED_TABLES.map((t) => db.table(t).get(record.key) as Promise<{ accountKey?: string } | undefined>))
  const canonical = rows.find((row) => row?.accountKey)?.accountKey
  if (canonical) {
    const resolved = resolveAccountKey(record, canonical)
    if (resolved) return resolved
  }
  const candidates = lookupCandidates(record)
  if (candidates.length === 0) return null
  const known = await db.accounts.bulkGet(candidates.map((c) => c.accountKey))
  return resolveAccountKey(record, null, new Set(known.flatMap((a) => (a ? [a.key] : []))))
}
