/**
 * THE list of what an export may contain (DESIGN.md: exports are field-allowlisted and
 * redactable). Every field of a snapshot payload and every column of the team CSV is named here
 * with its class; anything not named never leaves the browser, so a field the analysis adds later
 * stays out of exports until someone adds it here on purpose (allowlist.test.ts pins the list).
 *
 * Redaction removes the classes a person could be identified or quoted by — contact names,
 * e-mail addresses, phone numbers, and free text (CRM subjects and notes are quoted inside
 * summaries and evidence reasons, so every generated sentence counts as free text) — and keeps
 * labels, figures, times, record ids and record types. The analysis' sentences are message
 * descriptors (class "message"): redaction keeps their ids and figures and blanks the CRM text
 * they quote ({text} and {quote} parameters), so a redacted briefing still reads in any language.
 * In a snapshot a removed string becomes ""
 * (the document keeps its shape and still validates); in the CSV the column is left out.
 * The account's own name is kept: it is what a team export is about, and it is a company's name.
 */

import { MessageSchema, type Message, type ParamValue } from "../i18n/message"

export const FIELD_CLASSES = ["label", "figure", "time", "flag", "id", "account-name", "person", "contact-detail", "free-text", "message"] as const
export type FieldClass = (typeof FIELD_CLASSES)[number]

/** Classes a redacted export leaves out. */
export const REDACTED_CLASSES: ReadonlySet<FieldClass> = new Set<FieldClass>(["person", "contact-detail", "free-text"])

/** A field's class, an object of fields, or `[spec]` for an array whose items all follow spec. */
export type FieldSpec = FieldClass | { readonly [field: string]: FieldSpec } | readonly [FieldSpec]

const EVIDENCE = { recordKey: "id", recordType: "label", sourceObject: "label", at: "time", reason: "message" } as const

function axis<E extends Record<string, FieldSpec>>(extra: E) {
  return { label: "label", score: "figure", confidence: "figure", evidence: [EVIDENCE], summary: "message", ...extra } as const
}

const LEDGER_ENTRY = {
  key: "id",
  dealKey: "id",
  name: "free-text",
  currency: "label",
  listPrice: "figure",
  revisions: [{ quoteKey: "id", revision: "figure", at: "time", net: "figure", discountPercent: "figure" }],
  rounds: "figure",
  finalDiscountPercent: "figure",
  maxDiscountPercent: "figure",
  movedLast: "label",
  outcome: "label"
} as const

const POINTS = [{ x: "figure", y: "figure" }] as const

export const PROFILE_FIELDS = {
  version: "figure",
  accountKey: "id",
  accountName: "account-name",
  computedAt: "time",
  sampleSize: { interactions: "figure", deals: "figure", quotes: "figure", quoteLines: "figure", cases: "figure", contracts: "figure", contacts: "figure", total: "figure" },
  valueOrigin: axis({ shares: { supplierLed: "figure", customerLed: "figure", coCreated: "figure" } }),
  dominance: axis({
    supplierPower: "figure",
    customerPower: "figure",
    totalPower: "figure",
    coverage: "figure",
    factors: [{ id: "label", side: "label", weight: "figure", value: "figure", reason: "message" }]
  }),
  initiator: axis({}),
  decisionCriteria: axis({ weights: { price: "figure", quality: "figure", delivery: "figure", support: "figure" } }),
  complaints: axis({ total: "figure", open: "figure", escalated: "figure", medianDaysToClose: "figure", trend: "label", requests: "figure", pressure: "figure", recentMedianDaysToClose: "figure" }),
  dependence: axis({ patterns: { longTermLease: "flag", customServices: "flag" } }),
  concessions: { deals: [LEDGER_ENTRY], discountTrend: "label", evidence: [EVIDENCE], summary: "message" },
  crmStrategy: axis({ informationCompleteness: "figure", individualisation: "figure" }),
  valueTier: axis({ value: "figure", percentile: "figure", peerCount: "figure" }),
  risk: axis({ reasons: [{ signal: "label", text: "message", evidence: [EVIDENCE] }] }),
  dellTrap: { flagged: "flag", conditions: { priceDominant: "flag", customerDominant: "flag", deepeningDiscounts: "flag" }, evidence: [EVIDENCE], summary: "message" },
  pushback: { label: "label", score: "figure", constraint: "figure", disparagement: "figure", evidence: [EVIDENCE], summary: "message" },
  engagement: {
    humanContacts: "figure", customerContacts: "figure", automated: "figure", unansweredOutreach: "figure",
    lastCustomerContactAt: "time", daysSinceCustomerContact: "figure", usualGapDays: "figure", silent: "flag",
    evidence: [EVIDENCE], summary: "message"
  },
  regime: { changed: "flag", since: "time", changedAt: "time", changes: ["message"], before: [EVIDENCE], after: [EVIDENCE], summary: "message" },
  duplicates: "figure",
  competition: {
    competitors: [{ name: "free-text", mentions: "figure", lastAt: "time", evidence: [EVIDENCE] }],
    losses: [{ key: "id", name: "free-text", lossReason: "free-text", at: "time", amount: "figure", currency: "label" }],
    lostTotal: "figure"
  },
  rejected: [{ recordKey: "id", reason: "free-text" }]
} as const

/** Every field of a snapshot payload (payload.ts), with its class. */
export const SNAPSHOT_FIELDS = {
  kind: "label",
  redacted: "flag",
  trigger: { kind: "label", changes: [{ axis: "label", from: "label", to: "label" }] },
  account: {
    key: "id",
    id: "id",
    name: "account-name",
    industry: "label",
    type: "label",
    leadSource: "label",
    annualRevenue: "figure",
    currency: "label",
    ownerName: "person"
  },
  contacts: [{ key: "id", name: "person", title: "free-text", email: "contact-detail", phone: "contact-detail" }],
  profile: PROFILE_FIELDS,
  hints: [{ id: "label", priority: "label", messages: { title: "message", text: "message" }, rule: "label", citation: "label", evidence: [EVIDENCE] }],
  pricing: {
    currency: "label",
    latestQuote: { total: "figure", discountPercent: "figure", revision: "figure", at: "time" },
    openDeal: {
      key: "id",
      name: "free-text",
      listPrice: "figure",
      lastNet: "figure",
      rounds: "figure",
      finalDiscountPercent: "figure",
      maxDiscountPercent: "figure",
      movedLast: "label"
    },
    previousPrices: ["figure"],
    discountTrend: "label",
    suggestion: { amount: "figure", suggestedPrice: "figure", display: "figure", rules: ["label"] }
  },
  charts: {
    interactions: { inbound: POINTS, outbound: POINTS, other: "figure" },
    discounts: { final: POINTS, deepest: POINTS },
    revisions: { dealKey: "id", currency: "label", points: POINTS },
    cases: { daysToClose: POINTS, open: "figure", closed: "figure" }
  }
} as const satisfies FieldSpec

/** Columns of the team CSV, in order, with their class (csv-team.ts fills them). */
export const TEAM_CSV_COLUMNS = [
  { id: "account", class: "account-name" },
  { id: "crm", class: "label" },
  { id: "org", class: "label" },
  { id: "accountId", class: "id" },
  { id: "owner", class: "person" },
  { id: "valueOrigin", class: "label" },
  { id: "valueOriginConfidence", class: "figure" },
  { id: "dominance", class: "label" },
  { id: "dominanceConfidence", class: "figure" },
  { id: "dominanceScore", class: "figure" },
  { id: "initiator", class: "label" },
  { id: "initiatorConfidence", class: "figure" },
  { id: "criterion", class: "label" },
  { id: "criterionConfidence", class: "figure" },
  { id: "priceWeight", class: "figure" },
  { id: "responsiveness", class: "label" },
  { id: "casesTotal", class: "figure" },
  { id: "casesOpen", class: "figure" },
  { id: "dependence", class: "label" },
  { id: "strategy", class: "label" },
  { id: "tier", class: "label" },
  { id: "tierPercentile", class: "figure" },
  { id: "risk", class: "label" },
  { id: "riskConfidence", class: "figure" },
  { id: "dellTrap", class: "flag" },
  { id: "discountTrend", class: "label" },
  { id: "lastFinalDiscount", class: "figure" },
  { id: "records", class: "figure" },
  { id: "lastActivity", class: "time" },
  { id: "classifiedAt", class: "time" },
  { id: "riskSummary", class: "free-text" }
] as const satisfies readonly { id: string; class: FieldClass }[]
export type TeamCsvColumnId = (typeof TEAM_CSV_COLUMNS)[number]["id"]

export function teamCsvColumns(redact: boolean): readonly (typeof TEAM_CSV_COLUMNS)[number][] {
  return redact ? TEAM_CSV_COLUMNS.filter((c) => !REDACTED_CLASSES.has(c.class)) : TEAM_CSV_COLUMNS
}

const DROP = Symbol("drop")

/**
 * `value` reduced to the fields `spec` names (everything else is dropped), with the redacted
 * classes blanked when `redact` is set. Values of the wrong kind (an object where a figure is
 * expected) are dropped too: the allowlist decides the shape, not the input.
 */
export function applyAllowlist(value: unknown, spec: FieldSpec, redact: boolean): unknown {
  const out = project(value, spec, redact)
  return out === DROP ? undefined : out
}

/** A descriptor with the CRM text it quotes blanked, at any depth (nested messages, lists). */
function redactMessage(message: Message): Message {
  if (!message.params) return message
  const params: Record<string, ParamValue> = {}
  for (const [name, value] of Object.entries(message.params)) params[name] = redactParam(value)
  return { id: message.id, params }
}

function redactParam(value: ParamValue): ParamValue {
  if (typeof value === "number") return value
  if ("text" in value) return { text: "" }
  if ("quote" in value) return { quote: "" }
  if ("msg" in value) return { msg: redactMessage(value.msg) }
  if ("list" in value) return { list: value.list.map(redactMessage) }
  return value
}

function project(value: unknown, spec: FieldSpec, redact: boolean): unknown {
  if (spec === "message") {
    const parsed = MessageSchema.safeParse(value)
    if (!parsed.success) return DROP
    return redact ? redactMessage(parsed.data) : parsed.data
  }
  if (typeof spec === "string") {
    if (value !== null && typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") return DROP
    if (redact && REDACTED_CLASSES.has(spec)) return typeof value === "string" ? "" : value === null ? null : DROP
    return value
  }
  if (isArraySpec(spec)) {
    if (!Array.isArray(value)) return DROP
    return value.map((item) => project(item, spec[0], redact)).filter((item) => item !== DROP)
  }
  if (value === null) return null
  if (typeof value !== "object" || Array.isArray(value)) return DROP
  const out: Record<string, unknown> = {}
  for (const [field, fieldSpec] of Object.entries(spec)) {
    if (!Object.prototype.hasOwnProperty.call(value, field)) continue
    const projected = project((value as Record<string, unknown>)[field], fieldSpec, redact)
    if (projected !== DROP && projected !== undefined) out[field] = projected
  }
  return out
}

function isArraySpec(spec: FieldSpec): spec is readonly [FieldSpec] {
  return Array.isArray(spec)
}

/** Every leaf path of a spec with its class (`contacts[].email`), for tests and documentation. */
export function fieldPaths(spec: FieldSpec, prefix = ""): [path: string, cls: FieldClass][] {
  if (typeof spec === "string") return [[prefix, spec]]
  if (isArraySpec(spec)) return fieldPaths(spec[0], `${prefix}[]`)
  return Object.entries(spec).flatMap(([field, s]) => fieldPaths(s, prefix ? `${prefix}.${field}` : field))
}
