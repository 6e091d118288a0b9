/**
 * A content script reports the record in view. Upsert it (deterministic key), make it the panel's
 * focus when its tab has focus, and seed a minimal account row for DOM-only orgs. Page records are
 * kept within per-tab and per-org storage budgets (src/model/store.ts putPageRecord).
 */
import { isAccountObject } from "../../crm/account"
import type { ParleyDB } from "../../model/db"
import { orgKey, recordKey } from "../../model/keys"
import type { PageRecord } from "../../model/schema"
import { clearStorageFull, guardQuota, putPageRecord } from "../../model/store"
import type { PageObservation, Reply } from "../../messaging/messages"
import { FOCUS_KEY, type Focus } from "../state"

export async function handleObservation(
  db: ParleyDB,
  page: PageObservation,
  focused: boolean,
  tabId: number | undefined,
  now: number
): Promise<Reply<{ recordKey: string | null }>> {
  const key = page.record ? recordKey(page.crm, page.org, page.record.id) : null
  // One transaction: a quota refusal leaves no part of the observation (guardQuota says "storage full").
  await guardQuota(() => db.transaction("rw", [db.pageRecords, db.pageSizes, db.orgs, db.meta, db.accounts], async () => {
    const existingOrg = await db.orgs.get(orgKey(page.crm, page.org))
    await db.orgs.put({ ...existingOrg, key: orgKey(page.crm, page.org), crm: page.crm, org: page.org, host: page.host, seenAt: now })
    if (page.record && key) {
      const row: PageRecord = {
        key,
        crm: page.crm,
        org: page.org,
        id: page.record.id,
        objectType: page.record.objectType,
        name: page.record.name,
        url: page.url,
        fields: Object.fromEntries(Object.entries(page.record.fields).map(([k, f]) => [k, { label: f.label, value: f.value, ...(f.relatedId ? { relatedId: f.relatedId } : {}) }])),
        seenAt: now
      }
      // Within the tab's and the org's budgets (plasmo.config.ts): older page records go first.
      await putPageRecord(db, row, tabId)
      if (isAccountObject(page.record.objectType) && page.record.name && !(await db.accounts.get(key))) {
        // API sync overwrites this with the full record; until then the page is all we know.
        await db.accounts.put({ key, crm: page.crm, org: page.org, id: page.record.id, name: page.record.name, seenAt: now })
      }
    }
    if (focused) {
      const focus: Focus = { tabId, crm: page.crm, org: page.org, host: page.host, url: page.url, recordKey: key, at: now }
      await db.meta.put({ key: FOCUS_KEY, value: focus })
    }
    await clearStorageFull(db)
  }))
  return { ok: true, data: { recordKey: key } }
}
