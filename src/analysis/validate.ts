/**
 * Record validation against the canonical model's zod schemas, fast enough for 10k records in a
 * classify-10k budget.
 *
 * Why not just `safeParse` each record: zod 4 spends about 1.3 µs per Interaction (measured: 13 ms
 * for 10k in Node), and in an extension page, where the MV3 CSP forbids zod's eval-based fast path,
 * no less. So each schema is compiled once, from its own JSON Schema (`z.toJSONSchema`), into a
 * plain predicate. The zod schema stays the single source of truth:
 * - a record the predicate accepts is valid by the same constraints (a parity test fuzzes this);
 * - a record it rejects goes through zod's `safeParse`, which gives the reason, and zod's answer
 *   wins if the two disagree;
 * - a schema using a JSON Schema keyword the compiler does not know is validated by zod alone.
 */
import * as z from "zod"
import * as M from "../model/schema"

type Check = (value: unknown) => boolean
type JsonSchema = Record<string, unknown>

/** Keywords the compiler understands; any other keyword makes it give the schema back to zod. */
const KNOWN = new Set([
  "$schema", "type", "properties", "required", "additionalProperties", "items", "enum", "minLength", "maxLength",
  "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minItems", "maxItems", "default"
])

function num(schema: JsonSchema, key: string): number | undefined {
  const v = schema[key]
  return typeof v === "number" ? v : undefined
}

function compileNode(schema: JsonSchema): Check | null {
  for (const key of Object.keys(schema)) if (!KNOWN.has(key)) return null
  const type = schema.type
  const values = schema.enum
  if (Array.isArray(values)) {
    const allowed: readonly unknown[] = values
    return (v) => oneOf(allowed, v)
  }
  switch (type) {
    case "string": {
      const min = num(schema, "minLength") ?? 0
      const max = num(schema, "maxLength") ?? Infinity
      const re = typeof schema.pattern === "string" ? new RegExp(schema.pattern) : null
      if (re === null) return (v) => typeof v === "string" && v.length >= min && v.length <= max
      if (schema.pattern === M.RECORD_KEY_PATTERN) return recordKeyCheck(min, max, re)
      // A record's account key repeats in every record: the value that just passed passes.
      let passed: string | undefined
      return (v) => {
        if (typeof v !== "string" || v.length < min || v.length > max) return false
        if (v !== passed && !re.test(v)) return false
        passed = v
        return true
      }
    }
    case "number":
    case "integer": {
      const integer = type === "integer"
      const min = num(schema, "minimum") ?? -Infinity
      const max = num(schema, "maximum") ?? Infinity
      const xmin = num(schema, "exclusiveMinimum") ?? -Infinity
      const xmax = num(schema, "exclusiveMaximum") ?? Infinity
      return (v) =>
        typeof v === "number" && Number.isFinite(v) && (!integer || Number.isSafeInteger(v)) &&
        v >= min && v <= max && v > xmin && v < xmax
    }
    case "boolean":
      return (v) => typeof v === "boolean"
    case "array": {
      const items = schema.items
      if (typeof items !== "object" || items === null) return null
      const item = compileNode(items as JsonSchema)
      if (!item) return null
      const min = num(schema, "minItems") ?? 0
      const max = num(schema, "maxItems") ?? Infinity
      return (v) => Array.isArray(v) && v.length >= min && v.length <= max && v.every(item)
    }
    case "object":
      return compileObject(schema)
    default:
      return null
  }
}

/**
 * A record key's check: the pattern itself, except for the key that just passed. A record's
 * account key is the same in every record of an account, so it passes without the pattern;
 * distinct keys of one org differ at their end, so the last character is compared before the
 * whole key. Every other key is matched by the compiled regular expression, which runs as native
 * code over the string's bytes: a walk of the org prefix and the id by `charCodeAt` was slower
 * (measured in Node, single-threaded CPU time over classifying 10k records: the walk cost 3 % of
 * the classification more than the pattern).
 */
function recordKeyCheck(min: number, max: number, re: RegExp): Check {
  let passed = ""
  let passedLast = -1
  return (v) => {
    if (typeof v !== "string") return false
    const n = v.length
    if (n === passed.length && v.charCodeAt(n - 1) === passedLast && v === passed) return true
    if (n < min || n > max || !re.test(v)) return false
    passed = v
    passedLast = v.charCodeAt(n - 1)
    return true
  }
}

/**
 * Whether a picklist of a few values holds `v`: a scan of them beats hashing the string, and a
 * loop the JIT inlines beats `includes`, a builtin call per picklist field of every record.
 */
function oneOf(allowed: readonly unknown[], v: unknown): boolean {
  for (let k = 0; k < allowed.length; k++) if (allowed[k] === v) return true
  return false
}

/** Field kinds of the object interpreter below. */
const STRING = 0
const INTEGER = 1
const NUMBER = 2
const ENUM = 3
const BOOLEAN = 4
const NESTED = 5

/**
 * An object schema as parallel arrays walked by one loop with a switch, instead of one closure
 * per field: measured ~25% faster on 10k records, and validation is paid for every record of a
 * cold classification.
 */
function compileObject(schema: JsonSchema): Check | null {
  const props = (schema.properties ?? {}) as Record<string, JsonSchema>
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : [])
  const names: string[] = []
  const kinds: number[] = []
  const isRequired: boolean[] = []
  const mins: number[] = []
  const maxs: number[] = []
  const patterns: Array<RegExp | null> = []
  const sets: Array<readonly unknown[] | null> = []
  const nested: Array<Check | null> = []
  for (const [name, sub] of Object.entries(props)) {
    for (const key of Object.keys(sub)) if (!KNOWN.has(key)) return null
    let kind: number
    let min = -Infinity
    let max = Infinity
    let pattern: RegExp | null = null
    let set: readonly unknown[] | null = null
    let inner: Check | null = null
    if (Array.isArray(sub.enum)) {
      kind = ENUM
      set = sub.enum
    } else if (sub.type === "string") {
      kind = STRING
      min = num(sub, "minLength") ?? 0
      max = num(sub, "maxLength") ?? Infinity
      pattern = typeof sub.pattern === "string" ? new RegExp(sub.pattern) : null
    } else if (sub.type === "integer" || sub.type === "number") {
      kind = sub.type === "integer" ? INTEGER : NUMBER
      // Exclusive bounds fold into inclusive ones for the comparisons below, except where they
      // matter (exclusiveMinimum 0 for a positive quantity): kept exact via a nested check.
      if (num(sub, "exclusiveMinimum") !== undefined || num(sub, "exclusiveMaximum") !== undefined) {
        kind = NESTED
        inner = compileNode(sub)
        if (!inner) return null
      } else {
        min = num(sub, "minimum") ?? -Infinity
        max = num(sub, "maximum") ?? Infinity
      }
    } else if (sub.type === "boolean") {
      kind = BOOLEAN
    } else {
      kind = NESTED
      inner = compileNode(sub)
      if (!inner) return null
    }
    names.push(name)
    kinds.push(kind)
    isRequired.push(required.has(name))
    mins.push(min)
    maxs.push(max)
    patterns.push(pattern)
    sets.push(set)
    nested.push(inner)
  }
  const fieldOf = new Map<string, number>(names.map((name, f) => [name, f]))
  const requiredCount = isRequired.filter(Boolean).length
  // The record's own keys in enumeration order and their fields, as last seen: records of one
  // collection share a shape, so after the first record every key is a pointer comparison.
  const passed: unknown[] = names.map(() => undefined)
  const seenKeys: string[] = []
  const seenFields: number[] = []
  // Walked with for-in rather than by field name: a load by a name from a list is a megamorphic
  // lookup per field (measured: two thirds of the time), a load of the key for-in just produced
  // reads the slot directly. zod objects strip unknown keys, so additionalProperties is not
  // enforced and unknown keys are skipped.
  return (v) => {
    if (typeof v !== "object" || v === null || Array.isArray(v)) return false
    const record = v as Record<string, unknown>
    let present = 0
    let k = 0
    for (const name in record) {
      let f: number
      if (seenKeys[k] === name) f = seenFields[k]!
      else {
        f = fieldOf.get(name) ?? -1
        seenKeys[k] = name
        seenFields[k] = f
      }
      k++
      if (f < 0) continue
      const x = record[name]
      if (x === undefined) continue
      if (isRequired[f]) present++
      switch (kinds[f]) {
        case STRING: {
          if (typeof x !== "string" || x.length < mins[f]! || x.length > maxs[f]!) return false
          const re = patterns[f]
          // A record's account key repeats in every record: a value that just passed passes.
          if (re && x !== passed[f]) {
            if (!re.test(x)) return false
            passed[f] = x
          }
          break
        }
        case INTEGER:
          if (typeof x !== "number" || !Number.isSafeInteger(x) || x < mins[f]! || x > maxs[f]!) return false
          break
        case NUMBER:
          if (typeof x !== "number" || !Number.isFinite(x) || x < mins[f]! || x > maxs[f]!) return false
          break
        case ENUM:
          if (!oneOf(sets[f]!, x)) return false
          break
        case BOOLEAN:
          if (typeof x !== "boolean") return false
          break
        default:
          if (!nested[f]!(x)) return false
      }
    }
    // Every required field was seen with a value (an own or inherited enumerable key, as zod reads).
    return present === requiredCount
  }
}

/**
 * Interactions are the collection that grows with history (10k-50k records per account), so
 * their check reads each field by name, a monomorphic load the JIT inlines, instead of walking a
 * field list (measured: the walk was most of the validation time). Only the names are written
 * here; each field's constraint is compiled from the schema, and when the names stop matching the
 * schema's fields the generic check is used instead (validate.test.ts requires them to match).
 */
export const INTERACTION_FIELDS = [
  "key", "crm", "org", "id", "modifiedAt", "seenAt", "accountKey", "dealKey", "channel", "direction", "at", "subject", "text",
  "sourceObject", "automated"
] as const

/** A laid-out schema's field checks: each field's compiled check (never accepting undefined)
 * and whether the field may be absent. */
interface FieldChecks {
  checks: Readonly<Record<string, Check>>
  optional: Readonly<Record<string, boolean>>
}

function interactionCheck({ checks, optional: o }: FieldChecks): Check {
  const { key, crm, org, id, modifiedAt, seenAt, accountKey, dealKey, channel, direction, at, subject, text, sourceObject, automated } =
    checks as Readonly<Record<(typeof INTERACTION_FIELDS)[number], Check>>
  // Absence is tested here, not by a wrapper around each optional field's check: one call
  // fewer per optional field of every record.
  const {
    key: oKey, crm: oCrm, org: oOrg, id: oId, modifiedAt: oModifiedAt, seenAt: oSeenAt, accountKey: oAccountKey, dealKey: oDealKey,
    channel: oChannel, direction: oDirection, at: oAt, subject: oSubject, text: oText, sourceObject: oSourceObject, automated: oAutomated
  } = o as Readonly<Record<(typeof INTERACTION_FIELDS)[number], boolean>>
  return (v) => {
    if (typeof v !== "object" || v === null || Array.isArray(v)) return false
    const r = v as Record<(typeof INTERACTION_FIELDS)[number], unknown>
    return (r.key === undefined ? oKey : key(r.key)) && (r.crm === undefined ? oCrm : crm(r.crm)) &&
      (r.org === undefined ? oOrg : org(r.org)) && (r.id === undefined ? oId : id(r.id)) &&
      (r.modifiedAt === undefined ? oModifiedAt : modifiedAt(r.modifiedAt)) && (r.seenAt === undefined ? oSeenAt : seenAt(r.seenAt)) &&
      (r.accountKey === undefined ? oAccountKey : accountKey(r.accountKey)) && (r.dealKey === undefined ? oDealKey : dealKey(r.dealKey)) &&
      (r.channel === undefined ? oChannel : channel(r.channel)) && (r.direction === undefined ? oDirection : direction(r.direction)) &&
      (r.at === undefined ? oAt : at(r.at)) && (r.subject === undefined ? oSubject : subject(r.subject)) &&
      (r.text === undefined ? oText : text(r.text)) && (r.sourceObject === undefined ? oSourceObject : sourceObject(r.sourceObject)) &&
      (r.automated === undefined ? oAutomated : automated(r.automated))
  }
}

/**
 * Quotes and their lines come next in number (a few per deal: hundreds in a 10k history). The
 * object walker's code is shared by every schema it checks, so its loads by name see every
 * record shape and go megamorphic (profiled in Chromium: about 0.23 ms of classifying 10k
 * records, most of it on these two collections); a check of their own reads each field
 * monomorphically.
 */
export const QUOTE_FIELDS = [
  "key", "crm", "org", "id", "modifiedAt", "seenAt", "accountKey", "dealKey", "name", "number", "status", "revision", "createdAt",
  "total", "discountPercent", "currency"
] as const

function quoteCheck({ checks, optional: o }: FieldChecks): Check {
  const { key, crm, org, id, modifiedAt, seenAt, accountKey, dealKey, name, number, status, revision, createdAt, total, discountPercent, currency } =
    checks as Readonly<Record<(typeof QUOTE_FIELDS)[number], Check>>
  const {
    key: oKey, crm: oCrm, org: oOrg, id: oId, modifiedAt: oModifiedAt, seenAt: oSeenAt, accountKey: oAccountKey, dealKey: oDealKey,
    name: oName, number: oNumber, status: oStatus, revision: oRevision, createdAt: oCreatedAt, total: oTotal,
    discountPercent: oDiscountPercent, currency: oCurrency
  } = o as Readonly<Record<(typeof QUOTE_FIELDS)[number], boolean>>
  return (v) => {
    if (typeof v !== "object" || v === null || Array.isArray(v)) return false
    const r = v as Record<(typeof QUOTE_FIELDS)[number], unknown>
    return (r.key === undefined ? oKey : key(r.key)) && (r.crm === undefined ? oCrm : crm(r.crm)) &&
      (r.org === undefined ? oOrg : org(r.org)) && (r.id === undefined ? oId : id(r.id)) &&
      (r.modifiedAt === undefined ? oModifiedAt : modifiedAt(r.modifiedAt)) && (r.seenAt === undefined ? oSeenAt : seenAt(r.seenAt)) &&
      (r.accountKey === undefined ? oAccountKey : accountKey(r.accountKey)) && (r.dealKey === undefined ? oDealKey : dealKey(r.dealKey)) &&
      (r.name === undefined ? oName : name(r.name)) && (r.number === undefined ? oNumber : number(r.number)) &&
      (r.status === undefined ? oStatus : status(r.status)) && (r.revision === undefined ? oRevision : revision(r.revision)) &&
      (r.createdAt === undefined ? oCreatedAt : createdAt(r.createdAt)) && (r.total === undefined ? oTotal : total(r.total)) &&
      (r.discountPercent === undefined ? oDiscountPercent : discountPercent(r.discountPercent)) &&
      (r.currency === undefined ? oCurrency : currency(r.currency))
  }
}

export const QUOTE_LINE_FIELDS = [
  "key", "crm", "org", "id", "modifiedAt", "seenAt", "quoteKey", "accountKey", "product", "quantity", "listPrice", "unitPrice",
  "discountPercent", "isCustom"
] as const

function quoteLineCheck({ checks, optional: o }: FieldChecks): Check {
  const { key, crm, org, id, modifiedAt, seenAt, quoteKey, accountKey, product, quantity, listPrice, unitPrice, discountPercent, isCustom } =
    checks as Readonly<Record<(typeof QUOTE_LINE_FIELDS)[number], Check>>
  const {
    key: oKey, crm: oCrm, org: oOrg, id: oId, modifiedAt: oModifiedAt, seenAt: oSeenAt, quoteKey: oQuoteKey, accountKey: oAccountKey,
    product: oProduct, quantity: oQuantity, listPrice: oListPrice, unitPrice: oUnitPrice, discountPercent: oDiscountPercent,
    isCustom: oIsCustom
  } = o as Readonly<Record<(typeof QUOTE_LINE_FIELDS)[number], boolean>>
  return (v) => {
    if (typeof v !== "object" || v === null || Array.isArray(v)) return false
    const r = v as Record<(typeof QUOTE_LINE_FIELDS)[number], unknown>
    return (r.key === undefined ? oKey : key(r.key)) && (r.crm === undefined ? oCrm : crm(r.crm)) &&
      (r.org === undefined ? oOrg : org(r.org)) && (r.id === undefined ? oId : id(r.id)) &&
      (r.modifiedAt === undefined ? oModifiedAt : modifiedAt(r.modifiedAt)) && (r.seenAt === undefined ? oSeenAt : seenAt(r.seenAt)) &&
      (r.quoteKey === undefined ? oQuoteKey : quoteKey(r.quoteKey)) && (r.accountKey === undefined ? oAccountKey : accountKey(r.accountKey)) &&
      (r.product === undefined ? oProduct : product(r.product)) && (r.quantity === undefined ? oQuantity : quantity(r.quantity)) &&
      (r.listPrice === undefined ? oListPrice : listPrice(r.listPrice)) && (r.unitPrice === undefined ? oUnitPrice : unitPrice(r.unitPrice)) &&
      (r.discountPercent === undefined ? oDiscountPercent : discountPercent(r.discountPercent)) &&
      (r.isCustom === undefined ? oIsCustom : isCustom(r.isCustom))
  }
}

const LAYOUTS = new Map<z.ZodType, { fields: readonly string[]; build: (fields: FieldChecks) => Check }>([
  [M.Interaction, { fields: INTERACTION_FIELDS, build: interactionCheck }],
  [M.Quote, { fields: QUOTE_FIELDS, build: quoteCheck }],
  [M.QuoteLine, { fields: QUOTE_LINE_FIELDS, build: quoteLineCheck }]
])

/** Each field's check and whether it may be absent, or null. */
function fieldChecks(schema: JsonSchema): FieldChecks | null {
  if (schema.type !== "object") return null
  for (const key of Object.keys(schema)) if (!KNOWN.has(key)) return null
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : [])
  const checks: Record<string, Check> = {}
  const optional: Record<string, boolean> = {}
  for (const [name, sub] of Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>)) {
    const check = compileNode(sub)
    if (!check) return null
    // No compiled check accepts undefined (typeof and enum tests of JSON values): the caller tests absence.
    checks[name] = check
    optional[name] = !required.has(name)
  }
  return { checks, optional }
}

/** The schema's hand-laid check, when it has one whose names are exactly the schema's fields. */
function laidOut(schema: z.ZodType, json: JsonSchema): Check | null {
  const layout = LAYOUTS.get(schema)
  const fields = layout ? fieldChecks(json) : null
  if (!layout || !fields) return null
  const names = Object.keys(fields.checks)
  if (names.length !== layout.fields.length || !layout.fields.every((f) => names.includes(f))) return null
  return layout.build(fields)
}

const predicates = new WeakMap<z.ZodType, Check | null>()

/** The compiled predicate for a schema (null when the schema needs zod itself). */
export function fastCheck(schema: z.ZodType): Check | null {
  if (predicates.has(schema)) return predicates.get(schema) ?? null
  let check: Check | null = null
  try {
    const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "throw" }) as JsonSchema
    check = laidOut(schema, json) ?? compileNode(json)
  } catch {
    check = null
  }
  predicates.set(schema, check)
  return check
}

/** Whether the schema is checked by its hand-laid check (validate.test.ts keeps each layout in use). */
export function isLaidOut(schema: z.ZodType): boolean {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "throw" }) as JsonSchema
  return laidOut(schema, json) !== null
}

export type Validated<T> = { ok: true; value: T } | { ok: false; reason: string }

/** One sentence from zod's first issue: "at: expected number, received undefined". */
function describe(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return "invalid record"
  const path = issue.path.length > 0 ? issue.path.join(".") + ": " : ""
  return `${path}${issue.message}`.slice(0, 300)
}

/** Whether the compiled predicate accepts the value (false also when there is none). */
export function passesFast(schema: z.ZodType, value: unknown): boolean {
  const check = fastCheck(schema)
  return check !== null && check(value)
}

/**
 * Validates one record. The value returned is the input itself when the fast path accepts it
 * (defaults such as `isCustom: false` are then absent and read as their default by the feature
 * extractors), or zod's parsed output otherwise.
 */
export function validate<S extends z.ZodType>(schema: S, value: unknown): Validated<z.input<S>> {
  const check = fastCheck(schema)
  if (check && check(value)) return { ok: true, value: value as z.input<S> }
  const parsed = schema.safeParse(value)
  return parsed.success ? { ok: true, value: parsed.data as z.input<S> } : { ok: false, reason: describe(parsed.error) }
}
