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
import { amount, list, msg, nested, text, type Message } from "../i18n/message"
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
  if (ctx.input.mode === "closing") return fromPresented(roundOffer(target, ctx.input.side, step).round ?? snap(target, step, ctx.input.side === "seller" ? "floor" : "ceil"), ctx.unit)
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

function said(ctx: PricingContext, name: Message, reason: Message): Pick<PricePackage, "name" | "nameMessage" | "reason" | "reasonMessage"> {
  return { name: ctx.say(name).text, nameMessage: name, reason: ctx.say(reason).text, reasonMessage: reason }
}

export function buildPackages(ctx: PricingContext, price: number): PricePackage[] {
  const { input } = ctx
  const recurring = ctx.periodsPerYear !== null
  const term = recurring ? 12 : 0
  const perSeat = input.offer === "per-seat"
  const seats = perSeat ? ctx.seats : undefined
  type Draft = Omit<PricePackage, "display" | "name" | "reason">
  const pkg = (p: Draft): PricePackage => ({ ...p, name: ctx.say(p.nameMessage).text, reason: ctx.say(p.reasonMessage).text, display: ctx.money(p.price).display })

  const a = pkg({ id: "A", nameMessage: msg("p.r9.pkg.asQuoted"), price, serviceLevel: 1, commitmentMonths: term, seats, reasonMessage: msg("p.r9.pkg.asQuoted.reason") })
  const premiumFactor = recurring ? PACKAGE_FACTORS.premium : PACKAGE_FACTORS.premiumOneOff
  const b = pkg({
    id: "B",
    nameMessage: msg("p.r9.pkg.premium"),
    price: packagePrice(ctx, price, premiumFactor),
    serviceLevel: 3,
    commitmentMonths: term,
    seats,
    reasonMessage: msg("p.r9.pkg.premium.reason")
  })
  let c: PricePackage
  if (ctx.dominance === "supplier") {
    // Supplier power: concede on service, not on price (FRAMEWORK §2).
    c = pkg({
      id: "C",
      nameMessage: recurring ? msg("p.r9.pkg.partnershipTwoYear") : msg("p.r9.pkg.partnership"),
      price,
      serviceLevel: 2,
      commitmentMonths: recurring ? 24 : 12,
      seats,
      reasonMessage: msg("p.r9.pkg.partnership.reason")
    })
  } else if (perSeat) {
    const more = Math.max(ctx.seats + 5, Math.ceil(ctx.seats * 1.5))
    c = pkg({
      id: "C",
      nameMessage: msg("p.r9.pkg.volume", { seats: more }),
      price: packagePrice(ctx, price, PACKAGE_FACTORS.volume),
      serviceLevel: 1,
      commitmentMonths: term,
      seats: more,
      reasonMessage: msg("p.r9.pkg.volume.reason")
    })
  } else if (recurring) {
    c = pkg({
      id: "C",
      nameMessage: msg("p.r9.pkg.twoYear"),
      price: packagePrice(ctx, price, PACKAGE_FACTORS.commitment),
      serviceLevel: 1,
      commitmentMonths: 24,
      reasonMessage: msg("p.r9.pkg.twoYear.reason")
    })
  } else {
    c = pkg({
      id: "C",
      nameMessage: msg("p.r9.pkg.upfront"),
      price: packagePrice(ctx, price, PACKAGE_FACTORS.prepay),
      serviceLevel: 1,
      commitmentMonths: 0,
      prepaid: true,
      reasonMessage: msg("p.r9.pkg.upfront.reason")
    })
  }
  const packages = [a, b, c]
  if (input.decoy) {
    // Same price and terms as B with less service: dominated by B only, never by A or C.
    packages.push({
      ...b,
      id: "D",
      ...said(ctx, msg("p.r9.pkg.decoy"), msg("p.r9.pkg.decoy.reason")),
      serviceLevel: 2,
      decoy: true,
      dominatedBy: "B"
    })
  }
  return packages
}

const DOMINANCE_NOTE: Partial<Record<PricingContext["dominance"], Message>> = {
  customer: msg("p.r9.customer"),
  supplier: msg("p.r9.supplier"),
  "balanced-interdependent": msg("p.r9.interdependent"),
  "balanced-independent": msg("p.r9.independent")
}

export function packageSuggestion(ctx: PricingContext, price: number, trigger: "opening" | "constraint"): Suggestion {
  const packages = buildPackages(ctx, price)
  const offered = packages.filter((p) => !p.decoy)
  const names = offered.map((p, i) =>
    msg(i === offered.length - 1 ? "p.r9.nameLast" : "p.r9.name", { id: text(p.id), name: nested(p.nameMessage), price: amount(p.price, ctx.input.currency) })
  )
  const note = DOMINANCE_NOTE[ctx.dominance]
  const sentences: Message[] = [
    ...(trigger === "constraint" ? [msg("p.r9.limit")] : []),
    msg("p.r9.offer", { n: offered.length, names: list(names) }),
    ...(note ? [note] : []),
    ...(ctx.input.decoy ? [msg("p.r9.decoy")] : [])
  ]
  return {
    rule: "R9",
    kind: trigger === "constraint" ? "trade" : "packages",
    severity: "info",
    packages,
    ...ctx.say(msg("p.sentences", { sentences: list(sentences) })),
    ...ctx.because(msg("p.r9.reason")),
    citation: ctx.input.decoy ? `${CITE.mesos}; ${CITE.decoy}` : CITE.mesos,
    ...(note ? { dominance: ctx.dominance } : {})
  }
}
