/**
 * What the pricing says, in English. Ids are stable (stored profiles keep them); parameters are typed
 * by their names here (see ../message.ts). The Persian is in ../fa/pricing.ts.
 */
export const pricingEn = {
} as const
