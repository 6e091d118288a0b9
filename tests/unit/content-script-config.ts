/**
 * Reads a content script's `config.matches` the way Plasmo does: only a literal array (or a
 * top-level const in the same file) counts; anything else means Plasmo would emit <all_urls>.
 */
import ts from "typescript"

export function contentScriptMatches(source: string): string[] | null {
  const file = ts.createSourceFile("cs.ts", source, ts.ScriptTarget.Latest, true)
  const consts = new Map<string, ts.Expression>()
  let config: ts.ObjectLiteralExpression | undefined
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue
    for (const decl of statement.declarationList.declarations) {
      if (!ts.isIdentifier(decl.name) || !decl.initializer) continue
      consts.set(decl.name.text, decl.initializer)
      if (decl.name.text === "config" && ts.isObjectLiteralExpression(decl.initializer)) config = decl.initializer
    }
  }
  const prop = config?.properties.find(
    (p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === "matches"
  )
  let value: ts.Expression | undefined = prop?.initializer
  if (value && ts.isIdentifier(value)) value = consts.get(value.text)
  if (!value || !ts.isArrayLiteralExpression(value)) return null
  const out: string[] = []
  for (const el of value.elements) {
    if (!ts.isStringLiteral(el)) return null
    out.push(el.text)
  }
  return out
}
