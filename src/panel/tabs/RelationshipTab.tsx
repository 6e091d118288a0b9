/**
 * Relationship: the four axes of FRAMEWORK.md §1 as cards, then complaints and responsiveness,
 * dependence, the Dell-trap warning, the CRM strategy position, the value tier and risk.
 */
import type { RelationshipProfile } from "../../analysis/profile"
import { CRITERIA } from "../../analysis/profile"
import { EvidenceList } from "../components/EvidenceList"
import { Message } from "../components/Message"
import { useI18n } from "../components/I18n"
import { Meter } from "../components/Meter"
import { Notice } from "../components/Skeleton"
import { formatNumber, formatPercent } from "../../i18n/format"
import {
  CRITERION_TEXT,
  DEPENDENCE_TEXT,
  DOMINANCE_TEXT,
  INITIATOR_TEXT,
  labelText,
  RESPONSIVENESS_TEXT,
  RISK_TEXT,
  STRATEGY_TEXT,
  TIER_TEXT,
  TREND_TEXT,
  VALUE_ORIGIN_TEXT
} from "../labels"
import { AxisCard } from "./AxisCard"
import { Quadrant } from "./Quadrant"

/** The four core cards when there is no profile: every axis honestly `unknown`. */
export function UnknownAxes() {
  const { t } = useI18n()
  return (
    <div className="cards">
      <AxisCard testId="relationship-value-origin" title={t("axisValueOrigin")} label="unknown" labelText="notEnoughEvidence" />
      <AxisCard testId="relationship-dominance" title={t("axisDominance")} label="unknown" labelText="notEnoughEvidence" />
      <AxisCard testId="relationship-initiator" title={t("axisInitiator")} label="unknown" labelText="notEnoughEvidence" />
      <AxisCard testId="decision-criteria" title={t("axisCriteria")} label="unknown" labelText="notEnoughEvidence" />
    </div>
  )
}

export function RelationshipTab({ profile }: { profile: RelationshipProfile | null }) {
  const { t, language } = useI18n()
  if (!profile || profile.sampleSize.total === 0) {
    return (
      <>
        <Notice title={t("noHistoryYet")} hint={t("noHistoryHint")} testId="no-history" />
        <UnknownAxes />
      </>
    )
  }
  const { valueOrigin, dominance, initiator, decisionCriteria: criteria, complaints, dependence, dellTrap, crmStrategy, valueTier, risk } = profile
  const pct = (x: number) => formatPercent(x, language)
  const num = (x: number) => formatNumber(x, language)
  return (
    <div className="cards">
      {dellTrap.flagged ? (
        <aside className="card card-warning" data-testid="dell-trap" role="note" aria-labelledby="dell-trap-title">
          <h3 id="dell-trap-title">⚠ {t("dellTrapTitle")}</h3>
          <p>{t("dellTrapText")}</p>
          <p className="summary" dir="auto">
            <Message message={dellTrap.summary} language={language} />
          </p>
          <EvidenceList evidence={dellTrap.evidence} />
        </aside>
      ) : null}

      <AxisCard
        testId="relationship-value-origin"
        title={t("axisValueOrigin")}
        label={valueOrigin.label}
        labelText={labelText(VALUE_ORIGIN_TEXT, valueOrigin.label)}
        confidence={valueOrigin.confidence}
        summary={valueOrigin.summary}
        evidence={valueOrigin.evidence}
      >
        <p className="small muted">
          {t("voSupplierLed")} {pct(valueOrigin.shares.supplierLed)} · {t("voCustomerLed")} {pct(valueOrigin.shares.customerLed)} · {t("voCoCreated")}{" "}
          {pct(valueOrigin.shares.coCreated)}
        </p>
      </AxisCard>

      <AxisCard
        testId="relationship-dominance"
        title={t("axisDominance")}
        label={dominance.label}
        labelText={labelText(DOMINANCE_TEXT, dominance.label)}
        confidence={dominance.confidence}
        summary={dominance.summary}
        evidence={dominance.evidence}
      >
        <Meter value={dominance.supplierPower} label={t("supplierPower")} className="meter-small" />
        <Meter value={dominance.customerPower} label={t("customerPower")} className="meter-small" />
        {dominance.factors.length ? (
          <details className="drill">
            <summary>{t("powerFactors")}</summary>
            <ul className="factors">
              {dominance.factors.map((f) => (
                <li key={`${f.side}-${f.id}`}>
                  <span className="chip">{t(f.side === "supplier" ? "sideSupplier" : "sideCustomer")}</span> <span dir="auto"><Message message={f.reason} language={language} /></span>{" "}
                  <span className="muted">({pct(f.value)})</span>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </AxisCard>

      <AxisCard
        testId="relationship-initiator"
        title={t("axisInitiator")}
        label={initiator.label}
        labelText={labelText(INITIATOR_TEXT, initiator.label)}
        confidence={initiator.confidence}
        summary={initiator.summary}
        evidence={initiator.evidence}
      />

      <AxisCard
        testId="decision-criteria"
        title={t("axisCriteria")}
        label={criteria.label}
        labelText={labelText(CRITERION_TEXT, criteria.label)}
        confidence={criteria.confidence}
        summary={criteria.summary}
        evidence={criteria.evidence}
      >
        <div className="weights" aria-label={t("criteriaWeights")} role="group">
          {CRITERIA.map((c) => (
            <Meter key={c} value={criteria.weights[c]} label={t(CRITERION_TEXT[c])} className="meter-small" />
          ))}
        </div>
      </AxisCard>

      <AxisCard
        testId="complaints"
        title={t("axisComplaints")}
        label={complaints.label}
        labelText={labelText(RESPONSIVENESS_TEXT, complaints.label)}
        confidence={complaints.confidence}
        summary={complaints.summary}
        evidence={complaints.evidence}
      >
        <dl className="stats">
          <div>
            <dt>{t("casesTotal")}</dt>
            <dd>{num(complaints.total)}</dd>
          </div>
          <div>
            <dt>{t("casesOpen")}</dt>
            <dd>{num(complaints.open)}</dd>
          </div>
          <div>
            <dt>{t("casesEscalated")}</dt>
            <dd>{num(complaints.escalated)}</dd>
          </div>
          <div>
            <dt>{t("medianDaysToClose")}</dt>
            <dd>{complaints.medianDaysToClose === null ? "—" : num(complaints.medianDaysToClose)}</dd>
          </div>
          <div>
            <dt>{t("trend")}</dt>
            <dd>{t(TREND_TEXT[complaints.trend])}</dd>
          </div>
        </dl>
      </AxisCard>

      <AxisCard
        testId="dependence"
        title={t("axisDependence")}
        label={dependence.label}
        labelText={labelText(DEPENDENCE_TEXT, dependence.label)}
        confidence={dependence.confidence}
        summary={dependence.summary}
        evidence={dependence.evidence}
      >
        <ul className="small plain">
          <li>
            {dependence.patterns.longTermLease ? "✓" : "–"} {t("patternLease")}
          </li>
          <li>
            {dependence.patterns.customServices ? "✓" : "–"} {t("patternServices")}
          </li>
        </ul>
      </AxisCard>

      <AxisCard
        testId="crm-strategy"
        title={t("strategyTitle")}
        label={crmStrategy.label}
        labelText={labelText(STRATEGY_TEXT, crmStrategy.label)}
        confidence={crmStrategy.confidence}
        summary={crmStrategy.summary}
        evidence={crmStrategy.evidence}
      >
        <Quadrant axis={crmStrategy} />
      </AxisCard>

      <AxisCard
        testId="value-tier"
        title={t("axisTier")}
        label={valueTier.label}
        labelText={labelText(TIER_TEXT, valueTier.label)}
        confidence={valueTier.confidence}
        summary={valueTier.summary}
        evidence={valueTier.evidence}
      >
        {valueTier.percentile !== null ? (
          <p className="small muted">{t("tierPercentile", { pct: pct(valueTier.percentile), peers: num(valueTier.peerCount) })}</p>
        ) : null}
      </AxisCard>

      <AxisCard
        testId="risk"
        title={t("axisRisk")}
        label={risk.label}
        labelText={labelText(RISK_TEXT, risk.label)}
        confidence={risk.confidence}
        summary={risk.summary}
        tone={risk.label === "at-risk" ? "warning" : "normal"}
      >
        {risk.reasons.length ? (
          <ul className="risk-reasons">
            {risk.reasons.map((r) => (
              <li key={r.signal}>
                <span dir="auto"><Message message={r.text} language={language} /></span>
                <EvidenceList evidence={r.evidence} />
              </li>
            ))}
          </ul>
        ) : (
          <EvidenceList evidence={risk.evidence} />
        )}
      </AxisCard>
    </div>
  )
}
