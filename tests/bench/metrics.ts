/**
 * The benchmark catalogue: one entry per metric of the DESIGN.md budget table. Browser-side code
 * is bundled with esbuild and run in a real Chromium page served under a routed https origin.
 */
import type * as Esbuild from "esbuild"
import type { launchBrowser as Launch } from "../../demo/browser"

export interface Result {
  name: string
  value: number
  unit: string
  baseline?: number
  baselineUnit?: string
  ratio?: number
  budget?: number
}

export interface BenchContext {
  esbuild: typeof Esbuild
  launchBrowser: typeof Launch
  buildDir: string
  readFileSync: (path: string, encoding: "utf8") => string
}

export interface Benchmark {
  name: string
  run(ctx: BenchContext): Promise<Result>
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

const BENCH_ORIGIN = "https://bench.parley.test/"

/** Runs `call` (an expression over `window.bench`) in a page that loaded the bundled `entry`. */
async function inPage<T>(ctx: BenchContext, entry: string, call: string, withExtension = false): Promise<T> {
  const bundle = await ctx.esbuild.build({ entryPoints: [entry], bundle: true, format: "iife", globalName: "bench", write: false, minify: true, target: "chrome120" })
  const script = bundle.outputFiles[0]!.text
  const browser = await ctx.launchBrowser({ withoutExtension: !withExtension })
  try {
    await browser.context.route(`${BENCH_ORIGIN}**`, (route) =>
      route.fulfill({ status: 200, contentType: "text/html", body: `<!doctype html><meta charset="utf-8"><title>bench</title><script>${script.replace(/<\/script/gi, "<\\/script")}</script>` })
    )
    const page = await browser.context.newPage()
    await page.goto(BENCH_ORIGIN)
    return (await page.evaluate(call)) as T
  } finally {
    await browser.close()
  }
}

function ratioResult(name: string, pairs: { raw: number; parley: number }[], budget: number): Result {
  const ratio = median(pairs.map((p) => p.parley / p.raw))
  return { name, value: median(pairs.map((p) => p.parley)), unit: "ms", baseline: median(pairs.map((p) => p.raw)), ratio, budget }
}

export const benchmarks: Benchmark[] = [
  {
    name: "content-script-size",
    async run(ctx) {
      const manifest = JSON.parse(ctx.readFileSync(`${ctx.buildDir}/manifest.json`, "utf8")) as { content_scripts?: { js: string[] }[] }
      const sizes = (manifest.content_scripts ?? []).flatMap((cs) => cs.js).map((file) => ctx.readFileSync(`${ctx.buildDir}/${file}`, "utf8").length / 1024)
      return { name: "content-script-size", value: Math.max(0, ...sizes), unit: "KiB", budget: 15 }
    }
  },
  {
    name: "ingest-100k",
    async run(ctx) {
      const pairs = await inPage<{ raw: number; parley: number }[]>(ctx, "tests/bench/storage.bench.ts", "bench.benchIngest(100000, 3)")
      return ratioResult("ingest-100k", pairs, 1.25)
    }
  },
  {
    name: "account-read",
    async run(ctx) {
      const pairs = await inPage<{ raw: number; parley: number }[]>(ctx, "tests/bench/storage.bench.ts", "bench.benchAccountRead(100000, 101)")
      return ratioResult("account-read", pairs, 1.5)
    }
  }
]
