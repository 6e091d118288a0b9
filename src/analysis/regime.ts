/**
 * A change of regime (issue 13): the last 12 months read against the years before. A ten-year
 * quality account that moved to three-quote procurement last year is a price account now, and
 * the rep must be told, with the records on both sides.
 */
import { msg } from "../i18n/message"
import type { FeatureSet } from "./features"
import type { Regime } from "./profile"

export function regime(_fs: FeatureSet, _now: number): Regime {
  return { changed: false, since: null, changes: [], before: [], after: [], summary: msg("a.regime.none") }
}
