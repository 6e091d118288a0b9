/**
 * Which axis labels changed between the stored profile and a new one: the trigger of the
 * automatic snapshot (background/classify.ts). The stored profile is read from IndexedDB and may
 * come from an older build, so it is inspected shallowly and never trusted to have every axis.
 */
import type { RelationshipProfile } from "../analysis/profile"
import { AXES } from "./axes"
import type { LabelChange } from "./payload"

/** null when there is no previous profile to compare with (the first classification). */
export function labelChanges(previous: unknown, next: RelationshipProfile): LabelChange[] | null {
  if (typeof previous !== "object" || previous === null) return null
  const old = previous as Partial<Record<string, { label?: unknown }>>
  const changes: LabelChange[] = []
  for (const axis of AXES) {
    const before = old[axis]?.label
    const after = next[axis].label
    if (typeof before === "string" && before !== after) changes.push({ axis, from: before.slice(0, 64), to: after })
  }
  return changes
}
