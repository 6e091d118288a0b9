/**
 * The reading of a Gecko profile behind `page-overhead-firefox` (tests/bench/firefox-overhead.ts):
 * which samples count as the page's and which as Parley's, on a small profile in Firefox's format.
 */
import { describe, expect, it } from "vitest"
import { visitCosts, type GeckoProfile } from "../bench/firefox-overhead"

const PARLEY = "s (moz-extension://5b3e6f0e-3f7a-4c1d-9a55-6a1b2c3d4e5f/salesforce.84a450a1.js:1:12875)"
const OTHER_ADDON = "Shim (moz-extension://9a310967-e580-48bf-b3e8-4eafebbc122d/lib/shims.js:38:14)"
const FRAMEWORK = "preloadContentScript (resource://gre/modules/ExtensionProcessScript.sys.mjs:403:23)"
const PAGE = "render (https://northwind.lightning.force.com/lightning/r/Account/1/view:2:10)"
const strings = ["(root)", PAGE, PARLEY, FRAMEWORK, OTHER_ADDON, "nsRefreshDriver::Tick"]
// Stacks: 0 root, 1 root>page, 2 root>parley, 3 root>parley>layout flush (native), 4 root>framework, 5 root>other add-on.
const stacks = [[null, 0], [0, 1], [0, 2], [2, 5], [0, 3], [0, 4]]
const frames = strings.map((_, location) => [location, false, null, null, null, null, 0, 0])

/** A content process whose profile clock starts at epoch 1,000,000 ms and whose page set the mark at 900 ms. */
function profile(samples: [stack: number, time: number, cpuNs: number | null][], features = ["js", "cpu"]): GeckoProfile {
  const thread = (name: string, marks: [string, number][]) => ({
    name,
    processName: "Web Content",
    samples: { schema: { stack: 0, time: 1, eventDelay: 2, threadCPUDelta: 3 }, data: samples.map(([stack, time, cpu]) => [stack, time, 0, cpu]) },
    markers: { schema: { name: 0, startTime: 1, endTime: 2, phase: 3, category: 4, data: 5 }, data: marks.map(([mark, at]) => [0, at, null, 0, 0, { type: "UserTiming", name: mark, entryType: "mark" }]) },
    stackTable: { schema: { prefix: 0, frame: 1 }, data: stacks },
    frameTable: { schema: { location: 0, relevantForJS: 1, innerWindowID: 2, implementation: 3, line: 4, column: 5, category: 6, subcategory: 7 }, data: frames },
    stringTable: strings
  })
  return {
    meta: { startTime: 5_000, interval: 1, configuration: { features } },
    threads: [{ ...thread("GeckoMain", []), samples: { schema: { stack: 0, time: 1 }, data: [] }, processName: "Parent Process" }],
    processes: [{ meta: { startTime: 1_000_000, interval: 1 }, threads: [thread("GeckoMain", [["visit-1", 900]])], processes: [] }]
  } as unknown as GeckoProfile
}

// The bench's clock runs 40 ms behind the profile's: it saw the mark at 1,000,860 and started the visit at 1,000,060 (profile time 100).
const window = { start: 1_000_060, end: 1_000_860, mark: "visit-1" }
const ms = (n: number) => n * 1e6

describe("page-overhead-firefox profile reading", () => {
  it("counts the page's CPU inside the visit, and Parley's scripts and Firefox's extension framework as Parley's", () => {
    const [cost] = visitCosts(profile([
      [1, 90, ms(50)], // before the visit (profile time 100): not counted
      [1, 200, ms(1)],
      [2, 201, ms(1)],
      [3, 202, ms(1)], // a layout flush Parley's call caused
      [1, 250, ms(1)],
      [4, 300, ms(1)],
      [5, 400, ms(1)], // another add-on's frame is not Parley's
      [1, 900, ms(2)],
      [2, 950, ms(7)] // after the mark: not counted
    ]), [window])
    expect(cost).toEqual({
      page: 8,
      parley: 3,
      framework: 1,
      longest: 2,
      // The layout flush is billed to the Parley function that caused it.
      where: new Map([["s (salesforce.84a450a1.js:1:12875)", 2], ["preloadContentScript (ExtensionProcessScript.sys.mjs:403:23)", 1]])
    })
  })

  it("ends a run of Parley samples at a sleeping sample, which repeats the last stack with no CPU", () => {
    const [cost] = visitCosts(profile([
      [2, 200, ms(1)],
      [2, 201, ms(0.5)],
      [2, 202, 0],
      [2, 203, 0],
      [2, 204, ms(1)],
      [1, 900, ms(1)]
    ]), [window])
    expect(cost).toMatchObject({ page: 3.5, parley: 2.5, framework: 0, longest: 1.5 })
  })

  it("says so when the mark is missing or the profile has no CPU time per sample", () => {
    expect(() => visitCosts(profile([[1, 200, ms(1)]]), [{ ...window, mark: "visit-2" }])).toThrow(/no UserTiming mark "visit-2"/)
    expect(() => visitCosts(profile([[1, 200, ms(1)]], ["js"]), [window])).toThrow(/no per-sample CPU time/)
  })
})
