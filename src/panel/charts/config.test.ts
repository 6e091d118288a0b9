import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { axisFormatters, createChartConfig, DECIMATE_ABOVE, DECIMATION_SAMPLES } from "./config"

const points = (n: number) => Array.from({ length: n }, (_, i) => ({ x: i * 1000, y: (i * 7) % 13 }))

describe("chart config", () => {
  it("uses chart.js's fast path: pre-parsed normalized data, no animation, linear axes", () => {
    const c = createChartConfig("interactions", { series: [{ label: "In", points: points(10) }], xTitle: "Month", yTitle: "Activities" })
    expect(c.type).toBe("line")
    expect(c.options?.parsing).toBe(false)
    expect(c.options?.normalized).toBe(true)
    expect(c.options?.animation).toBe(false)
    expect(c.options?.scales?.x?.type).toBe("linear")
    expect(c.options?.scales?.y?.type).toBe("linear")
    expect(c.options?.scales?.x).toMatchObject({ min: 0, max: 9000 })
  })

  it("draws labels as ordinal steps, ticks named by the label's words (team roll-up history)", () => {
    const c = createChartConfig("labels", { series: [{ label: "Risk", points: [{ x: 0, y: 2 }, { x: 86_400_000, y: 0 }] }], xTitle: "Snapshot date", yTitle: "", yTicks: ["Healthy", "Watch", "At risk"] })
    expect(c.data.datasets[0]?.stepped).toBe("after")
    expect(c.options?.scales?.y).toMatchObject({ min: 0, max: 2 })
    const tick = c.options?.scales?.y?.ticks?.callback as (v: number) => string
    expect([0, 1, 2].map((v) => tick.call({} as never, v))).toEqual(["Healthy", "Watch", "At risk"])
    // Other kinds keep their numbers and slopes.
    const numbers = createChartConfig("cases", { series: [{ label: "d", points: points(3) }], xTitle: "x", yTitle: "y", yTicks: ["a"] })
    expect(numbers.data.datasets[0]?.stepped).toBeUndefined()
    expect((numbers.options?.scales?.y?.ticks?.callback as (v: number) => string).call({} as never, 2)).toBe("2")
  })

  it("decimates with LTTB and drops point markers on large series only", () => {
    const big = createChartConfig("discounts", { series: [{ label: "d", points: points(5000) }], xTitle: "x", yTitle: "y" })
    expect(big.options?.plugins?.decimation).toMatchObject({ enabled: true, algorithm: "lttb", samples: DECIMATION_SAMPLES, threshold: DECIMATE_ABOVE })
    expect(big.data.datasets[0]?.pointRadius).toBe(0)
    const small = createChartConfig("discounts", { series: [{ label: "d", points: points(20) }], xTitle: "x", yTitle: "y" })
    expect(small.data.datasets[0]?.pointRadius).toBeGreaterThan(0)
  })

  it("passes the pre-shaped points through untouched and names the axes", () => {
    const data = points(3)
    const c = createChartConfig("cases", { series: [{ label: "Days", points: data }], xTitle: "Opened", yTitle: "Days to close" })
    expect(c.data.datasets[0]?.data).toBe(data)
    expect(c.options?.scales?.x?.title).toMatchObject({ display: true, text: "Opened" })
    expect(c.options?.scales?.y?.title).toMatchObject({ display: true, text: "Days to close" })
    expect(c.options?.plugins?.legend?.display).toBe(false)
  })

  it("writes ticks in the panel's language (Persian digits and months for fa-IR)", () => {
    const fa = axisFormatters("interactions", "fa-IR")
    expect(fa.y(12)).toBe("۱۲")
    expect(fa.x(Date.UTC(2026, 10, 1))).toMatch(/[۰-۹]/)
    const en = axisFormatters("discounts", "en-US")
    expect(en.y(12.5)).toBe("12.5%")
    expect(axisFormatters("revisions", "en-US").x(3)).toBe("3")
    // A few months of data: ticks name the day, so they do not repeat "Jul 2026".
    expect(axisFormatters("cases", "en-US", undefined, 60 * 86_400_000).x(Date.UTC(2026, 6, 4))).toBe("Jul 4")
    expect(axisFormatters("cases", "en-US", undefined, 900 * 86_400_000).x(Date.UTC(2026, 6, 4))).toBe("Jul 2026")
  })

  it("registers only what it uses (never chart.js/auto)", () => {
    const render = readFileSync(new URL("./render.ts", import.meta.url), "utf8")
    expect(render).not.toMatch(/from\s+"chart\.js\/auto"/)
    expect(render).toMatch(/from "chart\.js"/)
    expect(render).toMatch(/Chart\.register\(LineController, LineElement, PointElement, LinearScale, Decimation, Legend, Tooltip\)/)
    const config = readFileSync(new URL("./config.ts", import.meta.url), "utf8")
    expect(config).not.toMatch(/^import \{[^}]*\} from "chart\.js"/m)
  })
})
