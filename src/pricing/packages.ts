/**
 * R9 — 2-3 equivalent packages instead of one take-it-or-leave-it quote.
 *
 * Several simultaneous offers that are equally good for us (MESOs) make a stronger anchor, better
 * outcomes for the offerer, more joint gain and a more cooperative climate (Leonardelli et al.
 * 2019). Each package trades price against something the buyer gives or gets — service level,
 * commitment, volume, payment timing — so every lower price is contingent (trade, don't give) and
 * carries a non-quality reason (R1).
 *
 * A decoy is off by default and only added on request. It must be a real, purchasable option,
 * dominated by the target package only (asymmetric dominance is what moves choice: Huber, Payne
 * & Puto 1982, +9.2 points average share; Wedell 1991). Professional buyers may see through it.
 */
import { CITE } from "./citations"
import type { PricingContext } from "./context"
import { findPrecise, roundOffer } from "./precision"
import { snap } from "./numbers"
import type { PricePackage, Suggestion } from "./types"
import { fromPresented, minimumStep, toPresented } from "./units"

/** Package price factors (design defaults: a premium tier ~+10 %, a commitment/volume/prepay tier 3-5 % lower). */
export const PACKAGE_FACTORS = { premium: 1.1, premiumOneOff: 1.08, commitment: 0.95, prepay: 0.97, volume: 0.95 } as const

/** A package price near price × factor with the same digit policy as the quote (precise opening, round closing). */
function packagePrice(ctx: PricingContext, price: number, factor: number): number {
  const target = toPresented(price, ctx.unit) * factor
  const step = minimumStep(target, ctx.unit)
  if (ctx.input.mode === "closing") return fromPresented(roundOffer(target, ctx.input.side, step).round, ctx.unit)
  const precise = findPrecise(target * 0.99, target, target, 3, 4, step) ?? snap(target, step)
  return fromPresented(precise, ctx.unit)
}

/** X dominates Y for the buyer: no worse on every dimension, better on one. */
export function dominates(x: PricePackage, y: PricePackage): boolean {
  const xs = x.seats ?? 0
  const ys = y.seats ?? 0
  const noWorse = x.price <= y.price && x.serviceLevel >= y.serviceLevel && x.commitmentMonths <= y.commitmentMonths && xs <= ys && (!x.prepaid || y.prepaid === true)
  const better = x.price < y.price || x.serviceLevel > y.serviceLevel || x.commitmentMonths < y.commitmentMonths || xs < ys || (y.prepaid === true && !x.prepaid)
  return noWorse && better
}

export function buildPackages(ctx: PricingContext, price: number): PricePackage[] {
  const { input } = ctx
  const recurring = ctx.periodsPerYear !== null
  const term = recurring ? 12 : 0
  const perSeat = input.offer === "per-seat"
  const seats = perSeat ? ctx.seats : undefined
  const pkg = (p: Omit<PricePackage, "display">): PricePackage => ({ ...p, display: ctx.money(p.price).display })

  const a = pkg({ id: "A", name: "As quoted", price, serviceLevel: 1, commitmentMonths: term, seats, reason: "Your offer as drafted." })
  const premiumFactor = recurring ? PACKAGE_FACTORS.premium : PACKAGE_FACTORS.premiumOneOff
  const b = pkg({
    id: "B",
    name: "Premium service",
    price: packagePrice(ctx, price, premiumFactor),
    serviceLevel: 3,
    commitmentMonths: term,
    seats,
    reason: "Adds priority support and guided onboarding: more scope, so a higher price."
  })
  let c: PricePackage
  if (ctx.dominance === "supplier") {
    // Supplier power: concede on service, not on price (FRAMEWORK §2).
    c = pkg({
      id: "C",
      name: recurring ? "Two-year partnership" : "Partnership",
      price,
      serviceLevel: 2,
      commitmentMonths: recurring ? 24 : 12,
      seats,
      reason: "Same price with onboarding days and a co-created roadmap included, in exchange for a longer commitment."
    })
  } else if (perSeat) {
    const more = Math.max(ctx.seats + 5, Math.ceil(ctx.seats * 1.5))
    c = pkg({
      id: "C",
      name: `Volume: ${more}+ seats`,
      price: packagePrice(ctx, price, PACKAGE_FACTORS.volume),
      serviceLevel: 1,
      commitmentMonths: term,
      seats: more,
      reason: "A lower price per seat for a larger order (volume, not quality)."
    })
  } else if (recurring) {
    c = pkg({
      id: "C",
      name: "Two-year commitment",
      price: packagePrice(ctx, price, PACKAGE_FACTORS.commitment),
      serviceLevel: 1,
      commitmentMonths: 24,
      reason: "A lower yearly price for a two-year term (term, not quality)."
    })
  } else {
    c = pkg({
      id: "C",
      name: "Paid upfront",
      price: packagePrice(ctx, price, PACKAGE_FACTORS.prepay),
      serviceLevel: 1,
      commitmentMonths: 0,
      prepaid: true,
      reason: "A lower price for payment in advance (payment terms, not quality)."
    })
  }
  const packages = [a, b, c]
  if (input.decoy) {
    // Same price and terms as B with less service: dominated by B only, never by A or C.
    packages.push({
      ...b,
      id: "D",
      name: "Priority support only (no onboarding)",
      serviceLevel: 2,
      reason: "A real option for buyers who only want faster support; priced like Premium.",
      decoy: true,
      dominatedBy: "B"
    })
  }
  return packages
}

export function packageSuggestion(ctx: PricingContext, price: number, trigger: "opening" | "constraint"): Suggestion {
  const packages = buildPackages(ctx, price)
  const names = packages.filter((p) => !p.decoy).map((p) => `${p.id} ${p.name} (${p.display})`).join(", ")
  const dominanceNote: Partial<Record<PricingContext["dominance"], string>> = {
    customer: " Make every concession contingent: the lower price in C only comes with what they give in return.",
    supplier: " Concede on service, not on price, and use the roadmap in C to pre-empt second-sourcing.",
    "balanced-interdependent": " Shape package B with them: co-created scope binds both sides.",
    "balanced-independent": " Keep it a standard competitive set: three clear options, no bespoke concessions."
  }
  const trig = trigger === "constraint" ? "They named a limit: trade terms or scope to fit it rather than cutting the price. " : ""
  const decoy = ctx.input.decoy
    ? " Package D is a decoy for B: offer it only if you will really sell it; professional buyers may see through it."
    : ""
  return {
    rule: "R9",
    kind: trigger === "constraint" ? "trade" : "packages",
    severity: "info",
    packages,
    text: `${trig}Offer ${packages.filter((p) => !p.decoy).length} equivalent packages at once: ${names}.${dominanceNote[ctx.dominance] ?? ""}${decoy}`,
    reason: "Several equivalent offers at once anchor more strongly and lead to better deals and a more cooperative climate than a single quote.",
    citation: ctx.input.decoy ? `${CITE.mesos}; ${CITE.decoy}` : CITE.mesos,
    ...(dominanceNote[ctx.dominance] ? { dominance: ctx.dominance } : {})
  }
}
