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

describe("no CRM branching outside src/crm", () => {
  // The pricing chip's detectors and currency reading are per-CRM page code that the page
  // connectors expose (`priceInputs`); they move under src/crm/<crm>/ with the chip's next change.
  const KNOWN = new Set(["src/chip/detect.ts", "src/chip/context.ts"])

  it("compares against a CRM name only inside src/crm (and the known chip files)", async () => {
    const { readdirSync, readFileSync, statSync } = await import("node:fs")
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = `${dir}/${name}`
        return statSync(path).isDirectory() ? walk(path) : /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : []
      })
    const branching = walk("src")
      .filter((file) => !file.startsWith("src/crm/") && !KNOWN.has(file))
      .filter((file) => /[!=]==?\s*["'](salesforce|dynamics)["']|["'](salesforce|dynamics)["']\s*[!=]==?/.test(readFileSync(file, "utf8")))
    expect(branching).toEqual([])
  })
})
