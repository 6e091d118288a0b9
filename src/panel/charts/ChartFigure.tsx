/**
 * One chart with its text alternative: the canvas is an image whose aria-label summarises it, and
 * a visually hidden table carries the numbers for screen readers (capped: a table of thousands
 * of rows is no alternative, the summary says so).
 */
import { useEffect, useRef } from "react"
import { useI18n } from "../components/I18n"
import type { ChartInput, ChartKind, ChartPalette } from "./config"

export const TABLE_ROW_CAP = 60

export interface ChartTable {
  columns: string[]
  /** Most recent last; only the last TABLE_ROW_CAP rows are kept. */
  rows: string[][]
}

interface ChartFigureProps {
  kind: ChartKind
  title: string
  summary: string
  input: ChartInput
  table: ChartTable
}

/** The theme's colours, read from the CSS variables the panel already switches. */
function themePalette(): Partial<ChartPalette> {
  if (typeof getComputedStyle !== "function") return {}
  const css = getComputedStyle(document.documentElement)
  const v = (name: string) => css.getPropertyValue(name).trim()
  const series = [v("--accent"), v("--warn"), v("--ok"), v("--bad")].filter(Boolean)
  return { ...(series.length ? { series } : {}), ...(v("--muted") ? { text: v("--muted") } : {}), ...(v("--line") ? { grid: v("--line") } : {}) }
}

export function ChartFigure({ kind, title, summary, input, table }: ChartFigureProps) {
  const { t, dir } = useI18n()
  const canvasRef = useRef<HTMLCanvasElement>(null)
  useEffect(() => {
    const canvas = canvasRef.current
    if (!canvas || !canvas.getContext?.("2d")) return
    let cancelled = false
    let chart: { destroy(): void } | undefined
    // chart.js is a separate chunk, fetched when the first chart mounts: never on first paint.
    import("./draw").then(
      ({ drawChart }) => {
        if (!cancelled) chart = drawChart(canvas, kind, { ...input, palette: themePalette() })
      },
      () => undefined // the summary and the table still carry the data
    )
    return () => {
      cancelled = true
      chart?.destroy()
    }
  }, [kind, input])
  const rows = table.rows.slice(-TABLE_ROW_CAP)
  return (
    <figure className="card chart" data-chart={kind}>
      <h3>{title}</h3>
      {/* Charts read left to right in every language: time runs that way on the axis. */}
      <div className="chart-box" dir="ltr">
        <canvas ref={canvasRef} role="img" aria-label={`${title}. ${summary}`} />
      </div>
      <figcaption className="small muted">{summary}</figcaption>
      {/* The wrapper hides the table: a table grows to its content whatever width it is given. */}
      <div className="visually-hidden">
      <table dir={dir}>
        <caption>
          {title}
          {table.rows.length > rows.length ? ` — ${t("tableLatest", { n: rows.length })}` : ""}
        </caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => (j === 0 ? <th key={j} scope="row">{cell}</th> : <td key={j}>{cell}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </figure>
  )
}
