/**
 * Keys of the team roll-up's stored rows (src/team/types.ts): built here only, so the refresh
 * that writes them and "forget this org" that deletes them agree, with org and file id encoded as
 * record keys encode them (an org `acme` never matches `acme:1`'s rows).
 */
import { orgKey, recordKey } from "../model/keys"
import type { Crm } from "../model/schema"

/** The cache row of one file: `team:<crm>:<org>:<fileId>`. */
export function teamFileKey(crm: Crm, org: string, fileId: string): string {
  return `team:${recordKey(crm, org, fileId)}`
}

/** The org's refresh state (`TeamRefreshState`) in `meta`: `team-refresh:<crm>:<org>`. */
export function teamRefreshKey(crm: Crm, org: string): string {
  return `team-refresh:${orgKey(crm, org)}`
}
