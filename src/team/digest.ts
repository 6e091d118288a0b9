/**
 * What the team roll-up keeps of one valid snapshot (`TeamDigest`, src/team/types.ts): its labels,
 * scores and the sentences a nudge quotes, so 5,000 accounts load without their full documents.
 * The schema checks a digest read back from storage; its type is proved equal to `TeamDigest`.
 */
import * as z from "zod"
import { MessageSchema } from "../i18n/message"
import { RecordKey, Timestamp } from "../model/schema"
import { AXES, type AxisId } from "../snapshots/axes"
import { LabelChange, type SnapshotDocument } from "../snapshots/payload"
import type { AxisLabels, TeamDigest as TeamDigestType } from "./types"

/** At most this many risk reasons travel with a digest (the nudge's evidence). */
export const MAX_DIGEST_REASONS = 5

const label = z.string().max(64)
const AxisLabelsSchema = z.object({
  valueOrigin: label,
  dominance: label,
  initiator: label,
  decisionCriteria: label,
  complaints: label,
  dependence: label,
  crmStrategy: label,
  valueTier: label,
  risk: label
})

export const TeamDigest = z.object({
  snapshotKey: z.string().max(600),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: Timestamp,
  recordKey: RecordKey,
  accountName: z.string().max(256),
  accountOwner: z.string().max(256).optional(),
  redacted: z.boolean(),
  parleyVersion: z.string().max(32),
  labels: AxisLabelsSchema,
  riskScore: z.number().min(0).max(1),
  dominanceScore: z.number().min(-1).max(1),
  riskReasons: z.array(z.object({ signal: z.string().max(64), text: MessageSchema })).max(MAX_DIGEST_REASONS),
  dominanceSummary: MessageSchema,
  trigger: z.object({ kind: z.enum(["manual", "label-change"]), changes: z.array(LabelChange).max(20) })
})

// Compile-time proof that the schema and the plain type describe the same digest.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
export const digestTypesAgree: Same<z.infer<typeof TeamDigest>, TeamDigestType> = true
export const axisLabelsAgree: Same<z.infer<typeof AxisLabelsSchema>, AxisLabels> = true

/** The machine label of every axis of a snapshot's profile. */
export function axisLabels(snapshot: SnapshotDocument): AxisLabels {
  const profile = snapshot.payload.profile
  const labels = {} as Record<AxisId, string>
  for (const axis of AXES) labels[axis] = profile[axis].label
  return labels
}

/** The digest of a snapshot already validated (checkSnapshot): pure, no copy of CRM text beyond what the file holds. */
export function digestOf(snapshot: SnapshotDocument): TeamDigestType {
  const { payload } = snapshot
  const { profile, account } = payload
  // A redacted file blanks the owner (a person) and keeps the account's name (allowlist.ts): the
  // digest takes what the file holds, and names no owner when it is blank or redacted.
  const owner = !payload.redacted && account.ownerName ? account.ownerName : undefined
  return {
    snapshotKey: snapshot.key,
    hash: snapshot.hash,
    createdAt: snapshot.createdAt,
    recordKey: snapshot.recordKey,
    accountName: account.name,
    ...(owner ? { accountOwner: owner } : {}),
    redacted: payload.redacted,
    parleyVersion: snapshot.parleyVersion,
    labels: axisLabels(snapshot),
    riskScore: profile.risk.score,
    dominanceScore: profile.dominance.score,
    riskReasons: profile.risk.reasons.slice(0, MAX_DIGEST_REASONS).map((reason) => ({ signal: reason.signal, text: reason.text })),
    dominanceSummary: profile.dominance.summary,
    trigger: { kind: payload.trigger.kind, changes: payload.trigger.changes.map((change) => ({ ...change })) }
  }
}
