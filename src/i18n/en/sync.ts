/**
 * What the sync says, in English. Ids are stable (stored profiles keep them); parameters are typed
 * by their names here (see ../message.ts). The Persian is in ../fa/sync.ts.
 */
export const syncEn = {
} as const
