/**
 * Whether the buyer's price limits are known: deals negotiated to a close (a final discount, won
 * or lost) speak for them, and the concession ledger's floor is taken from them. The hints and
 * pricing both ask; one answer, so that one engine never says "anchor on their own history" where
 * the other says "you know little: let the buyer name the first figure".
 */
import { ADVICE } from "./parameters"

export function priceLimitsKnown(deals: ReadonlyArray<{ outcome: string; finalDiscountPercent: number | null }>): boolean {
  let closed = 0
  for (const e of deals) if (e.finalDiscountPercent !== null && e.outcome !== "open") closed++
  return closed >= ADVICE.knownLimitDeals
}
