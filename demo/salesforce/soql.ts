/**
 * A small SOQL parser for the mock API: SELECT with field paths and parent-to-child subqueries
 * (any depth), FROM, WHERE (AND / OR / NOT, parentheses, = != < > <= >= LIKE, IN / NOT IN),
 * semi-joins (`Id IN (SELECT AccountId FROM …)`), ORDER BY (ASC/DESC, NULLS FIRST/LAST) and LIMIT.
 * Enough for every query Parley sends.
 */

export type SoqlValue = string | number | boolean | null | { datetime: number } | { date: string }

export type SoqlExpr =
  | { kind: "and" | "or"; left: SoqlExpr; right: SoqlExpr }
  | { kind: "not"; expr: SoqlExpr }
  | { kind: "cmp"; field: string; op: "=" | "!=" | "<" | ">" | "<=" | ">=" | "LIKE"; value: SoqlValue }
  | { kind: "in"; field: string; negate: boolean; values: SoqlValue[]; semiJoin?: SoqlQuery }

export interface SoqlQuery {
  fields: string[]
  subqueries: SoqlQuery[]
  from: string
  where?: SoqlExpr
  orderBy: { field: string; desc: boolean; nullsLast: boolean }[]
  limit?: number
}

export class SoqlError extends Error {
  override readonly name = "SoqlError"
}

type Token = { t: "id" | "str" | "num" | "dt" | "date" | "op" | "punct"; v: string }

const PATTERNS: [Token["t"], RegExp][] = [
  ["dt", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:?\d{2})/],
  ["date", /^\d{4}-\d{2}-\d{2}(?![\dT])/],
  ["num", /^-?\d+(?:\.\d+)?/],
  ["id", /^[A-Za-z_][A-Za-z0-9_.]*/],
  ["op", /^(?:!=|<=|>=|=|<|>)/],
  ["punct", /^[(),]/]
]

function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let rest = text
  while ((rest = rest.replace(/^\s+/, ""))) {
    if (rest[0] === "'") {
      let value = ""
      let i = 1
      for (; i < rest.length && rest[i] !== "'"; i++) {
        if (rest[i] === "\\") i++
        value += rest[i] ?? ""
      }
      if (i >= rest.length) throw new SoqlError("unterminated string literal")
      tokens.push({ t: "str", v: value })
      rest = rest.slice(i + 1)
      continue
    }
    const hit = PATTERNS.find(([, re]) => re.test(rest))
    if (!hit) throw new SoqlError(`unexpected token near '${rest.slice(0, 20)}'`)
    const v = hit[1].exec(rest)![0]
    tokens.push({ t: hit[0], v })
    rest = rest.slice(v.length)
  }
  return tokens
}

class Parser {
  private i = 0
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.i]
  }
  private keyword(word: string): boolean {
    const tok = this.peek()
    if (tok?.t === "id" && tok.v.toUpperCase() === word) {
      this.i++
      return true
    }
    return false
  }
  private expectKeyword(word: string): void {
    if (!this.keyword(word)) throw new SoqlError(`expecting ${word}, found '${this.peek()?.v ?? "end"}'`)
  }
  private punct(p: string): boolean {
    if (this.peek()?.t === "punct" && this.peek()!.v === p) {
      this.i++
      return true
    }
    return false
  }
  private expectPunct(p: string): void {
    if (!this.punct(p)) throw new SoqlError(`expecting '${p}', found '${this.peek()?.v ?? "end"}'`)
  }
  private ident(): string {
    const tok = this.peek()
    if (tok?.t !== "id") throw new SoqlError(`expecting a field name, found '${tok?.v ?? "end"}'`)
    this.i++
    return tok.v
  }

  query(): SoqlQuery {
    this.expectKeyword("SELECT")
    const fields: string[] = []
    const subqueries: SoqlQuery[] = []
    do {
      if (this.punct("(")) {
        subqueries.push(this.query())
        this.expectPunct(")")
      } else fields.push(this.ident())
    } while (this.punct(","))
    this.expectKeyword("FROM")
    const from = this.ident()
    const query: SoqlQuery = { fields, subqueries, from, orderBy: [] }
    if (this.keyword("WHERE")) query.where = this.or()
    if (this.keyword("ORDER")) {
      this.expectKeyword("BY")
      do {
        const field = this.ident()
        const desc = this.keyword("DESC") ? true : (this.keyword("ASC"), false)
        let nullsLast = desc
        if (this.keyword("NULLS")) nullsLast = this.keyword("LAST") ? true : (this.expectKeyword("FIRST"), false)
        query.orderBy.push({ field, desc, nullsLast })
      } while (this.punct(","))
    }
    if (this.keyword("LIMIT")) {
      const tok = this.peek()
      if (tok?.t !== "num") throw new SoqlError("LIMIT needs a number")
      this.i++
      query.limit = Number(tok.v)
    }
    return query
  }

  private or(): SoqlExpr {
    let left = this.and()
    while (this.keyword("OR")) left = { kind: "or", left, right: this.and() }
    return left
  }
  private and(): SoqlExpr {
    let left = this.unary()
    while (this.keyword("AND")) left = { kind: "and", left, right: this.unary() }
    return left
  }
  private unary(): SoqlExpr {
    if (this.keyword("NOT")) return { kind: "not", expr: this.unary() }
    if (this.punct("(")) {
      const inner = this.or()
      this.expectPunct(")")
      return inner
    }
    const field = this.ident()
    if (this.keyword("NOT")) {
      this.expectKeyword("IN")
      return this.inList(field, true)
    }
    if (this.keyword("IN")) return this.inList(field, false)
    if (this.keyword("LIKE")) return { kind: "cmp", field, op: "LIKE", value: this.value() }
    const op = this.peek()
    if (op?.t !== "op") throw new SoqlError(`expecting an operator after ${field}`)
    this.i++
    return { kind: "cmp", field, op: op.v as "=", value: this.value() }
  }
  /** `IN (values)` or a semi-join `IN (SELECT <one id field> FROM …)` ("Semi-Join and Anti-Join
   * Filters": the subquery selects one ID or reference field). */
  private inList(field: string, negate: boolean): SoqlExpr {
    const next = this.tokens[this.i + 1]
    if (this.peek()?.t === "punct" && this.peek()!.v === "(" && next?.t === "id" && next.v.toUpperCase() === "SELECT") {
      this.i++
      const semiJoin = this.query()
      this.expectPunct(")")
      if (semiJoin.fields.length !== 1 || semiJoin.subqueries.length) throw new SoqlError("a semi-join subquery selects exactly one field")
      return { kind: "in", field, negate, values: [], semiJoin }
    }
    return { kind: "in", field, negate, values: this.list() }
  }
  private list(): SoqlValue[] {
    this.expectPunct("(")
    const values: SoqlValue[] = []
    do values.push(this.value())
    while (this.punct(","))
    this.expectPunct(")")
    return values
  }
  private value(): SoqlValue {
    const tok = this.peek()
    if (!tok) throw new SoqlError("expecting a value")
    this.i++
    switch (tok.t) {
      case "str":
        return tok.v
      case "num":
        return Number(tok.v)
      case "dt":
        return { datetime: Date.parse(tok.v.replace(/([+-]\d{2})(\d{2})$/, "$1:$2")) }
      case "date":
        return { date: tok.v }
      case "id": {
        const word = tok.v.toUpperCase()
        if (word === "TRUE" || word === "FALSE") return word === "TRUE"
        if (word === "NULL") return null
      }
    }
    throw new SoqlError(`unexpected value '${tok.v}'`)
  }

  end(): void {
    if (this.i < this.tokens.length) throw new SoqlError(`unexpected '${this.tokens[this.i]!.v}'`)
  }
}

export function parseSoql(text: string): SoqlQuery {
  const parser = new Parser(tokenize(text))
  const query = parser.query()
  parser.end()
  return query
}
