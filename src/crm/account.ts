/**
 * Which account a CRM record belongs to: the one answer the background (which account to sync)
 * and the panel (which account to brief on) both use. The rep may have an opportunity, quote,
 * case, contact or contract open. Resolution order, most trustworthy first:
 * 1. the record is an account;
 * 2. the synced canonical row (deal/quote/case/contact/contract) names its `accountKey`;
 * 3. a lookup field on the page names the account (each connector's `accountOf` says which
 *    fields and which ids count); among those, one Parley already knows as an account wins.
 * Pure: the database read is in `resolve-account.ts`.
 */
import { parseRecordKey, recordKey } from "../model/keys"
import type { Crm } from "../model/schema"
import type { RecordLike } from "./contract"
import { rulesFor } from "./rules-registry"

export type { RecordLike } from "./contract"

export type AccountVia = "self" | "canonical" | "lookup"

export interface AccountResolution {
  accountKey: string
  via: AccountVia
  /** The lookup field's display value (the account name as the page shows it). */
  nameOnPage?: string
}

export function isAccountObject(objectType: string | undefined): boolean {
  return typeof objectType === "string" && /^account$/i.test(objectType)
}

/** The object type a record URL names (the page connector's parse). */
export function objectTypeFromUrl(crm: Crm, url: string): string | undefined {
  return rulesFor(crm).parseUrl(url)?.objectType || undefined
}

/** Account candidates from the record's lookup fields, in priority order, without duplicates. */
export function lookupCandidates(record: RecordLike): { accountKey: string; nameOnPage?: string }[] {
  const seen = new Set<string>()
  const out: { accountKey: string; nameOnPage?: string }[] = []
  for (const candidate of rulesFor(record.crm).accountOf(record)) {
    const accountKey = recordKey(record.crm, record.org, candidate.id)
    if (seen.has(accountKey) || accountKey === record.key) continue
    seen.add(accountKey)
    out.push(candidate.nameOnPage ? { accountKey, nameOnPage: candidate.nameOnPage } : { accountKey })
  }
  return out
}

/**
 * `canonicalAccountKey` is what the synced deal/quote/case/contact/contract row says;
 * `knownAccounts` (optional) lets a lookup that points at a known account win over one that
 * does not (a Dynamics `customerid` naming a contact).
 */
export function resolveAccountKey(record: RecordLike, canonicalAccountKey?: string | null, knownAccounts?: ReadonlySet<string>): AccountResolution | null {
  if (isAccountObject(record.objectType)) return { accountKey: record.key, via: "self" }
  const canonical = canonicalAccountKey ? parseRecordKey(canonicalAccountKey) : null
  // A row of another org or CRM never names this record's account.
  if (canonical && canonical.crm === record.crm && canonical.org === record.org) return { accountKey: canonicalAccountKey!, via: "canonical" }
  const candidates = lookupCandidates(record)
  const best = (knownAccounts && candidates.find((c) => knownAccounts.has(c.accountKey))) ?? candidates[0]
  return best ? { ...best, via: "lookup" } : null
}
