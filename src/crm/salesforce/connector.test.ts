import { describe, expect, it } from "vitest"
import { createMockSalesforceApi, mockFetch } from "../../../demo/salesforce/mock-api"
import { DEMO_SALESFORCE } from "../../../demo/salesforce/records"
import { DEMO_ACCOUNTS, sfIds } from "../../../demo/org"
import { openDatabase } from "../../model/db"
import { DEFAULT_SETTINGS } from "../../model/settings"
import { utf8ToBase64 } from "../../snapshots/bytes"
import type { ApiEnvironment, CookieReader, OrgLocation } from "../contract"
import { salesforceConnector } from "./connector"

const ACCOUNT = sfIds.account(DEMO_ACCOUNTS[0]!)
const ORG: OrgLocation = { crm: "salesforce", org: DEMO_SALESFORCE.org, host: DEMO_SALESFORCE.uiHost }
const STALE = `${DEMO_SALESFORCE.orgId}!StaleFromBeforeTheMyDomainChange`
const snapshot = JSON.stringify({ version: 1, hash: "ab", payload: { kind: "account-briefing" } })
const FILES = [{ kind: "json" as const, filename: "parley-globex-2026-11-20-en.json", title: "Parley snapshot — Globex (JSON)", mimeType: "application/json" as const, base64: utf8ToBase64(snapshot) }]

function jar(cookies: { domain: string; value: string }[]): CookieReader {
  return {
    get: async ({ url }) => cookies.find((c) => new URL(url).hostname === c.domain.replace(/^\./, "")) ?? null,
    getAll: async ({ domain }) => cookies.filter((c) => c.domain.replace(/^\./, "").endsWith(domain))
  }
}

/** The browser keeps a stale `sid` (tried first: it sits on the tab's own API host) beside the valid one. */
function setup() {
  const api = createMockSalesforceApi()
  const cookies = jar([
    { domain: DEMO_SALESFORCE.uiHost, value: `${DEMO_SALESFORCE.orgId}!ui-only` },
    { domain: DEMO_SALESFORCE.apiHost, value: STALE },
    { domain: `${DEMO_SALESFORCE.org}--enhanced.my.salesforce.com`, value: DEMO_SALESFORCE.sessionId }
  ])
  const env: ApiEnvironment = {
    db: openDatabase(`sf-connector-${Math.random()}`),
    fetch: mockFetch(api).fetch,
    cookies,
    now: () => Date.UTC(2026, 10, 20, 12),
    settings: DEFAULT_SETTINGS,
    sleep: async () => undefined
  }
  return { api, env }
}

describe("Salesforce connector sessions", () => {
  it("shares with the second session when the first cookie is stale, as the sync does", async () => {
    const { api, env } = setup()
    const shared = await salesforceConnector.share(env, ORG, { accountId: ACCOUNT, files: FILES, note: "Relationship snapshot by Parley" })
    expect(shared).toHaveLength(1)
    expect(api.calls.map((c) => c.status)).toEqual([401, 200])
    expect([...api.files.files.values()].map((f) => f.record.FirstPublishLocationId)).toEqual([ACCOUNT])
  })

  it("lists snapshots with the second session when the first cookie is stale", async () => {
    const { env } = setup()
    await salesforceConnector.share(env, ORG, { accountId: ACCOUNT, files: FILES, note: "x" })
    const listed = await salesforceConnector.listSnapshots(env, ORG, ACCOUNT)
    expect(listed.map((f) => f.content)).toEqual([JSON.parse(snapshot)])
  })

  it("says the session expired when every candidate is refused", async () => {
    const { env } = setup()
    const onlyStale = { ...env, cookies: jar([{ domain: DEMO_SALESFORCE.uiHost, value: `${DEMO_SALESFORCE.orgId}!ui-only` }, { domain: DEMO_SALESFORCE.apiHost, value: STALE }]) }
    await expect(salesforceConnector.share(onlyStale, ORG, { accountId: ACCOUNT, files: FILES, note: "x" })).rejects.toMatchObject({ kind: "session-expired" })
  })
})
