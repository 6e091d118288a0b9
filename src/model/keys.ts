import type { Crm } from "./schema"

/** Deterministic record key `crm:org:id`: the same CRM record always lands on the same row. */
export function recordKey(crm: Crm, org: string, id: string): string {
  return `${crm}:${org}:${id}`
}

export function orgKey(crm: Crm, org: string): string {
  return `${crm}:${org}`
}

/** Cursor key per org, object and scope (the account a sync is about, or "*" for org-wide). */
export function cursorKey(crm: Crm, org: string, object: string, scope: string): string {
  return `${crm}:${org}:${object}:${scope}`
}

export function parseRecordKey(key: string): { crm: Crm; org: string; id: string } | null {
  const match = /^(salesforce|dynamics):([^:]+):([^:]+)$/.exec(key)
  return match ? { crm: match[1] as Crm, org: match[2]!, id: match[3]! } : null
}
