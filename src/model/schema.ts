/**
 * The canonical model: every CRM connector maps into these shapes, and analysis, pricing and the
 * panel read only these. One module exports every schema; the TypeScript types are inferred.
 *
 * Conventions:
 * - `key` is deterministic, `crm:org:id` (see keys.ts), so every write is an idempotent upsert.
 * - Times are epoch milliseconds (numbers index and sort natively in IndexedDB).
 * - Amounts are numbers in the record's own `currency` unit (ISO 4217).
 * - Strings are length-capped: CRM text is untrusted and a page can be hostile.
 */
import * as z from "zod"
import { KEY_PART } from "./keys"

export const CRMS = ["salesforce", "dynamics"] as const
export const Crm = z.enum(CRMS)
export type Crm = z.infer<typeof Crm>

const text = (max: number) => z.string().max(max)
const SHORT = 256
const LONG = 20_000

/** The pattern of a record key (validate.ts recognises it by this source). */
export const RECORD_KEY_PATTERN = `^(salesforce|dynamics):${KEY_PART}:${KEY_PART}$`
/** `crm:org:id`, org and id encoded by keys.ts `keyPart`. */
export const RecordKey = text(400).regex(new RegExp(RECORD_KEY_PATTERN), "key must be crm:org:id")
export const Timestamp = z.number().int().nonnegative()
export const Money = z.number().finite().nonnegative()
export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, "currency must be an ISO 4217 code")

/** Fields every stored entity carries. `seenAt` is when Parley last wrote it (retention uses it). */
const entity = {
  key: RecordKey,
  crm: Crm,
  org: text(SHORT).min(1),
  id: text(SHORT).min(1),
  modifiedAt: Timestamp.optional(),
  seenAt: Timestamp
}

export const Org = z.object({
  key: text(SHORT), // crm:org
  crm: Crm,
  org: text(SHORT).min(1),
  host: text(SHORT),
  apiHost: text(SHORT).optional(),
  orgId: text(SHORT).optional(),
  name: text(SHORT).optional(),
  currency: CurrencyCode.optional(),
  seenAt: Timestamp
})
export type Org = z.infer<typeof Org>

export const Account = z.object({
  ...entity,
  name: text(SHORT),
  industry: text(SHORT).optional(),
  type: text(SHORT).optional(),
  leadSource: text(SHORT).optional(),
  annualRevenue: Money.optional(),
  currency: CurrencyCode.optional(),
  ownerName: text(SHORT).optional(),
  createdAt: Timestamp.optional()
})
export type Account = z.infer<typeof Account>

export const Contact = z.object({
  ...entity,
  accountKey: RecordKey,
  name: text(SHORT),
  title: text(SHORT).optional(),
  email: text(SHORT).optional(),
  phone: text(SHORT).optional()
})
export type Contact = z.infer<typeof Contact>

export const CHANNELS = ["call", "meeting", "email", "task", "note"] as const
export const Channel = z.enum(CHANNELS)
export type Channel = z.infer<typeof Channel>

/** Who moved: inbound = the customer reached us; outbound = we reached them. */
export const DIRECTIONS = ["inbound", "outbound", "internal", "unknown"] as const
export const Direction = z.enum(DIRECTIONS)
export type Direction = z.infer<typeof Direction>

export const Interaction = z.object({
  ...entity,
  accountKey: RecordKey,
  dealKey: RecordKey.optional(),
  channel: Channel,
  direction: Direction,
  at: Timestamp,
  subject: text(SHORT).optional(),
  text: text(LONG).optional(),
  /** The CRM object it came from (Task, Event, EmailMessage, phonecall, ...), for evidence links. */
  sourceObject: text(64),
  /** Sent or logged by a machine, not a person: a list/mass email (Salesforce ListEmail), a
   * workflow-created or bulk activity (Dataverse isworkflowcreated, bulkoperation). The analysis
   * also recognises automated sends by their text when a connector cannot tell. */
  automated: z.boolean().optional()
})
export type Interaction = z.infer<typeof Interaction>

export const StageChange = z.object({
  at: Timestamp,
  stage: text(SHORT),
  amount: Money.optional()
})
export type StageChange = z.infer<typeof StageChange>

export const Deal = z.object({
  ...entity,
  accountKey: RecordKey,
  name: text(SHORT),
  stage: text(SHORT),
  amount: Money.optional(),
  currency: CurrencyCode.optional(),
  createdAt: Timestamp,
  closeDate: Timestamp.optional(),
  isClosed: z.boolean(),
  isWon: z.boolean(),
  type: text(SHORT).optional(),
  leadSource: text(SHORT).optional(),
  /** Free-text or picklist loss reason (Salesforce custom field / Dynamics opportunityclose). */
  lossReason: text(LONG).optional(),
  description: text(LONG).optional(),
  /** Number of competitors named on the deal, when the CRM records it. */
  competitorCount: z.number().int().nonnegative().optional(),
  stageHistory: z.array(StageChange).max(500).default([])
})
export type Deal = z.infer<typeof Deal>

export const Quote = z.object({
  ...entity,
  accountKey: RecordKey,
  dealKey: RecordKey.optional(),
  name: text(SHORT),
  number: text(SHORT).optional(),
  status: text(SHORT).optional(),
  /** 1 for the first quote of a deal, 2 for the next, ...: each quote is a revision. */
  revision: z.number().int().positive(),
  createdAt: Timestamp,
  total: Money.optional(),
  discountPercent: z.number().min(0).max(100).optional(),
  currency: CurrencyCode.optional()
})
export type Quote = z.infer<typeof Quote>

export const QuoteLine = z.object({
  ...entity,
  quoteKey: RecordKey,
  accountKey: RecordKey,
  product: text(SHORT),
  quantity: z.number().finite().positive(),
  listPrice: Money.optional(),
  unitPrice: Money,
  discountPercent: z.number().min(0).max(100).optional(),
  /** A write-in line (no catalogue product): a customised offer. */
  isCustom: z.boolean().default(false)
})
export type QuoteLine = z.infer<typeof QuoteLine>

export const Case = z.object({
  ...entity,
  accountKey: RecordKey,
  number: text(SHORT).optional(),
  subject: text(SHORT),
  description: text(LONG).optional(),
  type: text(SHORT).optional(),
  reason: text(SHORT).optional(),
  origin: text(SHORT).optional(),
  priority: text(SHORT).optional(),
  status: text(SHORT),
  isEscalated: z.boolean().default(false),
  isClosed: z.boolean(),
  openedAt: Timestamp,
  closedAt: Timestamp.optional()
})
export type Case = z.infer<typeof Case>

export const Contract = z.object({
  ...entity,
  accountKey: RecordKey,
  number: text(SHORT).optional(),
  name: text(SHORT).optional(),
  status: text(SHORT),
  startDate: Timestamp.optional(),
  endDate: Timestamp.optional(),
  termMonths: z.number().int().nonnegative().optional(),
  value: Money.optional(),
  description: text(LONG).optional()
})
export type Contract = z.infer<typeof Contract>

/** What a content script saw on a record page: the record in view and its visible fields. */
export const FieldValue = z.object({ label: text(SHORT), value: text(4_000), relatedId: text(64).optional() })
export type FieldValue = z.infer<typeof FieldValue>

export const PageRecord = z.object({
  ...entity,
  objectType: text(128),
  name: text(SHORT).optional(),
  url: text(2_048),
  fields: z.record(text(128), FieldValue).default({})
})
export type PageRecord = z.infer<typeof PageRecord>

/** Where an incremental sync stopped, per org/object/account, so a killed worker resumes. */
export const SyncCursor = z.object({
  key: text(600), // crm:org:object:scope
  crm: Crm,
  org: text(SHORT),
  object: text(128),
  scope: text(SHORT),
  /** Highest SystemModstamp / modifiedon fully stored. */
  watermark: Timestamp.optional(),
  /** A page link still to fetch when the worker stopped mid-sync. */
  nextPage: text(2_048).optional(),
  updatedAt: Timestamp
})
export type SyncCursor = z.infer<typeof SyncCursor>

/** 2: the profile and hints hold message descriptors (issue 12); src/snapshots/import.ts upgrades 1. */
export const SNAPSHOT_VERSION = 2
export const Snapshot = z.object({
  key: text(600),
  version: z.number().int().positive(),
  recordKey: RecordKey,
  crm: Crm,
  org: text(SHORT),
  createdAt: Timestamp,
  parleyVersion: text(32),
  /** SHA-256 (hex) of the canonical JSON of the whole snapshot except `hash` (src/snapshots/build.ts). */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  payload: z.record(z.string(), z.unknown())
})
export type Snapshot = z.infer<typeof Snapshot>

/** Everything Parley knows about one account: the input of classification. */
export const AccountHistory = z.object({
  account: Account,
  contacts: z.array(Contact).default([]),
  interactions: z.array(Interaction).default([]),
  deals: z.array(Deal).default([]),
  quotes: z.array(Quote).default([]),
  quoteLines: z.array(QuoteLine).default([]),
  cases: z.array(Case).default([]),
  contracts: z.array(Contract).default([])
})
export type AccountHistory = z.infer<typeof AccountHistory>
export type AccountHistoryInput = z.input<typeof AccountHistory>
