/**
 * Checks that the analysis speaks only in messages (issue 12): a walk over a profile and its
 * hints that accepts a string only where it is a machine label, an id or key, a citation or rule
 * code, or CRM data, and accepts every sentence only as a descriptor whose id is in the
 * catalogue. A new `summary: "..."` (or any English prose in a new field) fails the walk.
 */
import { ENGINE_CATALOGUE } from "../../src/i18n/engine"
import { MessageSchema, type Message, type ParamValue } from "../../src/i18n/message"
import { renderMessage } from "../../src/i18n/render"
import type { NegotiationHint, RelationshipProfile } from "../../src/analysis/profile"

/** Machine labels: one identifier, no spaces ("balanced-interdependent", "priceCriterion", "QuoteLine"). */
const MACHINE = /^[A-Za-z]+(?:-[A-Za-z]+)*$/
/** Fields whose strings are machine labels. */
const LABEL_FIELDS = new Set(["label", "trend", "discountTrend", "signal", "side", "movedLast", "outcome", "priority", "recordType", "id"])
/** Fields whose strings are ids, keys, CRM values or data (not sentences Parley wrote). */
const DATA_FIELDS = new Set(["recordKey", "sourceObject", "key", "dealKey", "quoteKey", "accountKey", "accountName", "name", "lossReason", "currency", "citation", "rule"])
/** Paths of diagnostics no rep sees (profile.ts: Rejected). */
const DIAGNOSTIC = /^rejected\[\d+\]\.reason$/

const KNOWN = ENGINE_CATALOGUE.en as Readonly<Record<string, string>>

function walkParam(value: ParamValue, path: string, problems: string[]): void {
  if (typeof value === "number") return
  if ("msg" in value) walkMessage(value.msg, `${path}.msg`, problems)
  else if ("list" in value) value.list.forEach((m, i) => walkMessage(m, `${path}.list[${i}]`, problems))
  // {text} and {quote} hold CRM text and codes, shown as written; {pct}, {amount}, {date} are figures.
}

function walkMessage(message: Message, path: string, problems: string[]): void {
  if (!MessageSchema.safeParse(message).success) problems.push(`${path}: not a valid descriptor`)
  if (!message.id.startsWith("a.") || KNOWN[message.id] === undefined) problems.push(`${path}: unknown message id ${message.id}`)
  for (const [name, value] of Object.entries(message.params ?? {})) walkParam(value, `${path}.params.${name}`, problems)
}

const looksLikeMessage = (v: Record<string, unknown>) => typeof v.id === "string" && Object.keys(v).every((k) => k === "id" || k === "params")

function walk(value: unknown, path: string, field: string, problems: string[]): void {
  if (typeof value === "string") {
    if (LABEL_FIELDS.has(field)) {
      if (!MACHINE.test(value)) problems.push(`${path}: ${JSON.stringify(value)} is not a machine label`)
    } else if (!DATA_FIELDS.has(field) && !DIAGNOSTIC.test(path)) {
      problems.push(`${path}: a string outside the catalogue: ${JSON.stringify(value.slice(0, 80))}`)
    }
    return
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, `${path}[${i}]`, field, problems))
    return
  }
  if (typeof value !== "object" || value === null) return
  const record = value as Record<string, unknown>
  if (looksLikeMessage(record) && field !== "") {
    walkMessage(record as unknown as Message, path, problems)
    return
  }
  for (const [k, v] of Object.entries(record)) walk(v, path ? `${path}.${k}` : k, k, problems)
}

/** Every problem found in the profile and its hints; empty when they speak only in messages. */
export function speechProblems(profile: RelationshipProfile, hints: readonly NegotiationHint[]): string[] {
  const problems: string[] = []
  walk(profile, "", "", problems)
  hints.forEach((hint, i) => {
    const { title, text, ...rest } = hint
    // The contract's rendered title and text must be exactly the descriptors, rendered.
    if (title !== renderMessage(hint.messages.title, "en")) problems.push(`hints[${i}].title is not its descriptor rendered`)
    if (text !== renderMessage(hint.messages.text, "en")) problems.push(`hints[${i}].text is not its descriptor rendered`)
    walk(rest, `hints[${i}]`, "", problems)
  })
  return problems
}

/** Every descriptor in a profile and its hints, for rendering checks. */
export function descriptorsOf(value: unknown, out: Message[] = []): Message[] {
  if (Array.isArray(value)) value.forEach((v) => descriptorsOf(v, out))
  else if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>
    if (looksLikeMessage(record) && MessageSchema.safeParse(record).success && KNOWN[record.id as string] !== undefined) out.push(record as unknown as Message)
    else Object.values(record).forEach((v) => descriptorsOf(v, out))
  }
  return out
}

/** A rendered message with its isolated runs (CRM text, codes) removed. */
export const withoutIsolatedRuns = (text: string): string => text.replace(/\u2068[^\u2069]*\u2069/g, "")

const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/gu
const LETTER = /\p{L}/gu

/** Share of Persian (Arabic-script) letters among all letters. */
export function persianShare(text: string): number {
  const letters = text.match(LETTER)?.length ?? 0
  return letters === 0 ? 1 : (text.match(ARABIC_SCRIPT)?.filter((c) => /\p{L}/u.test(c)).length ?? 0) / letters
}
