/**
 * Test helpers for the pricing tests (imported only by *.test.ts; pure, no vitest import so it
 * type-checks in the app build too).
 */
import { suggestPricing } from "../../src/pricing/rules"
import type { PricingInput } from "../../src/pricing/schema"
import type { PricingResult, RuleId, Suggestion } from "../../src/pricing/types"

export const BASE: PricingInput = { amount: 50_000, currency: "USD", locale: "en-US", mode: "opening" }

/** suggestPricing that must succeed. */
export function price(input: Partial<PricingInput> | Record<string, unknown> = {}): PricingResult {
  const result = suggestPricing({ ...BASE, ...input })
  if ("error" in result) throw new Error(`unexpected error: ${result.error}`)
  return result
}

export function rule(result: PricingResult, id: RuleId, kind?: string): Suggestion[] {
  return result.suggestions.filter((s) => s.rule === id && (kind === undefined || s.kind === kind))
}

export function one(result: PricingResult, id: RuleId, kind?: string): Suggestion {
  const found = rule(result, id, kind)
  if (found.length !== 1) throw new Error(`expected exactly one ${id}${kind ? `/${kind}` : ""}, got ${found.length}: ${JSON.stringify(result.suggestions.map((s) => `${s.rule}/${s.kind ?? ""}`))}`)
  return found[0] as Suggestion
}
