/** What the chip says, in Persian: written as a Persian professional writes it, not word for word. */
import type { chipEn } from "../en/chip"

export const chipFa: Record<keyof typeof chipEn, string> = {
}
