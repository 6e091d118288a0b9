/**
 * The slice of OData `$filter` the mock Web API understands: comparisons (eq ne gt ge lt le) of a
 * column with a literal (GUID, number, 'string', null, true/false, ISO date-time), joined by
 * and/or/not and parentheses. Anything else is a syntax error, as Dataverse would answer.
 */
import type { Row } from "./data"

export class ODataSyntaxError extends Error {}

type Literal = string | number | boolean | null
type Node =
  | { kind: "cmp"; column: string; op: string; value: Literal }
  | { kind: "and" | "or"; left: Node; right: Node }
  | { kind: "not"; inner: Node }

// GUIDs and dates before numbers and names: "00000001-…" and "abcdef12-…" are GUIDs, not a number or a name.
const TOKEN = /\s*(\(|\)|'(?:[^']|'')*'|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\d{4}-\d{2}-\d{2}(?:T[0-9:.]+(?:Z|[+-]\d{2}:\d{2})?)?|-?\d+(?:\.\d+)?|[A-Za-z_][A-Za-z0-9_./]*)/y

function tokenize(text: string): string[] {
  const tokens: string[] = []
  TOKEN.lastIndex = 0
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break
    const m = TOKEN.exec(text)
    if (!m) throw new ODataSyntaxError(`Syntax error at position ${TOKEN.lastIndex} in '${text}'.`)
    tokens.push(m[1]!)
  }
  return tokens
}

export function parseFilter(text: string): Node {
  const tokens = tokenize(text)
  let i = 0
  const peek = () => tokens[i]
  const next = () => {
    const t = tokens[i++]
    if (t === undefined) throw new ODataSyntaxError(`Unexpected end of '${text}'.`)
    return t
  }
  const literal = (t: string): Literal => {
    if (t.startsWith("'")) return t.slice(1, -1).replace(/''/g, "'")
    if (t === "null") return null
    if (t === "true" || t === "false") return t === "true"
    if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t)
    if (/^[0-9a-f]{8}-/i.test(t) || /^\d{4}-\d{2}-\d{2}/.test(t)) return t.toLowerCase()
    throw new ODataSyntaxError(`'${t}' is not a literal.`)
  }
  const primary = (): Node => {
    const t = next()
    if (t === "(") {
      const inner = or()
      if (next() !== ")") throw new ODataSyntaxError("Expected ')'.")
      return inner
    }
    if (t === "not") return { kind: "not", inner: primary() }
    const op = next()
    if (!["eq", "ne", "gt", "ge", "lt", "le"].includes(op)) throw new ODataSyntaxError(`Unknown operator '${op}'.`)
    return { kind: "cmp", column: t, op, value: literal(next()) }
  }
  const and = (): Node => {
    let left = primary()
    while (peek() === "and") {
      i++
      left = { kind: "and", left, right: primary() }
    }
    return left
  }
  const or = (): Node => {
    let left = and()
    while (peek() === "or") {
      i++
      left = { kind: "or", left, right: and() }
    }
    return left
  }
  const tree = or()
  if (i !== tokens.length) throw new ODataSyntaxError(`Unexpected '${tokens[i]}'.`)
  return tree
}

function compare(a: unknown, b: Literal): number | null {
  if (a === null || a === undefined || b === null) return null
  if (typeof b === "number" && typeof a === "number") return a - b
  if (typeof b === "boolean") return a === b ? 0 : 1
  const sa = String(a).toLowerCase()
  const sb = String(b)
  const da = Date.parse(sa)
  const db = Date.parse(sb)
  if (/^\d{4}-\d{2}-\d{2}/.test(sb) && !Number.isNaN(da) && !Number.isNaN(db)) return da - db
  return sa < sb ? -1 : sa > sb ? 1 : 0
}

export function matches(node: Node, row: Row): boolean {
  switch (node.kind) {
    case "and":
      return matches(node.left, row) && matches(node.right, row)
    case "or":
      return matches(node.left, row) || matches(node.right, row)
    case "not":
      return !matches(node.inner, row)
    case "cmp": {
      const actual = row[node.column]
      if (node.value === null) return node.op === "eq" ? actual == null : node.op === "ne" ? actual != null : false
      const c = compare(actual, node.value)
      if (c === null) return node.op === "ne"
      return { eq: c === 0, ne: c !== 0, gt: c > 0, ge: c >= 0, lt: c < 0, le: c <= 0 }[node.op as "eq"]
    }
  }
}
