/** Classification benchmarks, run in a real Chromium page (bundled by scripts/bench.ts). */
import { classifyRelationship } from "../../src/analysis"
import { generateHistory } from "../../src/analysis/generate"
import { createClassifier } from "../../src/analysis/incremental"
import type { Interaction } from "../../src/model/schema"

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!

export function benchClassify(interactions: number, runs: number) {
  const history = generateHistory({ interactions })
  const now = Date.UTC(2025, 6, 1)
  for (let i = 0; i < 10; i++) classifyRelationship(history, { now }) // warm up the JIT
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    classifyRelationship(history, { now })
    times.push(performance.now() - t0)
  }
  return { median: median(times), records: history.interactions.length }
}

/** The background's path: a classifier that keeps features, and one new interaction each time. */
export function benchReclassify(interactions: number, runs: number) {
  const history = generateHistory({ interactions })
  const now = Date.UTC(2025, 6, 1)
  const classifier = createClassifier({ now })
  classifier.classify(history)
  const template = history.interactions[0]!
  const times: number[] = []
  for (let i = 0; i < runs + 3; i++) {
    const added: Interaction = { ...template, key: `${template.key}-new-${i}`, id: `${template.id}n${i}`, at: now - i * 1000, subject: "Asked for a discount on the renewal" }
    history.interactions.push(added)
    const t0 = performance.now()
    classifier.classify(history)
    if (i >= 3) times.push(performance.now() - t0)
  }
  return { median: median(times), stats: classifier.stats() }
}
