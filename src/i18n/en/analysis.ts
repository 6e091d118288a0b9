/**
 * What the analysis says, in English. Ids are stable (stored profiles keep them); parameters are typed
 * by their names here (see ../message.ts). The Persian is in ../fa/analysis.ts.
 */
export const analysisEn = {
} as const
