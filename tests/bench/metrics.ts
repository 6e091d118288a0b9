/**
 * The benchmark catalogue: one entry per metric of the DESIGN.md budget table. Browser-side code
 * is bundled with esbuild and run in a real Chromium page served under a routed https origin.
 */
import type * as Esbuild from "esbuild"
import type { launchBrowser as Launch } from "../../demo/browser"
import { firefoxPageOverhead } from "./firefox-overhead"

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
  const bundle = await ctx.esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: "iife",
    globalName: "bench",
    write: false,
    minify: true,
    target: "chrome120",
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' }
  })
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
    name: "classify-10k",
    async run(ctx) {
      const pairs = await inPage<{ raw: number; parley: number }[]>(ctx, "tests/bench/analysis.bench.ts", "bench.benchClassify(10000, 31)")
      return { ...ratioResult("classify-10k", pairs, 2.0), baselineUnit: "ms (lexicon scan pass)" }
    }
  },
  {
    name: "reclassify-1",
    async run(ctx) {
      const pairs = await inPage<{ raw: number; parley: number }[]>(ctx, "tests/bench/analysis.bench.ts", "bench.benchReclassify(10000, 31)")
      return { ...ratioResult("reclassify-1", pairs, 0.25), baselineUnit: "ms (classify from scratch)" }
    }
  },
  {
    name: "classify-50k",
    async run(ctx) {
      const pairs = await inPage<{ raw: number; parley: number }[]>(ctx, "tests/bench/analysis.bench.ts", "bench.benchGrowth(10000, 50000, 15)")
      return { ...ratioResult("classify-50k", pairs, 5.5), baselineUnit: "ms (10k interactions)" }
    }
  },
  {
    name: "chart-5k",
    async run(ctx) {
      const pairs = await inPage<{ raw: number; parley: number }[]>(ctx, "tests/bench/ui.bench.tsx", "bench.benchChart(5000, 9)")
      return ratioResult("chart-5k", pairs, 0.5)
    }
  },
  {
    name: "team-table-5k",
    async run(ctx) {
      const pairs = await inPage<{ raw: number; parley: number }[]>(ctx, "tests/bench/ui.bench.tsx", "bench.benchTeamTable(5000, 50, 9)")
      return { ...ratioResult("team-table-5k", pairs, 1.2), baselineUnit: "ms (50 rows)" }
    }
  },
  {
    name: "team-rollup-5k",
    async run(ctx) {
      const trials = await inPage<{ raw: number; parley: number; longest: number; longestIn: string; build: number; render: number }[]>(ctx, "tests/bench/ui.bench.tsx", "bench.benchTeamRollup(5000, 50, 9)")
      const longest = Math.max(...trials.map((t) => t.longest))
      console.log(`  at 5,000 accounts: buildRollup ${median(trials.map((t) => t.build)).toFixed(1)} ms, view render ${median(trials.map((t) => t.render)).toFixed(1)} ms (medians); longest task ${longest.toFixed(0)} ms${trials[0]?.longestIn ? ` (${trials[0].longestIn} files)` : ""} `)
      // The view of 5,000 accounts ÷ 50 (buildRollup runs in the live query, reported beside it); any task ≥ 50 ms fails the budget.
      return { ...ratioResult("team-rollup-5k", trials, 1.2), baselineUnit: `ms (50 accounts; longest task ${longest.toFixed(0)} ms)`, budget: longest >= 50 ? 0 : 1.2 }
    }
  },
  {
    name: "team-csv-5k",
    async run(ctx) {
      // Was an e2e assertion ("no long task"), which failed on a loaded machine: timing lives here.
      const trials = await inPage<{ raw: number; parley: number; longest: number }[]>(ctx, "tests/bench/team-csv.bench.ts", "bench.benchTeamCsv(5000, 50, 5)")
      const longest = Math.max(...trials.map((t) => t.longest))
      const result = ratioResult("team-csv-5k", trials, 1.2)
      // Per-row time at 5,000 accounts ÷ per-row time at 50; any task ≥ 50 ms fails the budget.
      return { ...result, unit: "ms/row", baselineUnit: `ms/row (50 rows; longest task ${longest.toFixed(0)} ms)`, budget: longest >= 50 ? 0 : 1.2 }
    }
  },
  {
    name: "content-script-size",
    async run(ctx) {
      return { name: "content-script-size", value: largestContentScript(ctx, ctx.buildDir), unit: "KiB", budget: 15 }
    }
  },
  {
    // The same budget in the Firefox build (build/firefox-mv3-prod), reported beside Chromium's.
    name: "content-script-size-firefox",
    async run(ctx) {
      return { name: "content-script-size-firefox", value: largestContentScript(ctx, ctx.buildDir.replace(/chrome-mv3-prod$/, "firefox-mv3-prod")), unit: "KiB", budget: 15 }
    }
  },
  {
    name: "ingest-100k",
    async run(ctx) {
      const pairs = await inPage<{ raw: number; parley: number }[]>(ctx, "tests/bench/storage.bench.ts", "bench.benchIngest(100000, 4)")
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

/** The largest every-page content script of a build folder, minified, in KiB. */
function largestContentScript(ctx: BenchContext, dir: string): number {
  const manifest = JSON.parse(ctx.readFileSync(`${dir}/manifest.json`, "utf8")) as { content_scripts?: { js: string[] }[] }
  const sizes = (manifest.content_scripts ?? []).flatMap((cs) => cs.js).map((file) => ctx.readFileSync(`${dir}/${file}`, "utf8").length / 1024)
  return Math.max(0, ...sizes)
}

/**
 * API calls of the extension's initial sync of an account with `activities` Tasks (all older than
 * a year, so archived: only QueryAll returns them), against the demo org's documented-behaviour
 * mock, ÷ the fewest 2,000-record pages the account's records could arrive in.
 */
async function sfInitialSyncCalls(ctx: BenchContext, name: string, activities: number): Promise<Result> {
  const { installDemoOrg, salesforceRecordUrl } = await import("../../demo/routes")
  const { DEMO_ACCOUNTS, sfIds } = await import("../../demo/org")
  const { generateActivities } = await import("../../demo/salesforce/records")
  const globex = DEMO_ACCOUNTS[0]!
  const browser = await ctx.launchBrowser()
  try {
    const org = await installDemoOrg(browser.context, { salesforceApi: { extra: generateActivities({ account: globex, count: activities }) } })
    const page = await browser.context.newPage()
    await page.goto(salesforceRecordUrl("Account", sfIds.account(globex)))
    const accountKey = `salesforce:northwind:${sfIds.account(globex)}`
    const panel = await browser.context.newPage()
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`)
    // A string, not a function: tsx's name-keeping helpers do not exist inside the page.
    const { records, state } = await panel.evaluate<{ records: number; state: string }>(`(async (key, waitMs) => {
      const read = (table) => new Promise((resolve) => {
        const open = indexedDB.open("parley")
        open.onsuccess = () => {
          const req = open.result.transaction(table, "readonly").objectStore(table).getAll()
          req.onsuccess = () => { resolve(req.result); open.result.close() }
        }
      })
      const deadline = Date.now() + waitMs
      let state = "none"
      while (Date.now() < deadline) {
        const status = (await read("meta")).find((r) => r.key === "sync:" + key)
        state = status && status.value ? status.value.state : "none"
        if (state !== "none" && state !== "syncing") break
        await new Promise((r) => setTimeout(r, 200))
      }
      let n = 0
      for (const t of ["accounts", "contacts", "interactions", "deals", "quotes", "quoteLines", "cases", "contracts"]) n += (await read(t)).filter((r) => r.key === key || r.accountKey === key).length
      return { records: n, state }
    })(${JSON.stringify(accountKey)}, ${60_000 + activities * 4})`)
    if (state !== "synced") throw new Error(`${name}: the sync ended ${state}`)
    const calls = org.salesforceApi!.calls.length
    const minimum = Math.ceil(records / 2_000)
    return { name, value: calls, unit: "calls", baseline: minimum, baselineUnit: `pages (${records} records)`, ratio: calls / minimum, budget: 1.2 }
  } finally {
    await browser.close()
  }
}

/** Benchmarks that drive the real extension in Chromium against the demo org. */
benchmarks.push(
  { name: "sf-initial-sync-calls", run: (ctx) => sfInitialSyncCalls(ctx, "sf-initial-sync-calls", 5_000) },
  { name: "sf-initial-sync-calls-1k", run: (ctx) => sfInitialSyncCalls(ctx, "sf-initial-sync-calls-1k", 1_000) },
  { name: "sf-initial-sync-calls-10k", run: (ctx) => sfInitialSyncCalls(ctx, "sf-initial-sync-calls-10k", 10_000) },
  { name: "sf-initial-sync-calls-50k", run: (ctx) => sfInitialSyncCalls(ctx, "sf-initial-sync-calls-50k", 50_000) },
  {
    name: "sync-ingest",
    async run(ctx) {
      const pairs = await inPage<{ raw: number; parley: number }[]>(ctx, "tests/bench/sync.bench.ts", "bench.benchSyncIngest(6, 5)")
      return ratioResult("sync-ingest", pairs, 1.5)
    }
  },
  {
    name: "panel-first-paint",
    async run(ctx) {
      // The baseline is a blank page of a second, empty extension loaded in the same browser.
      const { mkdtempSync, writeFileSync } = await import("node:fs")
      const { tmpdir } = await import("node:os")
      const { join } = await import("node:path")
      const blankDir = mkdtempSync(join(tmpdir(), "parley-blank-ext-"))
      writeFileSync(join(blankDir, "manifest.json"), JSON.stringify({ manifest_version: 3, name: "Blank", version: "1.0", background: { service_worker: "sw.js" } }))
      writeFileSync(join(blankDir, "sw.js"), "")
      writeFileSync(join(blankDir, "blank.html"), `<!doctype html><meta charset="utf-8"><title>blank</title><body><p>Blank</p></body>`)
      const browser = await ctx.launchBrowser({ extraExtensions: [blankDir] })
      try {
        const { installDemoOrg, salesforceRecordUrl } = await import("../../demo/routes")
        const { DEMO_ACCOUNTS, sfIds } = await import("../../demo/org")
        await installDemoOrg(browser.context)
        const crm = await browser.context.newPage()
        await crm.goto(salesforceRecordUrl("Account", sfIds.account(DEMO_ACCOUNTS[0]!)))
        const warm = await browser.context.newPage()
        await warm.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`)
        await warm.getByTestId("relationship-dominance").waitFor({ timeout: 30_000 })
        await warm.close()
        const workers = browser.context.serviceWorkers().map((w) => new URL(w.url()).host)
        const blankId = workers.find((id) => id !== browser.extensionId)!
        const fcp = async (url: string) => {
          const page = await browser.context.newPage()
          await page.goto(url)
          const ms = await page.evaluate<number>(`new Promise((resolve) => {
            const done = () => {
              const entry = performance.getEntriesByName("first-contentful-paint")[0]
              if (entry) resolve(entry.startTime)
              else setTimeout(done, 20)
            }
            done()
          })`)
          await page.close()
          return ms
        }
        const pairs: { raw: number; parley: number }[] = []
        for (let i = 0; i < 9; i++) {
          const raw = await fcp(`chrome-extension://${blankId}/blank.html`)
          const parley = await fcp(`chrome-extension://${browser.extensionId}/sidepanel.html`)
          pairs.push({ raw, parley })
        }
        return ratioResult("panel-first-paint", pairs, 1.5)
      } finally {
        await browser.close()
      }
    }
  }
)

/**
 * A Lightning-weight page: the demo record page plus the synthetic render workload of the
 * research pilot (research/performance.md §1): a full load builds ~6,000 nodes progressively,
 * then mutates 50 nodes every 20 ms for 3 s; a soft (pushState) navigation does a quarter of that,
 * as Lightning's subsequent navigations take about a quarter of a first one (§2). A static
 * fixture would make any extension look heavy next to a page that does almost nothing.
 */
const LIGHTNING_WORK = `<script>
(function () {
  var seed = 7;
  function render(nodes, mutateMs) {
    var page = document.querySelector(".oneContent.active") || document.body;
    var host = document.createElement("div");
    host.className = "bench-render-work";
    host.style.cssText = "height:0;overflow:hidden";
    page.appendChild(host);
    var built = 0;
    (function build() {
      for (var j = 0; j < 200 && built < nodes; j++, built++) { var el = document.createElement("span"); el.textContent = "cell " + built; host.appendChild(el); }
      void host.offsetHeight;
      if (built < nodes) return setTimeout(build, 20);
      var end = performance.now() + mutateMs;
      (function mutate() {
        var cells = host.children;
        for (var k = 0; k < 50; k++) { var c = cells[(seed = (seed * 48271) % 2147483647) % cells.length]; if (c) c.textContent = "cell " + seed; }
        void host.offsetHeight;
        if (performance.now() < end) setTimeout(mutate, 20);
      })();
    })();
  }
  addEventListener("load", function () { render(6000, 3000); });
  var push = history.pushState;
  history.pushState = function () { var r = push.apply(this, arguments); setTimeout(function () { render(1500, 750); }, 0); return r; };
})();
</script>`

benchmarks.push({
  name: "page-overhead",
  async run(ctx) {
    const { renderSalesforcePage } = await import("../../demo/salesforce/pages")
    const { DEMO_ACCOUNTS, sfIds } = await import("../../demo/org")
    const globex = DEMO_ACCOUNTS[0]!
    const url = `https://northwind.lightning.force.com/lightning/r/Account/${sfIds.account(globex)}/view`
    const deal = globex.deals.find((d) => !d.isClosed)!
    const browsers = [await ctx.launchBrowser({ withoutExtension: true }), await ctx.launchBrowser()]
    try {
      for (const b of browsers) {
        await b.context.route(/^https:\/\/[^/]+\.lightning\.force\.com\//, (route) =>
          route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: (renderSalesforcePage(route.request().url()) ?? "").replace("</body>", `${LIGHTNING_WORK}</body>`) })
        )
        // The API host refuses, so the worker's sync does no page work either way.
        await b.context.route(/^https:\/\/[^/]+\.my\.salesforce\.com\//, (route) => route.fulfill({ status: 403, contentType: "application/json", body: '[{"errorCode":"API_DISABLED_FOR_ORG","message":"disabled"}]' }))
      }
      const parleyId = browsers[1]!.extensionId
      /**
       * One visit (load, two SPA navigations, until Parley's last scheduled read): the page's
       * main-thread task time, and the part of it spent in Parley's content script, attributed
       * from a CDP trace by script URL (wall-clock differences alone are noisier than 2 %).
       */
      const visit = async (b: (typeof browsers)[number]) => {
        const page = await b.context.newPage()
        const cdp = await b.context.newCDPSession(page)
        await cdp.send("Performance.enable")
        const events: { name: string; dur?: number; args?: { data?: { url?: string; scriptName?: string } } }[] = []
        cdp.on("Tracing.dataCollected", (e) => events.push(...(e.value as unknown as typeof events)))
        const traced = new Promise<void>((resolve) => cdp.once("Tracing.tracingComplete", () => resolve()))
        await cdp.send("Tracing.start", { categories: "devtools.timeline,v8.execute", transferMode: "ReportEvents" })
        await page.goto(url)
        await page.waitForTimeout(4_500)
        await page.getByRole("link", { name: deal.name }).first().click()
        await page.waitForTimeout(2_500)
        await page.getByRole("link", { name: globex.name }).first().click()
        await page.waitForTimeout(6_500) // Parley's last scheduled read is 6 s after a navigation
        const metrics = (await cdp.send("Performance.getMetrics")).metrics
        await cdp.send("Tracing.end")
        await traced
        await page.close()
        const ours = events.filter(
          (e) => (e.name === "FunctionCall" || e.name === "EvaluateScript") && (e.args?.data?.url ?? e.args?.data?.scriptName ?? "").startsWith(`chrome-extension://${parleyId}/`)
        )
        const durations = ours.map((e) => (e.dur ?? 0) / 1000)
        return { task: metrics.find((m) => m.name === "TaskDuration")!.value * 1000, parley: durations.reduce((a, b) => a + b, 0), longest: Math.max(0, ...durations) }
      }
      const pairs: { raw: number; parley: number }[] = []
      const attributed: number[] = []
      let longest = 0
      for (let i = 0; i < 7; i++) {
        const without = await visit(browsers[0]!)
        const withParley = await visit(browsers[1]!)
        pairs.push({ raw: without.task, parley: withParley.task })
        attributed.push(withParley.parley)
        longest = Math.max(longest, withParley.longest)
      }
      // Wall-clock TaskDuration of the same page varies by about ±10 % between visits on a shared
      // 2-core machine, five times the 2 % budget, so the per-pair ratio (logged) cannot resolve
      // it. The gated ratio adds the main-thread time the trace attributes to Parley's script
      // (its calls include the style, layout and GC they cause, its evaluation includes compiling)
      // to the median page without Parley, measured in the same run.
      const pagesWithout = median(pairs.map((p) => p.raw))
      const ours = median(attributed)
      console.log(`  Parley's content script: ${ours.toFixed(1)} ms per visit (traced), longest call ${longest.toFixed(1)} ms`)
      console.log(`  per-pair TaskDuration ratio (noise reference): ${median(pairs.map((p) => p.parley / p.raw)).toFixed(3)}; pairs ${pairs.map((p) => `${p.raw.toFixed(0)}→${p.parley.toFixed(0)}`).join(", ")}`)
      return { name: "page-overhead", value: pagesWithout + ours, unit: "ms", baseline: pagesWithout, ratio: (pagesWithout + ours) / pagesWithout, budget: longest >= 50 ? 0 : 1.02 }
    } finally {
      for (const b of browsers) await b.close()
    }
  }
})

// The same budget in real Firefox, reported beside Chromium's (tests/bench/firefox-overhead.ts).
benchmarks.push({ name: "page-overhead-firefox", run: () => firefoxPageOverhead(LIGHTNING_WORK, median) })
