/** Negotiation: the hints of FRAMEWORK.md §2 for this account, most important first. */
import { useMemo } from "react"
import { negotiationHints } from "../../analysis/hints"
import { PUSHBACK_LABELS, type NegotiationHint, type RelationshipProfile } from "../../analysis/profile"
import { EvidenceList } from "../components/EvidenceList"
import { Message } from "../components/Message"
import { useI18n } from "../components/I18n"
import { Notice } from "../components/Skeleton"
import { labelText, PRIORITY_TEXT, PUSHBACK_TEXT } from "../labels"

const RANK: Record<NegotiationHint["priority"], number> = { high: 0, medium: 1, low: 2 }

/** Most important first; stable, so the analysis' own order holds within a priority. */
export function orderHints(hints: readonly NegotiationHint[]): NegotiationHint[] {
  return [...hints].sort((a, b) => (RANK[a.priority] ?? 3) - (RANK[b.priority] ?? 3))
}

export function NegotiationTab({ profile }: { profile: RelationshipProfile | null }) {
  const { t, language, locale } = useI18n()
  const hints = useMemo(() => (profile && profile.sampleSize.total > 0 ? orderHints(negotiationHints(profile, { locale })) : []), [profile, locale])
  if (!profile || profile.sampleSize.total === 0) {
    return (
      <section data-testid="negotiation-hints" data-count={0}>
        <Notice title={t("noHistoryYet")} hint={t("hintsNeedHistory")} />
      </section>
    )
  }
  const pushback = profile.pushback
  return (
    <section data-testid="negotiation-hints" data-count={hints.length} aria-label={t("tabNegotiation")}>
      {hints.length === 0 ? <p className="muted">{t("noHints")}</p> : null}
      <ol className="hints">
        {hints.map((hint) => {
          const priority = labelText(PRIORITY_TEXT, hint.priority)
          return (
            <li key={hint.id} className={`card hint hint-${hint.priority}`} data-testid="hint" data-hint-id={hint.id} data-priority={hint.priority}>
              <div className="axis-head">
                <h3 dir="auto" data-testid="hint-title">
                  <Message message={hint.messages.title} language={language} />
                </h3>
                <span className={`pill pill-${hint.priority}`}>{priority ? t(priority) : hint.priority}</span>
              </div>
              <p dir="auto" data-testid="hint-text">
                <Message message={hint.messages.text} language={language} />
              </p>
              <p className="small citation">
                {hint.rule ? <bdi className="chip">{hint.rule}</bdi> : null} <span className="muted">{t("source")}</span> <cite>
                  <bdi>{hint.citation}</bdi>
                </cite>
              </p>
              <EvidenceList evidence={hint.evidence} />
            </li>
          )
        })}
      </ol>
      {(PUSHBACK_LABELS as readonly string[]).includes(pushback.label) && pushback.label !== "none" ? (
        <p className="small muted" data-testid="pushback">
          {t("pushbackSeen")} {t(PUSHBACK_TEXT[pushback.label])} — <span dir="auto"><Message message={pushback.summary} language={language} /></span>
        </p>
      ) : null}
    </section>
  )
}
