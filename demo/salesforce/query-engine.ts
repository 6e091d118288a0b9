/**
 * Runs a parsed SOQL query over the demo records the way the REST API answers it: nested
 * parent-to-child results, `null` for an empty subquery, parent fields as nested objects, and
 * batches where child rows count toward the batch size ("Child objects count toward the number of
 * records for the batch size", QueryOptions docs), so a large child result gets its own
 * `nextRecordsUrl`.
 */
import type { SObjectRecord } from "./records"
import { SOBJECT_FIELDS } from "./records"
import type { SoqlExpr, SoqlQuery, SoqlValue } from "./soql"

/** Child relationship names: `<Parent>.<Relationship>` → child object and its lookup field. */
export const CHILD_RELATIONSHIPS: Readonly<Record<string, Readonly<Record<string, { type: string; field: string }>>>> = {
  Account: {
    Contacts: { type: "Contact", field: "AccountId" },
    Opportunities: { type: "Opportunity", field: "AccountId" },
    Cases: { type: "Case", field: "AccountId" },
    Contracts: { type: "Contract", field: "AccountId" },
    Tasks: { type: "Task", field: "WhatId" },
    Events: { type: "Event", field: "WhatId" },
    Emails: { type: "EmailMessage", field: "RelatedToId" }
  },
  Contact: {
    Tasks: { type: "Task", field: "WhoId" },
    Events: { type: "Event", field: "WhoId" },
    Cases: { type: "Case", field: "ContactId" }
  },
  Opportunity: {
    OpportunityHistories: { type: "OpportunityHistory", field: "OpportunityId" },
    OpportunityLineItems: { type: "OpportunityLineItem", field: "OpportunityId" },
    OpportunityCompetitors: { type: "OpportunityCompetitor", field: "OpportunityId" },
    Quotes: { type: "Quote", field: "OpportunityId" },
    Tasks: { type: "Task", field: "WhatId" },
    Events: { type: "Event", field: "WhatId" },
    Emails: { type: "EmailMessage", field: "RelatedToId" }
  },
  Quote: { QuoteLineItems: { type: "QuoteLineItem", field: "QuoteId" } },
  Case: {
    Tasks: { type: "Task", field: "WhatId" },
    Events: { type: "Event", field: "WhatId" },
    EmailMessages: { type: "EmailMessage", field: "ParentId" }
  }
}

export class QueryError extends Error {
  constructor(
    readonly errorCode: string,
    message: string
  ) {
    super(message)
  }
}

export interface RecordSource {
  byId: Map<string, SObjectRecord>
  byType: Map<string, SObjectRecord[]>
  /** Objects and `Object.Field`s this org lacks (Quotes disabled, no custom field…). */
  disabled: ReadonlySet<string>
  /** Field overrides per record id: a record with an unexpected value. */
  corrupt: ReadonlyMap<string, Record<string, unknown>>
  /** The calling user's sharing: may this query return this row? (Absent: every row.) The query
   * is given because Salesforce's file rules depend on it (mock-api.ts, `fileRowReadable`). */
  readable?(record: SObjectRecord, query: SoqlQuery): boolean
}

export interface ResultRow {
  record: SObjectRecord
  children: Map<string, ResultSet>
}
export interface ResultSet {
  query: SoqlQuery
  type: string
  rows: ResultRow[]
}

const id15 = (v: string) => v.slice(0, 15)
const looksLikeId = (v: unknown): v is string => typeof v === "string" && /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(v)

function fieldsOf(type: string, source: RecordSource): readonly string[] {
  if (source.disabled.has(type)) throw new QueryError("INVALID_TYPE", `sObject type '${type}' is not supported.`)
  const fields = SOBJECT_FIELDS[type]
  if (!fields) throw new QueryError("INVALID_TYPE", `sObject type '${type}' is not supported.`)
  return fields.filter((f) => !source.disabled.has(`${type}.${f}`))
}

function noSuchColumn(field: string, type: string): QueryError {
  return new QueryError(
    "INVALID_FIELD",
    `\nERROR at Row:1:Column:1\nNo such column '${field}' on entity '${type}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`
  )
}

/** Checks a field path (`Name`, `Owner.Name`) against the object's fields. */
function checkPath(type: string, path: string, source: RecordSource): void {
  const [head, ...rest] = path.split(".")
  const fields = fieldsOf(type, source)
  if (!rest.length) {
    if (!fields.some((f) => f.toLowerCase() === head!.toLowerCase())) throw noSuchColumn(head!, type)
    return
  }
  if (!fields.includes(`${head}Id`)) throw noSuchColumn(head!, type)
}

function recordField(record: SObjectRecord, field: string, source: RecordSource): unknown {
  const override = source.corrupt.get(record.Id)
  if (override && field in override) return override[field]
  const key = Object.keys(record).find((k) => k.toLowerCase() === field.toLowerCase())
  return key === undefined ? null : record[key]
}

function resolve(record: SObjectRecord, path: string, source: RecordSource): unknown {
  const [head, ...rest] = path.split(".")
  if (!rest.length) return recordField(record, head!, source)
  const parentId = recordField(record, `${head}Id`, source)
  const parent = typeof parentId === "string" ? source.byId.get(parentId) : undefined
  return parent ? resolve(parent, rest.join("."), source) : null
}

function comparable(value: unknown, literal: SoqlValue): [unknown, unknown] {
  if (literal && typeof literal === "object") {
    if ("datetime" in literal) return [typeof value === "string" ? Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2")) : value, literal.datetime]
    return [value, literal.date]
  }
  if (looksLikeId(value) && looksLikeId(literal)) return [id15(value), id15(literal)]
  if (typeof value === "string" && typeof literal === "string") return [value.toLowerCase(), literal.toLowerCase()]
  return [value, literal]
}

/** The ids each semi-join of a WHERE selects, run once per query as the calling user. */
type SemiJoins = Map<SoqlQuery, Set<string>>

function runSemiJoins(expr: SoqlExpr | undefined, source: RecordSource, all: boolean, out: SemiJoins = new Map()): SemiJoins {
  if (!expr) return out
  if (expr.kind === "and" || expr.kind === "or") {
    runSemiJoins(expr.left, source, all, out)
    runSemiJoins(expr.right, source, all, out)
  } else if (expr.kind === "not") runSemiJoins(expr.expr, source, all, out)
  else if (expr.kind === "in" && expr.semiJoin) {
    const field = expr.semiJoin.fields[0]!
    const ids = runQuery(expr.semiJoin, source, undefined, undefined, all).rows.map((row) => resolve(row.record, field, source))
    out.set(expr.semiJoin, new Set(ids.filter(looksLikeId).map(id15)))
  }
  return out
}

function matches(record: SObjectRecord, expr: SoqlExpr, source: RecordSource, joins: SemiJoins): boolean {
  switch (expr.kind) {
    case "and":
      return matches(record, expr.left, source, joins) && matches(record, expr.right, source, joins)
    case "or":
      return matches(record, expr.left, source, joins) || matches(record, expr.right, source, joins)
    case "not":
      return !matches(record, expr.expr, source, joins)
    case "in": {
      const value = resolve(record, expr.field, source)
      if (expr.semiJoin) {
        const hit = looksLikeId(value) && (joins.get(expr.semiJoin)?.has(id15(value)) ?? false)
        return expr.negate ? !hit : hit
      }
      const hit = expr.values.some((v) => {
        const [a, b] = comparable(value, v)
        return a === b
      })
      return expr.negate ? !hit : hit
    }
    case "cmp": {
      const [a, b] = comparable(resolve(record, expr.field, source), expr.value)
      switch (expr.op) {
        case "=":
          return a === b || (a == null && b == null)
        case "!=":
          return a !== b
        case "LIKE": {
          const pattern = String(b).replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/%/g, ".*").replace(/_/g, ".")
          return typeof a === "string" && new RegExp(`^${pattern}$`, "i").test(a)
        }
      }
      if (a == null || b == null) return false
      const [x, y] = [a as number | string, b as number | string]
      return expr.op === "<" ? x < y : expr.op === ">" ? x > y : expr.op === "<=" ? x <= y : x >= y
    }
  }
}

function checkWhere(type: string, expr: SoqlExpr | undefined, source: RecordSource): void {
  if (!expr) return
  if (expr.kind === "and" || expr.kind === "or") {
    checkWhere(type, expr.left, source)
    checkWhere(type, expr.right, source)
  } else if (expr.kind === "not") checkWhere(type, expr.expr, source)
  else if ("field" in expr) checkPath(type, expr.field, source)
}

function sortRows(records: SObjectRecord[], query: SoqlQuery, source: RecordSource): SObjectRecord[] {
  if (!query.orderBy.length) return records
  return [...records].sort((r1, r2) => {
    for (const { field, desc, nullsLast } of query.orderBy) {
      const a = resolve(r1, field, source) as string | number | null
      const b = resolve(r2, field, source) as string | number | null
      if (a === b) continue
      if (a == null) return nullsLast ? 1 : -1
      if (b == null) return nullsLast ? -1 : 1
      return (a < b ? -1 : 1) * (desc ? -1 : 1)
    }
    return 0
  })
}

/**
 * Rows the resource can see: `query` leaves out soft-deleted rows and archived activities, in
 * subqueries too; `queryAll` returns both ("QueryAll returns records that are soft deleted due to a
 * merge or delete … QueryAll also returns information about archived task and event records", REST
 * API Developer Guide, "QueryAll"; "query() … automatically filters out all records where
 * isArchived is set to true", SOAP API Developer Guide, "queryAll()").
 */
function visible(record: SObjectRecord, all: boolean, query: SoqlQuery, source: RecordSource): boolean {
  return (all || (record.IsDeleted !== true && record.IsArchived !== true)) && (source.readable?.(record, query) ?? true)
}

/** Every row the query selects, children included: the full answer before batching. `all`: the
 * QueryAll resource. */
export function runQuery(query: SoqlQuery, source: RecordSource, candidates?: SObjectRecord[], type = query.from, all = false): ResultSet {
  fieldsOf(type, source)
  for (const field of query.fields) checkPath(type, field, source)
  checkWhere(type, query.where, source)
  for (const field of query.orderBy) checkPath(type, field.field, source)
  const relationships = query.subqueries.map((sub) => {
    const rel = CHILD_RELATIONSHIPS[type]?.[sub.from]
    if (!rel || source.disabled.has(rel.type)) {
      throw new QueryError(
        "INVALID_TYPE",
        `Didn't understand relationship '${sub.from}' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`
      )
    }
    return { sub, rel }
  })
  const joins = runSemiJoins(query.where, source, all)
  let records = (candidates ?? source.byType.get(type) ?? []).filter((r) => visible(r, all, query, source) && (!query.where || matches(r, query.where, source, joins)))
  records = sortRows(records, query, source)
  if (query.limit !== undefined) records = records.slice(0, query.limit)
  const rows = records.map((record) => {
    const children = new Map<string, ResultSet>()
    for (const { sub, rel } of relationships) {
      const kids = (source.byType.get(rel.type) ?? []).filter((c) => {
        const ref = c[rel.field]
        return looksLikeId(ref) && id15(ref) === id15(record.Id)
      })
      children.set(sub.from, runQuery(sub, source, kids, rel.type, all))
    }
    return { record, children }
  })
  return { query, type, rows }
}

function project(row: ResultRow, set: ResultSet, source: RecordSource): Record<string, unknown> {
  const out: Record<string, unknown> = { attributes: row.record.attributes }
  for (const path of set.query.fields) place(out, row.record, set.type, path.split("."), source)
  return out
}

/** Puts one field path into a row's JSON: a parent's fields nest under the relationship name, at
 * any depth (`ContentDocument.CreatedBy.Name`), and a missing parent is `null`. */
function place(out: Record<string, unknown>, record: SObjectRecord, type: string, path: string[], source: RecordSource): void {
  const [head, ...rest] = path
  if (!rest.length) {
    const key = SOBJECT_FIELDS[type]?.find((f) => f.toLowerCase() === head!.toLowerCase()) ?? head!
    out[key] = recordField(record, head!, source) ?? null
    return
  }
  const parentId = recordField(record, `${head}Id`, source)
  const parent = typeof parentId === "string" ? source.byId.get(parentId) : undefined
  if (!parent) {
    out[head!] = null
    return
  }
  const nested = (out[head!] as Record<string, unknown> | null) ?? { attributes: parent.attributes }
  out[head!] = nested
  place(nested, parent, parent.attributes.type, rest, source)
}

export interface Batch {
  totalSize: number
  done: boolean
  nextRecordsUrl?: string
  records: Record<string, unknown>[]
}

/** Turns what is left of `set` from `offset` into a nextRecordsUrl; `parent` is the result set
 * whose batch carried this child result (undefined for the top-level result). */
export type Locate = (set: ResultSet, offset: number, parent?: ResultSet) => string

/**
 * One batch of a result from `offset`, spending `budget.left` records (children included).
 * `locate` turns what is left into a nextRecordsUrl, told which result set's batch it came in.
 */
export function serialize(set: ResultSet, offset: number, budget: { left: number }, source: RecordSource, locate: Locate, nested = false): Batch {
  // Child results of this batch's rows are located under `set`, unless a deeper level says otherwise.
  const childLocate: Locate = (s, o, parent) => locate(s, o, parent ?? set)
  const records: Record<string, unknown>[] = []
  let i = offset
  // A batch carries at least one top-level row (or it could never make progress); a nested
  // result reached once the batch is full comes back empty, with its own nextRecordsUrl.
  while (i < set.rows.length && (budget.left > 0 || (records.length === 0 && !nested))) {
    const row = set.rows[i]!
    budget.left--
    const json = project(row, set, source)
    for (const [name, child] of row.children) {
      json[name] = child.rows.length ? serialize(child, 0, budget, source, childLocate, true) : null
    }
    records.push(json)
    i++
  }
  const done = i >= set.rows.length
  return { totalSize: set.rows.length, done, ...(done ? {} : { nextRecordsUrl: locate(set, i) }), records }
}
