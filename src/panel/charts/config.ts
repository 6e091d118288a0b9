/**
 * Chart configurations for the History tab, built by a pure function so the benchmark renders
 * exactly what the panel renders (chart-5k: our config vs chart.js defaults). Performance choices
 * (chart.js performance docs, research/performance.md §4):
 * - data arrives pre-shaped as sorted `{x, y}` with unique x → `parsing: false`, `normalized: true`;
 * - animations off (the panel re-renders as sync progresses; tweening every update is wasted work);
 * - LTTB decimation above DECIMATE_ABOVE points (line charts on a linear x axis only, which is why
 *   time is a linear axis of epoch ms with our own tick labels: no date adapter to ship either);
 * - no point markers on large series, fixed tick rotation, `spanGaps` (skips gap scanning).
 * Type-only import: this module stays free of chart.js code; charts/render.ts registers the parts.
 */
import type { ChartConfiguration, ChartDataset, TooltipItem } from "chart.js"
import type { ChartPoint } from "../../snapshots/series"

export type ChartKind = "interactions" | "discounts" | "revisions" | "cases" | "labels"

export interface ChartSeriesInput {
  label: string
  points: ChartPoint[]
}

export interface ChartInput {
  series: ChartSeriesInput[]
  /** Human axis names, already translated. */
  xTitle: string
  yTitle: string
  /** BCP 47 tag for tick labels (fa-IR: Persian digits and Solar Hijri months). */
  locale?: string
  /** Currency of amounts (revisions), ISO 4217. */
  currency?: string
  /** Series colours and text/grid colours, from the panel's theme. */
  palette?: Partial<ChartPalette>
  /** Ordinal y values' words (kind "labels": y is an index into this list). */
  yTicks?: readonly string[]
}

export interface ChartPalette {
  series: string[]
  text: string
  grid: string
}

export type LineConfig = ChartConfiguration<"line", ChartPoint[]>

/** Above this many points a series is decimated and drawn without point markers. */
export const DECIMATE_ABOVE = 500
/** LTTB keeps this many points: more than a ~380 px side panel can show apart. */
export const DECIMATION_SAMPLES = 200

export const DEFAULT_PALETTE: ChartPalette = { series: ["#0b5cab", "#a96404", "#2e844a", "#ba0517"], text: "#5c5c5c", grid: "#d8dde6" }

const TIME_KINDS: ReadonlySet<ChartKind> = new Set(["interactions", "discounts", "cases", "labels"])

const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>()
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined
  if (!f) {
    f = make()
    formatters.set(key, f)
  }
  return f
}

/** Tick and tooltip text for a value on each axis of `kind`. */
/** Below this time span, date ticks name the day too (else several ticks read "Jul 2026"). */
const SHORT_SPAN_MS = 200 * 86_400_000

export function axisFormatters(kind: ChartKind, locale = "en-US", currency?: string, spanMs = Infinity): { x: (v: number) => string; y: (v: number) => string } {
  const month =
    spanMs < SHORT_SPAN_MS
      ? cached(`md|${locale}`, () => new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", timeZone: "UTC" }))
      : cached(`m|${locale}`, () => new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", timeZone: "UTC" }))
  const integer = cached(`i|${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }))
  const decimal = cached(`d|${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }))
  const percent = cached(`p|${locale}`, () => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }))
  const compact = cached(`c|${locale}|${currency ?? ""}`, () => {
    try {
      return currency
        ? new Intl.NumberFormat(locale, { style: "currency", currency, notation: "compact", maximumFractionDigits: 1 })
        : new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 })
    } catch {
      return new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 })
    }
  })
  const x = TIME_KINDS.has(kind) ? (v: number) => month.format(v) : (v: number) => integer.format(v)
  const y =
    kind === "discounts" ? (v: number) => percent.format(v / 100) : kind === "revisions" ? (v: number) => compact.format(v) : kind === "cases" ? (v: number) => decimal.format(v) : (v: number) => integer.format(v)
  return { x, y }
}

function bounds(series: readonly ChartSeriesInput[]): { min?: number; max?: number } {
  let min = Infinity
  let max = -Infinity
  for (const s of series) {
    const first = s.points[0]
    const last = s.points[s.points.length - 1]
    if (first && first.x < min) min = first.x
    if (last && last.x > max) max = last.x
  }
  return min === Infinity ? {} : { min, max }
}

export function createChartConfig(kind: ChartKind, data: ChartInput): LineConfig {
  const palette: ChartPalette = { ...DEFAULT_PALETTE, ...data.palette }
  const range = bounds(data.series)
  const format = axisFormatters(kind, data.locale, data.currency, range.min !== undefined && range.max !== undefined ? range.max - range.min : Infinity)
  const largest = Math.max(0, ...data.series.map((s) => s.points.length))
  const yTicks = kind === "labels" && data.yTicks?.length ? data.yTicks : null
  const large = largest > DECIMATE_ABOVE
  const datasets: ChartDataset<"line", ChartPoint[]>[] = data.series.map((s, i) => {
    const color = palette.series[i % palette.series.length] ?? DEFAULT_PALETTE.series[0]!
    return {
      label: s.label,
      data: s.points,
      borderColor: color,
      backgroundColor: color,
      borderWidth: large ? 1 : 2,
      pointRadius: s.points.length > DECIMATE_ABOVE ? 0 : kind === "interactions" ? 0 : 3,
      pointHoverRadius: s.points.length > DECIMATE_ABOVE ? 0 : 4,
      tension: 0,
      // A label holds until the next snapshot says otherwise: a step, not a slope.
      ...(kind === "labels" ? { stepped: "after" as const } : {}),
      spanGaps: true,
      indexAxis: "x"
    }
  })
  const ticks = { color: palette.text, maxRotation: 0, minRotation: 0, autoSkip: true, autoSkipPadding: 12, sampleSize: 8 }
  return {
    type: "line",
    data: { datasets },
    options: {
      parsing: false,
      normalized: true,
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: "nearest", axis: "x", intersect: false },
      scales: {
        x: {
          type: "linear",
          ...range,
          title: { display: true, text: data.xTitle, color: palette.text },
          grid: { color: palette.grid },
          ticks: { ...ticks, callback: (v) => format.x(Number(v)), ...(kind === "revisions" ? { stepSize: 1, precision: 0 } : {}) }
        },
        y: {
          type: "linear",
          beginAtZero: true,
          title: { display: true, text: data.yTitle, color: palette.text },
          grid: { color: palette.grid },
          ...(yTicks ? { min: 0, max: Math.max(1, yTicks.length - 1) } : {}),
          ticks: {
            ...ticks,
            callback: (v) => (yTicks ? (yTicks[Number(v)] ?? "") : format.y(Number(v))),
            ...(kind === "interactions" ? { precision: 0 } : {}),
            ...(yTicks ? { stepSize: 1, autoSkip: false } : {})
          }
        }
      },
      plugins: {
        decimation: { enabled: true, algorithm: "lttb", samples: DECIMATION_SAMPLES, threshold: DECIMATE_ABOVE },
        legend: { display: data.series.length > 1, labels: { color: palette.text, boxWidth: 12 } },
        tooltip: {
          callbacks: {
            title: (items: TooltipItem<"line">[]) => (items[0] ? format.x(items[0].parsed.x ?? 0) : ""),
            label: (item: TooltipItem<"line">) => `${item.dataset.label ?? ""}: ${yTicks ? (yTicks[item.parsed.y ?? 0] ?? "") : format.y(item.parsed.y ?? 0)}`
          }
        }
      }
    }
  }
}
