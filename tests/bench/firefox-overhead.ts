/**
 * `page-overhead-firefox`: the `page-overhead` budget (CRM page main-thread time with Parley ÷
 * without, no Parley task ≥ 50 ms) measured in real Firefox.
 *
 * Firefox over WebDriver BiDi has no CDP trace, so the measure is Firefox's own sampling profiler,
 * started from the environment (MOZ_PROFILER_STARTUP) and written as a Gecko profile when the
 * browser exits (MOZ_PROFILER_SHUTDOWN). Every 1 ms it records the main thread's stack and the
 * thread's CPU time since the last sample (feature "cpu": threadCPUDelta), so a visit's page time
 * is the CPU time of the content process that rendered it, and Parley's part is the CPU time of
 * the samples whose stack holds a frame of Parley's moz-extension:// scripts (its calls include
 * the style, layout and GC they cause, as in the Chromium trace) or of Firefox's extension
 * framework injecting them (Chromium's trace counts script evaluation in the script's own events;
 * Firefox compiles and injects from its privileged modules). Firefox's built-in add-ons have
 * moz-extension:// frames too; only Parley's UUID counts.
 *
 * Measured here (2 cores shared, Firefox ESR 140): one visit's page CPU time varies by about
 * ±10 % between visits, so, as in Chromium, the gated ratio adds the attributed time to the page
 * without Parley, and the direct ratio is only logged.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { ElementHandle, Page } from "puppeteer-core"
import type { FirefoxSession } from "../../demo/firefox"
import type { Result } from "./metrics"

/** The add-on UUID demo/firefox.ts pins (extensions.webextensions.uuids). */
const PARLEY_FRAME = "moz-extension://5b3e6f0e-3f7a-4c1d-9a55-6a1b2c3d4e5f/"
/**
 * Firefox's own extension code in the content process (compiling and injecting content scripts,
 * the messaging glue): on the CRM page it works only for Parley, which the sessions without Parley
 * check (they may show only a trace of it, AMBIENT_FRAMEWORK_MS).
 */
const EXTENSION_FRAMEWORK = /resource:\/\/gre\/modules\/Extension[A-Za-z]*\.sys\.mjs/

/** Extension-framework time per visit (median) tolerated in sessions without Parley (ms). */
const AMBIENT_FRAMEWORK_MS = 0.5

/** The part of the Gecko profile format (meta.version 31) this measure reads. */
interface GeckoTable {
  schema: Record<string, number>
  data: (number | null)[][]
}
interface GeckoThread {
  name: string
  processName?: string
  samples: GeckoTable
  markers: { schema: Record<string, number>; data: unknown[][] }
  stackTable: GeckoTable
  frameTable: GeckoTable
  stringTable: string[]
}
export interface GeckoProfile {
  meta: { startTime: number; interval: number; configuration?: { features?: string[] } }
  threads: GeckoThread[]
  processes?: GeckoProfile[]
}

export interface VisitCost {
  /** CPU time of the content process's main thread over the visit (ms). */
  page: number
  /** The part of it spent on Parley's behalf (ms): in Parley's scripts, or in Firefox's extension framework loading and calling them. */
  parley: number
  /** The part of `parley` in Firefox's extension framework alone, no Parley frame on the stack (ms). */
  framework: number
  /** The most CPU time in one unbroken run of such samples (ms): Parley's longest task, near enough. */
  longest: number
  /** Where `parley` went (ms): by the innermost Parley or extension-framework function on the stack. */
  where: Map<string, number>
}

/** A visit's window in epoch ms, and the UserTiming mark that names its page's content process. */
export interface VisitWindow {
  start: number
  end: number
  mark: string
}

type Attribution = "parley" | "framework" | "page"

function* allProcesses(profile: GeckoProfile): Generator<GeckoProfile> {
  yield profile
  for (const child of profile.processes ?? []) yield* allProcesses(child)
}

function userTimingMarks(thread: GeckoThread): Map<string, number> {
  const { schema, data } = thread.markers
  const marks = new Map<string, number>()
  for (const row of data) {
    const payload = row[schema.data!] as { type?: string; name?: string } | null | undefined
    if (payload?.type === "UserTiming" && payload.name) marks.set(payload.name, row[schema.startTime!] as number)
  }
  return marks
}

/**
 * Each visit's cost, read from one Gecko profile. A visit's window closes with a UserTiming mark
 * the bench sets in the page; that mark finds the content process that rendered the page (Fission
 * gives each site its own) and the offset between the profile's clock and the bench's, so the
 * window's start (before navigation, when there is no page to mark) is on the profile's clock too.
 */
export function visitCosts(profile: GeckoProfile, windows: VisitWindow[]): VisitCost[] {
  if (!profile.meta.configuration?.features?.includes("cpu")) throw new Error("page-overhead-firefox: the profile has no per-sample CPU time (profiler feature \"cpu\")")
  const threads = [...allProcesses(profile)].flatMap((process) =>
    process.threads.filter((t) => t.name === "GeckoMain").map((thread) => ({ thread, origin: process.meta.startTime }))
  )
  return windows.map((window) => {
    const host = threads.map((t) => ({ ...t, markAt: userTimingMarks(t.thread).get(window.mark) })).find((t) => t.markAt !== undefined)
    if (!host) throw new Error(`page-overhead-firefox: the profile has no UserTiming mark "${window.mark}"; did Firefox write the whole profile?`)
    const { thread, origin } = host
    const to = host.markAt!
    // The profile's clock less the bench's, both epoch ms, taken at the mark.
    const offset = origin + to - window.end
    const from = window.start + offset - origin
    const { stackTable, frameTable, stringTable, samples } = thread
    // What each stack holds, memoised: its frames' stacks share prefixes.
    const kinds = new Map<number, Attribution>()
    const attribute = (stack: number | null): Attribution => {
      if (stack === null) return "page"
      const known = kinds.get(stack)
      if (known !== undefined) return known
      const row = stackTable.data[stack]!
      const location = stringTable[frameTable.data[row[stackTable.schema.frame!]!]![frameTable.schema.location!]!]!
      const below = attribute(row[stackTable.schema.prefix!] ?? null)
      const kind: Attribution = below === "parley" || location.includes(PARLEY_FRAME) ? "parley" : below === "framework" || EXTENSION_FRAMEWORK.test(location) ? "framework" : "page"
      kinds.set(stack, kind)
      return kind
    }
    // The innermost Parley or framework function on a stack (file:line and name), memoised as above.
    const owners = new Map<number, string>()
    const owner = (stack: number): string => {
      const known = owners.get(stack)
      if (known !== undefined) return known
      const row = stackTable.data[stack]!
      const location = stringTable[frameTable.data[row[stackTable.schema.frame!]!]![frameTable.schema.location!]!]!
      const prefix = row[stackTable.schema.prefix!]
      const name = location.includes(PARLEY_FRAME) || EXTENSION_FRAMEWORK.test(location) ? location.replace(PARLEY_FRAME, "").replace(/resource:\/\/gre\/modules\//, "") : prefix === null || prefix === undefined ? "?" : owner(prefix)
      owners.set(stack, name)
      return name
    }
    const where = new Map<string, number>()
    const at = samples.schema
    let page = 0
    let parley = 0
    let framework = 0
    let longest = 0
    let run = 0
    for (const row of samples.data) {
      const time = row[at.time!]!
      if (time <= from || time > to) continue
      // threadCPUDelta (ns): the CPU the thread used since the previous sample. A sleeping thread's
      // sample repeats its last stack with no CPU, so it ends a run rather than lengthening it.
      const cpu = (row[at.threadCPUDelta!] ?? 0) / 1e6
      page += cpu
      const kind = cpu > 0 ? attribute(row[at.stack!] ?? null) : "page"
      if (kind !== "page") {
        parley += cpu
        const name = owner(row[at.stack!]!)
        where.set(name, (where.get(name) ?? 0) + cpu)
        if (kind === "framework") framework += cpu
        run += cpu
        longest = Math.max(longest, run)
      } else {
        run = 0
      }
    }
    return { page, parley, framework, longest, where }
  })
}

/** The environment that makes Firefox profile its main threads from startup and write the profile on exit. */
export function profilerEnv(profilePath: string): Record<string, string> {
  return {
    MOZ_PROFILER_STARTUP: "1",
    // JS stacks for attribution, per-sample thread CPU time; no native stack walk or screenshots,
    // which would add their own cost to the thread being measured.
    MOZ_PROFILER_STARTUP_FEATURES: "js,cpu",
    MOZ_PROFILER_STARTUP_FILTERS: "GeckoMain",
    MOZ_PROFILER_STARTUP_INTERVAL: "1",
    MOZ_PROFILER_SHUTDOWN: profilePath
  }
}

async function clickLink(page: Page, name: string): Promise<void> {
  const link = (await page.evaluateHandle((text: string) => [...document.querySelectorAll("a")].find((a) => a.textContent?.trim() === text) ?? null, name)).asElement()
  if (!link) throw new Error(`page-overhead-firefox: no link "${name}" on ${page.url()}`)
  await (link as ElementHandle<Element>).click()
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Ends Firefox the way WebDriver BiDi's browser.close does, then waits for the process to exit:
 * Firefox writes the profile during shutdown, and puppeteer's own close kills the process as soon
 * as the command is answered, which cuts a large profile short.
 */
async function quit(firefox: FirefoxSession): Promise<void> {
  const child = firefox.browser.process()
  if (child && child.exitCode === null) {
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()))
    // puppeteer's Browser does not declare its BiDi connection; its BiDi implementation has one.
    const { connection } = firefox.browser as unknown as { connection: { send(method: "browser.close", params: object): Promise<unknown> } }
    await connection.send("browser.close", {}).catch(() => undefined)
    await Promise.race([exited, pause(120_000)])
  }
  await firefox.close()
}

async function readProfile(path: string): Promise<GeckoProfile> {
  for (let waited = 0; waited < 5_000; waited += 250) {
    try {
      return JSON.parse(readFileSync(path, "utf8")) as GeckoProfile
    } catch {
      await pause(250)
    }
  }
  throw new Error(`page-overhead-firefox: Firefox wrote no profile to ${path} (is MOZ_PROFILER_SHUTDOWN honoured by this build?)`)
}

/**
 * One Firefox session, with or without Parley: a warm-up visit (not counted: the first load in a
 * fresh browser pays for process start and cold caches) and then `visits` visits, each the same
 * sequence as Chromium's page-overhead (load, two SPA navigations, until Parley's last scheduled read).
 */
async function session(withParley: boolean, visits: number, work: string): Promise<VisitCost[]> {
  const { launchFirefox } = await import("../../demo/firefox")
  const { DEMO_ACCOUNTS, sfIds } = await import("../../demo/org")
  const globex = DEMO_ACCOUNTS[0]!
  const url = `https://northwind.lightning.force.com/lightning/r/Account/${sfIds.account(globex)}/view`
  const deal = globex.deals.find((d) => !d.isClosed)!
  const dir = mkdtempSync(join(tmpdir(), "parley-ffprof-"))
  const profilePath = join(dir, "profile.json")
  const firefox = await launchFirefox({
    extension: withParley,
    // The API host refuses, so the background's sync does no page work either way.
    salesforceApi: false,
    rewrite: (pageUrl, html) => (/\.lightning\.force\.com\//.test(pageUrl) ? html.replace("</body>", `${work}</body>`) : html),
    env: profilerEnv(profilePath)
  })
  const windows: VisitWindow[] = []
  try {
    for (let i = 0; i <= visits; i++) {
      const page = await firefox.newPage()
      await pause(500)
      const start = Date.now()
      await page.goto(url)
      await pause(4_500)
      await clickLink(page, deal.name)
      await pause(2_500)
      await clickLink(page, globex.name)
      await pause(6_500) // Parley's last scheduled read is 6 s after a navigation
      const mark = `parley-bench-visit-${i}`
      await page.evaluate((name: string) => void performance.mark(name), mark)
      const end = Date.now()
      await page.close()
      if (i > 0) windows.push({ start, end, mark })
    }
  } finally {
    await quit(firefox)
  }
  try {
    return visitCosts(await readProfile(profilePath), windows)
  } finally {
    // KEEP_PROFILE=1 keeps the Gecko profile for a closer look (Firefox Profiler, or a script).
    if (process.env.KEEP_PROFILE) console.log("  profile kept:", profilePath)
    else rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Sessions alternate without/with Parley, so a slow spell of the shared machine lands on both.
 * The gated ratio is built as Chromium's is (tests/bench/metrics.ts page-overhead): the median
 * page CPU time without Parley plus the median CPU time the profile attributes to Parley, over
 * the former. The direct ratio of medians (with ÷ without) is logged beside it with both spreads,
 * as the noise reference.
 */
export async function firefoxPageOverhead(work: string, median: (values: number[]) => number, rounds = 2, visitsPerSession = 3): Promise<Result> {
  const without: VisitCost[] = []
  const withParley: VisitCost[] = []
  for (let round = 0; round < rounds; round++) {
    without.push(...(await session(false, visitsPerSession, work)))
    withParley.push(...(await session(true, visitsPerSession, work)))
  }
  // Firefox's extension framework also runs a little with no add-on of ours installed (its
  // process script answers every document's load: ~0.1 ms in some visits). That stays counted
  // against Parley, which errs against us; more than a trace means another add-on works on the
  // page, and the attribution would then be wrong, so the run stops with where it went.
  const ambient = median(without.map((v) => v.parley))
  if (ambient > AMBIENT_FRAMEWORK_MS) {
    const seen = without.flatMap((v) => [...v.where].map(([name, ms]) => `${ms.toFixed(1)} ms ${name}`))
    throw new Error(`page-overhead-firefox: ${ambient.toFixed(1)} ms of extension frames per visit in sessions without Parley (another add-on at work on the page?), so the attribution would count them as Parley's: ${seen.join("; ")}`)
  }
  const pagesWithout = median(without.map((v) => v.page))
  const pagesWith = median(withParley.map((v) => v.page))
  const ours = median(withParley.map((v) => v.parley))
  const longest = Math.max(0, ...withParley.map((v) => v.longest))
  const spread = (values: number[]) => `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)} ms`
  const list = (values: VisitCost[]) => values.map((v) => `${v.page.toFixed(0)}/${v.parley.toFixed(1)}`).join(", ")
  console.log(`  per visit, page/Parley ms CPU: without ${list(without)}; with ${list(withParley)}`)
  console.log(`  extension framework without Parley: ${ambient.toFixed(1)} ms CPU per visit (median; counted against Parley)`)
  console.log(`  on Parley's behalf: ${ours.toFixed(1)} ms CPU per visit (profiled; of it in Firefox's extension framework alone ${median(withParley.map((v) => v.framework)).toFixed(1)} ms), longest run ${longest.toFixed(1)} ms CPU`)
  const where = new Map<string, number>()
  for (const visit of withParley) for (const [name, ms] of visit.where) where.set(name, (where.get(name) ?? 0) + ms / withParley.length)
  const hot = [...where].sort((a, b) => b[1] - a[1]).slice(0, 12)
  console.log(`  where Parley's time goes, ms CPU per visit:\n${hot.map(([name, ms]) => `    ${ms.toFixed(1).padStart(5)}  ${name}`).join("\n")}`)
  console.log(`  page CPU per visit: without ${pagesWithout.toFixed(0)} ms (${spread(without.map((v) => v.page))}), with ${pagesWith.toFixed(0)} ms (${spread(withParley.map((v) => v.page))}); direct ratio (noise reference) ${(pagesWith / pagesWithout).toFixed(3)}`)
  return { name: "page-overhead-firefox", value: pagesWithout + ours, unit: "ms", baseline: pagesWithout, ratio: (pagesWithout + ours) / pagesWithout, budget: longest >= 50 ? 0 : 1.02 }
}
