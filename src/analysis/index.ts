/**
 * Relationship classification (FRAMEWORK.md §1) and negotiation hints (§2): pure TypeScript over
 * the canonical model, so it runs unchanged in the background, a test or a benchmark.
 *
 * - `classifyRelationship(history, options?)` never throws: invalid and duplicate records are
 *   dropped and listed in `profile.rejected`, and the rest is classified.
 * - `createClassifier(options?)` keeps per-record features between calls, for re-classifying
 *   after a few new records; it returns exactly what `classifyRelationship` returns.
 */
import type { AccountHistoryInput } from "../model/schema"
import { classifyOnce } from "./incremental"
import type { ClassifyOptions, RelationshipProfile } from "./profile"

/** Classifies one account's history. Typed callers pass an AccountHistoryInput; untrusted input
 * (a message, a stored blob) may be anything and is validated record by record. */
export function classifyRelationship(history: AccountHistoryInput, options?: ClassifyOptions): RelationshipProfile
export function classifyRelationship(history: unknown, options?: ClassifyOptions): RelationshipProfile
export function classifyRelationship(history: unknown, options?: ClassifyOptions): RelationshipProfile {
  return classifyOnce(history, options)
}

export { negotiationHints } from "./hints"
export { createClassifier, type Classifier, type ClassifierStats } from "./incremental"
export { accountValue } from "./tier"
export * from "./profile"
