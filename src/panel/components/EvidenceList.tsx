/**
 * The drill-down under every label: the CRM records behind it, each with its date, type, the
 * analysis' reason and a link that opens the record in the CRM (links.ts decides whether a link
 * is safe; otherwise the item is shown without one). CRM text is rendered as React text only.
 */
import { CRM_MESSAGES } from "../i18n"
import { createContext, useContext } from "react"
import type { Evidence } from "../../analysis/profile"
import { formatDate, formatNumber } from "../../i18n/format"
import { labelText, RECORD_TYPE_TEXT } from "../labels"
import { buildRecordLink, type CrmLocation } from "../links"
import { useI18n } from "./I18n"
import { Message } from "./Message"

const LocationContext = createContext<CrmLocation | null>(null)
export const CrmLocationProvider = LocationContext.Provider
export const useCrmLocationContext = () => useContext(LocationContext)

export function EvidenceItems({ evidence }: { evidence: readonly Evidence[] }) {
  const { t, language } = useI18n()
  const location = useCrmLocationContext()
  const crmName = location ? t(CRM_MESSAGES[location.crm].name) : ""
  return (
    <ul className="evidence">
      {evidence.map((item, i) => {
        const href = location ? buildRecordLink(location, item) : null
        const type = labelText(RECORD_TYPE_TEXT, item.recordType)
        return (
          <li key={`${item.recordKey}-${i}`}>
            <span className="evidence-meta">
              {item.at !== undefined ? <time dateTime={new Date(item.at).toISOString()}>{formatDate(item.at, language)}</time> : null}
              {type ? <span className="chip">{t(type)}</span> : null}
            </span>
            <span className="evidence-reason" data-testid="evidence-reason" dir="auto">
              <Message message={item.reason} language={language} />
            </span>
            {href ? (
              <a href={href} target="_blank" rel="noreferrer noopener" className="evidence-link">
                {t("openInCrm", { crm: crmName })}
              </a>
            ) : null}
          </li>
        )
      })}
    </ul>
  )
}

/** A `<details>` disclosure: native keyboard and screen-reader support, closed by default. */
export function EvidenceList({ evidence, label }: { evidence: readonly Evidence[]; label?: string }) {
  const { t, language } = useI18n()
  if (evidence.length === 0) return <p className="muted small">{t("noEvidence")}</p>
  return (
    <details className="drill">
      <summary>{label ?? t("evidenceCount", { n: formatNumber(evidence.length, language) })}</summary>
      <EvidenceItems evidence={evidence} />
    </details>
  )
}
