/**
 * The house's layers are enforced by lint (eslint.config.js, no-restricted-imports): each case is
 * an import the rules must refuse or allow, linted as if it were in that file.
 */
import { ESLint } from "eslint"
import { describe, expect, it } from "vitest"

const eslint = new ESLint()

async function refusals(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const used = x\n`, { filePath })
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message)
}

describe("layers", () => {
  it.each([
    ["src/snapshots/context.ts", 'import { x } from "../panel/charts/series"'],
    ["src/background/share.ts", 'import { x } from "../panel/links"'],
    ["src/background/sync.ts", 'import { x } from "../crm/salesforce/sync"'],
    ["src/panel/data.ts", 'import { x } from "../crm/dynamics/api"'],
    ["src/panel/data.ts", 'import { x } from "../background/state"'],
    ["src/panel/data.ts", 'import { x } from "../crm/registry"'],
    ["src/contents/salesforce.ts", 'import { x } from "../crm/registry"'],
    ["src/contents/salesforce.ts", 'import { x } from "../crm/dynamics/page"'],
    ["src/contents/dynamics.ts", 'import { x } from "../crm/dynamics/sync"'],
    ["src/contents/dynamics.ts", 'import * as x from "zod"'],
    ["src/crm/salesforce/page.ts", 'import { x } from "./api"'],
    ["src/messaging/send.ts", 'import { x } from "../model/db"']
  ])("%s may not: %s", async (file, source) => {
    expect(await refusals(file, source)).toHaveLength(1)
  })

  it.each([
    ["src/background/sync.ts", 'import { x } from "../crm/registry"'],
    ["src/panel/data.ts", 'import { x } from "../crm/account"'],
    ["src/contents/salesforce.ts", 'import { x } from "../crm/salesforce/page"'],
    ["src/contents/dynamics.ts", 'import { x } from "../crm/dynamics/bridge-isolated"'],
    ["src/crm/salesforce/connector.ts", 'import { x } from "./sync"'],
    ["src/crm/contract.ts", 'import type { x } from "../model/db"']
  ])("%s may: %s", async (file, source) => {
    expect(await refusals(file, source)).toEqual([])
  })
})
