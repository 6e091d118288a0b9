/**
 * Two Salesforce orgs with the same My Domain label in different clouds (acme on force.com and
 * acme on force.mil) are two orgs: observations through the real router, syncs against each
 * cloud's API host, and share reads keep their data apart.
 */
import { describe, expect, it } from "vitest"
import { DEMO_ACCOUNTS, sfIds } from "../../demo/org"
import { createMockSalesforceApi, mockFetch } from "../../demo/salesforce/mock-api"
import { orgFromHost } from "../crm/salesforce/hosts"
import { openDatabase } from "../model/db"
import { recordKey } from "../model/keys"
import type { PageObservation } from "../messaging/messages"
import { verifyObservation } from "./handlers/verify-observation"
import { handleObservation } from "./handlers/observe"
import { createRouter } from "./router"
import type { CookieReader } from "../crm/contract"
import { listCrmSnapshots } from "./share"
import { syncAndClassify, type SyncEnvironment } from "./sync"

const EXT = "abcdefghijklmnopabcdefghijklmnop"
const ORIGIN = `chrome-extension://${EXT}/`
const globex = DEMO_ACCOUNTS[0]!
const ID = sfIds.account(globex)
const NOW = Date.UTC(2026, 10, 20, 9)

const CLOUDS = {
  commercial: { ui: "acme.lightning.force.com", api: "acme.my.salesforce.com", orgId: "00D5g000004AaAa", tab: 11 },
  government: { ui: "acme.lightning.force.mil", api: "acme.my.salesforce.mil", orgId: "00D8z000001BbBb", tab: 12 }
} as const

function setup() {
  const apis = {
    commercial: createMockSalesforceApi({ sessionId: `${CLOUDS.commercial.orgId}!com-api` }),
    government: createMockSalesforceApi({ sessionId: `${CLOUDS.government.orgId}!mil-api`, corrupt: { [ID]: { Name: "Globex Defense Systems" } } })
  }
  const hosts: string[] = []
  const fetches = { commercial: mockFetch(apis.commercial).fetch, government: mockFetch(apis.government).fetch }
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const host = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url).hostname
    hosts.push(host)
    if (host === CLOUDS.commercial.api) return fetches.commercial(input, init)
    if (host === CLOUDS.government.api) return fetches.government(input, init)
    throw new TypeError("Failed to fetch")
  }) as typeof fetch
  const jar = [
    { domain: CLOUDS.commercial.ui, value: `${CLOUDS.commercial.orgId}!ui` },
    { domain: CLOUDS.commercial.api, value: `${CLOUDS.commercial.orgId}!com-api` },
    { domain: CLOUDS.government.ui, value: `${CLOUDS.government.orgId}!ui` },
    { domain: CLOUDS.government.api, value: `${CLOUDS.government.orgId}!mil-api` }
  ]
  const cookies: CookieReader = {
    get: async ({ url }) => jar.find((c) => c.domain === new URL(url).hostname) ?? null,
    getAll: async ({ domain }) => jar.filter((c) => c.domain.endsWith(`.${domain}`))
  }
  const db = openDatabase(`sf-clouds-${Math.random()}`)
  const env: SyncEnvironment = { db, fetch: fetchImpl, cookies, now: () => NOW }
  const route = createRouter({
    extensionId: EXT,
    extensionOrigin: ORIGIN,
    onContent: async (message, sender) => {
      const refused = verifyObservation(message.page, sender.url, () => false)
      if (refused) return { ok: false, error: `rejected: ${refused}` }
      const reply = await handleObservation(db, message.page, message.focused, sender.tab?.id, NOW)
      if (reply.ok && message.page.record) await syncAndClassify(env, message.page, { tabId: sender.tab?.id })
      return reply
    },
    onPanel: async () => ({ ok: true })
  })
  const observe = (cloud: keyof typeof CLOUDS, org = orgFromHost(CLOUDS[cloud].ui)!) => {
    const url = `https://${CLOUDS[cloud].ui}/lightning/r/Account/${ID}/view`
    const page: PageObservation = { crm: "salesforce", host: CLOUDS[cloud].ui, org, url, record: { objectType: "Account", id: ID, name: globex.name, fields: {} } }
    return route({ type: "observe", focused: true, page }, { id: EXT, url, tab: { id: CLOUDS[cloud].tab } })
  }
  return { apis, hosts, db, env, observe }
}

describe("the same org name in two Salesforce clouds", () => {
  it("keeps separate data, each synced from its own cloud's API host", async () => {
    const { apis, hosts, db, observe } = setup()
    expect(await observe("commercial")).toMatchObject({ ok: true })
    expect(await observe("government")).toMatchObject({ ok: true })
    const com = recordKey("salesforce", "acme", ID)
    const mil = recordKey("salesforce", "acme.mil", ID)
    expect(await db.accounts.get(com)).toMatchObject({ org: "acme", name: globex.name })
    expect(await db.accounts.get(mil)).toMatchObject({ org: "acme.mil", name: "Globex Defense Systems" })
    expect((await db.orgs.toArray()).map((o) => [o.org, o.host]).sort()).toEqual([
      ["acme", CLOUDS.commercial.ui],
      ["acme.mil", CLOUDS.government.ui]
    ])
    const comCount = await db.interactions.where("[accountKey+at]").between([com, -Infinity], [com, Infinity]).count()
    const milCount = await db.interactions.where("[accountKey+at]").between([mil, -Infinity], [mil, Infinity]).count()
    expect(comCount).toBeGreaterThan(0)
    expect(milCount).toBe(comCount)
    expect(apis.commercial.callCount).toBeGreaterThan(0)
    expect(apis.government.callCount).toBeGreaterThan(0)
    expect(new Set(hosts)).toEqual(new Set([CLOUDS.commercial.api, CLOUDS.government.api]))
  })

  it("refuses a page that claims the commercial org from the government host", async () => {
    const { db, observe } = setup()
    expect(await observe("government", "acme")).toMatchObject({ ok: false, error: expect.stringMatching(/org does not match/) })
    expect(await db.pageRecords.count()).toBe(0)
  })

  it("reads shared snapshots from the org's own cloud", async () => {
    const { hosts, env, observe } = setup()
    await observe("government")
    hosts.length = 0
    const reply = await listCrmSnapshots(env, recordKey("salesforce", "acme.mil", ID))
    expect(reply).toMatchObject({ ok: true })
    expect(hosts.length).toBeGreaterThan(0)
    expect(new Set(hosts)).toEqual(new Set([CLOUDS.government.api]))
  })
})
