/**
 * One classification as a compact card: the machine label (`data-label`), its human name, a
 * confidence meter, the analysis' one-line summary and the evidence drill-down. `unknown` says
 * "not enough evidence" rather than guessing.
 */
import { useId, type ReactNode } from "react"
import type { Evidence } from "../../analysis/profile"
import type { Message as Descriptor } from "../../i18n/message"
import { Message } from "../components/Message"
import { EvidenceList } from "../components/EvidenceList"
import { useI18n } from "../components/I18n"
import { Meter } from "../components/Meter"
import type { MessageKey } from "../i18n"

export interface AxisCardProps {
  testId?: string
  title: string
  /** The machine label (also `data-label`). */
  label: string
  /** Its human name; null for a label this build does not know. */
  labelText: MessageKey | null
  confidence?: number
  summary?: Descriptor
  evidence?: readonly Evidence[]
  children?: ReactNode
  tone?: "normal" | "warning"
}

export function AxisCard({ testId, title, label, labelText, confidence, summary, evidence, children, tone = "normal" }: AxisCardProps) {
  const { t, language } = useI18n()
  const headingId = useId()
  const unknown = label === "unknown"
  return (
    <article className={`card axis ${tone === "warning" ? "card-warning" : ""}`} data-testid={testId} data-label={label} aria-labelledby={headingId}>
      <div className="axis-head">
        <h3 id={headingId}>{title}</h3>
        <span className={`pill ${unknown ? "pill-unknown" : ""}`}>{labelText ? t(labelText) : label}</span>
      </div>
      {confidence !== undefined ? <Meter value={confidence} label={t("confidence")} /> : null}
      {summary ? (
        <p className="summary" dir="auto" data-testid="axis-summary">
          <Message message={summary} language={language} />
        </p>
      ) : null}
      {children}
      {evidence ? <EvidenceList evidence={evidence} /> : null}
    </article>
  )
}
