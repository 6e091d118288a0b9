import { it } from "vitest"
import { openDatabase } from "../../model/db"
import { createDynamicsMockApi } from "../../../demo/dynamics/mock-api"
import { DEMO_ACCOUNTS, dynIds } from "../../../demo/org"
import { syncDynamicsAccount } from "./sync"
it("smoke", async () => {
  const mock = createDynamicsMockApi()
  const db = openDatabase("smoke-" + Math.random())
  const acct = DEMO_ACCOUNTS[1]!
  const r = await syncDynamicsAccount({ fetch: mock.fetch, baseUrl: mock.baseUrl, db, now: () => Date.UTC(2026, 10, 21), pageSize: 20 }, { org: "northwind.crm4", accountId: dynIds.account(acct) })
  console.log(JSON.stringify(r, null, 1).slice(0, 3000))
  for (const t of ["accounts","contacts","interactions","deals","quotes","quoteLines","cases","contracts","cursors"]) console.log(t, await db.table(t).count())
  console.log(await db.quotes.toArray().then(qs => qs.map(q => [q.name, q.revision, q.status, q.total])))
  console.log(await db.deals.toArray())
  console.log((await db.quoteLines.toArray())[0], (await db.interactions.toArray())[0], (await db.cases.toArray())[0])
  mock.resetStats()
  const r2 = await syncDynamicsAccount({ fetch: mock.fetch, baseUrl: mock.baseUrl, db, now: () => Date.UTC(2026, 10, 21), pageSize: 20 }, { org: "northwind.crm4", accountId: dynIds.account(acct) })
  console.log(r2.calls, r2.written, mock.stats.requests.map(r => decodeURIComponent(r.url)).slice(0, 3))
})
