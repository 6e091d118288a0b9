/**
 * Machine labels and figures as the panel's words, for the files Parley writes: the PDF briefing
 * (BriefingText), the team CSV (TeamCsvText) and the compare view. Label words come from the
 * panel's own catalogue (labels.ts), so an export says exactly what the panel says.
 */
import type { Crm } from "../../model/schema"
import { formatAmount } from "../../pricing/format"
import type { TeamCsvColumnId } from "../../snapshots/allowlist"
import type { TeamCsvText } from "../../snapshots/csv-team"
import type { AxisId } from "../../snapshots/payload"
import type { BriefingText, LabelKind } from "../../snapshots/pdf/briefing"
import { formatDate, formatNumber, formatPercent } from "../../i18n/format"
import type { Message } from "../../i18n/message"
import { renderMessage, withoutIsolates } from "../../i18n/render"
import { CRM_MESSAGES, isCrm, makeI18n, type Language, type MessageKey } from "../i18n"
import {
  AXIS_LABEL_TEXT,
  DISCOUNT_TREND_TEXT,
  labelText,
  PRIORITY_TEXT,
  RECORD_TYPE_TEXT,
  TREND_TEXT
} from "../labels"
import { csvColumnTitle, exportText, type ExportKey } from "./messages"

const TABLES: Partial<Record<LabelKind, Record<string, MessageKey>>> = {
  ...AXIS_LABEL_TEXT,
  trend: TREND_TEXT,
  discountTrend: DISCOUNT_TREND_TEXT,
  recordType: RECORD_TYPE_TEXT,
  priority: PRIORITY_TEXT
}

export const AXIS_NAME: Record<AxisId, MessageKey> = {
  valueOrigin: "axisValueOrigin",
  dominance: "axisDominance",
  initiator: "axisInitiator",
  decisionCriteria: "axisCriteria",
  complaints: "axisComplaints",
  dependence: "axisDependence",
  crmStrategy: "strategyTitle",
  valueTier: "axisTier",
  risk: "axisRisk"
}

const MOVED: Record<string, ExportKey> = { supplier: "movedSupplier", customer: "movedCustomer", none: "movedNone" }

export interface Words {
  language: Language
  dir: "ltr" | "rtl"
  locale: string
  /** The export catalogue. */
  x: ReturnType<typeof exportText>
  label(kind: LabelKind, value: string): string
  axisName(axis: AxisId): string
  crmName(crm: Crm): string
}

export function words(language: Language): Words {
  const i18n = makeI18n(language)
  const x = exportText(language)
  const crmName = (crm: Crm) => i18n.t(CRM_MESSAGES[crm].name)
  const label = (kind: LabelKind, value: string): string => {
    if (kind === "crm") return isCrm(value) ? crmName(value) : value
    if (kind === "movedLast") return MOVED[value] ? x(MOVED[value]!) : value
    const key = labelText(TABLES[kind] ?? {}, value)
    // A label this build does not know (a newer analysis) is shown as written, never dropped.
    return key ? i18n.t(key) : value
  }
  return { language, dir: i18n.dir, locale: i18n.locale, x, label, axisName: (axis) => i18n.t(AXIS_NAME[axis]), crmName }
}

export function briefingText(w: Words): BriefingText {
  return {
    dir: w.dir,
    t: (key, params) => w.x(key, params),
    label: w.label,
    axisName: w.axisName,
    message: (m: Message) => renderMessage(m, w.language),
    number: (n) => formatNumber(n, w.language, 2),
    percent: (share) => formatPercent(share, w.language),
    date: (at) => formatDate(at, w.language),
    money: (amount, currency) => {
      if (!currency) return formatNumber(amount, w.language, 0)
      try {
        return formatAmount(amount, { currency, locale: w.locale, style: "full" })
      } catch {
        return `${formatNumber(amount, w.language, 0)} ${currency}`
      }
    }
  }
}

const CSV_LABEL_KIND: Partial<Record<TeamCsvColumnId, LabelKind>> = {
  crm: "crm",
  valueOrigin: "valueOrigin",
  dominance: "dominance",
  initiator: "initiator",
  criterion: "decisionCriteria",
  responsiveness: "complaints",
  dependence: "dependence",
  strategy: "crmStrategy",
  tier: "valueTier",
  risk: "risk",
  discountTrend: "discountTrend"
}

export function teamCsvText(w: Words): TeamCsvText {
  return {
    header: (column) => csvColumnTitle(w.language, column),
    label: (column, value) => {
      const kind = CSV_LABEL_KIND[column]
      return kind ? w.label(kind, value) : value
    },
    message: (m) => withoutIsolates(renderMessage(m, w.language))
  }
}
