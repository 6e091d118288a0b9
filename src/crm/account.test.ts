import { describe, expect, it } from "vitest"
import { openDatabase } from "../model/db"
import { isAccountObject, lookupCandidates, objectTypeFromUrl, resolveAccountKey, type RecordLike } from "./account"
import { connectorFor } from "./registry"
import { resolveAccount } from "./resolve-account"
import { toId18 } from "./salesforce/ids"

const ACC15 = "001Aa00000AbCdE"
const ACC18 = toId18(ACC15)!
const OPP18 = toId18("006Aa00000XyZab")!
const GUID = "5f1c2d3e-4a5b-6c7d-8e9f-0a1b2c3d4e5f"
const CONTACT_GUID = "11111111-2222-3333-4444-555555555555"

const sfOpportunity = (fields: RecordLike["fields"] = {}): RecordLike => ({ key: `salesforce:acme:${OPP18}`, crm: "salesforce", org: "acme", objectType: "Opportunity", fields })

describe("account resolution (pure)", () => {
  it("an account is its own account", () => {
    const record: RecordLike = { key: `salesforce:acme:${ACC18}`, crm: "salesforce", org: "acme", objectType: "Account" }
    expect(resolveAccountKey(record)).toEqual({ accountKey: record.key, via: "self" })
    expect(isAccountObject("account")).toBe(true)
    expect(isAccountObject("AccountContactRelation")).toBe(false)
  })

  it("prefers the synced canonical row over page lookups", () => {
    const record = sfOpportunity({ AccountId: { label: "Account Name", value: "Other", relatedId: ACC18 } })
    expect(resolveAccountKey(record, "salesforce:acme:001000000000001AAA")).toEqual({ accountKey: "salesforce:acme:001000000000001AAA", via: "canonical" })
  })

  it("falls back to the AccountId lookup, normalising a 15-character id to 18", () => {
    const record = sfOpportunity({ AccountId: { label: "Account Name", value: " Globex ", relatedId: ACC15 } })
    expect(resolveAccountKey(record)).toEqual({ accountKey: `salesforce:acme:${ACC18}`, via: "lookup", nameOnPage: "Globex" })
    expect(resolveAccountKey({ ...record, fields: { ParentId: record.fields!.ParentId! } })).toBeNull()
  })

  it("reads Dynamics lookups with braces and upper case, parentaccountid before customerid", () => {
    const record: RecordLike = {
      key: "dynamics:northwind.crm4:aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa",
      crm: "dynamics",
      org: "northwind.crm4",
      objectType: "opportunity",
      fields: {
        customerid: { label: "Potential Customer", value: "Jane Roe", relatedId: CONTACT_GUID },
        parentaccountid: { label: "Account", value: "Contoso", relatedId: `{${GUID.toUpperCase()}}` }
      }
    }
    expect(lookupCandidates(record).map((c) => c.accountKey)).toEqual([`dynamics:northwind.crm4:${GUID}`, `dynamics:northwind.crm4:${CONTACT_GUID}`])
    expect(resolveAccountKey(record)?.accountKey).toBe(`dynamics:northwind.crm4:${GUID}`)
  })

  it("lets a lookup to a known account win over one Parley does not know", () => {
    const record: RecordLike = {
      key: "dynamics:o:aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa",
      crm: "dynamics",
      org: "o",
      objectType: "quote",
      fields: { customerid: { label: "Customer", value: "Jane", relatedId: CONTACT_GUID }, parentcustomerid: { label: "x", value: "Contoso", relatedId: GUID } }
    }
    expect(resolveAccountKey(record, null, new Set([`dynamics:o:${GUID}`]))?.accountKey).toBe(`dynamics:o:${GUID}`)
    expect(resolveAccountKey(record)?.accountKey).toBe(`dynamics:o:${CONTACT_GUID}`)
  })

  it("ignores lookups without a plausible id, and gives null when nothing points to an account", () => {
    expect(connectorFor("salesforce").accountOf(sfOpportunity({ AccountId: { label: "Account", value: "x", relatedId: "not-an-id" } }))).toEqual([])
    const dyn: RecordLike = { key: "dynamics:o:x", crm: "dynamics", org: "o", objectType: "quote", fields: { customerid: { label: "c", value: "x", relatedId: "javascript:alert(1)" } } }
    expect(connectorFor("dynamics").accountOf(dyn)).toEqual([])
    expect(resolveAccountKey(sfOpportunity({ AccountId: { label: "Account", value: "Globex" } }))).toBeNull()
    expect(resolveAccountKey(sfOpportunity())).toBeNull()
  })

  it("takes a Salesforce lookup only when it names an Account id (a Case's ParentId is another case)", () => {
    const CASE18 = toId18("500Aa00000CaseA")!
    const record: RecordLike = {
      key: `salesforce:acme:${toId18("500Aa00000CaseB")}`,
      crm: "salesforce",
      org: "acme",
      objectType: "Case",
      fields: { ParentId: { label: "Parent Case", value: "Older case", relatedId: CASE18 }, accountid: { label: "Account Name", value: "Globex", relatedId: ACC15 } }
    }
    expect(resolveAccountKey(record)).toEqual({ accountKey: `salesforce:acme:${ACC18}`, via: "lookup", nameOnPage: "Globex" })
    expect(resolveAccountKey({ ...record, fields: { ParentId: record.fields!.ParentId! } })).toBeNull()
  })

  it("never takes a canonical row's account from another org", () => {
    expect(resolveAccountKey(sfOpportunity(), "salesforce:other:001000000000001AAA")).toBeNull()
  })

  it("reads the object type from record URLs", () => {
    expect(objectTypeFromUrl("salesforce", `https://acme.lightning.force.com/lightning/r/Quote/${OPP18}/view`)).toBe("Quote")
    expect(objectTypeFromUrl("dynamics", `https://x.crm4.dynamics.com/main.aspx?appid=1&pagetype=entityrecord&etn=Account&id=${GUID}`)).toBe("account")
    expect(objectTypeFromUrl("salesforce", "https://acme.lightning.force.com/lightning/page/home")).toBeUndefined()
  })
})

describe("account resolution (database)", () => {
  it("finds the account of a synced case, and of an unsynced record through its lookup", async () => {
    const db = openDatabase(`panel-account-${Math.random()}`)
    const caseKey = "salesforce:acme:500Aa00000CaseAAAA"
    await db.cases.put({
      key: caseKey, crm: "salesforce", org: "acme", id: "500Aa00000CaseAAAA", seenAt: 1, accountKey: `salesforce:acme:${ACC18}`,
      subject: "Broken", status: "New", isEscalated: false, isClosed: false, openedAt: 1
    })
    expect(await resolveAccount(db, { key: caseKey, crm: "salesforce", org: "acme", objectType: "Case" })).toEqual({ accountKey: `salesforce:acme:${ACC18}`, via: "canonical" })
    const viaLookup = await resolveAccount(db, sfOpportunity({ AccountId: { label: "Account", value: "Globex", relatedId: ACC18 } }))
    expect(viaLookup).toEqual({ accountKey: `salesforce:acme:${ACC18}`, via: "lookup", nameOnPage: "Globex" })
    db.close()
  })
})
