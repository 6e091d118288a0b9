/** What the sync says, in Persian: written as a Persian professional writes it, not word for word. */
import type { syncEn } from "../en/sync"

export const syncFa: Record<keyof typeof syncEn, string> = {
}
