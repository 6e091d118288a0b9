/**
 * Geometry of the CRM strategy matrix (Payne & Frow 2005): horizontal = degree of
 * individualisation, vertical = completeness of customer information, both 0-1; the usual path
 * runs bottom-left → top-right. SVG y grows downwards, so information is flipped.
 *
 * The off-diagonal cells follow Payne & Frow's figure as the panel draws it: customer-based
 * marketing = much information, little individualisation (top-left); managed service & support =
 * little information, more individualisation (bottom-right). research/pricing-negotiation.md
 * marks this placement [U]; it lives only in QUADRANT_CELLS.
 */
export type QuadrantId = "product-based-selling" | "managed-service-and-support" | "customer-based-marketing" | "individualised-crm"

/** Column (0 = low individualisation) and row (0 = top = much information) of each quadrant. */
export const QUADRANT_CELLS: Readonly<Record<QuadrantId, { col: 0 | 1; row: 0 | 1 }>> = {
  "customer-based-marketing": { col: 0, row: 0 },
  "individualised-crm": { col: 1, row: 0 },
  "product-based-selling": { col: 0, row: 1 },
  "managed-service-and-support": { col: 1, row: 1 }
}

export interface QuadrantPoint {
  cx: number
  cy: number
  quadrant: QuadrantId
}

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x)

/** The quadrant two 0-1 coordinates fall in (0.5 splits each axis; the midpoint counts as high). */
export function quadrantOf(informationCompleteness: number, individualisation: number): QuadrantId {
  const highInfo = informationCompleteness >= 0.5
  const highIndividual = individualisation >= 0.5
  if (highInfo) return highIndividual ? "individualised-crm" : "customer-based-marketing"
  return highIndividual ? "managed-service-and-support" : "product-based-selling"
}

/** The account's point inside a `size`×`size` square with `padding`; null for missing numbers. */
export function quadrantPosition(informationCompleteness: number, individualisation: number, size: number, padding: number): QuadrantPoint | null {
  if (!Number.isFinite(informationCompleteness) || !Number.isFinite(individualisation)) return null
  const info = clamp01(informationCompleteness)
  const individual = clamp01(individualisation)
  const inner = size - 2 * padding
  return { cx: padding + individual * inner, cy: padding + (1 - info) * inner, quadrant: quadrantOf(info, individual) }
}

/** A cell label in at most two lines, split at the space nearest the middle (SVG text does not wrap). */
export function wrapLabel(text: string, maxChars = 12): string[] {
  const words = text.trim().split(/\s+/)
  if (text.length <= maxChars || words.length < 2) return [text.trim()]
  let best: string[] = [text.trim()]
  let bestScore = Infinity
  for (let i = 1; i < words.length; i++) {
    const a = words.slice(0, i).join(" ")
    const b = words.slice(i).join(" ")
    const score = Math.max(a.length, b.length)
    // On a tie the later split wins: a line should not start with "&" or "و".
    if (score <= bestScore) {
      bestScore = score
      best = [a, b]
    }
  }
  return best
}
