/**
 * Settings edits: the background owns the row (set-settings), the panel shows the edit at once
 * (optimistic) and drops it when the live row catches up, or reverts it with an error when the
 * background refuses or does not answer.
 */
import { useCallback, useEffect, useMemo, useState } from "react"
import type { Settings } from "../model/settings"
import type { PanelSend } from "./messaging"

export function mergePending(live: Settings, pending: Partial<Settings>): Settings {
  return { ...live, ...pending }
}

/** The pending keys the live row does not show yet. */
export function stillPending(live: Settings, pending: Partial<Settings>): Partial<Settings> {
  const out: Partial<Settings> = {}
  for (const [key, value] of Object.entries(pending) as [keyof Settings, Settings[keyof Settings]][]) {
    if (live[key] !== value) (out as Record<string, unknown>)[key] = value
  }
  return out
}

export function useEditableSettings(live: Settings, send: PanelSend) {
  const [pending, setPending] = useState<Partial<Settings>>({})
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    setPending((p) => {
      const next = stillPending(live, p)
      return Object.keys(next).length === Object.keys(p).length ? p : next
    })
  }, [live])

  const update = useCallback(
    async (change: Partial<Settings>) => {
      setError(null)
      setPending((p) => ({ ...p, ...change }))
      let reply: Awaited<ReturnType<PanelSend>>
      try {
        reply = await send({ type: "set-settings", settings: change })
      } catch (e) {
        reply = { ok: false, error: e instanceof Error ? e.message : String(e) }
      }
      if (!reply.ok) {
        setPending((p) => {
          const next = { ...p }
          for (const key of Object.keys(change) as (keyof Settings)[]) delete next[key]
          return next
        })
        setError(reply.error)
      }
    },
    [send]
  )

  const settings = useMemo(() => mergePending(live, pending), [live, pending])
  return { settings, update, error }
}
