import { describe, expect, it } from "vitest"
import { ACCESS_CHECK_FAILED } from "../../src/crm/dynamics/api"
import { DEMO_ACCOUNTS, dynIds } from "../org"
import { DEMO_USERS } from "./data"
import { createDynamicsMockApi, pageHeaders } from "./mock-api"
import { parseFilter, matches } from "./odata-filter"

const API = "https://northwind.crm4.dynamics.com/api/data/v9.2"
const FV = 'odata.include-annotations="OData.Community.Display.V1.FormattedValue"'
const globex = DEMO_ACCOUNTS[0]!
const get = (mock: ReturnType<typeof createDynamicsMockApi>, path: string, prefer = FV) => {
  const res = mock.handle({ method: "GET", url: `${API}/${path}`, headers: pageHeaders(mock.host, "GET", { Prefer: prefer, Accept: "application/json" }) })
  return { ...res, json: res.body ? JSON.parse(res.body) : null }
}

describe("mock Dataverse Web API", () => {
  it("answers a retrieve with @odata.context, etag, selected columns, FormattedValue and _x_value lookups", () => {
    const mock = createDynamicsMockApi()
    const { status, headers, json } = get(mock, `accounts(${dynIds.account(globex)})?$select=name,revenue,_ownerid_value`)
    expect(status).toBe(200)
    expect(headers["OData-Version"]).toBe("4.0")
    expect(json).toEqual({
      "@odata.context": `${API}/$metadata#accounts(name,revenue,_ownerid_value)/$entity`,
      "@odata.etag": expect.stringMatching(/^W\/"\d+"$/),
      accountid: dynIds.account(globex),
      name: "Globex Manufacturing",
      revenue: 412_000_000,
      "revenue@OData.Community.Display.V1.FormattedValue": "$412,000,000.00",
      _ownerid_value: expect.stringMatching(/^[0-9a-f-]{36}$/),
      "_ownerid_value@OData.Community.Display.V1.FormattedValue": "Rosa Diaz"
    })
  })

  it("adds only the annotations the Prefer header asks for", () => {
    const mock = createDynamicsMockApi()
    const id = dynIds.account(globex)
    expect(Object.keys(get(mock, `accounts(${id})?$select=_ownerid_value`, "").json).some((k) => k.includes("@OData.Community"))).toBe(false)
    const all = get(mock, `accounts(${id})?$select=_ownerid_value`, 'odata.include-annotations="*"').json
    expect(all["_ownerid_value@Microsoft.Dynamics.CRM.lookuplogicalname"]).toBe("systemuser")
  })

  it("pages with maxpagesize, a $skiptoken paging cookie and Preference-Applied, until every row was served once", () => {
    const mock = createDynamicsMockApi()
    const filter = encodeURIComponent(`_regardingobjectid_value eq ${dynIds.account(globex)}`)
    let url: string | undefined = `${API}/emails?$select=subject,modifiedon&$filter=${filter}&$orderby=modifiedon asc`
    const seen: string[] = []
    let pages = 0
    while (url) {
      const res = mock.handle({ method: "GET", url, headers: pageHeaders(mock.host, "GET", { Prefer: `${FV},odata.maxpagesize=7` }) })
      const body = JSON.parse(res.body)
      expect(res.headers["Preference-Applied"]).toBe(`${FV},odata.maxpagesize=7`)
      expect(body["@odata.context"]).toBe(`${API}/$metadata#emails(subject,modifiedon)`)
      seen.push(...body.value.map((r: { activityid: string }) => r.activityid))
      url = body["@odata.nextLink"]
      if (url) expect(url).toMatch(/^https:\/\/northwind\.crm4\.dynamics\.com\/api\/data\/v9\.2\/emails\?\$select=.*&\$skiptoken=%3Ccookie%20pagenumber%3D%22\d+%22/)
      pages++
    }
    const emails = globex.activities.filter((a) => a.channel === "email").map(dynIds.activity)
    expect(seen.sort()).toEqual(emails.sort())
    expect(pages).toBe(Math.ceil(emails.length / 7))
    expect(mock.stats.calls).toBe(pages)
  })

  it("filters with and/or/parentheses and date-times, and orders by modifiedon", () => {
    const mock = createDynamicsMockApi()
    const a = dynIds.account(globex)
    const { json } = get(mock, `opportunities?$select=name,modifiedon&$filter=${encodeURIComponent(`(_parentaccountid_value eq ${a} or _customerid_value eq ${a}) and modifiedon gt 2020-01-01T00:00:00Z`)}&$orderby=modifiedon desc`)
    const names = json.value.map((r: { name: string }) => r.name)
    expect(names.sort()).toEqual(globex.deals.map((d) => d.name).sort())
    const times = json.value.map((r: { modifiedon: string }) => r.modifiedon)
    expect([...times].sort().reverse()).toEqual(times)
    expect(get(mock, `opportunities?$filter=${encodeURIComponent("modifiedon gt 2099-01-01T00:00:00Z")}`).json.value).toEqual([])
  })

  it("expands the currency of a money table", () => {
    const mock = createDynamicsMockApi()
    const { json } = get(mock, `quotes?$select=name&$expand=transactioncurrencyid($select=isocurrencycode)&$top=1`)
    expect(json.value[0].transactioncurrencyid).toMatchObject({ isocurrencycode: "USD" })
  })

  it("answers errors in Dataverse's shape", () => {
    const mock = createDynamicsMockApi()
    expect(get(mock, "accounts(00000000-0000-4000-8000-000000000999)")).toMatchObject({ status: 404, json: { error: { code: "0x80040217", message: expect.stringContaining("Does Not Exist") } } })
    expect(get(mock, "nosuchthings")).toMatchObject({ status: 404, json: { error: { code: "0x80060888" } } })
    expect(get(mock, "accounts?$select=nosuchcolumn")).toMatchObject({ status: 400, json: { error: { message: expect.stringContaining("nosuchcolumn") } } })
    expect(get(mock, `accounts?$filter=${encodeURIComponent("name contains 'x'")}`)).toMatchObject({ status: 400 })
  })

  it("injects 401, 403, 429 + Retry-After and network failures, a given number of times", async () => {
    const mock = createDynamicsMockApi()
    mock.inject({ status: 429, retryAfter: 4, match: "/contacts", times: 2 })
    mock.inject({ status: 401, match: /\/accounts\?/ })
    mock.inject({ status: 403, match: (url) => url.includes("/contracts") })
    mock.inject({ status: "network", match: "/tasks" })
    const throttled = get(mock, "contacts?$select=fullname")
    expect(throttled).toMatchObject({ status: 429, headers: { "Retry-After": "4" }, json: { error: { code: "0x80072322" } } })
    expect(get(mock, "contacts?$select=fullname").status).toBe(429)
    expect(get(mock, "contacts?$select=fullname").status).toBe(200)
    expect(get(mock, "accounts?$select=name")).toMatchObject({ status: 401, headers: { "WWW-Authenticate": expect.stringContaining("Bearer") } })
    expect(get(mock, "contracts?$select=title")).toMatchObject({ status: 403, json: { error: { code: "0x80072560" } } })
    await expect(mock.fetch(`${API}/tasks?$select=subject`)).rejects.toThrow("Failed to fetch")
    expect(mock.stats.calls).toBe(6)
  })

  it("serves a corrupted record and records touched changes with a new modifiedon", () => {
    const mock = createDynamicsMockApi()
    const id = dynIds.account(globex)
    mock.corrupt("accounts", id, { name: 42 })
    expect(get(mock, `accounts(${id})?$select=name`).json.name).toBe(42)
    const before = mock.clock.now()
    mock.touch("accounts", id, { revenue: 1 })
    expect(get(mock, `accounts(${id})?$select=revenue,modifiedon`).json).toMatchObject({ revenue: 1, modifiedon: new Date(before).toISOString().replace(".000Z", "Z") })
  })

  it("works as a fetch: a real Response with status, headers and JSON", async () => {
    const mock = createDynamicsMockApi()
    const res = await mock.fetch(`${API}/WhoAmI`)
    expect(res.status).toBe(200)
    expect(res.headers.get("content-type")).toContain("application/json")
    expect(await res.json()).toMatchObject({ UserId: expect.any(String) })
  })
})

describe("mock Dataverse: the signed-in user and what each user may read", () => {
  const [A, B, C] = DEMO_ACCOUNTS.slice(0, 3).map(dynIds.account) as [string, string, string]
  const { repA, repB, lead } = DEMO_USERS
  const post = (mock: ReturnType<typeof createDynamicsMockApi>, accountId: string) =>
    mock.handle({
      method: "POST",
      url: `${API}/annotations`,
      headers: pageHeaders(mock.host, "POST", { "Content-Type": "application/json" }),
      body: JSON.stringify({ subject: "S", filename: "f.json", mimetype: "application/json", documentbody: "e30=", "objectid_account@odata.bind": `/accounts(${accountId})` })
    })
  const noteIds = (mock: ReturnType<typeof createDynamicsMockApi>) =>
    get(mock, `annotations?$select=annotationid&$filter=${encodeURIComponent("isdocument eq true")}`).json.value.map((r: { annotationid: string }) => r.annotationid)

  it("answers WhoAmI as the acting user, the demo owner by default, and knows only the org's users", () => {
    const mock = createDynamicsMockApi()
    expect(get(mock, "WhoAmI").json.UserId).toBe(repA.id)
    mock.actAs(lead.id)
    expect(get(mock, "WhoAmI").json.UserId).toBe(lead.id)
    expect(mock.actingUser()).toBe(lead.id)
    expect(() => mock.actAs("00000010-0000-4000-8000-0000000000ff")).toThrow(/not in the mock/)
    expect(get(mock, "systemusers?$select=fullname").json.value.map((u: { fullname: string }) => u.fullname).sort()).toEqual(["Priya Natarajan", "Rosa Diaz", "Sam Okafor"])
  })

  it("writes a note's author and owner as the acting user, with FormattedValue names", () => {
    const mock = createDynamicsMockApi()
    mock.actAs(repB.id)
    expect(post(mock, A).status).toBe(204)
    const [note] = get(mock, `annotations?$select=annotationid,_createdby_value,_ownerid_value&$filter=${encodeURIComponent("isdocument eq true")}`).json.value
    expect(note).toMatchObject({
      _createdby_value: repB.id,
      "_createdby_value@OData.Community.Display.V1.FormattedValue": "Sam Okafor",
      _ownerid_value: repB.id,
      "_ownerid_value@OData.Community.Display.V1.FormattedValue": "Sam Okafor"
    })
    const seeded = mock.seedNote(lead.id, { accountId: B, subject: "Parley snapshot — B", filename: "parley-b.json", text: "{}" })
    expect(mock.tables.annotations!.find((r) => r.annotationid === seeded)).toMatchObject({ _createdby_value: lead.id, "_createdby_value@OData.Community.Display.V1.FormattedValue": "Priya Natarajan" })
    // Seeding as someone else leaves the signed-in user as it was.
    expect(mock.actingUser()).toBe(repB.id)
  })

  it("shows a user only the accounts granted, and their notes; a read of another's answers 403 with the access-check error", () => {
    const mock = createDynamicsMockApi({ accountAccess: { [lead.id]: [A, B] } })
    const onA = mock.seedNote(repA.id, { accountId: A, subject: "Parley snapshot — A", filename: "parley-a.json", text: "{}" })
    const onC = mock.seedNote(repA.id, { accountId: C, subject: "Parley snapshot — C", filename: "parley-c.json", text: "{}" })
    expect(noteIds(mock)).toEqual([onA, onC])

    mock.actAs(lead.id)
    expect(get(mock, "accounts?$select=name").json.value.map((r: { accountid: string }) => r.accountid).sort()).toEqual([A, B].sort())
    expect(noteIds(mock)).toEqual([onA])
    // The demo's own timeline notes on C are hidden from the lead too.
    const timeline = get(mock, `annotations?$select=annotationid&$filter=${encodeURIComponent(`_objectid_value eq ${C}`)}`).json.value
    expect(timeline).toEqual([])
    expect(mock.mayRead("annotations", onC, lead.id)).toBe(false)
    for (const path of [`annotations(${onC})?$select=subject`, `accounts(${C})?$select=name`]) {
      const denied = get(mock, path)
      expect(denied.status).toBe(403)
      expect(denied.json.error).toEqual({ code: ACCESS_CHECK_FAILED, message: expect.stringMatching(new RegExp(`^Principal with ID ${lead.id} does not have ReadAccess right\\(s\\) for record with ID ${path.slice(path.indexOf("(") + 1, path.indexOf(")"))}`)) })
    }
    expect(get(mock, `annotations(${onA})?$select=subject`).status).toBe(200)

    // Access granted later shows the account's notes at once: they follow their account.
    mock.setAccountAccess(lead.id, "all")
    expect(noteIds(mock)).toEqual([onA, onC])
  })

  it("refuses a note on an account the user may not read, writing nothing; the note's owner still reads it", () => {
    const mock = createDynamicsMockApi({ accountAccess: { [repB.id]: [B] } })
    mock.actAs(repB.id)
    const refused = post(mock, A)
    expect(refused.status).toBe(403)
    expect(JSON.parse(refused.body).error.code).toBe(ACCESS_CHECK_FAILED)
    expect(mock.notes.attachments()).toEqual([])
    expect(() => mock.seedNote(repB.id, { accountId: A, subject: "s", filename: "f.json", text: "{}" })).toThrow(/AppendToAccess/)
    // Owned by rep B, on an account rep B can no longer read: the owner keeps reading it.
    mock.setAccountAccess(repB.id, "all")
    const own = mock.seedNote(repB.id, { accountId: A, subject: "s", filename: "f.json", text: "{}" })
    mock.setAccountAccess(repB.id, [B])
    expect(noteIds(mock)).toEqual([own])
  })

  it("pages a two-key $orderby with maxpagesize and nextLinks, each row once, in order", () => {
    const mock = createDynamicsMockApi()
    const ids = Array.from({ length: 5 }, (_, i) => mock.seedNote(repA.id, { accountId: A, subject: `n${i}`, filename: `parley-${i}.json`, text: "{}" }))
    // Two notes share a modifiedon: the second key decides between them.
    const stamp = String(mock.tables.annotations!.find((r) => r.annotationid === ids[4])!.modifiedon)
    Object.assign(mock.tables.annotations!.find((r) => r.annotationid === ids[1])!, { modifiedon: stamp })
    let url: string | undefined = `${API}/annotations?$select=annotationid,modifiedon&$filter=${encodeURIComponent("isdocument eq true")}&$orderby=${encodeURIComponent("modifiedon asc,annotationid desc")}`
    const seen: string[] = []
    while (url) {
      const body = JSON.parse(mock.handle({ method: "GET", url, headers: pageHeaders(mock.host, "GET", { Prefer: "odata.maxpagesize=2" }) }).body)
      seen.push(...body.value.map((r: { annotationid: string }) => r.annotationid))
      url = body["@odata.nextLink"]
    }
    expect(seen).toEqual([ids[0], ids[2], ids[3], ...[ids[1], ids[4]].sort().reverse()])
  })
})

describe("odata-filter", () => {
  it("evaluates startswith, endswith, contains and Dataverse's In / NotIn, without regard to case", () => {
    const row = { subject: "Parley snapshot — Globex (JSON)", id: "ABCDEF12-0000-4000-8000-000000000001", n: 3 }
    expect(matches(parseFilter("startswith(subject,'parley snapshot')"), row)).toBe(true)
    expect(matches(parseFilter("startswith(subject,'snapshot')"), row)).toBe(false)
    expect(matches(parseFilter("endswith(subject,'(JSON)') and contains(subject,'globex')"), row)).toBe(true)
    expect(matches(parseFilter("startswith(missing,'x')"), row)).toBe(false)
    const inFilter = (fn: string, values: string[]) => parseFilter(`Microsoft.Dynamics.CRM.${fn}(PropertyName='id',PropertyValues=[${values.map((v) => `'${v}'`).join(",")}])`)
    expect(matches(inFilter("In", ["x", "abcdef12-0000-4000-8000-000000000001"]), row)).toBe(true)
    expect(matches(inFilter("In", ["x"]), row)).toBe(false)
    expect(matches(inFilter("NotIn", ["x"]), row)).toBe(true)
    expect(matches(parseFilter("subject eq 'PARLEY SNAPSHOT — GLOBEX (JSON)'"), row)).toBe(true)
    expect(() => parseFilter("Microsoft.Dynamics.CRM.In(PropertyName='id',PropertyValues=['a'")).toThrow()
    expect(() => parseFilter("startswith(subject)")).toThrow()
  })

  it("evaluates comparisons, null checks, not, and GUIDs that start with letters or digits", () => {
    const row = { a: "abcdef12-0000-4000-8000-000000000001", n: 5, d: "2026-01-02T00:00:00Z", z: null }
    expect(matches(parseFilter("a eq ABCDEF12-0000-4000-8000-000000000001"), row)).toBe(true)
    expect(matches(parseFilter("n ge 5 and n lt 6"), row)).toBe(true)
    expect(matches(parseFilter("not (n eq 5) or z eq null"), row)).toBe(true)
    expect(matches(parseFilter("d gt 2026-01-01T23:59:59Z"), row)).toBe(true)
    expect(matches(parseFilter("d gt 2026-01-02T00:00:00Z"), row)).toBe(false)
    expect(() => parseFilter("n eq")).toThrow()
  })

  it("answers only requests from the org's own pages (as a content script sends them), 401 otherwise", () => {
    const mock = createDynamicsMockApi()
    const url = `${mock.baseUrl}/api/data/v9.2/WhoAmI`
    expect(mock.handle({ method: "GET", url, headers: pageHeaders(mock.host) }).status).toBe(200)
    // The extension's service worker: no Referer, or its own Origin on a write.
    expect(mock.handle({ method: "GET", url, headers: { accept: "*/*" } }).status).toBe(401)
    expect(mock.handle({ method: "POST", url: `${mock.baseUrl}/api/data/v9.2/annotations`, headers: { origin: "chrome-extension://abcdefghijklmnop", referer: `${mock.baseUrl}/main.aspx` }, body: "{}" }).status).toBe(401)
    // Another site's page, and a visible cross-site fetch.
    expect(mock.handle({ method: "GET", url, headers: { referer: "https://evil.example/" } }).status).toBe(401)
    expect(mock.handle({ method: "GET", url, headers: { ...pageHeaders(mock.host), "sec-fetch-site": "cross-site" } }).status).toBe(401)
    expect(mock.stats.refused).toBe(4)
  })
})
