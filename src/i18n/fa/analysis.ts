/** What the analysis says, in Persian: written as a Persian professional writes it, not word for word. */
import type { analysisEn } from "../en/analysis"

export const analysisFa: Record<keyof typeof analysisEn, string> = {
}
