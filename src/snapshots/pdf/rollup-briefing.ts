/**
 * The team briefing (issue 15) as layout blocks: what needs attention first, with the evidence of
 * each nudge, then every account of the roll-up with its latest labels. For a team meeting, so it
 * reads top-down like the panel. Words, dates and numbers come from `text` (en or fa), so this
 * stays pure; the panel lays it out and rasterises Persian lines (panel/export/rollup.ts).
 * Without names (the default), an account is its CRM record id and no rep is named.
 */
import type { Message } from "../../i18n/message"
import { parseRecordKey } from "../../model/keys"
import type { Nudge, RollupRow } from "../../team/types"
import type { AxisId } from "../axes"
import type { Block } from "./layout"

export const ROLLUP_BRIEFING_KEYS = [
  "rollupPdfTitle", "rollupPdfMeta", "rollupPdfRedacted", "rollupPdfNudges", "rollupPdfNoNudges", "rollupPdfAccounts", "rollupPdfMore",
  "rollupColAccount", "rollupColSharedBy", "rollupColSnapshot", "rollupColChanged", "rollupColWhy", "rollupColEvidence",
  "nudgeRiskRose", "nudgeDominanceToCustomer", "nudgeStale"
] as const
export type RollupBriefingKey = (typeof ROLLUP_BRIEFING_KEYS)[number]

export interface RollupBriefingText {
  dir: "ltr" | "rtl"
  t(key: RollupBriefingKey, params?: Readonly<Record<string, string | number>>): string
  label(axis: AxisId, value: string): string
  axisName(axis: AxisId): string
  /** An analysis sentence (a message descriptor) in the briefing's language. */
  message(message: Message): string
  number(n: number): string
  date(at: number): string
}

export interface RollupBriefingOptions {
  includeNames: boolean
  /** When the briefing is made (its header). */
  now: number
  /** Accounts in the table; the rest are counted (a meeting reads pages, the CSV has every row). */
  maxRows?: number
  /** Nudges listed; the table still sorts the rest attention first. */
  maxNudges?: number
}

const DASH = "—"

/** What the account is called in a file: its name, or only its CRM record id without names. */
export function accountCell(row: RollupRow, includeNames: boolean): string {
  if (includeNames && row.name.trim()) return row.name
  return parseRecordKey(row.accountKey)?.id ?? row.accountKey
}

export function nudgeSentence(nudge: Nudge, text: Pick<RollupBriefingText, "t" | "label" | "number">): string {
  switch (nudge.kind) {
    case "risk-rose":
      return text.t("nudgeRiskRose", { from: text.label("risk", nudge.from), to: text.label("risk", nudge.to) })
    case "dominance-to-customer":
      return text.t("nudgeDominanceToCustomer", { from: text.label("dominance", nudge.from) })
    case "stale":
      return text.t("nudgeStale", { days: text.number(nudge.days) })
  }
}

export function nudgeEvidence(nudge: Nudge, message: (m: Message) => string): string {
  if (nudge.kind === "risk-rose") return nudge.reasons.map(message).filter((s) => s.trim()).join(" · ")
  if (nudge.kind === "dominance-to-customer") return message(nudge.summary)
  return ""
}

export function rollupBriefingBlocks(rows: readonly RollupRow[], text: RollupBriefingText, options: RollupBriefingOptions): Block[] {
  const { t } = text
  const maxRows = options.maxRows ?? 400
  const maxNudges = options.maxNudges ?? 60
  const name = (row: RollupRow) => accountCell(row, options.includeNames)
  const blocks: Block[] = [
    { kind: "title", text: t("rollupPdfTitle") },
    { kind: "text", muted: true, text: t("rollupPdfMeta", { count: text.number(rows.length), date: text.date(options.now) }) }
  ]
  if (!options.includeNames) blocks.push({ kind: "text", bold: true, text: t("rollupPdfRedacted") })

  blocks.push({ kind: "heading", text: t("rollupPdfNudges") })
  const nudged = rows.flatMap((row) => row.nudges.map((nudge) => ({ row, nudge })))
  if (nudged.length === 0) blocks.push({ kind: "text", muted: true, text: t("rollupPdfNoNudges") })
  else {
    blocks.push({
      kind: "table",
      columns: [
        { title: t("rollupColAccount"), weight: 2.2 },
        { title: t("rollupColWhy"), weight: 3 },
        { title: t("rollupColEvidence"), weight: 4 }
      ],
      rows: nudged.slice(0, maxNudges).map(({ row, nudge }) => [name(row), nudgeSentence(nudge, text), nudgeEvidence(nudge, text.message) || DASH])
    })
    if (nudged.length > maxNudges) blocks.push({ kind: "text", muted: true, text: t("rollupPdfMore", { n: text.number(nudged.length - maxNudges) }) })
  }

  blocks.push({ kind: "heading", text: t("rollupPdfAccounts") })
  const columns = [
    { title: t("rollupColAccount"), weight: 2.4 },
    ...(options.includeNames ? [{ title: t("rollupColSharedBy"), weight: 1.8 }] : []),
    { title: text.axisName("risk"), weight: 1.4 },
    { title: text.axisName("dominance"), weight: 2 },
    { title: text.axisName("valueTier"), weight: 1.3 },
    { title: t("rollupColSnapshot"), weight: 1.6 },
    { title: t("rollupColChanged"), weight: 2.6 }
  ]
  blocks.push({
    kind: "table",
    size: 8,
    columns,
    rows: rows.slice(0, maxRows).map((row) => [
      name(row),
      ...(options.includeNames ? [row.sharedBy?.name.trim() || DASH] : []),
      text.label("risk", row.labels.risk),
      text.label("dominance", row.labels.dominance),
      text.label("valueTier", row.labels.valueTier),
      text.date(row.latestAt),
      row.changes.length ? row.changes.map((c) => `${text.label(c.axis as AxisId, c.from)} → ${text.label(c.axis as AxisId, c.to)}`).join("; ") : DASH
    ])
  })
  if (rows.length > maxRows) blocks.push({ kind: "text", muted: true, text: t("rollupPdfMore", { n: text.number(rows.length - maxRows) }) })
  return blocks
}
