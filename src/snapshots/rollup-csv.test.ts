import { describe, expect, it } from "vitest"
import { rollupCsvText } from "../panel/export/rollup"
import { words } from "../panel/export/words"
import { buildRollup } from "../team/rollup"
import { NOW, okFile, teamScenario } from "../../tests/support/rollup-fixtures"
import { parseCsvRow } from "../../tests/support/csv-parse"
import { BOM } from "./csv"
import { buildRollupCsv, rollupCsvColumns } from "./rollup-csv"

const NAMES = ["Rising Risk Ltd", "شرکت پارس", "Old News Inc", "Calm Co", "Ava Rep", "بیژن فروشنده"]

async function csv(options: Parameters<typeof buildRollupCsv>[1], files = teamScenario()) {
  const rows = buildRollup(files, { now: NOW, staleDays: 30 })
  const parts = await buildRollupCsv(rows, options)
  expect(parts[0]).toBe(BOM)
  const text = parts.join("")
  const lines = parts.slice(1).map((line) => parseCsvRow(line))
  const [header, ...body] = lines
  return { text, header: header!, body, records: body.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i]]))) }
}

describe("roll-up CSV", () => {
  it("is redacted by default: keys, ids, labels and dates, no account or rep names", async () => {
    const { text, header, records } = await csv({})
    expect(header).toEqual(rollupCsvColumns(false))
    expect(header).not.toContain("account")
    expect(header).not.toContain("sharedBy")
    for (const name of NAMES) expect(text).not.toContain(name)
    expect(records).toHaveLength(4)
    const rising = records.find((r) => r.accountKey === "salesforce:00Dlead:001RISE")!
    expect(rising).toMatchObject({ crm: "salesforce", org: "00Dlead", accountId: "001RISE", sharedById: "005A", risk: "at-risk", changed: "true", changes: "watch → at-risk", snapshots: "2" })
    expect(rising.snapshotAt).toBe(new Date(NOW - 2 * 86_400_000).toISOString().slice(0, 10))
    expect(rising.nudges).toBe("risk-rose:watch>at-risk")
    expect(records.find((r) => r.accountId === "001OLD")?.nudges).toBe("stale:45")
  })

  it("includes names when asked, and a hostile name cannot run as a formula", async () => {
    const evil = "=cmd|' /C calc'!A0"
    const files = [...teamScenario(), okFile({ id: "x1", accountId: "001EVIL", name: evil, author: { id: "005E", name: "@SUM(A1)" }, at: NOW - 86_400_000 })]
    const { header, records } = await csv({ includeNames: true }, files)
    expect(header).toContain("account")
    expect(header).toContain("sharedBy")
    const hostile = records.find((r) => r.accountId === "001EVIL")!
    expect(hostile.account).toBe(`'${evil}`)
    expect(hostile.sharedBy).toBe("'@SUM(A1)")
    expect(records.find((r) => r.accountId === "001DOM")?.account).toBe("شرکت پارس")
  })

  it("speaks the panel's language: Persian headers, label words and nudge sentences", async () => {
    const { header, records } = await csv({ includeNames: false, text: rollupCsvText(words("fa")) })
    expect(header[0]).toBe("کلید حساب")
    expect(header).toContain("ریسک")
    const rising = records.find((r) => r["کلید حساب"] === "salesforce:00Dlead:001RISE")!
    expect(rising["ریسک"]).toBe(words("fa").label("risk", "at-risk"))
    expect(rising["نیازمند توجه"]).toContain("ریسک از")
    expect(records.find((r) => r["کلید حساب"] === "salesforce:00Dlead:001OLD")?.["نیازمند توجه"]).toBe("۴۵ روز است که اسنپ‌شاتی هم‌رسانی نشده")
  })

  it("yields while it writes thousands of rows", async () => {
    let pauses = 0
    let clock = 0
    const rows = buildRollup(teamScenario(), { now: NOW, staleDays: 30 })
    const parts = await buildRollupCsv(rows, { now: () => (clock += 5), budgetMs: 8, yieldFn: async () => void pauses++ })
    expect(parts).toHaveLength(2 + rows.length)
    expect(pauses).toBeGreaterThan(0)
  })
})
