/**
 * R3 (precise opening, round closing) and R4 (no charm endings): the digits of the price.
 *
 * All values here are in the presented unit (toman for IRR), so "precise" means precise as the
 * buyer reads it.
 *
 * - Opening: a round draft moves 0.5-1 % in the concession direction to 3-4 significant digits
 *   (seller down, 50,000 → 49,750; buyer up, 50.00 → 50.25). Precise anchors draw smaller
 *   adjustments and smaller counteroffers and make the offerer look informed (Janiszewski & Uy 2008;
 *   Mason, Lee, Wiley & Ames 2013); precise list prices sell for more (Thomas, Simon & Kadiyali
 *   2010). The candidate closest to 0.5 % wins — the smallest concession that buys precision.
 * - Experts (procurement, RFQ, repeat buyers): at most 4 significant digits and whole units —
 *   more reads as incompetence — unless the rep gives a rationale, which removes the penalty
 *   (Loschelder, Friese, Schaerer & Galinsky 2016). Amateurs: precision helps linearly; a precise
 *   draft is kept up to 5 significant digits (research §5 defaults).
 * - Closing offer, or an urgent deal: round, two significant digits (49,750 → 50,000, or 49,000
 *   when conceding). Round offers are accepted more often (Yan & Pena-Marin 2017) and signal
 *   willingness to move (Backus, Blake & Tadelis 2015).
 * - No candidate ever ends in 9 (R4; 49,750 not 49,999): 9-endings are a retail "deal" cue and
 *   even "…900" listings sold slower in negotiated markets (Palmon et al. 2004). The only
 *   exception is a price-positioned offer to an amateur, and only while 9-endings are not already
 *   common among the buyer's prices (the effect shrinks as they spread, Anderson & Simester 2003).
 * - No decimals from 100 up (Coulter, Choi & Monroe 2012; research: never decimals on amounts
 *   ≥ 1,000 without a rationale); below 100 the currency's cents are the precision ($49.75).
 */
import { digitString, fromSteps, isCharm, magnitude, significantDigits, snap, trailingZeros } from "./numbers"

export type Side = "seller" | "buyer"

/** Opening offset window, fraction of the draft (research §2.5/2.7: 0.5-1 %). */
export const OPENING_OFFSET = { min: 0.005, max: 0.01 } as const
/** Expert cap on significant digits without a rationale (Loschelder et al. 2016). */
export const EXPERT_MAX_SIGNIFICANT = 4
/** Amateur cap (research §5: 3-5 significant digits). */
export const AMATEUR_MAX_SIGNIFICANT = 5
/** Largest change a "round" closing number may make before a half step (…50) is used instead. */
const ROUND_TOLERANCE = 0.025
/** Above this share of 9-ending prices, stop adding more (Anderson & Simester 2003). */
export const CHARM_SATURATION = 0.5

/** A round number: one or two significant digits, or three ending in 5 (15,500; 1,250). */
export function isRoundNumber(v: number): boolean {
  const digits = digitString(v, 2)
  return digits.length <= 2 || (digits.length === 3 && digits.endsWith("5"))
}

/**
 * The value in [lo, hi] closest to `target` with minSig..maxSig significant digits, on steps no
 * finer than `minStep`, whose last significant digit is neither 0 (that is fewer digits) nor 9
 * (charm). Ties go to fewer digits (moderate precision). Null when there is none.
 */
export function findPrecise(lo: number, hi: number, target: number, minSig: number, maxSig: number, minStep: number): number | null {
  let best: { value: number; distance: number } | null = null
  const magnitudes = new Set([magnitude(lo), magnitude(hi)])
  for (let sig = minSig; sig <= maxSig; sig++) {
    for (const m of magnitudes) {
      const step = 10 ** (m - sig + 1)
      if (step < minStep * (1 - 1e-9)) continue
      const kLo = Math.max(Math.ceil(lo / step - 1e-9), 10 ** (sig - 1))
      const kHi = Math.min(Math.floor(hi / step + 1e-9), 10 ** sig - 1)
      if (kHi - kLo > 10_000) continue
      for (let k = kLo; k <= kHi; k++) {
        const last = k % 10
        if (last === 0 || last === 9) continue
        const value = fromSteps(k, step)
        const distance = Math.abs(value - target)
        // Strictly closer only: an equal distance keeps the earlier (fewer-digit) candidate.
        if (best === null || distance < best.distance - Math.abs(target) * 1e-12) best = { value, distance }
      }
    }
  }
  return best?.value ?? null
}

/** A round draft → a precise opening 0.5-1 % in the concession direction (widening to 2 % for small whole amounts). */
export function preciseOpening(v: number, side: Side, maxSig: number, minStep: number): number {
  const dir = side === "seller" ? -1 : 1
  const target = v * (1 + dir * OPENING_OFFSET.min)
  const attempts: ReadonlyArray<[maxOffset: number, minSig: number]> = [
    [OPENING_OFFSET.max, 3],
    [0.02, 2]
  ]
  for (const [maxOffset, minSig] of attempts) {
    const far = v * (1 + dir * maxOffset)
    const [lo, hi] = side === "seller" ? [far, target] : [target, far]
    const found = findPrecise(lo, hi, target, minSig, maxSig, minStep)
    if (found !== null) return found
  }
  return snap(v, minStep)
}

/** A too-precise draft → the nearest value with at most maxSig digits, within 1 % on the concession side. */
export function capPrecision(v: number, side: Side, maxSig: number, minStep: number): number {
  const far = v * (side === "seller" ? 1 - OPENING_OFFSET.max : 1 + OPENING_OFFSET.max)
  const [lo, hi] = side === "seller" ? [far, v] : [v, far]
  return findPrecise(lo, hi, v, 3, maxSig, minStep) ?? findPrecise(lo, hi, v, 2, maxSig, minStep) ?? snap(v, minStep)
}

/** Round offer (two significant digits; a half step if that moves the price over 2.5 %), and the round number on the conceding side. */
export function roundOffer(v: number, side: Side, minStep: number): { round: number; concede: number } {
  const m = magnitude(v)
  let step = Math.max(10 ** (m - 1), minStep)
  let round = snap(v, step)
  if (Math.abs(round - v) / v > ROUND_TOLERANCE && 5 * 10 ** (m - 2) >= minStep) {
    step = 5 * 10 ** (m - 2)
    round = snap(v, step)
  }
  if (round <= 0) round = step
  // R4 holds for closing offers too: a two-digit round number below 100 ending in 9 (19, 99, 1.9)
  // is a charm price; the next step up is the round one (20, 100, 2).
  if (isCharm(round) && Math.round(round / step) % 10 === 9) round = fromSteps(Math.round(round / step) + 1, step)
  const k = Math.round(round / step)
  // Seller concedes downwards, buyer upwards (49,750 → 50,000, or 49,000 conceding).
  const conceding = side === "seller" ? snap(v, step, "floor") : snap(v, step, "ceil")
  const concede = conceding !== round ? conceding : fromSteps(side === "seller" ? Math.max(1, k - 1) : k + 1, step)
  return { round, concede }
}

/** A 9-ending just under the draft (50,000 → 49,900; 50 → 49.99), for price-positioned amateur offers only. */
export function charmEnding(v: number, minStep: number): number {
  const step = v >= 100 ? Math.max(minStep, 10 ** (magnitude(v) - 2)) : minStep
  let k = Math.floor(v / step + 1e-9)
  if (fromSteps(k, step) >= v) k -= 1
  while (k > 0 && k % 10 !== 9) k -= 1
  return k > 0 ? fromSteps(k, step) : snap(v, minStep)
}

/**
 * Expected extra discount pressure of a price, in percentage points: about a third of a percent
 * per trailing zero (Thomas, Simon & Kadiyali 2010, as summarised in Science [S]; the South
 * Florida data: ≥1 trailing zero ≈ 0.72 % lower sale price). A relative index, not a forecast.
 */
export function discountPressure(v: number): number {
  return Math.round((trailingZeros(v) / 3) * 100) / 100
}

export type PriceDecisionKind = "precise" | "kept" | "capped" | "round" | "charm"

export interface PriceDecision {
  kind: PriceDecisionKind
  /** The price, presented unit. */
  value: number
  /** The round number on the conceding side (closing/urgent only). */
  concede?: number
  /** The draft was a charm price that is not allowed here. */
  charmDraft: boolean
  /** A charm ending would be allowed but 9-endings are already common. */
  charmSaturated: boolean
}

export interface PriceDecisionOptions {
  mode: "opening" | "closing"
  urgent: boolean
  side: Side
  expertise: "amateur" | "expert"
  hasRationale: boolean
  positioning: "value" | "price"
  charmShare: number
  /** Smallest step for a value (whole units from 100 up, else the currency's minor unit). */
  minStep: (v: number) => number
}

export function decidePrice(base: number, o: PriceDecisionOptions): PriceDecision {
  const decision = decideDigits(base, o)
  // Below the currency's smallest unit (0.01 yen, a fraction of a toman) there are no digits to
  // choose: keep the amount as given rather than suggest zero.
  return decision.value > 0 ? decision : { ...decision, kind: "kept", value: base }
}

function decideDigits(base: number, o: PriceDecisionOptions): PriceDecision {
  const draft = snap(base, o.minStep(base))
  const charmAllowed = o.positioning === "price" && o.expertise === "amateur" && o.side === "seller"
  const charmSaturated = charmAllowed && o.charmShare >= CHARM_SATURATION
  const charmDraft = isCharm(draft) && !(charmAllowed && !charmSaturated)
  if (o.mode === "closing" || o.urgent) {
    const r = roundOffer(draft, o.side, o.minStep(draft))
    return { kind: "round", value: r.round, concede: r.concede, charmDraft, charmSaturated }
  }
  if (charmAllowed && !charmSaturated) {
    const value = isCharm(draft) ? draft : charmEnding(draft, o.minStep(draft))
    return { kind: "charm", value, charmDraft: false, charmSaturated }
  }
  const maxSig = o.expertise === "expert" ? EXPERT_MAX_SIGNIFICANT : AMATEUR_MAX_SIGNIFICANT
  if (isRoundNumber(draft) || isCharm(draft)) {
    const start = isCharm(draft) ? roundOffer(draft, o.side, o.minStep(draft)).round : draft
    const value = preciseOpening(start, o.side, Math.min(maxSig, EXPERT_MAX_SIGNIFICANT), o.minStep(start))
    return { kind: "precise", value, charmDraft, charmSaturated }
  }
  const cap = o.expertise === "expert" && o.hasRationale ? Number.POSITIVE_INFINITY : maxSig
  if (significantDigits(draft) > cap) {
    return { kind: "capped", value: capPrecision(draft, o.side, cap, o.minStep(draft)), charmDraft, charmSaturated }
  }
  return { kind: "kept", value: draft, charmDraft, charmSaturated }
}
