/**
 * The slice of OData `$filter` the mock Web API understands: comparisons (eq ne gt ge lt le) of a
 * column with a literal (GUID, number, 'string', null, true/false, ISO date-time), the standard
 * string functions `startswith`, `endswith` and `contains` ("Filter rows using OData", standard
 * query functions), Dataverse's `Microsoft.Dynamics.CRM.In` / `NotIn` query functions
 * (`In(PropertyName='x',PropertyValues=['a','b'])`, "In Function": "evaluates whether the value
 * exists in a list of values"; PropertyValues is a Collection(Edm.String)), joined by and/or/not
 * and parentheses. Anything else is a syntax error, as Dataverse would answer.
 *
 * Text compares without regard to case, as Dataverse's default database collation does (an
 * `eq 'acme'` finds "Acme").
 */
import type { Row } from "./data"

export class ODataSyntaxError extends Error {}

type Literal = string | number | boolean | null
type Node =
  | { kind: "cmp"; column: string; op: string; value: Literal }
  | { kind: "text"; fn: "startswith" | "endswith" | "contains"; column: string; value: string }
  | { kind: "in"; column: string; values: string[]; negate: boolean }
  | { kind: "and" | "or"; left: Node; right: Node }
  | { kind: "not"; inner: Node }

// GUIDs and dates before numbers and names: "00000001-…" and "abcdef12-…" are GUIDs, not a number or a name.
const TOKEN = /\s*(\(|\)|,|=|\[|\]|'(?:[^']|'')*'|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\d{4}-\d{2}-\d{2}(?:T[0-9:.]+(?:Z|[+-]\d{2}:\d{2})?)?|-?\d+(?:\.\d+)?|[A-Za-z_][A-Za-z0-9_./]*)/y

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
  const expect = (token: string) => {
    const t = next()
    if (t !== token) throw new ODataSyntaxError(`Expected '${token}' but found '${t}' in '${text}'.`)
  }
  const stringLiteral = (t: string): string => {
    if (!t.startsWith("'")) throw new ODataSyntaxError(`'${t}' is not a string literal.`)
    return t.slice(1, -1).replace(/''/g, "'")
  }
  const column = (t: string): string => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(t)) throw new ODataSyntaxError(`'${t}' is not a property name.`)
    return t
  }
  /** `In(PropertyName='col',PropertyValues=['a','b'])`, after the function name. */
  const inFunction = (negate: boolean): Node => {
    expect("(")
    if (next() !== "PropertyName") throw new ODataSyntaxError("The In function takes PropertyName first.")
    expect("=")
    const name = column(stringLiteral(next()))
    expect(",")
    if (next() !== "PropertyValues") throw new ODataSyntaxError("The In function takes PropertyValues second.")
    expect("=")
    expect("[")
    const values: string[] = []
    for (;;) {
      values.push(stringLiteral(next()))
      const t = next()
      if (t === "]") break
      if (t !== ",") throw new ODataSyntaxError(`Expected ',' or ']' in PropertyValues of '${text}'.`)
    }
    expect(")")
    return { kind: "in", column: name, values, negate }
  }
  const primary = (): Node => {
    const t = next()
    if (t === "Microsoft.Dynamics.CRM.In" || t === "Microsoft.Dynamics.CRM.NotIn") return inFunction(t.endsWith("NotIn"))
    if ((t === "startswith" || t === "endswith" || t === "contains") && peek() === "(") {
      expect("(")
      const name = column(next())
      expect(",")
      const value = stringLiteral(next())
      expect(")")
      return { kind: "text", fn: t, column: name, value }
    }
    if (t === "(") {
      const inner = or()
      if (next() !== ")") throw new ODataSyntaxError("Expected ')'.")
      return inner
    }
    if (t === "not") return { kind: "not", inner: primary() }
    const op = next()
    if (!["eq", "ne", "gt", "ge", "lt", "le"].includes(op)) throw new ODataSyntaxError(`Unknown operator '${op}'.`)
    return { kind: "cmp", column: column(t), op, value: literal(next()) }
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
  const sb = String(b).toLowerCase()
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
    case "text": {
      const actual = row[node.column]
      if (typeof actual !== "string") return false
      const [hay, needle] = [actual.toLowerCase(), node.value.toLowerCase()]
      return node.fn === "startswith" ? hay.startsWith(needle) : node.fn === "endswith" ? hay.endsWith(needle) : hay.includes(needle)
    }
    case "in": {
      const actual = row[node.column]
      const found = actual != null && node.values.some((v) => v.toLowerCase() === String(actual).toLowerCase())
      return node.negate ? !found : found
    }
    case "cmp": {
      const actual = row[node.column]
      if (node.value === null) return node.op === "eq" ? actual == null : node.op === "ne" ? actual != null : false
      const c = compare(actual, node.value)
      if (c === null) return node.op === "ne"
      return { eq: c === 0, ne: c !== 0, gt: c > 0, ge: c >= 0, lt: c < 0, le: c <= 0 }[node.op as "eq"]
    }
  }
}
