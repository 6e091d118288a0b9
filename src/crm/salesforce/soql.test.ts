import { describe, expect, it } from "vitest"
import { parseSoql, type SoqlQuery } from "../../../demo/salesforce/soql"
import { buildAccountQuery, buildActivityQuery, optionalPartInError, soqlDateTime, soqlString } from "./soql"

const ACCOUNT = "001000000000001AAA"

function relationships(query: SoqlQuery): number {
  return query.subqueries.reduce((n, sub) => n + 1 + relationships(sub), 0)
}
function depth(query: SoqlQuery): number {
  return 1 + Math.max(0, ...query.subqueries.map(depth))
}

describe("buildAccountQuery", () => {
  const initial = buildAccountQuery(ACCOUNT, { watermarks: {}, disabled: new Set() })
  it("is one valid SOQL statement within Salesforce's relationship limits", () => {
    const query = parseSoql(initial)
    expect(query.from).toBe("Account")
    expect(relationships(query)).toBeLessThanOrEqual(20)
    expect(depth(query)).toBeLessThanOrEqual(5)
    expect(initial).toContain(`WHERE Id = '${ACCOUNT}'`)
    expect(initial).not.toMatch(/SystemModstamp >/)
  })
  it("reads activities by their derived AccountId, not under contacts; only AccountId-less ones under cases", () => {
    const names = parseSoql(initial).subqueries.map((q) => q.from)
    expect(names).toEqual(["Contacts", "Opportunities", "Cases", "Contracts", "Emails"])
    const tree = parseSoql(initial)
    const contacts = tree.subqueries.find((q) => q.from === "Contacts")!
    const opportunities = tree.subqueries.find((q) => q.from === "Opportunities")!
    const cases = tree.subqueries.find((q) => q.from === "Cases")!
    expect(contacts.subqueries).toEqual([])
    expect(opportunities.subqueries.map((q) => q.from)).not.toContain("Tasks")
    expect(cases.subqueries.filter((q) => q.from === "Tasks" || q.from === "Events").map((q) => q.where)).toEqual([
      { kind: "cmp", field: "AccountId", op: "=", value: null },
      { kind: "cmp", field: "AccountId", op: "=", value: null }
    ])
    for (const object of ["Task", "Event"] as const) {
      const query = parseSoql(buildActivityQuery(object, ACCOUNT, { watermarks: {}, disabled: new Set() }))
      expect(query).toMatchObject({ from: object, where: { kind: "cmp", field: "AccountId", op: "=", value: ACCOUNT } })
      expect(query.fields).toContain("IsDeleted")
    }
  })
  it("filters leaf streams by their watermark and leaves parents whole", () => {
    const watermarks = { Task: Date.UTC(2026, 0, 2, 3, 4, 5, 678), Contact: Date.UTC(2026, 0, 1) }
    const soql = buildAccountQuery(ACCOUNT, { watermarks, disabled: new Set() })
    expect(soql).toContain("FROM Tasks WHERE AccountId = null AND SystemModstamp > 2026-01-02T03:04:05Z ORDER BY SystemModstamp, Id")
    expect(soql).toContain("FROM Contacts WHERE SystemModstamp > 2026-01-01T00:00:00Z ORDER BY SystemModstamp, Id")
    expect(soql).toContain("FROM Opportunities ORDER BY SystemModstamp, Id")
    expect(soql).toContain("FROM Cases ORDER BY SystemModstamp, Id")
    expect(buildActivityQuery("Task", ACCOUNT, { watermarks, disabled: new Set() })).toContain(`FROM Task WHERE AccountId = '${ACCOUNT}' AND SystemModstamp > 2026-01-02T03:04:05Z ORDER BY SystemModstamp, Id`)
    expect(() => parseSoql(soql)).not.toThrow()
  })
  it("drops the parts an org lacks", () => {
    const soql = buildAccountQuery(ACCOUNT, { watermarks: {}, disabled: new Set(["Quotes", "Emails", "Loss_Reason__c"]) })
    expect(soql).not.toMatch(/Quotes|QuoteLineItems|Emails|EmailMessages|Loss_Reason__c/)
    expect(() => parseSoql(soql)).not.toThrow()
  })
})

describe("literals and errors", () => {
  it("formats datetimes to the second and escapes strings", () => {
    expect(soqlDateTime(Date.UTC(2026, 10, 20, 9, 0, 0, 999))).toBe("2026-11-20T09:00:00Z")
    expect(soqlString("O'Brien \\ Co")).toBe("'O\\'Brien \\\\ Co'")
  })
  it("names the optional part a Salesforce error is about", () => {
    expect(optionalPartInError("Didn't understand relationship 'Quotes' in FROM part of query call.")).toBe("Quotes")
    expect(optionalPartInError("No such column 'Loss_Reason__c' on entity 'Opportunity'.")).toBe("Loss_Reason__c")
    expect(optionalPartInError("sObject type 'EmailMessage' is not supported.")).toBe("Emails")
    expect(optionalPartInError("No such column 'Name' on entity 'Account'.")).toBeUndefined()
  })
})
