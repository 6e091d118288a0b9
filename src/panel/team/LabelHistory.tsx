/**
 * One account's label history in the roll-up (issue 15): a small step chart per axis the lead
 * scans (risk, negotiation power, value tier) over the successive snapshots, drawn by chart.js
 * loaded on first use (charts/draw.ts, as the History tab does), and the list of changes with
 * their dates, which is also the chart's text alternative.
 */
import { useEffect, useMemo, useRef } from "react"
import { formatDate, formatNumber } from "../../i18n/format"
import type { AxisId } from "../../snapshots/axes"
import type { RollupRow } from "../../team/types"
import type { I18n, MessageKey } from "../i18n"
import { AXIS_NAME } from "../export/words"
import { labelOrder } from "../labels"
import { AXIS_LABEL_TEXT } from "../labels"
import { axisLabelWords, historyChanges, labelSeries } from "./rollup-rows"

const CHART_AXES: readonly { axis: AxisId; name: MessageKey }[] = [
  { axis: "risk", name: "axisRisk" },
  { axis: "dominance", name: "axisDominance" },
  { axis: "valueTier", name: "axisTier" }
]

function StepChart({ row, axis, title, i18n }: { row: RollupRow; axis: AxisId; title: string; i18n: I18n }) {
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const series = useMemo(() => labelSeries(row.history, axis, labelOrder(AXIS_LABEL_TEXT[axis])), [row.history, axis])
  const ticks = useMemo(() => series.ticks.map((label) => axisLabelWords(i18n.t, axis, label)), [series, axis, i18n])
  useEffect(() => {
    const canvas = canvasRef.current
    if (!canvas || !canvas.getContext?.("2d") || series.points.length === 0) return
    let cancelled = false
    let chart: { destroy(): void } | undefined
    import("../charts/draw").then(
      ({ drawChart }) => {
        if (!cancelled) chart = drawChart(canvas, "labels", { series: [{ label: title, points: series.points }], xTitle: i18n.t("rollupChartX"), yTitle: "", yTicks: ticks, locale: i18n.locale })
      },
      () => undefined // the list of changes still says it all
    )
    return () => {
      cancelled = true
      chart?.destroy()
    }
  }, [series, ticks, title, i18n])
  const words = row.history.map((h) => axisLabelWords(i18n.t, axis, h.labels[axis])).join(" → ")
  return (
    <div className="rollup-step" data-axis={axis}>
      <h4>{title}</h4>
      <div className="chart-box small-chart" dir="ltr">
        <canvas ref={canvasRef} role="img" aria-label={`${title}: ${words}`} />
      </div>
    </div>
  )
}

export function LabelHistory({ row, i18n }: { row: RollupRow; i18n: I18n }) {
  const { t, language } = i18n
  const changes = useMemo(() => historyChanges(row.history, Object.keys(AXIS_LABEL_TEXT) as AxisId[]), [row.history])
  const first = row.history[0]
  const last = row.history[row.history.length - 1]
  return (
    <figure className="card chart rollup-history" data-testid="team-rollup-chart" data-account-key={row.accountKey} data-points={row.history.length}>
      <h3>
        {t("rollupHistoryTitle", { name: "" })}
        <bdi>{row.name}</bdi>
      </h3>
      <figcaption className="small muted">
        {first && last
          ? t("rollupHistorySummary", { n: formatNumber(row.history.length, language), from: formatDate(first.at, language), to: formatDate(last.at, language) })
          : null}
      </figcaption>
      {CHART_AXES.map(({ axis, name }) => (
        <StepChart key={axis} row={row} axis={axis} title={t(name)} i18n={i18n} />
      ))}
      <h4>{t("rollupChangesTitle")}</h4>
      {changes.length === 0 ? (
        <p className="small muted">{t("rollupNoChanges")}</p>
      ) : (
        <ul className="rollup-changes" data-testid="team-rollup-changes">
          {changes.map((c, i) => (
            <li key={i} data-axis={c.axis}>
              <time dateTime={new Date(c.at).toISOString()}>{formatDate(c.at, language)}</time> · {t(AXIS_NAME[c.axis])}: {axisLabelWords(t, c.axis, c.from)} →{" "}
              {axisLabelWords(t, c.axis, c.to)}
              {c.sharedBy ? (
                <>
                  {" "}
                  (<bdi>{c.sharedBy}</bdi>)
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </figure>
  )
}
