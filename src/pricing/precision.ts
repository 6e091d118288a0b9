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
 * - Closing offer, or an urgent deal: round, on the conceding side of the draft (seller down:
 *   49,750 → 49,500, or 49,000 conceding further; never up to 50,000, which would take back a
 *   concession the rep already made). Round offers are accepted more often (Yan & Pena-Marin 2017) and signal
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
/** Largest concession a round closing number may make; beyond it the rep's draft stands. */
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

/**
 * Round offer: the nearest round number (two significant digits, or the half step …500) on the
 * conceding side of the draft — at or below it for a seller, at or above it for a buyer — so a
 * round close never takes back ground the rep already gave (48,730 → 48,500, never 49,000).
 * `round` is null when no round number lies within 2.5 % on that side (10,900: the nearest is
 * 10,500): the draft then stands. `concede` is the next two-digit round number beyond, at the
 * scale of the amounts beyond it, never a charm price.
 */
export function roundOffer(v: number, side: Side, minStep: number, tolerance: number = ROUND_TOLERANCE): { round: number | null; concede: number } {
  const m = magnitude(v)
  const coarse = Math.max(10 ** (m - 1), minStep)
  const half = 5 * 10 ** (m - 2)
  const dir = side === "seller" ? -1 : 1
  const toward = (x: number, step: number): number => {
    let k = Math.round(snap(x, step, side === "seller" ? "floor" : "ceil") / step)
    // snap's noise tolerance is relative to the step: 999,999,999,999 "floors" to 10^12.
    if ((fromSteps(k, step) - x) * dir < 0) k += dir
    // R4 holds for closing offers too: a round number that is a charm price (99, 1.9) gives way
    // to the next one on the conceding side.
    while (k > 1 && isCharm(fromSteps(k, step))) k += dir
    return fromSteps(k, step)
  }
  const candidates = [toward(v, coarse)]
  if (half >= minStep && half < coarse) candidates.push(toward(v, half))
  let round: number | null = null
  for (const c of candidates) {
    if (c <= 0 || Math.abs(c - v) / v > tolerance) continue
    if (round === null || Math.abs(c - v) < Math.abs(round - v)) round = c
  }
  const from = round ?? v
  // Two digits of the amounts just beyond `from`: below a seller's 1,000,000 that is 990,000, not
  // the 900,000 two digits of 1,000,000 give (a 10 % concession offered as "the" next step).
  const step = Math.max(10 ** (magnitude(from * (1 + dir * 1e-9)) - 1), minStep)
  let k = Math.round(snap(from, step, side === "seller" ? "floor" : "ceil") / step)
  if (fromSteps(k, step) === from) k += dir
  // R4 holds for the concession too: $100 → $98, not $99.
  while (k > 1 && isCharm(fromSteps(k, step))) k += dir
  return { round, concede: fromSteps(Math.max(1, k), step) }
}

/** A charm draft one step of its last digit below a round number (49,999; 1,990; 49; 29.99), the
 * classic "just under" price, as opposed to a precise figure that ends in 9. */
function justBelowRound(v: number): boolean {
  const step = 10 ** (magnitude(v) - significantDigits(v) + 1)
  return isRoundNumber(fromSteps(Math.round(v / step) + 1, step))
}

/** The round number nearest a charm draft (49,999 → 50,000; 19 → 20): where its precise opening starts from. */
function roundNeighbour(v: number, minStep: number): number {
  const m = magnitude(v)
  const step = Math.max(10 ** (m - 1), minStep)
  const k = Math.round(snap(v, step) / step)
  return fromSteps(k % 10 === 9 && isCharm(fromSteps(k, step)) ? k + 1 : Math.max(1, k), step)
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
  // A close (or an urgent offer) never takes back ground: the draft's own digits are snapped
  // toward the conceding side (999.9 → 999, not 1,000, for a seller).
  const closing = o.mode === "closing" || o.urgent
  const step = o.minStep(base)
  const toward = snap(base, step, o.side === "seller" ? "floor" : "ceil")
  // Also where the currency's step is coarse for the amount (99 rials are 9.9 toman, written in
  // whole toman): 9 toman, not the nearer 10, which would ask more than the rep's draft.
  const draft = closing ? toward : snap(base, step)
  const charmAllowed = o.positioning === "price" && o.expertise === "amateur" && o.side === "seller"
  const charmSaturated = charmAllowed && o.charmShare >= CHARM_SATURATION
  const charmDraft = isCharm(draft) && !(charmAllowed && !charmSaturated)
  if (o.mode === "closing" || o.urgent) {
    const step = o.minStep(draft)
    // A charm draft may not stand (R4), so it may travel twice as far to a round number.
    const r = isCharm(draft) && roundOffer(draft, o.side, step).round === null ? roundOffer(draft, o.side, step, 2 * ROUND_TOLERANCE) : roundOffer(draft, o.side, step)
    // No round number close enough on the conceding side: the rep's own figure is the close.
    if (r.round === null) return { kind: "kept", value: draft, charmDraft, charmSaturated }
    return { kind: "round", value: r.round, concede: r.concede, charmDraft, charmSaturated }
  }
  if (charmAllowed && !charmSaturated) {
    const value = isCharm(draft) ? draft : charmEnding(draft, o.minStep(draft))
    return { kind: "charm", value, charmDraft: false, charmSaturated }
  }
  const maxSig = o.expertise === "expert" ? EXPERT_MAX_SIGNIFICANT : AMATEUR_MAX_SIGNIFICANT
  if (isCharm(draft) && !justBelowRound(draft)) {
    // A precise figure that happens to end in 9 (48,739; 123,456,789) is no "just under" price:
    // its round neighbour (49,000; 120,000,000) is no draft of the rep's, and opening below that
    // gave away 3 % of 123,456,789. Trimmed to at most four digits on the conceding side instead.
    const step = o.minStep(draft)
    const value = capPrecision(draft, o.side, EXPERT_MAX_SIGNIFICANT, step)
    return { kind: significantDigits(draft) > EXPERT_MAX_SIGNIFICANT ? "capped" : "kept", value, charmDraft, charmSaturated }
  }
  if (isRoundNumber(draft) || isCharm(draft)) {
    const start = isCharm(draft) ? roundNeighbour(draft, o.minStep(draft)) : draft
    const value = preciseOpening(start, o.side, Math.min(maxSig, EXPERT_MAX_SIGNIFICANT), o.minStep(start))
    return { kind: "precise", value, charmDraft, charmSaturated }
  }
  const cap = o.expertise === "expert" && o.hasRationale ? Number.POSITIVE_INFINITY : maxSig
  if (significantDigits(draft) > cap) {
    return { kind: "capped", value: capPrecision(draft, o.side, cap, o.minStep(draft)), charmDraft, charmSaturated }
  }
  return { kind: "kept", value: draft, charmDraft, charmSaturated }
}
