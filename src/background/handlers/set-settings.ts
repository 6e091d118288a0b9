import { REP_LANGUAGE_KEY } from "../../i18n/language"
import { readSettings, SETTINGS_KEY } from "../../model/settings"
import { writeLocal } from "../../platform/browser"
import type { PanelHandler } from "./context"

/** Settings change only here (the schema allows a partial, validated change). */
export const setSettings: PanelHandler<"set-settings"> = async (message, { db }) => {
  const current = readSettings((await db.meta.get(SETTINGS_KEY))?.value)
  await db.meta.put({ key: SETTINGS_KEY, value: { ...current, ...message.settings } })
  // The pricing chip runs in the CRM page: it reads the rep's language from extension storage.
  if (message.settings.language) await writeLocal(REP_LANGUAGE_KEY, message.settings.language).catch(() => undefined)
  return { ok: true }
}
