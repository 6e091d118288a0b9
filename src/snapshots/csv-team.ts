/**
 * The team CSV: one row per account with its labels and key figures, the columns of
 * allowlist.ts (redacted: without the owner's name and free text). Profiles come straight from
 * IndexedDB and may come from an older build, so every value is read defensively and a missing
 * one is an empty cell. Header titles and label words are the caller's (the panel's language);
 * numbers stay plain numbers with a dot, and dates are ISO 8601, so a spreadsheet can compute.
 */
import { MessageSchema, type Message } from "../i18n/message"
import { renderMessage, withoutIsolates } from "../i18n/render"
import { parseRecordKey } from "../model/keys"
import { teamCsvColumns, type TeamCsvColumnId } from "./allowlist"
import { csvRow, type CsvValue } from "./csv"

export interface TeamCsvSource {
  account: { key: string; name: string; ownerName?: string }
  /** The stored profile (unvalidated). */
  profile: unknown
  lastActivity?: number | null
}

export interface TeamCsvText {
  header(column: TeamCsvColumnId): string
  /** A machine label as words; `column` says which table it belongs to. */
  label(column: TeamCsvColumnId, value: string): string
  /** An analysis sentence (a message descriptor) in the export's language, without bidi isolates. */
  message(message: Message): string
}

export const MACHINE_TEXT: TeamCsvText = { header: (c) => c, label: (_c, v) => v, message: (m) => withoutIsolates(renderMessage(m, "en")) }

/** A stored sentence: a descriptor (profile version 2) in the export's words, or a version-1 string as it was. */
function sentence(value: unknown, text: TeamCsvText): string | null {
  if (typeof value === "string") return value
  const parsed = MessageSchema.safeParse(value)
  return parsed.success ? text.message(parsed.data) : null
}

type Loose = Record<string, unknown>
const obj = (v: unknown): Loose => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Loose) : {})
const str = (v: unknown): string | null => (typeof v === "string" ? v : null)
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null)
const round = (v: number | null, digits = 3) => (v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits)
/** A date column; a time outside what a Date can hold (±8.64e15 ms, a corrupt stored row) is left empty, never thrown. */
const isoDate = (at: number | null) => (at === null || !(Math.abs(at) <= 8.64e15) ? null : new Date(at).toISOString().slice(0, 10))

function lastFinalDiscount(profile: Loose): number | null {
  const deals = obj(profile.concessions).deals
  if (!Array.isArray(deals)) return null
  let best: { at: number; value: number } | null = null
  for (const d of deals) {
    const deal = obj(d)
    const value = num(deal.finalDiscountPercent)
    const revisions = Array.isArray(deal.revisions) ? deal.revisions : []
    // A loop, not Math.max(...spread): a deal with a huge revision list must not overflow the stack.
    let at = -Infinity
    for (const r of revisions) at = Math.max(at, num(obj(r).at) ?? -Infinity)
    if (value !== null && Number.isFinite(at) && (!best || at > best.at)) best = { at, value }
  }
  return best?.value ?? null
}

/** Every column's value for one account (machine form; labels are translated in teamCsvRow). */
export function teamCsvValues(source: TeamCsvSource, text: TeamCsvText = MACHINE_TEXT): Record<TeamCsvColumnId, CsvValue> {
  const p = obj(source.profile)
  const axis = (name: string) => obj(p[name])
  const label = (name: string) => str(axis(name).label)
  const confidence = (name: string) => round(num(axis(name).confidence))
  const key = parseRecordKey(source.account.key)
  return {
    account: source.account.name,
    crm: key?.crm ?? null,
    org: key?.org ?? null,
    accountId: key?.id ?? null,
    owner: source.account.ownerName ?? null,
    valueOrigin: label("valueOrigin"),
    valueOriginConfidence: confidence("valueOrigin"),
    dominance: label("dominance"),
    dominanceConfidence: confidence("dominance"),
    dominanceScore: round(num(axis("dominance").score)),
    initiator: label("initiator"),
    initiatorConfidence: confidence("initiator"),
    criterion: label("decisionCriteria"),
    criterionConfidence: confidence("decisionCriteria"),
    priceWeight: round(num(obj(axis("decisionCriteria").weights).price)),
    responsiveness: label("complaints"),
    casesTotal: num(axis("complaints").total),
    casesOpen: num(axis("complaints").open),
    dependence: label("dependence"),
    strategy: label("crmStrategy"),
    tier: label("valueTier"),
    tierPercentile: round(num(axis("valueTier").percentile)),
    risk: label("risk"),
    riskConfidence: confidence("risk"),
    dellTrap: typeof axis("dellTrap").flagged === "boolean" ? (axis("dellTrap").flagged as boolean) : null,
    discountTrend: str(obj(p.concessions).discountTrend),
    lastFinalDiscount: lastFinalDiscount(p),
    records: num(obj(p.sampleSize).total),
    lastActivity: isoDate(source.lastActivity ?? null),
    classifiedAt: isoDate(num(p.computedAt)),
    riskSummary: sentence(axis("risk").summary, text)
  }
}

const LABEL_COLUMNS: ReadonlySet<TeamCsvColumnId> = new Set([
  "crm", "valueOrigin", "dominance", "initiator", "criterion", "responsiveness", "dependence", "strategy", "tier", "risk", "discountTrend"
])

export function teamCsvHeader(redact: boolean, text: TeamCsvText = MACHINE_TEXT): string {
  return csvRow(teamCsvColumns(redact).map((c) => text.header(c.id)))
}

export function teamCsvRow(source: TeamCsvSource, redact: boolean, text: TeamCsvText = MACHINE_TEXT): string {
  const values = teamCsvValues(source, text)
  return csvRow(
    teamCsvColumns(redact).map(({ id }) => {
      const value = values[id]
      return LABEL_COLUMNS.has(id) && typeof value === "string" ? text.label(id, value) : value
    })
  )
}
