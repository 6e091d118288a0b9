/**
 * The pure rules per CRM (accounts, links, API roots), chosen by CRM: what the panel imports.
 * Apart from registry.ts so that the panel's bundle carries no sync, share or session code.
 */
import type { Crm } from "../model/schema"
import type { CrmRules } from "./contract"
import { dynamicsRules } from "./dynamics/rules"
import { salesforceRules } from "./salesforce/rules"

export const crmRules: Readonly<Record<Crm, CrmRules>> = {
  salesforce: salesforceRules,
  dynamics: dynamicsRules
}

export function rulesFor(crm: Crm): CrmRules {
  return crmRules[crm]
}
