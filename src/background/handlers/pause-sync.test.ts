import { describe, expect, it } from "vitest"
import { openDatabase } from "../../model/db"
import { syncPausedKey } from "../../model/sync-status"
import type { HandlerContext } from "./context"
import { handlePanelMessage } from "./panel-messages"

describe("pause-sync", () => {
  it("flags the account of the record in view, and answers not-found for a record Parley has not seen", async () => {
    const db = openDatabase(`pause-${Math.random()}`)
    const ctx = { db, env: { db } as unknown as HandlerContext["env"], now: () => 1 } satisfies HandlerContext
    await db.orgs.put({ key: "salesforce:northwind", crm: "salesforce", org: "northwind", host: "northwind.lightning.force.com", seenAt: 1 })
    const opp = "006000000000001AAA"
    await db.pageRecords.put({
      key: `salesforce:northwind:${opp}`,
      crm: "salesforce",
      org: "northwind",
      id: opp,
      objectType: "Opportunity",
      url: `https://northwind.lightning.force.com/lightning/r/Opportunity/${opp}/view`,
      fields: { AccountId: { label: "Account Name", value: "Globex", relatedId: "001000000000002AAA" } },
      seenAt: 1
    })
    expect(await handlePanelMessage({ type: "pause-sync", recordKey: `salesforce:northwind:${opp}` }, ctx)).toEqual({ ok: true })
    expect((await db.meta.get(syncPausedKey("salesforce:northwind:001000000000002AAA")))?.value).toBe(true)
    expect(await handlePanelMessage({ type: "pause-sync", recordKey: "salesforce:northwind:006000000000009AAA" }, ctx)).toMatchObject({ ok: false, code: "not-found" })
  })
})
