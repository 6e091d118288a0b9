/**
 * What the chip says, in English. Ids are stable (stored profiles keep them); parameters are typed
 * by their names here (see ../message.ts). The Persian is in ../fa/chip.ts.
 */
export const chipEn = {
} as const
