import tseslint from "typescript-eslint"

// CRM text is data, never markup: these constructs are banned everywhere (DESIGN.md, security rules).
const noMarkupSinks = [
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: "CRM text is data: render it as text, never dangerouslySetInnerHTML." },
  { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: "Use textContent or React; innerHTML/outerHTML are banned." },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: "insertAdjacentHTML is banned: build nodes instead." },
  { selector: "CallExpression[callee.property.name='write'][callee.object.name='document']", message: "document.write is banned." },
  { selector: "CallExpression[callee.name='eval']", message: "eval is banned (MV3 CSP and security rules)." },
  { selector: "NewExpression[callee.name='Function']", message: "new Function is banned (MV3 CSP and security rules)." },
  { selector: "ImportDeclaration[source.value='zod'] ImportSpecifier[imported.name='z']", message: "Under Plasmo, import zod as `import * as z from \"zod\"` (named import crashes the service worker)." }
]

export default tseslint.config(
  { ignores: ["build/**", ".plasmo/**", "node_modules/**", "demo-output/**"] },
  {
    files: ["**/*.{ts,tsx,mts,js,mjs}"],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: {
      "no-restricted-syntax": ["error", ...noMarkupSinks],
      "no-restricted-properties": ["error", { property: "innerHTML", message: "innerHTML is banned." }, { property: "outerHTML", message: "outerHTML is banned." }],
      "no-implied-eval": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }]
    }
  }
)
