/**
 * History: interactions per month by who initiated them, discount
 * depth per deal (the concession trend), quote revisions of the open deal, cases and their time
 * to close. Every chart has a summary and a hidden data table as its text alternative. chart.js
 * itself is loaded by ChartFigure on first use, so this tab adds nothing heavy to first paint.
 */
import { useMemo } from "react"
import type { RelationshipProfile } from "../../analysis/profile"
import type { AccountHistory } from "../../model/schema"
import { formatAmount } from "../../pricing/format"
import { ChartFigure } from "../charts/ChartFigure"
import { caseSeries, discountSeries, interactionsByMonth, openDealEntry, revisionSeries } from "../../snapshots/series"
import { useI18n } from "../components/I18n"
import { Notice, Skeleton } from "../components/Skeleton"
import { useAccountHistory } from "../data"
import { formatDate, formatNumber, formatPercent } from "../../i18n/format"
import { DISCOUNT_TREND_TEXT } from "../labels"

interface HistoryTabProps {
  accountKey: string | null
  profile: RelationshipProfile | null
  /** Keys of the open record, to find "the open deal" in the concession ledger. */
  openKeys: string[]
  defaultCurrency: string
  amountStyle: "compact" | "full"
}

export function HistoryTab({ accountKey, profile, openKeys, defaultCurrency, amountStyle }: HistoryTabProps) {
  const { t } = useI18n()
  const history = useAccountHistory(accountKey)
  if (history === undefined) return <Skeleton lines={6} />
  const total = history ? history.interactions.length + history.deals.length + history.quotes.length + history.cases.length : 0
  if (!history || total === 0) return <Notice title={t("noHistoryYet")} hint={t("noHistoryHint")} testId="no-history" />
  return <Charts history={history} profile={profile} openKeys={openKeys} defaultCurrency={defaultCurrency} amountStyle={amountStyle} />
}

function Charts({ history, profile, openKeys, defaultCurrency, amountStyle }: { history: AccountHistory } & Omit<HistoryTabProps, "accountKey">) {
  const { t, language, locale } = useI18n()
  const date = (at: number) => formatDate(at, language)
  const month = (at: number) => formatDate(at, language, "month")
  const num = (n: number) => formatNumber(n, language)

  const interactions = useMemo(() => interactionsByMonth(history.interactions), [history.interactions])
  const ledger = profile?.concessions.deals ?? []
  const discounts = useMemo(() => discountSeries(ledger), [ledger])
  const openDeal = useMemo(() => openDealEntry(ledger, openKeys), [ledger, openKeys])
  const revisions = useMemo(() => revisionSeries(openDeal), [openDeal])
  const cases = useMemo(() => caseSeries(history.cases), [history.cases])
  const dealCurrency = openDeal?.currency ?? defaultCurrency
  const money = (n: number | null) => (n === null ? "—" : formatAmount(n, { currency: dealCurrency, locale, style: amountStyle }))

  const inboundTotal = interactions.inbound.reduce((s, p) => s + p.y, 0)
  const outboundTotal = interactions.outbound.reduce((s, p) => s + p.y, 0)
  const interactionInput = useMemo(
    () => ({
      series: [
        { label: t("seriesInbound"), points: interactions.inbound },
        { label: t("seriesOutbound"), points: interactions.outbound }
      ],
      xTitle: t("axisMonth"),
      yTitle: t("axisInteractions"),
      locale
    }),
    [interactions, t, locale]
  )
  const discountInput = useMemo(
    () => ({
      series: [
        { label: t("seriesFinalDiscount"), points: discounts.final },
        { label: t("seriesDeepestDiscount"), points: discounts.deepest }
      ],
      xTitle: t("axisDate"),
      yTitle: t("axisDiscount"),
      locale
    }),
    [discounts, t, locale]
  )
  const revisionInput = useMemo(
    () => ({ series: [{ label: t("seriesNetPrice"), points: revisions }], xTitle: t("axisRevision"), yTitle: t("axisNetPrice"), locale, currency: dealCurrency }),
    [revisions, t, locale, dealCurrency]
  )
  const caseInput = useMemo(
    () => ({ series: [{ label: t("seriesDaysToClose"), points: cases.daysToClose }], xTitle: t("axisOpened"), yTitle: t("axisDaysToClose"), locale }),
    [cases, t, locale]
  )
  const medianDays = profile?.complaints.medianDaysToClose ?? null

  return (
    <div className="charts">
      {interactions.inbound.length ? (
        <ChartFigure
          kind="interactions"
          title={t("chartInteractions")}
          summary={t("chartInteractionsSummary", {
            inbound: num(inboundTotal),
            outbound: num(outboundTotal),
            other: num(interactions.other),
            from: month(interactions.inbound[0]!.x),
            to: month(interactions.inbound[interactions.inbound.length - 1]!.x)
          })}
          input={interactionInput}
          table={{
            columns: [t("axisMonth"), t("seriesInbound"), t("seriesOutbound")],
            rows: interactions.inbound.map((p, i) => [month(p.x), num(p.y), num(interactions.outbound[i]?.y ?? 0)])
          }}
        />
      ) : (
        <EmptyChart title={t("chartInteractions")} />
      )}

      {discounts.final.length || discounts.deepest.length ? (
        <ChartFigure
          kind="discounts"
          title={t("chartDiscounts")}
          summary={t("chartDiscountsSummary", { n: num(ledger.length), trend: t(DISCOUNT_TREND_TEXT[profile?.concessions.discountTrend ?? "unknown"]) })}
          input={discountInput}
          table={{
            columns: [t("colDeal"), t("axisDate"), t("seriesFinalDiscount"), t("seriesDeepestDiscount")],
            rows: ledger.map((d) => [
              d.name ?? d.key,
              d.revisions.length ? date(d.revisions[d.revisions.length - 1]!.at) : "",
              d.finalDiscountPercent === null ? "—" : formatPercent(d.finalDiscountPercent / 100, language),
              d.maxDiscountPercent === null ? "—" : formatPercent(d.maxDiscountPercent / 100, language)
            ])
          }}
        />
      ) : (
        <EmptyChart title={t("chartDiscounts")} />
      )}

      {openDeal && revisions.length ? (
        <ChartFigure
          kind="revisions"
          title={t("chartRevisions", { deal: openDeal.name ?? "" })}
          summary={t("chartRevisionsSummary", {
            n: num(openDeal.revisions.length),
            first: money(revisions[0]!.y),
            last: money(revisions[revisions.length - 1]!.y)
          })}
          input={revisionInput}
          table={{
            columns: [t("axisRevision"), t("axisDate"), t("axisNetPrice"), t("axisDiscount")],
            rows: openDeal.revisions.map((r) => [num(r.revision), date(r.at), money(r.net), r.discountPercent === null ? "—" : formatPercent(r.discountPercent / 100, language)])
          }}
        />
      ) : (
        <EmptyChart title={t("chartRevisions", { deal: "" })} hint={t("noOpenDeal")} />
      )}

      {cases.closed ? (
        <ChartFigure
          kind="cases"
          title={t("chartCases")}
          summary={t("chartCasesSummary", { closed: num(cases.closed), open: num(cases.open), median: medianDays === null ? "—" : num(medianDays) })}
          input={caseInput}
          table={{
            columns: [t("axisOpened"), t("axisDaysToClose")],
            rows: cases.daysToClose.map((p) => [date(p.x), num(p.y)])
          }}
        />
      ) : (
        <EmptyChart title={t("chartCases")} hint={cases.open ? t("casesAllOpen", { open: num(cases.open) }) : undefined} />
      )}
    </div>
  )
}

function EmptyChart({ title, hint }: { title: string; hint?: string }) {
  const { t } = useI18n()
  return (
    <figure className="card chart chart-empty">
      <h3>{title}</h3>
      <p className="muted small">{hint ?? t("chartNoData")}</p>
    </figure>
  )
}
