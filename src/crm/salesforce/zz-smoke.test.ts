import { it, expect } from "vitest"
import { openDatabase } from "../../model/db"
import { createMockSalesforceApi, mockFetch } from "../../../demo/salesforce/mock-api"
import { buildSalesforceData, DEMO_SALESFORCE, generateActivities } from "../../../demo/salesforce/records"
import { DEMO_ACCOUNTS, DEMO_NOW, sfIds } from "../../../demo/org"
import { syncSalesforceAccount } from "./sync"
it("smoke", async () => {
  const acc = DEMO_ACCOUNTS[0]!
  const api = createMockSalesforceApi({ data: buildSalesforceData({ extra: generateActivities({ account: acc, count: 5000 }) }) })
  const { fetch, stats } = mockFetch(api, { delayMs: 1 })
  const db = openDatabase("smoke-" + Math.random())
  const deps = { fetch, db, now: () => DEMO_NOW, getSession: async () => ({ apiHost: DEMO_SALESFORCE.apiHost, sid: DEMO_SALESFORCE.sessionId }), sleep: async () => {} }
  const r = await syncSalesforceAccount(deps, { org: "northwind", accountId: sfIds.account(acc) })
  console.log(JSON.stringify({ ...r, diagnostics: { ...r.diagnostics, rejected: r.diagnostics.rejected.slice(0, 5) } }, null, 1))
  console.log(api.calls.map((c) => `${c.n} ${c.status} ${c.path} ${c.soql?.length ?? ""}`))
  console.log("maxInFlight", stats.maxInFlight)
  for (const t of ["accounts","contacts","interactions","deals","quotes","quoteLines","cases","contracts","cursors"]) console.log(t, await db.table(t).count())
  const r2 = await syncSalesforceAccount(deps, { org: "northwind", accountId: sfIds.account(acc) })
  console.log("second", r2.calls, r2.written, r2.status.state)
  console.log(api.calls.at(-1)?.soql)
  expect(1).toBe(1)
}, 60000)
