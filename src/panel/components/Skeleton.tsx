/** Placeholder blocks while live queries load: the layout does not jump when data arrives. */
import type { ReactNode } from "react"
import { useI18n } from "./I18n"

export function Skeleton({ lines = 3 }: { lines?: number }) {
  const { t } = useI18n()
  return (
    <div className="skeleton" role="status" aria-live="polite" aria-busy="true">
      <span className="visually-hidden">{t("loading")}</span>
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} className="skeleton-line" aria-hidden="true" />
      ))}
    </div>
  )
}

/** An empty or error state: what happened and what to do next. */
export function Notice({ title, hint, tone = "info", testId, children }: { title: string; hint?: string; tone?: "info" | "error"; testId?: string; children?: ReactNode }) {
  return (
    <section className={`notice notice-${tone}`} role={tone === "error" ? "alert" : undefined} data-testid={testId}>
      <h2>{title}</h2>
      {hint ? <p>{hint}</p> : null}
      {children}
    </section>
  )
}
