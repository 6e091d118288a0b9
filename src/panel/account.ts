/**
 * Which account a CRM record belongs to: the panel briefs on accounts, but the rep may have an
 * opportunity, quote, case, contact or contract open. Resolution order (most trustworthy first):
 * 1. the record is an account;
 * 2. the synced canonical row (deal/quote/case/contact/contract) names its `accountKey`;
 * 3. a lookup field on the page (`AccountId`, `parentaccountid`, `customerid`, …) carries the
 *    related record's id → `crm:org:relatedId`.
 */
import type { ParleyDB } from "../model/db"
import type { Crm, FieldValue } from "../model/schema"
import { parseRecordKey, recordKey } from "../model/keys"
import { toId18 } from "../crm/salesforce/ids"

export interface RecordLike {
  key: string
  crm: Crm
  org: string
  objectType?: string
  fields?: Record<string, FieldValue>
}

export type AccountVia = "self" | "canonical" | "lookup"

export interface AccountResolution {
  accountKey: string
  via: AccountVia
  /** The lookup field's display value (the account name as the page shows it). */
  nameOnPage?: string
}

/**
 * Lookup fields that point at the account, by priority. Dynamics `customerid` may point at a
 * contact, so the account-only `parentaccountid` comes first; the async resolver also prefers a
 * candidate Parley already knows as an account.
 */
export const ACCOUNT_LOOKUP_FIELDS = [
  "AccountId",
  "parentaccountid",
  "accountid",
  "customerid",
  "parentcustomerid",
  "Account",
  "ParentId"
] as const

const DYNAMICS_GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i

export function isAccountObject(objectType: string | undefined): boolean {
  return typeof objectType === "string" && /^account$/i.test(objectType)
}

/** The object type named in a record URL (Lightning `/lightning/r/<Object>/`, Dynamics `etn=`). */
export function objectTypeFromUrl(url: string): string | undefined {
  const lightning = /\/lightning\/r\/([A-Za-z0-9_]+)\//.exec(url)
  if (lightning) return lightning[1]
  const etn = /[?&]etn=([a-z0-9_]+)/i.exec(url)
  return etn ? etn[1]!.toLowerCase() : undefined
}

/** A related id in the form record keys use, or null when it is not a plausible CRM id. */
export function normaliseRelatedId(crm: Crm, raw: string | undefined): string | null {
  if (!raw) return null
  const value = raw.trim()
  if (crm === "salesforce") return toId18(value)
  const guid = DYNAMICS_GUID.exec(value)
  return guid ? guid[1]!.toLowerCase() : null
}

/** Account candidates from the record's lookup fields, in priority order, without duplicates. */
export function lookupCandidates(record: RecordLike): { accountKey: string; nameOnPage?: string }[] {
  const fields = record.fields ?? {}
  const byLowerName = new Map(Object.keys(fields).map((name) => [name.toLowerCase(), name]))
  const seen = new Set<string>()
  const out: { accountKey: string; nameOnPage?: string }[] = []
  for (const wanted of ACCOUNT_LOOKUP_FIELDS) {
    const name = byLowerName.get(wanted.toLowerCase())
    const field = name === undefined ? undefined : fields[name]
    const id = normaliseRelatedId(record.crm, field?.relatedId)
    if (!field || !id) continue
    const accountKey = recordKey(record.crm, record.org, id)
    if (seen.has(accountKey) || accountKey === record.key) continue
    seen.add(accountKey)
    out.push(field.value.trim() ? { accountKey, nameOnPage: field.value.trim() } : { accountKey })
  }
  return out
}

/**
 * Pure resolution. `canonicalAccountKey` is what the synced deal/quote/case/contact/contract row
 * says; `knownAccounts` (optional) lets a lookup that points at a known account win over one that
 * does not (a Dynamics `customerid` naming a contact).
 */
export function resolveAccountKey(
  record: RecordLike,
  canonicalAccountKey?: string | null,
  knownAccounts?: ReadonlySet<string>
): AccountResolution | null {
  if (isAccountObject(record.objectType)) return { accountKey: record.key, via: "self" }
  if (canonicalAccountKey && parseRecordKey(canonicalAccountKey)) return { accountKey: canonicalAccountKey, via: "canonical" }
  const candidates = lookupCandidates(record)
  const best = (knownAccounts && candidates.find((c) => knownAccounts.has(c.accountKey))) ?? candidates[0]
  return best ? { ...best, via: "lookup" } : null
}

/** Reads what the pure resolution needs from the database (inside the caller's live query). */
export async function resolveAccount(db: ParleyDB, record: RecordLike): Promise<AccountResolution | null> {
  if (isAccountObject(record.objectType)) return { accountKey: record.key, via: "self" }
  const rows = await Promise.all([
    db.deals.get(record.key),
    db.quotes.get(record.key),
    db.cases.get(record.key),
    db.contacts.get(record.key),
    db.contracts.get(record.key)
  ])
  const canonical = rows.find((row) => row?.accountKey)?.accountKey
  if (canonical) return resolveAccountKey(record, canonical)
  const candidates = lookupCandidates(record)
  if (candidates.length === 0) return null
  const known = await db.accounts.bulkGet(candidates.map((c) => c.accountKey))
  return resolveAccountKey(record, null, new Set(known.flatMap((a) => (a ? [a.key] : []))))
}
