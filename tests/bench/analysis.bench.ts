/**
 * Classification benchmarks, run in a real Chromium page (bundled by scripts/bench.ts). Each
 * returns alternating { raw, parley } pairs measured in the same page, so a slow moment of the
 * shared machine hits both sides of a pair.
 */
import { classifyRelationship } from "../../src/analysis"
import { GROUPS_OF } from "../../src/analysis/features"
import { generateHistory } from "../../src/analysis/generate"
import { createClassifier } from "../../src/analysis/incremental"
import { scanHits, scanMask } from "../../src/analysis/lexicon"
import type { AccountHistory, Interaction } from "../../src/model/schema"

const NOW = Date.UTC(2025, 6, 1)

/**
 * The baseline of classify-10k: one pass of the engine's lexicon scanner over the texts the
 * classifier scans (features.ts), with the same groups, so the same tries: the reading scan
 * (cues and markers with their places, as `read` makes it, without its clause pass) for
 * interactions, deals and cases, the mask scan for quote lines and contracts. Returns a value derived from the results
 * so the JIT cannot drop the work.
 */
function scanPass(h: AccountHistory): number {
  let sink = 0
  for (const r of h.interactions) sink ^= scanHits(GROUPS_OF.Interaction, r.subject, r.text)
  for (const r of h.deals) sink ^= scanHits(GROUPS_OF.Deal, r.name, r.type, r.description)
  for (const r of h.quoteLines) sink ^= scanMask(GROUPS_OF.QuoteLine, r.product)
  for (const r of h.cases) sink ^= scanHits(GROUPS_OF.Case, r.subject, r.description)
  for (const r of h.contracts) sink ^= scanMask(GROUPS_OF.Contract, r.name, r.description)
  return sink
}

function timed(fn: () => unknown): number {
  const t0 = performance.now()
  fn()
  return performance.now() - t0
}

/**
 * One pair, in alternating order: the collector often runs during whichever call follows the one
 * that allocated, so a fixed order would bill one side's garbage to the other side every time.
 */
function pair(i: number, raw: () => unknown, parley: () => unknown): { raw: number; parley: number } {
  if (i % 2 === 0) {
    const r = timed(raw)
    return { raw: r, parley: timed(parley) }
  }
  const p = timed(parley)
  return { raw: timed(raw), parley: p }
}

/** classify-10k: classifying from scratch ÷ one scan pass over the same history. */
export function benchClassify(interactions: number, runs: number) {
  const history = generateHistory({ interactions })
  for (let i = 0; i < 10; i++) {
    // Warm up the JIT on both sides.
    scanPass(history)
    classifyRelationship(history, { now: NOW })
  }
  const pairs: { raw: number; parley: number }[] = []
  for (let i = 0; i < runs; i++) pairs.push(pair(i, () => scanPass(history), () => classifyRelationship(history, { now: NOW })))
  return pairs
}

/** classify-50k: classifying `large` interactions ÷ classifying `small`, both from scratch. */
export function benchGrowth(small: number, large: number, runs: number) {
  const a = generateHistory({ interactions: small })
  const b = generateHistory({ interactions: large })
  for (let i = 0; i < 5; i++) {
    classifyRelationship(a, { now: NOW })
    classifyRelationship(b, { now: NOW })
  }
  const pairs: { raw: number; parley: number }[] = []
  for (let i = 0; i < runs; i++) pairs.push(pair(i, () => classifyRelationship(a, { now: NOW }), () => classifyRelationship(b, { now: NOW })))
  return pairs
}

/**
 * reclassify-1: the background's path (a classifier that keeps features, one new interaction
 * each time) ÷ classifying the same history from scratch.
 */
export function benchReclassify(interactions: number, runs: number) {
  const history = generateHistory({ interactions })
  const classifier = createClassifier({ now: NOW })
  classifier.classify(history)
  const template = history.interactions[0]!
  const add = (i: number) => {
    const added: Interaction = { ...template, key: `${template.key}-new-${i}`, id: `${template.id}n${i}`, at: NOW - i * 1000, subject: "Asked for a discount on the renewal" }
    history.interactions.push(added)
  }
  const warm = 10
  for (let i = 0; i < warm; i++) {
    add(i)
    classifier.classify(history)
    classifyRelationship(history, { now: NOW })
  }
  const pairs: { raw: number; parley: number }[] = []
  for (let i = warm; i < warm + runs; i++) {
    add(i)
    pairs.push(pair(i, () => classifyRelationship(history, { now: NOW }), () => classifier.classify(history)))
    // Every timed call must have extracted only the new record, or the cache is not being measured.
    const { extracted } = classifier.stats()
    if (extracted !== 1) throw new Error(`reclassify-1: ${extracted} records extracted, expected 1`)
  }
  return pairs
}
