/**
 * The snapshot document (SNAPSHOT_VERSION 2): the envelope of src/model/schema.ts (`Snapshot`)
 * with a typed payload. What is in a payload is decided by allowlist.ts; this module only says
 * what a valid one looks like, so an import can be checked field by field.
 *
 * The payload reuses the analysis' own schemas (RelationshipProfile, NegotiationHint): a snapshot
 * is the profile as the panel showed it. A change to those schemas that old snapshots no longer
 * satisfy needs a new SNAPSHOT_VERSION and an upgrade step in import.ts.
 *
 * Version 2 (issue 12): the profile's sentences are message descriptors, and a hint keeps only its
 * descriptors (`messages`), not a rendered title and text: exports render in their own language.
 */
import * as z from "zod"
import { DISCOUNT_TRENDS, MOVERS, NegotiationHint, RelationshipProfile } from "../analysis/profile"
import { RecordKey, Snapshot, SNAPSHOT_VERSION } from "../model/schema"

export { SNAPSHOT_VERSION }

/** A hint as a snapshot keeps it: descriptors only; a reader renders them in its own language. */
export const SnapshotHint = NegotiationHint.omit({ title: true, text: true })
export type SnapshotHint = z.infer<typeof SnapshotHint>

const str = (max: number) => z.string().max(max)
const num = z.number().finite()
const count = z.number().int().nonnegative()

/** Chart points in chart.js's `{x, y}`; x is epoch ms (or the revision number). */
export const ChartPoint = z.object({ x: num, y: num })
/** More points than any chart of the briefing draws; cases beyond it are the oldest, dropped. */
export const MAX_CHART_POINTS = 2_000

const points = z.array(ChartPoint).max(MAX_CHART_POINTS)

export const SnapshotCharts = z.object({
  interactions: z.object({ inbound: points, outbound: points, other: count }),
  discounts: z.object({ final: points, deepest: points }),
  revisions: z.object({ dealKey: str(600).nullable(), currency: str(3).nullable(), points }),
  cases: z.object({ daysToClose: points, open: count, closed: count })
})
export type SnapshotCharts = z.infer<typeof SnapshotCharts>

export const SnapshotPricing = z.object({
  currency: str(3).nullable(),
  latestQuote: z.object({ total: num.nullable(), discountPercent: num.nullable(), revision: count, at: num }).nullable(),
  openDeal: z
    .object({
      key: str(600),
      name: str(256),
      listPrice: num.nullable(),
      lastNet: num.nullable(),
      rounds: count,
      finalDiscountPercent: num.nullable(),
      maxDiscountPercent: num.nullable(),
      movedLast: z.enum(MOVERS)
    })
    .nullable(),
  /** Net prices of the account's won deals, oldest first (the R2 "your own previous prices" anchor). */
  previousPrices: z.array(num).max(50),
  discountTrend: z.enum(DISCOUNT_TRENDS),
  /** suggestPricing for the open deal's last net price (opening offer), rule ids only. */
  suggestion: z.object({ amount: num, suggestedPrice: num, display: str(64), rules: z.array(str(4)).max(20) }).nullable()
})
export type SnapshotPricing = z.infer<typeof SnapshotPricing>

export const SnapshotAccount = z.object({
  key: RecordKey,
  id: str(256),
  name: str(256),
  industry: str(256).optional(),
  type: str(256).optional(),
  leadSource: str(256).optional(),
  annualRevenue: num.optional(),
  currency: str(3).optional(),
  ownerName: str(256).optional()
})

export const SnapshotContact = z.object({
  key: RecordKey,
  name: str(256),
  title: str(256).optional(),
  email: str(256).optional(),
  phone: str(256).optional()
})
/** Contacts kept in a snapshot (the briefing lists the people, not the whole address book). */
export const MAX_SNAPSHOT_CONTACTS = 25

export const LabelChange = z.object({ axis: str(40), from: str(64), to: str(64) })
export type LabelChange = z.infer<typeof LabelChange>

export const SnapshotTrigger = z.object({
  /** "manual": the rep asked; "label-change": the background saw an axis label change. */
  kind: z.enum(["manual", "label-change"]),
  changes: z.array(LabelChange).max(20)
})
export type SnapshotTrigger = z.infer<typeof SnapshotTrigger>

export const SnapshotPayload = z.object({
  kind: z.literal("account-briefing"),
  redacted: z.boolean(),
  trigger: SnapshotTrigger,
  account: SnapshotAccount,
  contacts: z.array(SnapshotContact).max(MAX_SNAPSHOT_CONTACTS),
  profile: RelationshipProfile,
  hints: z.array(SnapshotHint).max(50),
  pricing: SnapshotPricing,
  charts: SnapshotCharts
})
export type SnapshotPayload = z.infer<typeof SnapshotPayload>

/** A whole snapshot as stored, exported and shared. `hash` covers everything else (build.ts). */
export const SnapshotDocument = Snapshot.extend({ version: z.literal(SNAPSHOT_VERSION), payload: SnapshotPayload })
export type SnapshotDocument = z.infer<typeof SnapshotDocument>

export { AXES, type AxisId } from "./axes"

/** Deterministic: the same account at the same moment is one row; its redacted copy is another. */
export function snapshotKey(recordKey: string, createdAt: number, redacted: boolean): string {
  return `snapshot:${recordKey}:${createdAt}${redacted ? ":redacted" : ""}`
}
