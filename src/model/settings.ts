/** The rep's settings: one persisted row (`meta` key "settings"), changed only from the panel. */
import * as z from "zod"

export const SETTINGS_KEY = "settings"

export const Settings = z.object({
  language: z.enum(["en", "fa"]),
  /** How amounts are shown: compact "fewer zeros" (48.5 million) or in full. */
  amountStyle: z.enum(["compact", "full"]),
  /** Shown currency when the CRM record carries none (ISO 4217). */
  defaultCurrency: z.string().regex(/^[A-Z]{3}$/),
  /** History older than this (by when Parley last saw it) is deleted. */
  retentionDays: z.number().int().min(30).max(3650),
  /** Salesforce API calls Parley may make per day for this rep. */
  dailyCallBudget: z.number().int().min(10).max(5_000),
  /** An account synced less than this many minutes ago is not synced again on every page view
   * (each sync costs API calls from the org's shared allowance); "Sync now" always syncs. */
  minSyncIntervalMinutes: z.number().int().min(0).max(1_440),
  theme: z.enum(["system", "light", "dark"]),
  /** The team roll-up nudges about an account whose latest shared snapshot is older than this. */
  teamStaleDays: z.union([z.literal(14), z.literal(30), z.literal(60), z.literal(90)])
})
export type Settings = z.infer<typeof Settings>

export const DEFAULT_SETTINGS: Settings = {
  language: "en",
  amountStyle: "compact",
  defaultCurrency: "USD",
  retentionDays: 730,
  dailyCallBudget: 100,
  minSyncIntervalMinutes: 10,
  theme: "system",
  teamStaleDays: 30
}

/** The choices the Team tab offers for `teamStaleDays`. */
export const TEAM_STALE_DAYS = [14, 30, 60, 90] as const

/** Stored settings merged over the defaults; a corrupt row falls back field by field. */
export function readSettings(stored: unknown): Settings {
  const merged = { ...DEFAULT_SETTINGS, ...(typeof stored === "object" && stored ? stored : {}) }
  const parsed = Settings.safeParse(merged)
  if (parsed.success) return parsed.data
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS }
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const field = Settings.shape[key].safeParse((merged as Record<string, unknown>)[key])
    if (field.success) out[key] = field.data
  }
  return out as Settings
}
