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
    const allowed = new Set<unknown>(values)
    return (v) => allowed.has(v)
  }
  switch (type) {
    case "string": {
      const min = num(schema, "minLength") ?? 0
      const max = num(schema, "maxLength") ?? Infinity
      const re = typeof schema.pattern === "string" ? new RegExp(schema.pattern) : null
      return (v) => typeof v === "string" && v.length >= min && v.length <= max && (re === null || re.test(v))
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
  const sets: Array<Set<unknown> | null> = []
  const nested: Array<Check | null> = []
  for (const [name, sub] of Object.entries(props)) {
    for (const key of Object.keys(sub)) if (!KNOWN.has(key)) return null
    let kind: number
    let min = -Infinity
    let max = Infinity
    let pattern: RegExp | null = null
    let set: Set<unknown> | null = null
    let inner: Check | null = null
    if (Array.isArray(sub.enum)) {
      kind = ENUM
      set = new Set<unknown>(sub.enum)
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
  const count = names.length
  // zod objects strip unknown keys, so additionalProperties is not enforced here.
  return (v) => {
    if (typeof v !== "object" || v === null || Array.isArray(v)) return false
    const record = v as Record<string, unknown>
    for (let f = 0; f < count; f++) {
      const x = record[names[f]!]
      if (x === undefined) {
        if (isRequired[f]) return false
        continue
      }
      switch (kinds[f]) {
        case STRING: {
          if (typeof x !== "string" || x.length < mins[f]! || x.length > maxs[f]!) return false
          const re = patterns[f]
          if (re && !re.test(x)) return false
          break
        }
        case INTEGER:
          if (typeof x !== "number" || !Number.isSafeInteger(x) || x < mins[f]! || x > maxs[f]!) return false
          break
        case NUMBER:
          if (typeof x !== "number" || !Number.isFinite(x) || x < mins[f]! || x > maxs[f]!) return false
          break
        case ENUM:
          if (!sets[f]!.has(x)) return false
          break
        case BOOLEAN:
          if (typeof x !== "boolean") return false
          break
        default:
          if (!nested[f]!(x)) return false
      }
    }
    return true
  }
}

const predicates = new WeakMap<z.ZodType, Check | null>()

/** The compiled predicate for a schema (null when the schema needs zod itself). */
export function fastCheck(schema: z.ZodType): Check | null {
  if (predicates.has(schema)) return predicates.get(schema) ?? null
  let check: Check | null = null
  try {
    check = compileNode(z.toJSONSchema(schema, { io: "input", unrepresentable: "throw" }) as JsonSchema)
  } catch {
    check = null
  }
  predicates.set(schema, check)
  return check
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
