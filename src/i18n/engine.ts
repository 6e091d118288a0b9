/**
 * The engines' catalogues (analysis, pricing, the chip, sync diagnostics), one per language. Ids
 * are namespaced by their file's prefix so they never collide. Rendering imports these; engines
 * that only build messages import nothing here but types (../i18n/message.ts).
 */
import { analysisEn } from "./en/analysis"
import { chipEn } from "./en/chip"
import { pricingEn } from "./en/pricing"
import { syncEn } from "./en/sync"
import { analysisFa } from "./fa/analysis"
import { chipFa } from "./fa/chip"
import { pricingFa } from "./fa/pricing"
import { syncFa } from "./fa/sync"
import type { Language } from "./language"

export const ENGINE_EN = { ...analysisEn, ...pricingEn, ...chipEn, ...syncEn } as const
export type MessageId = keyof typeof ENGINE_EN

export const ENGINE_CATALOGUE: Readonly<Record<Language, Readonly<Record<MessageId, string>>>> = {
  en: ENGINE_EN,
  fa: { ...analysisFa, ...pricingFa, ...chipFa, ...syncFa }
}
