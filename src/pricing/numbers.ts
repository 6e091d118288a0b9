/**
 * Digit arithmetic shared by the precision rules (R3/R4) and the formatter (R5).
 *
 * Prices are decimal quantities but JavaScript numbers are binary: 0.1 * 3 is not 0.3. Every
 * helper here works on the decimal string of the value (rounded to at most `MAX_DECIMALS`), so
 * "how many significant digits does 49,750 have" is answered exactly, not by floating-point logs.
 */

/** Prices never need more than cents (or fils, 3 decimals) to be judged; more is float noise. */
export const MAX_DECIMALS = 3

/** Snap `x` to a multiple of a power-of-ten `step`, returning a clean decimal (49.75, not 49.7500001). */
export function snap(x: number, step: number, mode: "round" | "floor" | "ceil" = "round"): number {
  const q = x / step
  // A tolerance of 1e-9 steps absorbs binary noise (4975.000000001 floors to 4975, not 4974).
  const k = mode === "round" ? Math.round(q) : mode === "floor" ? Math.floor(q + 1e-9) : Math.ceil(q - 1e-9)
  return fromSteps(k, step)
}

/** k × step as a clean decimal. */
export function fromSteps(k: number, step: number): number {
  // ceil, not round: a half step (0.5, 0.05) needs one decimal more than its power of ten (13.5, not 14).
  const decimals = step >= 1 ? 0 : Math.min(20, Math.ceil(-Math.log10(step) - 1e-9))
  return Number((k * step).toFixed(decimals))
}

/** Order of magnitude: 49,750 → 4, 0.5 → -1. Corrects Math.log10's rounding at exact powers. */
export function magnitude(x: number): number {
  const a = Math.abs(x)
  if (a === 0 || !Number.isFinite(a)) return 0
  let m = Math.floor(Math.log10(a))
  if (10 ** (m + 1) <= a) m += 1
  if (10 ** m > a) m -= 1
  return m
}

/** The significant digits of |x| as a string: 49,750 → "4975", 0.05 → "5", 1426.85 → "142685". */
export function digitString(x: number, maxDecimals: number = MAX_DECIMALS): string {
  const fixed = Math.abs(x).toFixed(maxDecimals)
  const stripped = fixed.replace(".", "").replace(/^0+/, "").replace(/0+$/, "")
  return stripped === "" ? "0" : stripped
}

/** Number of significant digits (49,750 → 4; 50,000 → 1; 384,961.42 → 8). */
export function significantDigits(x: number, maxDecimals: number = MAX_DECIMALS): number {
  return digitString(x, maxDecimals).length
}

/** Trailing zeros of the integer part of |x| (484,700 → 2; 485,000 → 3; 49.75 → 0). */
export function trailingZeros(x: number): number {
  if (fractionDigits(x, 2) > 0) return 0
  const int = Math.round(Math.abs(x)).toFixed(0)
  if (int === "0") return 0
  const match = /0+$/.exec(int)
  return match ? match[0].length : 0
}

/** True when |x| has no fractional part at `maxDecimals` precision. */
export function isWhole(x: number, maxDecimals: number = MAX_DECIMALS): boolean {
  return fractionDigits(x, maxDecimals) === 0
}

/** Digits after the decimal point that |x| actually uses (49.75 → 2, 49.5 → 1, 49 → 0). */
export function fractionDigits(x: number, maxDecimals: number = MAX_DECIMALS): number {
  const frac = Math.abs(x).toFixed(maxDecimals).split(".")[1] ?? ""
  return frac.replace(/0+$/, "").length
}

/**
 * Charm ("just below") ending (R4): the last significant digit is a 9 — 49,999, 29.99, 49,900,
 * 14,990 and $49 (Anderson & Simester 2003's $44 → $49). Two-digit forms at 100 or more (19,000,
 * 190) read as round numbers, not as "just under 20,000", so they are not flagged.
 */
export function isCharm(x: number): boolean {
  const digits = digitString(x, 2)
  if (!digits.endsWith("9")) return false
  return digits.length >= 3 || Math.abs(x) < 100
}

/** Ceiling to two significant digits: 548 → 550, 11.51 → 12, 1 → 1 (for "less than 550 a day"). */
export function ceilTwoSignificant(x: number): number {
  if (x <= 0) return 0
  const step = 10 ** (magnitude(x) - 1)
  return snap(x, step, "ceil")
}

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  const hi = sorted[mid] ?? 0
  return sorted.length % 2 === 1 ? hi : ((sorted[mid - 1] ?? hi) + hi) / 2
}

/** Percentage change from `from` to `to`, one decimal (50,000 → 49,750 = -0.5). */
export function percentChange(from: number, to: number): number {
  if (from === 0) return 0
  return Math.round(((to - from) / from) * 1000) / 10
}
