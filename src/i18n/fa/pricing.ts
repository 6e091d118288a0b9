/** What the pricing says, in Persian: written as a Persian professional writes it, not word for word. */
import type { pricingEn } from "../en/pricing"

export const pricingFa: Record<keyof typeof pricingEn, string> = {
}
