/** The CRM strategy matrix as a small 2×2 SVG with the account's position and a text alternative. */
import { useId } from "react"
import type { StrategyAxis } from "../../analysis/profile"
import { useI18n } from "../components/I18n"
import { formatPercent } from "../../i18n/format"
import type { MessageKey } from "../i18n"
import { QUADRANT_CELLS, quadrantPosition, wrapLabel, type QuadrantId } from "./quadrant-geometry"

const SIZE = 184
const PAD = 6

const SHORT_NAMES: Record<QuadrantId, MessageKey> = {
  "product-based-selling": "quadProductShort",
  "managed-service-and-support": "quadManagedShort",
  "customer-based-marketing": "quadMarketingShort",
  "individualised-crm": "quadIndividualShort"
}

export function Quadrant({ axis }: { axis: StrategyAxis }) {
  const { t, language } = useI18n()
  const titleId = useId()
  const descId = useId()
  const point = axis.label === "unknown" ? null : quadrantPosition(axis.informationCompleteness, axis.individualisation, SIZE, PAD)
  // The highlighted cell is the analysis' label; the dot is where the two scores put the account.
  const active = axis.label !== "unknown" ? (axis.label as QuadrantId) : null
  const cell = (SIZE - 2 * PAD) / 2
  const description = point
    ? t("quadrantAlt", {
        info: formatPercent(axis.informationCompleteness, language),
        individual: formatPercent(axis.individualisation, language),
        quadrant: t(SHORT_NAMES[active ?? point.quadrant])
      })
    : t("quadrantUnknown")
  return (
    <figure className="quadrant">
      <svg width={SIZE} height={SIZE} viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-labelledby={`${titleId} ${descId}`}>
        <title id={titleId}>{t("strategyTitle")}</title>
        <desc id={descId}>{description}</desc>
        {(Object.keys(QUADRANT_CELLS) as QuadrantId[]).map((id) => {
          const { col, row } = QUADRANT_CELLS[id]
          const x = PAD + col * cell
          const y = PAD + row * cell
          return (
            <g key={id}>
              <rect x={x} y={y} width={cell} height={cell} className={`quad-cell ${id === active ? "quad-active" : ""}`} />
              <text x={x + cell / 2} y={y + cell / 2} textAnchor="middle" dominantBaseline="middle" className="quad-text">
                {wrapLabel(t(SHORT_NAMES[id])).map((line, i, lines) => (
                  <tspan key={i} x={x + cell / 2} dy={i === 0 ? `${-(lines.length - 1) * 0.6}em` : "1.2em"}>
                    {line}
                  </tspan>
                ))}
              </text>
            </g>
          )
        })}
        {point ? <circle cx={point.cx} cy={point.cy} r={6} className="quad-dot" /> : null}
      </svg>
      <figcaption className="small">
        {/* The matrix is drawn left to right in both languages, so the arrows are too. */}
        <span className="muted quad-axis" dir="ltr">
          ↑ {t("axisInformation")}
        </span>
        <span className="muted quad-axis" dir="ltr">
          → {t("axisIndividualisation")}
        </span>
        <span className="quad-desc">{description}</span>
      </figcaption>
    </figure>
  )
}
