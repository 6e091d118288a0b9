/**
 * The same record once. A CRM often holds one message twice under different ids: Salesforce's
 * EmailMessage and the Task logged for it (by Outlook/Gmail integration, or by hand as "Email:
 * …"), a Dataverse email tracked twice. Counted twice, it doubles the customer's voice and their
 * contact rhythm. Two interactions are one when their signatures (features.ts `signatureOf`:
 * subject without reply/logging prefixes, and text, whitespace and case aside) are equal and
 * they happened within a minute of each other (or on the same day, when one has a date only).
 *
 * Linear: one Map pass; only the rare groups that share a signature are sorted, and they are
 * small. Which copy stays does not depend on the order records arrive in (the profile must not):
 * the email object over a logged task, a known direction over "unknown", then the smallest key.
 */
import type { FeatureSet, InteractionF } from "./features"
import { DEDUPE, TIME } from "./parameters"

function rank(i: InteractionF): number {
  const email = i.sourceObject === "EmailMessage" || i.sourceObject === "email" ? 0 : 2
  return email + (i.direction === "unknown" ? 1 : 0)
}

/**
 * Whether two copies were logged at the same moment: within the window, or, for an email, on the
 * same day when the earlier copy carries a date only (a logged Task's ActivityDate is midnight
 * UTC). Two date-only calls named "Follow-up" on one day are two calls.
 */
function sameMoment(first: InteractionF, later: InteractionF): boolean {
  const gap = later.at - first.at
  if (gap <= DEDUPE.windowMs) return true
  return first.channel === "email" && later.channel === "email" && first.at % TIME.DAY === 0 && gap < TIME.DAY
}

/** Whether `a` is the copy to keep over `b`. */
function preferred(a: InteractionF, b: InteractionF): boolean {
  const ra = rank(a)
  const rb = rank(b)
  return ra !== rb ? ra < rb : a.key < b.key
}

/** The feature set with later copies of the same interaction left out, and how many were. */
export function withoutDuplicates(fs: FeatureSet): { fs: FeatureSet; duplicates: number } {
  const bySignature = new Map<number, InteractionF | InteractionF[]>()
  let shared = false
  for (const i of fs.interactions) {
    if (i.signature === 0) continue
    const seen = bySignature.get(i.signature)
    if (seen === undefined) bySignature.set(i.signature, i)
    else {
      shared = true
      if (Array.isArray(seen)) seen.push(i)
      else bySignature.set(i.signature, [seen, i])
    }
  }
  if (!shared) return { fs, duplicates: 0 }
  const dropped = new Set<InteractionF>()
  for (const group of bySignature.values()) {
    if (!Array.isArray(group)) continue
    group.sort((a, b) => a.at - b.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    // Clusters of copies: each within the window of the cluster's first record.
    let start = 0
    while (start < group.length) {
      let end = start + 1
      while (end < group.length && sameMoment(group[start]!, group[end]!)) end++
      let keep = group[start]!
      for (let n = start + 1; n < end; n++) if (preferred(group[n]!, keep)) keep = group[n]!
      for (let n = start; n < end; n++) if (group[n] !== keep) dropped.add(group[n]!)
      start = end
    }
  }
  if (dropped.size === 0) return { fs, duplicates: 0 }
  return { fs: { ...fs, interactions: fs.interactions.filter((i) => !dropped.has(i)) }, duplicates: dropped.size }
}
