/**
 * Human names for the analysis' machine labels, as catalogue keys. The Record types make the
 * compiler list every label: a label added to the analysis without a human name fails tsc.
 */
import type {
  CRITERION_LABELS,
  DEPENDENCE_LABELS,
  DISCOUNT_TRENDS,
  DOMINANCE_LABELS,
  HINT_PRIORITIES,
  INITIATOR_LABELS,
  PUSHBACK_LABELS,
  RECORD_TYPES,
  RESPONSIVENESS_LABELS,
  RISK_LABELS,
  STRATEGY_LABELS,
  TIER_LABELS,
  TRENDS,
  VALUE_ORIGIN_LABELS
} from "../analysis/profile"
import type { AxisId } from "../snapshots/axes"
import type { MessageKey } from "./i18n"

type Of<T extends readonly string[]> = T[number]

export const VALUE_ORIGIN_TEXT: Record<Of<typeof VALUE_ORIGIN_LABELS>, MessageKey> = {
  "supplier-led": "voSupplierLed",
  "customer-led": "voCustomerLed",
  "co-created": "voCoCreated",
  unknown: "notEnoughEvidence"
}

export const DOMINANCE_TEXT: Record<Of<typeof DOMINANCE_LABELS>, MessageKey> = {
  supplier: "domSupplier",
  customer: "domCustomer",
  "balanced-interdependent": "domBalancedInter",
  "balanced-independent": "domBalancedIndep",
  unknown: "notEnoughEvidence"
}

export const INITIATOR_TEXT: Record<Of<typeof INITIATOR_LABELS>, MessageKey> = {
  supplier: "initSupplier",
  customer: "initCustomer",
  unknown: "notEnoughEvidence"
}

export const CRITERION_TEXT: Record<Of<typeof CRITERION_LABELS>, MessageKey> = {
  price: "critPrice",
  quality: "critQuality",
  delivery: "critDelivery",
  support: "critSupport",
  unknown: "notEnoughEvidence"
}

export const RESPONSIVENESS_TEXT: Record<Of<typeof RESPONSIVENESS_LABELS>, MessageKey> = {
  responsive: "respResponsive",
  adequate: "respAdequate",
  slow: "respSlow",
  none: "respNone",
  unknown: "notEnoughEvidence"
}

export const DEPENDENCE_TEXT: Record<Of<typeof DEPENDENCE_LABELS>, MessageKey> = {
  high: "depHigh",
  moderate: "depModerate",
  low: "depLow",
  unknown: "notEnoughEvidence"
}

export const STRATEGY_TEXT: Record<Of<typeof STRATEGY_LABELS>, MessageKey> = {
  "product-based-selling": "stratProduct",
  "managed-service-and-support": "stratManaged",
  "customer-based-marketing": "stratCustomerMarketing",
  "individualised-crm": "stratIndividualised",
  unknown: "notEnoughEvidence"
}

export const TIER_TEXT: Record<Of<typeof TIER_LABELS>, MessageKey> = {
  top: "tierTop",
  high: "tierHigh",
  medium: "tierMedium",
  low: "tierLow",
  unknown: "notEnoughEvidence"
}

export const RISK_TEXT: Record<Of<typeof RISK_LABELS>, MessageKey> = {
  "at-risk": "riskAtRisk",
  watch: "riskWatch",
  healthy: "riskHealthy",
  unknown: "notEnoughEvidence"
}

/** Each axis' label words, so a label on any axis (a change, an export) reads as the panel says it. */
export const AXIS_LABEL_TEXT: Record<AxisId, Record<string, MessageKey>> = {
  valueOrigin: VALUE_ORIGIN_TEXT,
  dominance: DOMINANCE_TEXT,
  initiator: INITIATOR_TEXT,
  decisionCriteria: CRITERION_TEXT,
  complaints: RESPONSIVENESS_TEXT,
  dependence: DEPENDENCE_TEXT,
  crmStrategy: STRATEGY_TEXT,
  valueTier: TIER_TEXT,
  risk: RISK_TEXT
}

export const TREND_TEXT: Record<Of<typeof TRENDS>, MessageKey> = {
  rising: "trendRising",
  stable: "trendStable",
  falling: "trendFalling",
  unknown: "trendUnknown"
}

export const DISCOUNT_TREND_TEXT: Record<Of<typeof DISCOUNT_TRENDS>, MessageKey> = {
  deepening: "discDeepening",
  stable: "discStable",
  easing: "discEasing",
  unknown: "trendUnknown"
}

export const PUSHBACK_TEXT: Record<Of<typeof PUSHBACK_LABELS>, MessageKey> = {
  constraint: "pushConstraint",
  disparagement: "pushDisparagement",
  mixed: "pushMixed",
  none: "pushNone"
}

export const PRIORITY_TEXT: Record<Of<typeof HINT_PRIORITIES>, MessageKey> = {
  high: "priorityHigh",
  medium: "priorityMedium",
  low: "priorityLow"
}

export const RECORD_TYPE_TEXT: Record<Of<typeof RECORD_TYPES>, MessageKey> = {
  Account: "rtAccount",
  Contact: "rtContact",
  Interaction: "rtInteraction",
  Deal: "rtDeal",
  Quote: "rtQuote",
  QuoteLine: "rtQuoteLine",
  Case: "rtCase",
  Contract: "rtContract"
}

/**
 * Labels in their declared order (object keys keep insertion order; labels.test.ts checks it
 * matches the analysis' arrays). The team table sorts by this without importing the analysis'
 * zod schemas into its lazily loaded chunk.
 */
export function labelOrder<K extends string>(table: Record<K, MessageKey>): readonly K[] {
  return Object.keys(table) as K[]
}

/** A label's catalogue key, or null for a label this build does not know (newer analysis). */
export function labelText<K extends string>(table: Record<K, MessageKey>, label: string | null | undefined): MessageKey | null {
  return label !== null && label !== undefined && Object.prototype.hasOwnProperty.call(table, label) ? table[label as K] : null
}

/** CRM object types by API name (both CRMs), for the header. */
const OBJECT_TEXT: Readonly<Record<string, MessageKey>> = {
  account: "rtAccount",
  contact: "rtContact",
  opportunity: "rtDeal",
  quote: "rtQuote",
  case: "rtCase",
  incident: "rtCase",
  contract: "rtContract"
}

export function objectTypeText(objectType: string | undefined): MessageKey | null {
  return objectType ? (OBJECT_TEXT[objectType.toLowerCase()] ?? null) : null
}
