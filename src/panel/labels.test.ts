import { describe, expect, it } from "vitest"
import * as P from "../analysis/profile"
import { CATALOGUE, type MessageKey } from "./i18n"
import * as L from "./labels"

const PAIRS: [readonly string[], Record<string, MessageKey>][] = [
  [P.VALUE_ORIGIN_LABELS, L.VALUE_ORIGIN_TEXT],
  [P.DOMINANCE_LABELS, L.DOMINANCE_TEXT],
  [P.INITIATOR_LABELS, L.INITIATOR_TEXT],
  [P.CRITERION_LABELS, L.CRITERION_TEXT],
  [P.RESPONSIVENESS_LABELS, L.RESPONSIVENESS_TEXT],
  [P.DEPENDENCE_LABELS, L.DEPENDENCE_TEXT],
  [P.STRATEGY_LABELS, L.STRATEGY_TEXT],
  [P.TIER_LABELS, L.TIER_TEXT],
  [P.RISK_LABELS, L.RISK_TEXT],
  [P.TRENDS, L.TREND_TEXT],
  [P.DISCOUNT_TRENDS, L.DISCOUNT_TREND_TEXT],
  [P.PUSHBACK_LABELS, L.PUSHBACK_TEXT],
  [P.HINT_PRIORITIES, L.PRIORITY_TEXT],
  [P.RECORD_TYPES, L.RECORD_TYPE_TEXT]
]

describe("label names", () => {
  it("name every analysis label, in the analysis' order (the team table sorts by it)", () => {
    for (const [labels, table] of PAIRS) expect(L.labelOrder(table)).toEqual([...labels])
  })
  it("say 'not enough evidence' for unknown", () => {
    expect(CATALOGUE.en[L.DOMINANCE_TEXT.unknown]).toBe("Not enough evidence")
  })
  it("return null for a label this build does not know", () => {
    expect(L.labelText(L.RISK_TEXT, "exploding")).toBeNull()
    expect(L.labelText(L.RISK_TEXT, "toString")).toBeNull()
    expect(L.labelText(L.RISK_TEXT, "watch")).toBe("riskWatch")
  })
})
