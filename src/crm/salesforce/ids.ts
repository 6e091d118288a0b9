/**
 * Salesforce record ids: 15 characters (case-sensitive) or 18 (case-insensitive, with a checksum).
 * Parley stores the 18-character form so the same record never gets two keys.
 */
const CHECKSUM_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"
const ID_PATTERN = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/

/** For each 5-character chunk, bit j is set when character j is upper case (Salesforce's rule). */
function checksum(id15: string): string {
  let suffix = ""
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0
    for (let j = 0; j < 5; j++) {
      const c = id15.charCodeAt(chunk * 5 + j)
      if (c >= 65 && c <= 90) bits |= 1 << j
    }
    suffix += CHECKSUM_ALPHABET[bits]
  }
  return suffix
}

export function isSalesforceId(value: string): boolean {
  return ID_PATTERN.test(value)
}

/** The 18-character form of a 15- or 18-character id, or null when it is not an id. */
export function toId18(id: string): string | null {
  if (!ID_PATTERN.test(id)) return null
  const id15 = id.slice(0, 15)
  const expected = id15 + checksum(id15)
  if (id.length === 18 && id.slice(15).toUpperCase() !== expected.slice(15)) return null
  return expected
}

/** Key prefixes of the standard objects Parley reads (the first three characters of an id). */
export const KEY_PREFIXES: Readonly<Record<string, string>> = {
  "001": "Account",
  "003": "Contact",
  "00Q": "Lead",
  "006": "Opportunity",
  "00k": "OpportunityLineItem",
  "0Q0": "Quote",
  "0QL": "QuoteLineItem",
  "500": "Case",
  "800": "Contract",
  "00T": "Task",
  "00U": "Event",
  "02s": "EmailMessage",
  "005": "User",
  "00D": "Organization"
}

export function objectTypeFromId(id: string): string | undefined {
  return KEY_PREFIXES[id.slice(0, 3)]
}
