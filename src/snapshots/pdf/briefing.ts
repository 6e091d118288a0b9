/**
 * The briefing of one snapshot as layout blocks: header, labels with confidence, key figures,
 * negotiation hints, pricing context, charts (images supplied by the caller), contacts and the
 * evidence as a table. Words come from `text` (the panel's catalogue, en or fa), so this stays
 * pure; numbers and dates are formatted by the caller too (Persian digits, Solar Hijri dates).
 * A redacted snapshot has blank names and free text: those cells show a dash, the contacts
 * section is left out, and the header says the export is redacted.
 */
import type { Evidence } from "../../analysis/profile"
import type { Message } from "../../i18n/message"
import { AXES, type AxisId } from "../axes"
import type { SnapshotDocument } from "../payload"
import type { Block } from "./layout"

export const BRIEFING_KEYS = [
  "briefingTitle", "briefingMeta", "briefingRedacted", "briefingFooter", "sectionLabels", "sectionFigures", "sectionHints", "sectionPricing",
  "sectionCharts", "sectionContacts", "sectionEvidence", "colAxis", "colLabel", "colConfidence", "colFigure", "colValue", "colRecordType",
  "colDate", "colReason", "colName", "colTitle", "colEmail", "colPhone", "noHints", "noEvidence", "figRecords", "figInteractions", "figDeals",
  "figCases", "figSupplierPower", "figCustomerPower", "figDominanceScore", "figPriceWeight", "figQualityWeight", "figDeliveryWeight",
  "figSupportWeight", "figCasesOpen", "figMedianDays", "figTierValue", "figTierPercentile", "figDellTrap", "yes", "no", "prCurrency",
  "prLatestQuote", "prLatestDiscount", "prOpenDeal", "prListPrice", "prLastNet", "prRounds", "prFinalDiscount", "prMovedLast",
  "prDiscountTrend", "prPreviousPrices", "prSuggested", "prRules", "chartInteractions", "chartDiscounts", "chartRevisions", "chartCases",
  "triggerLabelChange"
] as const
export type BriefingKey = (typeof BRIEFING_KEYS)[number]

export type LabelKind = AxisId | "trend" | "discountTrend" | "recordType" | "priority" | "movedLast" | "crm"

export interface BriefingText {
  dir: "ltr" | "rtl"
  t(key: BriefingKey, params?: Readonly<Record<string, string | number>>): string
  /** A machine label as words ("customer" → "Customer leads"). */
  label(kind: LabelKind, value: string): string
  axisName(axis: AxisId): string
  /** An analysis sentence (a message descriptor) in the briefing's language. */
  message(message: Message): string
  number(n: number): string
  percent(share: number): string
  date(at: number): string
  money(amount: number, currency: string | null): string
}

export type ChartImageId = "interactions" | "discounts" | "revisions" | "cases"
export interface ChartImage {
  name: string
  width: number
  height: number
}

const DASH = "—"
const MAX_EVIDENCE_ROWS = 80

export function briefingBlocks(snapshot: SnapshotDocument, text: BriefingText, charts: Partial<Record<ChartImageId, ChartImage>> = {}): Block[] {
  const { payload } = snapshot
  const { profile, pricing } = payload
  const { t } = text
  const blank = (s: string | null | undefined) => (s && s.trim() ? s : DASH)
  const pct = (share: number | null | undefined) => (share === null || share === undefined ? DASH : text.percent(share))
  const n = (x: number | null | undefined) => (x === null || x === undefined ? DASH : text.number(x))
  const money = (x: number | null | undefined) => (x === null || x === undefined ? DASH : text.money(x, pricing.currency))

  const blocks: Block[] = [
    { kind: "title", text: `${t("briefingTitle")}: ${payload.account.name}` },
    {
      kind: "text",
      muted: true,
      text: t("briefingMeta", { crm: text.label("crm", snapshot.crm), org: snapshot.org, date: text.date(snapshot.createdAt), version: snapshot.parleyVersion })
    }
  ]
  if (payload.redacted) blocks.push({ kind: "text", bold: true, text: t("briefingRedacted") })
  if (payload.trigger.kind === "label-change" && payload.trigger.changes.length) {
    const changes = payload.trigger.changes
      .map((c) => (isAxis(c.axis) ? `${text.label(c.axis, c.from)} → ${text.label(c.axis, c.to)}` : `${c.from} → ${c.to}`))
      .join("; ")
    blocks.push({ kind: "text", text: t("triggerLabelChange", { changes }) })
  }

  blocks.push({ kind: "heading", text: t("sectionLabels") })
  blocks.push({
    kind: "table",
    columns: [
      { title: t("colAxis"), weight: 3 },
      { title: t("colLabel"), weight: 3 },
      { title: t("colConfidence"), weight: 1.4 }
    ],
    rows: AXES.map((axis) => [text.axisName(axis), text.label(axis, profile[axis].label), pct(profile[axis].confidence)])
  })

  const figures: [BriefingKey, string][] = [
    ["figRecords", n(profile.sampleSize.total)],
    ["figInteractions", n(profile.sampleSize.interactions)],
    ["figDeals", n(profile.sampleSize.deals)],
    ["figCases", n(profile.sampleSize.cases)],
    ["figSupplierPower", pct(profile.dominance.supplierPower)],
    ["figCustomerPower", pct(profile.dominance.customerPower)],
    ["figDominanceScore", n(Math.round(profile.dominance.score * 100) / 100)],
    ["figPriceWeight", pct(profile.decisionCriteria.weights.price)],
    ["figQualityWeight", pct(profile.decisionCriteria.weights.quality)],
    ["figDeliveryWeight", pct(profile.decisionCriteria.weights.delivery)],
    ["figSupportWeight", pct(profile.decisionCriteria.weights.support)],
    ["figCasesOpen", n(profile.complaints.open)],
    ["figMedianDays", n(profile.complaints.medianDaysToClose)],
    ["figTierValue", money(profile.valueTier.value)],
    ["figTierPercentile", pct(profile.valueTier.percentile)],
    ["figDellTrap", t(profile.dellTrap.flagged ? "yes" : "no")]
  ]
  blocks.push({ kind: "heading", text: t("sectionFigures") })
  blocks.push({ kind: "table", columns: [{ title: t("colFigure"), weight: 3 }, { title: t("colValue"), weight: 2 }], rows: figures.map(([k, v]) => [t(k), v]) })

  blocks.push({ kind: "heading", text: t("sectionHints") })
  if (payload.hints.length === 0) blocks.push({ kind: "text", muted: true, text: t("noHints") })
  for (const hint of payload.hints) {
    const title = text.message(hint.messages.title).trim() || humanise(hint.id)
    blocks.push({ kind: "text", bold: true, text: `${text.label("priority", hint.priority)} · ${title}${hint.rule ? ` (${hint.rule})` : ""}` })
    const body = text.message(hint.messages.text)
    if (body.trim()) blocks.push({ kind: "text", text: body })
    blocks.push({ kind: "text", muted: true, size: 8, text: hint.citation })
  }

  blocks.push({ kind: "heading", text: t("sectionPricing") })
  const open = pricing.openDeal
  const pricingRows: [BriefingKey, string][] = [
    ["prCurrency", pricing.currency ?? DASH],
    ["prLatestQuote", pricing.latestQuote ? `${money(pricing.latestQuote.total)} · ${text.date(pricing.latestQuote.at)}` : DASH],
    ["prLatestDiscount", pricing.latestQuote?.discountPercent === null || !pricing.latestQuote ? DASH : pct(pricing.latestQuote.discountPercent / 100)],
    ["prOpenDeal", open ? blank(open.name) : DASH],
    ["prListPrice", money(open?.listPrice)],
    ["prLastNet", money(open?.lastNet)],
    ["prRounds", n(open?.rounds)],
    ["prFinalDiscount", open?.finalDiscountPercent === null || !open ? DASH : pct(open.finalDiscountPercent / 100)],
    ["prMovedLast", open ? text.label("movedLast", open.movedLast) : DASH],
    ["prDiscountTrend", text.label("discountTrend", pricing.discountTrend)],
    ["prPreviousPrices", pricing.previousPrices.length ? pricing.previousPrices.map((p) => money(p)).join(", ") : DASH],
    ["prSuggested", pricing.suggestion ? money(pricing.suggestion.suggestedPrice) : DASH],
    ["prRules", pricing.suggestion?.rules.join(", ") || DASH]
  ]
  blocks.push({ kind: "table", columns: [{ title: t("colFigure"), weight: 3 }, { title: t("colValue"), weight: 3 }], rows: pricingRows.map(([k, v]) => [t(k), v]) })

  const chartOrder: [ChartImageId, BriefingKey][] = [
    ["interactions", "chartInteractions"],
    ["discounts", "chartDiscounts"],
    ["revisions", "chartRevisions"],
    ["cases", "chartCases"]
  ]
  const drawn = chartOrder.filter(([id]) => charts[id])
  if (drawn.length) {
    blocks.push({ kind: "heading", text: t("sectionCharts") })
    for (const [id, key] of drawn) {
      const image = charts[id]!
      blocks.push({ kind: "image", name: image.name, width: image.width, height: image.height, maxWidth: 480, caption: t(key) })
    }
  }

  const people = payload.contacts.filter((c) => c.name.trim())
  if (!payload.redacted && people.length) {
    blocks.push({ kind: "heading", text: t("sectionContacts") })
    blocks.push({
      kind: "table",
      columns: [
        { title: t("colName"), weight: 2.2 },
        { title: t("colTitle"), weight: 2 },
        { title: t("colEmail"), weight: 3 },
        { title: t("colPhone"), weight: 2 }
      ],
      rows: people.map((c) => [c.name, blank(c.title), blank(c.email), blank(c.phone)])
    })
  }

  blocks.push({ kind: "heading", text: t("sectionEvidence") })
  const rows = evidenceRows(snapshot).slice(0, MAX_EVIDENCE_ROWS)
  if (rows.length === 0) blocks.push({ kind: "text", muted: true, text: t("noEvidence") })
  else {
    blocks.push({
      kind: "table",
      columns: [
        { title: t("colAxis"), weight: 2 },
        { title: t("colRecordType"), weight: 1.6 },
        { title: t("colDate"), weight: 1.6 },
        { title: t("colReason"), weight: 5 }
      ],
      rows: rows.map(({ axis, evidence }) => [
        text.axisName(axis),
        text.label("recordType", evidence.recordType),
        evidence.at === undefined ? DASH : text.date(evidence.at),
        blank(text.message(evidence.reason))
      ])
    })
  }
  return blocks
}

/** Every axis' evidence, in axis order, each record once per axis. */
export function evidenceRows(snapshot: SnapshotDocument): { axis: AxisId; evidence: Evidence }[] {
  return AXES.flatMap((axis) => snapshot.payload.profile[axis].evidence.map((evidence) => ({ axis, evidence })))
}

function isAxis(value: string): value is AxisId {
  return (AXES as readonly string[]).includes(value)
}

/** "buyer-names-first" → "Buyer names first" (a redacted hint keeps only its id). */
export function humanise(id: string): string {
  const words = id.replace(/[-_]+/g, " ").trim()
  return words ? words[0]!.toUpperCase() + words.slice(1) : DASH
}
