import type { Crm } from "./schema"

/**
 * One component of a key, with `%` and `:` percent-encoded so that `:` only ever separates
 * components: an on-premises org such as `crm.contoso.local:5555` cannot be read as another
 * org's key (`acme` and `acme:1` stay apart). Every org and id a connector derives today has
 * neither character, so their keys are unchanged (no stored key needs rewriting).
 */
export function keyPart(value: string): string {
  return value.replace(/[%:]/g, (c) => (c === "%" ? "%25" : "%3A"))
}

/**
 * A component as `keyPart` writes it: no raw `:`, and `%` only in `%25` or `%3A`; that is,
 * `(?:[^:%]|%25|%3A)+`, written unrolled (a run of plain characters between escapes) because
 * every record of a classification is validated against it and the alternation tries three
 * branches per character (measured ~20% slower). keys.test.ts holds the two forms equal.
 */
export const KEY_PART = "(?:[^:%]|%25|%3A)[^:%]*(?:%(?:25|3A)[^:%]*)*"
const PARSED_KEY = new RegExp(`^(salesforce|dynamics):(${KEY_PART}):(${KEY_PART})$`)

function fromKeyPart(part: string): string {
  return part.replace(/%(25|3A)/g, (_m, hex: string) => (hex === "25" ? "%" : ":"))
}

/** Deterministic record key `crm:org:id`: the same CRM record always lands on the same row. */
export function recordKey(crm: Crm, org: string, id: string): string {
  return `${crm}:${keyPart(org)}:${keyPart(id)}`
}

export function orgKey(crm: Crm, org: string): string {
  return `${crm}:${keyPart(org)}`
}

/** Cursor key per org, object and scope (the account a sync is about, or "*" for org-wide). */
export function cursorKey(crm: Crm, org: string, object: string, scope: string): string {
  return `${crm}:${keyPart(org)}:${keyPart(object)}:${keyPart(scope)}`
}

export function parseRecordKey(key: string): { crm: Crm; org: string; id: string } | null {
  const match = PARSED_KEY.exec(key)
  return match ? { crm: match[1] as Crm, org: fromKeyPart(match[2]!), id: fromKeyPart(match[3]!) } : null
}
