import { readSettings, SETTINGS_KEY } from "../../model/settings"
import type { PanelHandler } from "./context"

/** Settings change only here (the schema allows a partial, validated change). */
export const setSettings: PanelHandler<"set-settings"> = async (message, { db }) => {
  const current = readSettings((await db.meta.get(SETTINGS_KEY))?.value)
  await db.meta.put({ key: SETTINGS_KEY, value: { ...current, ...message.settings } })
  return { ok: true }
}
