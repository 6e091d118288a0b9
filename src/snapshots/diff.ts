/**
 * What changed between two snapshots of an account: labels, confidence, hints and key figures.
 * Pure; `a` is the earlier ("before") and `b` the later ("after") snapshot as the caller picked
 * them. Redacted snapshots compare the same way (labels and figures survive redaction; a hint
 * whose title was blanked is still matched by its id).
 */
import type { Message } from "../i18n/message"
import { AXES, type AxisId } from "./axes"
import type { SnapshotDocument } from "./payload"

export interface LabelDiff {
  axis: AxisId
  from: string
  to: string
  changed: boolean
}
export interface ConfidenceDiff {
  axis: AxisId
  from: number
  to: number
  delta: number
  changed: boolean
}
export interface HintRef {
  id: string
  /** The hint's title as a descriptor: the compare view renders it in its own language. */
  title: Message
  priority: string
}
export interface FigureDiff {
  id: FigureId
  from: number | null
  to: number | null
  delta: number | null
  changed: boolean
}
export interface SnapshotDiff {
  sameAccount: boolean
  from: { key: string; createdAt: number; hash: string; redacted: boolean }
  to: { key: string; createdAt: number; hash: string; redacted: boolean }
  labels: LabelDiff[]
  confidence: ConfidenceDiff[]
  dellTrap: { from: boolean; to: boolean; changed: boolean }
  hints: { added: HintRef[]; removed: HintRef[]; reprioritised: (HintRef & { from: string })[] }
  figures: FigureDiff[]
  /** Anything at all changed (what a compare view's "no change" message keys on). */
  changed: boolean
}

/** Below this a confidence move is noise (rounding of the shown percentage). */
export const CONFIDENCE_EPSILON = 0.01

type Getter = (s: SnapshotDocument) => number | null | undefined
export const FIGURES = {
  records: (s) => s.payload.profile.sampleSize.total,
  interactions: (s) => s.payload.profile.sampleSize.interactions,
  deals: (s) => s.payload.profile.sampleSize.deals,
  quotes: (s) => s.payload.profile.sampleSize.quotes,
  cases: (s) => s.payload.profile.sampleSize.cases,
  dominanceScore: (s) => s.payload.profile.dominance.score,
  supplierPower: (s) => s.payload.profile.dominance.supplierPower,
  customerPower: (s) => s.payload.profile.dominance.customerPower,
  priceWeight: (s) => s.payload.profile.decisionCriteria.weights.price,
  qualityWeight: (s) => s.payload.profile.decisionCriteria.weights.quality,
  deliveryWeight: (s) => s.payload.profile.decisionCriteria.weights.delivery,
  supportWeight: (s) => s.payload.profile.decisionCriteria.weights.support,
  casesOpen: (s) => s.payload.profile.complaints.open,
  casesEscalated: (s) => s.payload.profile.complaints.escalated,
  medianDaysToClose: (s) => s.payload.profile.complaints.medianDaysToClose,
  tierValue: (s) => s.payload.profile.valueTier.value,
  tierPercentile: (s) => s.payload.profile.valueTier.percentile,
  riskScore: (s) => s.payload.profile.risk.score,
  latestQuoteTotal: (s) => s.payload.pricing.latestQuote?.total,
  latestDiscount: (s) => s.payload.pricing.latestQuote?.discountPercent,
  openDealRounds: (s) => s.payload.pricing.openDeal?.rounds,
  openDealFinalDiscount: (s) => s.payload.pricing.openDeal?.finalDiscountPercent,
  suggestedPrice: (s) => s.payload.pricing.suggestion?.suggestedPrice
} satisfies Record<string, Getter>
export type FigureId = keyof typeof FIGURES

const hintRef = (h: SnapshotDocument["payload"]["hints"][number]): HintRef => ({ id: h.id, title: h.messages.title, priority: h.priority })

export function diffSnapshots(a: SnapshotDocument, b: SnapshotDocument): SnapshotDiff {
  const pa = a.payload.profile
  const pb = b.payload.profile
  const labels = AXES.map((axis) => ({ axis, from: pa[axis].label, to: pb[axis].label, changed: pa[axis].label !== pb[axis].label }))
  const confidence = AXES.map((axis) => {
    const delta = pb[axis].confidence - pa[axis].confidence
    return { axis, from: pa[axis].confidence, to: pb[axis].confidence, delta, changed: Math.abs(delta) >= CONFIDENCE_EPSILON }
  })
  const before = new Map(a.payload.hints.map((h) => [h.id, h]))
  const after = new Map(b.payload.hints.map((h) => [h.id, h]))
  const hints = {
    added: b.payload.hints.filter((h) => !before.has(h.id)).map(hintRef),
    removed: a.payload.hints.filter((h) => !after.has(h.id)).map(hintRef),
    reprioritised: b.payload.hints.flatMap((h) => {
      const old = before.get(h.id)
      return old && old.priority !== h.priority ? [{ ...hintRef(h), from: old.priority }] : []
    })
  }
  const figures = (Object.keys(FIGURES) as FigureId[]).map((id) => {
    const from = FIGURES[id](a) ?? null
    const to = FIGURES[id](b) ?? null
    const delta = from !== null && to !== null ? to - from : null
    return { id, from, to, delta, changed: delta === null ? from !== to : Math.abs(delta) > 1e-9 }
  })
  const dellTrap = { from: pa.dellTrap.flagged, to: pb.dellTrap.flagged, changed: pa.dellTrap.flagged !== pb.dellTrap.flagged }
  const changed =
    labels.some((l) => l.changed) ||
    confidence.some((c) => c.changed) ||
    dellTrap.changed ||
    hints.added.length + hints.removed.length + hints.reprioritised.length > 0 ||
    figures.some((f) => f.changed)
  const side = (s: SnapshotDocument) => ({ key: s.key, createdAt: s.createdAt, hash: s.hash, redacted: s.payload.redacted })
  return { sameAccount: a.recordKey === b.recordKey, from: side(a), to: side(b), labels, confidence, dellTrap, hints, figures, changed }
}
