/**
 * The Dell trap (FRAMEWORK §1; research §3.4, BusinessWeek 2006): a supplier whose only
 * proposition is the lowest price keeps no customer and loses every negotiation. Flagged when
 * price-dominant criteria, customer dominance and deepening discounts meet.
 */
import { msg, nested, type Message } from "../i18n/message"
import { joinMessages, mergeEvidence } from "./evidence"
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
  const names = [
    conditions.priceDominant ? msg("a.dell.cond.priceDominant") : null,
    conditions.customerDominant ? msg("a.dell.cond.customerDominant") : null,
    conditions.deepeningDiscounts ? msg("a.dell.cond.deepeningDiscounts") : null
  ].filter((n): n is Message => n !== null)
  return {
    flagged,
    conditions,
    evidence: met > 0 ? mergeEvidence(lists) : [],
    summary: flagged
      ? msg("a.dell.flagged")
      : met > 0 ? msg("a.dell.partial", { conditions: nested(joinMessages(names, "a.join.and")), met, of: 3 }) : msg("a.dell.none")
  }
}
