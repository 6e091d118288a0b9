/**
 * Links from evidence back to the CRM record: built by the connectors and checked in
 * src/crm/record-link.ts; the panel only renders them.
 */
export { buildRecordLink, type CrmLocation, type LinkTarget } from "../crm/record-link"
