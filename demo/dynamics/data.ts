/**
 * The demo org (demo/org.ts) as Dataverse rows: what the Web API of northwind.crm4.dynamics.com
 * would hold. Shared by the mock Web API and the demo form pages, so both show the same records.
 *
 * Each row is a Web API JSON object with every annotation present
 * (`x@OData.Community.Display.V1.FormattedValue`, `_x_value@Microsoft.Dynamics.CRM.lookuplogicalname`);
 * the mock drops what the request did not ask for. Values follow the platform's option sets
 * (research/crm-formats.md §4.2), so demo labels are translated where Dynamics has its own
 * (a "Medium" case priority is "Normal"; a "Rejected" earlier quote revision is "Revised").
 */
import { DEMO_ACCOUNTS, DEMO_NOW, DEMO_ORG, dynGuid, dynIds, type DemoAccount, type DemoActivity } from "../org"

export type Row = Record<string, unknown>
export const FORMATTED = "@OData.Community.Display.V1.FormattedValue"
export const LOOKUP_TABLE = "@Microsoft.Dynamics.CRM.lookuplogicalname"
const HOUR = 3_600_000
const DAY = 24 * HOUR

/** Entity set → logical name and primary key column. */
export const ENTITY_SETS: Readonly<Record<string, { table: string; key: string }>> = {
  accounts: { table: "account", key: "accountid" },
  contacts: { table: "contact", key: "contactid" },
  opportunities: { table: "opportunity", key: "opportunityid" },
  opportunitycloses: { table: "opportunityclose", key: "activityid" },
  quotes: { table: "quote", key: "quoteid" },
  quotedetails: { table: "quotedetail", key: "quotedetailid" },
  phonecalls: { table: "phonecall", key: "activityid" },
  emails: { table: "email", key: "activityid" },
  appointments: { table: "appointment", key: "activityid" },
  tasks: { table: "task", key: "activityid" },
  annotations: { table: "annotation", key: "annotationid" },
  incidents: { table: "incident", key: "incidentid" },
  incidentresolutions: { table: "incidentresolution", key: "activityid" },
  contracts: { table: "contract", key: "contractid" },
  transactioncurrencies: { table: "transactioncurrency", key: "transactioncurrencyid" },
  systemusers: { table: "systemuser", key: "systemuserid" },
  organizations: { table: "organization", key: "organizationid" }
}

/**
 * The org's attachment limit in bytes of Base64 text (annotation `documentbody`): 5 MB by default
 * ("Annotation (note) table" and "Use file data with Attachment and Note records": "By default the
 * maximum size is 5 MB"; the limit "applies to the file size in Base64 encoding").
 */
export const DEFAULT_MAX_UPLOAD_FILE_SIZE = 5_242_880

/* Auxiliary records the CRM needs but the neutral demo data does not name (tags 10+ are free). */
export const OWNER = { id: dynGuid(10, 1), name: "Rosa Diaz" }
/**
 * The org's people for the team roll-up (issue 15): the demo owner (the default signed-in user,
 * who owns every demo record), a second rep and their team lead. The mock Web API acts as one of
 * them at a time (mock-api.ts `actAs`).
 */
export const DEMO_USERS = {
  repA: OWNER,
  repB: { id: dynGuid(10, 2), name: "Sam Okafor" },
  lead: { id: dynGuid(10, 3), name: "Priya Natarajan" }
} as const
export type DemoUser = { id: string; name: string }
export const CURRENCY = { id: dynGuid(11, 1), name: "US Dollar", iso: DEMO_ORG.currency }
const productId = (name: string) => dynGuid(12, [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 1_000_000, 7))
const subjectId = (name: string) => dynGuid(13, [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 1_000_000, 11))

export const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z")
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10)
/** Formatted values as an en-US user in UTC sees them. */
export const fmt = {
  money: (n: number) => `$${n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`,
  number: (n: number, digits = 0) => n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits }),
  date: (ms: number) => {
    const d = new Date(ms)
    return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`
  },
  dateTime: (ms: number) => {
    const d = new Date(ms)
    const h = d.getUTCHours()
    return `${fmt.date(ms)} ${h % 12 || 12}:${String(d.getUTCMinutes()).padStart(2, "0")} ${h < 12 ? "AM" : "PM"}`
  }
}

/* Row builders: a value plus its annotations. */
const option = (name: string, value: number | boolean | null, label: string): Row => (value === null ? { [name]: null } : { [name]: value, [name + FORMATTED]: label })
const money = (name: string, value: number | undefined): Row => (value === undefined ? { [name]: null } : { [name]: value, [name + FORMATTED]: fmt.money(value) })
const when = (name: string, ms: number | undefined, dateOnly = false): Row =>
  ms === undefined ? { [name]: null } : { [name]: dateOnly ? day(ms) : iso(ms), [name + FORMATTED]: dateOnly ? fmt.date(ms) : fmt.dateTime(ms) }
export const lookup = (nav: string, target: string, id: string | null, name?: string): Row => {
  const col = `_${nav}_value`
  return id === null ? { [col]: null } : { [col]: id, [col + FORMATTED]: name ?? "", [col + LOOKUP_TABLE]: target }
}
const stamps = (created: number, modified: number): Row => ({
  ...when("createdon", created),
  ...when("modifiedon", Math.min(Math.max(modified, created), DEMO_NOW)),
  ...lookup("ownerid", "systemuser", OWNER.id, OWNER.name),
  ...lookup("createdby", "systemuser", OWNER.id, OWNER.name)
})
const currency = (): Row => ({ ...lookup("transactioncurrencyid", "transactioncurrency", CURRENCY.id, CURRENCY.name) })

/** Custom option values (100000000+) carry the demo's own industry labels, as orgs customise them. */
const INDUSTRIES = ["Manufacturing", "Retail", "Healthcare", "Distribution", "Technology"]
const QUOTE_STATES: Record<string, [state: number, stateText: string, status: number, statusText: string]> = {
  Presented: [1, "Active", 3, "Open"],
  Accepted: [2, "Won", 4, "Won"],
  Denied: [3, "Closed", 5, "Lost"],
  Rejected: [3, "Closed", 7, "Revised"]
}
const CASE_TYPES: Record<string, number> = { Question: 1, Problem: 2, Request: 3 }
const PRIORITIES: Record<string, [number, string]> = { High: [1, "High"], Medium: [2, "Normal"], Low: [3, "Low"] }

function activityRow(a: DemoAccount, x: DemoActivity): [set: string, row: Row] {
  const id = dynIds.activity(x)
  const outgoing = x.direction !== "inbound"
  const regarding = lookup("regardingobjectid", "account", dynIds.account(a), a.name)
  const base = { activityid: id, subject: x.subject, ...stamps(x.at, x.at + HOUR), ...option("statecode", 1, "Completed"), isworkflowcreated: false }
  switch (x.channel) {
    case "call":
      return ["phonecalls", { ...base, ...regarding, ...option("directioncode", outgoing, outgoing ? "Outgoing" : "Incoming"), ...when("actualend", x.at), ...when("scheduledend", x.at), phonenumber: a.phone, description: x.text ?? null }]
    case "email":
      return ["emails", { ...base, ...regarding, ...option("directioncode", outgoing, outgoing ? "Outgoing" : "Incoming"), ...when("senton", x.at), ...when("actualend", x.at), description: `<div style="font-family:Segoe UI">${x.text ?? x.subject}</div>` }]
    case "meeting":
      return ["appointments", { ...base, ...regarding, ...when("scheduledstart", x.at), ...when("scheduledend", x.at + HOUR), ...when("actualstart", x.at), location: a.city, description: x.text ?? null }]
    case "task":
      return ["tasks", { ...base, ...regarding, ...when("scheduledend", x.at), ...when("actualend", x.at), description: x.text ?? null }]
    case "note":
      return ["annotations", { annotationid: id, subject: x.subject, notetext: x.text ?? x.subject, objecttypecode: "account", ...lookup("objectid", "account", dynIds.account(a), a.name), ...stamps(x.at, x.at) }]
  }
}

/** Every table of the demo org, keyed by entity set, rows sorted by primary key. */
export function buildDynamicsTables(accounts: readonly DemoAccount[] = DEMO_ACCOUNTS): Record<string, Row[]> {
  const t: Record<string, Row[]> = Object.fromEntries(Object.keys(ENTITY_SETS).map((set) => [set, [] as Row[]]))
  const push = (set: string, row: Row) => t[set]!.push(row)
  push("transactioncurrencies", { transactioncurrencyid: CURRENCY.id, currencyname: CURRENCY.name, isocurrencycode: CURRENCY.iso, currencysymbol: "$", ...stamps(Date.UTC(2020, 0, 1), Date.UTC(2020, 0, 1)) })
  for (const user of Object.values(DEMO_USERS)) {
    const email = `${user.name.toLowerCase().replace(/\s+/g, ".")}@northwind.example`
    push("systemusers", { systemuserid: user.id, fullname: user.name, internalemailaddress: email, ...stamps(Date.UTC(2020, 0, 1), Date.UTC(2020, 0, 1)) })
  }
  push("organizations", { organizationid: "00000010-0000-4000-8000-000000000003", name: "Northwind", maxuploadfilesize: DEFAULT_MAX_UPLOAD_FILE_SIZE, ...stamps(Date.UTC(2020, 0, 1), Date.UTC(2020, 0, 1)) })

  for (const a of accounts) {
    const accountId = dynIds.account(a)
    const customer = (nav: string) => lookup(nav, "account", accountId, a.name)
    const lastTouch = Math.max(a.createdAt, ...a.deals.map((d) => d.createdAt))
    push("accounts", {
      accountid: accountId,
      name: a.name,
      ...option("industrycode", 100_000_000 + Math.max(0, INDUSTRIES.indexOf(a.industry)), a.industry),
      ...option("customertypecode", 3, a.type),
      ...money("revenue", a.annualRevenue),
      ...currency(),
      telephone1: a.phone,
      websiteurl: a.website,
      address1_city: a.city,
      ...option("statecode", 0, "Active"),
      ...stamps(a.createdAt, lastTouch)
    })
    a.contacts.forEach((c, i) => {
      const [first, ...rest] = c.name.split(" ")
      push("contacts", {
        contactid: dynIds.contact(c),
        fullname: c.name,
        firstname: first ?? "",
        lastname: rest.join(" "),
        jobtitle: c.title,
        emailaddress1: c.email,
        telephone1: c.phone,
        ...customer("parentcustomerid"),
        ...stamps(a.createdAt + (i + 1) * DAY, a.createdAt + (i + 1) * DAY)
      })
    })
    for (const x of a.activities) {
      const [set, row] = activityRow(a, x)
      push(set, row)
    }
    for (const d of a.deals) {
      const dealId = dynIds.deal(d)
      const state = !d.isClosed ? [0, "Open", 1, "In Progress"] : d.isWon ? [1, "Won", 3, "Won"] : [2, "Lost", 5, "Out-Sold"]
      const lastStage = d.stages.at(-1)?.at ?? d.createdAt
      push("opportunities", {
        opportunityid: dealId,
        name: d.name,
        ...customer("parentaccountid"),
        ...customer("customerid"),
        ...money("estimatedvalue", d.amount),
        ...money("actualvalue", d.isWon ? d.amount : undefined),
        ...when("estimatedclosedate", d.closeDate, true),
        ...when("actualclosedate", d.isClosed ? d.closeDate : undefined, true),
        ...option("statecode", state[0] as number, state[1] as string),
        ...option("statuscode", state[2] as number, state[3] as string),
        stepname: d.stage,
        description: d.description ?? null,
        ...currency(),
        ...stamps(d.createdAt, lastStage)
      })
      if (d.isClosed) {
        push("opportunitycloses", {
          activityid: dynGuid(14, d.n),
          subject: d.isWon ? `Opportunity Close - Won` : `Opportunity Close - Lost`,
          ...lookup("opportunityid", "opportunity", dealId, d.name),
          ...money("actualrevenue", d.isWon ? d.amount : 0),
          ...when("actualend", d.closeDate),
          description: d.isWon ? null : (d.lossReason ?? null),
          ...lookup("competitorid", "competitor", null),
          ...option("statecode", 1, "Completed"),
          ...stamps(d.closeDate, d.closeDate)
        })
      }
      for (const q of d.quotes) {
        const quoteId = dynIds.quote(q)
        const [state, stateText, status, statusText] = QUOTE_STATES[q.status] ?? [0, "Draft", 1, "In Progress"]
        const lineTotal = q.lines.reduce((s, l) => s + l.unitPrice * l.quantity, 0)
        push("quotes", {
          quoteid: quoteId,
          name: q.name,
          quotenumber: `QUO-${String(q.n).padStart(5, "0")}-N${(q.n * 7919).toString(36).toUpperCase().slice(-3)}`,
          ...lookup("opportunityid", "opportunity", dealId, d.name),
          ...customer("customerid"),
          ...money("totallineitemamount", lineTotal),
          ...money("totalamount", lineTotal),
          ...money("discountamount", 0),
          discountpercentage: 0,
          ...when("effectivefrom", q.createdAt, true),
          ...option("statecode", state, stateText),
          ...option("statuscode", status, statusText),
          ...currency(),
          ...stamps(q.createdAt, q.createdAt + 2 * DAY)
        })
        q.lines.forEach((l, i) => {
          const base = l.listPrice * l.quantity
          push("quotedetails", {
            quotedetailid: dynIds.quoteLine(q, i),
            ...lookup("quoteid", "quote", quoteId, q.name),
            ...(l.isCustom ? lookup("productid", "product", null) : lookup("productid", "product", productId(l.product), l.product)),
            productdescription: l.isCustom ? l.product : null,
            ...option("isproductoverridden", !!l.isCustom, l.isCustom ? "Write-in" : "Existing"),
            quantity: l.quantity,
            ...money("priceperunit", l.listPrice),
            ...money("baseamount", base),
            ...money("manualdiscountamount", (l.listPrice - l.unitPrice) * l.quantity),
            ...money("volumediscountamount", 0),
            ...money("extendedamount", l.unitPrice * l.quantity),
            lineitemnumber: i + 1,
            ...currency(),
            ...stamps(q.createdAt, q.createdAt + 2 * DAY)
          })
        })
      }
    }
    for (const c of a.cases) {
      const caseId = dynIds.case(c)
      const [priority, priorityText] = PRIORITIES[c.priority] ?? [2, "Normal"]
      push("incidents", {
        incidentid: caseId,
        title: c.subject,
        ticketnumber: `CAS-${String(c.n).padStart(5, "0")}-D${(c.n * 104729).toString(36).toUpperCase().slice(-4)}`,
        description: c.description,
        ...option("casetypecode", CASE_TYPES[c.type] ?? null, c.type),
        ...option("caseorigincode", null, ""),
        ...option("prioritycode", priority, priorityText),
        ...option("isescalated", c.isEscalated, c.isEscalated ? "Yes" : "No"),
        ...lookup("subjectid", "subject", subjectId(c.reason), c.reason),
        ...customer("customerid"),
        ...option("statecode", c.closedAt ? 1 : 0, c.closedAt ? "Resolved" : "Active"),
        ...option("statuscode", c.closedAt ? 5 : 1, c.closedAt ? "Problem Solved" : "In Progress"),
        ...stamps(c.openedAt, c.closedAt ?? c.openedAt)
      })
      if (c.closedAt) {
        push("incidentresolutions", {
          activityid: dynGuid(15, c.n),
          subject: "Problem Solved",
          ...lookup("incidentid", "incident", caseId, c.subject),
          ...when("actualend", c.closedAt),
          ...option("statecode", 1, "Completed"),
          ...stamps(c.closedAt, c.closedAt)
        })
      }
    }
    for (const k of a.contracts) {
      const end = Date.UTC(new Date(k.startDate).getUTCFullYear(), new Date(k.startDate).getUTCMonth() + k.termMonths, new Date(k.startDate).getUTCDate()) - DAY
      const expired = end < DEMO_NOW
      push("contracts", {
        contractid: dynIds.contract(k),
        title: k.name,
        contractnumber: `CNR-${String(k.n).padStart(5, "0")}`,
        ...when("activeon", k.startDate, true),
        ...when("expireson", end, true),
        ...money("totalprice", k.value),
        contractlanguage: k.description,
        ...customer("customerid"),
        ...option("statecode", expired ? 5 : 2, expired ? "Expired" : "Active"),
        ...option("statuscode", expired ? 6 : 3, expired ? "Expired" : "Active"),
        ...currency(),
        ...stamps(k.startDate - 7 * DAY, k.startDate)
      })
    }
  }
  for (const [set, rows] of Object.entries(t)) {
    const key = ENTITY_SETS[set]!.key
    rows.sort((x, y) => String(x[key]).localeCompare(String(y[key])))
  }
  return t
}
