/** A 0-1 value (confidence, weight) as a labelled meter: screen readers hear the percentage. */
import { formatPercent } from "../../i18n/format"
import { useI18n } from "./I18n"

export function Meter({ value, label, className = "" }: { value: number; label: string; className?: string }) {
  const { language } = useI18n()
  const share = Number.isFinite(value) ? Math.max(0, Math.min(1, value)) : 0
  const pct = Math.round(share * 100)
  const text = formatPercent(share, language)
  return (
    <div className={`meter-row ${className}`}>
      <span className="meter-label">{label}</span>
      <div role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-valuetext={text} className="meter">
        <div className="meter-fill" style={{ inlineSize: `${pct}%` }} />
      </div>
      <span className="meter-value">{text}</span>
    </div>
  )
}
