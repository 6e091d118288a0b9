/**
 * The Dell trap (FRAMEWORK §1; research §3.4, BusinessWeek 2006): a supplier whose only
 * proposition is the lowest price keeps no customer and loses every negotiation. Flagged when
 * price-dominant criteria, customer dominance and deepening discounts meet.
 */
import { mergeEvidence } from "./evidence"
import type { ConcessionLedger, DecisionCriteriaAxis, DellTrap, DominanceAxis } from "./profile"

export function dellTrap(criteria: DecisionCriteriaAxis, dominance: DominanceAxis, ledger: ConcessionLedger): DellTrap {
  const conditions = {
    priceDominant: criteria.label === "price",
    customerDominant: dominance.label === "customer",
    deepeningDiscounts: ledger.discountTrend === "deepening"
  }
  const met = Object.values(conditions).filter(Boolean).length
  const flagged = met === 3
  const lists = [conditions.deepeningDiscounts ? ledger.evidence : [], conditions.priceDominant ? criteria.evidence : [], conditions.customerDominant ? dominance.evidence : []]
  const names = [conditions.priceDominant ? "price-dominant criteria" : null, conditions.customerDominant ? "customer dominance" : null, conditions.deepeningDiscounts ? "deepening discounts" : null]
    .filter((n): n is string => n !== null)
  return {
    flagged,
    conditions,
    evidence: met > 0 ? mergeEvidence(lists) : [],
    summary: flagged
      ? "Dell trap: the customer buys on price, holds the power and gets deeper discounts each deal."
      : met > 0 ? `Not the Dell trap yet: ${names.join(" and ")} (${met} of 3 conditions).` : "No sign of the Dell trap."
  }
}
