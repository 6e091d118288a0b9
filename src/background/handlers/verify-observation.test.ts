import { describe, expect, it } from "vitest"
import type { PageObservation } from "../../messaging/messages"
import { verifyObservation } from "./verify-observation"

const SF_URL = "https://northwind.lightning.force.com/lightning/r/Account/001000000000001AAA/view"
const page = (over: Partial<PageObservation> = {}): PageObservation => ({ crm: "salesforce", host: "northwind.lightning.force.com", org: "northwind", url: SF_URL, record: null, ...over })
const none = () => false

describe("verifyObservation", () => {
  it("accepts an observation that matches its sender", () => {
    expect(verifyObservation(page(), SF_URL, none)).toBeNull()
    const dyn = "https://northwind.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=00000001-0000-4000-8000-0000000f4244"
    expect(verifyObservation(page({ crm: "dynamics", host: "northwind.crm4.dynamics.com", org: "northwind.crm4", url: dyn }), dyn, none)).toBeNull()
  })
  it("refuses a host, URL, CRM or org the sender does not have", () => {
    expect(verifyObservation(page({ host: "evil.example" }), SF_URL, none)).toMatch(/host/)
    expect(verifyObservation(page({ url: "https://evil.example/x" }), SF_URL, none)).toMatch(/sender's page/)
    expect(verifyObservation(page({ org: "othercorp" }), SF_URL, none)).toMatch(/org/)
    expect(verifyObservation(page({ crm: "dynamics" }), SF_URL, none)).toMatch(/not a dynamics host/)
  })
  it("accepts an on-premises Dynamics org only on a granted host", () => {
    const url = "https://crm.contoso.local/sales/main.aspx?etn=account"
    const onPrem = page({ crm: "dynamics", host: "crm.contoso.local", org: "crm.contoso.local/sales", url })
    expect(verifyObservation(onPrem, url, none)).toMatch(/not a dynamics host/)
    expect(verifyObservation(onPrem, url, (h) => h === "crm.contoso.local")).toBeNull()
  })
})
