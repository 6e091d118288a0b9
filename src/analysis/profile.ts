/**
 * The relationship profile: the output of classification (FRAMEWORK.md §1) and the input of
 * negotiation hints. A zod schema so the profile can cross message and export boundaries
 * validated, like every other shape in Parley.
 */
import * as z from "zod"
import { MessageSchema } from "../i18n/message"

const unit = z.number().min(0).max(1)
const signed = z.number().min(-1).max(1)

export const RECORD_TYPES = ["Account", "Contact", "Interaction", "Deal", "Quote", "QuoteLine", "Case", "Contract"] as const
export const RecordType = z.enum(RECORD_TYPES)
export type RecordType = z.infer<typeof RecordType>

/** One CRM record and one sentence saying why it moved a label. */
export const Evidence = z.object({
  recordKey: z.string(),
  recordType: RecordType,
  /** The CRM object it came from (Task, EmailMessage, Opportunity, incident, ...), for links. */
  sourceObject: z.string().optional(),
  at: z.number().optional(),
  reason: MessageSchema
})
export type Evidence = z.infer<typeof Evidence>

/** Every axis: a label, a score (scale per axis, documented on the field), a 0-1 confidence, the
 * records behind the label and a one-sentence summary (for `unknown`: why there is no label). */
function axis<L extends readonly [string, ...string[]], S extends z.ZodNumber>(labels: L, score: S) {
  return z.object({
    label: z.enum(labels),
    score,
    confidence: unit,
    evidence: z.array(Evidence),
    summary: MessageSchema
  })
}

export const VALUE_ORIGIN_LABELS = ["supplier-led", "customer-led", "co-created", "unknown"] as const
export const DOMINANCE_LABELS = ["supplier", "customer", "balanced-interdependent", "balanced-independent", "unknown"] as const
export const INITIATOR_LABELS = ["supplier", "customer", "unknown"] as const
export const CRITERIA = ["price", "quality", "delivery", "support"] as const
export const CRITERION_LABELS = [...CRITERIA, "unknown"] as const
export const RESPONSIVENESS_LABELS = ["responsive", "adequate", "slow", "none", "unknown"] as const
export const DEPENDENCE_LABELS = ["high", "moderate", "low", "unknown"] as const
export const STRATEGY_LABELS = ["product-based-selling", "managed-service-and-support", "customer-based-marketing", "individualised-crm", "unknown"] as const
export const TIER_LABELS = ["top", "high", "medium", "low", "unknown"] as const
export const RISK_LABELS = ["at-risk", "watch", "healthy", "unknown"] as const
export const PUSHBACK_LABELS = ["constraint", "disparagement", "mixed", "none"] as const
export const TRENDS = ["rising", "stable", "falling", "unknown"] as const
export const DISCOUNT_TRENDS = ["deepening", "stable", "easing", "unknown"] as const
export const MOVERS = ["supplier", "customer", "none"] as const

export type Criterion = (typeof CRITERIA)[number]
export type DominanceLabel = (typeof DOMINANCE_LABELS)[number]

/** Value-proposition origin. score = share of the winning origin's evidence points. */
export const ValueOriginAxis = axis(VALUE_ORIGIN_LABELS, unit).extend({
  shares: z.object({ supplierLed: unit, customerLed: unit, coCreated: unit })
})

/** One Emerson factor: its weight, its 0-1 value and why. */
export const PowerFactor = z.object({
  id: z.string(),
  side: z.enum(["supplier", "customer"]),
  weight: unit,
  value: unit,
  reason: MessageSchema
})
export type PowerFactor = z.infer<typeof PowerFactor>

/** Negotiation dominance. score = supplier power − customer power in [−1, 1]. */
export const DominanceAxis = axis(DOMINANCE_LABELS, signed).extend({
  supplierPower: unit,
  customerPower: unit,
  /** (supplier + customer) / 2: high → interdependent, low → independent. */
  totalPower: unit,
  /** Share of the factor weight that had evidence, averaged over both sides. */
  coverage: unit,
  factors: z.array(PowerFactor)
})

/** Who started the relationship. score in [−1, 1]: + supplier, − customer. */
export const InitiatorAxis = axis(INITIATOR_LABELS, signed)

/** What the customer decides on. score = weight of the top criterion; weights sum to 1. */
export const DecisionCriteriaAxis = axis(CRITERION_LABELS, unit).extend({
  weights: z.object({ price: unit, quality: unit, delivery: unit, support: unit })
})

/** Complaints and responsiveness. score = responsiveness, 1 = fast. */
export const ComplaintsAxis = axis(RESPONSIVENESS_LABELS, unit).extend({
  total: z.number().int().nonnegative(),
  open: z.number().int().nonnegative(),
  escalated: z.number().int().nonnegative(),
  medianDaysToClose: z.number().nonnegative().nullable(),
  trend: z.enum(TRENDS),
  /** Service requests (how-to questions answered quickly) among `total`: not complaints. */
  requests: z.number().int().nonnegative().optional(),
  /** Complaint pressure 0-1: severity, escalation, time to close against the account's own
   * norm and churn threats, recent cases weighing more. */
  pressure: unit.optional(),
  /** Median days to close (open ones: their age so far) of the complaints opened in the last
   * COMPLAINTS.trendWindowDays, to set against `medianDaysToClose`, the account's own norm. */
  recentMedianDaysToClose: z.number().nonnegative().nullable().optional()
})

/** Dependence and lock-in. score = lock-in strength 0-1. */
export const DependenceAxis = axis(DEPENDENCE_LABELS, unit).extend({
  patterns: z.object({
    /** GE: long-term lease or service contract ("power by the hour"). */
    longTermLease: z.boolean(),
    /** Siemens: custom (write-in) and service lines. */
    customServices: z.boolean()
  })
})

export const LedgerRevision = z.object({
  quoteKey: z.string(),
  revision: z.number().int().positive(),
  at: z.number(),
  net: z.number().nonnegative().nullable(),
  discountPercent: z.number().nullable()
})
export const LedgerEntry = z.object({
  /** The deal key, or the quote key for a quote without a deal. */
  key: z.string(),
  dealKey: z.string().nullable(),
  name: z.string().nullable(),
  currency: z.string().nullable(),
  listPrice: z.number().nonnegative().nullable(),
  revisions: z.array(LedgerRevision),
  rounds: z.number().int().nonnegative(),
  finalDiscountPercent: z.number().nullable(),
  maxDiscountPercent: z.number().nullable(),
  /** "supplier": our last revision cut the price; "customer": it went up (they gave ground). */
  movedLast: z.enum(MOVERS),
  outcome: z.enum(["won", "lost", "open", "unknown"])
})
export type LedgerEntry = z.infer<typeof LedgerEntry>

export const ConcessionLedger = z.object({
  deals: z.array(LedgerEntry),
  discountTrend: z.enum(DISCOUNT_TRENDS),
  evidence: z.array(Evidence),
  summary: MessageSchema
})

/** Payne & Frow CRM strategy matrix. score = mean of the two axes (progress along the usual path). */
export const StrategyAxis = axis(STRATEGY_LABELS, unit).extend({
  informationCompleteness: unit,
  individualisation: unit
})

/** IDIC value tier. score = percentile among peers (0 when unknown). */
export const ValueTierAxis = axis(TIER_LABELS, unit).extend({
  value: z.number().nonnegative(),
  percentile: unit.nullable(),
  peerCount: z.number().int().nonnegative()
})

export const RISK_SIGNALS = ["falling-activity", "rising-complaints", "lost-deals", "open-escalations", "slow-response", "gone-silent", "churn-threat", "complaint-pressure"] as const
export const RiskReason = z.object({
  signal: z.enum(RISK_SIGNALS),
  text: MessageSchema,
  evidence: z.array(Evidence)
})
/** Risk. score = 0-1 risk. */
export const RiskAxis = axis(RISK_LABELS, unit).extend({ reasons: z.array(RiskReason) })

/** FRAMEWORK §1: price-dominant criteria + customer dominance + deepening discounts. */
export const DellTrap = z.object({
  flagged: z.boolean(),
  conditions: z.object({ priceDominant: z.boolean(), customerDominant: z.boolean(), deepeningDiscounts: z.boolean() }),
  evidence: z.array(Evidence),
  summary: MessageSchema
})

/** Buyer pushback seen in the history (Lee & Ames 2017). score in [−1, 1]: + constraint. */
export const Pushback = z.object({
  label: z.enum(PUSHBACK_LABELS),
  score: signed,
  constraint: z.number().int().nonnegative(),
  disparagement: z.number().int().nonnegative(),
  evidence: z.array(Evidence),
  summary: MessageSchema
})

/**
 * Two-way human contact (issue 13): automated and mass sends, system-logged tasks and our
 * unanswered outreach are not engagement; silence is measured against the account's own rhythm.
 */
export const Engagement = z.object({
  /** Interactions between people, both directions (automated sends, internal notes and a rep's
   * tasks excluded; engagement.ts isContact). */
  humanContacts: z.number().int().nonnegative(),
  /** Of those, the customer reaching us (inbound). */
  customerContacts: z.number().int().nonnegative(),
  /** Automated, mass or system-logged interactions left out. */
  automated: z.number().int().nonnegative(),
  /** Our outreach since the customer last reached out. */
  unansweredOutreach: z.number().int().nonnegative(),
  lastCustomerContactAt: z.number().nullable(),
  daysSinceCustomerContact: z.number().nonnegative().nullable(),
  /** The customer's usual gap between contacts (median days), when there are enough. */
  usualGapDays: z.number().nonnegative().nullable(),
  /** Silent: days since the customer last reached out far beyond their usual gap. */
  silent: z.boolean(),
  evidence: z.array(Evidence),
  summary: MessageSchema
})
export type Engagement = z.infer<typeof Engagement>

/**
 * A change of regime (issue 13): the last 12 months read against the years before, and what
 * changed (criteria, discounts, procurement, outcomes), with the records on both sides.
 */
export const Regime = z.object({
  changed: z.boolean(),
  /** Start of the recent period compared (epoch ms), null when there is no earlier period. */
  since: z.number().nullable(),
  /** The first record of the recent period that shows a change (epoch ms): the date the rep is
   * told. Optional: profiles stored before it still parse. */
  changedAt: z.number().optional(),
  /** One sentence per change seen. */
  changes: z.array(MessageSchema),
  before: z.array(Evidence),
  after: z.array(Evidence),
  summary: MessageSchema
})
export type Regime = z.infer<typeof Regime>

/**
 * Who the customer weighs us against and what we lost (issue 13: advice about this account). Names
 * come from loss reasons, deal descriptions and the price and competitor talk in the history.
 */
export const Competitor = z.object({
  name: z.string(),
  /** Records naming it. */
  mentions: z.number().int().positive(),
  lastAt: z.number().nullable(),
  evidence: z.array(Evidence)
})
export const LostDeal = z.object({
  key: z.string(),
  name: z.string().nullable(),
  /** The loss reason as logged (CRM text), null when none was. */
  lossReason: z.string().nullable(),
  at: z.number().nullable(),
  amount: z.number().nonnegative().nullable(),
  currency: z.string().nullable()
})
export const Competition = z.object({
  /** Most mentioned first. */
  competitors: z.array(Competitor),
  /** Most recent first. */
  losses: z.array(LostDeal),
  /** Lost deals in the whole history (losses keeps the most recent few). */
  lostTotal: z.number().int().nonnegative()
})
export type Competition = z.infer<typeof Competition>

export const SampleSize = z.object({
  interactions: z.number().int().nonnegative(),
  deals: z.number().int().nonnegative(),
  quotes: z.number().int().nonnegative(),
  quoteLines: z.number().int().nonnegative(),
  cases: z.number().int().nonnegative(),
  contracts: z.number().int().nonnegative(),
  contacts: z.number().int().nonnegative(),
  total: z.number().int().nonnegative()
})

/**
 * A record the classifier dropped. `reason` is a diagnostic for whoever debugs a connector (a zod
 * path and issue), never shown to a rep, so it stays a plain string rather than a message.
 */
export const Rejected = z.object({ recordKey: z.string().optional(), reason: z.string() })
export type Rejected = z.infer<typeof Rejected>

/** 2: every sentence is a message descriptor (issue 12); version 1 stored English prose. */
export const PROFILE_VERSION = 2
export const RelationshipProfile = z.object({
  version: z.literal(PROFILE_VERSION),
  accountKey: z.string().nullable(),
  accountName: z.string().nullable(),
  /** The `now` the profile was computed for (options.now, else the latest record time). */
  computedAt: z.number(),
  sampleSize: SampleSize,
  valueOrigin: ValueOriginAxis,
  dominance: DominanceAxis,
  initiator: InitiatorAxis,
  decisionCriteria: DecisionCriteriaAxis,
  complaints: ComplaintsAxis,
  dependence: DependenceAxis,
  concessions: ConcessionLedger,
  crmStrategy: StrategyAxis,
  valueTier: ValueTierAxis,
  risk: RiskAxis,
  dellTrap: DellTrap,
  pushback: Pushback,
  /** Optional so that profiles stored before issue 13 still parse; the engine always fills them. */
  engagement: Engagement.optional(),
  regime: Regime.optional(),
  /** Records counted once because another object holds the same one (EmailMessage + Task). */
  duplicates: z.number().int().nonnegative().optional(),
  /** Competitors named and deals lost (optional: profiles stored before it still parse). */
  competition: Competition.optional(),
  rejected: z.array(Rejected)
})
export type RelationshipProfile = z.infer<typeof RelationshipProfile>
export type ValueOriginAxis = z.infer<typeof ValueOriginAxis>
export type DominanceAxis = z.infer<typeof DominanceAxis>
export type InitiatorAxis = z.infer<typeof InitiatorAxis>
export type DecisionCriteriaAxis = z.infer<typeof DecisionCriteriaAxis>
export type ComplaintsAxis = z.infer<typeof ComplaintsAxis>
export type DependenceAxis = z.infer<typeof DependenceAxis>
export type ConcessionLedger = z.infer<typeof ConcessionLedger>
export type StrategyAxis = z.infer<typeof StrategyAxis>
export type ValueTierAxis = z.infer<typeof ValueTierAxis>
export type RiskAxis = z.infer<typeof RiskAxis>
export type RiskReason = z.infer<typeof RiskReason>
export type DellTrap = z.infer<typeof DellTrap>
export type Pushback = z.infer<typeof Pushback>
export type SampleSize = z.infer<typeof SampleSize>

/** Negotiation hint (FRAMEWORK §2). */
export const HINT_PRIORITIES = ["high", "medium", "low"] as const
export const NegotiationHint = z.object({
  id: z.string(),
  priority: z.enum(HINT_PRIORITIES),
  /** Rendered in the language asked for (negotiationHints' `locale`). */
  title: z.string(),
  text: z.string(),
  /** The descriptors title and text were rendered from, for re-rendering in another language. */
  messages: z.object({ title: MessageSchema, text: MessageSchema }),
  /** The pricing rule it connects to (FRAMEWORK §3), when there is one. */
  rule: z.string().optional(),
  /** The research behind it, e.g. "Emerson 1962". */
  citation: z.string(),
  evidence: z.array(Evidence)
})
export type NegotiationHint = z.infer<typeof NegotiationHint>

/** Peer account values for the IDIC tier and revenue share (options.peers). */
export const PeerValue = z.object({ accountKey: z.string(), value: z.number().finite().nonnegative() })
export type PeerValue = z.infer<typeof PeerValue>

export const ClassifyOptions = z.object({
  /** The moment to classify at (epoch ms). Default: the latest timestamp in the history. */
  now: z.number().int().nonnegative().optional(),
  /** Other accounts' values (same unit as accountValue()); the account itself is skipped. */
  peers: z.array(PeerValue).optional()
})
export type ClassifyOptions = z.infer<typeof ClassifyOptions>
