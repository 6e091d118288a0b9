/**
 * Salesforce's pure rules (src/crm/contract.ts `CrmRules`): which account a record names, the
 * address of a record, the record a URL opens. No sync code: the panel imports these through the registry.
 */
import { CRM_OBJECTS } from "../../model/crm-objects"
import type { AccountCandidate, CrmRules, RecordLike } from "../contract"
import { isSalesforceHost } from "./hosts"
import { objectTypeFromId, toId18 } from "./ids"
import { parseSalesforceUrl } from "./url"

/** Lookups that can name the account, most specific first. Only an id with the Account key
 * prefix (`001`) counts: `ParentId` on a Case is the parent case, on a Note the record. */
const ACCOUNT_LOOKUPS = ["AccountId", "Account", "ParentId"]

const OBJECT = /^[A-Za-z][A-Za-z0-9_]{0,79}$/
const ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/

function fieldNamed(record: RecordLike, wanted: string) {
  const fields = record.fields ?? {}
  const name = Object.keys(fields).find((n) => n.toLowerCase() === wanted.toLowerCase())
  return name === undefined ? undefined : fields[name]
}

export const salesforceRules: CrmRules = {
  crm: "salesforce",
  label: "Salesforce",

  parseUrl: parseSalesforceUrl,

  objectFor: (recordType) => (CRM_OBJECTS as Readonly<Record<string, { salesforce: string }>>)[recordType]?.salesforce,

  accountOf(record: RecordLike): AccountCandidate[] {
    const out: AccountCandidate[] = []
    for (const wanted of ACCOUNT_LOOKUPS) {
      const field = fieldNamed(record, wanted)
      const id = field?.relatedId ? toId18(field.relatedId.trim()) : null
      if (!field || !id || objectTypeFromId(id) !== "Account" || out.some((c) => c.id === id)) continue
      const name = field.value.trim()
      out.push(name ? { id, nameOnPage: name } : { id })
    }
    return out
  },

  recordUrl(org, object, id) {
    if (!OBJECT.test(object) || !ID.test(id) || !isSalesforceHost(org.host.replace(/:443$/, ""))) return null
    return `https://${org.host}/lightning/r/${object}/${id}/view`
  }
}

