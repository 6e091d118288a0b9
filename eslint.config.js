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

// ── Layers (DESIGN.md "Where the code is heading"), enforced with no-restricted-imports ────────
// Each file gets one list (a later flat-config entry for the same rule replaces, not merges).
const CRMS = ["salesforce", "dynamics"]
const layer = {
  // Only the panel (and its entry, sidepanel.tsx) imports the panel: lower layers never do.
  panel: { regex: "(^|/)panel(/|$)", message: "Only src/panel/ imports the panel: move what you need to a lower layer (src/model, src/snapshots, src/crm, src/i18n)." },
  // Outside src/crm/, a CRM is reached through src/crm/registry.ts (API side) or src/crm/page-registry.ts.
  crmInternals: { regex: "(^|/)crm/(salesforce|dynamics)(/|$)", message: "Reach a CRM through src/crm/registry.ts or src/crm/page-registry.ts, never src/crm/<crm>/ directly." },
  // The panel takes the pure rules (src/crm/rules-registry.ts): the API registry would put the
  // sync, share and session code into the panel's bundle.
  apiRegistry: { regex: "(^|/)crm/registry$", message: "The panel uses src/crm/rules-registry.ts; src/crm/registry.ts carries the sync code." },
  // The panel renders the profiles the background computed: the classifier and its lexicon (any
  // other module of src/analysis, src/text) would ride along in every panel open (144 KB).
  classifier: { regex: "(^|/)analysis(/(?!(hints|profile|evidence|limits|parameters)$)[^/]+)?$|(^|/)text/", message: "The panel takes src/analysis/hints.ts, profile.ts, evidence.ts, limits.ts and parameters.ts; the classifier runs in the background." },
  background: { regex: "(^|/)background(/|$)", message: "The background is an entry point: share what you need through src/model, src/messaging or src/crm." },
  // Content scripts: 15 KiB on every CRM page; the API side, zod and Dexie never ride along.
  apiSide: {
    regex: "(^|/)crm/((salesforce|dynamics)/(api|sync|share|connector|map|soql|budget|snapshot-files|deep|status)|registry|account|resolve-account|record-link|request-budget)$|^\\./(api|sync|share|connector|map|soql|budget|snapshot-files|deep|status)$|(^|/)model/(db|store|settings)$|^(zod|dexie)$",
    message: "Content scripts import the page side only (src/crm/<crm>/page.ts and its DOM/URL readers): the API side, zod and Dexie break the 15 KiB budget."
  }
}
const otherCrm = (crm) => ({ regex: `(^|/)crm/(${CRMS.filter((c) => c !== crm).join("|")})(/|$)`, message: `src/contents/${crm}.ts loads on ${crm} pages only: it never carries another CRM.` })
// Type-only imports are erased from the bundle, so they never cost a content script anything.
const restrict = (...patterns) => ({ "no-restricted-imports": ["error", { patterns: patterns.map(({ regex, message }) => ({ regex, message, allowTypeImports: true })) }] })

const layers = [
  { files: ["src/**/*.{ts,tsx}"], ignores: ["src/panel/**", "src/sidepanel.tsx", "src/crm/**", "src/contents/**", "src/**/*.test.{ts,tsx}"], rules: restrict(layer.panel, layer.crmInternals) },
  { files: ["src/panel/**/*.{ts,tsx}", "src/sidepanel.tsx"], ignores: ["src/**/*.test.{ts,tsx}"], rules: restrict(layer.crmInternals, layer.background, layer.apiRegistry, layer.classifier) },
  { files: ["src/crm/**/*.{ts,tsx}"], ignores: ["src/**/*.test.{ts,tsx}"], rules: restrict(layer.panel) },
  ...CRMS.map((crm) => ({ files: [`src/contents/${crm}*.ts`], rules: restrict(layer.panel, layer.background, layer.apiSide, otherCrm(crm)) })),
  // What the content scripts import in turn: the same budget applies one step further down.
  { files: ["src/crm/*/page.ts", "src/crm/contract.ts"], rules: restrict(layer.panel, layer.background, layer.apiSide) },
  { files: ["src/lib/page-watcher.ts", "src/messaging/send.ts", "src/messaging/messages.ts", "src/chip/detect.ts", "src/chip/lazy.ts"], rules: restrict(layer.panel, layer.background, layer.crmInternals, layer.apiSide) },
  // The Salesforce session finder belongs to the Salesforce connector (issue 11 moves it to
  // src/crm/salesforce/); until then it may read the host rules it needs.
  { files: ["src/background/salesforce-session.ts"], rules: restrict(layer.panel) }
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
  },
  ...layers,
  // One browser layer (issue 16): extension APIs only through src/platform/browser.ts, where each
  // Chrome/Firefox difference is handled once.
  {
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/platform/**"],
    rules: {
      "no-restricted-globals": ["error",
        { name: "chrome", message: "Extension APIs go through src/platform/browser.ts." },
        { name: "browser", message: "Extension APIs go through src/platform/browser.ts." }]
    }
  }
)
